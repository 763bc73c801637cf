/**
 * Faded print made dark again (image/faded-print.ts): on the scan printed as
 * the toner ran out (jiangxi-department-targets-200dpi-faded.pdf, the print at
 * 0.45 of its darkness on grey paper) the darkest print is a mid grey and the
 * paper grey; stretched, the print is black and the paper white. Every other
 * scan fixture has black print and is handed back as it is.
 */
import { describe, expect, it } from "vitest";
import { darkenFadedPrint } from "../src/image/faded-print.ts";
import type { RasterImage } from "../src/image/types.ts";
import { evenGrayPage } from "./image-scan-pages.ts";

/** The grey level `share` of the page's pixels are at or below. */
function level(gray: RasterImage, share: number): number {
  const sorted = Uint8Array.from(gray.data).sort();
  return sorted[Math.floor(share * (sorted.length - 1))]!;
}

describe("faded print", () => {
  it("is stretched from its darkest grey to the paper's: black print on white paper", async () => {
    const given = await evenGrayPage("jiangxi-department-targets-200dpi-faded.pdf");
    expect(level(given, 0.002)).toBeGreaterThan(100);
    expect(level(given, 0.5)).toBeLessThan(240);
    const dark = darkenFadedPrint(given);
    expect(dark === given, "a new image").toBe(false);
    expect(level(dark, 0.002)).toBeLessThanOrEqual(5);
    expect(level(dark, 0.5)).toBeGreaterThanOrEqual(250);
  });

  it("leaves black print as it is: speckle, a seal, bilevel G4, shadow, show-through, the scanner's bed", async () => {
    for (const file of ["qiannan-01-200dpi-tilt-cw1.5-speckle.pdf", "xinzhou-selfeval-300dpi-seal.pdf", "chongqing-targets-300dpi-g4.pdf", "hebei-department-200dpi-shadow.pdf", "hubei-selfeval-200dpi-show-through.pdf", "sichuan-scorecard-200dpi-scanner-bed.pdf"]) {
      const gray = await evenGrayPage(file);
      expect(darkenFadedPrint(gray) === gray, `${file} handed back as it is`).toBe(true);
    }
  });
});
