/**
 * execution_rate_mismatch: what a finding says and records (formula, decimals
 * of the printed rate and of the amounts, the month of a monitoring form), a
 * rate printed as a bare fraction (河北's 0.86 for 37.24 / 43.2, 宁夏's 0.865
 * for 259.45 / 300), and a printed rate the rule cannot read.
 */
import type { Form } from "@jixiao/normalize";
import { describe, expect, it } from "vitest";
import { printedPercent } from "../src/rules/execution_rate_mismatch.ts";
import { findingsOf, form, fundingLine } from "./forms.ts";

/** fixtures/real/expect/hebei-2019-project-self-eval.json: 年度资金总额 43.2, executed 37.24, rate printed 0.86. */
const HEBEI = "办公宿舍楼、食堂及餐厅暖通改造经费";
/** fixtures/real/expect/anhui-2024-transfer-self-eval-2.json: 808.1 budgeted, 692.98 executed. */
const ANHUI = "就业补助资金";

const rateFindings = (f: Form) => findingsOf(f, "execution_rate_mismatch");

function hebei(rateText: string | null, executionRate: number | null, budget = 43.2, executed = 37.24): Form {
  return form(1, {
    kind: "project_self_eval",
    projectName: HEBEI,
    funding: [{ source: "年度资金总额", initialBudget: 43.2, budget, executed, executionRate, executionRateText: rateText, weight: 10, score: 9 }],
  });
}

/** A 1–6月 monitoring form of 安徽's 就业补助资金 amounts. */
function monitoring(rateText: string, line: { budget?: number | null; initialBudget?: number | null }, asOfMonth: number | null = 6): Form {
  return form(1, {
    kind: "project_monitoring",
    projectName: ANHUI,
    asOfMonth,
    funding: [{ source: "年度资金总额", ...line, executedToDate: 692.98, executionRate: Number(rateText.replace("%", "")) / 100, executionRateText: rateText }],
  });
}

describe("a year's rate: 全年执行数(B)÷全年预算数(A)", () => {
  it("河北's 0.86 printed as a bare fraction is 86 % at whole percent, and agrees with 86.20 %", () => {
    expect(printedPercent(fundingLine(1, { source: "年度资金总额", executionRate: 0.86, executionRateText: "0.86" }))).toEqual({ percent: 86, decimals: 0 });
    expect(rateFindings(hebei("0.86", 0.86))).toEqual([]);
  });

  it("0.85 is flagged, with the whole finding spelled out", () => {
    const [f, ...rest] = rateFindings(hebei("0.85", 0.85));
    expect(rest).toEqual([]);
    expect(f).toEqual({
      formSeq: 1,
      indicatorSeq: null,
      fundingSeq: 1,
      rule: "execution_rate_mismatch",
      severity: "error",
      message: `执行率填报为0.85，按全年执行数37.24÷全年预算数43.2计算应为86.2%（第1页，${HEBEI}，年度资金总额）`,
      expected: 37.24 / 43.2,
      observed: 0.85,
      page: 1,
      params: { formula: "全年执行数(B)÷全年预算数(A)", rateDecimals: 0, amountDecimals: 2 },
    });
  });

  it("宁夏's 0.865 is 86.5 % at one decimal: agrees with 86.48 % (so does 0.864, truncated); 0.866 and 0.863 do not", () => {
    const ningxia = (text: string) => hebei(text, Number(text), 300, 259.45);
    expect(rateFindings(ningxia("0.865"))).toEqual([]);
    expect(rateFindings(ningxia("0.864"))).toEqual([]);
    expect(rateFindings(ningxia("0.866"))).toHaveLength(1);
    const [f] = rateFindings(ningxia("0.863"));
    expect(f!.params).toEqual({ formula: "全年执行数(B)÷全年预算数(A)", rateDecimals: 1, amountDecimals: 2 });
    expect(f!.message).toBe(`执行率填报为0.863，按全年执行数259.45÷全年预算数300计算应为86.48%（第1页，${HEBEI}，年度资金总额）`);
  });

  it("a bare 0.00 is a percentage with two decimals, not a fraction: 1 of 300 (0.33 %) printed 0.00 is flagged", () => {
    expect(printedPercent(fundingLine(1, { source: "年度资金总额", executionRate: 0, executionRateText: "0.00" }))).toEqual({ percent: 0, decimals: 2 });
    const [f] = rateFindings(hebei("0.00", 0, 300, 1));
    expect(f!.params).toMatchObject({ rateDecimals: 2 });
    expect(rateFindings(hebei("0.33%", 0.33 / 100, 300, 1))).toEqual([]);
  });

  it("a rate without its printed text, or a text without a rate, is not read", () => {
    expect(printedPercent(fundingLine(1, { source: "年度资金总额", executionRate: 0.5, executionRateText: null }))).toBeNull();
    expect(printedPercent(fundingLine(1, { source: "年度资金总额", executionRate: null, executionRateText: "50%" }))).toBeNull();
    expect(rateFindings(hebei(null, 0.5))).toEqual([]);
    expect(rateFindings(hebei("50%", null))).toEqual([]);
  });
});

describe("a monitoring form's rate: 1–N月执行数 over the year's budget", () => {
  it("1–6月 692.98 of 808.1 (85.75 %): 86% agrees, 85% is flagged with the month in its name and params", () => {
    expect(rateFindings(monitoring("86%", { budget: 808.1 }))).toEqual([]);
    const [f] = rateFindings(monitoring("85%", { budget: 808.1 }));
    expect(f!.message).toBe(`1–6月执行率填报为85%，按1–6月执行数692.98÷全年预算数808.1计算应为85.75%（第1页，${ANHUI}，年度资金总额）`);
    expect(f!.params).toEqual({ formula: "1–6月执行数÷全年预算数", rateDecimals: 0, amountDecimals: 2, asOfMonth: 6 });
  });

  it("a template printing only 年初预算数 divides by it; no month printed reads 截至目前", () => {
    const [f] = rateFindings(monitoring("85%", { initialBudget: 808.1 }, null));
    expect(f!.message).toBe(`截至目前执行率填报为85%，按截至目前执行数692.98÷年初预算数808.1计算应为85.75%（第1页，${ANHUI}，年度资金总额）`);
    expect(f!.params).toEqual({ formula: "截至目前执行数÷年初预算数", rateDecimals: 0, amountDecimals: 2, asOfMonth: null });
  });
});
