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
import { openPdf, type PdfPage } from "../src/pdf/load.ts";
import { type Matrix, IDENTITY, multiply } from "../src/pdf/geometry.ts";
import { isPaintedPath } from "../src/pdf/operators.ts";
import { runsAndPaths } from "../src/pdf/read-page.ts";

const FIXTURE = new URL("../../../fixtures/pdf/chromium/stress-long-reason.pdf", import.meta.url).pathname;
const PDF_FIXTURES = new URL("../../../fixtures/pdf/", import.meta.url).pathname;
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

  it("reports each painted path with getTextContent exactly as getOperatorList builds it (the includePaths patch)", async () => {
    // Word/LibreOffice stroke rules, Chromium fills every border as a shape: both kinds of producer.
    for (const file of ["lo/xinzhou-2022-selfeval-report-annex1.pdf", "chromium/xinzhou-2022-selfeval-report-annex1.pdf", "lo/stress-rotated-section.pdf"]) {
      const { doc, destroy } = await openPdf(readFileSync(PDF_FIXTURES + file));
      try {
        let painted = 0;
        for (let n = 1; n <= doc.numPages; n++) {
          const page = await doc.getPage(n);
          const expected = await pathsFromOperatorList(page);
          const got = (await runsAndPaths(page)).paths.map((p) => ({ ...p, ctm: p.ctm.map(round) }));
          expect(got, `${file} page ${n}`).toEqual(expected);
          painted += got.filter((p) => p.paint !== OPS.endPath).length;
          // Without the option the text content is what it always was: text only.
          expect(((await page.getTextContent()).items as unknown[]).some(isPaintedPath)).toBe(false);
        }
        expect(painted, file).toBeGreaterThan(20);
      } finally {
        await destroy();
      }
    }
  });

  it("lexes names and hex strings on the fast path exactly as on the general one (the Lexer patch)", async () => {
    // One content stream mixing what the fast path takes (short and long names, hex digits
    // only) with what it leaves to pdf.js's own code (#-escapes, spaced and mixed-case hex,
    // literal strings), ending on a name at the very end of the stream.
    const content = [
      "BT /F1 12 Tf 10 700 Td <48656C6C6F> Tj ET",
      "BT /F#31 12 Tf 10 680 Td <48 65 6c 6C 6f> Tj ET",
      "BT /FontWithALongName 12 Tf 10 660 Td (Hello) Tj ET",
      "BT /F1 12 Tf 10 640 Td [<48656C> -200 <6C6F>] TJ ET",
      "/F1",
    ].join("\n");
    const { doc, destroy } = await openPdf(minimalPdf(content));
    try {
      const items = (await (await doc.getPage(1)).getTextContent()).items as { str?: string; fontName?: string }[];
      const texts = items.map((i) => i.str).filter((t) => t && t.trim());
      expect(texts.slice(0, 3)).toEqual(["Hello", "Hello", "Hello"]);
      expect(texts.slice(3).join("").replace(/\s/g, "")).toBe("Hello");
      // /F#31 is /F1: the same font as the plain name, and the long name resolves too.
      const fonts = new Set(items.filter((i) => i.str?.trim()).map((i) => i.fontName));
      expect(fonts.size).toBe(2);
    } finally {
      await destroy();
    }
  });

  it("keeps a glyph whose ToUnicode text starts with a space (the whitespace-category patch)", async () => {
    // The bold figures of this table map their period to " ." in the font's ToUnicode (poppler prints
    // 11,062.6, pdfplumber 11,062 .6); unpatched pdf.js took the whole glyph for a space: 11,062 6.
    const doc = await extractPdf(readFileSync(PDF_FIXTURES + "published/us-statistical-abstract-2012-table-324.pdf"));
    const cells = doc.blocks.flatMap((b) => (b.kind === "table" ? b.table.cells.map((c) => c.text) : []));
    expect(cells).toContain("11,062 .6");
    expect(cells).toContain("2,330 .9");
    expect(cells.some((t) => /^\d[\d,]* \d$/.test(t))).toBe(false);
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

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** The oracle: painted paths, their transformation and colours, walked out of pdf.js's operator list. */
async function pathsFromOperatorList(page: PdfPage) {
  const ops = await page.getOperatorList();
  type State = { ctm: Matrix; fill: unknown; stroke: unknown };
  let st: State = { ctm: IDENTITY, fill: "#000000", stroke: "#000000" };
  const stack: State[] = [];
  const out: { type: "path"; paint: number; path: Float32Array | null; ctm: number[]; fill: unknown; stroke: unknown }[] = [];
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(st);
    else if (fn === OPS.restore || fn === OPS.paintFormXObjectEnd) st = stack.pop() ?? st;
    else if (fn === OPS.transform) st = { ...st, ctm: multiply(st.ctm, args as unknown as Matrix) };
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(st);
      if (args[0]) st = { ...st, ctm: multiply(st.ctm, Array.from(args[0] as ArrayLike<number>) as unknown as Matrix) };
    } else if (fn === OPS.setFillRGBColor || fn === OPS.setFillTransparent) st = { ...st, fill: args?.[0] };
    else if (fn === OPS.setStrokeRGBColor || fn === OPS.setStrokeTransparent) st = { ...st, stroke: args?.[0] };
    else if (fn === OPS.setFillColorN) st = { ...st, fill: "pattern" };
    else if (fn === OPS.setStrokeColorN) st = { ...st, stroke: "pattern" };
    else if (fn === OPS.constructPath) {
      const [paint, [path]] = args as [number, [Float32Array | null]];
      out.push({ type: "path", paint, path, ctm: st.ctm.map(round), fill: st.fill, stroke: st.stroke });
    }
  }
  return out;
}

/** A one-page PDF around `content`, two resource names for standard fonts; pdf.js rebuilds the cross-reference table. */
function minimalPdf(content: string): Uint8Array {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 800] /Contents 4 0 R /Resources << /Font << /F1 5 0 R /FontWithALongName 6 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>",
  ];
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}
