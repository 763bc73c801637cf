/**
 * forecast_exceeds_budget on the national 绩效目标执行监控表 (城乡医疗救助补助资金:
 * 年初预算数 100, 全年预算数 100, 1–6月执行数 45.5, 全年预计执行数 98), at the
 * edge of what the printed digits allow: 万元 amounts stand for ± half a cent
 * at least, 元 amounts ± half their last digit. What the finding says (the
 * forecast as printed, the budget column it was held against, the excess at
 * the finer precision) and when it must stay quiet.
 */
import type { Form, FundingLine } from "@jixiao/normalize";
import { describe, expect, it } from "vitest";
import { findingsOf, form } from "./forms.ts";

const P = "城乡医疗救助补助资金";
const RULE = "forecast_exceeds_budget";

function monitoring(line: Partial<FundingLine> = {}, extra: Partial<Form> = {}): Form {
  return form(1, {
    kind: "project_monitoring", projectName: P, asOfMonth: 6, ...extra,
    funding: [{ source: "年度资金总额", initialBudget: 100, budget: 100, executedToDate: 45.5, executionRate: 0.455, executionRateText: "45.50%", forecastExecuted: 98, page: 1, ...line }],
  });
}
const forecast = (line: Partial<FundingLine> = {}, extra: Partial<Form> = {}) => findingsOf(monitoring(line, extra), RULE);

describe("forecast_exceeds_budget in 万元", () => {
  it("100.01 over 100: the forecast as printed, the column, the excess", () => {
    const [f, ...rest] = forecast({ forecastExecuted: 100.01, forecastExecutedText: " 100.01 " });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: RULE, severity: "warning", formSeq: 1, fundingSeq: 1, indicatorSeq: null, expected: 100, observed: 100.01 });
    expect(f!.params).toEqual({ budgetColumn: "全年预算数", decimals: 2 });
    expect(f!.message).toBe(`全年预计执行数100.01超过全年预算数100，超出0.01（第1页，${P}，年度资金总额）`);
  });
  it("98 and 100 are within it; 100.004 is within the budget's rounding (100 stands for up to 100.005)", () => {
    expect(forecast()).toEqual([]);
    expect(forecast({ forecastExecuted: 100 })).toEqual([]);
    expect(forecast({ forecastExecuted: 100.004 })).toEqual([]);
  });
  it("a forecast printed to a tenth of a cent: 100.015 exceeds by 0.015, at 3 decimals", () => {
    const [f] = forecast({ forecastExecuted: 100.015 });
    expect(f!.params).toEqual({ budgetColumn: "全年预算数", decimals: 3 });
    expect(f!.message).toBe(`全年预计执行数100.015超过全年预算数100，超出0.015（第1页，${P}，年度资金总额）`);
  });
  it("a whole 万元 forecast (101) against 100: the excess is shown at the cent", () => {
    const [f] = forecast({ forecastExecuted: 101 });
    expect(f!.params).toEqual({ budgetColumn: "全年预算数", decimals: 2 });
    expect(f!.message).toBe(`全年预计执行数101超过全年预算数100，超出1（第1页，${P}，年度资金总额）`);
  });
  it("a blank forecast text cites the number", () => {
    const [f] = forecast({ forecastExecuted: 100.01, forecastExecutedText: "  " });
    expect(f!.message).toBe(`全年预计执行数100.01超过全年预算数100，超出0.01（第1页，${P}，年度资金总额）`);
  });
  it("only 年初预算数 printed: the forecast is held against it, and the message says so", () => {
    const [f] = forecast({ budget: null, forecastExecuted: 100.01 });
    expect(f!.params).toEqual({ budgetColumn: "年初预算数", decimals: 2 });
    expect(f!.message).toBe(`全年预计执行数100.01超过年初预算数100，超出0.01（第1页，${P}，年度资金总额）`);
  });
  it("no forecast, or no budget at all: nothing", () => {
    expect(forecast({ forecastExecuted: null })).toEqual([]);
    expect(forecast({ budget: null, initialBudget: null, forecastExecuted: 100.01 })).toEqual([]);
  });
});

describe("forecast_exceeds_budget in 元", () => {
  it("a whole 元 budget stands for ± 0.5 元: 86,500.4 is within 86,500, 86,501 is not", () => {
    const yuan = { moneyUnit: "元" as const, moneyUnitEffective: "元" as const };
    expect(forecast({ budget: 86500, initialBudget: 86500, forecastExecuted: 86500.4 }, yuan)).toEqual([]);
    const [f] = forecast({ budget: 86500, initialBudget: 86500, forecastExecuted: 86501 }, yuan);
    expect(f!.params).toEqual({ budgetColumn: "全年预算数", decimals: 0 });
    expect(f!.message).toBe(`全年预计执行数86501超过全年预算数86500，超出1（第1页，${P}，年度资金总额）`);
  });
  it("the unit the normalizer settled on counts, not the header's: 元 read under a 万元 header", () => {
    expect(forecast({ budget: 86500, forecastExecuted: 86500.4 }, { moneyUnit: "万元", moneyUnitEffective: "元" })).toEqual([]);
  });
  it("without a settled unit the header's 元 counts", () => {
    expect(forecast({ budget: 86500, forecastExecuted: 86500.4 }, { moneyUnit: "元", moneyUnitEffective: null })).toEqual([]);
  });
  it("the same 0.4 over a 万元 budget is beyond the cent", () => {
    expect(forecast({ budget: 86500, forecastExecuted: 86500.4 })).toHaveLength(1);
  });
});
