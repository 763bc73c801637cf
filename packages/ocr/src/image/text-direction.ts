/**
 * Whether the text runs across or down the image, i.e. whether the page lies
 * on its side (turned 90° or 270°). Smearing ink along the text direction
 * across the small gaps between characters joins a line of text into one long
 * run; smearing across lines joins little, because the gap between lines is
 * wider than the gap between characters. So the longer smeared runs show the
 * text direction. Rulings must be erased first: they are long either way.
 */
import type { InkMask } from "./types.ts";

/** Length-weighted mean run length along rows (horizontal) or columns, bridging gaps ≤ `gap`, ignoring runs > `maxRun`. */
export function smearedRunLength(mask: InkMask, horizontal: boolean, gap: number, maxRun: number): number {
  const { width, height, data } = mask;
  const lines = horizontal ? height : width, along = horizontal ? width : height;
  const stepAlong = horizontal ? 1 : width, stepLine = horizontal ? width : 1;
  let sumSquares = 0, sum = 0;
  const emit = (len: number) => {
    if (len <= maxRun) { sumSquares += len * len; sum += len; }
  };
  for (let l = 0; l < lines; l++) {
    let start = -1, last = -1;
    for (let a = 0, i = l * stepLine; a < along; a++, i += stepAlong) {
      if (data[i] === 0) continue;
      if (start >= 0 && a - last - 1 <= gap) last = a;
      else {
        if (start >= 0) emit(last - start + 1);
        start = last = a;
      }
    }
    if (start >= 0) emit(last - start + 1);
  }
  return sum === 0 ? 0 : sumSquares / sum;
}

export interface TextDirection {
  vertical: boolean;
  /** Mean smeared run down the columns over that across the rows: > 1 leans to vertical text. */
  ratio: number;
}

/** `gap` and `maxRun` are in pixels of `mask` (a downsampled mask with the rulings taken out). */
export function detectTextDirection(mask: InkMask, gap: number, maxRun: number, minRatio = 1.3): TextDirection {
  const across = smearedRunLength(mask, true, gap, maxRun);
  const down = smearedRunLength(mask, false, gap, maxRun);
  const ratio = across === 0 ? 1 : down / across;
  return { vertical: ratio > minRatio, ratio };
}
