/** score_exceeds_weight — error — an indicator's 得分 is above its 分值 (and so is the execution item's). */
import type { Finding } from "@jixiao/normalize";
import { formLabel, tail, whereText } from "../context.ts";
import { scoreRulesApply } from "../families.ts";
import { defineRule } from "./rule.ts";

const FLOAT_NOISE = 1e-9;

/** A score above its weight by more than float noise; a score exactly at weight + noise is not above it. */
const exceeds = (score: number, weight: number) => score > weight + FLOAT_NOISE;

export const scoreExceedsWeight = defineRule("score_exceeds_weight", "error", (ctx, report) => {
  const found: Finding[] = [];
  for (const form of ctx.doc.forms.filter(scoreRulesApply)) {
    for (const ind of form.indicators) {
      if (ind.score === null || ind.weight === null || !exceeds(ind.score, ind.weight)) continue;
      found.push(
        report({
          form,
          indicator: ind,
          message: `“${ind.name}”得分${ind.score}分，超过其分值${ind.weight}分` + tail(whereText(ctx, ind), formLabel(form)),
          expected: ind.weight,
          observed: ind.score,
        }),
      );
    }
    for (const line of form.funding) {
      if (line.score === null || line.weight === null || !exceeds(line.score, line.weight)) continue;
      found.push(
        report({
          form,
          funding: line,
          message: `预算执行率得分${line.score}分，超过其分值${line.weight}分` + tail(whereText(ctx, line), formLabel(form), line.source),
          expected: line.weight,
          observed: line.score,
        }),
      );
    }
  }
  return found;
});
