/**
 * Findings point at forms and rows by sequence number (they are computed
 * before rows have ids); this is the seq → id index the store maps them with.
 */
import type { Finding } from "@jixiao/normalize";
import { StoreError } from "./errors.ts";

export interface FormRowIds {
  id: number;
  indicators: Map<number, number>;
  funding: Map<number, number>;
}

export type DocumentRowIds = Map<number, FormRowIds>;

export interface ResolvedFinding {
  formId: number;
  indicatorId: number | null;
  fundingId: number | null;
}

function seqRange(seqs: Iterable<number>): string {
  const sorted = [...seqs].sort((a, b) => a - b);
  if (sorted.length === 0) return "none";
  return sorted.length === 1 ? String(sorted[0]) : `${sorted[0]}..${sorted[sorted.length - 1]}`;
}

/** Throws (and so rolls back the save) when a finding points at a row the document does not have. */
export function resolveFinding(ids: DocumentRowIds, finding: Finding, where: string): ResolvedFinding {
  const what = `${where}: finding '${finding.rule}'`;
  const form = ids.get(finding.formSeq);
  if (!form) {
    throw new StoreError(`${what} points at form seq ${finding.formSeq}, but the document has forms ${seqRange(ids.keys())}`);
  }
  const pick = (table: "indicators" | "funding", seq: number | null): number | null => {
    if (seq === null) return null;
    const id = form[table].get(seq);
    if (id === undefined) {
      throw new StoreError(
        `${what} points at ${table} seq ${seq} of form ${finding.formSeq}, which has ${table} seqs ${seqRange(form[table].keys())}`,
      );
    }
    return id;
  };
  return {
    formId: form.id,
    indicatorId: pick("indicators", finding.indicatorSeq),
    fundingId: pick("funding", finding.fundingSeq),
  };
}
