/**
 * XLSX and XLS extractors: untrusted-container checks in this thread, SheetJS
 * in a thread that can be thrown away (./parse-workbook.ts), then every sheet
 * onto the common grid (page = 1-based sheet index).
 */
import type { Block, ExtractedDocument, PageInfo } from "../grid.ts";
import { ExtractError } from "../errors.ts";
import { readZipDirectory, verifyZipEntries, isZip } from "../zip-guard.ts";
import { checkSheetHeights, checkWorkbookExpansion } from "./xlsx-precheck.ts";
import { parseWorkbook } from "./parse-workbook.ts";
import { sheetToBlocks } from "./sheet-grid.ts";
import type { WorkbookDump } from "./dump.ts";
import type { OcrOptions } from "../pdf/ocr-modes.ts";
import { withPictures } from "./pictures.ts";

/** A form sheet has hundreds of rows; a sheet taller than this is refused, not truncated. */
export const MAX_SHEET_ROWS = 50_000;
/** Filled cells per workbook; the 16-form 黔南 workbook has about 2,100. */
export const MAX_WORKBOOK_CELLS = 500_000;
/** Cells covered by merged ranges per workbook; the 16-form 黔南 workbook has about 1,500. */
export const MAX_MERGED_SLOTS = 1_000_000;
const LIMITS = { maxRows: MAX_SHEET_ROWS, maxCells: MAX_WORKBOOK_CELLS, maxMergedSlots: MAX_MERGED_SLOTS };
/** Legacy .xls files are not compressed; a form workbook is well under this. */
export const MAX_XLS_BYTES = 64 * 1024 * 1024;

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isOle2(bytes: Uint8Array): boolean {
  return OLE2_MAGIC.every((v, i) => bytes[i] === v);
}

/** Does the OLE2 directory name this stream? Names are stored as UTF-16LE. */
function hasOleStream(bytes: Uint8Array, name: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(name, "utf16le"));
}

/** An HTML document: "<html", "<table" or a doctype near the start, after any BOM and blank space. */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString("latin1").replace(/^\uFEFF|^\xEF\xBB\xBF/, "").trimStart().toLowerCase();
  return /^<(!doctype html|html|table|meta|head|\?xml[^>]*>\s*<html)/.test(head);
}

function encryptedOoxml(what: string): ExtractError {
  return new ExtractError(`encrypted: expected an unprotected ${what}, found a password-protected Office file (EncryptedPackage in an OLE2 container)`, "encrypted");
}

export async function extractXlsx(bytes: Uint8Array, opts: { ocr?: OcrOptions } = {}): Promise<ExtractedDocument> {
  if (isOle2(bytes) && hasOleStream(bytes, "EncryptedPackage")) throw encryptedOoxml("XLSX");
  const entries = readZipDirectory(bytes, "XLSX");
  // workbook.bin: an XLSB, which SheetJS reads the same way.
  if (![...entries.keys()].some((n) => /^xl\/workbook\d*\.(xml|bin)$/.test(n))) {
    throw new ExtractError(`corrupt: expected xl/workbook.xml in the XLSX, found ${[...entries.keys()].slice(0, 5).join(", ") || "no entries"}`, "corrupt");
  }
  // What it declares first, from the directory and the first KB of its parts: nothing is inflated whole yet.
  checkWorkbookExpansion(bytes, entries, MAX_WORKBOOK_CELLS);
  checkSheetHeights(bytes, entries, MAX_SHEET_ROWS);
  verifyZipEntries(bytes, entries, "XLSX");
  const doc = toDocument(await parseWorkbook(bytes, LIMITS, "XLSX workbook"), "xlsx");
  return opts.ocr?.mode === "off" ? doc : withPictures(doc, bytes, entries, opts.ocr);
}

export async function extractXls(bytes: Uint8Array): Promise<ExtractedDocument> {
  // Archives hold .xls files that are really XLSX.
  if (isZip(bytes)) return extractXlsx(bytes);
  // Legacy .xls files (and HTML ones) are not compressed: their size is their cost.
  if (bytes.length > MAX_XLS_BYTES) {
    throw new ExtractError(`too large: expected an XLS of at most ${MAX_XLS_BYTES / 1024 / 1024} MB, found ${(bytes.length / 1024 / 1024).toFixed(1)} MB`, "too_large");
  }
  if (!isOle2(bytes)) {
    // Many systems "export to Excel" by writing an HTML table into a .xls file;
    // Excel opens it, and so does SheetJS (rowspan/colspan become merges).
    if (looksLikeHtml(bytes)) return toDocument(await parseWorkbook(bytes, LIMITS, "HTML workbook (.xls)"), "xls");
    throw new ExtractError(`corrupt: expected an XLS (OLE2) workbook, found ${bytes.length} bytes without the OLE2 signature`, "corrupt");
  }
  if (hasOleStream(bytes, "EncryptedPackage")) throw encryptedOoxml("XLS");
  return toDocument(await parseWorkbook(bytes, LIMITS, "XLS workbook"), "xls");
}

/**
 * An OLE2 container whose extension did not say what it is: an encrypted
 * OOXML file, a legacy workbook, or a legacy Word document.
 */
export async function extractOle2(bytes: Uint8Array, fileName = ""): Promise<ExtractedDocument> {
  if (hasOleStream(bytes, "EncryptedPackage")) {
    const ext = fileName.toLowerCase().split(".").pop();
    throw encryptedOoxml(ext === "xlsx" || ext === "docx" ? ext.toUpperCase() : "DOCX or XLSX");
  }
  if (hasOleStream(bytes, "Workbook") || hasOleStream(bytes, "Book")) return extractXls(bytes);
  const what = hasOleStream(bytes, "WordDocument") ? "a legacy Word .doc" : "an OLE2 container of unknown content";
  throw new ExtractError(`unsupported: expected PDF, DOCX, XLSX, XLS or text, found ${what}`, "unsupported");
}

function toDocument(dump: WorkbookDump, format: "xlsx" | "xls"): ExtractedDocument {
  const blocks: Block[] = [];
  const pages: PageInfo[] = [];
  const warnings: string[] = [];
  dump.sheets.forEach((sheet, i) => {
    let tallest = sheet.declaredRows ?? 0;
    for (const [r] of sheet.cells) if (r + 1 > tallest) tallest = r + 1;
    if (tallest > MAX_SHEET_ROWS) {
      throw new ExtractError(`too large: expected at most ${MAX_SHEET_ROWS.toLocaleString("en")} rows per sheet, found ${tallest.toLocaleString("en")} rows in sheet "${sheet.name}"`, "too_large");
    }
    const { blocks: sheetBlocks, info } = sheetToBlocks(sheet, i + 1);
    for (const b of sheetBlocks) blocks.push(b);
    pages.push(info);
    if (info.hidden) warnings.push(`${format}: sheet ${i + 1} "${sheet.name}" is hidden`);
    if (sheet.unreadable) warnings.push(`${format}: sheet ${i + 1} "${sheet.name}" not read: the workbook holds no readable sheet data for it`);
    if (sheet.hiddenRows.length > 0) warnings.push(`${format}: sheet "${sheet.name}" has ${sheet.hiddenRows.length} hidden rows`);
    if (sheet.hiddenCols.length > 0) warnings.push(`${format}: sheet "${sheet.name}" has ${sheet.hiddenCols.length} hidden columns`);
  });
  return { format, pageCount: pages.length, pages, blocks, warnings };
}
