/**
 * The value parsers (values.ts) at the edges of what they accept: every empty
 * marker, comparator word and suffix, the anchors that keep a sentence from
 * reading as a number, the 1.5 line between a bare fraction and a bare
 * percentage, ranges, units with a per-unit tail, the calendar limits of dates
 * and years, and the spellings of money units and grades. Texts are as forms
 * print them (the fixtures' targets: 5830元/户, 583元/人*月, ≧ %, ±3%以内,
 * 2021年12月完成, 9月前, 优良); a few anchors are guarded with a unit or a word
 * placed where no form puts it, which the comment next to them says.
 */
import { describe, expect, it } from "vitest";
import {
  comparatorFromValueType, decimalsOf, isBlankCell, isEmptyValue, isPercentText, isScoreLike, isValueTypeText,
  parseDate, parseFiscalYear, parseGrade, parseMoneyUnit, parseNumber, parseRate, parseValue,
} from "../src/values.ts";

describe("empty cells", () => {
  it.each(["", " ", "—", "——", "-", "--", "/", "／", "无", "\\", "－", "-—", "…", "— —", "/ "])("%j means nothing printed", (text) => {
    expect(isEmptyValue(text)).toBe(true);
  });
  it("null and undefined are empty; 0, a word and a number are not", () => {
    expect(isEmptyValue(null)).toBe(true);
    expect(isEmptyValue(undefined)).toBe(true);
    for (const text of ["0", "无锡", "12", "—1"]) expect(isEmptyValue(text)).toBe(false);
  });
  it("### (a spreadsheet's number too wide for its column, printed as a PDF of the sheet) holds no value and names nothing", () => {
    for (const text of ["###", "########", " ### "]) {
      expect(isEmptyValue(text)).toBe(true);
      expect(isBlankCell(text)).toBe(true);
    }
    for (const text of ["#", "#1", "3#楼"]) expect(isEmptyValue(text)).toBe(false);
  });
});

describe("plain numbers", () => {
  it.each([
    ["86,500", 86_500], ["1,426.26", 1426.26], ["62,502.5", 62_502.5], ["12,345,678.9", 12_345_678.9], ["7.23", 7.23], ["44,561", 44_561],
    ["10分", 10], ["228万元", 228], ["5830元", 5830], ["200万", 200], ["：12", 12], [":12", 12], ["-2.5", -2.5], ["+5", 5], ["0", 0],
  ])("%s → %d", (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });
  it.each([
    "12个", "1.5亩", "约12", "12分钟", "1,00", "1234,567", "12,3456", "12.", ".5", "1e5", "12-13", "12万元以内", "3,309,840.00元整", "",
  ])("%j is not just a number", (text) => {
    expect(parseNumber(text)).toBeNull();
  });
  it("null is no number, nor a digit string too long for a double", () => {
    expect(parseNumber(null)).toBeNull();
    expect(parseNumber(undefined)).toBeNull();
    expect(parseNumber("9".repeat(400))).toBeNull();
  });
  it("a unit is stripped only after the number (no form prints 分12 or 元12)", () => {
    expect(parseNumber("分12")).toBeNull();
    expect(parseNumber("元12")).toBeNull();
    expect(parseNumber("12：")).toBeNull();
  });
  it("decimals as printed", () => {
    expect(decimalsOf("1,426.26")).toBe(2);
    expect(decimalsOf("86,500")).toBe(0);
    expect(decimalsOf("62,502.5")).toBe(1);
    expect(decimalsOf("79.745%")).toBe(3);
    expect(decimalsOf(null)).toBe(0);
    expect(decimalsOf(undefined)).toBe(0);
  });
  it("score cells are numbers with at most 分, not money", () => {
    for (const text of ["10分", "10", "7.5", "0"]) expect(isScoreLike(text)).toBe(true);
    for (const text of ["228万元", "5830元", "200万", "12个", "优"]) expect(isScoreLike(text)).toBe(false);
  });
});

