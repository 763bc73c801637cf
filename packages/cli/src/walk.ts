/**
 * The files an ingest run looks at, in a stable order:
 * - a file given by name is always taken (its content decides how it is read),
 *   unless it is not a regular file (a named pipe, a device, a socket): that
 *   gets a failed row saying so, and is never opened;
 * - a folder is walked recursively, skipping hidden entries and node_modules;
 * - a GLOB argument (quoted, so the shell left it alone: 'archive/**\/*.pdf') walks
 *   the folder before its first wildcard and keeps the files the pattern matches.
 * Inside folders a file is taken when its extension is a document's, or — whatever
 * its name — when its first bytes say PDF, DOCX, XLSX or OLE2 (.xls/.doc): archives
 * hold "scan001" and ".dat" files that are PDFs. Text files are recognised by
 * extension only, since any bytes are "text". With `--include` patterns only the
 * files they match are taken (whatever their extension or content); `--exclude`
 * patterns drop files and whole folders. Patterns are picomatch
 * globs matched against the path relative to the folder walked, or against the
 * bare file name when they contain no slash.
 *
 * Names are read as bytes and files opened by their bytes; the path given for
 * each is readable text (fs-names.ts: GBK names from Windows zips are decoded).
 * A named pipe, device or socket inside a folder whose name would be taken gets
 * a failed row too; one whose name would not is ignored like any other file.
 *
 * Symbolic links are followed once: after the real files and folders of each
 * argument (so a file's own path wins over a link's), each link is followed to
 * its target, a folder being walked only if no folder with the same device and
 * inode was walked yet. A link to a folder already walked (a loop, or a second
 * route to it), a broken link and a link loop are not followed and come back as
 * `skipped` entries, which the run lists in its summary.
 */
import { constants, type Dirent, type Stats } from "node:fs";
import { open, readdir, stat, lstat, readlink } from "node:fs/promises";
import { extname, relative, resolve } from "node:path";
import picomatch from "picomatch";
import { detectFormat } from "@jixiao/extract/detect";
import { joinFs, readableNames, simplest, type FsPath } from "./fs-names.ts";
import { notRegularReason } from "./read-regular.ts";

export const DOCUMENT_EXTENSIONS = new Set([".pdf", ".docx", ".xlsx", ".xls", ".txt", ".doc", ".et", ".wps"]);
/** Enough of a file to find a PDF header or the first ZIP entries' names. */
const SNIFF_BYTES = 64 * 1024;
const SNIFFED_FORMATS = new Set(["pdf", "docx", "xlsx", "xls", "ole2"]);

export interface WalkEntry {
  /** Absolute path, as readable text (what is stored and shown). */
  path: string;
  /** The path to open, when it is not `path` itself (a name that is not UTF-8). */
  fsPath?: FsPath;
  /** Set when the path could not be read at all (does not exist, no permission, not a regular file): the file gets a failed row. */
  error?: string;
  /** Set for a symbolic link that was not followed (a loop, a folder already walked, a broken link): not a file, no row; listed in the run's summary. */
  skipped?: string;
}

export interface WalkOptions {
  include?: string[];
  exclude?: string[];
}

type Matcher = (relPath: string) => boolean;

function matcher(patterns: string[] | undefined): Matcher | null {
  if (!patterns?.length) return null;
  const ms = patterns.map((p) => picomatch(p, { basename: !p.includes("/"), dot: true }));
  return (rel) => ms.some((m) => m(rel));
}

export async function* walk(paths: string[], opts: WalkOptions = {}): AsyncGenerator<WalkEntry> {
  const include = matcher(opts.include);
  const exclude = matcher(opts.exclude);
  for (const arg of paths) {
    let s;
    try {
      s = await stat(arg);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const scan = picomatch.scan(arg);
      if (code === "ENOENT" && scan.isGlob) {
        yield* walkGlob(arg, scan.base || ".", include, exclude);
        continue;
      }
      yield { path: resolve(arg), error: code === "ENOENT" ? `not found: no file or folder at ${arg}` : code === "ELOOP" ? `unreadable: ${arg} is a symbolic link loop` : `unreadable: ${code ?? String(e)}` };
      continue;
    }
    if (s.isDirectory()) yield* walkTree(resolve(arg), s, { include, exclude, pattern: null });
    else if (s.isFile()) yield { path: resolve(arg) };
    else yield { path: resolve(arg), error: notRegularReason(s) };
  }
}

async function* walkGlob(pattern: string, base: string, include: Matcher | null, exclude: Matcher | null): AsyncGenerator<WalkEntry> {
  const root = resolve(base);
  // Matched against the path as the user wrote it relative to the base, so 'a/**/*.pdf' means what it says.
  const rest = picomatch.scan(pattern).glob;
  const m = picomatch(rest, { dot: false });
  let s;
  try {
    s = await stat(root);
  } catch (e) {
    yield { path: root, error: `unreadable folder: ${(e as NodeJS.ErrnoException).code ?? String(e)}` };
    return;
  }
  if (s.isDirectory()) yield* walkTree(root, s, { include, exclude, pattern: m });
}

interface DirFilters {
  include: Matcher | null;
  exclude: Matcher | null;
  /** For a GLOB argument: only files it matches, and then extension and content do not matter. */
  pattern: Matcher | null;
}

/** A symbolic link met in a folder, followed once the real tree is walked. */
interface PendingLink {
  path: string;
  fsPath: FsPath;
  rel: string;
}

interface TreeWalk {
  root: string;
  f: DirFilters;
  /** Folders walked in this tree, by device and inode. */
  walked: Map<string, string>;
  links: PendingLink[];
}

