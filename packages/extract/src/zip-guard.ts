/**
 * Untrusted zip containers (DOCX, XLSX): read the central directory, refuse
 * archives whose declared shape is dangerous, and inflate entries with a hard
 * output cap so a header that lies about its size cannot exhaust memory.
 *
 * The directory is parsed here rather than by a library because it is small and
 * because we need the *declared* sizes before anything is inflated.
 */
import { inflateRawSync } from "node:zlib";
import { Inflate } from "fflate";
import { ExtractError } from "./errors.ts";

/** Limits for one archive; generous for a form (a 16-form DOCX is well under 2 MB inflated). */
export const ZIP_LIMITS = {
  /** A DOCX/XLSX has tens of entries; thousands means something else. */
  maxEntries: 2_000,
  /** Largest single uncompressed entry (a 50,000-row sheet XML is about 30 MB). */
  maxEntryBytes: 96 * 1024 * 1024,
  /** Sum of all declared uncompressed sizes. */
  maxTotalBytes: 192 * 1024 * 1024,
  /** Uncompressed/compressed ratio above which an entry is a bomb; XML of forms compresses ~10-40x. */
  maxRatio: 200,
  /** The ratio test only applies above this size: tiny entries compress absurdly well. */
  ratioMinBytes: 1024 * 1024,
} as const;
export type ZipLimits = { [K in keyof typeof ZIP_LIMITS]: number };

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflate. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  encrypted: boolean;
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_EOCD_LOCATOR = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const MAX_EOCD_SEARCH = 0xffff + 22;

/** "an XLSX", "a DOCX": the article follows how the letters are read aloud. */
export function withArticle(what: string): string {
  return `${/^[AEFHILMNORSX]/.test(what) ? "an" : "a"} ${what}`;
}

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const corrupt = (what: string, found: string) => new ExtractError(`corrupt: expected ${what}, found ${found}`, "corrupt");

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05);
}

/** A short, printable description of what a non-zip file starts with, for error messages. */
export function describeStart(bytes: Uint8Array): string {
  if (bytes.length === 0) return "0 bytes";
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return "an OLE2 container (legacy .doc/.xls or an encrypted Office file)";
  if (Buffer.from(bytes.subarray(0, 1024)).includes("%PDF-")) return "a PDF";
  const head = Buffer.from(bytes.subarray(0, 8)).toString("hex").replace(/(..)/g, "$1 ").trim();
  return `${bytes.length} bytes starting ${head}`;
}

/**
 * Read and check the central directory. Throws ExtractError when the file is not
 * a zip, is truncated, or declares more than `limits` allow.
 */
export function readZipDirectory(bytes: Uint8Array, what: string, limits: ZipLimits = ZIP_LIMITS): Map<string, ZipEntry> {
  if (!isZip(bytes)) throw corrupt(`${withArticle(what)} (zip) file`, describeStart(bytes));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - MAX_EOCD_SEARCH); i--) {
    if (view.getUint32(i, true) === SIG_EOCD) { eocd = i; break; }
  }
  if (eocd < 0) throw corrupt(`${withArticle(what)} ending in a zip central directory`, `none in ${bytes.length} bytes (truncated download?)`);

  let count = view.getUint16(eocd + 10, true);
  let cdSize = view.getUint32(eocd + 12, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff) {
    // Zip64: the real values are in the zip64 end record the locator points at.
    const loc = eocd - 20;
    if (loc < 0 || view.getUint32(loc, true) !== SIG_ZIP64_EOCD_LOCATOR) throw corrupt("a zip64 locator", "none");
    const z64 = Number(view.getBigUint64(loc + 8, true));
    if (z64 + 56 > bytes.length) throw corrupt("a zip64 end record inside the file", `offset ${z64}`);
    count = Number(view.getBigUint64(z64 + 32, true));
    cdSize = Number(view.getBigUint64(z64 + 40, true));
    cdOffset = Number(view.getBigUint64(z64 + 48, true));
  }
  if (count > limits.maxEntries) {
    throw new ExtractError(`zip bomb: expected at most ${limits.maxEntries} entries in ${withArticle(what)}, found ${count}`, "zip_bomb");
  }
  if (cdOffset + cdSize > bytes.length) throw corrupt(`a central directory inside the ${bytes.length}-byte file`, `one at ${cdOffset}+${cdSize} (truncated?)`);

  const entries = new Map<string, ZipEntry>();
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== SIG_CENTRAL) throw corrupt(`central directory entry ${i + 1} of ${count}`, `garbage at offset ${p}`);
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    let compressedSize = view.getUint32(p + 20, true);
    let uncompressedSize = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    let localHeaderOffset = view.getUint32(p + 42, true);
    const name = Buffer.from(bytes.subarray(p + 46, p + 46 + nameLen)).toString("utf8");
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      // Zip64 extended information extra field (id 1): only the saturated fields are present, in this order.
      let e = p + 46 + nameLen;
      const end = e + extraLen;
      while (e + 4 <= end) {
        const id = view.getUint16(e, true);
        const size = view.getUint16(e + 2, true);
        if (id === 1) {
          let q = e + 4;
          const next = () => { const v = Number(view.getBigUint64(q, true)); q += 8; return v; };
          if (uncompressedSize === 0xffffffff) uncompressedSize = next();
          if (compressedSize === 0xffffffff) compressedSize = next();
          if (localHeaderOffset === 0xffffffff) localHeaderOffset = next();
        }
        e += 4 + size;
      }
    }
    p += 46 + nameLen + extraLen + commentLen;
    // The ratio first: a bomb is better named a bomb than merely large.
    if (uncompressedSize > limits.ratioMinBytes && uncompressedSize > compressedSize * limits.maxRatio) {
      const ratio = Math.round(uncompressedSize / Math.max(1, compressedSize));
      throw new ExtractError(`zip bomb: expected a compression ratio of at most ${limits.maxRatio}:1 in ${withArticle(what)}, found ${name} at ${ratio}:1 (${mib(compressedSize)} inflating to ${mib(uncompressedSize)})`, "zip_bomb");
    }
    if (uncompressedSize > limits.maxEntryBytes) {
      throw new ExtractError(`too large: expected zip entries of at most ${mib(limits.maxEntryBytes)} in ${withArticle(what)}, found ${name} declaring ${mib(uncompressedSize)}`, "too_large");
    }
    total += uncompressedSize;
    if (total > limits.maxTotalBytes) {
      throw new ExtractError(`too large: expected at most ${mib(limits.maxTotalBytes)} uncompressed in ${withArticle(what)}, found more than that declared by ${i + 1} of ${count} entries`, "too_large");
    }
    entries.set(name, { name, method, compressedSize, uncompressedSize, localHeaderOffset, encrypted: (flags & 1) !== 0 });
  }
  return entries;
}

