/**
 * Which funding line speaks for a form, the precision its amounts are printed
 * at, and money read from indicator texts (funding.ts, money.ts): with the
 * total line not first, a scored line that is not the total, 元 and 万元 blocks.
 */
import { describe, expect, it } from "vitest";
import { amountDecimals, executionLine, mainLine, yuanPer } from "../src/funding.ts";
import { isCostIndicator, moneyValue } from "../src/money.ts";
import { form, indicator } from "./forms.ts";

type Lines = Parameters<typeof form>[1]["funding"];
const lines = (funding: Lines, unit: { moneyUnit?: "元" | "万元" | null; moneyUnitEffective?: "元" | "万元" | null } = {}) => form(1, { kind: "project_self_eval", funding, ...unit });

describe("the main line and the execution line", () => {
  it("the 年度资金总额 line, wherever it is printed; else the first; none without lines", () => {
    expect(mainLine(lines([{ source: "财政拨款", budget: 200 }, { source: "年度资金总额", budget: 228 }]))?.source).toBe("年度资金总额");
    expect(mainLine(lines([{ source: "财政拨款", budget: 200 }, { source: "其他资金", budget: 28 }]))?.source).toBe("财政拨款");
    expect(mainLine(lines([]))).toBeNull();
  });
  it("the execution line: the total when it is scored, else the first scored line (a score or a rate)", () => {
    expect(executionLine(lines([{ source: "财政拨款", score: 8 }, { source: "年度资金总额", score: 8 }]))?.source).toBe("年度资金总额");
    expect(executionLine(lines([{ source: "年度资金总额", budget: 228 }, { source: "财政拨款", score: 8 }]))?.source).toBe("财政拨款");
    expect(executionLine(lines([{ source: "年度资金总额", budget: 228 }, { source: "财政拨款", executionRate: 0.8, executionRateText: "80%" }]))?.source).toBe("财政拨款");
    expect(executionLine(lines([{ source: "年度资金总额", budget: 228 }, { source: "财政拨款", budget: 200 }]))).toBeNull();
  });
  it("yuan per printed unit", () => {
    expect([yuanPer("元"), yuanPer("万元"), yuanPer(null)]).toEqual([1, 10_000, 10_000]);
  });
});

describe("the precision of a block's amounts", () => {
  it("万元 blocks count at least to the cent of 万元: 15 and 80 are 15.00 and 80.00", () => {
    expect(amountDecimals(lines([{ source: "年度资金总额", budget: 15, executed: 80 }]))).toBe(2);
    expect(amountDecimals(lines([{ source: "年度资金总额", budget: 228, executed: 181.82 }]))).toBe(2);
    expect(amountDecimals(lines([{ source: "年度资金总额", budget: 8.655, executed: 6.25 }]))).toBe(3);
  });
  it("元 blocks count at the decimals they print: 86,500 and 62,502.5 → 1; whole yuan → 0", () => {
    const yuan = { moneyUnit: "元", moneyUnitEffective: "元" } as const;
    expect(amountDecimals(lines([{ source: "年度资金总额", budget: 86_500, executed: 62_502.5 }], yuan))).toBe(1);
    expect(amountDecimals(lines([{ source: "年度资金总额", budget: 86_500, executed: 62_502 }], yuan))).toBe(0);
    expect(amountDecimals(lines([{ source: "年度资金总额", budget: 86_500 }, { source: "财政拨款", balance: 23_997.25 }], yuan))).toBe(2);
    expect(amountDecimals(lines([{ source: "年度资金总额", initialBudget: 1.5, executedToDate: 2.125, forecastExecuted: 3 }], yuan))).toBe(3);
  });
  it("the effective unit decides, the declared one only when none was decided", () => {
    expect(amountDecimals(lines([{ source: "年度资金总额", budget: 86_500 }], { moneyUnit: "元", moneyUnitEffective: null }))).toBe(0);
    expect(amountDecimals(lines([{ source: "年度资金总额", budget: 80 }], { moneyUnit: "元", moneyUnitEffective: "万元" }))).toBe(2);
    expect(amountDecimals(lines([{ source: "年度资金总额", budget: 86_500 }], { moneyUnit: "万元", moneyUnitEffective: "元" }))).toBe(0);
  });
});

describe("money in indicator texts", () => {
  it.each([
    ["≤1018.55万元", 1018.55, "万元", 2],
    ["不超过20万", 20, "万元", 0],
    ["628084元", 628_084, "元", 0],
    ["≤1,234.5元", 1234.5, "元", 1],
    ["12.345万元", 12.345, "万元", 3],
  ])("%s is %d %s with %d decimals", (text, value, unit, decimals) => {
    expect(moneyValue(text)).toEqual({ value, unit, decimals });
  });
  it.each([["≥12个"], ["≥90%"], ["有效保障"], [""], [null], [undefined], ["≤5亿元"]])("%j names no money", (text) => {
    expect(moneyValue(text)).toBeNull();
  });
  it("a cost indicator: 成本 at either level, or a target that is an amount of money (the adjusted target first)", () => {
    const ind = (level1: string | null, level2: string | null, targetText: string | null, adjustedTargetText: string | null = null) => indicator(1, { name: "x", level1, level2, targetText, adjustedTargetText });
    expect(isCostIndicator(ind("成本指标", null, "≥1次"))).toBe(true);
    expect(isCostIndicator(ind(null, "经济成本指标", "≥1次"))).toBe(true);
    expect(isCostIndicator(ind("产出指标", "数量指标", "≤15万元"))).toBe(true);
    expect(isCostIndicator(ind("产出指标", "数量指标", "≥12个"))).toBe(false);
    expect(isCostIndicator(ind("产出指标", "数量指标", "≤15万元", "≥12个"))).toBe(false);
    expect(isCostIndicator(ind("产出指标", "数量指标", "≥12个", "≤15万元"))).toBe(true);
    expect(isCostIndicator(ind(null, null, null))).toBe(false);
  });
});
