/**
 * File names are bytes. Folders unpacked from Windows zips carry GBK-encoded
 * names, which Node's default readdir decodes as UTF-8 into U+FFFD: the file
 * is then "not found", and two different names can collapse into one. So the
 * walk reads names as bytes, opens files by those bytes, and stores a readable
 * path made by these rules, applied to each name in its folder:
 *
 * - a name that is valid UTF-8 is itself;
 * - otherwise the name decoded as GB18030 (a superset of GBK and GB2312) when
 *   the bytes decode validly as GB18030, else decoded as UTF-8 with U+FFFD for
 *   the bytes that are not;
 * - a decoded (non-UTF-8) name that equals another name of the same folder
 *   once decoded gets ` [#` + the first 8 hex digits of the SHA-256 of its
 *   bytes + `]` before its extension (`项目.txt` → `项目 [#1a2b3c4d].txt`): both
 *   files are kept, and the UTF-8 name, which is real, keeps its text.
 *
 * The readable path is a function of the folder's listing, so it can be turned
 * back into the bytes to open (fsPathOf), also in a worker that got only the
 * readable path.
 */
import { createHash } from "node:crypto";
import { lstatSync, readdirSync } from "node:fs";
import { extname } from "node:path";

/** A path as the file system knows it: a string when its bytes are UTF-8, else the bytes. */
export type FsPath = string | Buffer;

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const gb18030 = new TextDecoder("gb18030", { fatal: true, ignoreBOM: true });

/** One name's text, and whether that text is the name itself (valid UTF-8) or a decoding of other bytes. */
export function decodeName(raw: Uint8Array): { text: string; exact: boolean } {
  try {
    return { text: utf8.decode(raw), exact: true };
  } catch {
    // not UTF-8
  }
  try {
    return { text: gb18030.decode(raw), exact: false };
  } catch {
    return { text: Buffer.from(raw).toString("utf8"), exact: false };
  }
}

/** The readable names of a folder's entries (same order as `raws`), unique within the folder. */
export function readableNames(raws: readonly Uint8Array[]): string[] {
  const decoded = raws.map(decodeName);
  const count = new Map<string, number>();
  for (const d of decoded) count.set(d.text, (count.get(d.text) ?? 0) + 1);
  const names = decoded.map((d, i) => (d.exact || count.get(d.text) === 1 ? d.text : marked(d.text, raws[i]!, 8)));
  // A marked name equal to a real one (only on purpose): the whole hash then.
  const taken = new Map<string, number>();
  for (const n of names) taken.set(n, (taken.get(n) ?? 0) + 1);
  return names.map((n, i) => (taken.get(n)! > 1 && !decoded[i]!.exact ? marked(decoded[i]!.text, raws[i]!, 64) : n));
}

function marked(text: string, raw: Uint8Array, hexDigits: number): string {
  const ext = extname(text);
  const stem = ext.length > 1 && ext.length <= 8 ? text.slice(0, -ext.length) : text;
  const tag = createHash("sha256").update(raw).digest("hex").slice(0, hexDigits);
  return `${stem} [#${tag}]${stem === text ? "" : ext}`;
}

/** `dir` + "/" + `name`, for byte paths. */
export function joinFs(dir: FsPath, name: Uint8Array | string): FsPath {
  if (typeof dir === "string" && typeof name === "string") return dir.endsWith("/") ? `${dir}${name}` : `${dir}/${name}`;
  const d = typeof dir === "string" ? Buffer.from(dir, "utf8") : dir;
  const n = typeof name === "string" ? Buffer.from(name, "utf8") : Buffer.from(name);
  return d.length > 0 && d[d.length - 1] === 0x2f ? Buffer.concat([d, n]) : Buffer.concat([d, Buffer.from("/"), n]);
}

/** A byte path as a string when its bytes are UTF-8 (error messages, fs calls), else as the bytes. */
export function simplest(p: FsPath): FsPath {
  if (typeof p === "string") return p;
  const d = decodeName(p);
  return d.exact ? d.text : p;
}

function lexists(p: FsPath): boolean {
  return lstatSync(p, { throwIfNoEntry: false }) !== undefined;
}

/**
 * The path to open for a readable absolute path the walk produced: the path
 * itself when it exists, else, folder by folder, the entry whose readable name
 * (readableNames) is that component. A path that matches nothing is returned
 * as it is (opening it then says "not found").
 */
export function fsPathOf(readable: string): FsPath {
  if (!readable.startsWith("/") || lexists(readable)) return readable;
  let cur: FsPath = "/";
  for (const part of readable.split("/")) {
    if (part === "") continue;
    const plain = joinFs(cur, part);
    if (lexists(plain)) {
      cur = plain;
      continue;
    }
    let raws: Buffer[];
    try {
      raws = readdirSync(cur, { encoding: "buffer" });
    } catch {
      return readable;
    }
    const i = readableNames(raws).indexOf(part);
    if (i < 0) return readable;
    cur = joinFs(cur, raws[i]!);
  }
  return simplest(cur);
}
