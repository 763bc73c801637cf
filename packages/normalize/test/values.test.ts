/** Value, unit, year and date parsing, on strings as forms print them. */
import { describe, expect, it } from "vitest";
import { parseValue, parseNumber, parseRate, parseFiscalYear, parseDate, parseMoneyUnit, parseGrade, headerField, titleKind, level1Of, level2Of } from "@jixiao/normalize";

describe("parseValue", () => {
  it.each([
    ["≥12个", ">=", 12, "个"],
    ["=100%", "=", 100, "%"],
    ["≤228万元", "<=", 228, "万元"],
    ["＞90%", ">", 90, "%"],
    ["<5次", "<", 5, "次"],
    ["105人次", "=", 105, "人次"],
    ["≥100人(次)", ">=", 100, "人"],
    ["不少于3场", ">=", 3, "场"],
    ["不低于95%", ">=", 95, "%"],
    ["95%以上", ">=", 95, "%"],
    ["达到100%", ">=", 100, "%"],
    ["不超过12万元", "<=", 12, "万元"],
    ["不高于5%", "<=", 5, "%"],
    ["30分钟以内", "<=", 30, "分钟"],
    ["3天以下", "<=", 3, "天"],
    ["7.68元/人/年", "=", 7.68, "元/人/年"],
    ["358.59万人", "=", 358.59, "万人"],
    ["=12个月", "=", 12, "个月"],
    ["≥2次", ">=", 2, "次"],
    ["1,426.26", "=", 1426.26, null],
    ["\\geq 90%", ">=", 90, "%"],
  ])("%s → %s %d %s", (text, comparator, value, unit) => {
    expect(parseValue(text)).toMatchObject({ comparator, value, unit });
  });

  it("reads ranges with both ends", () => {
    expect(parseValue("5%-10%")).toMatchObject({ value: 5, valueMax: 10, unit: "%" });
    expect(parseValue("80-90分")).toMatchObject({ value: 80, valueMax: 90, unit: "分" });
    // (海南's 绩效标准 print the unit after each end.)
    expect(parseValue("5500平方米-6500平方米")).toMatchObject({ value: 5500, valueMax: 6500, unit: "平方米" });
    expect(parseValue("170天-200天")).toMatchObject({ value: 170, valueMax: 200, unit: "天" });
    // (Two ends in different units are no range; a period of years is no quantity.)
    expect(parseValue("1个-3天")).toMatchObject({ value: null });
    expect(parseValue("2023年-2024年")).toMatchObject({ comparator: "qualitative", value: null });
  });

  it.each([["60万度", 60, "万度"], ["3000吨", 3000, "吨"], ["200亩", 200, "亩"], ["12000平方米", 12000, "平方米"]])(
    "reads a measured quantity %s", (text, value, unit) => {
      expect(parseValue(text)).toMatchObject({ comparator: "=", value, unit });
    });

  it.each(["有效保障", "成效明显", "2023年12月底完成", "州本级及12县(市)", "按时间节点保障落实", "达成预期指标"])(
    "keeps %s qualitative", (text) => {
      expect(parseValue(text)).toMatchObject({ comparator: "qualitative", value: null });
    });

  it("treats dashes and blanks as no value", () => {
    expect(parseValue("—")).toMatchObject({ comparator: null, value: null });
    expect(parseValue("")).toMatchObject({ comparator: null, value: null });
  });
});