const inode = (s: Stats) => `${s.dev}:${s.ino}`;

async function* walkTree(root: string, rootStat: Stats, f: DirFilters): AsyncGenerator<WalkEntry> {
  const t: TreeWalk = { root, f, walked: new Map([[inode(rootStat), root]]), links: [] };
  yield* walkDir(t, root, root);
  // Links last, in the order met; following one may meet more.
  for (let i = 0; i < t.links.length; i++) yield* followLink(t, t.links[i]!);
}

function entry(path: string, fsPath: FsPath, extra: Partial<WalkEntry> = {}): WalkEntry {
  return typeof fsPath === "string" && fsPath === path ? { path, ...extra } : { path, fsPath, ...extra };
}

async function* walkDir(t: TreeWalk, dir: string, dirFs: FsPath): AsyncGenerator<WalkEntry> {
  let dirents: Dirent<Buffer>[];
  try {
    dirents = await readdir(dirFs, { withFileTypes: true, encoding: "buffer" });
  } catch (e) {
    yield entry(dir, dirFs, { error: `unreadable folder: ${(e as NodeJS.ErrnoException).code ?? String(e)}` });
    return;
  }
  const names = readableNames(dirents.map((d) => d.name));
  const order = names.map((_, i) => i).sort((a, b) => (names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : 0));
  for (const i of order) {
    const name = names[i]!;
    const d = dirents[i]!;
    if (name.startsWith(".") || name === "node_modules") continue;
    const p = dir.endsWith("/") ? `${dir}${name}` : `${dir}/${name}`;
    const pFs = simplest(joinFs(dirFs, d.name));
    const rel = relative(t.root, p);
    let kind: "dir" | "file" | "link" | "other";
    if (d.isDirectory()) kind = "dir";
    else if (d.isFile()) kind = "file";
    else if (d.isSymbolicLink()) kind = "link";
    else if (d.isFIFO() || d.isCharacterDevice() || d.isBlockDevice() || d.isSocket()) kind = "other";
    else {
      // The file system did not say (DT_UNKNOWN): ask.
      try {
        const s = await lstat(pFs);
        kind = s.isDirectory() ? "dir" : s.isFile() ? "file" : s.isSymbolicLink() ? "link" : "other";
      } catch {
        continue;
      }
    }
    if (kind === "dir") {
      if (t.f.exclude?.(rel)) continue;
      let s;
      try {
        s = await stat(pFs);
      } catch (e) {
        yield entry(p, pFs, { error: `unreadable folder: ${(e as NodeJS.ErrnoException).code ?? String(e)}` });
        continue;
      }
      if (t.walked.has(inode(s))) continue; // a bind mount of a folder already walked
      t.walked.set(inode(s), p);
      yield* walkDir(t, p, pFs);
      continue;
    }
    if (kind === "link") {
      if (!t.f.exclude?.(rel)) t.links.push({ path: p, fsPath: pFs, rel });
      continue;
    }
    yield* fileEntry(t, p, pFs, rel, kind === "file" ? null : await stat(pFs).catch(() => null));
  }
}

/**
 * A file met in the walk, taken or not by the filters. `special`: the stat of
 * a named pipe, device or socket, which is never opened: a failed row when its
 * name would be taken, nothing otherwise.
 */
async function* fileEntry(t: TreeWalk, p: string, pFs: FsPath, rel: string, special: Stats | null): AsyncGenerator<WalkEntry> {
  const f = t.f;
  if (f.exclude?.(rel)) return;
  if (f.pattern && !f.pattern(rel)) return;
  const byName = f.include ? f.include(rel) : f.pattern !== null || DOCUMENT_EXTENSIONS.has(extname(p).toLowerCase());
  if (special) {
    if (byName) yield entry(p, pFs, { error: notRegularReason(special) });
    return;
  }
  if (byName || (!f.include && (await looksLikeDocument(pFs)))) yield entry(p, pFs);
}

async function* followLink(t: TreeWalk, l: PendingLink): AsyncGenerator<WalkEntry> {
  let s;
  try {
    s = await stat(l.fsPath);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const target = await readlink(l.fsPath).catch(() => "?");
    const reason =
      code === "ENOENT" ? `broken symbolic link: its target ${target} does not exist`
      : code === "ELOOP" ? `symbolic link loop: ${target} leads back to itself`
      : `symbolic link not followed: ${code ?? String(e)}`;
    yield entry(l.path, l.fsPath, { skipped: reason });
    return;
  }
  if (s.isDirectory()) {
    const before = t.walked.get(inode(s));
    if (before !== undefined) {
      yield entry(l.path, l.fsPath, { skipped: `symbolic link to a folder already walked (${before}): not followed again` });
      return;
    }
    t.walked.set(inode(s), l.path);
    yield* walkDir(t, l.path, l.fsPath);
    return;
  }
  yield* fileEntry(t, l.path, l.fsPath, l.rel, s.isFile() ? null : s);
}

/** A file whose name says nothing: its first bytes say whether it is a document we read. Only regular files are opened. */
export async function looksLikeDocument(path: FsPath): Promise<boolean> {
  let fh;
  try {
    fh = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    if (!(await fh.stat()).isFile()) return false;
    const buf = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await fh.read(buf, 0, SNIFF_BYTES, 0);
    return SNIFFED_FORMATS.has(detectFormat(buf.subarray(0, bytesRead), ""));
  } catch {
    return false;
  } finally {
    await fh?.close();
  }
}
