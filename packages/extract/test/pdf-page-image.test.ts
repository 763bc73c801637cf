/**
 * Scanned pages as pixels, decoded by pdf.js without a canvas (page-image.ts),
 * and the OCR results in the table finder's terms (ocr-glyphs.ts,
 * ocr-confidence.ts). Recognition itself is tested in packages/ocr.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Block } from "../src/grid.ts";
import { openPdf } from "../src/pdf/load.ts";
import { attachOcrConfidence } from "../src/pdf/ocr-confidence.ts";
import { edgesFromRulings, glyphsFromBoxes } from "../src/pdf/ocr-glyphs.ts";
import { largestPageImage, unpackBits } from "../src/pdf/page-image.ts";

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../fixtures/${name}`, import.meta.url)));

async function firstPageImage(name: string) {
  const { doc, destroy } = await openPdf(fixture(name));
  try {
    return await largestPageImage(await doc.getPage(1));
  } finally {
    await destroy();
  }
}

/** Share of dark pixels: a decoded page of a form is mostly paper with some ink, never blank or black. */
function inkShare(img: NonNullable<Awaited<ReturnType<typeof firstPageImage>>>): number {
  const { data, channels, width, height } = img.raster;
  let dark = 0;
  for (let i = 0; i < data.length; i += channels) if (data[i]! < 128) dark++;
  return dark / (width * height);
}

describe("largestPageImage", () => {
  it("lets the page drop its decoded pixels once they are taken (a long scan holds no earlier page's image)", async () => {
    const { doc, destroy } = await openPdf(fixture("scan/xinzhou-selfeval-300dpi-seal.pdf"));
    try {
      const page = await doc.getPage(1);
      const img = await largestPageImage(page);
      expect(img!.raster.width).toBe(2479);
      // pdf.js's page objects (the decoded images) are gone; the raster still holds its pixels.
      expect([...(page.objs as unknown as Iterable<unknown>)].length).toBe(0);
      expect(inkShare(img!)).toBeGreaterThan(0.01);
    } finally {
      await destroy();
    }
  });

  it.each([
    ["scan/chongqing-targets-300dpi-g4.pdf", 2479, 3508, 1, 72 / 300],
    ["scan/hengyang-targets-200dpi-rot90.pdf", 1653, 2339, 3, 72 / 200],
    ["scan/jbig2-pdfjs-bitmap-symbol-symhuff-texthuff.pdf", 399, 400, 1, 1],
    ["broken/image-only.pdf", 1241, 1754, 3, 72 / 150],
  ])("decodes %s (CCITT G4, JPEG, JBIG2, Flate) with its scale", async (name, width, height, channels, ppp) => {
    const img = (await firstPageImage(name))!;
    expect(img.raster).toMatchObject({ width, height, channels });
    expect(img.pointsPerPixel).toBeCloseTo(ppp, 2);
    expect(img.pageShare).toBeGreaterThan(0.9);
    expect(inkShare(img)).toBeGreaterThan(0.01);
    expect(inkShare(img)).toBeLessThan(0.2);
  });

  it("finds no scan on a page of text and vector rules", async () => {
    expect(await firstPageImage("pdf/lo/stress-long-reason.pdf")).toBeNull();
  });
});

describe("unpackBits", () => {
  it("turns 1-bit rows padded to a byte into gray bytes, 1 = white", () => {
    expect([...unpackBits(new Uint8Array([0b10100000, 0b01000000]), 3, 2)]).toEqual([255, 0, 255, 0, 255, 0]);
  });
});

describe("OCR results as glyphs and edges", () => {
  it("places each character in points, marks a recognised space, and turns rulings into edges", () => {
    const box = { confidence: 0.9, x0: 100, y0: 50, x1: 160, y1: 80, chars: [
      { text: "1", confidence: 0.9, x0: 100, x1: 120 }, { text: " ", confidence: 0.9, x0: 120, x1: 130 }, { text: "2", confidence: 0.8, x0: 130, x1: 160 },
    ] };
    const glyphs = glyphsFromBoxes([box], 0.5);
    expect(glyphs.map((g) => [g.text, g.x0, g.x1, g.y0, g.y1, g.spaceBefore, g.confidence])).toEqual([
      ["1", 50, 60, 25, 40, false, 0.9],
      ["2", 65, 80, 25, 40, true, 0.8],
    ]);
    expect(edgesFromRulings({ horizontal: [{ x0: 10, y0: 20, x1: 110, y1: 20 }], vertical: [{ x0: 30, y0: 100, x1: 30, y1: 0 }] }, 0.5)).toEqual([
      { orientation: "h", at: 10, from: 5, to: 55 },
      { orientation: "v", at: 15, from: 0, to: 50 },
    ]);
  });

  it("gives each cell the lowest confidence of the characters inside it", () => {
    const blocks: Block[] = [{ kind: "table", table: { page: 1, pageTo: 1, nRows: 1, nCols: 2, cells: [
      { row: 0, col: 0, rowSpan: 1, colSpan: 1, text: "12", page: 1, bbox: { x0: 0, y0: 0, x1: 50, y1: 20 } },
      { row: 0, col: 1, rowSpan: 1, colSpan: 1, text: "", page: 1, bbox: { x0: 50, y0: 0, x1: 100, y1: 20 } },
    ] } }];
    const glyph = (x0: number, confidence: number) => ({ text: "1", size: 10, spaceBefore: false, run: 0, x0, x1: x0 + 5, y0: 5, y1: 15, confidence });
    attachOcrConfidence(blocks, new Map([[1, [glyph(10, 0.97), glyph(20, 0.61), glyph(60, 0.2)]]]));
    const cells = (blocks[0] as Extract<Block, { kind: "table" }>).table.cells;
    expect(cells[0]!.ocrConfidence).toBe(0.61);
    expect(cells[1]!.ocrConfidence).toBeUndefined();
  });
});
