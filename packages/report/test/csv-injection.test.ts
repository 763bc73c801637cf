/**
 * CSV formula injection (issue 14, item 4): a field a spreadsheet would run as
 * a formula is written with a single quote in front and quoted; plain numbers,
 * negative ones included, stay numbers.
 */
import { describe, expect, it } from "vitest";
import { csvField, isFormulaLike } from "../src/report/machine.ts";

describe("csvField", () => {
  it.each([
    ['=HYPERLINK("http://example.invalid/x","点击查看")', `"'=HYPERLINK(""http://example.invalid/x"",""点击查看"")"`],
    ["@SUM(1+1)*cmd|' /C calc'!A0", `"'@SUM(1+1)*cmd|' /C calc'!A0"`],
    ["+1+1", `"'+1+1"`],
    ["-2+3+cmd|' /C calc'!A0", `"'-2+3+cmd|' /C calc'!A0"`],
    ["=100%", `"'=100%"`],
    ["\t=1+1", `"'\t=1+1"`],
    ["\r=1+1", `"'\r=1+1"`],
    ["-", `"'-"`],
  ])("neutralises %j", (value, written) => {
    expect(isFormulaLike(value)).toBe(true);
    expect(csvField(value)).toBe(written);
  });

  it.each([
    [-12.5, "-12.5"],
    ["-12.5", "-12.5"],
    ["+3", "+3"],
    ["-0.25", "-0.25"],
    ["-1e3", "-1e3"],
    ["-79.74%", "-79.74%"],
    ["-1,234.50", `"-1,234.50"`],
    [181.82, "181.82"],
    ["医疗服务与保障能力提升补助资金", "医疗服务与保障能力提升补助资金"],
    ["a, b", `"a, b"`],
    [null, ""],
  ])("leaves %j a plain value", (value, written) => {
    expect(csvField(value)).toBe(written);
  });
});
