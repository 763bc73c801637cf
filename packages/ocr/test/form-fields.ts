/**
 * A normalized form as field → value pairs, for comparing the form read from
 * a scan with the one read from the text PDF it was made from. Only what the
 * form says is compared: not where it sits (pages, lines, sequence numbers),
 * nor the OCR confidence, nor the catch-all `extra`.
 */
import type { NormalizedDocument } from "@jixiao/normalize";

type Form = NormalizedDocument["forms"][number];
type Row = Record<string, unknown> & { page?: number | null };

const NOT_COMPARED = new Set(["seq", "page", "pageFrom", "pageTo", "line", "lineFrom", "lineTo", "ocrConfidence", "extra", "facts", "funding", "indicators", "warnings"]);

/**
 * Punctuation whose full- and half-width forms print alike: a scan cannot
 * tell which one the text layer had (the fixtures use both), so they compare equal.
 */
const WIDTH_TWINS: Record<string, string> = { "：": ":", "（": "(", "）": ")", "；": ";", "，": "," };
const foldWidth = (v: unknown) => (typeof v === "string" ? v.replace(/[：（）；，]/g, (c) => WIDTH_TWINS[c]!) : v);

const scalar = (v: unknown) => v === null || ["string", "number", "boolean"].includes(typeof v);

/** The fields of an object that the comparison reads: scalar, not positional, and given (not null). */
export function givenFields(o: Record<string, unknown>): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(o)) if (!NOT_COMPARED.has(k) && scalar(v) && v !== null) out.set(k, v);
  return out;
}

export interface FieldScore {
  /** Fields the text version gives. */
  given: number;
  /** Of those, the ones the scan gives with the same value. */
  same: number;
  /** `form.field: text → scan` for each difference, to say what was misread. */
  misses: string[];
}

/** The rows of `scan` paired with those of `text`: same key when one matches, else same position. */
function pairRows(text: Row[], scan: Row[], key: string): [Row, Row | undefined][] {
  const left = [...scan];
  return text.map((t, i) => {
    let j = left.findIndex((s) => s[key] !== null && foldWidth(s[key]) === foldWidth(t[key]));
    if (j < 0) j = left.indexOf(scan[i]!);
    const s = j >= 0 ? left.splice(j, 1)[0] : undefined;
    return [t, s];
  });
}

function scoreFields(where: string, text: Record<string, unknown>, scan: Record<string, unknown> | undefined, into: FieldScore): void {
  for (const [k, v] of givenFields(text)) {
    into.given++;
    const found = scan?.[k];
    if (foldWidth(found) === foldWidth(v)) into.same++;
    else into.misses.push(`${where}.${k}: ${JSON.stringify(v)} → ${JSON.stringify(found ?? null)}`);
  }
}

/**
 * Compares forms read from a scan with the text version's forms on the
 * scanned pages (`pages` of the text PDF, scan page 1 = pages.from). A form
 * of the text version only partly on those pages counts only its rows there.
 */
export function compareForms(text: Form[], scan: Form[], pages: { from: number; to: number }): FieldScore {
  const score: FieldScore = { given: 0, same: 0, misses: [] };
  const onPages = (p: number | null | undefined) => p != null && p >= pages.from && p <= pages.to;
  const wanted = text.filter((f) => (f.pageFrom ?? 0) <= pages.to && (f.pageTo ?? 0) >= pages.from);
  wanted.forEach((t, i) => {
    const s = scan[i];
    const where = `form ${i + 1}`;
    if (onPages(t.pageFrom) && onPages(t.pageTo)) scoreFields(where, t as unknown as Record<string, unknown>, s as unknown as Record<string, unknown> | undefined, score);
    const rows = (list: unknown[]) => (list as Row[]).filter((r) => onPages(r.page));
    for (const [tr, sr] of pairRows(rows(t.funding), (s?.funding ?? []) as unknown as Row[], "source")) scoreFields(`${where}.funding[${String(tr.source)}]`, tr, sr, score);
    for (const [tr, sr] of pairRows(rows(t.indicators), (s?.indicators ?? []) as unknown as Row[], "name")) scoreFields(`${where}.indicators[${String(tr.name)}]`, tr, sr, score);
  });
  return score;
}
