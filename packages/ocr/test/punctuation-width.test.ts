/**
 * The recogniser reads commas, semicolons, colons and brackets full-width
 * whatever was printed (punctuation-width.ts). On scans of a page printed
 * mostly with full-width marks (忻州's 自评表, from its seed text) and of
 * pages printed with half-width ones (three real forms whose published text
 * has them so), the marks read have the widths of the text version's marks,
 * as a share of the page's marks. Without the step every scan reads ~100%
 * full-width.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractBytes } from "../../extract/src/index.ts";
import { readScan } from "../src/read-scan.ts";
import { loadScanPage } from "./image-scan-pages.ts";

const ROOT = join(import.meta.dirname, "../../..");
const FULL = /[，；：（）]/gu;
const HALF = /[,;:()]/g;

/** Share of a text's width-bearing marks that are half-width. */
function halfShare(text: string): { marks: number; half: number } {
  const full = text.match(FULL)?.length ?? 0, half = text.match(HALF)?.length ?? 0;
  return { marks: full + half, half: half / Math.max(1, full + half) };
}

/** The text of one page of a text PDF, as the extractor gives it. */
async function textOfPage(path: string, page: number): Promise<string> {
  const doc = await extractBytes(new Uint8Array(readFileSync(join(ROOT, path))));
  return doc.blocks
    .flatMap((b): { page: number; text: string }[] => (b.kind === "text" ? [b] : b.table.cells))
    .filter((b) => b.page === page)
    .map((b) => b.text)
    .join("\n");
}

describe("punctuation width on scans", () => {
  it.each([
    ["xinzhou-selfeval-300dpi-seal.pdf", 1, "fixtures/pdf/chromium/xinzhou-2022-selfeval-report-annex1.pdf", 4],
    ["sichuan-declaration-200dpi-lone-comparators.pdf", 1, "fixtures/real/pdf/chromium/sichuan-2023-project-declaration.pdf", 1],
    ["anhui-department-200dpi-comparator-bars.pdf", 1, "fixtures/real/pdf/chromium/anhui-2023-department-self-eval.pdf", 1],
    ["chongqing-targets-300dpi-g4.pdf", 1, "fixtures/real/pdf/chromium/chongqing-2023-project-targets.pdf", 1],
  ])("reads the marks of %s page %i in the widths printed", async (scan, scanPage, text, textPage) => {
    const printed = halfShare(await textOfPage(text, textPage));
    const read = halfShare((await readScan(await loadScanPage(scan, scanPage))).boxes.map((b) => b.text).join("\n"));
    expect(printed.marks).toBeGreaterThanOrEqual(8);
    expect(read.marks).toBeGreaterThanOrEqual(0.8 * printed.marks);
    // A page's unmeasurable marks (at a line's end, beside a digit) take the page's usual width:
    // 忻州's page prints 5 of its 22 marks half-width, in brackets and at lines' ends.
    expect(Math.abs(read.half - printed.half)).toBeLessThanOrEqual(0.25);
  }, 240_000);
});
