/**
 * qualitative_band — warning — a qualitative indicator whose achieved text says
 * 达成预期指标 (score 80–100% of its weight), 部分达成预期指标 (default 60–80%, or
 * the form's own lower bound such as 50%), or 未达成预期指标 (below the lower
 * bound), with a score outside that band. An achieved value identical to its
 * qualitative target (有效保障 / 有效保障) reads as 达成预期指标.
 */
import { formLabel, paramsRecord, tail, whereText } from "../context.ts";
import { indicatorKind, type Rating } from "../indicator-kind.ts";
import type { ScoringParams } from "../scoring-params.ts";
import { show } from "../rounding.ts";
import { indicatorScoreRulesApply } from "../families.ts";
import { defineRule, eachIndicator } from "./rule.ts";

const FLOAT_NOISE = 1e-9;

const RATING_NAMES: Record<Rating, string> = {
  achieved: "达成预期指标",
  partial: "部分达成预期指标",
  unmet: "未达成预期指标",
};

/** [low, high] as fractions of the weight; edges count on both sides, as forms round scores. */
export function bandOf(rating: Rating, bands: ScoringParams["qualitativeBands"]): [number, number] {
  switch (rating) {
    case "achieved":
      return [bands.achieved, 1];
    case "partial":
      return [bands.partial, bands.achieved];
    case "unmet":
      return [0, bands.partial];
  }
}

export const qualitativeBand = defineRule("qualitative_band", "warning", (ctx, report) => {
  return eachIndicator(ctx, (form, ind, params) => {
    if (!indicatorScoreRulesApply(form) || ind.score === null || ind.weight === null || ind.weight <= 0) return [];
    const kind = indicatorKind(ind);
    if (kind.kind !== "qualitative" || kind.rating === null) return [];
    const [low, high] = bandOf(kind.rating, params.qualitativeBands);
    const share = ind.score / ind.weight;
    if (share >= low - FLOAT_NOISE && share <= high + FLOAT_NOISE) return [];
    const said = kind.ratingImplied ? `完成值与指标值相同（“${ind.actualText}”），视为${RATING_NAMES[kind.rating]}` : `完成情况为“${RATING_NAMES[kind.rating]}”`;
    return [
      report({
        form,
        indicator: ind,
        message:
          `“${ind.name}”${said}，应得分值的${show(low * 100)}%–${show(high * 100)}%（${show(low * ind.weight)}–${show(high * ind.weight)}分），实际得分${ind.score}分` +
          tail(whereText(ctx, ind), formLabel(form)),
        expected: share < low ? low * ind.weight : high * ind.weight,
        observed: ind.score,
        params: paramsRecord(params, "qualitativeBands", { rating: kind.rating, implied: kind.ratingImplied, band: [low, high] }),
      }),
    ];
  });
});
