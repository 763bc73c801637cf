/**
 * Text recognition (PaddleOCR PP-OCRv4 rec, CTC): each detected line is cut
 * from the full-resolution page, scaled to 48 px high and read, one line
 * per model call.
 */
import { type DecodedChar, decodeCtc } from "./ctc.ts";
import { sampleInto, type Region } from "./gray-resize.ts";
import type { RasterImage } from "./image/types.ts";
import type { OcrRuntime } from "./runtime.ts";
import type { CharBox, TextBox } from "./text-box.ts";
import { boxFromChars } from "./text-box.ts";
import { preferLoneDigit } from "./lone-digit.ts";
import { preferComparatorBars, preferLoneComparator } from "./lone-comparator.ts";
import { readTickBoxes } from "./tick-boxes.ts";

const LINE_HEIGHT = 48;
/** The recogniser emits one time step per 8 pixels of line width. */
const STEP_PIXELS = 8;
/** A longer line is squeezed to this width (a 60:1 line is a table rule misread as text, or a very long sentence). */
const MAX_LINE_WIDTH = LINE_HEIGHT * 60;
const MEANS = [0.5, 0.5, 0.5] as const;
const STDS = [0.5, 0.5, 0.5] as const;

/**
 * One line per model call. On the CPU batching bought nothing and cost much:
 * the 85 lines of a 200-dpi page took 1.7 s of CPU one by one, 2.0 s in
 * batches of up to 4, 2.45 s of up to 8 (the former setting), 3.1 s of up
 * to 16 and 14 s of up to 32 — padding added only 14% of columns at 8; the
 * time went to the larger activations. Padding a line to PaddleOCR's
 * 320 px (its rec_image_shape) read the six scan fixtures worse (552 of 576
 * fields against 561 at the line's own width, 560 in batches of 8: specks
 * beside short lines were read as marks), and cost 0.6 s more a page.
 */
export async function recognizeLines(runtime: OcrRuntime, gray: RasterImage, regions: readonly Region[]): Promise<TextBox[]> {
  const { recognizer, dictionary } = runtime;
  const found: TextBox[] = [];
  for (const region of regions) {
    const lineWidth = Math.min(MAX_LINE_WIDTH, Math.max(STEP_PIXELS, Math.ceil((LINE_HEIGHT * (region.x1 - region.x0)) / Math.max(1, region.y1 - region.y0))));
    const width = Math.ceil(lineWidth / STEP_PIXELS) * STEP_PIXELS;
    const input = new Float32Array(3 * LINE_HEIGHT * width);
    sampleInto(gray, region, lineWidth, LINE_HEIGHT, input, 0, width, MEANS, STDS);
    const outputs = await recognizer.run({ [recognizer.inputNames[0]!]: runtime.tensor(input, [1, 3, LINE_HEIGHT, width]) });
    const out = outputs[recognizer.outputNames[0]!]!;
    const [, steps, classes] = out.dims as [number, number, number];
    // Only the steps over the line itself, not the few columns rounding its width up.
    const chars = decodeCtc(out.data, 0, Math.min(steps, Math.ceil(lineWidth / STEP_PIXELS)), classes);
    const placed = placeChars(chars, region, lineWidth, dictionary);
    const box = placed && readTickBoxes(preferComparatorBars(preferLoneComparator(preferLoneDigit(placed), gray, region), gray));
    if (box && box.text.trim() !== "") found.push(box);
  }
  return found;
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
      x: centres[k]!,
    };
    if (c.alternatives.length) box.alternatives = c.alternatives.map((a) => ({ text: dictionary[a.index - 1] ?? "", confidence: a.confidence }));
    return box;
  });
  return boxFromChars(placed, region.y0, region.y1);
}
