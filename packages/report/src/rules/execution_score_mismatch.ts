/** execution_score_mismatch — error — printed 得分 of the funding row vs min(B/A, 1) × its weight (weight printed, else 10). */
import type { Form, FundingLine } from "@jixiao/normalize";
import { formLabel, paramsOf, paramsRecord, tail, whereText, type DocumentContext } from "../context.ts";
import { agrees, agreesWithin, show } from "../rounding.ts";
import { amountDecimals, rateRange } from "../funding.ts";
import { scoreRulesApply } from "../families.ts";
import { rateAgrees } from "./execution_rate_mismatch.ts";
import { defineRule } from "./rule.ts";

/** The weight of the execution item: printed, else the form's note or the national default (project forms only). */
export function executionWeight(ctx: DocumentContext, form: Form, line: FundingLine): { weight: number; printed: boolean } | null {
  if (line.weight !== null) return { weight: line.weight, printed: true };
  if (form.kind !== "project_self_eval") return null;
  return { weight: paramsOf(ctx, form).executionWeight, printed: false };
}

export const executionScoreMismatch = defineRule("execution_score_mismatch", "error", (ctx, report) => {
  return ctx.doc.forms.filter(scoreRulesApply).flatMap((form) =>
    form.funding.flatMap((line) => {
      if (line.score === null || line.budget === null || line.executed === null || line.budget <= 0) return [];
      const w = executionWeight(ctx, form, line);
      if (!w) return [];
      const rate = Math.min(line.executed / line.budget, 1);
      const expected = rate * w.weight;
      // B and A are rounded amounts: any rate they stand for will do.
      const [low, high] = rateRange(line.budget, line.executed, amountDecimals(form), 1);
      if (agreesWithin(line.score, low * w.weight, high * w.weight)) return [];
      // Forms compute the score from their own rounded rate (79.74% × 10 = 7.974 → 8): fine when that rate is right.
      if (rateAgrees(form, line) && agrees(line.score, Math.min(line.executionRate!, 1) * w.weight)) return [];
      const params = paramsOf(ctx, form);
      return [
        report({
          form,
          funding: line,
          message:
            `预算执行率得分填报为${line.score}分，按执行率${show(rate * 100)}%×分值${w.weight}分计算应为${show(expected)}分` +
            tail(whereText(ctx, line), formLabel(form), line.source),
          expected,
          observed: line.score,
          params: w.printed
            ? { source: "printed", weight: w.weight, formula: "min(B/A,1)×分值" }
            : paramsRecord(params, "executionWeight", { weight: w.weight, formula: "min(B/A,1)×分值" }),
        }),
      ];
    }),
  );
});
