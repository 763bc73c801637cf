/**
 * The extract stage's one entry point: bytes in, a validated ExtractedDocument
 * out, whatever the format. Each format's extractor lives in its own module.
 */
import { readFile } from "node:fs/promises";
import { ExtractedDocument } from "./grid.ts";
import { ExtractError } from "./errors.ts";
import { detectFormat } from "./detect.ts";
import { extractText } from "./text.ts";
import type { OcrOptions } from "./pdf/ocr-modes.ts";

export interface ExtractOptions {
  /** Force a format instead of detecting it from the content. */
  format?: string;
  /** Name used for format hints and messages. */
  fileName?: string;
  /** PDF pages without a text layer read by OCR (default: auto; see docs/ocr.md). */
  ocr?: OcrOptions;
}

type Extractor = (bytes: Uint8Array, opts: ExtractOptions) => Promise<ExtractedDocument> | ExtractedDocument;

// Heavy parsers (pdf.js, SheetJS) are imported lazily so that a run over text
// files, or a worker that only sees PDFs, never loads the others.
const EXTRACTORS: Record<string, Extractor> = {
  txt: (bytes) => extractText(bytes),
  docx: async (bytes, opts) => (await import("./docx/extract-docx.ts")).extractDocx(bytes, opts),
  xlsx: async (bytes, opts) => (await import("./sheet/extract-sheet.ts")).extractXlsx(bytes, opts),
  xls: async (bytes) => (await import("./sheet/extract-sheet.ts")).extractXls(bytes),
  pdf: async (bytes, opts) => (await import("./pdf/index.ts")).extractPdf(bytes, opts),
  // OLE2 without a telling extension: an encrypted DOCX/XLSX (refused as 'encrypted') or a legacy workbook.
  ole2: async (bytes, opts) => (await import("./sheet/extract-sheet.ts")).extractOle2(bytes, opts.fileName),
};

export async function extractBytes(bytes: Uint8Array, opts: ExtractOptions = {}): Promise<ExtractedDocument> {
  const detected = opts.format ?? detectFormat(bytes, opts.fileName);
  if (bytes.length === 0) throw new ExtractError("empty file: 0 bytes", "empty");
  const extractor = EXTRACTORS[detected];
  if (!extractor) {
    const what = detected === "ole2" ? "an OLE2 container (legacy .doc, or a password-protected Office file)"
      : detected === "zip" ? "a zip archive that is neither DOCX nor XLSX"
      : `format '${detected}'`;
    throw new ExtractError(`unsupported: expected PDF, DOCX, XLSX, XLS or text, found ${what}`, "unsupported");
  }
  const doc = await extractor(bytes, opts);
  return ExtractedDocument.parse(doc);
}

export async function extractFile(path: string, opts: ExtractOptions = {}): Promise<ExtractedDocument> {
  const bytes = await readFile(path);
  return extractBytes(bytes, { fileName: path, ...opts });
}
