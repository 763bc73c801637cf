/**
 * execution_rate_mismatch and execution_score_mismatch at the edges of the
 * rounding and truncation ranges: 黔南's 181.82 / 228 (79.7417…% to 79.7496…%
 * for amounts printed to the cent of 万元) and 忻州's 6.25 / 8.65 (72.155…%
 * to 72.354…%), each rate printed just inside and just outside.
 */
import type { Form } from "@jixiao/normalize";
import { describe, expect, it } from "vitest";
import { rateRange } from "../src/funding.ts";
import { printedPercent } from "../src/rules/execution_rate_mismatch.ts";
import { findingsOf, form, fundingLine } from "./forms.ts";

const PROJECT = "医疗服务与保障能力提升补助资金";

interface Line {
  budget: number;
  executed: number;
  rate?: string | null;
  weight?: number | null;
  score?: number | null;
}

/** A 万元 project form with one 年度资金总额 line; the rate as printed (its value parsed the normalizer's way). */
function project({ budget, executed, rate = null, weight = 10, score = null }: Line, extra: Partial<Form> = {}): Form {
  const executionRate = rate === null ? null : rate.endsWith("%") ? Number(rate.slice(0, -1)) / 100 : Number(rate) > 1.5 ? Number(rate) / 100 : Number(rate);
  return form(1, {
    kind: "project_self_eval",
    projectName: PROJECT,
    ...extra,
    funding: [{ source: "年度资金总额", budget, executed, executionRate, executionRateText: rate, weight, score }],
  });
}
const rateFindings = (line: Line, extra: Partial<Form> = {}) => findingsOf(project(line, extra), "execution_rate_mismatch");
const scoreFindings = (line: Line, extra: Partial<Form> = {}) => findingsOf(project(line, extra), "execution_score_mismatch");

describe("the range a rate of rounded amounts stands for", () => {
  it("181.82 / 228 at two decimals: 181.815 / 228.005 to 181.825 / 227.995", () => {
    const [low, high] = rateRange(228, 181.82, 2);
    expect(low).toBeCloseTo(181.815 / 228.005, 12);
    expect(high).toBeCloseTo(181.825 / 227.995, 12);
  });
  it("whole amounts stand for ± 0.5; a budget that may be 0 leaves the top open; a cap applies to both ends", () => {
    expect(rateRange(15, 15, 0)).toEqual([14.5 / 15.5, 15.5 / 14.5]);
    expect(rateRange(0.004, 1, 2)[1]).toBe(Infinity);
    expect(rateRange(15, 16, 0, 1)).toEqual([1, 1]);
    expect(rateRange(15, 0, 0)[0]).toBe(0);
  });
});

describe("printed rates", () => {
  it.each([
    ["79.74%", 79.74, 2], ["79.74", 79.74, 2], ["0.7974", 79.74, 2], ["0.8", 80, 0], ["80%", 80, 0], ["1", 100, 0], ["1.5", 150, 0], ["1.51", 1.51, 2], ["0", 0, 0], ["100.0%", 100, 1], ["1,000%", 1000, 0],
  ])("%j is %d%% with %d decimals", (text, percent, decimals) => {
    // printedPercent reads the text; the parsed value only has to be present.
    const line = fundingLine(1, { source: "年度资金总额", executionRate: 0.5, executionRateText: text });
    expect(printedPercent(line)).toEqual({ percent, decimals });
  });
  it("no rate, or a text without a number, is nothing to compare", () => {
    expect(printedPercent(fundingLine(1, { source: "年度资金总额", executionRate: null, executionRateText: "79.74%" }))).toBeNull();
    expect(printedPercent(fundingLine(1, { source: "年度资金总额", executionRate: 0.5, executionRateText: "—" }))).toBeNull();
  });
});

