/**
 * missing_reason — warning — score below weight, or a quantitative target
 * missed, and no 未完成原因/偏差原因 given: neither on the row nor in the form's
 * own explanation of deviations (高邑's 绩效目标执行出现的偏差和采取的措施 row).
 *
 * Self-evaluations (project, department, transfer payment) are read on their
 * year's actuals (a transfer form has no 得分: only the target counts).
 * Monitoring forms are read on the year's outlook: 完成目标可能性 other than
 * 确定能, or a 全年预计完成值 that misses the target, with no 偏差原因 (neither
 * the cause category nor a written reason).
 */
import { keyOf, type Form, type Indicator } from "@jixiao/normalize";
import { formLabel, tail, whereText } from "../context.ts";
import { isMonitoring, reportsActuals } from "../families.ts";
import { indicatorKind, targetMissed, type Quantitative } from "../indicator-kind.ts";
import { defineRule, type Report } from "./rule.ts";
import type { DocumentContext } from "../context.ts";
import type { Finding } from "@jixiao/normalize";

const FLOAT_NOISE = 1e-9;
/** Cells that hold no reason: blank, a dash, 无. */
const NO_REASON = /^(|无|—+|-+|\/|不适用)$/;
/** 完成目标可能性 that promises the target (确定能; some templates print 能 or 是). */
const CERTAIN = /^(确定能|确定|能|肯定能|能完成|能够完成|确定能完成|是)$/;

/** 完成目标可能性 answered in words: 有可能, 完全不可能, 难以完成, 不确定, 否 (and the certain answers). */
const ANSWER = /能|难|否|不确定/;
/** The answers a header offers, listed: two of them with a separator between (确定能、有可能、不可能). */
const ANSWER_LIST = /能[^能]*[、/,，;；][^能]*能/;

function given(text: string | null | undefined): boolean {
  return !NO_REASON.test(keyOf(text));
}

/** The indicator read with its 全年预计完成值 as the achieved value, when that parses against the target. */
export function forecastKind(ind: Indicator): Quantitative | null {
  if (!given(ind.forecastText)) return null;
  const kind = indicatorKind({ ...ind, actualText: ind.forecastText ?? null, actualValue: null });
  return kind.kind === "quantitative" ? kind : null;
}

function actualsFindings(ctx: DocumentContext, form: Form, report: Report): Finding[] {
  return form.indicators.flatMap((ind) => {
    if (given(ind.reason) || given(ind.deviationCause)) return [];
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
}

function monitoringFindings(ctx: DocumentContext, form: Form, report: Report): Finding[] {
  return form.indicators.flatMap((ind) => {
    if (given(ind.reason) || given(ind.deviationCause)) return [];
    const likelihood = given(ind.likelihood) ? keyOf(ind.likelihood) : null;
    // (An answer in words: a figure or a note under the column, 40%, is text that strayed there, no doubt said.)
    // (Nor the header's list of the answers, (确定能、有可能、不可能), that layout text put on a row.)
    const doubtful = likelihood !== null && !CERTAIN.test(likelihood) && ANSWER.test(likelihood) && !ANSWER_LIST.test(likelihood);
    const forecast = forecastKind(ind);
    const missed = forecast !== null && targetMissed(forecast);
    if (!doubtful && !missed) return [];
    const what = doubtful
      ? `完成目标可能性为“${ind.likelihood!.trim()}”`
      : `全年预计完成${ind.forecastText!.trim()}未达到指标值${ind.adjustedTargetText ?? ind.targetText}`;
    return [
      report({
        form,
        indicator: ind,
        message: `“${ind.name}”${what}，但未填写偏差原因，表内也无偏差说明` + tail(whereText(ctx, ind), formLabel(form)),
        expected: forecast?.target ?? null,
        observed: forecast?.actual ?? null,
        params: { likelihood: ind.likelihood, likelihoodDoubtful: doubtful, forecastMissed: missed },
      }),
    ];
  });
}

export const missingReason = defineRule("missing_reason", "warning", (ctx, report) => {
  return ctx.doc.forms.flatMap((form) => {
    if (given(form.deviation)) return [];
    if (reportsActuals(form)) return actualsFindings(ctx, form, report);
    if (isMonitoring(form)) return monitoringFindings(ctx, form, report);
    return [];
  });
});
