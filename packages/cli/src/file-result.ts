/**
 * What reading one file yields (FileResult), and the helpers the main thread
 * needs to describe files it did not parse: hash, format by content, the rows
 * of a file that could not be read or whose worker failed. Kept apart from
 * process-file.ts so the main thread does not load the parsers (pdf.js,
 * SheetJS and its codepage tables: ~35 MB of RSS it would never use).
 */
import { createHash } from "node:crypto";
import { extname } from "node:path";
import { detectFormat } from "@jixiao/extract/detect";
import type { Finding, NormalizedDocument } from "@jixiao/normalize";
import type { DocumentMeta } from "@jixiao/store";
import { escapeControls } from "./safe-text.ts";

export type DocFormat = "pdf" | "docx" | "xlsx" | "xls" | "txt";

/** The store's document row, as this stage fills it. */
export type FileMeta = DocumentMeta & { format: DocFormat; status: "ok" | "partial" | "failed"; error: string | null; warnings: string[] };

export interface FileResult {
  meta: FileMeta;
  doc: NormalizedDocument | null;
  findings: Finding[];
}

/** Files larger than this are refused before reading: no form archive needs more. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function formatOf(bytes: Uint8Array, path: string): DocFormat {
  const d = detectFormat(bytes, path);
  if (d === "pdf" || d === "docx" || d === "xlsx" || d === "xls" || d === "txt") return d;
  const ext = extname(path).slice(1).toLowerCase();
  return (["pdf", "docx", "xlsx", "xls"].includes(ext) ? ext : d === "ole2" ? "xls" : "txt") as DocFormat;
}

/** A file that could not even be read: hashed by its path so it has a stable row. */
export function unreadableResult(path: string, reason: string): FileResult {
  const ext = extname(path).slice(1).toLowerCase();
  return {
    meta: {
      path, sha256: sha256(Buffer.from(`\0unreadable\0${path}`)),
      format: (["pdf", "docx", "xlsx", "xls"].includes(ext) ? ext : "txt") as DocFormat,
      sizeBytes: 0, pages: null, status: "failed", error: oneLine(reason), mtimeMs: null, warnings: [],
    },
    doc: null,
    findings: [],
  };
}

/** A file that was read but whose parsing failed outside the pipeline (time limit, worker crash). */
export function failedResult(f: { path: string; sha256: string; format: DocFormat; sizeBytes: number; mtimeMs: number | null }, reason: string): FileResult {
  return {
    meta: {
      path: f.path, sha256: f.sha256, format: f.format, sizeBytes: f.sizeBytes, mtimeMs: f.mtimeMs,
      pages: null, status: "failed", error: oneLine(reason), warnings: [],
    },
    doc: null,
    findings: [],
  };
}

/**
 * A reason as `documents.error` holds it: one line, at most 500 characters, and
 * no control characters — reasons quote file and zip entry names, and an
 * ESC [ … in one must not reach a terminal that prints the row (safe-text.ts).
 */
export function oneLine(s: string): string {
  const line = escapeControls(s.replace(/\s*[\n\r]\s*/g, " "));
  // Not cut inside an escape or a surrogate pair.
  if (line.length <= 500) return line;
  let cut = line.slice(0, 500);
  cut = cut.replace(/\\(x[0-9a-f]?|u(\{[0-9a-f]*)?)?$/, "");
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return cut;
}
