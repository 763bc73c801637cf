/** The named tolerances of findRulings on drawn pages: each case sits on one side of a tolerance. */
import { describe, expect, test } from "vitest";
import { findRulings, rulingTolerances } from "../src/image/rulings.ts";
import type { RasterImage } from "../src/image/types.ts";

/** A blank A4 page at 200 dpi (1 unit = 2.339 px). */
function page(): RasterImage {
  return { width: 1653, height: 2339, channels: 1, data: new Uint8Array(1653 * 2339).fill(255) };
}

function fillRect(img: RasterImage, x0: number, y0: number, x1: number, y1: number, grey = 0): void {
  for (let y = y0; y < y1; y++) img.data.fill(grey, y * img.width + x0, y * img.width + x1);
}

/** A line from (x0, y0) to (x1, y1) drawn `thickness` px thick, rounding to whole pixels like a scanner. */
function drawLine(img: RasterImage, x0: number, y0: number, x1: number, y1: number, thickness = 2): void {
  const n = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0));
  for (let i = 0; i <= n; i++) {
    const x = Math.round(x0 + ((x1 - x0) * i) / n), y = Math.round(y0 + ((y1 - y0) * i) / n);
    fillRect(img, x, y, x + thickness, y + thickness);
  }
}

const t = rulingTolerances(1653, 2339);

describe("findRulings tolerances", () => {
  test("a thick rule is one line, at its middle", () => {
    const img = page();
    fillRect(img, 100, 500, 1500, 507);
    const { horizontal } = findRulings(img);
    expect(horizontal).toHaveLength(1);
    expect(horizontal[0]!.y0).toBeCloseTo(503, 0);
    expect(horizontal[0]).toMatchObject({ x0: 100, x1: 1499 });
  });

  test("a doubled rule (two lines 3 px apart) is one line", () => {
    const img = page();
    fillRect(img, 100, 500, 1500, 502);
    fillRect(img, 100, 505, 1500, 507);
    expect(findRulings(img).horizontal).toHaveLength(1);
  });

  test("a break up to joinGap is bridged, a wider one is not", () => {
    const img = page();
    fillRect(img, 100, 500, 700, 502);
    fillRect(img, 700 + t.joinGap, 500, 1500, 502);
    fillRect(img, 100, 900, 700, 902);
    fillRect(img, 700 + t.joinGap + 4, 900, 1500, 902);
    const ys = findRulings(img).horizontal.map((s) => s.y0);
    expect(ys.filter((y) => Math.abs(y - 500.5) < 2)).toHaveLength(1);
    expect(ys.filter((y) => Math.abs(y - 900.5) < 2)).toHaveLength(2);
  });

  test("a rule tilted 0.3° (the staircase of a residual skew) is one line", () => {
    const img = page();
    drawLine(img, 100, 500, 1500, 500 + Math.round(1400 * Math.tan((0.3 * Math.PI) / 180)));
    expect(findRulings(img).horizontal).toHaveLength(1);
  });

  test("a line of text-sized strokes is not a ruling", () => {
    const img = page();
    // Strokes one character wide (about 12 units) with the gaps between characters.
    const stroke = Math.round(12 * 2.339), gap = Math.round(1.5 * 2.339);
    for (let x = 100; x < 1500; x += stroke + gap) fillRect(img, x, 500, x + stroke, 503);
    for (let y = 100; y < 1500; y += stroke + 8) fillRect(img, 800, y, 803, y + stroke);
    const found = findRulings(img);
    expect(found.horizontal).toHaveLength(0);
    expect(found.vertical).toHaveLength(0);
  });

  test("a filled band (a scanner's dark border) is not a ruling, a rule beside it is", () => {
    const img = page();
    fillRect(img, 0, 0, 1653, 40);
    fillRect(img, 0, 0, 30, 2339);
    fillRect(img, 100, 500, 1500, 503);
    const found = findRulings(img);
    expect(found.horizontal.map((s) => Math.round(s.y0))).toEqual([501]);
    expect(found.vertical).toHaveLength(0);
  });

  test("a short divider counts only when both its ends meet long rulings", () => {
    const img = page();
    fillRect(img, 100, 500, 1500, 502);
    fillRect(img, 100, 560, 1500, 562);
    const divider = 560 - 500;
    expect(divider).toBeLessThan(t.minLength);
    fillRect(img, 700, 500, 702, 562); // meets both rules
    fillRect(img, 1000, 700, 1002, 700 + divider); // floats below the table
    const { vertical } = findRulings(img);
    expect(vertical.map((s) => Math.round(s.x0))).toEqual([701]);
  });

  test("the settings are in page units: the same drawing at half the resolution gives the same lines", () => {
    const big = page();
    fillRect(big, 100, 500, 1500, 504);
    fillRect(big, 300, 400, 304, 1400);
    const small: RasterImage = { width: 827, height: 1170, channels: 1, data: new Uint8Array(827 * 1170).fill(255) };
    fillRect(small, 50, 250, 750, 252);
    fillRect(small, 150, 200, 152, 700);
    const a = findRulings(big), b = findRulings(small);
    expect([a.horizontal.length, a.vertical.length]).toEqual([1, 1]);
    expect([b.horizontal.length, b.vertical.length]).toEqual([1, 1]);
  });
});
