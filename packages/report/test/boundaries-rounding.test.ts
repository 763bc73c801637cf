/**
 * The rounding-aware comparisons (rounding.ts) on both sides of every edge:
 * half-up and truncation of a printed number, the n × half-ulp tolerance of a
 * printed total over rounded parts, and a printed rate against the range its
 * rounded inputs stand for. Figures are the seed forms' own: 黔南 181.82 / 228
 * = 79.745…%, 忻州 6.25 / 8.65 = 72.254…%, 高邑's 19 projects adding to
 * 3528.45, 衡阳's 1,326.26 + 100.00 = 1,426.26.
 */
import { describe, expect, it } from "vitest";
import {
  agrees, agreesWithin, columnDecimals, decimalsOfNumber, decimalsOfText, halfUlp, printedRange, roundHalfUp, show, sumAgrees, truncate,
} from "../src/rounding.ts";

const GAOYI_PROJECTS = [336, 200.61, 1936.83, 8.98, 277.84, 10, 13.88, 11.6, 34.99, 15, 6, 97.35, 10, 5, 7, 334.68, 4.2, 215.49, 3];

describe("decimals as printed", () => {
  it.each([
    [9.85, 2], [8, 0], [0.1 + 0.2, 1], [181.82, 2], [3528.45, 2], [1e-7, 7], [1.5e-7, 8], [1.25e-7, 9], [-2.5, 1], [1e21, 0],
  ])("%d has %d decimals", (x, d) => {
    expect(decimalsOfNumber(x)).toBe(d);
  });
  it.each([
    ["79.74%", 2], ["86,500", 0], ["62,502.5", 1], ["7.23", 2], ["0.8", 1], [".5", 0], ["", 0], [null, 0], [undefined, 0], ["约3.125万元", 3],
  ])("%j has %d decimals", (text, d) => {
    expect(decimalsOfText(text)).toBe(d);
  });
  it("a column counts at its most precise number: 228 next to 181.82 is 228.00", () => {
    expect(columnDecimals([228, 181.82])).toBe(2);
    expect(columnDecimals([15, 80, 23.11, 20])).toBe(2);
    expect(columnDecimals([50, 10, 10, 12, 18])).toBe(0);
    expect(columnDecimals([])).toBe(0);
  });
});

describe("half-up and truncation", () => {
  it("rounds half away from zero, exactly where binary floating point is not", () => {
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(1.0049, 2)).toBe(1);
    expect(roundHalfUp(7.5, 0)).toBe(8);
    expect(roundHalfUp(7.4999, 0)).toBe(7);
    expect(roundHalfUp(-2.5, 0)).toBe(-3);
    expect(roundHalfUp(-2.4, 0)).toBe(-2);
    expect(roundHalfUp(0.7974 * 100, 2)).toBe(79.74);
    expect(roundHalfUp(1.5e-7, 7)).toBe(2e-7);
    expect(roundHalfUp(1234.5, -1)).toBe(1230);
    expect(roundHalfUp(0, 2)).toBe(0);
  });
  it("truncates toward zero, float noise aside", () => {
    expect(truncate(79.7456, 2)).toBe(79.74);
    expect(truncate(79.7499999, 2)).toBe(79.74);
    expect(truncate(0.29 * 100, 0)).toBe(29);
    expect(truncate(-2.59, 1)).toBe(-2.5);
    expect(truncate(7.99, 0)).toBe(7);
  });
  it("half an ulp of the printed precision, and the range a printed amount stands for", () => {
    expect(halfUlp(2)).toBe(0.005);
    expect(halfUlp(0)).toBe(0.5);
    expect(halfUlp(1)).toBeCloseTo(0.05, 15);
    expect(printedRange(15, 0)).toEqual([14.5, 15.5]);
    const [lo, hi] = printedRange(228, 2);
    expect(lo).toBeCloseTo(227.995, 9);
    expect(hi).toBeCloseTo(228.005, 9);
  });
  it("shows a computed value with at most two decimals, no trailing zeros", () => {
    expect(show((181.82 / 228) * 100)).toBe("79.75");
    expect(show(7.9746)).toBe("7.97");
    expect(show(8)).toBe("8");
    expect(show(2.4000000000000004)).toBe("2.4");
    expect(show(7.9746, 0)).toBe("8");
  });
});

