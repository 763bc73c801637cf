/** preprocessScan on inputs that are not forms: it must pass them through without harm. */
import { describe, expect, test } from "vitest";
import { preprocessScan } from "../src/image/preprocess.ts";
import type { RasterImage } from "../src/image/types.ts";
import { darkPixels, loadScanPage } from "./image-scan-pages.ts";

describe("preprocessScan on other inputs", () => {
  test("the JBIG2 page (a bilevel drawing, no text) keeps its ink and is not turned", async () => {
    const input = await loadScanPage("jbig2-pdfjs-bitmap-symbol-symhuff-texthuff.pdf");
    const before = darkPixels(input, 0, 0, input.width, input.height);
    const result = preprocessScan(input);
    expect(before).toBeGreaterThan(5_000);
    expect(result.rotation).toBe(0);
    expect(result.orientation.decided).toBe(false);
    expect(Math.abs(darkPixels(result.image, 0, 0, result.image.width, result.image.height) - before)).toBeLessThan(before * 0.02);
  });

  test("a blank page stays blank, level and upright", () => {
    const blank: RasterImage = { width: 1240, height: 1754, channels: 3, data: new Uint8Array(1240 * 1754 * 3).fill(250) };
    const result = preprocessScan(blank);
    expect([result.rotation, result.skewDegrees]).toEqual([0, 0]);
    expect(darkPixels(result.image, 0, 0, 1240, 1754)).toBe(0);
  });
});
