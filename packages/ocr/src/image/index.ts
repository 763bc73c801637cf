/** The pixel side of scanned pages: cleaning a page for recognition and finding its table rulings. */
export type { RasterImage, PixelSegment, InkMask } from "./types.ts";
export { preprocessScan, DEFAULT_PREPROCESS_SETTINGS, type PreprocessSettings, type PreprocessedScan } from "./preprocess.ts";
export { findRulings, DEFAULT_RULING_SETTINGS, type RulingSettings } from "./rulings.ts";
export type { Orientation } from "./orientation.ts";
export { rotateImage, rotateGraySmall, type QuarterTurn } from "./rotate.ts";
export { toGrayscale } from "./grayscale.ts";
