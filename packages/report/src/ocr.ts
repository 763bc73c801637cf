/**
 * OCR confidence of the rows rules read. A row's ocrConfidence is the lowest
 * recognition confidence among its cells (null when a text layer was read).
 * Below LOW_OCR_CONFIDENCE its numbers may be misread: the rows are listed
 * (ocr_low_confidence), and an error resting on such a row is reported as a
 * warning, with the confidence in its message — done once, in check.ts, for
 * every rule.
 */
import type { Finding, FundingLine, Indicator } from "@jixiao/normalize";
import { inputsOf } from "./context.ts";
import { show } from "./rounding.ts";

export const LOW_OCR_CONFIDENCE = 0.8;

/** The row's confidence when it is low; null when it is fine or the row was not OCR'd. */
export function lowConfidence(row: Indicator | FundingLine): number | null {
  // != null: rows loaded from a database written before the column existed lack it.
  return row.ocrConfidence != null && row.ocrConfidence < LOW_OCR_CONFIDENCE ? row.ocrConfidence : null;
}

/** The lowest low confidence among the rows a finding rests on, or null. */
export function findingConfidence(f: Finding): number | null {
  const low = inputsOf(f).map(lowConfidence).filter((c): c is number => c !== null);
  return low.length > 0 ? Math.min(...low) : null;
}

export function confidenceText(c: number): string {
  return show(c, 2);
}

/**
 * An error whose numbers were read by OCR with low confidence is a warning:
 * the form may well be right and the reading wrong. Other findings are kept.
 */
export function weighByConfidence(findings: Finding[]): Finding[] {
  return findings.map((f) => {
    if (f.severity !== "error") return f;
    const c = findingConfidence(f);
    if (c === null) return f;
    return {
      ...f,
      severity: "warning",
      message: `${f.message}（所依据的数字由OCR识别，置信度${confidenceText(c)}，低于${LOW_OCR_CONFIDENCE}，故由错误降为警告）`,
      params: { ...(f.params ?? {}), ocrConfidence: c, downgradedFrom: "error" },
    };
  });
}
