/** The report's entry points for the CLI: each reads the database read-only and returns the file's text (or bytes, for XLSX). */
import { readReportDataFromFile } from "./data.ts";
import type { ReportFilter } from "./filter.ts";
import { renderHtml } from "./html.ts";
import { renderCsv, renderJson } from "./machine.ts";
import { renderXlsx, type XlsxOptions } from "./xlsx.ts";

export { readReportData, readReportDataFromFile, unrecognizedLabelRows, type DocumentRow, type FindingRow, type FormRow, type ReportData, type UnrecognizedLabelRow } from "./data.ts";
export { activeFilter, applyFilter, describeFilter, reportTitle, REPORT_TITLE, type ReportFilter } from "./filter.ts";
export { renderHtml } from "./html.ts";
export { renderCsv, renderJson, CSV_COLUMNS } from "./machine.ts";
export { renderXlsx, sheetName, displayWidth, safeCellText, MONEY_FORMAT, RATE_FORMAT, type XlsxOptions } from "./xlsx.ts";
export { summarize, type Summary } from "./summary.ts";

export type ReportFormat = "html" | "json" | "csv" | "xlsx";
export type TextReportFormat = Exclude<ReportFormat, "xlsx">;

export function renderHtmlReport(dbPath: string, filter?: ReportFilter | null): string {
  return renderHtml(readReportDataFromFile(dbPath, undefined, filter));
}

export function reportJson(dbPath: string, filter?: ReportFilter | null): string {
  return renderJson(readReportDataFromFile(dbPath, undefined, filter));
}

export function reportCsv(dbPath: string, filter?: ReportFilter | null): string {
  return renderCsv(readReportDataFromFile(dbPath, undefined, filter));
}

/** `jixiao report --db FILE --format xlsx`: the workbook's bytes. */
export function reportXlsx(dbPath: string, filter?: ReportFilter | null, options?: XlsxOptions): Promise<Uint8Array> {
  return renderXlsx(readReportDataFromFile(dbPath, undefined, filter), options);
}

/** `jixiao report --db FILE --format F`: the text of the report in that format (XLSX: see reportXlsx). */
export function renderReport(dbPath: string, format: TextReportFormat = "html", filter?: ReportFilter | null): string {
  const data = readReportDataFromFile(dbPath, undefined, filter);
  return format === "json" ? renderJson(data) : format === "csv" ? renderCsv(data) : renderHtml(data);
}
