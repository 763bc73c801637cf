/** Budget, execution and rate read from narrative sentences by meaning, not by one phrasing. */
import { describe, expect, it } from "vitest";
import { narrativeFigures } from "../src/narrative-figures.ts";

const read = (s: string) => narrativeFigures(s).map((f) => `${f.kind}=${f.value}${f.unit ?? "%"}`);

describe("narrativeFigures", () => {
  it("reads budget words (预算/安排/批复/下达/到位) and execution words (执行/支出/使用/拨付/完成)", () => {
    expect(read("年初预算安排资金120万元，实际支出98.5万元，预算执行率82.08%。")).toEqual(["initialBudget=120万元", "executed=98.5万元", "rate=82.08%"]);
    expect(read("批复预算86,500元，执行62,502.5元。")).toEqual(["budget=86500元", "executed=62502.5元"]);
    expect(read("到位资金8.65万元，截至年底累计拨付6.25万元，资金使用率72.26%。")).toEqual(["budget=8.65万元", "executed=6.25万元", "rate=72.26%"]);
    expect(read("全年执行数为6.25万元。")).toEqual(["executed=6.25万元"]);
    expect(read("预算执行数为6.25万元，支出率72.26%")).toEqual(["executed=6.25万元", "rate=72.26%"]);
  });
  it("takes a compound by its budget side (安排使用, 支出预算) and a 预算执行 by its execution side", () => {
    expect(read("安排使用资金8.65万元。")).toEqual(["budget=8.65万元"]);
    expect(read("下达支出预算8.65万元。")).toEqual(["budget=8.65万元"]);
  });
  it("reads no balance, category or other rate as execution", () => {
    expect(read("下达资金8.65万元，结余2.4万元。")).toEqual(["budget=8.65万元"]);
    expect(read("结转下年使用2.4万元，未支出资金1万元。")).toEqual([]);
    expect(read("资金到位率100%，支出6.25万元。")).toEqual(["executed=6.25万元"]);
    expect(read("本单位预算收入2958.92万元，预算支出2958.92万元，其中基本支出183.97万元。")).toEqual([]);
    expect(read("三公经费预算执行率94.34%。")).toEqual([]);
    expect(read("项目总投资500万元，已拨付120万元。")).toEqual(["executed=120万元"]);
  });
  it("keeps the seed phrasings, and the year a clause names", () => {
    const [budget, executed] = narrativeFigures("2022年项目预算8.65万元，实际执行2.4万元。");
    expect(budget).toMatchObject({ kind: "budget", value: 8.65, unit: "万元", snippet: "项目预算8.65万元", year: 2022 });
    expect(executed).toMatchObject({ kind: "executed", value: 2.4, snippet: "实际执行2.4万元", year: null });
    expect(read("本年支出3686.23万元，其中基本支出158.08万元，项目支出3528.46万元。")).toEqual(["executed=3686.23万元", "projectSpending=3528.46万元"]);
  });
  it("reads no part of the money as the whole: 其中…, 用于…, an expense item", () => {
    expect(read("实际支出6.25万元，其中支付审计费用3万元，支出差旅费1.2万元，主要用于印刷0.5万元。")).toEqual(["executed=6.25万元"]);
    expect(read("项目经费支出6.25万元。")).toEqual(["executed=6.25万元"]);
    expect(read("实际使用经费6.25万元。")).toEqual(["executed=6.25万元"]);
  });
  it("reads other reports' words: 决算数 as spent, 支付率/拨付率/兑付率 as the execution rate", () => {
    expect(read("批复预算45万元，决算数44.2万元，执行率98.22%。")).toEqual(["budget=45万元", "executed=44.2万元", "rate=98.22%"]);
    expect(read("本年度项目资金到位75万元，实际使用资金75万元，资金支付率100%。")).toEqual(["budget=75万元", "executed=75万元", "rate=100%"]);
    expect(read("下达资金60万元，兑付资金60万元，兑付率100%。")).toEqual(["budget=60万元", "executed=60万元", "rate=100%"]);
    // (自评得分 is no total: reports give each part's own, 产出指标自评得分45分, 预算编制…自评得分7分.)
    expect(read("产出指标自评得分45分。")).toEqual([]);
  });
  it("leaves a word too far from its amount", () => {
    expect(read("按照预算批复要求认真组织实施各项医疗救助工作共计6.25万元")).toEqual([]);
  });
});
