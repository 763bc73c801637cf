/**
 * checkDocument: every rule over one normalized document. Pure — the same
 * function runs at ingest (before storing) and in `jixiao check` (over
 * documents loaded back from the database).
 */
import type { Finding, NormalizedDocument } from "@jixiao/normalize";
import { documentContext } from "./context.ts";
import { weighByConfidence } from "./ocr.ts";
import { RULES, type Rule } from "./rules/index.ts";

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export function checkDocument(doc: NormalizedDocument, rules: readonly Rule[] = RULES): Finding[] {
  const ctx = documentContext(doc);
  // An error resting on numbers OCR read with low confidence is reported as a warning (ocr.ts).
  const findings = weighByConfidence(rules.flatMap((rule) => rule.check(ctx)));
  // Stable order for storage and diffs: by form, then severity, then the order rules produced them.
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => a.f.formSeq - b.f.formSeq || SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
}
