/**
 * Show-through told from a clean page (image/show-through.ts): on the scan of
 * a form printed on thin paper (hubei-selfeval-200dpi-show-through.pdf, its
 * other side mirrored under the print at 0.18 of its darkness), light grey
 * lies on open paper, away from any print; on every other scan fixture light
 * grey is the blurred edge of a stroke, next to it. The seal page is the
 * closest (the seal's greyed remains, whitened on that page anyway).
 */
import { describe, expect, it } from "vitest";
import { preprocessScan } from "../src/image/preprocess.ts";
import { DEFAULT_SHOW_THROUGH_SETTINGS, showThroughShare } from "../src/image/show-through.ts";
import { otsuThreshold } from "../src/image/threshold.ts";
import { loadScanPage } from "./image-scan-pages.ts";

async function share(file: string, page = 1): Promise<number> {
  // The page as recognition gets it: grey, light evened, specks gone, level, upright.
  const gray = preprocessScan(await loadScanPage(file, page)).image;
  const ink = otsuThreshold(gray);
  return showThroughShare(gray, ink);
}

describe("show-through", () => {
  it("is found on the page whose other side shows through, well above the bound", async () => {
    expect(await share("hubei-selfeval-200dpi-show-through.pdf")).toBeGreaterThan(4 * DEFAULT_SHOW_THROUGH_SETTINGS.minShare);
  });

  it("is not found on pages with specks, JPEG haze, a seal's remains, shadow or a bilevel image", async () => {
    const pages: [string, number][] = [
      ["qiannan-01-200dpi-tilt-cw1.5-speckle.pdf", 1], ["qiannan-01-200dpi-tilt-cw1.5-speckle.pdf", 2],
      ["xinzhou-selfeval-300dpi-seal.pdf", 2], ["anhui-transfer-150dpi-tilt-ccw2.5.pdf", 1],
      ["chongqing-targets-300dpi-g4.pdf", 1], ["sichuan-declaration-200dpi-lone-comparators.pdf", 1],
      ["hebei-department-200dpi-shadow.pdf", 1],
    ];
    for (const [file, page] of pages) expect(await share(file, page), `${file} p${page}`).toBeLessThan(DEFAULT_SHOW_THROUGH_SETTINGS.minShare);
  });
});
