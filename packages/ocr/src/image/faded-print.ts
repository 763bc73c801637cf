/**
 * Faded print made dark again: a copy printed as its toner ran out, or
 * scanned too light, has its darkest print at a mid grey. The recogniser
 * reads such lines, but the steps that judge a glyph by its ink (a lone
 * comparator's bars, ink no line covers) and the detector's hold on short
 * marks lose them: on 18 real fixtures with their print at 45% of its
 * darkness, every lone = and ≥ of 江西's target table was lost. The grey
 * levels from the darkest print to the paper are stretched onto the full
 * range.
 *
 * Only for a page whose darkest print is that light: on every scan fixture
 * the darkest 0.2% of the page is black (0) or the page is blank, and it is
 * handed back as it is.
 */
import { levelFromDark, sampledHistogram } from "./histogram.ts";
import type { RasterImage } from "./types.ts";

export interface FadedPrintSettings {
  /** The page's darkest print: the grey level this share of its (sampled) pixels is at or below. */
  printQuantile: number;
  /** Print whose darkest level is lighter than this (0–255) is faded. */
  fadedFrom: number;
  /** ...and at least this much darker than the paper (a page with little contrast left is noise, not print). */
  minContrast: number;
}

export const DEFAULT_FADED_PRINT_SETTINGS: FadedPrintSettings = { printQuantile: 0.002, fadedFrom: 60, minContrast: 60 };

/** Every SAMPLE_STEP-th pixel is counted. */
const SAMPLE_STEP = 3;

export function darkenFadedPrint(gray: RasterImage, settings: FadedPrintSettings = DEFAULT_FADED_PRINT_SETTINGS): RasterImage {
  const hist = sampledHistogram(gray, SAMPLE_STEP);
  const print = levelFromDark(hist, settings.printQuantile), paper = levelFromDark(hist, 0.5);
  if (print < settings.fadedFrom || paper - print < settings.minContrast) return gray;
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v++) lut[v] = v <= print ? 0 : v >= paper ? 255 : Math.round(((v - print) * 255) / (paper - print));
  const data = new Uint8Array(gray.data.length);
  for (let i = 0; i < data.length; i++) data[i] = lut[gray.data[i]!]!;
  return { width: gray.width, height: gray.height, channels: 1, data };
}
