/**
 * Cheap look at a workbook before SheetJS sees it, from what it declares: the
 * inflated sizes of its parts (the zip's central directory), the string counts
 * of its shared-strings part and the <dimension ref="A1:C1000000"/> of each
 * sheet, which sit in the first bytes of their parts, so inflating a few KB
 * tells us a workbook is absurd without inflating (or parsing) the rest.
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

/**
 * Inflated bytes of the parts SheetJS parses (everything but media and
 * embedded files) a workbook may declare. SheetJS holds about ten times the XML
 * it parses (measured on a sharedStrings part: 3.2 MB cost 43 MB of RSS,
 * 19 MB cost 193 MB, 32 MB cost 308 MB; a 50,000-row sheet of 13 MB, 126 MB),
 * so 24 MB keeps a worker near 75 MB of code + 240 MB. A form workbook
 * inflates to well under 2 MB.
 */
export const MAX_PARSED_PART_BYTES = 24 * 1024 * 1024;

/** Parts SheetJS does not parse: pictures, embedded objects, printer settings. */
const UNPARSED = /^xl\/(media|embeddings|printerSettings|activeX)\//;

/** `count` and `uniqueCount` of an <sst> start tag (undefined when absent). */
export function declaredStringCounts(head: string): { count?: number; uniqueCount?: number } {
  const tag = /<(?:\w+:)?sst\b[^>]*>/.exec(head)?.[0] ?? "";
  const attr = (name: string) => {
    const v = new RegExp(`\\s${name}="(\\d+)"`).exec(tag)?.[1];
    return v === undefined ? undefined : Number.parseInt(v, 10);
  };
  return { count: attr("count"), uniqueCount: attr("uniqueCount") };
}

/**
 * Refuses, before anything is inflated in full or parsed, a workbook whose
 * declared shape would cost more memory than a form can need: parts inflating
 * to more than `maxPartBytes` together, or a shared-strings part declaring
 * more strings than the workbook may fill cells (`maxCells`: each string is
 * there to fill at least one). Sizes are the central directory's, which
 * inflation is later held to (zip-guard.ts); a part that understates its count
 * is still held by its size.
 */
export function checkWorkbookExpansion(bytes: Uint8Array, entries: Map<string, ZipEntry>, maxCells: number, maxPartBytes = MAX_PARSED_PART_BYTES): void {
  let parsed = 0;
  let largest: ZipEntry | undefined;
  for (const entry of entries.values()) {
    if (entry.name.endsWith("/") || UNPARSED.test(entry.name)) continue;
    parsed += entry.uncompressedSize;
    if (!largest || entry.uncompressedSize > largest.uncompressedSize) largest = entry;
  }
  for (const entry of entries.values()) {
    if (!/^xl\/sharedStrings[^/]*\.(xml|bin)$/i.test(entry.name) || entry.name.endsWith(".bin")) continue;
    const { count, uniqueCount } = declaredStringCounts(inflateHead(bytes, entry, 4096));
    for (const [what, n] of [["distinct strings", uniqueCount], ["string cells", count]] as const) {
      if (n !== undefined && n > maxCells) {
        throw new ExtractError(
          `too large: expected at most ${maxCells.toLocaleString("en")} shared strings in a workbook (one per filled cell), found ${entry.name} declaring ${n.toLocaleString("en")} ${what}`,
          "too_large",
        );
      }
    }
  }
  if (parsed > maxPartBytes) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    throw new ExtractError(
      `too large: expected the parts of a workbook to inflate to at most ${mb(maxPartBytes)}, found ${mb(parsed)} declared, ${largest!.name} ${mb(largest!.uncompressedSize)} of it`,
      "too_large",
    );
  }
}
