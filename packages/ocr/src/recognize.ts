/**
 * Text recognition (PaddleOCR PP-OCRv4 rec, CTC): each detected line is cut
 * from the full-resolution page, scaled to 48 px high and read; lines of
 * similar width go through the model together, padded to the widest.
 */
import { type DecodedChar, decodeCtc } from "./ctc.ts";
import { sampleInto, type Region } from "./gray-resize.ts";
import type { RasterImage } from "./image/types.ts";
import type { OcrRuntime } from "./runtime.ts";
import type { CharBox, TextBox } from "./text-box.ts";
import { boxFromChars } from "./text-box.ts";

const LINE_HEIGHT = 48;
/** The recogniser emits one time step per 8 pixels of line width. */
const STEP_PIXELS = 8;
/**
 * Lines per model call, at most: fewer calls, but every line is padded to the
 * widest of its batch, and the call's memory grows with lines × width (8 lines
 * of 1,600 px took the runtime ~45 MB more than 8 of 800).
 */
const BATCH = 8;
/** Pixel columns per model call, lines × padded width: wide lines go fewer at a time. */
const BATCH_COLUMNS = 8 * 640;
/** A longer line is squeezed to this width (a 60:1 line is a table rule misread as text, or a very long sentence). */
const MAX_LINE_WIDTH = LINE_HEIGHT * 60;
const MEANS = [0.5, 0.5, 0.5] as const;
const STDS = [0.5, 0.5, 0.5] as const;

export async function recognizeLines(runtime: OcrRuntime, gray: RasterImage, regions: readonly Region[]): Promise<TextBox[]> {
  const widths = regions.map((r) => Math.min(MAX_LINE_WIDTH, Math.max(STEP_PIXELS, Math.ceil((LINE_HEIGHT * (r.x1 - r.x0)) / Math.max(1, r.y1 - r.y0)))));
  const order = regions.map((_, i) => i).sort((a, b) => widths[a]! - widths[b]!);
  const found: (TextBox | null)[] = regions.map(() => null);
  const { recognizer, dictionary } = runtime;
  for (let b = 0; b < order.length; ) {
    // Sorted by width: the last line of a batch is its widest.
    let n = 1;
    while (n < BATCH && b + n < order.length && (n + 1) * widths[order[b + n]!]! <= BATCH_COLUMNS) n++;
    const batch = order.slice(b, b + n);
    b += n;
    const width = Math.ceil(Math.max(...batch.map((i) => widths[i]!)) / STEP_PIXELS) * STEP_PIXELS;
    const input = new Float32Array(batch.length * 3 * LINE_HEIGHT * width);
    batch.forEach((i, n) => sampleInto(gray, regions[i]!, widths[i]!, LINE_HEIGHT, input, n * 3 * LINE_HEIGHT * width, width, MEANS, STDS));
    const outputs = await recognizer.run({ [recognizer.inputNames[0]!]: runtime.tensor(input, [batch.length, 3, LINE_HEIGHT, width]) });
    const out = outputs[recognizer.outputNames[0]!]!;
    const [, steps, classes] = out.dims as [number, number, number];
    batch.forEach((i, n) => {
      // Only the steps over the line itself, not its padding.
      const own = Math.min(steps, Math.ceil(widths[i]! / STEP_PIXELS));
      const chars = decodeCtc(out.data, n * steps * classes, own, classes);
      found[i] = placeChars(chars, regions[i]!, widths[i]!, dictionary);
    });
  }
  return found.filter((t): t is TextBox => t !== null && t.text.trim() !== "");
}

/** Characters in page pixels: each spans from halfway to its left neighbour to halfway to its right one. */
function placeChars(chars: readonly DecodedChar[], region: Region, lineWidth: number, dictionary: readonly string[]): TextBox | null {
  if (chars.length === 0) return null;
  const scale = (region.x1 - region.x0) / lineWidth;
  const centres = chars.map((c) => region.x0 + ((c.from + c.to + 1) / 2) * STEP_PIXELS * scale);
  const placed: CharBox[] = chars.map((c, k) => {
    const box: CharBox = {
      text: dictionary[c.index - 1] ?? "",
      confidence: c.confidence,
      x0: k === 0 ? region.x0 : (centres[k - 1]! + centres[k]!) / 2,
      x1: k === chars.length - 1 ? region.x1 : (centres[k]! + centres[k + 1]!) / 2,
    };
    if (c.alternatives.length) box.alternatives = c.alternatives.map((a) => ({ text: dictionary[a.index - 1] ?? "", confidence: a.confidence }));
    return box;
  });
  return boxFromChars(placed, region.y0, region.y1);
}