describe("a printed number against a computed one", () => {
  const rate = (181.82 / 228) * 100; // 79.7456…
  it("79.74 (truncated) and 79.75 (rounded) agree with 79.7456…; 79.73 and 79.76 do not", () => {
    expect(agrees(79.74, rate, 2)).toBe(true);
    expect(agrees(79.75, rate, 2)).toBe(true);
    expect(agrees(79.73, rate, 2)).toBe(false);
    expect(agrees(79.76, rate, 2)).toBe(false);
  });
  it("79.7 agrees (one decimal, both ways); 79.8 and 79.6 do not; 80 agrees (rounded), 79 does not (no truncation without decimals)", () => {
    expect(agrees(79.7, rate)).toBe(true);
    expect(agrees(79.8, rate)).toBe(false);
    expect(agrees(79.6, rate)).toBe(false);
    expect(agrees(80, rate)).toBe(true);
    expect(agrees(79, rate)).toBe(false);
  });
  it("a whole score agrees with the half-up value only: 8 for 7.5 and 7.974, 7 for 7.4999; 8 not for 7.4999 or 8.5", () => {
    expect(agrees(8, 7.5)).toBe(true);
    expect(agrees(8, 7.974)).toBe(true);
    expect(agrees(7, 7.4999)).toBe(true);
    expect(agrees(8, 7.4999)).toBe(false);
    expect(agrees(8, 8.5)).toBe(false);
    expect(agrees(9, 9.91)).toBe(false);
  });
  it("one decimal truncated: 7.9 for 7.99; not 7.8", () => {
    expect(agrees(7.9, 7.99)).toBe(true);
    expect(agrees(7.8, 7.99)).toBe(false);
  });
  it("the decimals a caller names win over the printed number's own: 228 printed as 228.00", () => {
    expect(agrees(228, 228.4, 2)).toBe(false);
    expect(agrees(228, 228.4)).toBe(true);
  });
  it("large amounts compare within float noise, not within a fixed epsilon", () => {
    expect(agrees(14_262_600, 1426.26 * 10_000, 0)).toBe(true);
    expect(agrees(14_262_601, 1426.26 * 10_000, 0)).toBe(false);
    expect(agrees(95.6, 90 + 5.64)).toBe(true);
  });
});

describe("a printed total against its rounded parts: n parts + the total, half an ulp each", () => {
  it("高邑: 19 parts adding to 3528.45 allow 3528.35–3528.55 (20 × 0.005 = 0.1), and not 3528.34 or 3528.56", () => {
    expect(GAOYI_PROJECTS.reduce((s, p) => s + p, 0)).toBeCloseTo(3528.45, 9);
    expect(sumAgrees(3528.46, GAOYI_PROJECTS)).toBe(true);
    expect(sumAgrees(3528.55, GAOYI_PROJECTS)).toBe(true);
    expect(sumAgrees(3528.35, GAOYI_PROJECTS)).toBe(true);
    expect(sumAgrees(3528.56, GAOYI_PROJECTS)).toBe(false);
    expect(sumAgrees(3528.34, GAOYI_PROJECTS)).toBe(false);
  });
  it("衡阳: 1,326.26 + 100.00 = 1,426.26 allows 1,426.27 (3 × 0.005), not 1,426.28 nor 1,426.24", () => {
    expect(sumAgrees(1426.26, [1326.26, 100])).toBe(true);
    expect(sumAgrees(1426.27, [1326.26, 100])).toBe(true);
    expect(sumAgrees(1426.25, [1326.26, 100])).toBe(true);
    expect(sumAgrees(1426.28, [1326.26, 100])).toBe(false);
    expect(sumAgrees(1426.24, [1326.26, 100])).toBe(false);
  });
  it("whole amounts: 衡阳's 50 + 10 + 10 + 12 + 18 = 100 allows ±3 (6 × 0.5), not 104 or 96", () => {
    const parts = [50, 10, 10, 12, 18];
    expect(sumAgrees(103, parts)).toBe(true);
    expect(sumAgrees(97, parts)).toBe(true);
    expect(sumAgrees(104, parts)).toBe(false);
    expect(sumAgrees(96, parts)).toBe(false);
  });
  it("at the column's precision when given: 100 over 99.99 + 0.02 at two decimals is off by 0.01 of a 0.015 allowance", () => {
    expect(sumAgrees(100, [99.99, 0.02], 2)).toBe(true);
    expect(sumAgrees(100, [99.97, 0.01], 2)).toBe(false);
    expect(sumAgrees(100, [99.97, 0.01], 0)).toBe(true);
  });
  it("福建's 元 amounts: 2,537,695 + 213,722.82 + 0 = 2,751,417.82 (4 × 0.005 allowed), and no float allowance of its own at 亿元 scale", () => {
    expect(sumAgrees(2751417.82, [2537695, 213722.82, 0])).toBe(true);
    expect(sumAgrees(2751417.84, [2537695, 213722.82, 0])).toBe(true);
    expect(sumAgrees(2751417.85, [2537695, 213722.82, 0])).toBe(false);
    // A 1e-9 relative allowance was 0.12 元 here, against a tolerance of 0.01.
    expect(sumAgrees(123456789.13, [123456789])).toBe(false);
    expect(sumAgrees(123456789.01, [123456789])).toBe(true);
  });
  it("one part: 10 agrees with 9.5 and 9.4 (2 × 0.5), not with 8.9", () => {
    expect(sumAgrees(10, [9.5], 0)).toBe(true);
    expect(sumAgrees(10, [9.4], 0)).toBe(true);
    expect(sumAgrees(10, [8.9], 0)).toBe(false);
  });
});

