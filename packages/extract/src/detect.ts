/**
 * Recognise a file's format by its content (magic bytes), not its name: archives
 * hold .doc files that are really DOCX, .xls that are XLSX, and text dumps with
 * any extension.
 */
import type { Format } from "./grid.ts";

export type Detected = Format | "ole2" | "zip" | "unknown";

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);

function containsAscii(b: Uint8Array, needle: string, limit = b.length): boolean {
  const n = Buffer.from(needle, "latin1");
  return Buffer.from(b.buffer, b.byteOffset, Math.min(limit, b.length)).indexOf(n) !== -1;
}

export function detectFormat(bytes: Uint8Array, fileName = ""): Detected {
  const ext = fileName.toLowerCase().split(".").pop() ?? "";
  if (bytes.length === 0) return ext === "txt" ? "txt" : "unknown";
  // %PDF may be preceded by junk bytes (some producers prepend a BOM or a mail header).
  if (containsAscii(bytes, "%PDF-", 1024)) return "pdf";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    // Entry names are stored uncompressed in local headers and the central directory.
    if (containsAscii(bytes, "word/document")) return "docx";
    if (containsAscii(bytes, "xl/workbook")) return "xlsx";
    if (ext === "docx" || ext === "xlsx") return ext;
    return "zip";
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // OLE2: a legacy .xls/.doc, or an encrypted OOXML package (EncryptionInfo stream).
    return ext === "xls" || ext === "et" ? "xls" : "ole2";
  }
  // A name that promises a binary format the content does not have (text saved as
  // .docx or .pdf) goes to that format's reader, which refuses it as corrupt.
  if (ext === "pdf" || ext === "docx" || ext === "xlsx") return ext;
  // An HTML table saved with a spreadsheet extension (a common export of web-based systems).
  if ((ext === "xls" || ext === "et") && /^\s*<(!doctype html|html|table|\?xml)/i.test(Buffer.from(bytes.subarray(0, 512)).toString("latin1"))) return "xls";
  return "txt";
}
