/**
 * What the report shows, read from the store's analyst views (v_forms,
 * v_findings) — the same names analysts query — into plain rows.
 */
import { openStore, type Store } from "@jixiao/store";
import { activeFilter, applyFilter, type ReportFilter } from "./filter.ts";

type Db = Store["db"];

export interface FormRow {
  formId: number;
  documentId: number;
  path: string;
  seq: number;
  kind: string;
  title: string | null;
  fiscalYear: number | null;
  agency: string | null;
  projectName: string | null;
  moneyUnit: string | null;
  moneyUnitEffective: string | null;
  budgetWan: number | null;
  executedWan: number | null;
  /** Stated rate, else B/A. */
  executionRate: number | null;
  totalWeight: number | null;
  totalScore: number | null;
  grade: string | null;
  pageFrom: number | null;
  pageTo: number | null;
  errors: number;
  warnings: number;
  infos: number;
  /** The store's project link (forms.project_id), when the database has that column. */
  projectId?: number | null;
}

export interface FindingRow {
  findingId: number;
  formId: number;
  rule: string;
  severity: "error" | "warning" | "info";
  message: string;
  expected: number | null;
  observed: number | null;
  page: number | null;
  /** Source line of the row (text input), when known. */
  line: number | null;
  indicatorName: string | null;
  fundingSource: string | null;
  path: string;
}

export interface DocumentRow {
  id: number;
  path: string;
  format: string;
  status: string;
  pages: number | null;
}

/** A label or header the pipeline could not map, across the archive (from the unrecognized_label findings). */
export interface UnrecognizedLabelRow {
  label: string;
  /** How many times forms print it. */
  count: number;
  /** Distinct files that print it, and a few of them (first by path). */
  files: number;
  examples: string[];
}

export interface ReportData {
  generatedAt: string;
  /** What the report is restricted to (null or absent: the whole database). */
  filter?: ReportFilter | null;
  documents: DocumentRow[];
  forms: FormRow[];
  findings: FindingRow[];
  /** Most frequent first. */
  unrecognizedLabels: UnrecognizedLabelRow[];
}

/** Example files shown per unrecognised label. */
export const LABEL_EXAMPLES = 3;

const FORMS_SQL = `
SELECT form_id AS formId, document_id AS documentId, path, seq, kind, title, fiscal_year AS fiscalYear, agency,
       project_name AS projectName, money_unit AS moneyUnit, money_unit_effective AS moneyUnitEffective,
       budget_wan AS budgetWan, executed_wan AS executedWan,
       coalesce(execution_rate, execution_rate_computed) AS executionRate,
       total_weight AS totalWeight, total_score AS totalScore, grade, page_from AS pageFrom, page_to AS pageTo,
       error_findings AS errors, warning_findings AS warnings, info_findings AS infos
FROM v_forms
ORDER BY path, seq`;

// The views give the page; the source line (text input) comes from the flagged row itself.
const FINDINGS_SQL = `
SELECT v.finding_id AS findingId, v.form_id AS formId, v.rule, v.severity, v.message, v.expected, v.observed, v.page,
       coalesce(i.line, fu.line, f.line_from) AS line, v.indicator_name AS indicatorName, v.funding_source AS fundingSource, v.path
FROM v_findings v
JOIN forms f ON f.id = v.form_id
LEFT JOIN indicators i ON i.id = v.indicator_id
LEFT JOIN funding fu ON fu.id = v.funding_id
ORDER BY v.path, v.form_seq, CASE v.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, v.finding_id`;

const DOCUMENTS_SQL = `SELECT id, path, format, status, pages FROM documents ORDER BY path`;

// The label as printed is the rule's parameter (the message repeats it after 未识别的标签：).
const LABELS_SQL = `
SELECT coalesce(json_extract(params, '$.label'), substr(message, 8)) AS label, path, form_id AS formId
FROM v_findings
WHERE rule = 'unrecognized_label'
ORDER BY path`;

/** Unrecognised labels with their counts and files, most frequent first (then in more files, then by label). */
export function unrecognizedLabelRows(rows: readonly { label: string | null; path: string }[]): UnrecognizedLabelRow[] {
  const byLabel = new Map<string, { count: number; files: string[] }>();
  for (const r of rows) {
    if (!r.label) continue;
    const entry = byLabel.get(r.label) ?? { count: 0, files: [] };
    entry.count += 1;
    if (!entry.files.includes(r.path)) entry.files.push(r.path);
    byLabel.set(r.label, entry);
  }
  return [...byLabel.entries()]
    .map(([label, e]) => ({ label, count: e.count, files: e.files.length, examples: [...e.files].sort().slice(0, LABEL_EXAMPLES) }))
    .sort((a, b) => b.count - a.count || b.files - a.files || a.label.localeCompare(b.label, "zh"));
}

/** Forms with their project_id attached when the store links projects (a column newer databases have). */
function readForms(db: Db): FormRow[] {
  const forms = db.prepare(FORMS_SQL).all() as FormRow[];
  const columns = db.prepare("SELECT name FROM pragma_table_info('forms')").all() as { name: string }[];
  if (!columns.some((c) => c.name === "project_id")) return forms;
  const ids = new Map((db.prepare("SELECT id, project_id AS projectId FROM forms").all() as { id: number; projectId: number | null }[]).map((r) => [r.id, r.projectId]));
  for (const f of forms) f.projectId = ids.get(f.formId) ?? null;
  return forms;
}

export function readReportData(db: Db, now: Date = new Date(), filter?: ReportFilter | null): ReportData {
  const f = activeFilter(filter);
  return db.transaction(() => {
    const rows = applyFilter(
      {
        documents: db.prepare(DOCUMENTS_SQL).all() as DocumentRow[],
        forms: readForms(db),
        findings: db.prepare(FINDINGS_SQL).all() as FindingRow[],
      },
      f,
    );
    let labels = db.prepare(LABELS_SQL).all() as { label: string | null; path: string; formId: number }[];
    if (f) {
      const kept = new Set(rows.forms.map((x) => x.formId));
      labels = f.rule !== undefined && f.rule !== "unrecognized_label" ? [] : labels.filter((l) => kept.has(l.formId));
    }
    return { generatedAt: now.toISOString(), filter: f, ...rows, unrecognizedLabels: unrecognizedLabelRows(labels) };
  })();
}

/** Opens the database read-only (it is never migrated or written by a report), reads, closes. */
export function readReportDataFromFile(dbPath: string, now?: Date, filter?: ReportFilter | null): ReportData {
  const store = openStore(dbPath, { readonly: true });
  try {
    return readReportData(store.db, now, filter);
  } finally {
    store.close();
  }
}
