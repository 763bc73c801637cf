/**
 * unrecognized_label — info — a label or column header printed on a form that
 * the pipeline could not map to anything it knows: one finding per entry of
 * the normalizer's list, the message the text as printed, so a user meeting a
 * new template sees at once what it brought (the report lists them across the
 * archive, most frequent first).
 */
import { keyOf } from "@jixiao/normalize";
import { defineRule } from "./rule.ts";

export const UNRECOGNIZED_PREFIX = "未识别的标签：";

export const unrecognizedLabel = defineRule("unrecognized_label", "info", (ctx, report) => {
  return ctx.doc.forms.flatMap((form) =>
    // ?? []: forms loaded from a database written before the list existed lack it.
    (form.unrecognizedLabels ?? []).map((label) => {
      // Where the label sits, when the form's facts hold it; else the form's first page.
      // ?.: forms loaded from a database written before the facts existed lack them.
      const fact = form.facts?.find((f) => keyOf(f.label) === keyOf(label));
      return report({
        form,
        message: `${UNRECOGNIZED_PREFIX}${label}`,
        page: fact?.page ?? null,
        params: { label },
      });
    }),
  );
});