describe("rates", () => {
  it.each([
    ["79.74%", 0.7974], ["98.51%", 0.9851], ["100%", 1], ["290%", 2.9], ["0%", 0], ["-5%", -0.05], ["+5%", 0.05], ["79.74 %", 0.7974], ["79.74％", 0.7974],
    ["72.26", 0.7226], ["0.8", 0.8], ["1.5", 1.5], ["1.51", 0.0151], ["100", 1], ["0", 0],
  ])("%s → %d", (text, rate) => {
    expect(parseRate(text)).toBe(rate);
  });
  it("a target with a comparator or a word is no rate", () => {
    for (const text of ["≥80%", "80%以上", "约80%", "80%左右", "百分之八十", "12个"]) expect(parseRate(text)).toBeNull();
    expect(parseRate(null)).toBeNull();
  });
  it("percent texts: a signed number and %, nothing else", () => {
    for (const text of ["79.74%", "100%", "-5%", "+5%", "80％", "0.5%"]) expect(isPercentText(text)).toBe(true);
    for (const text of ["79.74", "≥80%", "80%以上", "约80%", "%", "80.%"]) expect(isPercentText(text)).toBe(false);
  });
});

describe("targets and actuals: comparators", () => {
  it.each([
    ["≥95%", ">="], [">=21933人", ">="], ["⩾10个", ">="], ["≧85%", ">="], ["大于等于90%", ">="], ["大于或等于90%", ">="], ["不少于3场", ">="], ["不低于95%", ">="],
    ["不小于90%", ">="], ["至少2次", ">="], ["达到100%", ">="], ["超过90%", ">="], ["高于等于90%", ">="],
    ["≤65万元", "<="], ["<=5300元/户", "<="], ["⩽5%", "<="], ["≦5%", "<="], ["小于等于5%", "<="], ["小于或等于5%", "<="], ["不超过12万元", "<="], ["不高于5%", "<="],
    ["不大于5%", "<="], ["不多于3次", "<="], ["控制在15万元", "<="], ["至多3次", "<="], ["低于等于5%", "<="],
    [">90%", ">"], ["＞90%", ">"], ["大于90%", ">"], ["高于90%", ">"], ["多于3次", ">"],
    ["<5次", "<"], ["＜5次", "<"], ["小于5%", "<"], ["低于5%", "<"], ["少于3次", "<"],
    ["=11个", "="], ["＝11个", "="], ["等于100%", "="], ["11个", "="],
    ["\\geq 90%", ">="], ["\\ge 90%", ">="], ["\\leq 5%", "<="], ["\\le 5%", "<="],
  ])("%s reads as %s", (text, comparator) => {
    expect(parseValue(text).comparator).toBe(comparator);
  });
  it.each([
    ["95%以上", ">="], ["90%及以上", ">="], ["3次或以上", ">="], ["12万元以内", "<="], ["5%以下", "<="], ["5%及以下", "<="], ["5%或以下", "<="], ["3天之内", "<="],
  ])("a trailing word: %s reads as %s", (text, comparator) => {
    expect(parseValue(text)).toMatchObject({ comparator, value: Number.parseFloat(text) });
  });
  it("a leading comparator wins over a trailing word", () => {
    expect(parseValue("≥95%以上")).toMatchObject({ comparator: ">=", value: 95, unit: "%" });
    expect(parseValue("=12万元以内")).toMatchObject({ comparator: "=", value: 12, unit: "万元" });
  });
  it("a comparator word inside a sentence is no comparator of the sentence", () => {
    expect(parseValue("完成率达到95%")).toMatchObject({ comparator: "qualitative", value: null });
    expect(parseValue("成本不超过预算")).toMatchObject({ comparator: "qualitative", value: null });
    expect(parseValue("95%以上完成")).toMatchObject({ comparator: "qualitative", value: null });
    for (const text of ["完成率高于90%", "误差小于5%", "收入等于支出", "3天以内完成", "约5-10个"]) {
      expect(parseValue(text)).toMatchObject({ comparator: "qualitative", value: null });
    }
  });
  it("a comparator with no number keeps the comparator (≧ %, ±3%以内)", () => {
    expect(parseValue("≧ %")).toEqual({ comparator: ">=", value: null, valueMax: null, unit: null });
    expect(parseValue("±3%以内")).toEqual({ comparator: "<=", value: null, valueMax: null, unit: null });
    expect(parseValue("≥266级")).toEqual({ comparator: ">=", value: null, valueMax: null, unit: null });
  });
});

