/**
 * The detector run strip by strip finds the lines it finds on the whole page
 * (detect.ts): a form's page of fixtures/scan/, its lines found both ways,
 * matched by overlap. Strips are how a scan worker keeps its memory down, so
 * they must not cost lines. (Specks and lone marks shorter than two
 * characters come and go with the model's context either way; the orphan-ink
 * pass reads those that are characters.)
 */
import { describe, expect, it } from "vitest";
import { detectTextLines } from "../src/detect.ts";
import { preprocessScan } from "../src/image/index.ts";
import { loadRuntime } from "../src/runtime.ts";
import type { Region } from "../src/gray-resize.ts";
import { loadScanPage } from "./image-scan-pages.ts";

const iou = (a: Region, b: Region): number => {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  return inter / ((a.x1 - a.x0) * (a.y1 - a.y0) + (b.x1 - b.x0) * (b.y1 - b.y0) - inter);
};

/** Two characters of 10.5 pt text at 200 dpi and more: a line, not a speck. */
const MIN_LINE_PX = 40;

describe("the detector in strips", () => {
  it.each(["qiannan-01-200dpi-tilt-cw1.5-speckle.pdf", "chongqing-targets-300dpi-g4.pdf"])(
    "finds the lines of the whole page (%s)", async (file) => {
      const runtime = await loadRuntime();
      const { image } = preprocessScan(await loadScanPage(file));
      const whole = await detectTextLines(runtime, image, { rows: 1e9, margin: 0 });
      const strips = await detectTextLines(runtime, image, { rows: 256, margin: 96 });
      // The page really was cut: at 1,600 px it is several strips.
      expect(Math.max(image.width, image.height)).toBeGreaterThan(1000);
      const lines = whole.filter((r) => r.x1 - r.x0 >= MIN_LINE_PX);
      expect(lines.length).toBeGreaterThan(40);
      const matched = lines.filter((a) => strips.some((b) => iou(a, b) >= 0.6));
      expect(matched.length / lines.length).toBeGreaterThanOrEqual(0.97);
    }, 120_000);
});
