/**
 * A searchable scan (issue #15): a page-sized scan with the words as
 * invisible text under it, as OCRmyPDF and Tesseract write them
 * (fixtures/scan/anhui-transfer-200dpi-searchable.pdf, made by
 * scripts/fixtures/make-scans.sh, scan/searchable.py). The text layer is read, not
 * OCR, and the document says so; the table's rulings, which such a page has
 * only as pixels, come from the image, so the form is the text version's.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractBytes } from "../../extract/src/index.ts";
import { normalizeDocument } from "../../normalize/src/index.ts";
import { compareForms } from "./form-fields.ts";

const ROOT = join(import.meta.dirname, "../../..");
const SOURCE = "fixtures/real/pdf/chromium/anhui-2024-transfer-self-eval.pdf";
const SCAN = "fixtures/scan/anhui-transfer-200dpi-searchable.pdf";

async function read(path: string) {
  // Read under the source's name: the file name is no part of what is compared.
  const doc = await extractBytes(new Uint8Array(readFileSync(join(ROOT, path))), { fileName: SOURCE });
  return { doc, normalized: normalizeDocument(doc, { fileName: SOURCE }) };
}

describe("a searchable scan", () => {
  it("is read from its text layer, says so, and gives the text version's form", async () => {
    const scan = await read(SCAN);
    const text = await read(SOURCE);
    expect(scan.doc.pages.map((p) => p.ocr ?? false), "no page read by OCR").toEqual([false]);
    const notes = scan.doc.warnings.filter((w) => w.includes("带文字层的扫描件"));
    expect(notes, scan.doc.warnings.join("\n")).toHaveLength(1);
    expect(notes[0]).toMatch(/^第1页.*200 dpi.*未用OCR; 表格线取自图像\(\d+条\)$/);
    const score = compareForms(text.normalized.forms, scan.normalized.forms, { from: 1, to: 1 });
    console.log(`${SCAN}: ${score.same}/${score.given} fields`);
    expect(score.given).toBeGreaterThan(50);
    expect(score.same, score.misses.join("\n")).toBe(score.given);
  }, 60_000);

  it("is not what a text PDF is, nor a prose page", async () => {
    for (const path of [SOURCE, "fixtures/pdf/lo/gaoyi-2021-department-selfeval-report.pdf"]) {
      const { doc } = await read(path);
      expect(doc.warnings.filter((w) => w.includes("扫描件")), path).toEqual([]);
    }
  }, 60_000);
});
