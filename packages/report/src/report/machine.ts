/** The report for machines: JSON (summary, forms with their findings) and CSV (one row per finding). */
import type { FindingRow, ReportData } from "./data.ts";
import { activeFilter, reportTitle } from "./filter.ts";
import { summarize } from "./summary.ts";

/**
 * What JSON.stringify leaves raw although a terminal would act on it or show it
 * misleadingly: DEL, the C1 controls (\x9b is CSI to some terminals), U+2028/9
 * and the bidirectional controls. The JSON report goes to stdout without --out.
 */
const RAW_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function renderJson(data: ReportData): string {
  const byForm = new Map<number, FindingRow[]>();
  for (const x of data.findings) byForm.set(x.formId, [...(byForm.get(x.formId) ?? []), x]);
  return JSON.stringify(
    {
      title: reportTitle(data.filter),
      filter: activeFilter(data.filter),
      generatedAt: data.generatedAt,
      summary: summarize(data),
      documents: data.documents,
      forms: data.forms.map((f) => ({ ...f, findings: byForm.get(f.formId) ?? [] })),
      unrecognizedLabels: data.unrecognizedLabels,
    },
    null,
    1,
  ).replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export const CSV_COLUMNS = [
  "path", "form_seq", "kind", "fiscal_year", "agency", "project_name", "rule", "severity",
  "message", "observed", "expected", "page", "line", "indicator", "funding_source",
] as const;

/** A cell a spreadsheet reads as a number: -12.5, +3, 1e5, -1,234.50 (quoted), not `=1+2` or `-2+3`. */
const PLAIN_NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?%?$/;

/**
 * A field a spreadsheet would run as a formula (OWASP "CSV injection"): one that
 * starts with `=`, `+`, `-`, `@`, a tab or a carriage return and is not a plain
 * number. Negative numbers (-12.5) stay numbers.
 */
export function isFormulaLike(s: string): boolean {
  return /^[=+\-@\t\r]/.test(s) && !(/\d/.test(s) && PLAIN_NUMBER.test(s));
}

/**
 * RFC 4180: quote every field that holds a comma, quote, or line break. A field
 * a spreadsheet would treat as a formula is neutralised the OWASP way: a single
 * quote before it, and the whole field quoted.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  const s = String(value);
  if (isFormulaLike(s)) return `"'${s.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per finding with its form's facts; a BOM so spreadsheet programs read the Chinese as UTF-8. */
export function renderCsv(data: ReportData): string {
  const forms = new Map(data.forms.map((f) => [f.formId, f]));
  const lines = [CSV_COLUMNS.join(",")];
  for (const x of data.findings) {
    const f = forms.get(x.formId)!;
    lines.push(
      [x.path, f.seq, f.kind, f.fiscalYear, f.agency, f.projectName, x.rule, x.severity, x.message, x.observed, x.expected, x.page, x.line, x.indicatorName, x.fundingSource]
        .map(csvField)
        .join(","),
    );
  }
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}
