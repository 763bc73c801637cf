/**
 * Column ↔ model-field mappings, one per table: the single place that says
 * which SQLite column holds which field of the canonical model. Saving and
 * loading both read them, so the two cannot drift apart; the type checks at
 * the bottom fail to compile when the model gains a field no column holds.
 */
import type { Finding, Form, FormFact, FundingLine, Goal, Indicator, NarrativeLine, SideTable } from "@jixiao/normalize";

export interface TableMapping<T> {
  readonly table: string;
  /** column → field */
  readonly columns: Readonly<Record<string, keyof T & string>>;
  /** Columns stored as JSON text. */
  readonly json: readonly string[];
}

export const FUNDING = {
  table: "funding",
  columns: {
    seq: "seq",
    source: "source",
    source_kind: "sourceKind",
    initial_budget_yuan: "initialBudgetYuan",
    budget_yuan: "budgetYuan",
    executed_yuan: "executedYuan",
    balance_yuan: "balanceYuan",
    execution_rate: "executionRate",
    weight: "weight",
    score: "score",
    initial_budget_printed: "initialBudget",
    budget_printed: "budget",
    executed_printed: "executed",
    balance_printed: "balance",
    initial_budget_text: "initialBudgetText",
    budget_text: "budgetText",
    executed_text: "executedText",
    balance_text: "balanceText",
    execution_rate_text: "executionRateText",
    executed_to_date_printed: "executedToDate",
    executed_to_date_text: "executedToDateText",
    executed_to_date_yuan: "executedToDateYuan",
    forecast_executed_printed: "forecastExecuted",
    forecast_executed_text: "forecastExecutedText",
    forecast_executed_yuan: "forecastExecutedYuan",
    extra: "extra",
    ocr_confidence: "ocrConfidence",
    page: "page",
    line: "line",
  },
  json: ["extra"],
} as const satisfies TableMapping<FundingLine>;

export const INDICATORS = {
  table: "indicators",
  columns: {
    seq: "seq",
    level1: "level1",
    level1_weight: "level1Weight",
    level2: "level2",
    level2_weight: "level2Weight",
    name: "name",
    target_text: "targetText",
    adjusted_target_text: "adjustedTargetText",
    actual_text: "actualText",
    comparator: "comparator",
    target_value: "targetValue",
    target_value_max: "targetValueMax",
    actual_value: "actualValue",
    unit: "unit",
    value_type: "valueType",
    weight: "weight",
    score: "score",
    reason: "reason",
    scoring_rule: "scoringRule",
    description: "description",
    actual_to_date_text: "actualToDateText",
    forecast_text: "forecastText",
    likelihood: "likelihood",
    deviation_cause: "deviationCause",
    extra: "extra",
    ocr_confidence: "ocrConfidence",
    page: "page",
    line: "line",
  },
  json: ["extra"],
} as const satisfies TableMapping<Indicator>;

/** The form's own fields; its children and parentSeq are stored through other tables and columns. */
export const FORMS = {
  table: "forms",
  columns: {
    seq: "seq",
    kind: "kind",
    title: "title",
    fiscal_year: "fiscalYear",
    fiscal_year_source: "fiscalYearSource",
    as_of_month: "asOfMonth",
    agency: "agency",
    supervisor: "supervisor",
    supervisor_code: "supervisorCode",
    implementer: "implementer",
    project_name: "projectName",
    project_code: "projectCode",
    fill_date: "fillDate",
    money_unit: "moneyUnit",
    money_unit_effective: "moneyUnitEffective",
    money_unit_reason: "moneyUnitReason",
    total_weight: "totalWeight",
    total_score: "totalScore",
    goals_weight: "goalsWeight",
    goals_score: "goalsScore",
    grade: "grade",
    page_from: "pageFrom",
    page_to: "pageTo",
    line_from: "lineFrom",
    line_to: "lineTo",
    deviation: "deviation",
    notes: "notes",
    missing: "missing",
    unrecognized_labels: "unrecognizedLabels",
  },
  json: ["notes", "missing", "unrecognized_labels"],
} as const satisfies TableMapping<Form>;

