/**
 * execution_rate_mismatch — error — printed 执行率 vs 全年执行数(B) / 全年预算数(A).
 * On a monitoring form the printed rate is 1–N月执行率: 1–N月执行数 / 全年预算数
 * (the executed amount when the template prints no 1–N月 column).
 */
import { agreesWithin, decimalsOfText, show } from "../rounding.ts";
import { formLabel, tail, whereText } from "../context.ts";
import { budgetFor, executedForRate, isMonitoring, toDateText } from "../families.ts";
import { amountDecimals, rateRange } from "../funding.ts";
import type { Form, FundingLine } from "@jixiao/normalize";
import { defineRule } from "./rule.ts";

/** The printed rate as a percentage and its decimals: 79.74% → 79.74/2; a bare 72.26 → 72.26/2; 0.8 → 80/0. */
export function printedPercent(line: FundingLine): { percent: number; decimals: number } | null {
  const text = line.executionRateText;
  // == null: rows loaded from a database written before the text column existed lack it;
  // without the printed text the decimals the rate was printed with are unknown.
  if (line.executionRate === null || text == null) return null;
  const m = text.replace(/,/g, "").match(/-?\d+(?:\.\d+)?/);
  if (!m) return null;
  const value = Number(m[0]);
  const decimals = decimalsOfText(m[0]);
  // A bare fraction (0.8) means 80%; anything printed with % or above 1.5 is already a percentage.
  if (!text.includes("%") && value <= 1.5 && value !== 0) return { percent: value * 100, decimals: Math.max(0, decimals - 2) };
  return { percent: value, decimals };
}

/** The two amounts the printed rate divides, with their names as the form prints them. */
export function rateInputs(form: Form, line: FundingLine): { executed: number; budget: number; executedName: string; budgetName: string } | null {
  const executed = executedForRate(form, line);
  const budget = budgetFor(form, line);
  if (executed.value === null || budget.value === null || budget.value <= 0) return null;
  return { executed: executed.value, budget: budget.value, executedName: executed.name, budgetName: budget.name };
}

/**
 * Does the printed rate agree with B/A, B and A being themselves rounded
 * amounts? Rates above 100% may be printed capped at 100%.
 */
export function rateAgrees(form: Form, line: FundingLine): boolean | null {
  const printed = printedPercent(line);
  const inputs = rateInputs(form, line);
  if (!printed || !inputs) return null;
  const [low, high] = rateRange(inputs.budget, inputs.executed, amountDecimals(form));
  if (agreesWithin(printed.percent, low * 100, high * 100, printed.decimals)) return true;
  if (printed.percent !== 100) return false;
  // Stryker disable next-line EqualityOperator: `>=` is equivalent — at high === 1 the range ends at exactly 100 %, which agreesWithin has already accepted.
  return high > 1;
}

export const executionRateMismatch = defineRule("execution_rate_mismatch", "error", (ctx, report) => {
  return ctx.doc.forms.flatMap((form) =>
    form.funding
      .filter((line) => rateAgrees(form, line) === false)
      .map((line) => {
        const inputs = rateInputs(form, line)!;
        const computed = inputs.executed / inputs.budget;
        const rateName = isMonitoring(form) ? `${toDateText(form)}执行率` : "执行率";
        return report({
          form,
          funding: line,
          message:
            `${rateName}填报为${line.executionRateText}，按${inputs.executedName}${inputs.executed}÷${inputs.budgetName}${inputs.budget}计算应为${show(computed * 100)}%` +
            tail(whereText(ctx, line), formLabel(form), line.source),
          expected: computed,
          observed: line.executionRate,
          params: {
            // Only a form that is no monitoring form names its amount 全年执行数, and its budget is always 全年预算数.
            formula: inputs.executedName === "全年执行数" ? "全年执行数(B)÷全年预算数(A)" : `${inputs.executedName}÷${inputs.budgetName}`,
            rateDecimals: printedPercent(line)!.decimals,
            amountDecimals: amountDecimals(form),
            ...(isMonitoring(form) ? { asOfMonth: form.asOfMonth } : {}),
          },
        });
      }),
  );
});