describe("targets and actuals: numbers, units and ranges", () => {
  it.each([
    ["1290.3平方米", 1290.3, "平方米"], ["5830元/户", 5830, "元/户"], ["583元/人*月", 583, "元/人*月"], ["≥1人/年", 1, "人/年"], ["7.68元/人/年", 7.68, "元/人/年"],
    ["12元/人·年", 12, "元/人·年"], ["30元/人·月", 30, "元/人·月"], ["2元/次", 2, "元/次"], ["87人次", 87, "人次"], ["3户次", 3, "户次"], ["1.2万人次", 1.2, "万人次"],
    ["14.8万元", 14.8, "万元"], ["3亿元", 3, "亿元"], ["2工作日", 2, "工作日"], ["30分钟", 30, "分钟"], ["24小时", 24, "小时"], ["2万册", 2, "万册"],
    ["200万", 200, "万"], ["3550平方米", 3550, "平方米"], ["50平米", 50, "平米"], ["5公里", 5, "公里"], ["5千米", 5, "千米"], ["3‰", 3, "‰"],
    ["10辆", 10, "辆"], ["1座", 1, "座"], ["10月", 10, "月"], ["2季度", 2, "季度"], ["4周", 4, "周"], ["3册", 3, "册"], ["2所", 2, "所"],
    ["44,561", 44_561, null], ["3,309,840.00", 3_309_840, null], ["2元/公里", 2, "元/公里"], ["100人(次)", 100, "人"], ["100人（次）", 100, "人"], ["3个(个)", 3, "个"], ["5个左右", 5, "个"], ["3天内", 3, "天"], ["100人整", 100, "人"],
  ])("%s → %d %s", (text, value, unit) => {
    expect(parseValue(text)).toMatchObject({ value, valueMax: null, unit });
  });
  it("a bare number is an equality without a unit", () => {
    expect(parseValue("104")).toEqual({ comparator: "=", value: 104, valueMax: null, unit: null });
  });
  it.each(["2021年12月完成", "9月前", "11月前", "12县(市)", "12支队", "5个村", "1.5倍", "100人(户)", "3天内完成", "5个左右的"])(
    "%s is a description, not a quantity", (text) => {
      expect(parseValue(text)).toEqual({ comparator: "qualitative", value: null, valueMax: null, unit: null });
    });
  it.each([
    ["5%-10%", 5, 10, "%"], ["5%-10", 5, 10, "%"], ["80-90分", 80, 90, "分"], ["5~10个", 5, 10, "个"], ["5～10个", 5, 10, "个"], ["3至5天", 3, 5, "天"],
    ["3到5天", 3, 5, "天"], ["12.25-12.5%", 12.25, 12.5, "%"], ["1-3个月", 1, 3, "个月"], ["80-89.99", 80, 89.99, null], ["75-89.5分", 75, 89.5, "分"],
  ])("range %s → %d to %d %s", (text, value, valueMax, unit) => {
    expect(parseValue(text)).toEqual({ comparator: ">=", value, valueMax, unit });
  });
  it("a range keeps a comparator printed before it", () => {
    expect(parseValue("≤5%-10%")).toMatchObject({ comparator: "<=", value: 5, valueMax: 10 });
  });
  it("a range followed by words is read from its first number, or not at all", () => {
    expect(parseValue("6-9月完成")).toEqual({ comparator: "qualitative", value: null, valueMax: null, unit: null });
  });
  it("blanks are no value at all", () => {
    for (const text of [null, undefined, "", "—", "无"]) expect(parseValue(text)).toEqual({ comparator: null, value: null, valueMax: null, unit: null });
  });
});

