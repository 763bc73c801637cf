/** weights_not_100 — warning — weights (indicators + funding, + the goals block's where it is scored) do not add up to 100 (or to the printed total weight). */
import type { Indicator } from "@jixiao/normalize";
import { formLabel, formWhere, tail } from "../context.ts";
import { executionLine } from "../funding.ts";
import { isScoreSheet } from "../families.ts";
import { agrees, show } from "../rounding.ts";
import { executionWeight } from "./execution_score_mismatch.ts";
import { defineRule } from "./rule.ts";

export const FULL_MARKS = 100;

export const weightsNot100 = defineRule("weights_not_100", "warning", (ctx, report) => {
  return ctx.doc.forms.flatMap((form) => {
    // (scoreRulesApply need not be asked: a score sheet is never a target or monitoring form,
    // and one that prints no 分值 has no weighted indicator, which returns below.)
    if (!isScoreSheet(form)) return [];
    // Parts that could not be read cannot be summed: extraction_partial reports them instead.
    // A form whose total row was not read may have lost its last rows with it (a table cut
    // at the end of a page or a copy): its weights cannot be summed either.
    if (form.missing.includes("funding") || form.missing.includes("indicators") || form.missing.includes("total")) return [];
    let weighted = form.indicators.filter((i) => i.weight !== null);
    let indicatorSum = weighted.reduce((s, i) => s + i.weight!, 0);
    // A form that prints no 分值 per indicator but declares each 一级指标's (产出指标(60分), 效益指标(40分)):
    // the groups' weights are its indicators' weights.
    const groups = declaredGroupWeights(form.indicators);
    if (weighted.length === 0 && groups) {
      weighted = groups.firsts;
      indicatorSum = groups.sum;
    } else if (weighted.length === 0 || form.indicators.some((i) => i.weight === null && i.score !== null)) return [];
    const expected = form.totalWeight ?? FULL_MARKS;
    const line = executionLine(form);
    const w = line ? executionWeight(ctx, form, line) : null;
    // A form whose indicators alone make the full marks scores no separate execution item.
    const fundingWeight = w && (w.printed || !agrees(expected, indicatorSum)) ? w.weight : 0;
    const goalsWeight = form.goalsWeight ?? 0;
    const sum = indicatorSum + fundingWeight + goalsWeight;
    if (agrees(expected, sum)) return [];
    return [
      report({
        form,
        message:
          `各项分值合计${show(sum)}分（绩效指标${show(indicatorSum)}分＋预算执行率${show(fundingWeight)}分${goalsWeight ? `＋目标完成${show(goalsWeight)}分` : ""}），不等于${form.totalWeight !== null ? "总分栏的" : ""}${expected}分` +
          tail(formWhere(ctx, form), formLabel(form)),
        expected,
        observed: sum,
        params: { indicatorSum, fundingWeight, ...(form.goalsWeight !== null ? { goalsWeight: form.goalsWeight } : {}), fundingWeightPrinted: w?.printed ?? null, totalWeightPrinted: form.totalWeight !== null },
        inputs: [...weighted, ...(line && fundingWeight > 0 ? [line] : [])],
      }),
    ];
  });
});

/** Each 一级指标's declared weight, once per group, when every indicator's group declares one. */
function declaredGroupWeights(indicators: Indicator[]): { sum: number; firsts: Indicator[] } | null {
  if (indicators.length === 0 || indicators.some((i) => i.level1 === null || i.level1Weight === null)) return null;
  const firsts = indicators.filter((i, k) => indicators.findIndex((j) => j.level1 === i.level1) === k);
  return { sum: firsts.reduce((s, i) => s + i.level1Weight!, 0), firsts };
}
