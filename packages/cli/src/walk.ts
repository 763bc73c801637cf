/**
 * The files an ingest run looks at, in a stable order:
 * - a file given by name is always taken (its content decides how it is read);
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
 */
import { open, readdir, stat } from "node:fs/promises";
import { extname, join, relative, resolve } from "node:path";
import picomatch from "picomatch";
import { detectFormat } from "@jixiao/extract/detect";

export const DOCUMENT_EXTENSIONS = new Set([".pdf", ".docx", ".xlsx", ".xls", ".txt", ".doc", ".et", ".wps"]);
/** Enough of a file to find a PDF header or the first ZIP entries' names. */
const SNIFF_BYTES = 64 * 1024;
const SNIFFED_FORMATS = new Set(["pdf", "docx", "xlsx", "xls", "ole2"]);

export interface WalkEntry {
  /** Absolute path. */
  path: string;
  /** Set when the path could not be read at all (does not exist, no permission). */
  error?: string;
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
      yield { path: resolve(arg), error: code === "ENOENT" ? `not found: no file or folder at ${arg}` : `unreadable: ${code ?? String(e)}` };
      continue;
    }
    if (s.isDirectory()) yield* walkDir(resolve(arg), resolve(arg), { include, exclude, pattern: null });
    else yield { path: resolve(arg) };
  }
}

async function* walkGlob(pattern: string, base: string, include: Matcher | null, exclude: Matcher | null): AsyncGenerator<WalkEntry> {
  const root = resolve(base);
  // Matched against the path as the user wrote it relative to the base, so 'a/**/*.pdf' means what it says.
  const rest = picomatch.scan(pattern).glob;
  const m = picomatch(rest, { dot: false });
  yield* walkDir(root, root, { include, exclude, pattern: m });
}

interface DirFilters {
  include: Matcher | null;
  exclude: Matcher | null;
  /** For a GLOB argument: only files it matches, and then extension and content do not matter. */
  pattern: Matcher | null;
}

async function* walkDir(root: string, dir: string, f: DirFilters): AsyncGenerator<WalkEntry> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    yield { path: dir, error: `unreadable folder: ${(e as NodeJS.ErrnoException).code ?? String(e)}` };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith(".") || e.name === "node_modules") continue;
    const p = join(dir, e.name);
    const rel = relative(root, p);
    if (e.isDirectory()) {
      if (!f.exclude?.(rel)) yield* walkDir(root, p, f);
      continue;
    }
    if (!e.isFile() || f.exclude?.(rel)) continue;
    if (f.pattern && !f.pattern(rel)) continue;
    if (f.include ? f.include(rel) : f.pattern || DOCUMENT_EXTENSIONS.has(extname(e.name).toLowerCase()) || (await looksLikeDocument(p))) {
      yield { path: p };
    }
  }
}

/** A file whose name says nothing: its first bytes say whether it is a document we read. */
export async function looksLikeDocument(path: string): Promise<boolean> {
  let fh;
  try {
    fh = await open(path, "r");
    const buf = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await fh.read(buf, 0, SNIFF_BYTES, 0);
    return SNIFFED_FORMATS.has(detectFormat(buf.subarray(0, bytesRead), ""));
  } catch {
    return false;
  } finally {
    await fh?.close();
  }
}