describe("指标值类型 cells", () => {
  it.each([
    ["定性", "qualitative"], ["定性指标", "qualitative"], ["≥", ">="], [">=", ">="], ["大于等于", ">="], ["正向", ">="], ["正向指标", ">="],
    ["≤", "<="], ["<=", "<="], ["小于等于", "<="], ["反向", "<="], ["反向指标", "<="], ["=", "="], ["＝", "="], ["等于", "="],
    [">", ">"], ["大于", ">"], ["＞", ">"], ["<", "<"], ["小于", "<"], [" 正向 指标 ", ">="],
    ["≧", ">="], ["≦", "<="], ["═", "="], // 云南 永德县明朗中学's 指标性质 column
  ])("%s → %s", (text, comparator) => {
    expect(comparatorFromValueType(text)).toBe(comparator);
    expect(isValueTypeText(text)).toBe(true);
  });
  it("定量 is a value type without a comparator; other words are neither", () => {
    expect(comparatorFromValueType("定量")).toBeNull();
    expect(isValueTypeText("定量")).toBe(true);
    // (定量指标, as 定性指标 is: 重庆 2021's 指标性质 column prints the word whole.)
    expect(comparatorFromValueType("定量指标")).toBeNull();
    expect(isValueTypeText("定量指标")).toBe(true);
    for (const text of ["正向指标值", "非定性", "定量指标值", "指标", "≥90%", "大于等于90", "定性描述", "非正向", "非反向", "反向指标值", "不等于", "=100", "不大于", "不小于", "<90%", "非定量"]) {
      expect(comparatorFromValueType(text)).toBeNull();
      expect(isValueTypeText(text)).toBe(false);
    }
    expect(comparatorFromValueType(null)).toBeNull();
    expect(comparatorFromValueType("")).toBeNull();
  });
});

describe("years and dates", () => {
  it.each([
    ["(2023年度)", 2023], ["2023年", 2023], ["1990年度", 1990], ["2100年度", 2100], ["(2,023年度)", 2023], ["2022年度医药招采", 2022], ["(２０２３年度)", 2023],
  ])("fiscal year of %s is %d", (text, year) => {
    expect(parseFiscalYear(text)).toBe(year);
  });
  it.each(["1989年度", "2101年度", "23年度", "项目支出绩效自评表", "2023"])("%s names no fiscal year", (text) => {
    expect(parseFiscalYear(text)).toBeNull();
  });
  it.each([
    ["2024.2.5", "2024-02-05"], ["2024年1月1日", "2024-01-01"], ["2023年12月31日", "2023-12-31"], ["填报日期：2024 年 2 月 26 日", "2024-02-26"],
    ["２０２４年２月２６日", "2024-02-26"], ["2024/2/5", "2024-02-05"], ["2024-12-01", "2024-12-01"], ["2024年3月10", "2024-03-10"],
  ])("date %s → %s", (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });
  it.each(["2024年13月1日", "2024年0月1日", "2024年1月32日", "2024年1月0日", "2024年12月", "24年2月5日", "日期"])("%s is no date", (text) => {
    expect(parseDate(text)).toBeNull();
  });
});

describe("declared money units", () => {
  it.each([
    ["项目资金（万元）", "万元"], ["单位：万元", "万元"], ["万元", "万元"], [" 万元 ", "万元"], ["项目资金(单位 万元)", "万元"], ["单位:万元/人", "万元"],
    ["项目资金（元）", "元"], ["金额单位：元", "元"], ["单位：元，", "元"], ["元", "元"],
  ])("%s declares %s", (text, unit) => {
    expect(parseMoneyUnit(text)).toBe(unit);
  });
  it.each(["单位：元/人", "元/人", "（元/户）", "资金总额", "万元以上", "预算元", "预算万元", "万元）合计", "单位:万", "美元"])("%s declares no money unit", (text) => {
    expect(parseMoneyUnit(text)).toBeNull();
  });
});

describe("grades", () => {
  it.each([
    ["优秀", "优秀"], ["优", "优"], ["良好", "良好"], ["良", "良"], ["中等", "中等"], ["中", "中"], ["合格", "合格"], ["差", "差"], ["不合格", "不合格"],
    ["一等", "一等"], ["二等", "二等"], ["三等", "三等"], ["四等", "四等"], ["A", "A"], ["B级", "B级"], ["C", "C"], ["D级", "D级"],
    ["“优秀”", "优秀"], ['"良"', "良"], [" 良 好 ", "良好"],
  ])("%s reads as %s", (text, grade) => {
    expect(parseGrade(text)).toBe(grade);
  });
  it.each(["优良", "E", "A等", "较好", "优”良", "优”秀", "良“好", "", "“”"])("%j is no grade", (text) => {
    expect(parseGrade(text)).toBeNull();
  });
  it("null is no grade", () => {
    expect(parseGrade(null)).toBeNull();
  });
});
