/**
 * missing_reason — warning — score below weight, or a quantitative target
 * missed, and no 未完成原因/偏差原因 given: neither on the row nor in the form's
 * own explanation of deviations (高邑's 绩效目标执行出现的偏差和采取的措施 row).
 */
import { keyOf } from "@jixiao/normalize";
import { formLabel, tail, whereText } from "../context.ts";
import { isSelfEvaluation } from "../funding.ts";
import { indicatorKind, targetMissed } from "../indicator-kind.ts";
import { defineRule } from "./rule.ts";

const FLOAT_NOISE = 1e-9;
/** Cells that hold no reason: blank, a dash, 无. */
const NO_REASON = /^(|无|—+|-+|\/|不适用)$/;

function given(text: string | null): boolean {
  return !NO_REASON.test(keyOf(text));
}

export const missingReason = defineRule("missing_reason", "warning", (ctx, report) => {
  return ctx.doc.forms.flatMap((form) => {
    if (!isSelfEvaluation(form) || given(form.deviation)) return [];
    return form.indicators.flatMap((ind) => {
      if (given(ind.reason)) return [];
      const short = ind.score !== null && ind.weight !== null && ind.score < ind.weight - FLOAT_NOISE;
      const kind = indicatorKind(ind);
      const missed = kind.kind === "quantitative" && targetMissed(kind);
      if (!short && !missed) return [];
      const what = short
        ? `得分${ind.score}分低于分值${ind.weight}分`
        : `实际完成${ind.actualText}未达到指标值${ind.adjustedTargetText ?? ind.targetText}`;
      return [
        report({
          form,
          indicator: ind,
          message: `“${ind.name}”${what}，但未填写未完成原因，表内也无偏差说明` + tail(whereText(ctx, ind), formLabel(form)),
          expected: short ? ind.weight : kind.kind === "quantitative" ? kind.target : null,
          observed: short ? ind.score : kind.kind === "quantitative" ? kind.actual : null,
          params: { scoreBelowWeight: short, targetMissed: missed },
        }),
      ];
    });
  });
});
