/**
 * A DOCX and an XLSX that hold a picture of the form and no table (issue
 * #15, item 6; scripts/fixtures/make-office-scans.py): the picture is read
 * by OCR on the page (sheet) it is shown on, and the form's facts are the
 * text version's, as for a scanned PDF page (scans.test.ts).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractBytes } from "../../extract/src/index.ts";
import { normalizeDocument } from "../../normalize/src/index.ts";
import { compareForms } from "./form-fields.ts";

const ROOT = join(import.meta.dirname, "../../..");
/** As for the scans: ≥ 95% of the text version's fields. */
const MIN_FIELD_SHARE = 0.95;
/** A 300-dpi page takes up to ~15 s on a busy core (scans.test.ts). */
const TIMEOUT_MS = 240_000;

const CASES = [
  { file: "anhui-transfer-150dpi-tilt-picture.docx", text: "fixtures/real/pdf/chromium/anhui-2024-transfer-self-eval.pdf", note: /^DOCX中无表格, 图片word\/media\/image1\.jpeg\(第1页, 1240×1754像素\)已用OCR识别, 纠偏-2\.\d°$/ },
  { file: "chongqing-targets-300dpi-picture.xlsx", text: "fixtures/real/pdf/chromium/chongqing-2023-project-targets.pdf", note: /^XLSX中无表格, 图片xl\/media\/image1\.png\(第1个工作表, 2479×3508像素\)已用OCR识别$/ },
];

/** Read under the text version's file name: a year taken from the name is no OCR's doing. */
async function read(path: string, fileName: string) {
  const doc = await extractBytes(new Uint8Array(readFileSync(join(ROOT, path))), { fileName });
  return { doc, normalized: normalizeDocument(doc, { fileName }) };
}

describe("an Office file holding a picture of the form", () => {
  for (const c of CASES) {
    it(c.file, async () => {
      const scan = await read(join("fixtures/scan", c.file), c.text);
      expect(scan.doc.pages[0], "page 1 read by OCR").toMatchObject({ number: 1, ocr: true });
      expect(scan.doc.warnings.filter((w) => w.includes("OCR"))).toEqual([expect.stringMatching(c.note)]);
      const text = await read(c.text, c.text);
      const score = compareForms(text.normalized.forms, scan.normalized.forms, { from: 1, to: 1 });
      console.log(`${c.file}: ${score.same}/${score.given} fields${score.misses.length ? `\n  ${score.misses.join("\n  ")}` : ""}`);
      expect(score.given).toBeGreaterThan(40);
      expect(score.same / score.given, score.misses.join("\n")).toBeGreaterThanOrEqual(MIN_FIELD_SHARE);
      // Recognised cells carry their confidence, as on a scanned PDF page.
      const cells = scan.doc.blocks.flatMap((b) => (b.kind === "table" ? b.table.cells : [])).filter((cell) => cell.text.trim());
      expect(cells.length).toBeGreaterThan(20);
      expect(cells.every((cell) => cell.ocrConfidence !== undefined && cell.page === 1)).toBe(true);
    }, TIMEOUT_MS);
  }

  it("is not read by OCR with --ocr off", async () => {
    const doc = await extractBytes(new Uint8Array(readFileSync(join(ROOT, "fixtures/scan", CASES[0]!.file))), { ocr: { mode: "off" } });
    expect(doc.pages.some((p) => p.ocr)).toBe(false);
    expect(doc.blocks.some((b) => b.kind === "table")).toBe(false);
  });
});