describe("execution_rate_mismatch: 黔南 181.82 / 228 = 79.745…%", () => {
  const QN = { budget: 228, executed: 181.82 };
  it.each(["79.74%", "79.75%", "79.7%", "80%", "0.7974", "79.742%", "79.749%", "79.741%"])("%s agrees", (rate) => {
    expect(rateFindings({ ...QN, rate })).toEqual([]);
  });
  it.each(["79.73%", "79.76%", "79.0%", "79%", "79.8%", "79.6%", "81%", "79.740%", "79.751%", "0.79"])("%s is flagged", (rate) => {
    const [f] = rateFindings({ ...QN, rate });
    expect(f).toMatchObject({ severity: "error", params: { formula: "全年执行数(B)÷全年预算数(A)", amountDecimals: 2 } });
    expect(f!.expected).toBeCloseTo(181.82 / 228, 12);
    expect(f!.message).toBe(`执行率填报为${rate}，按全年执行数181.82÷全年预算数228计算应为79.75%（第1页，${PROJECT}，年度资金总额）`);
  });
  it("79.0% printed for 79.745% is flagged with one decimal", () => {
    const [f] = rateFindings({ ...QN, rate: "79.0%" });
    expect(f!.params).toMatchObject({ rateDecimals: 1 });
    expect(f!.observed).toBeCloseTo(0.79, 12);
  });
});

describe("execution_rate_mismatch: 忻州 6.25 / 8.65 (72.155…% to 72.354…%)", () => {
  const XZ = { budget: 8.65, executed: 6.25 };
  it.each(["72.26%", "72.26", "72.16%", "72.35%", "72.2%", "72.3%", "72%", "72.1%", "72.4%"])("%s agrees", (rate) => {
    expect(rateFindings({ ...XZ, rate })).toEqual([]);
  });
  it.each(["72.14%", "72.36%", "72.0%", "72.5%", "73%", "71%"])("%s is flagged", (rate) => {
    expect(rateFindings({ ...XZ, rate })).toHaveLength(1);
  });
  it("amounts printed in 元 count at their own precision: 62,502.5 / 86,500 = 72.257…% is not 72.26% ± a cent of 万元", () => {
    const yuan = (rate: string) => findingsOf(form(1, { kind: "project_self_eval", moneyUnit: "元", moneyUnitEffective: "元", funding: [{ source: "年度资金总额", budget: 86_500, executed: 62_502.5, executionRate: Number(rate.slice(0, -1)) / 100, executionRateText: rate }] }), "execution_rate_mismatch");
    expect(yuan("72.26%")).toEqual([]);
    expect(yuan("72.25%")).toEqual([]);
    expect(yuan("72.24%")).toHaveLength(1);
    expect(yuan("72.27%")).toHaveLength(1);
  });
});

describe("execution_rate_mismatch: above 100%, and 0", () => {
  it("16 / 15 may be printed capped at 100%; 99% and 106% are flagged, 106.67% agrees", () => {
    expect(rateFindings({ budget: 15, executed: 16, rate: "100%" })).toEqual([]);
    expect(rateFindings({ budget: 15, executed: 16, rate: "100.00%" })).toEqual([]);
    expect(rateFindings({ budget: 15, executed: 16, rate: "106.67%" })).toEqual([]);
    expect(rateFindings({ budget: 15, executed: 16, rate: "99%" })).toHaveLength(1);
    expect(rateFindings({ budget: 15, executed: 16, rate: "110%" })).toHaveLength(1);
  });
  it("15 / 15 is not capped: 100% agrees; 黔南's 督查经费 prints 0 for 15 / 15 and is flagged", () => {
    expect(rateFindings({ budget: 15, executed: 15, rate: "100%" })).toEqual([]);
    const [f] = rateFindings({ budget: 15, executed: 15, rate: "0" });
    expect(f).toMatchObject({ expected: 1, observed: 0 });
  });
  it("a rate over 100% printed as 100% is flagged when the amounts cannot exceed 100% (14.9 / 15)", () => {
    expect(rateFindings({ budget: 15, executed: 14.9, rate: "100%" })).toHaveLength(1);
  });
  it("a zero or missing budget is nothing to divide", () => {
    expect(rateFindings({ budget: 0, executed: 15, rate: "0" })).toEqual([]);
  });
});

