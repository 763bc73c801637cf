/**
 * total_score_mismatch — error — printed 总分 vs the sum of the indicator scores plus the funding score
 * (plus the goals block's score, on templates that score their goals).
 */
import { formLabel, formWhere, tail } from "../context.ts";
import { executionLine } from "../funding.ts";
import { isScoreSheet } from "../families.ts";
import { agrees, show } from "../rounding.ts";
import { executionWeight } from "./execution_score_mismatch.ts";
import { defineRule } from "./rule.ts";

export const totalScoreMismatch = defineRule("total_score_mismatch", "error", (ctx, report) => {
  return ctx.doc.forms.flatMap((form) => {
    // A score sheet (never a target or monitoring form) that prints a total prints scores,
    // so scoreRulesApply holds for every form that passes this test.
    if (!isScoreSheet(form) || form.totalScore === null) return [];
    // Parts that could not be read cannot be summed: extraction_partial reports them instead.
    if (form.missing.includes("funding") || form.missing.includes("indicators")) return [];
    const scored = form.indicators.filter((i) => i.score !== null);
    // A weighted row without a score means the table was not fully read: its points are unknown, not 0.
    if (scored.length === 0 || form.indicators.some((i) => i.score === null && i.weight !== null)) return [];
    const indicatorSum = scored.reduce((s, i) => s + i.score!, 0);
    const line = executionLine(form);
    // (So is a weighted execution line without a score: 部门整体支出总额 | (20分) | 864.2 with its score lost.)
    if (line && line.score === null && line.weight !== null) return [];
    // (And a block whose total line kept its budget alone, no execution, rate or score: the block was not
    // read, its score unknown — 年度财政资金总额 | 1.56 in plain text, the rest lost to reading order.)
    const total = form.funding.find((l) => l.sourceKind === "total");
    if (!line && total && total.executed === null && total.executionRate === null && total.score === null) return [];
    const fundingScore = line?.score ?? 0;
    const goalsScore = form.goalsScore ?? 0;
    const sum = indicatorSum + fundingScore + goalsScore;
    if (agrees(form.totalScore, sum)) return [];
    // The total may have been summed before the execution score was rounded for printing (7.974 → 8).
    const w = line && executionWeight(ctx, form, line);
    if (line && w && line.budget && line.executed !== null) {
      const exact = Math.min(line.executed / line.budget, 1) * w.weight;
      if (agrees(line.score ?? NaN, exact) && agrees(form.totalScore, indicatorSum + exact + goalsScore)) return [];
    }
    return [
      report({
        form,
        message:
          `总分${form.totalScore}与各项得分之和${show(sum)}不一致` +
          tail(formWhere(ctx, form), formLabel(form)) +
          `：绩效指标得分${show(indicatorSum)}${line?.score != null ? `＋预算执行率得分${line.score}` : ""}${form.goalsScore !== null ? `＋目标完成得分${form.goalsScore}` : ""}`,
        expected: sum,
        observed: form.totalScore,
        page: form.pageTo ?? form.pageFrom,
        params: { indicators: scored.length, indicatorSum, fundingScore: line?.score ?? null, ...(form.goalsScore !== null ? { goalsScore: form.goalsScore } : {}) },
        inputs: [...scored, ...(line?.score != null ? [line] : [])],
      }),
    ];
  });
});
