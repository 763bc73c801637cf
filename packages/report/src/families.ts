/**
 * Which rules a form's family can feed (../shared/spec/rules.md, "Rules for
 * the other families"). Rules apply where their inputs exist: a family decides
 * what a form *means* (a target form's 分值 is not a self-evaluation's; a
 * monitoring form's 执行率 is 1–N月, not the year's), and each rule still
 * checks that the numbers it needs were printed.
 */
import { MONITORING_KINDS, type Form, type FundingLine } from "@jixiao/normalize";

type Kind = Form["kind"];

/** Target forms: targets set at budget time, no actuals, no scores. */
export const TARGET_KINDS: ReadonlySet<Kind> = new Set<Kind>(["project_targets", "department_targets", "transfer_targets"]);

/** Monitoring forms: 1–N月 execution, a forecast for the year, 完成目标可能性 (the normalizer's family data). */
export { MONITORING_KINDS };

/** Forms that report the year's actuals against targets (and so owe a reason for each shortfall). */
export const ACTUALS_KINDS: ReadonlySet<Kind> = new Set<Kind>(["project_self_eval", "department_self_eval", "transfer_self_eval"]);

/**
 * Forms whose 分值/得分 make a score sheet that must add up to its total:
 * the self-evaluations, a 重点评价's 指标体系评分表, and a transfer-payment
 * self-evaluation when (some provinces) it prints scores.
 */
export const SCORE_SHEET_KINDS: ReadonlySet<Kind> = new Set<Kind>(["project_self_eval", "department_self_eval", "evaluation_scorecard", "transfer_self_eval"]);

export const isTarget = (form: Form): boolean => TARGET_KINDS.has(form.kind);
export const isMonitoring = (form: Form): boolean => MONITORING_KINDS.has(form.kind);
export const reportsActuals = (form: Form): boolean => ACTUALS_KINDS.has(form.kind);
export const isScoreSheet = (form: Form): boolean => SCORE_SHEET_KINDS.has(form.kind);

/** Does the form print any 分值 or 得分 (indicators, the execution item, or a total)? */
export function printsScores(form: Form): boolean {
  return (
    form.totalScore !== null ||
    form.totalWeight !== null ||
    form.indicators.some((i) => i.weight !== null || i.score !== null) ||
    form.funding.some((l) => l.weight !== null || l.score !== null)
  );
}

/**
 * Score rules (得分 against 分值, totals, grades) apply to forms that are not
 * target or monitoring forms — those print no 得分 — and that print scores.
 */
export function scoreRulesApply(form: Form): boolean {
  return !isTarget(form) && !isMonitoring(form) && printsScores(form);
}

/**
 * The indicator-by-indicator score rules (formula, qualitative band) read an
 * indicator against its target and achieved value: not a scorecard's
 * evaluation criteria, which carry their own 评分标准.
 */
export function indicatorScoreRulesApply(form: Form): boolean {
  return scoreRulesApply(form) && form.kind !== "evaluation_scorecard";
}

/**
 * Does the form owe a 总分 at all? A transfer-payment self-evaluation only when
 * it prints scores; transfer targets and monitoring forms never. (For the
 * other families the normalizer's own list of missing parts is taken as is.)
 */
export function expectsTotal(form: Form): boolean {
  if (form.kind === "transfer_self_eval") return printsScores(form);
  return form.kind !== "transfer_targets" && !isMonitoring(form);
}

/** 1–6月, or 截至目前 when the form does not say up to which month. */
export function toDateText(form: Form): string {
  return form.asOfMonth != null ? `1–${form.asOfMonth}月` : "截至目前";
}

/**
 * The amount a monitoring form's 执行率 divides: 1–N月执行数, else (when the
 * template prints one execution column) the executed amount.
 */
export function executedForRate(form: Form, line: FundingLine): { value: number | null; name: string } {
  // != null: rows loaded from a database written before these columns existed lack them.
  if (isMonitoring(form) || (line.executed === null && line.executedToDate != null)) {
    if (line.executedToDate != null) return { value: line.executedToDate, name: `${toDateText(form)}执行数` };
    return { value: line.executed, name: isMonitoring(form) ? "执行数" : "全年执行数" };
  }
  return { value: line.executed, name: "全年执行数" };
}

/** The budget a rate or forecast is held against: 全年预算数, else (monitoring templates that print only that) 年初预算数. */
export function budgetFor(form: Form, line: FundingLine): { value: number | null; name: string } {
  if (line.budget !== null || !isMonitoring(form)) return { value: line.budget, name: "全年预算数" };
  return { value: line.initialBudget, name: "年初预算数" };
}
