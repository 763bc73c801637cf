/**
 * The canonical model: what the normalize stage hands to store and report.
 * It mirrors ../shared/spec/data-model.md (names in camelCase here, snake_case
 * in SQLite). Amounts are kept as printed (in the form's own unit) next to
 * their value in yuan under the unit the pipeline believes.
 */
import { z } from "zod";

export const FORM_KINDS = [
  "project_self_eval",
  "department_self_eval",
  "project_targets",
  "department_targets",
  "project_list",
  // Families of the national templates beyond the seeds (see docs/form-families.md).
  "transfer_self_eval",
  "transfer_targets",
  "project_monitoring",
  "department_monitoring",
  "evaluation_scorecard",
] as const;
export const FormKind = z.enum(FORM_KINDS);
export type FormKind = z.infer<typeof FormKind>;

export const MoneyUnit = z.enum(["元", "万元"]);
export type MoneyUnit = z.infer<typeof MoneyUnit>;

export const Comparator = z.enum([">=", "<=", "=", ">", "<", "qualitative"]);
export type Comparator = z.infer<typeof Comparator>;

export const SOURCE_KINDS = ["total", "fiscal", "central", "superior", "local", "own", "other", "carryover"] as const;
export const SourceKind = z.enum(SOURCE_KINDS);
export type SourceKind = z.infer<typeof SourceKind>;

const num = z.number().finite().nullable();
const text = z.string().nullable();

/**
 * Cells of a row printed under a header that maps to no canonical column
 * (指标解释 of a target form, 备注, 中期指标值 …): printed header → cell text.
 * Nothing printed in a row is dropped.
 */
export const Extra = z.record(z.string(), z.string());
export type Extra = z.infer<typeof Extra>;

/** Where a form's fiscal year came from, most trusted first. */
export const FISCAL_YEAR_SOURCES = ["printed", "text", "document", "sheet", "file_name", "folder"] as const;
export const FiscalYearSource = z.enum(FISCAL_YEAR_SOURCES);
export type FiscalYearSource = z.infer<typeof FiscalYearSource>;

/** 完成目标可能性 of a monitoring form. */
export const LIKELIHOODS = ["确定能", "有可能", "完全不可能"] as const;

/** Where a row came from: page (or sheet index) and, for text input, the source line. */
export const Location = z.object({
  page: z.number().int().positive().nullable(),
  line: z.number().int().positive().nullable().default(null),
});

export const FundingLine = z.object({
  seq: z.number().int().positive(),
  source: z.string(),
  sourceKind: SourceKind,
  /** Printed numbers, in the form's printed unit (moneyUnit). */
  initialBudget: num,
  budget: num,
  executed: num,
  balance: num,
  /** Raw cell texts, for people checking the parse. */
  initialBudgetText: text,
  budgetText: text,
  executedText: text,
  balanceText: text,
  /** Stated execution rate as a fraction (0.7974 for 79.74%), and its printed text. */
  executionRate: num,
  executionRateText: text,
  weight: num,
  score: num,
  /** Monitoring forms: 1–N月执行数 and 全年预计执行数, as printed. */
  executedToDate: num.default(null),
  executedToDateText: text.default(null),
  forecastExecuted: num.default(null),
  forecastExecutedText: text.default(null),
  /** Yuan, under the effective unit. */
  initialBudgetYuan: num,
  budgetYuan: num,
  executedYuan: num,
  balanceYuan: num,
  executedToDateYuan: num.default(null),
  forecastExecutedYuan: num.default(null),
  /** Printed header → cell text for the row's cells that map to no column above. */
  extra: Extra.default({}),
  /** Lowest OCR confidence (0–1) among the row's cells; null when a text layer was read. */
  ocrConfidence: num.default(null),
  ...Location.shape,
});
export type FundingLine = z.infer<typeof FundingLine>;

export const Indicator = z.object({
  seq: z.number().int().positive(),
  level1: text,
  level1Weight: num,
  level2: text,
  level2Weight: num,
  name: z.string(),
  targetText: text,
  adjustedTargetText: text,
  actualText: text,
  comparator: Comparator.nullable(),
  targetValue: num,
  /** Upper end when the target is a range (5%-10%). */
  targetValueMax: num,
  actualValue: num,
  unit: text,
  /** 指标值类型 as printed on target forms (≥, =, ≤, 定性). */
  valueType: text,
  weight: num,
  score: num,
  reason: text,
  scoringRule: text,
  /** Other descriptive cells: 指标内容 / 指标解释 / 指标值内容. */
  description: text,
  /** Monitoring forms: 1–N月完成值, 全年预计完成值, 完成目标可能性, 偏差原因 category. */
  actualToDateText: text.default(null),
  forecastText: text.default(null),
  likelihood: text.default(null),
  deviationCause: text.default(null),
  /** Printed header → cell text for the row's cells that map to no column above. */
  extra: Extra.default({}),
  ocrConfidence: num.default(null),
  ...Location.shape,
});
export type Indicator = z.infer<typeof Indicator>;

export const Goal = z.object({
  expected: text,
  actual: text,
});
export type Goal = z.infer<typeof Goal>;

