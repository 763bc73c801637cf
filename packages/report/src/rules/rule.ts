/** The shape of a rule: its slug and severity from rules.md, and a check over one document. */
import type { Finding, Severity } from "@jixiao/normalize";
import type { DocumentContext } from "../context.ts";

export interface Rule {
  slug: string;
  severity: Severity;
  check(ctx: DocumentContext): Finding[];
}