/**
 * Every label/value pair printed on a form (Form.facts). `field` is stored as
 * given: normalize already names the forms column the fact filled
 * (project_name, fill_date …), as the contract's form_facts.field says.
 */
export const FORM_FACTS = {
  table: "form_facts",
  columns: { seq: "seq", label: "label", value: "value", field: "field", page: "page", line: "line" },
  json: [],
} as const satisfies TableMapping<FormFact>;

export const GOALS = {
  table: "goals",
  columns: { expected: "expected", actual: "actual" },
  json: [],
} as const satisfies TableMapping<Goal>;

export const NARRATIVE = {
  table: "narrative",
  columns: { page: "page", line: "line", text: "text" },
  json: [],
} as const satisfies TableMapping<NarrativeLine>;

export const SIDE_TABLES = {
  table: "side_tables",
  columns: {
    page: "page",
    line: "line",
    money_unit: "moneyUnit",
    project_name: "projectName",
    budget_printed: "budget",
    executed_printed: "executed",
    balance_printed: "balance",
    execution_rate: "executionRate",
    score: "score",
  },
  json: [],
} as const satisfies TableMapping<SideTable>;

/** Findings point at rows by seq in the model and by id in SQLite; those three fields are mapped by hand. */
export const FINDINGS = {
  table: "findings",
  columns: {
    rule: "rule",
    severity: "severity",
    message: "message",
    expected: "expected",
    observed: "observed",
    page: "page",
    params: "params",
  },
  json: ["params"],
} as const satisfies TableMapping<Finding>;

/** Model fields that a mapping leaves out on purpose. */
type ByHand = {
  forms: "funding" | "indicators" | "goals" | "facts" | "parentSeq";
  findings: "formSeq" | "indicatorSeq" | "fundingSeq";
};

type Unmapped<T, M extends TableMapping<T>, Skip = never> = Exclude<keyof T, M["columns"][keyof M["columns"]] | Skip>;
type AssertNone<X extends never> = X;

// Compile-time completeness: each line fails to type-check if a model field has no column.
export type CompletenessChecks = [
  AssertNone<Unmapped<FundingLine, typeof FUNDING>>,
  AssertNone<Unmapped<Indicator, typeof INDICATORS>>,
  AssertNone<Unmapped<Form, typeof FORMS, ByHand["forms"]>>,
  AssertNone<Unmapped<FormFact, typeof FORM_FACTS>>,
  AssertNone<Unmapped<Goal, typeof GOALS>>,
  AssertNone<Unmapped<NarrativeLine, typeof NARRATIVE>>,
  AssertNone<Unmapped<SideTable, typeof SIDE_TABLES>>,
  AssertNone<Unmapped<Finding, typeof FINDINGS, ByHand["findings"]>>,
];

/** INSERT with named parameters for the mapped columns plus the keys (form_id, document_id, seq …) given first. */
export function insertSql<T>(mapping: TableMapping<T>, keys: readonly string[]): string {
  const columns = [...keys, ...Object.keys(mapping.columns).filter((c) => !keys.includes(c))];
  return `INSERT INTO ${mapping.table} (${columns.join(", ")}) VALUES (${columns.map((c) => "@" + c).join(", ")})`;
}

/** Named parameters for insertSql, from a model object. */
export function toParams<T>(mapping: TableMapping<T>, value: T): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [column, field] of Object.entries(mapping.columns) as [string, keyof T][]) {
    const v = value[field];
    params[column] = mapping.json.includes(column) ? (v === null ? null : JSON.stringify(v)) : v;
  }
  return params;
}

/** A model object (unvalidated) from a row selected with the mapping's columns. */
export function fromRow<T>(mapping: TableMapping<T>, row: Record<string, unknown>): T {
  const value: Record<string, unknown> = {};
  for (const [column, field] of Object.entries(mapping.columns)) {
    const v = row[column];
    value[field] = mapping.json.includes(column) && typeof v === "string" ? JSON.parse(v) : v;
  }
  return value as T;
}
