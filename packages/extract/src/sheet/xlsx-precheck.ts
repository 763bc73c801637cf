/**
 * Cheap look at each worksheet before SheetJS sees the workbook: the
 * <dimension ref="A1:C1000000"/> element sits in the first bytes of the sheet
 * part, so inflating a few KB tells us a sheet is absurdly tall without
 * inflating (or parsing) the rest.
 */
import { Inflate } from "fflate";
import { ExtractError } from "../errors.ts";
import type { ZipEntry } from "../zip-guard.ts";

/** How much of a sheet part to inflate looking for <dimension>. */
const HEAD_BYTES = 16 * 1024;
/** Compressed bytes fed to the inflater per step. */
const FEED_BYTES = 2 * 1024;

/** The first `limit` inflated bytes of an entry (fewer if it is shorter). */
export function inflateHead(bytes: Uint8Array, entry: ZipEntry, limit = HEAD_BYTES): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const h = entry.localHeaderOffset;
  if (h + 30 > bytes.length) return "";
  const start = h + 30 + view.getUint16(h + 26, true) + view.getUint16(h + 28, true);
  const data = bytes.subarray(start, Math.min(bytes.length, start + entry.compressedSize));
  if (entry.method === 0) return Buffer.from(data.subarray(0, limit)).toString("utf8");
  const chunks: Uint8Array[] = [];
  let got = 0;
  const inflater = new Inflate((chunk) => { chunks.push(chunk); got += chunk.length; });
  try {
    for (let p = 0; p < data.length && got < limit; p += FEED_BYTES) {
      inflater.push(data.subarray(p, p + FEED_BYTES), p + FEED_BYTES >= data.length);
    }
  } catch {
    return ""; // the full inflate reports corrupt data with a better message
  }
  return Buffer.concat(chunks).subarray(0, limit).toString("utf8");
}

/** Row count a sheet part declares in its <dimension>, or undefined. */
export function declaredRowCount(head: string): number | undefined {
  const m = /<(?:\w+:)?dimension\b[^>]*\bref="[A-Z]{0,3}\d*(?::[A-Z]{0,3}(\d+))?"/.exec(head);
  const last = m?.[1];
  return last === undefined ? undefined : Number.parseInt(last, 10);
}

export function checkSheetHeights(bytes: Uint8Array, entries: Map<string, ZipEntry>, maxRows: number): void {
  for (const entry of entries.values()) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) continue;
    const rows = declaredRowCount(inflateHead(bytes, entry));
    if (rows !== undefined && rows > maxRows) {
      throw new ExtractError(
        `too large: expected at most ${maxRows.toLocaleString("en")} rows per sheet, found ${entry.name} declaring ${rows.toLocaleString("en")} rows`,
        "too_large",
      );
    }
  }
}
