/** extraction_partial — info — a form was found but some of its required parts could not be read; the message says which. */
import { formLabel, formWhere, tail } from "../context.ts";
import { expectsTotal } from "../families.ts";
import { defineRule } from "./rule.ts";

const PART_NAMES: Record<string, string> = {
  funding: "资金情况（预算数、执行数）",
  indicators: "绩效指标",
  total: "总分",
};

export const extractionPartial = defineRule("extraction_partial", "info", (ctx, report) => {
  return ctx.doc.forms.flatMap((form) => {
    // A family without a total (transfer-payment forms without 分值/得分, targets, monitoring) does not lack one.
    const missing = form.missing.filter((m) => m !== "total" || expectsTotal(form));
    if (missing.length === 0) return [];
    const parts = missing.map((m) => PART_NAMES[m] ?? m);
    return [
      report({
        form,
        message: `识别到表单，但未能读取其${parts.join("、")}，该表的相关核对未进行` + tail(formWhere(ctx, form), formLabel(form)),
        params: { missing },
      }),
    ];
  });
});