describe("a printed rate against the range its rounded inputs stand for", () => {
  // 忻州: 6.25 and 8.65 stand for [6.245, 6.255) and [8.645, 8.655): 72.155…% to 72.354…%.
  const [lo, hi] = [(6.245 / 8.655) * 100, (6.255 / 8.645) * 100];
  it("72.26% (printed by 忻州) and the range's own ends (72.16%, 72.35%) agree", () => {
    expect(agrees(72.26, (6.25 / 8.65) * 100)).toBe(false);
    expect(agreesWithin(72.26, lo, hi)).toBe(true);
    expect(agreesWithin(72.16, lo, hi)).toBe(true);
    expect(agreesWithin(72.15, lo, hi)).toBe(true);
    expect(agreesWithin(72.35, lo, hi)).toBe(true);
  });
  it("72.14% and 72.36% fall outside it", () => {
    expect(agreesWithin(72.14, lo, hi)).toBe(false);
    expect(agreesWithin(72.36, lo, hi)).toBe(false);
  });
  it("two decimals: P agrees with [P − 0.005, P + 0.01) — the rounding range below, the truncation range above", () => {
    expect(agreesWithin(79.74, 79.6, 79.735)).toBe(true);
    expect(agreesWithin(79.74, 79.6, 79.7349)).toBe(false);
    expect(agreesWithin(79.74, 79.7499, 79.9)).toBe(true);
    expect(agreesWithin(79.74, 79.75, 79.9)).toBe(false);
    // A range that holds all of P's values without either end agreeing.
    expect(agreesWithin(79.74, 79.6, 79.9)).toBe(true);
  });
  it("no decimals: P agrees with [P − 0.5, P + 0.5) only (no truncation range)", () => {
    expect(agreesWithin(80, 79, 79.5)).toBe(true);
    expect(agreesWithin(80, 79, 79.4999)).toBe(false);
    expect(agreesWithin(80, 80.4999, 81)).toBe(true);
    expect(agreesWithin(80, 80.5, 81)).toBe(false);
    expect(agreesWithin(80, 70, 90)).toBe(true);
  });
  it("the decimals a caller names win: 80 printed as 80.00", () => {
    expect(agreesWithin(80, 80.4, 81, 2)).toBe(false);
    expect(agreesWithin(80, 80.009, 81, 2)).toBe(true);
  });
});

describe("a printed value that is itself computed", () => {
  // 福建 (宁德 党史和地方志研究室, 2018): 小计 2751417.82 元, 拨付 2546673.98 元, 结余 printed 204743.84.
  const left = 2751417.82 - 2546673.98; // 204743.83999999985
  it("budget − executed carries float noise in proportion to its size, and still agrees with the printed balance", () => {
    expect(left).not.toBe(204743.84);
    expect(agrees(left, 204743.84)).toBe(true);
    expect(agrees(left, 204743.85)).toBe(false);
  });
  it("a range of one value is that value: agreesWithin(P, x, x) is agrees(P, x)", () => {
    const rate = (181.82 / 228) * 100;
    for (const printed of [79.73, 79.74, 79.75, 79.76, 79.7, 79.8, 80, 79]) {
      expect(agreesWithin(printed, rate, rate)).toBe(agrees(printed, rate));
    }
  });
  it("a range on one side of P is judged by its nearer end, a range around P agrees", () => {
    expect(agreesWithin(79.74, 70, 79.7349)).toBe(false);
    expect(agreesWithin(79.74, 70, 79.736)).toBe(true);
    expect(agreesWithin(79.74, 79.7499, 90)).toBe(true);
    expect(agreesWithin(79.74, 79.7501, 90)).toBe(false);
    expect(agreesWithin(79.74, 0, Infinity)).toBe(true);
  });
});
