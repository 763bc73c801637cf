/**
 * `jixiao check --db FILE`: re-run every rule over the stored rows (after a
 * rule changed) without re-parsing any file, replacing each document's findings.
 */
import type { Store } from "@jixiao/store";
import { checkDocument } from "./check.ts";

export interface RecheckResult {
  documents: number;
  findings: number;
  /** Findings per document id, after the re-check. */
  perDocument: Map<number, number>;
}

export function recheckStore(store: Store): RecheckResult {
  const perDocument = new Map<number, number>();
  let findings = 0;
  for (const doc of store.listDocuments()) {
    if (doc.status === "failed") continue;
    const stored = store.loadDocument(doc.id);
    if (stored.forms.length === 0) continue;
    const n = store.replaceFindings(doc.id, checkDocument(stored));
    perDocument.set(doc.id, n);
    findings += n;
  }
  return { documents: perDocument.size, findings, perDocument };
}
