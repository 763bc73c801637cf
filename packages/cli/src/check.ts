/**
 * The report stage's rules, applied to a normalized document. Kept behind one
 * function so the ingest path does not depend on how the rules are organised.
 */
import type { Finding, NormalizedDocument } from "@jixiao/normalize";

export function checkDocument(doc: NormalizedDocument): Finding[] {
  void doc;
  return [];
}
