/**
 * The red seal across 总分 95.23 and a 得分 on the 忻州 form: its ink turns to
 * paper while the black digits under it stay ink. Pixel regions come from the
 * manifest (the seal's disc) and from the source PDF (the digits' boxes).
 */
import { beforeAll, describe, expect, test } from "vitest";
import { DEFAULT_PREPROCESS_SETTINGS, preprocessScan } from "../src/image/preprocess.ts";
import { DEFAULT_GRAYSCALE_SETTINGS, toGrayscale } from "../src/image/grayscale.ts";
import { inkThreshold } from "../src/image/threshold.ts";
import type { RasterImage } from "../src/image/types.ts";
import { SCAN_MANIFEST, loadScanPage, sourceGlyphs } from "./image-scan-pages.ts";

const FILE = "xinzhou-selfeval-300dpi-seal.pdf";
const fixture = SCAN_MANIFEST[FILE]!;
const seal = fixture.seal!;

/** Pixel indices inside the seal's disc whose colour passes `keep`. */
function sealPixels(img: RasterImage, keep: (r: number, g: number, b: number) => boolean): number[] {
  const [cx, cy] = seal.centrePx, radius = seal.diameterPx / 2;
  const out: number[] = [];
  for (let y = cy - radius; y <= cy + radius; y++) {
    for (let x = cx - radius; x <= cx + radius; x++) {
      if ((x - cx) ** 2 + (y - cy) ** 2 > radius ** 2) continue;
      const i = y * img.width + x, p = i * img.channels;
      if (keep(img.data[p]!, img.data[p + 1]!, img.data[p + 2]!)) out.push(i);
    }
  }
  return out;
}

const share = (indices: number[], gray: RasterImage, test: (v: number) => boolean) => indices.filter((i) => test(gray.data[i]!)).length / indices.length;

describe("red seal removal", () => {
  let input: RasterImage;
  /** Seal ink lying on paper: clearly red and light. */
  let sealOnPaper: number[];
  /** Print under or beside the seal: dark in every channel (black × red stays black). */
  let digitsInk: number[];

  beforeAll(async () => {
    input = await loadScanPage(FILE, seal.page);
    sealOnPaper = sealPixels(input, (r, g, b) => r > 150 && r - Math.max(g, b) > 60);
    // The digits whose centres lie inside the seal, from the source page's characters.
    const scale = fixture.dpi / 72;
    const [cx, cy] = seal.centrePx, radius = seal.diameterPx / 2;
    const glyphs = (await sourceGlyphs(fixture.source!, fixture.pages[seal.page - 1]!)).filter((g) => {
      const x = ((g.x0 + g.x1) / 2) * scale, y = ((g.y0 + g.y1) / 2) * scale;
      return /[0-9]/.test(g.text) && (x - cx) ** 2 + (y - cy) ** 2 < radius ** 2;
    });
    expect(glyphs.map((g) => g.text).join("")).toContain("9523");
    digitsInk = [];
    for (const g of glyphs) {
      for (let y = Math.floor(g.y0 * scale); y <= Math.ceil(g.y1 * scale); y++) {
        for (let x = Math.floor(g.x0 * scale); x <= Math.ceil(g.x1 * scale); x++) {
          const p = (y * input.width + x) * 3;
          if (Math.max(input.data[p]!, input.data[p + 1]!, input.data[p + 2]!) < 90) digitsInk.push(y * input.width + x);
        }
      }
    }
  });

  test("the fixture has the seal and the digits where the manifest says", () => {
    expect(sealOnPaper.length).toBeGreaterThan(20_000);
    expect(digitsInk.length).toBeGreaterThan(1_000);
  });

  test("seal ink becomes paper, the digits under it stay ink", () => {
    const result = preprocessScan(input);
    // Same frame as the input: nothing turned or resampled.
    expect(result.rotation).toBe(0);
    expect(Math.abs(result.skewDegrees)).toBeLessThan(DEFAULT_PREPROCESS_SETTINGS.minDeskewDegrees);
    expect(share(sealOnPaper, result.image, (v) => v > result.threshold)).toBeGreaterThan(0.99);
    expect(share(digitsInk, result.image, (v) => v <= result.threshold)).toBeGreaterThan(0.97);
  });

  test("without dropping red, the seal is ink to the threshold (the check above can fail)", () => {
    const gray = toGrayscale(input, { ...DEFAULT_GRAYSCALE_SETTINGS, dropRed: false });
    const threshold = inkThreshold(gray);
    expect(share(sealOnPaper, gray, (v) => v > threshold)).toBeLessThan(0.1);
  });
});
