/** Skew measured on the tilted scan fixtures, and levelled away by preprocessScan. */
import { describe, expect, test } from "vitest";
import { preprocessScan } from "../src/image/preprocess.ts";
import { estimateSkew } from "../src/image/skew.ts";
import { grayToInkMask, inkThreshold } from "../src/image/threshold.ts";
import type { RasterImage } from "../src/image/types.ts";
import { loadScanPage, scanPagesWithSource } from "./image-scan-pages.ts";

const skewOf = (gray: RasterImage) => estimateSkew(grayToInkMask(gray, inkThreshold(gray)));

describe("deskew", () => {
  test.each(scanPagesWithSource())("$file page $page: tilt measured within 0.3°, levelled to within 0.1°", async ({ file, page, fixture }) => {
    const result = preprocessScan(await loadScanPage(file, page));
    expect(Math.abs(result.skewDegrees - fixture.tiltDegrees)).toBeLessThan(0.3);
    expect(Math.abs(skewOf(result.image))).toBeLessThan(0.1);
  });

  test("the sign: a page turned clockwise measures positive, its mirror-turn negative", async () => {
    const tilted = await loadScanPage("qiannan-01-200dpi-tilt-cw1.5-speckle.pdf", 1);
    const { image } = preprocessScan(tilted);
    const { rotateGraySmall } = await import("../src/image/rotate.ts");
    expect(skewOf(rotateGraySmall(image, 2))).toBeCloseTo(2, 1);
    expect(skewOf(rotateGraySmall(image, -2))).toBeCloseTo(-2, 1);
  });
});
