/**
 * A comparator alone in its cell (preferLoneComparator): the 指标性质 column
 * of 四川 2023 部门预算项目绩效目标申报表 holds ⩾ in twelve cells and = in one,
 * scanned at 200 dpi (fixtures/scan/sichuan-declaration-200dpi-lone-comparators.pdf).
 * The recogniser alone reads every ⩾ as V or W, two of them so doubtfully
 * that the line would be dropped; the glyph's ink says ≥.
 */
import { describe, expect, test } from "vitest";
import { readScan } from "../src/read-scan.ts";
import { comparatorShape } from "../src/lone-comparator.ts";
import { preprocessScan } from "../src/image/preprocess.ts";
import { loadScanPage } from "./image-scan-pages.ts";

const FILE = "sichuan-declaration-200dpi-lone-comparators.pdf";
/** Reading a page takes a few seconds; more on a busy core. */
const READ_TIMEOUT_MS = 120_000;
/** The source prints ⩾ in twelve cells. */
const PRINTED = 12;

describe("a comparator alone in its cell, on a scan", () => {
  test("is read as ≥, and no cell is left holding a lone V, W, M or N", async () => {
    const page = await loadScanPage(FILE);
    const read = await readScan(page);
    const lone = read.boxes.filter((b) => b.chars.length === 1);
    // Every one, those the recogniser split between V, W and M too (V 0.46, W 0.46): its chances for
    // the letters are its chances for the glyph, so the line is not dropped as doubtful.
    expect(lone.filter((b) => b.text === "≥").length).toBe(PRINTED);
    expect(Math.min(...lone.filter((b) => b.text === "≥").map((b) => b.confidence))).toBeGreaterThanOrEqual(0.5);
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

describe("a comparator the recogniser hesitates over between bars, on a scan", () => {
  // 安徽 2023 部门整体支出绩效自评表, 200 dpi (fixtures/scan/anhui-department-200dpi-comparator-bars.pdf):
  // its 年度指标值 column prints ≥10, ≥200, ≥2000, ≥95% and ≤4; the recogniser reads the ≥ of ≥10 as > (0.60, ≥ 0.38).
  test("takes the one its ink draws, among the two it offered", async () => {
    const read = await readScan(await loadScanPage("anhui-department-200dpi-comparator-bars.pdf"));
    const values = read.boxes.filter((b) => /^[<>≤≥]\d/.test(b.text)).map((b) => b.text);
    expect(values).toEqual(expect.arrayContaining(["≥10", "≥200", "≥2000", "≤4"]));
    expect(values.filter((t) => /^[<>]/.test(t))).toEqual([]);
    const ten = read.boxes.find((b) => b.text === "≥10")!;
    // What the recogniser read first stays among the alternatives.
    expect(ten.chars[0]!.alternatives?.map((a) => a.text)).toContain(">");
  }, READ_TIMEOUT_MS);
});


describe("a comparator with two bars, which the recogniser cannot name, on a scan", () => {
  // 安徽 2024 项目支出绩效目标申报表, 200 dpi (fixtures/scan/anhui-declaration-200dpi-double-bar-comparators.pdf):
  // its targets print ≧90% and ≧85%; ≧ is not in the recogniser's dictionary, which reads it ≥ and offers nothing else.
  test("is read ≧ by its ink, while a ≥ on another page stays ≥", async () => {
    const read = await readScan(await loadScanPage("anhui-declaration-200dpi-double-bar-comparators.pdf"));
    const targets = read.boxes.filter((b) => /^[≥≧]\d/.test(b.text)).map((b) => b.text);
    expect(targets).toEqual(expect.arrayContaining(["≧90%", "≧85%"]));
    expect(targets.filter((t) => t.startsWith("≥"))).toEqual([]);
    const ninety = read.boxes.find((b) => b.text === "≧90%")!;
    expect(ninety.chars[0]!.alternatives?.[0]?.text).toBe("≥");
    // 安徽 2023's ≥10, ≥200 … draw one bar each.
    const oneBar = await readScan(await loadScanPage("anhui-department-200dpi-comparator-bars.pdf"));
    expect(oneBar.boxes.filter((b) => /^≧/.test(b.text))).toEqual([]);
  }, READ_TIMEOUT_MS * 2);
});
