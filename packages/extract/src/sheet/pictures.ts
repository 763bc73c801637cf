/**
 * A workbook with no table whose sheets hold a picture of the form (a
 * pasted scan or screenshot): the pictures are read by OCR onto the sheet
 * they are drawn on (../docx/ocr-pictures.ts), as a DOCX's are.
 */
import type { ExtractedDocument } from "../grid.ts";
import type { OcrOptions } from "../pdf/ocr-modes.ts";
import type { ZipEntry } from "../zip-guard.ts";
import { xlsxPictures } from "../docx/office-pictures.ts";
import { markOcrPages, readPictures, withPictureBlocks } from "../docx/ocr-pictures.ts";

export async function withPictures(doc: ExtractedDocument, bytes: Uint8Array, entries: ReadonlyMap<string, ZipEntry>, ocr: OcrOptions | undefined): Promise<ExtractedDocument> {
  if (doc.blocks.some((b) => b.kind === "table")) return doc;
  const pictures = xlsxPictures(bytes, entries);
  if (pictures.length === 0) return doc;
  const read = await readPictures(pictures, ocr, "XLSX");
  return { ...doc, blocks: withPictureBlocks(doc.blocks, read.blocks), pages: markOcrPages(doc.pages, read.ocrPages), warnings: [...doc.warnings, ...read.warnings] };
}
