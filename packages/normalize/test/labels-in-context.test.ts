/**
 * Labels read by where they stand, from three templates first met as held-out fixtures:
 * - 蒙城 2024 申报表: a numbered line above the title ((3)实施主体:蒙城县卫生健康委员会。) names
 *   who carries the project out, and the form's own 实施单位 | 卫健委 names it again: the form's cell wins.
 * - 大英县总工会 2020 score sheet: 部门预算管理80分) prints its weight with the opening bracket lost.
 * - 南京 2018 申报表 in layout text: 项目名称 | 农桥建设专项资金 预算功能科目 | 2130701, a value and
 *   the next label one space apart in one cell.
 */
import { describe, expect, it } from "vitest";
import { normalizeDocument } from "@jixiao/normalize";
import { splitDeclaredWeight } from "../src/vocab.ts";
import { extractedFixture } from "./fixture-documents.ts";
import type { RealFormat } from "./real-forms.ts";

describe.each(["docx", "pdf/lo", "text/web", "text/pdftotext-layout"] as RealFormat[])("蒙城 2024 申报表 (%s)", (format) => {
  it("takes who carries the project out from the form's own cell, not from the narrative line above its title", async () => {
    const form = normalizeDocument(await extractedFixture("anhui-2024-project-declaration", format)).forms[0]!;
    expect([form.implementer, form.agency]).toEqual(["卫健委", "卫健委"]);
    // The narrative's pair is still kept as printed.
    expect(form.facts.some((f) => f.value.startsWith("蒙城县卫生健康委员会"))).toBe(true);
  });
});

describe("a weight whose opening bracket was lost in print", () => {
  it("is read from 部门预算管理80分) as from 预算编制(30分)", async () => {
    expect(splitDeclaredWeight("部门预算管理80分)").weight).toBe(80);
    expect(splitDeclaredWeight("预算编制(30分)").weight).toBe(30);
    expect(splitDeclaredWeight("部门预算管理").weight).toBeNull();
    const form = normalizeDocument(await extractedFixture("sichuan-2020-department-scorecard", "docx")).forms[0]!;
    expect(form.indicators.map((i) => [i.level1Weight, i.level2Weight, i.weight, i.score])).toEqual([[80, 30, 10, 9], [80, 30, 10, 8], [80, 30, 10, 9.8]]);
  });
});

describe("南京 2018 申报表 in pdftotext -layout", () => {
  it("splits a value from the known label after it in one cell, and finds the form by its project", async () => {
    const doc = normalizeDocument(await extractedFixture("jiangsu-2018-project-declaration", "text/pdftotext-layout"));
    expect(doc.forms.map((f) => [f.kind, f.projectName, f.agency])).toEqual([["project_targets", "农桥建设专项资金", "南京市财政局"]]);
    expect(doc.forms[0]!.facts.find((f) => f.label === "预算功能科目")?.value).toBe("2130701");
  });
});

describe.each(["docx", "pdf/lo"] as RealFormat[])("a finance office's 一般公共预算支出管理 scoring sheet, untitled (%s)", (format) => {
  it("reads 考核指标 as the indicators, 权数 as their weights, and a sheet of targets and points with nothing achieved as a scorecard", async () => {
    const doc = normalizeDocument(await extractedFixture("unknown-undated-budget-management-scorecard", format));
    expect(doc.forms.map((f) => f.kind)).toEqual(["evaluation_scorecard"]);
    const [first, second, third] = doc.forms[0]!.indicators;
    expect([first!.level1, first!.level1Weight, first!.level2, first!.name, first!.targetText, first!.weight]).toEqual(["一般公共预算支出管理", 60, "一般公共预算支出", "一般公共预算支出实际完成率", "1", 20]);
    // 二者择其一… merged down a pair of indicators is each one's rule (their one 权数 is not counted twice).
    expect(third!.scoringRule).toBe(second!.scoringRule);
    expect(third!.weight).toBeNull();
  });
});

describe.each(["docx", "xlsx", "pdf/lo", "text/web"] as RealFormat[])("a blank 财政支出绩效目标申报表 saved by Excel as a web page (广西 2021, %s)", (format) => {
  it("keeps 指标内容(150字内) an explanation, so the 二级指标 column holds the indicators", async () => {
    const form = normalizeDocument(await extractedFixture("guangxi-2021-project-declaration", format)).forms[0]!;
    expect(form.indicators.map((i) => [i.name, i.weight])).toEqual([["资金到位率", 5], ["预算支出进度", 15], ["项目资金专项核算", 5], ["资金使用合规性", 10]]);
    expect(form.indicators[0]!.description).toMatch(/^资金到位率=\(实际到位资金\/计划投入资金\)/);
  });
  it("reads 资金总额： as the first line of the money block, a label awaiting its value, and the kinds of income as lines", async () => {
    const form = normalizeDocument(await extractedFixture("guangxi-2021-project-declaration", format)).forms[0]!;
    expect(form.funding.map((l) => l.source)).toEqual(["资金总额", "一般公共预算拨款", "政府性基金预算拨款", "国有资本经营预算拨款", "纳入财政专户管理的收入", "未纳入财政专户管理的收入", "上年结余收入"]);
  });
});

describe.each(["docx", "xlsx", "pdf/lo", "text/web"] as RealFormat[])("湖北 2020 长江禁捕项目自评表: a level column with a blank header (%s)", (format) => {
  it("reads the level 1 the rows print under the blank cell before 二级指标, 年度绩效目标 being the block's label", async () => {
    const form = normalizeDocument(await extractedFixture("hubei-2020-project-self-eval-2", format)).forms[0]!;
    expect(form.indicators.map((i) => [i.level1, i.level2, i.name, i.score])).toEqual([
      ["产出指标", "数量指标", "补贴渔船数", 20],
      ["产出指标", "质量指标", "渔船补贴发放率", 10],
      ["产出指标", "时效指标", "12月底之前完成", 10],
      ["效益指标", "服务对象满意度指标", "服务对象满意度", 40],
    ]);
  });
});
