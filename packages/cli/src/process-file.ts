/**
 * One file through the pipeline, without touching the database: read, hash,
 * extract, normalize, check. Pure data in and out, so it can run in a worker.
 */
import { extractBytes, ExtractError, type ExtractedDocument, type OcrOptions } from "@jixiao/extract";
import { normalizeDocument, type NormalizedDocument, type Vocabulary } from "@jixiao/normalize";
import { checkDocument } from "./check.ts";
import { formatOf, MAX_FILE_BYTES, oneLine, sha256, unreadableResult, type FileMeta, type FileResult } from "./file-result.ts";
import { fsPathOf } from "./fs-names.ts";
import { schemaReason } from "./schema-reason.ts";
import { FileRefusal, readRegularFile } from "./read-regular.ts";

/**
 * `path`: the readable path the walk gave (a GBK name decoded, fs-names.ts),
 * opened by its real bytes; only a regular file is read, and at most
 * MAX_FILE_BYTES of it (read-regular.ts). `vocabulary`: the user's (jixiao
 * --vocab), tried before the built-in one.
 */
export async function processFile(path: string, vocabulary?: Vocabulary, ocr?: OcrOptions): Promise<FileResult> {
  let bytes: Uint8Array;
  let mtimeMs: number | null = null;
  try {
    const r = await readRegularFile(fsPathOf(path), MAX_FILE_BYTES);
    mtimeMs = r.stat.mtimeMs;
    bytes = r.bytes;
  } catch (e) {
    if (e instanceof FileRefusal) return unreadableResult(path, e.message);
    const code = (e as NodeJS.ErrnoException).code;
    return unreadableResult(path, code === "ENOENT" ? `not found: no file at ${path}` : `unreadable: ${code ?? String(e)}`);
  }
  return processBytes(path, bytes, mtimeMs, vocabulary, ocr);
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

/** `ocr`: which PDF pages are read by OCR (default auto: those without a text layer). */
export async function processBytes(path: string, bytes: Uint8Array, mtimeMs: number | null = null, vocabulary?: Vocabulary, ocr?: OcrOptions): Promise<FileResult> {
  const meta: FileMeta = {
    path, sha256: sha256(bytes), format: formatOf(bytes, path), sizeBytes: bytes.length,
    pages: null, status: "ok", error: null, mtimeMs, warnings: [],
  };
  let extracted: ExtractedDocument;
  try {
    extracted = await extractBytes(bytes, { fileName: path, ocr });
  } catch (e) {
    return failed({ meta, doc: null, findings: [] }, e instanceof ExtractError ? e.message : schemaReason(e, "extract failed") ?? `extract failed: ${(e as Error).message ?? String(e)}`);
  }
  meta.pages = extracted.pageCount;
  meta.warnings = extracted.warnings;
  const ocrPages = extracted.pages.filter((p) => p.ocr).map((p) => p.number);
  if (ocrPages.length > 0) {
    meta.ocr = true;
    meta.ocrPages = ocrPages;
  }
  let doc: NormalizedDocument;
  try {
    doc = normalizeDocument(extracted, { fileName: path, vocabulary });
  } catch (e) {
    return failed({ meta, doc: null, findings: [] }, schemaReason(e, "normalize failed") ?? `normalize failed: ${(e as Error).message ?? String(e)}`);
  }
  const findings = checkDocument(doc);
  // A page without text says why: a scan has no text layer; a page whose content pdf.js could not parse (textError) is no scan.
  // A blank page (nothing painted) is reported only when the file yields no form.
  const noText = extracted.pages.filter((p) => !p.hasText && !p.textError && !p.blank).map((p) => p.number);
  const unparsed = extracted.pages.filter((p) => !p.hasText && p.textError);
  const blank = doc.forms.length === 0 ? extracted.pages.filter((p) => !p.hasText && p.blank).map((p) => p.number) : [];
  if (noText.length > 0 || unparsed.length > 0 || blank.length > 0) {
    meta.status = "partial";
    meta.error = [
      ...(unparsed.length > 0 ? [`第${unparsed.map((p) => p.number).join("、")}页的内容无法解析（${unparsed[0]!.textError}），文字未能读取`] : []),
      ...(noText.length > 0 ? [`第${noText.join("、")}页无文字层（扫描件？），未能读取`] : []),
      ...(blank.length > 0 ? [`第${blank.join("、")}页是空白页（无文字、图像或线条）`] : []),
    ].join("；") + (doc.forms.length === 0 ? "；未找到表单" : "");
  } else if (doc.forms.length === 0) {
    meta.status = "partial";
    // A sheet the reader had to skip is why, when there is one.
    const unread = extracted.warnings.filter((w) => /\bnot read: /.test(w));
    meta.error = unread.length > 0
      ? `no form found: ${unread.join("; ")}`
      : "no form found: expected a title such as 项目支出绩效自评表 or 绩效目标表, or a table with 一级指标/三级指标 headers";
  }
  return { meta, doc, findings };
}
