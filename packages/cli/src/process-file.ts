/**
 * One file through the pipeline, without touching the database: read, hash,
 * extract, normalize, check. Pure data in and out, so it can run in a worker.
 */
import { readFile, stat } from "node:fs/promises";
import { extractBytes, ExtractError, type ExtractedDocument } from "@jixiao/extract";
import { normalizeDocument, type NormalizedDocument, type Vocabulary } from "@jixiao/normalize";
import { checkDocument } from "./check.ts";
import { formatOf, MAX_FILE_BYTES, oneLine, sha256, unreadableResult, type FileMeta, type FileResult } from "./file-result.ts";

/** `vocabulary`: the user's (jixiao --vocab), tried before the built-in one. */
export async function processFile(path: string, vocabulary?: Vocabulary): Promise<FileResult> {
  let bytes: Uint8Array;
  let mtimeMs: number | null = null;
  try {
    const s = await stat(path);
    mtimeMs = s.mtimeMs;
    if (s.size > MAX_FILE_BYTES) return unreadableResult(path, `too large: ${s.size} bytes, the limit is ${MAX_FILE_BYTES}`);
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return unreadableResult(path, code === "ENOENT" ? `not found: no file at ${path}` : `unreadable: ${code ?? String(e)}`);
  }
  return processBytes(path, bytes, mtimeMs, vocabulary);
}

/**
 * A file that fails is keyed by its path as well as its bytes: four empty
 * files, or two copies of one encrypted PDF, are four and two broken files to
 * list, not one. (A readable file is keyed by its bytes alone, so a copy is a
 * duplicate.)
 */
function failed(result: FileResult, reason: string): FileResult {
  result.meta.status = "failed";
  result.meta.error = oneLine(reason);
  result.meta.sha256 = sha256(Buffer.from(`\0failed\0${result.meta.path}\0${result.meta.sha256}`));
  return result;
}

export async function processBytes(path: string, bytes: Uint8Array, mtimeMs: number | null = null, vocabulary?: Vocabulary): Promise<FileResult> {
  const meta: FileMeta = {
    path, sha256: sha256(bytes), format: formatOf(bytes, path), sizeBytes: bytes.length,
    pages: null, status: "ok", error: null, mtimeMs, warnings: [],
  };
  let extracted: ExtractedDocument;
  try {
    extracted = await extractBytes(bytes, { fileName: path });
  } catch (e) {
    return failed({ meta, doc: null, findings: [] }, e instanceof ExtractError ? e.message : `extract failed: ${(e as Error).message ?? String(e)}`);
  }
  meta.pages = extracted.pageCount;
  meta.warnings = extracted.warnings;
  let doc: NormalizedDocument;
  try {
    doc = normalizeDocument(extracted, { fileName: path, vocabulary });
  } catch (e) {
    return failed({ meta, doc: null, findings: [] }, `normalize failed: ${(e as Error).message ?? String(e)}`);
  }
  const findings = checkDocument(doc);
  const noText = extracted.pages.filter((p) => !p.hasText).map((p) => p.number);
  // A scan says why nothing was found: its pages have no text layer.
  if (noText.length > 0) {
    meta.status = "partial";
    meta.error = `第${noText.join("、")}页无文字层（扫描件？），未能读取${doc.forms.length === 0 ? "；未找到表单" : ""}`;
  } else if (doc.forms.length === 0) {
    meta.status = "partial";
    meta.error = "no form found: expected a title such as 项目支出绩效自评表 or 绩效目标表, or a table with 一级指标/三级指标 headers";
  }
  return { meta, doc, findings };
}
