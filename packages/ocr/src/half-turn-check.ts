/**
 * Whether a page read level is the right way up, asked of the recogniser.
 *
 * The image tests (image/orientation.ts: decimal points, where the title-sized
 * characters are) are cheap but can be fooled: a page whose headings sit low
 * in its text (附表1 … 附表2 on one page) has its title-sized characters in the
 * lower half, and the dots inside a font's CJK characters may vote against
 * the numbers. Turned the wrong way, every line then reads as garbage. The
 * recogniser knows better: on text the right way up it is sure of most
 * characters, upside down it is sure of few. So when the image tests turned
 * the page, or could not decide, a sample of its longest lines is read both
 * ways and the page keeps the turn whose lines read with more confidence.
 * A page the image tests left upright is not asked: an upright page is what
 * nearly every scan is. The other way is read only when the first reading
 * leaves it room to win: most pages asked read as sure as text can, once.
 */
import type { Region } from "./gray-resize.ts";
import type { RasterImage } from "./image/types.ts";
import { recognizeLines } from "./recognize.ts";
import type { OcrRuntime } from "./runtime.ts";

/** Lines read both ways: enough that one odd line does not decide. */
export const HALF_TURN_SAMPLE_LINES = 8;
/** The other way must be surer by this much (mean character confidence, 0–1) to turn the page. */
export const HALF_TURN_MARGIN = 0.1;
/** Lines at least this many times as wide as tall: words, not specks or single characters. */
const MIN_LINE_ASPECT = 3;
/**
 * Each sampled line is read over this many times its height at most (about a dozen characters):
 * recognition costs by width, a form's longest lines run across the page, and a dozen characters a
 * line tell the turn as well as the whole line (the check cost 1.3–2.4 s a page read whole).
 */
export const MAX_SAMPLE_ASPECT = 12;

/** The longest text lines (by width), up to `count`, each cut to its first MAX_SAMPLE_ASPECT heights. */
function sampleLines(regions: readonly Region[], count: number): Region[] {
  return regions
    .filter((r) => r.x1 - r.x0 >= MIN_LINE_ASPECT * (r.y1 - r.y0))
    .sort((a, b) => (b.x1 - b.x0) - (a.x1 - a.x0))
    .slice(0, count)
    .map((r) => ({ ...r, x1: Math.min(r.x1, r.x0 + MAX_SAMPLE_ASPECT * (r.y1 - r.y0)) }));
}

/** The same region in the image turned 180°. */
function turnedRegion(r: Region, width: number, height: number): Region {
  return { x0: width - r.x1, y0: height - r.y1, x1: width - r.x0, y1: height - r.y0 };
}

/** Mean confidence over every character the lines read, 0 when none. */
async function meanConfidence(runtime: OcrRuntime, gray: RasterImage, regions: readonly Region[]): Promise<number> {
  const boxes = await recognizeLines(runtime, gray, regions);
  const chars = boxes.flatMap((b) => b.chars);
  return chars.length === 0 ? 0 : chars.reduce((s, c) => s + c.confidence, 0) / chars.length;
}

/**
 * Whether the page reads better turned 180° from `gray` (`turned` gives that image: it is made only
 * when the other way is read), judged on the
 * longest of `regions` (found in `gray`).
 */
export async function readsBetterTurned(runtime: OcrRuntime, gray: RasterImage, turned: () => RasterImage, regions: readonly Region[]): Promise<boolean> {
  const sample = sampleLines(regions, HALF_TURN_SAMPLE_LINES);
  if (sample.length === 0) return false;
  const asIs = await meanConfidence(runtime, gray, sample);
  // Confidences are at most 1: past 1 − HALF_TURN_MARGIN the other way cannot win, so it is not read.
  // Nearly every page asked reads this sure (0.95–1.0 on the real scans) the right way up.
  if (asIs >= 1 - HALF_TURN_MARGIN) return false;
  const other = await meanConfidence(runtime, turned(), sample.map((r) => turnedRegion(r, gray.width, gray.height)));
  return other > asIs + HALF_TURN_MARGIN;
}
