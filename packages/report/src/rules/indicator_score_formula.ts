/**
 * indicator_score_formula — warning — a quantitative indicator whose target and
 * actual both parse: positive (≥, >) expected = min(B/A, 1) × weight; negative
 * (≤, <) expected = weight when B ≤ A, else A/B × weight (or (1 − (B−A)/A) ×
 * weight when the form's note says so); equality (=) expected = weight when B
 * equals A, else the positive formula. An indicator with its own 评（扣）分标准
 * is left to that standard.
 */
import type { Indicator } from "@jixiao/normalize";
import { formLabel, paramsRecord, tail, whereText } from "../context.ts";
import { indicatorKind, type Quantitative } from "../indicator-kind.ts";
import type { ReverseFormula } from "../scoring-params.ts";
import { agrees, show } from "../rounding.ts";
import { indicatorScoreRulesApply } from "../families.ts";
import { defineRule, eachIndicator } from "./rule.ts";

export interface Expected {
  score: number;
  formula: string;
}

export function expectedScore(q: Quantitative, weight: number, reverse: ReverseFormula): Expected | null {
  const { target: a, actual: b } = q;
  if (q.targetMax !== null) {
    // A range target (5%–10%): full marks inside it; outside, no formula is prescribed.
    return b >= a && b <= q.targetMax ? { score: weight, formula: "区间内得满分" } : null;
  }
  if (q.direction === "negative") {
    if (b <= a) return { score: weight, formula: "B≤A得满分" };
    if (reverse === "one_minus_overrun") return a > 0 ? { score: Math.max(0, 1 - (b - a) / a) * weight, formula: "(1−(B−A)/A)×分值" } : null;
    return { score: (a / b) * weight, formula: "A/B×分值" };
  }
  if (q.direction === "equal" && b === a) return { score: weight, formula: "B=A得满分" };
  if (a <= 0) return b >= a ? { score: weight, formula: "B≥A得满分" } : null;
  return { score: Math.min(b / a, 1) * weight, formula: "min(B/A,1)×分值" };
}

function describe(ind: Indicator, q: Quantitative): string {
  const u = q.unit ?? "";
  return `指标值${ind.adjustedTargetText ?? ind.targetText}，实际完成${q.actual}${u}`;
}

export const indicatorScoreFormula = defineRule("indicator_score_formula", "warning", (ctx, report) => {
  return eachIndicator(ctx, (form, ind, params) => {
    if (!indicatorScoreRulesApply(form) || ind.score === null || ind.weight === null) return [];
    // An indicator printing its own 评（扣）分标准 is scored by it, not by the national formula.
    if (ind.scoringRule && ind.scoringRule.trim() !== "") return [];
    const kind = indicatorKind(ind);
    if (kind.kind !== "quantitative") return [];
    const expected = expectedScore(kind, ind.weight, params.reverseFormula);
    if (!expected || agrees(ind.score, expected.score)) return [];
    return [
      report({
        form,
        indicator: ind,
        message:
          `“${ind.name}”得分${ind.score}分，按${describe(ind, kind)}、${expected.formula}计算应为${show(expected.score)}分` +
          tail(whereText(ctx, ind), formLabel(form)),
        expected: expected.score,
        observed: ind.score,
        params: paramsRecord(params, "reverseFormula", {
          direction: kind.direction,
          formula: expected.formula,
          target: kind.target,
          actual: kind.actual,
          weight: ind.weight,
          impliedCeiling: kind.impliedCeiling,
          reverseFormula: params.reverseFormula,
        }),
      }),
    ];
  });
});