describe("execution_score_mismatch at the score's edges", () => {
  const QN = { budget: 228, executed: 181.82, rate: "79.74%" };
  it.each([8, 7.97, 7.975, 7.9])("黔南: %d for 79.745% × 10 agrees", (score) => {
    expect(scoreFindings({ ...QN, score })).toEqual([]);
  });
  it.each([7.96, 7.98, 7, 9, 7.8])("黔南: %d for 79.745% × 10 is flagged", (score) => {
    const [f] = scoreFindings({ ...QN, score });
    expect(f).toMatchObject({ severity: "error", observed: score, params: { source: "printed", weight: 10, formula: "min(B/A,1)×分值" } });
    expect(f!.expected).toBeCloseTo((181.82 / 228) * 10, 12);
    expect(f!.message).toBe(`预算执行率得分填报为${score}分，按执行率79.75%×分值10分计算应为7.97分（第1页，${PROJECT}，年度资金总额）`);
  });
  it.each([7.23, 7.24, 7.21, 7.2])("忻州: %d for 72.26% × 10 agrees (7.2155 to 7.2354, or 7.226 from the printed rate)", (score) => {
    expect(scoreFindings({ budget: 8.65, executed: 6.25, rate: "72.26%", score })).toEqual([]);
  });
  it.each([7.25, 7.19, 7.3])("忻州: %d for 72.26% × 10 is flagged", (score) => {
    expect(scoreFindings({ budget: 8.65, executed: 6.25, rate: "72.26%", score })).toHaveLength(1);
  });
  it("the printed rate's own product counts only when the rate agrees: 7.3 for a printed 73% is still flagged", () => {
    expect(scoreFindings({ budget: 8.65, executed: 6.25, rate: "73%", score: 7.3 })).toHaveLength(1);
    // 79.7% × 10 = 7.97, within the rate's own rounding: agrees.
    expect(scoreFindings({ budget: 228, executed: 181.82, rate: "79.7%", score: 7.97 })).toEqual([]);
  });
  it("B above A scores the full weight: 10 for 16 / 15, 9.99 is flagged", () => {
    expect(scoreFindings({ budget: 15, executed: 16, score: 10 })).toEqual([]);
    expect(scoreFindings({ budget: 15, executed: 16, score: 9.99 })).toHaveLength(1);
    expect(scoreFindings({ budget: 15, executed: 16, score: 10.01 })).toHaveLength(1);
  });
  it("without a printed weight: the national 10, or the form's note (预算执行率20分)", () => {
    const [national] = scoreFindings({ budget: 15, executed: 15, weight: null, score: 0 });
    expect(national).toMatchObject({ expected: 10, params: { weight: 10, source: "national_default" } });
    expect(national!.message).toContain("应为10分");
    expect(scoreFindings({ budget: 15, executed: 15, weight: null, score: 10 })).toEqual([]);
    const noted = { notes: ["预算执行率20分"] };
    expect(scoreFindings({ budget: 15, executed: 15, weight: null, score: 20 }, noted)).toEqual([]);
    const [f] = scoreFindings({ budget: 15, executed: 15, weight: null, score: 10 }, noted);
    expect(f).toMatchObject({ expected: 20, params: { weight: 20, source: "form_note" } });
  });
  it("a weight of 0 (黔南's 专线网络使用费) expects 0; a department form without a printed weight is not scored", () => {
    expect(scoreFindings({ budget: 15, executed: 15, weight: 0, score: 0 })).toEqual([]);
    expect(scoreFindings({ budget: 15, executed: 15, weight: 0, score: 1 })).toHaveLength(1);
    expect(findingsOf(form(1, { kind: "department_self_eval", funding: [{ source: "年度资金总额", budget: 15, executed: 15, score: 3 }] }), "execution_score_mismatch")).toEqual([]);
  });
  it("no score, no budget, or a budget of 0: nothing to check", () => {
    expect(scoreFindings({ budget: 0, executed: 15, score: 3 })).toEqual([]);
    expect(scoreFindings({ budget: 15, executed: 15, score: null, rate: "100%" })).toEqual([]);
  });
});
