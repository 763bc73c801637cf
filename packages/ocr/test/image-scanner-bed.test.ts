/**
 * The scanner's bed made paper (image/scanner-bed.ts): on the scan made with
 * the lid open (sichuan-scorecard-200dpi-scanner-bed.pdf) the near-black frame
 * round the page goes, the table's rulings and print stay; a page with no
 * frame is handed back as it is.
 */
import { describe, expect, it } from "vitest";
import { findRulings } from "../src/image/rulings.ts";
import { withoutScannerBed } from "../src/image/scanner-bed.ts";
import { grayToInkMask, inkThreshold } from "../src/image/threshold.ts";
import type { RasterImage } from "../src/image/types.ts";
import { darkPixels, evenGrayPage } from "./image-scan-pages.ts";

const unframed = (gray: RasterImage) => withoutScannerBed(gray, grayToInkMask(gray, inkThreshold(gray)));

/** Share of a box's pixels that are ink (grey ≤ 128). */
const darkShare = (gray: RasterImage, x0: number, y0: number, x1: number, y1: number) => darkPixels(gray, x0, y0, x1, y1) / ((x1 - x0) * (y1 - y0));

describe("the scanner's bed", () => {
  it("is made paper round the page, and the table inside keeps its rulings and print", async () => {
    const given = await evenGrayPage("sichuan-scorecard-200dpi-scanner-bed.pdf");
    const { width: w, height: h } = given;
    // The frame: the image's left and bottom strips are near-black as scanned.
    expect(darkShare(given, 0, 0, 20, h)).toBeGreaterThan(0.9);
    expect(darkShare(given, 0, h - 20, w, h)).toBeGreaterThan(0.9);
    const clean = unframed(given);
    expect(clean === given, "a new image").toBe(false);
    expect(darkShare(clean, 0, 0, 20, h)).toBeLessThan(0.01);
    expect(darkShare(clean, 0, h - 20, w, h)).toBeLessThan(0.01);
    // Inside the frame nothing changes: the same rulings are found, and the page's middle is the same pixels.
    let changed = 0;
    for (let y = h >> 2; y < (3 * h) >> 2; y++) for (let x = w >> 3; x < (7 * w) >> 3; x++) if (clean.data[y * w + x] !== given.data[y * w + x]) changed++;
    expect(changed).toBe(0);
    const rulings = (g: RasterImage) => {
      const { horizontal, vertical } = findRulings(g);
      return [...horizontal, ...vertical].filter((s) => s.x0 > 60 && s.x1 < w - 60 && s.y0 > 60 && s.y1 < h - 60).length;
    };
    expect(rulings(clean)).toBeGreaterThan(10);
    expect(rulings(clean)).toBe(rulings(given));
  });

  it("leaves a page without one as it is: speckle, a seal, bilevel G4, shadow, show-through", async () => {
    for (const file of ["qiannan-01-200dpi-tilt-cw1.5-speckle.pdf", "xinzhou-selfeval-300dpi-seal.pdf", "chongqing-targets-300dpi-g4.pdf", "hebei-department-200dpi-shadow.pdf", "hubei-selfeval-200dpi-show-through.pdf"]) {
      const gray = await evenGrayPage(file);
      expect(unframed(gray) === gray, `${file} handed back as it is`).toBe(true);
    }
  });
});
