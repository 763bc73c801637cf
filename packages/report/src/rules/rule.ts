/** The shape of a rule: its slug and severity from rules.md, and a check over one document. */
import type { Finding, Form, Indicator, Severity } from "@jixiao/normalize";
import { finding, paramsOf, type DocumentContext, type FindingInput } from "../context.ts";
import type { ScoringParams } from "../scoring-params.ts";

export interface Rule {
  slug: string;
  severity: Severity;
  check(ctx: DocumentContext): Finding[];
}

/** Makes a finding of this rule: slug and severity are the rule's own. */
export type Report = (input: Omit<FindingInput, "rule" | "severity">) => Finding;

export function defineRule(slug: string, severity: Severity, check: (ctx: DocumentContext, report: Report) => Finding[]): Rule {
  const report: Report = (input) => finding({ ...input, rule: slug, severity });
  return { slug, severity, check: (ctx) => check(ctx, report) };
}

/** Visits every indicator of every form, with the form's scoring parameters. */
export function eachIndicator(ctx: DocumentContext, visit: (form: Form, ind: Indicator, params: ScoringParams) => Finding[]): Finding[] {
  return ctx.doc.forms.flatMap((form) => {
    const params = paramsOf(ctx, form);
    return form.indicators.flatMap((ind) => visit(form, ind, params));
  });
}
