/**
 * Uneven light evened before the ink/paper threshold (image/illumination.ts):
 * on the scan photographed in a shadow (hebei-department-200dpi-shadow.pdf,
 * full light at the top-left fading to 0.4 of it at the bottom-right) the
 * page's one threshold took a quarter of it for ink; evened, its paper is
 * white in every quarter and its print still black. Every other scan fixture
 * has even paper and is handed back untouched, so what it reads is unchanged.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_GRAYSCALE_SETTINGS, toGrayscale } from "../src/image/grayscale.ts";
import { evenIllumination } from "../src/image/illumination.ts";
import { grayToInkMask, inkThreshold } from "../src/image/threshold.ts";
import type { RasterImage } from "../src/image/types.ts";
import { loadScanPage } from "./image-scan-pages.ts";

const grayPage = async (file: string) => toGrayscale(await loadScanPage(file), DEFAULT_GRAYSCALE_SETTINGS);

/** Share of the page's pixels at or below its Otsu ink threshold. */
function inkShare(gray: RasterImage): number {
  const mask = grayToInkMask(gray, inkThreshold(gray));
  let ink = 0;
  for (const v of mask.data) ink += v;
  return ink / mask.data.length;
}

/** The grey level at quantile `q` of one quarter of the page (qx, qy: 0 left/top, 1 right/bottom). */
function quarterLevel(gray: RasterImage, qx: 0 | 1, qy: 0 | 1, q: number): number {
  const values: number[] = [];
  const [w, h] = [gray.width >> 1, gray.height >> 1];
  for (let y = qy * h; y < (qy + 1) * h; y += 3) for (let x = qx * w; x < (qx + 1) * w; x += 3) values.push(gray.data[y * gray.width + x]!);
  values.sort((a, b) => a - b);
  return values[Math.floor(q * (values.length - 1))]!;
}

const QUARTERS = [[0, 0], [1, 0], [0, 1], [1, 1]] as const;

describe("uneven light", () => {
  it("makes the shadowed paper white and keeps the print black", async () => {
    const given = await grayPage("hebei-department-200dpi-shadow.pdf");
    // As scanned: the paper (the median of a quarter, a form being mostly paper) darkens towards the bottom-right,
    // and one threshold for the page counts much of it as ink.
    expect(quarterLevel(given, 1, 1, 0.5)).toBeLessThan(0.7 * quarterLevel(given, 0, 0, 0.5));
    expect(inkShare(given)).toBeGreaterThan(0.2);

    const even = evenIllumination(given);
    expect(even === given, "a new image").toBe(false);
    for (const [qx, qy] of QUARTERS) {
      expect(quarterLevel(even, qx, qy, 0.5), `paper of quarter ${qx},${qy}`).toBeGreaterThanOrEqual(235);
      expect(quarterLevel(even, qx, qy, 0.01), `print of quarter ${qx},${qy}`).toBeLessThanOrEqual(40);
    }
    // A form's print covers a few percent of its page, as on the fixtures scanned in even light.
    expect(inkShare(even)).toBeGreaterThan(0.02);
    expect(inkShare(even)).toBeLessThan(0.08);
  });

  it("hands back a page with even paper as it is: grey JPEG with speckle, a red seal, bilevel G4, 150 dpi", async () => {
    for (const file of ["qiannan-01-200dpi-tilt-cw1.5-speckle.pdf", "xinzhou-selfeval-300dpi-seal.pdf", "chongqing-targets-300dpi-g4.pdf", "anhui-transfer-150dpi-tilt-ccw2.5.pdf"]) {
      const gray = await grayPage(file);
      expect(evenIllumination(gray) === gray, `${file} handed back as it is`).toBe(true);
    }
  });
});
