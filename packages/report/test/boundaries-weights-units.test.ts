/**
 * Two more comparisons with a tolerance, at it and one step past it: a
 * declared 一级指标 weight against its indicators' weights (产出指标(60分) over
 * 50, as 黔南's 医疗服务… form prints it), and money_unit_suspect's match of an
 * amount with a cost target within 0.5 % once the amount is read in the
 * other unit (衡阳-style 本年度项目金额 10,185,500 next to ≤1018.55万元).
 */
import { describe, expect, it } from "vitest";
import { findingsOf, form } from "./forms.ts";

const PROJECT = "医疗服务与保障能力提升补助资金";

describe("level1_weight_mismatch", () => {
  const declared = (weights: number[], level1Weight = 60) =>
    findingsOf(form(1, {
      kind: "project_self_eval", projectName: PROJECT,
      indicators: weights.map((weight, i) => ({ name: `产出${i + 1}`, level1: "产出指标", level1Weight, weight, score: weight })),
    }), "level1_weight_mismatch");
  it("黔南: 产出指标(60分) over 30 + 20 = 50 is flagged, with both numbers", () => {
    const [f] = declared([30, 20]);
    expect(f).toMatchObject({ severity: "warning", expected: 60, observed: 50, params: { level: 1, name: "产出指标", indicators: 2 } });
    expect(f!.message).toBe(`一级指标产出指标声明60分，但其下2项指标分值合计为50分（第1页，${PROJECT}）`);
  });
  it("60 over 30 + 30 agrees; so does 59.5 (the declared 60 is whole), not 59.4 nor 60.5", () => {
    expect(declared([30, 30])).toEqual([]);
    expect(declared([30, 29.5])).toEqual([]);
    expect(declared([30, 29.4])).toHaveLength(1);
    expect(declared([30, 30.5])).toHaveLength(1);
  });
  it("a group with an unweighted member is not summed", () => {
    const f = form(1, { kind: "project_self_eval", indicators: [{ name: "a", level1: "产出指标", level1Weight: 60, weight: 30 }, { name: "b", level1: "产出指标", level1Weight: 60, weight: null }] });
    expect(findingsOf(f, "level1_weight_mismatch")).toEqual([]);
  });
});

describe("money_unit_suspect: an amount that matches a cost target only in the other unit", () => {
  const targets = (amount: number, cost = "≤1018.55万元") =>
    findingsOf(form(1, {
      kind: "project_targets", projectName: "特殊困难群体参保资助资金",
      funding: [{ source: "本年度项目金额", budget: amount }],
      indicators: [{ level1: "成本指标", level2: "经济成本指标", name: "项目总成本", targetText: cost }],
    }), "money_unit_suspect");
  it("10,185,500 under a 万元 header next to ≤1018.55万元 is in 元", () => {
    const [f] = targets(10_185_500);
    expect(f).toMatchObject({ observed: 10_185_500, params: { declared: "万元", effective: "元", reason: "cost_indicator_scaled", column: "budget" } });
    expect(f!.message).toBe("表头金额单位为万元，本年度项目金额全年预算数为10185500，而成本指标“项目总成本”的指标值为≤1018.55万元，金额应为元（第1页，特殊困难群体参保资助资金）");
  });
  it("matches within 0.5 % of the target (1023.64 for 1018.55), not past it (1023.65)", () => {
    expect(targets(10_236_400)).toHaveLength(1);
    expect(targets(10_236_500)).toEqual([]);
    expect(targets(10_134_600)).toHaveLength(1);
    expect(targets(10_134_500)).toEqual([]);
  });
  it("says nothing when an amount matches the target as declared, or there is no money target", () => {
    expect(targets(1018.55)).toEqual([]);
    expect(targets(10_185_500, "≥90%")).toEqual([]);
    expect(targets(10_185_500, "≤0万元")).toEqual([]);
  });
  it("a cost target in 元 is converted first: 10,185,500元 matches 1018.55 under a 元 header read as 万元", () => {
    const yuan = findingsOf(form(1, {
      kind: "project_targets", moneyUnit: "元", moneyUnitEffective: "元",
      funding: [{ source: "本年度项目金额", budget: 1018.55 }],
      indicators: [{ level1: "成本指标", level2: "经济成本指标", name: "项目总成本", targetText: "≤10185500元" }],
    }), "money_unit_suspect");
    expect(yuan).toHaveLength(1);
    expect(yuan[0]!.params).toMatchObject({ declared: "元", effective: "万元" });
  });
  it("the declared ≠ effective unit the normalizer decided is reported with its reason", () => {
    const [f] = findingsOf(form(1, {
      kind: "project_self_eval", projectName: "定点医疗机构督查经费", moneyUnit: "元", moneyUnitEffective: "万元",
      moneyUnitReason: "成本指标“督查经费”写作≤80万元，与表头声明的元不符，金额按万元计",
      funding: [{ source: "年度资金总额", budget: 80 }],
    }), "money_unit_suspect");
    expect(f!.message).toBe("表头金额单位为元，但金额应为万元（全年预算数80）：成本指标“督查经费”写作≤80万元，与表头声明的元不符，金额按万元计（第1页，定点医疗机构督查经费）");
    expect(f!.params).toEqual({ declared: "元", effective: "万元", reason: "成本指标“督查经费”写作≤80万元，与表头声明的元不符，金额按万元计" });
  });
});
