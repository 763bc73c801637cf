/**
 * OCR for scanned pages, offline: PaddleOCR's Chinese models run by
 * onnxruntime-node's CPU build. Imported dynamically by the PDF extractor
 * only when a page has no text layer, so a run that meets no scan never
 * loads it.
 */
export { readScan, type ScanReading } from "./read-scan.ts";
export type { CharBox, TextBox } from "./text-box.ts";
export type { PixelSegment, RasterImage } from "./image/types.ts";
