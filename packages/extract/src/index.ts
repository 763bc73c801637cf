export * from "./grid.ts";
export { ExtractError } from "./errors.ts";
export { foldCompatibilityCharacters } from "./unicode.ts";
export { parseExtractedText, extractText, decodeText, decodeTextWithWarnings, type DecodedText } from "./text.ts";
export { detectFormat, type Detected } from "./detect.ts";
export { extractBytes, extractFile, type ExtractOptions } from "./extract.ts";
export { OCR_MODES, OCR_PAGE_ALLOWANCE_MS, type OcrMode, type OcrOptions } from "./pdf/ocr-modes.ts";
export { parseSheetsInThisThread } from "./sheet/parse-workbook.ts";
