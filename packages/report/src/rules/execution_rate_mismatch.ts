/** execution_rate_mismatch — error — printed 执行率 vs 全年执行数(B) / 全年预算数(A). */
import { agreesWithin, decimalsOfText, show } from "../rounding.ts";
import { formLabel, tail, whereText } from "../context.ts";
import { amountDecimals, rateRange } from "../funding.ts";
import type { Form, FundingLine } from "@jixiao/normalize";
import { defineRule } from "./rule.ts";

/** The printed rate as a percentage and its decimals: 79.74% → 79.74/2; a bare 72.26 → 72.26/2; 0.8 → 80/0. */
export function printedPercent(line: FundingLine): { percent: number; decimals: number } | null {
  if (line.executionRate === null) return null;
  const text = line.executionRateText ?? "";
  const m = text.replace(/,/g, "").match(/-?\d+(?:\.\d+)?/);
  if (!m) return null;
  const value = Number(m[0]);
  const decimals = decimalsOfText(m[0]);
  // A bare fraction (0.8) means 80%; anything printed with % or above 1.5 is already a percentage.
  if (!text.includes("%") && value <= 1.5 && value !== 0) return { percent: value * 100, decimals: Math.max(0, decimals - 2) };
  return { percent: value, decimals };
}

/**
 * Does the printed rate agree with B/A, B and A being themselves rounded
 * amounts? Rates above 100% may be printed capped at 100%.
 */
export function rateAgrees(form: Form, line: FundingLine): boolean | null {
  const printed = printedPercent(line);
  if (!printed || line.budget === null || line.executed === null || line.budget <= 0) return null;
  const [low, high] = rateRange(line.budget, line.executed, amountDecimals(form));
  if (agreesWithin(printed.percent, low * 100, high * 100, printed.decimals)) return true;
  return high > 1 && printed.percent === 100;
}

export const executionRateMismatch = defineRule("execution_rate_mismatch", "error", (ctx, report) => {
  return ctx.doc.forms.flatMap((form) =>
    form.funding
      .filter((line) => rateAgrees(form, line) === false)
      .map((line) => {
        const computed = line.executed! / line.budget!;
        return report({
          form,
          funding: line,
          message:
            `执行率填报为${line.executionRateText}，按全年执行数${line.executed}÷全年预算数${line.budget}计算应为${show(computed * 100)}%` +
            tail(whereText(ctx, line), formLabel(form), line.source),
          expected: computed,
          observed: line.executionRate,
          params: { formula: "全年执行数(B)÷全年预算数(A)", rateDecimals: printedPercent(line)!.decimals, amountDecimals: amountDecimals(form) },
        });
      }),
  );
});
