/**
 * The subset a report covers (`jixiao report --agency --year --kind --rule`):
 * applied once, where the report's rows are read (./data.ts), so the HTML,
 * JSON, CSV and XLSX of one filter show the same forms and findings.
 */
import type { DocumentRow, FindingRow, FormRow } from "./data.ts";
import { KIND_TITLES, ruleTitle } from "./labels.ts";

export interface ReportFilter {
  /** Part of the agency's name (full/half width and letter case ignored). */
  agency?: string;
  /** Fiscal year. */
  year?: number;
  /** Form kind (project_self_eval, …). */
  kind?: string;
  /** Only this rule's findings, and only the forms that have one. */
  rule?: string;
}

export const REPORT_TITLE = "预算绩效自评表一致性核查报告";

/** Null when nothing is filtered (an empty object or only empty values). */
export function activeFilter(f: ReportFilter | null | undefined): ReportFilter | null {
  if (!f) return null;
  const out: ReportFilter = {};
  if (f.agency !== undefined && f.agency.trim() !== "") out.agency = f.agency.trim();
  if (f.year !== undefined) out.year = f.year;
  if (f.kind !== undefined && f.kind !== "") out.kind = f.kind;
  if (f.rule !== undefined && f.rule !== "") out.rule = f.rule;
  return Object.keys(out).length > 0 ? out : null;
}

const fold = (s: string) => s.normalize("NFKC").toLowerCase();

/** The filter in words: 单位含“教育”、2022年度、项目支出绩效自评表、规则“分值合计不为100”(weights_not_100). */
export function describeFilter(f: ReportFilter | null | undefined): string {
  const a = activeFilter(f);
  if (!a) return "";
  const parts: string[] = [];
  if (a.agency !== undefined) parts.push(`单位含“${a.agency}”`);
  if (a.year !== undefined) parts.push(`${a.year}年度`);
  if (a.kind !== undefined) parts.push(KIND_TITLES[a.kind] ?? a.kind);
  if (a.rule !== undefined) parts.push(`规则“${ruleTitle(a.rule)}”(${a.rule})`);
  return parts.join("、");
}

/** The report's title, with its filter: 预算绩效自评表一致性核查报告（单位含“教育”、2022年度）. */
export function reportTitle(f: ReportFilter | null | undefined): string {
  const d = describeFilter(f);
  return d ? `${REPORT_TITLE}（${d}）` : REPORT_TITLE;
}

export interface FilterableRows {
  documents: DocumentRow[];
  forms: FormRow[];
  findings: FindingRow[];
}

/**
 * The forms that match, their findings (only the filtered rule's, with each
 * form's counts recomputed from them), and the documents that hold a kept form.
 */
export function applyFilter<T extends FilterableRows>(rows: T, filter: ReportFilter | null | undefined): T {
  const f = activeFilter(filter);
  if (!f) return rows;
  const agency = f.agency === undefined ? undefined : fold(f.agency);
  let forms = rows.forms.filter(
    (x) =>
      (agency === undefined || (x.agency !== null && fold(x.agency).includes(agency))) &&
      (f.year === undefined || x.fiscalYear === f.year) &&
      (f.kind === undefined || x.kind === f.kind),
  );
  let ids = new Set(forms.map((x) => x.formId));
  const findings = rows.findings.filter((x) => ids.has(x.formId) && (f.rule === undefined || x.rule === f.rule));
  if (f.rule !== undefined) {
    const counts = new Map<number, { errors: number; warnings: number; infos: number }>();
    for (const x of findings) {
      const c = counts.get(x.formId) ?? { errors: 0, warnings: 0, infos: 0 };
      if (x.severity === "error") c.errors += 1;
      else if (x.severity === "warning") c.warnings += 1;
      else c.infos += 1;
      counts.set(x.formId, c);
    }
    forms = forms.filter((x) => counts.has(x.formId)).map((x) => ({ ...x, ...counts.get(x.formId)! }));
    ids = new Set(forms.map((x) => x.formId));
  }
  const docs = new Set(forms.map((x) => x.documentId));
  return { ...rows, documents: rows.documents.filter((d) => docs.has(d.id)), forms, findings };
}
