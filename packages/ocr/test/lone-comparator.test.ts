/**
 * A comparator alone in its cell (preferLoneComparator): the 指标性质 column
 * of 四川 2023 部门预算项目绩效目标申报表 holds ⩾ in twelve cells and = in one,
 * scanned at 200 dpi (fixtures/scan/sichuan-declaration-200dpi-lone-comparators.pdf).
 * The recogniser alone reads every ⩾ as V or W; the glyph's ink says ≥.
 */
import { describe, expect, test } from "vitest";
import { readScan } from "../src/read-scan.ts";
import { comparatorShape } from "../src/lone-comparator.ts";
import { preprocessScan } from "../src/image/preprocess.ts";
import { loadScanPage } from "./image-scan-pages.ts";

const FILE = "sichuan-declaration-200dpi-lone-comparators.pdf";
/** Reading a page takes a few seconds; more on a busy core. */
const READ_TIMEOUT_MS = 120_000;
/** The source prints ⩾ in twelve cells; the detector finds no line at all in one or two of them. */
const MIN_READ = 10;

describe("a comparator alone in its cell, on a scan", () => {
  test("is read as ≥, and no cell is left holding a lone V, W, M or N", async () => {
    const page = await loadScanPage(FILE);
    const read = await readScan(page);
    const lone = read.boxes.filter((b) => b.chars.length === 1);
    expect(lone.filter((b) => b.text === "≥").length).toBeGreaterThanOrEqual(MIN_READ);
    expect(lone.filter((b) => /^[VWMN]$/.test(b.text))).toEqual([]);
    // The letter the recogniser read stays among the character's alternatives.
    const first = lone.find((b) => b.text === "≥")!;
    expect(first.chars[0]!.alternatives?.[0]?.text).toMatch(/^[VWMN]$/);

    // The page's other one-character cells (%, 个, 年, 1, =) draw no chevron: their ink is left as read.
    const gray = preprocessScan(page).image;
    const others = lone.filter((b) => b.text !== "≥");
    expect(others.map((b) => b.text)).toEqual(expect.arrayContaining(["%", "个", "年"]));
    expect(others.map((b) => comparatorShape(gray, b)).filter((s) => s !== null)).toEqual([]);
  }, READ_TIMEOUT_MS);
});
