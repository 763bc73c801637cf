/** The report's entry points for the CLI: each reads the database read-only and returns the file's text. */
import { readReportDataFromFile } from "./data.ts";
import { renderHtml } from "./html.ts";
import { renderCsv, renderJson } from "./machine.ts";

export { readReportData, readReportDataFromFile, unrecognizedLabelRows, type DocumentRow, type FindingRow, type FormRow, type ReportData, type UnrecognizedLabelRow } from "./data.ts";
export { renderHtml } from "./html.ts";
export { renderCsv, renderJson, CSV_COLUMNS } from "./machine.ts";
export { summarize, type Summary } from "./summary.ts";

export type ReportFormat = "html" | "json" | "csv";

export function renderHtmlReport(dbPath: string): string {
  return renderHtml(readReportDataFromFile(dbPath));
}

export function reportJson(dbPath: string): string {
  return renderJson(readReportDataFromFile(dbPath));
}

export function reportCsv(dbPath: string): string {
  return renderCsv(readReportDataFromFile(dbPath));
}

/** `jixiao report --db FILE --format F`: the text of the report in that format. */
export function renderReport(dbPath: string, format: ReportFormat = "html"): string {
  const data = readReportDataFromFile(dbPath);
  return format === "json" ? renderJson(data) : format === "csv" ? renderCsv(data) : renderHtml(data);
}