describe("numbers, rates, units, years, dates, grades", () => {
  it("parses amounts with separators and score cells with 分", () => {
    expect(parseNumber("86,500")).toBe(86500);
    expect(parseNumber("62,502.5")).toBe(62502.5);
    expect(parseNumber("10分")).toBe(10);
    expect(parseNumber("12个")).toBeNull();
  });
  it("reads rates as fractions", () => {
    expect(parseRate("79.74%")).toBe(0.7974);
    expect(parseRate("72.26")).toBe(0.7226);
    expect(parseRate("98.51%")).toBe(0.9851);
    expect(parseRate("0.8")).toBe(0.8);
  });
  it.each([["(2023年度)", 2023], ["(2,023年度)", 2023], ["(2, 023年度)", 2023], ["（2020年度）", 2020], ["2021 年度", 2021], ["2022年度医药招采", 2022]])(
    "fiscal year of %s", (text, year) => expect(parseFiscalYear(text)).toBe(year));
  it.each([["2024/02/05", "2024-02-05"], ["2024年2月26日", "2024-02-26"], ["2024-2-5", "2024-02-05"]])(
    "date %s", (text, iso) => expect(parseDate(text)).toBe(iso));
  it.each([["项目资金（万元）", "万元"], ["项目资金 (元)", "元"], ["金额单位：万元", "万元"], ["全年预算数(元)", "元"], ["单位：万元", "万元"], ["项目资金(万元)", "万元"]])(
    "money unit of %s", (text, unit) => expect(parseMoneyUnit(text)).toBe(unit));
  it("reads grades", () => {
    expect(parseGrade("优")).toBe("优");
    expect(parseGrade("“优”")).toBe("优");
    expect(parseGrade("良好")).toBe("良好");
    expect(parseGrade("很好")).toBeNull();
  });
});

describe("headers and labels by meaning", () => {
  it.each([
    ["年度指标值(A)", "target"], ["年度指标值（A）", "target"], ["年初指标值", "target"], ["调整后指标值", "adjustedTarget"],
    ["实际完成值(B)", "actual"], ["全年完成值", "actual"], ["分值", "weight"], ["权重", "weight"], ["权重（%）", "weight"],
    ["得分", "score"], ["自评得分", "score"], ["未完成原因分析", "reason"], ["偏差原因分析及改进措施", "reason"],
    ["全年预算数(A)", "budget"], ["全年预算数 (A)", "budget"], ["全年执行数（B）", "executed"], ["执行率", "rate"], ["执行率(B/A)", "rate"],
    ["资金结(转)余", "balance"], ["评（扣分标准）", "scoringRule"], ["指标值类型", "valueType"], ["度量单位", "unit"],
    ["三 级 指 标", "name"], ["一级指标", "level1"], ["全年预算数(元)", "budget"],
  ])("%s → %s", (text, field) => expect(headerField(text)).toBe(field));

  it("names level-1 and level-2 labels with their declared weights", () => {
    expect(level1Of("产出指标 (50分)")).toEqual({ name: "产出指标", weight: 50 });
    expect(level1Of("效益指标（30分）")).toEqual({ name: "效益指标", weight: 30 });
    expect(level1Of("过程（执行）")).toEqual({ name: "过程", weight: null });
    expect(level1Of("投入 (20)")).toEqual({ name: "投入", weight: 20 });
    expect(level2Of("数量")).toEqual({ name: "数量指标", weight: null });
    expect(level2Of("质量指标 (10)")).toEqual({ name: "质量指标", weight: 10 });
    expect(level2Of("社会效益 指标")).toEqual({ name: "社会效益指标", weight: null });
  });

  it("recognises form titles and leaves report titles alone", () => {
    expect(titleKind("上级项目支出绩效自评表")).toBe("project_self_eval");
    expect(titleKind("州本级项目支出绩效目标自评表")).toBe("project_self_eval");
    expect(titleKind("部门整体支出绩效自评表")).toBe("department_self_eval");
    expect(titleKind("项目支出绩效目标表")).toBe("project_targets");
    expect(titleKind("整体支出绩效目标表")).toBe("department_targets");
    expect(titleKind("分项绩效项目清单")).toBe("project_list");
    expect(titleKind("2022 年度医药招采与基金监管工作经费绩效自评分 析报告")).toBeNull();
    expect(titleKind("我单位 2021 项目 19 个，具体详情见分项绩效项目清单。")).toBeNull();
  });
});
