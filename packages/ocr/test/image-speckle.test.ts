/** Specks on the 黔南 fixture are removed; decimal points beside digits are not. */
import { describe, expect, test } from "vitest";
import { labelComponents } from "../src/image/components.ts";
import { preprocessScan } from "../src/image/preprocess.ts";
import { findSpeckles } from "../src/image/speckle.ts";
import { grayToInkMask, inkThreshold } from "../src/image/threshold.ts";
import { toGrayscale } from "../src/image/grayscale.ts";
import type { RasterImage } from "../src/image/types.ts";
import { loadScanPage } from "./image-scan-pages.ts";

function specks(gray: RasterImage): number {
  const mask = grayToInkMask(gray, inkThreshold(gray));
  return findSpeckles(mask, labelComponents(mask)).length;
}

describe("speck removal", () => {
  test("the 1,500 specks of a page are nearly all gone after preprocessing", async () => {
    const input = await loadScanPage("qiannan-01-200dpi-tilt-cw1.5-speckle.pdf", 1);
    const before = specks(toGrayscale(input));
    const result = preprocessScan(input);
    // Some specks fall on text or rules and merge with them; the isolated ones are what can be counted.
    expect(before).toBeGreaterThan(800);
    expect(specks(result.image)).toBeLessThan(before * 0.05);
  });

  test("decimal points survive: the page still reads upright by its decimal points", async () => {
    const result = preprocessScan(await loadScanPage("qiannan-01-200dpi-tilt-cw1.5-speckle.pdf", 1));
    const again = preprocessScan(result.image);
    expect(again.orientation.votes.upright).toBeGreaterThanOrEqual(3);
  });
});