/** One label/value pair printed on a form (项目编码：…, 实施期限 …), known or not. */
export const FormFact = z.object({
  seq: z.number().int().positive(),
  /** As printed, without its trailing colon. */
  label: z.string(),
  value: z.string(),
  /** The canonical form field it also filled (projectName, supervisor …), or null. */
  field: z.string().nullable(),
  ...Location.shape,
});
export type FormFact = z.infer<typeof FormFact>;

export const Form = z.object({
  seq: z.number().int().positive(),
  kind: FormKind,
  title: text,
  fiscalYear: z.number().int().nullable(),
  /** Where fiscalYear came from; null when there is no year. */
  fiscalYearSource: FiscalYearSource.nullable().default(null),
  agency: text,
  supervisor: text,
  supervisorCode: text,
  implementer: text,
  projectName: text,
  /** 项目编码/项目代码 as displayed (text, never a float). */
  projectCode: text.default(null),
  /** Monitoring forms: the N of 1–N月. */
  asOfMonth: z.number().int().min(1).max(12).nullable().default(null),
  fillDate: text,
  /** Declared unit, from a header such as 项目资金（万元） or 金额单位：元. */
  moneyUnit: MoneyUnit.nullable(),
  /** Unit the pipeline believes after cross-checks; amounts in yuan use it. */
  moneyUnitEffective: MoneyUnit.nullable(),
  /** Why the effective unit differs from the declared one (evidence, in Chinese). */
  moneyUnitReason: text,
  totalWeight: num,
  totalScore: num,
  /** Points of the goals block, where the form scores it (年度目标完成情况 | … | 20): its 分值 and 得分. */
  goalsWeight: num.default(null),
  goalsScore: num.default(null),
  grade: text,
  pageFrom: z.number().int().positive().nullable(),
  pageTo: z.number().int().positive().nullable(),
  lineFrom: z.number().int().positive().nullable().default(null),
  lineTo: z.number().int().positive().nullable().default(null),
  funding: z.array(FundingLine),
  indicators: z.array(Indicator),
  goals: z.array(Goal),
  /** The form's own explanation of deviations (绩效目标执行出现的偏差和采取的措施, 偏差原因 rows). */
  deviation: text.default(null),
  /** The form's own notes (注/备注): scoring rules that the report stage parses. */
  notes: z.array(z.string()),
  /** Required parts that could not be read: 'funding', 'indicators', 'total'. */
  missing: z.array(z.string()),
  /** For project_list rows: the department form this list belongs to (its seq). */
  parentSeq: z.number().int().positive().nullable().default(null),
  /** Every label/value pair the form prints (form_facts). */
  facts: z.array(FormFact).default([]),
  /** Labels and column headers that map to nothing the vocabulary knows, as printed (unrecognized_label). */
  unrecognizedLabels: z.array(z.string()).default([]),
});
export type Form = z.infer<typeof Form>;

/** A narrative line of the document, kept for the cross-check rules. */
export const NarrativeLine = z.object({
  page: z.number().int().positive(),
  line: z.number().int().positive().nullable(),
  text: z.string(),
});
export type NarrativeLine = z.infer<typeof NarrativeLine>;

/** A table that is not a form but carries one project's numbers (预算执行情况 in a report). */
export const SideTable = z.object({
  page: z.number().int().positive(),
  line: z.number().int().positive().nullable(),
  moneyUnit: MoneyUnit.nullable(),
  /** The project the table speaks of, when the document makes it clear. */
  projectName: text,
  budget: num,
  executed: num,
  balance: num,
  executionRate: num,
  score: num,
});
export type SideTable = z.infer<typeof SideTable>;

export const NormalizedDocument = z.object({
  forms: z.array(Form),
  narrative: z.array(NarrativeLine),
  sideTables: z.array(SideTable),
  warnings: z.array(z.string()),
  /** What `page` numbers count: printed pages (absent), or a workbook's sheets in tab order. */
  pageUnit: z.enum(["page", "sheet"]).optional(),
});
export type NormalizedDocument = z.infer<typeof NormalizedDocument>;
export type PageUnit = NonNullable<NormalizedDocument["pageUnit"]>;

/** What a source format's page numbers count: a workbook's "pages" are its sheets. */
export const pageUnitOf = (format: string): PageUnit => (format === "xlsx" || format === "xls" ? "sheet" : "page");

/**
 * A consistency finding of the report stage. It points at its form (and row)
 * by sequence number inside the document, so findings can be computed before
 * the rows have database ids; the store maps them.
 */
export const SEVERITIES = ["error", "warning", "info"] as const;
export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

export const Finding = z.object({
  formSeq: z.number().int().positive(),
  indicatorSeq: z.number().int().positive().nullable(),
  fundingSeq: z.number().int().positive().nullable(),
  rule: z.string(),
  severity: Severity,
  /** One sentence in Chinese a finance officer understands, with both numbers. */
  message: z.string(),
  expected: num,
  observed: num,
  page: z.number().int().positive().nullable(),
  /** Parameters the rule used (the form's own note, or the national defaults). */
  params: z.record(z.string(), z.unknown()).nullable(),
});
export type Finding = z.infer<typeof Finding>;
