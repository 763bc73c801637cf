/**
 * The same page reads as the same tables whoever wrote the PDF: real forms'
 * Chromium PDFs written again by poppler's cairo backend
 * (fixtures/pdf/rewritten, scripts/fixtures/make-rewritten-pdfs.sh), whose text
 * matrix flips y and whose Type 3 runs report their glyphs' box height rather
 * than the font size, give the cells the original gives.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { extractBytes, type Block } from "../src/index.ts";

const FIXTURES = new URL("../../../fixtures/", import.meta.url).pathname;

async function cellsOf(path: string): Promise<string[][]> {
  const doc = await extractBytes(readFileSync(`${FIXTURES}${path}`), { fileName: path, ocr: { mode: "off" } });
  return doc.blocks
    .filter((b): b is Extract<Block, { kind: "table" }> => b.kind === "table")
    .map((b) => b.table.cells.map((c) => `${c.row},${c.col}:${c.text}`));
}

describe.each(["hunan-2016-project-self-eval", "sichuan-2021-transfer-self-eval-2"])("%s written again by cairo", (id) => {
  it("has the cells of the original, label before value and each wrapped line in its own cell", async () => {
    const original = await cellsOf(`real/pdf/chromium/${id}.pdf`);
    const rewritten = await cellsOf(`pdf/rewritten/cairo-${id}.pdf`);
    expect(original.length).toBeGreaterThan(0);
    expect(rewritten).toEqual(original);
  });
});
