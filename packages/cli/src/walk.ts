/**
 * The files an ingest run looks at: files given directly, and files under
 * folders, walked recursively in a stable order. Hidden entries are skipped;
 * within folders only the document extensions are taken (a file given by name
 * is always taken: its content decides how it is read).
 */
import { readdir, stat } from "node:fs/promises";
import { join, extname } from "node:path";

export const DOCUMENT_EXTENSIONS = new Set([".pdf", ".docx", ".xlsx", ".xls", ".txt", ".doc", ".et", ".wps"]);

export interface WalkEntry {
  path: string;
  /** Set when the path could not be read at all (does not exist, no permission). */
  error?: string;
}

export async function* walk(paths: string[], extensions = DOCUMENT_EXTENSIONS): AsyncGenerator<WalkEntry> {
  for (const p of paths) {
    let s;
    try {
      s = await stat(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      yield { path: p, error: code === "ENOENT" ? `not found: no file or folder at ${p}` : `unreadable: ${code ?? String(e)}` };
      continue;
    }
    if (s.isDirectory()) yield* walkDir(p, extensions);
    else yield { path: p };
  }
}

async function* walkDir(dir: string, extensions: Set<string>): AsyncGenerator<WalkEntry> {
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
    if (e.isDirectory()) yield* walkDir(p, extensions);
    else if (e.isFile() && extensions.has(extname(e.name).toLowerCase())) yield { path: p };
  }
}