/**
 * Inflate one entry, never producing more than its declared size (or `maxBytes`
 * when smaller): the output cap is enforced by zlib while inflating, so a lying
 * header fails fast instead of allocating what the stream claims.
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, what: string, maxBytes = entry.uncompressedSize): Uint8Array {
  if (entry.encrypted) throw new ExtractError(`encrypted: expected a readable ${what}, found password-encrypted zip entry ${entry.name}`, "encrypted");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const h = entry.localHeaderOffset;
  if (h + 30 > bytes.length || view.getUint32(h, true) !== SIG_LOCAL) throw corrupt(`a local header for ${entry.name}`, `garbage at offset ${h}`);
  const start = h + 30 + view.getUint16(h + 26, true) + view.getUint16(h + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw corrupt(`${entry.compressedSize} bytes of ${entry.name}`, `the file ends ${end - bytes.length} bytes early (truncated?)`);
  const data = bytes.subarray(start, end);
  const cap = Math.min(maxBytes, entry.uncompressedSize);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) throw corrupt(`stored entry ${entry.name} of its declared size`, `${entry.compressedSize} vs ${entry.uncompressedSize} bytes`);
    return data.subarray(0, cap);
  }
  if (entry.method !== 8) throw new ExtractError(`unsupported: expected deflate or stored zip entries, found method ${entry.method} for ${entry.name}`, "unsupported");
  try {
    // +1 so that "exactly the declared size" passes and one byte more trips the cap.
    const out = inflateRawSync(data, { maxOutputLength: Math.max(1, cap + (cap === entry.uncompressedSize ? 1 : 0)) });
    if (out.length > entry.uncompressedSize) throw lying(entry, what, data);
    return out;
  } catch (err) {
    if (err instanceof ExtractError) throw err;
    if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") {
      if (cap < entry.uncompressedSize) {
        throw new ExtractError(`too large: expected ${entry.name} to inflate to at most ${mib(cap)}, found more`, "too_large");
      }
      throw lying(entry, what, data);
    }
    throw corrupt(`deflate data in ${entry.name}`, `bytes zlib rejects (${(err as Error).message}): the ${what} is damaged`);
  }
}

/**
 * An entry inflates past its declared size: a bomb whose header lies, or
 * damaged data (a bad download, a bad disk) that zlib decodes into garbage for
 * a while. Counted, not kept, up to BOMB_EVIDENCE times the declared size: a
 * bomb's stream is valid and goes on; damaged data ends in an error, or ends
 * near the declared size.
 */
function lying(entry: ZipEntry, what: string, data: Uint8Array): ExtractError {
  const declared = entry.uncompressedSize;
  const bound = Math.max(declared * BOMB_EVIDENCE, declared + BOMB_EVIDENCE_MIN_BYTES);
  let got = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    got += chunk.length;
    if (final) ended = true;
  });
  try {
    for (let p = 0; p < data.length && got <= bound && !ended; p += 16 * 1024) {
      inflater.push(data.subarray(p, p + 16 * 1024), p + 16 * 1024 >= data.length);
    }
  } catch (e) {
    return corrupt(
      `deflate data in ${entry.name} inflating to its declared ${declared} bytes`,
      `damaged data: it decodes into ${got} bytes, then fails (${firstLine(String((e as Error).message ?? e))})`,
    );
  }
  if (got <= bound) {
    return corrupt(`${entry.name} to inflate to its declared ${declared} bytes`, `${ended ? "" : "at least "}${got} bytes: the ${what} is damaged or its sizes were rewritten`);
  }
  return new ExtractError(`zip bomb: expected ${entry.name} in the ${what} to inflate to its declared ${declared} bytes, found a valid stream going past ${bound} bytes`, "zip_bomb");
}

/** How far past its declared size an entry must inflate, as valid data, to be called a bomb (see lying). */
const BOMB_EVIDENCE = 4;
const BOMB_EVIDENCE_MIN_BYTES = 1024 * 1024;

const firstLine = (s: string) => s.split("\n")[0]!.slice(0, 200);

/** Inflate every entry once under its cap: proves the actual sizes match the declared ones. */
export function verifyZipEntries(bytes: Uint8Array, entries: Map<string, ZipEntry>, what: string): void {
  for (const entry of entries.values()) {
    if (entry.name.endsWith("/")) continue;
    inflateEntry(bytes, entry, what);
  }
}
