/**
 * OCR for scanned pages, offline: PaddleOCR's Chinese models run by
 * onnxruntime-node's CPU build. Imported dynamically by the PDF extractor
 * only when a page has no text layer, so a run that meets no scan never
 * loads it.
 */
export { readScan, type ScanReading } from "./read-scan.ts";
/** The ruling lines of a page image alone, without recognition (a searchable scan's text layer has none). */
export { findRulings as findScanRulings } from "./image/rulings.ts";
export type { CharBox, TextBox } from "./text-box.ts";
export type { PixelSegment, RasterImage } from "./image/types.ts";
