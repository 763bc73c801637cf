/**
 * jixiao runs pdf.js with a small patch (patches/pdfjs-dist@5.6.205.patch,
 * applied by pnpm on install) for the work it does not need: painting. These
 * tests fail if the patch is lost (a pdf.js upgrade without it, an install
 * that skipped it). The deflate-bomb cap is tested with the broken PDFs.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { extractPdf } from "../src/pdf/index.ts";
import { openPdf } from "../src/pdf/load.ts";

const FIXTURE = new URL("../../../fixtures/pdf/chromium/stress-long-reason.pdf", import.meta.url).pathname;
const MANY_OPERATORS = new URL("../../../fixtures/pdf/lo/gaoyi-2021-department-selfeval-report.pdf", import.meta.url).pathname;
const require = createRequire(import.meta.url);

describe("pdf.js as patched for jixiao", () => {
  it("reads a browser-made PDF (Type3 fonts, glyph programs skipped) without loading the native canvas", async () => {
    const doc = await extractPdf(readFileSync(FIXTURE));
    const cells = doc.blocks.flatMap((b) => (b.kind === "table" ? b.table.cells.map((c) => c.text) : []));
    // Text of Type3 fonts still comes through their Widths and ToUnicode.
    expect(cells.some((t) => /[\u4e00-\u9fff]{4,}/.test(t))).toBe(true);
    // Skia (@napi-rs/canvas) is only loaded to paint, and nothing here paints.
    expect(Object.keys(require.cache).filter((p) => p.includes("@napi-rs"))).toEqual([]);
    const { sharedObjects } = process.report.getReport() as unknown as { sharedObjects: string[] };
    expect(sharedObjects.filter((p) => p.includes("napi-rs"))).toEqual([]);
  });

  it("hands a page's operator chunks over uncopied and whole (the LoopbackPort and OperatorList.flush patch)", async () => {
    const { doc, destroy } = await openPdf(readFileSync(MANY_OPERATORS));
    try {
      for (const n of [1, 2, 3]) {
        const ops = await (await doc.getPage(n)).getOperatorList();
        // pdf.js sends operators in chunks of 1,000: these pages take two.
        expect(ops.fnArray.length).toBeGreaterThan(1000);
        expect(ops.argsArray.length).toBe(ops.fnArray.length);
        // A chunk read after its arrays were reused would repeat or drop operators and break the nesting.
        let depth = 0;
        let inText = false;
        for (const fn of ops.fnArray) {
          if (fn === OPS.save) depth++;
          if (fn === OPS.restore) depth--;
          expect(depth).toBeGreaterThanOrEqual(0);
          if (fn === OPS.beginText) {
            expect(inText).toBe(false);
            inText = true;
          }
          if (fn === OPS.endText) {
            expect(inText).toBe(true);
            inText = false;
          }
        }
        expect(depth).toBe(0);
        expect(inText).toBe(false);
        expect(ops.fnArray).toContain(OPS.constructPath);
      }
    } finally {
      await destroy();
    }
  });

  it("does not build the font programs that only painting needs (the Type1/CFF compile patch)", () => {
    // pdf.js's main thread drops a font's program after receiving it, so the saving is not
    // visible through its API: the installed bundle itself is checked for the patched code.
    const worker = readFileSync(require.resolve("pdfjs-dist/legacy/build/pdf.worker.mjs"), "utf8");
    expect(worker).toMatch(/if \(this\.disableFontFace\) \{\s*return undefined;\s*\}\s*const unitsPerEm/);
    expect(worker).not.toMatch(/this\.data = compiler\.compile\(\);/);
    expect(worker).not.toMatch(/this\.data = this\.wrap\(/);
  });
});
