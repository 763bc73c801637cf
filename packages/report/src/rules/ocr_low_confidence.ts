/**
 * ocr_low_confidence — info — a row whose numbers the rules read was
 * recognized by OCR with a confidence below 0.8: what the rules say of it
 * (and of the sums it enters) may come from a misread digit. Errors resting
 * on such rows are turned into warnings in check.ts.
 */
import type { Finding, Form, FundingLine, Indicator } from "@jixiao/normalize";
import { formLabel, tail, whereText } from "../context.ts";
import { LOW_OCR_CONFIDENCE, confidenceText, lowConfidence } from "../ocr.ts";
import { defineRule } from "./rule.ts";

/** The numbers of a funding line that rules read: amounts, rate, weight, score. */
function fundingNumbers(l: FundingLine): boolean {
  return [l.initialBudget, l.budget, l.executed, l.balance, l.executionRate, l.weight, l.score, l.executedToDate, l.forecastExecuted].some((v) => v != null);
}

/** The numbers of an indicator that rules read: weight, score, and its target and achieved values. */
function indicatorNumbers(i: Indicator): boolean {
  return [i.weight, i.score, i.targetValue, i.actualValue, i.level1Weight].some((v) => v != null);
}

export const ocrLowConfidence = defineRule("ocr_low_confidence", "info", (ctx, report) => {
  const found: Finding[] = [];
  const visit = (form: Form, row: FundingLine | Indicator, what: string, isFunding: boolean) => {
    const c = lowConfidence(row);
    if (c === null) return;
    found.push(
      report({
        form,
        ...(isFunding ? { funding: row as FundingLine } : { indicator: row as Indicator }),
        message:
          `${what}的数字由OCR识别，置信度${confidenceText(c)}，低于${LOW_OCR_CONFIDENCE}，可能有识读错误，涉及该行的核对结果需对照原件` +
          tail(whereText(ctx, row), formLabel(form)),
        observed: c,
        expected: LOW_OCR_CONFIDENCE,
        params: { ocrConfidence: c, threshold: LOW_OCR_CONFIDENCE },
      }),
    );
  };
  for (const form of ctx.doc.forms) {
    for (const l of form.funding) if (fundingNumbers(l)) visit(form, l, `资金行“${l.source}”`, true);
    for (const i of form.indicators) if (indicatorNumbers(i)) visit(form, i, `指标“${i.name}”`, false);
  }
  return found;
});
