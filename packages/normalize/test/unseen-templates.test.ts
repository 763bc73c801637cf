/**
 * Templates first met as held-out fixtures (measured before the code read
 * them): what each taught, asserted on the real documents in the formats an
 * archive holds them in.
 * - 寿县 2023 部门整体支出绩效评价自评表: a department's 自评表 scored by the framework —
 *   weights, scores and a 指标说明及评分标准 column, no target or actual anywhere.
 * - 银川 2021 项目支出绩效自评表: its total printed among the header facts
 *   (自评得分 | 98) and its weights under 参考分值.
 * - 宁乡 2021 项目绩效目标表: its money block written out in cells
 *   (财政拨款:…万元(其中:…;…), 二、自有资金:0万元), a label whose value is left
 *   blank before another pair, a label merged down over a block of pairs.
 * - 浮梁县林业局 部门整体绩效目标 (a workbook sheet): no title; the department named in a row of
 *   pairs (部门编码： | 316 | 部门名称： | …) or, in text, a line of them, over the indicator grid;
 *   the comparison sign in a 计算符号 column; 年度绩效目标 a caption over label | goal.
 * - 花都区政协 2021 部门整体支出绩效自评表, as far as its page prints it: the header block only,
 *   a label over its value (未能完成原因 above its text).
 */
import { describe, expect, it } from "vitest";
import { parseExtractedText } from "@jixiao/extract";
import { headerField, normalizeDocument } from "@jixiao/normalize";
import { checkDocument } from "../../report/src/check.ts";
import { factKeyOf, isGradeLabel, isKnownLabel, isTotalLabel, sourceKindOf } from "../src/vocab.ts";
import { isMoneyLabel } from "../src/facts.ts";
import { extractedFixture } from "./fixture-documents.ts";
import type { RealFormat } from "./real-forms.ts";

const FORMATS: RealFormat[] = ["docx", "xlsx", "pdf/lo"];

describe("headers and labels of these templates, by meaning", () => {
  it("reads a scoring-rule column whatever precedes 评分标准", () => {
    expect(headerField("指标说明及评分标准")).toBe("scoringRule");
    expect(headerField("评分办法")).toBe("scoringRule");
    // A sentence that ends with the words is no column header.
    expect(headerField("按照年度工作计划和有关文件确定的评分标准")).toBeNull();
  });
  it("reads other templates' words for what was reached and what was spent", () => {
    expect([headerField("达成值"), headerField("实际达成值"), headerField("完成量"), headerField("实际完成量")]).toEqual(["actual", "actual", "actual", "actual"]);
    expect(headerField("实际使用")).toBe("executed");
    expect([headerField("实际投入"), headerField("实际投资"), headerField("本年支出"), headerField("实际执行率")]).toEqual(["executed", "executed", "executed", "rate"]);
    expect([headerField("评价内容(标准)"), headerField("考核内容及评分标准")]).toEqual(["scoringRule", "scoringRule"]);
    // A target's words are not the value reached, nor is a standard alone a rule.
    expect([headerField("计划完成值"), headerField("标准值")]).toEqual(["target", null]);
  });
  it("reads other templates' money lines: the project's whole amount, and money besides the budget's", () => {
    expect([sourceKindOf("项目总投资"), sourceKindOf("项目总预算")]).toEqual(["total", "total"]);
    expect(["市级配套", "银行贷款", "专项债", "一般债券"].map(isMoneyLabel)).toEqual([true, true, true, true]);
    // (Not a rate or a kind of money's use.)
    expect([isMoneyLabel("资金到位率"), isMoneyLabel("资金分配")]).toEqual([false, false]);
  });
  it("reads other templates' words for the total and the grade", () => {
    expect([isTotalLabel("合计(100分)"), isTotalLabel("总分(分)"), isTotalLabel("自评得分")]).toEqual([true, true, false]);
    expect(["等次", "评定结果", "考核等次", "综合评价结论", "评定等次"].map(isGradeLabel)).toEqual([true, true, true, true, true]);
  });
  it("knows other templates' header labels, so they are not reported as unrecognised", () => {
    expect(["项目所属领域", "委托单位", "受托单位", "自评等级", "评价结论"].map(isKnownLabel)).toEqual([true, true, true, true, true]);
    // (The evaluation's commissioning body is not the form's agency.)
    expect(factKeyOf("委托单位")).toBeNull();
  });
  it("reads 自评得分 among header facts as the form's total", () => {
    expect(factKeyOf("自评得分")).toBe("totalScore");
    expect(factKeyOf("评价得分")).toBe("totalScore");
    expect(factKeyOf("财政审核评分")).toBeNull();
  });
});

describe.each(FORMATS)("寿县 2023 部门整体支出绩效评价自评表 (%s)", (format) => {
  it("is the department's self-evaluation, with its scoring rules", async () => {
    const doc = normalizeDocument(await extractedFixture("anhui-2023-department-scorecard", format));
    expect(doc.forms.map((f) => f.kind)).toEqual(["department_self_eval"]);
    const first = doc.forms[0]!.indicators[0]!;
    expect(first.name).toBe("基础信息完整性");
    expect(first.scoringRule).toMatch(/^1、基础数据信息是否真实\(1分\)/);
  });
});

describe.each(FORMATS)("银川 2021 项目支出绩效自评表 (%s)", (format) => {
  it("takes its total from 自评得分 and finds the scores do not reach it", async () => {
    const doc = normalizeDocument(await extractedFixture("ningxia-2021-project-self-eval", format));
    const form = doc.forms[0]!;
    expect(form.totalScore).toBe(98);
    expect(form.facts.find((f) => f.label === "自评得分")?.field).toBe("total_score");
    expect(form.indicators[0]).toMatchObject({ name: "完整性", weight: 4, score: 4 });
    const rules = checkDocument(doc).map((f) => f.rule);
    expect(rules).toContain("total_score_mismatch");
  });
});

// (LibreOffice's PDF of it loses the (7分)/(3分) cells: a reading of that PDF, not of the levels.)
describe.each(["docx", "xlsx"] as RealFormat[])("四川 项目 score sheet printing its levels only as weights (%s)", (format) => {
  it("keeps each row under the weight-only level the page prints it under", async () => {
    const doc = normalizeDocument(await extractedFixture("sichuan-undated-scorecard", format));
    const rows = doc.forms[1]!.indicators.map((i) => [i.name, i.level1Weight, i.level2Weight]);
    // (20分) › (10分) 必要性 可行性, (10) 明确性 合理性; (10分) › (7分) 资金分配 资金使用, (3分) 执行规范.
    expect(rows.slice(0, 7)).toEqual([
      ["必要性", 20, 10], ["可行性", 20, 10], ["明确性", 20, 10], ["合理性", 20, 10],
      ["资金分配", 10, 7], ["资金使用", 10, 7], ["执行规范", 10, 3],
    ]);
  });
});

describe("银川 2021 copied from its web page, merged level cells gone", () => {
  it("reads 成本指标(10分) as the level 2 that completes 项目产出(30分), by weight", async () => {
    const form = normalizeDocument(await extractedFixture("ningxia-2021-project-self-eval", "text/web")).forms[0]!;
    const cost = form.indicators.find((i) => i.name === "办公所需成本")!;
    expect([cost.level1, cost.level1Weight, cost.level2, cost.level2Weight]).toEqual(["项目产出", 30, "成本指标", 10]);
  });

  it("leaves 成本指标 a level 1 where the weights make it one (重庆 2023 目标审批表)", async () => {
    const form = normalizeDocument(await extractedFixture("chongqing-2023-project-targets", "docx")).forms[0]!;
    expect(form.indicators.some((i) => i.level1 === "成本指标")).toBe(true);
  });
});

describe.each(FORMATS)("a pair printed above the title (四川 2023 部门预算项目支出绩效自评表, %s)", (format) => {
  it("is the form's fact: 报表编号", async () => {
    const form = normalizeDocument(await extractedFixture("sichuan-2023-project-self-eval", format)).forms[0]!;
    expect(form.facts.find((f) => f.label === "报表编号")?.value).toBe("510000_0013zp");
    expect(form.facts[0]!.label).toBe("报表编号");
  });
});

describe.each(FORMATS)("amounts printed as pairs side by side are not a total and its parts (%s)", (format) => {
  it("海南: 计划投资额 570 beside 实际到位资金 398.88 are two accounts of the money, not one its part", async () => {
    const doc = normalizeDocument(await extractedFixture("hainan-undated-project-scorecard", format));
    // (Read as the block's columns of pairs: 570 planned, 395.86 spent; what arrived stays on the line, as printed.)
    const block = doc.forms[0]!.funding[0]!;
    expect([block.budget, block.executed]).toEqual([570, 395.86]);
    expect(Object.entries(block.extra).find(([k]) => k.startsWith("实际到位资金"))?.[1]).toBe("398.88");
    expect(checkDocument(doc).filter((f) => f.rule === "funding_identity")).toEqual([]);
  });

  it("湘潭 申报表: 预算部门 is the agency, and 上级资金 beside 本级预算金额 is a source, not the whole project", async () => {
    const doc = normalizeDocument(await extractedFixture("hunan-2023-project-declaration", format));
    const form = doc.forms[0]!;
    expect(form.funding.map((l) => [l.source, l.sourceKind, l.budget])).toEqual([
      ["年度本级预算金额", "total", 250], ["该项目支出上级资金", "superior", 0],
    ]);
    expect(checkDocument(doc).filter((f) => f.rule === "funding_identity")).toEqual([]);
  });
});

describe.each(FORMATS)("宁乡 2021 项目绩效目标表: a money block written out in its cells (%s)", (format) => {
  it("reads each amount, with the parts in brackets as parts of the line before them, and the form's money adds up", async () => {
    const doc = normalizeDocument(await extractedFixture("hunan-2021-project-targets", format));
    const form = doc.forms[0]!;
    expect(form.funding.map((l) => [l.source, l.sourceKind, l.budget])).toEqual([
      ["总额", "total", 10606.7522],
      ["财政拨款", "fiscal", 6923.3552],
      ["上级财政资金", "superior", 6923.3552],
      ["本级财政", "local", 0],
      ["自有资金", "own", 0],
      ["其他", "other", 3683.397],
    ]);
    // 财政拨款 = 上级 + 本级 and 总额 = 财政拨款 + 自有 + 其他: no funding_identity finding.
    expect(checkDocument(doc).filter((f) => f.rule === "funding_identity")).toEqual([]);
  });
  it("pairs 联系电话 | (blank) | 项目起止时间 | 2021年度, keeps 主管部门编码 whole, and reads the pairs under 项目立项情况", async () => {
    const facts = normalizeDocument(await extractedFixture("hunan-2021-project-targets", format)).forms[0]!.facts;
    const value = (label: string) => facts.find((f) => f.label === label)?.value;
    expect(value("联系电话")).toBe("");
    expect(value("项目起止时间")).toBe("2021年度");
    expect(value("主管部门编码")).toBe("");
    expect(facts.filter((f) => f.label === "主管部门").map((f) => f.value)).toEqual(["坝塘镇"]);
    expect(value("项目立项的依据")).toBe("机关、学校、乡村振兴按发改立项");
  });
});

describe("宁乡 2021 copied from its web page: the money block's lines have no cells", () => {
  it("reads 项目立项的依据's pair after the block label 项目立项情况, whose merge the copy lost", async () => {
    const facts = normalizeDocument(await extractedFixture("hunan-2021-project-targets", "text/web")).forms[0]!.facts;
    expect(facts.find((f) => f.label === "项目立项的依据")?.value).toBe("机关、学校、乡村振兴按发改立项");
  });
  it("reads 财政拨款:…(其中:…), 二、自有资金:0万元 and 三、其他:3683.3970万元 on lines of their own as the form's money", async () => {
    const form = normalizeDocument(await extractedFixture("hunan-2021-project-targets", "text/web")).forms[0]!;
    expect(form.funding.map((l) => [l.source, l.budget])).toEqual([
      ["总额", 10606.7522], ["财政拨款", 6923.3552], ["上级财政资金", 6923.3552], ["本级财政", 0], ["自有资金", 0], ["其他", 3683.397],
    ]);
  });
});

describe.each([...FORMATS, "text/web"] as RealFormat[])("鄂州 2022 项目支出绩效目标表: a cost table in the header block (%s)", (format) => {
  it("keeps every cost line as a fact and takes its 合计 as the project's amount", async () => {
    const form = normalizeDocument(await extractedFixture("hubei-2022-project-targets", format)).forms[0]!;
    expect(form.funding.map((l) => [l.source, l.sourceKind, l.budget])).toEqual([["合计", "total", 814]]);
    const fact = (label: string) => form.facts.find((f) => f.label === label)?.value;
    expect(fact("保安服务费")).toBe("191 | 依据招标文件 | 191 | 191");
    // An item whose name holds a 、 is no label of a pair, but still a line of the table.
    expect(fact("水电气、维修维护费")).toBe("524 | 根据三定方案,各项费用据实结算 | 372.88 | 504.55");
  });
});

describe.each([...FORMATS, "text/web"] as RealFormat[])("雅安 2024 林业草原改革发展资金绩效评价表: numbered rows and columns (%s)", (format) => {
  it("reads the money by its A–E columns, the execution rate from 预算执行(E/C×100%), and no row or column number as money", async () => {
    const doc = normalizeDocument(await extractedFixture("sichuan-2024-transfer-self-eval", format));
    const form = doc.forms[0]!;
    expect(form.kind).toBe("transfer_self_eval");
    expect(form.funding.map((l) => [l.source, l.sourceKind, l.budget, l.executed, l.executionRate])).toEqual([
      ["年度资金总额(万元)", "total", 52.8, 30.8, 0.5833],
      ["其中:中央财政资金(万元)", "central", 52.8, 30.8, 0.5833],
      ["地方财政资金(万元)", "local", null, null, null],
      // Its bracket lists examples (…以前年度结转结余资金等): it is still the other money, not a carry-over.
      ["其他资金(万元,自有资金、社会资本、以前年度结转结余资金等)", "other", null, null, null],
    ]);
    // (全年到位资金(D), 52.8, is money that arrived, not money spent: executed is E's 30.8 above.)
    // Its arithmetic holds: no warning or error (unrecognised labels are only information).
    expect(checkDocument(doc).filter((f) => f.severity !== "info")).toEqual([]);
  });
});

describe.each(FORMATS)("湘潭 2023 申报表: a level label merged across both level columns (%s)", (format) => {
  it("reads 社会公众或服务对象满意度指标 over 一级 and 二级指标 as the level 1 of 市民满意度, not a level 2 of 效益指标", async () => {
    const form = normalizeDocument(await extractedFixture("hunan-2023-project-declaration", format)).forms[0]!;
    const ind = form.indicators.find((i) => i.name === "市民满意度")!;
    expect(ind.level1).toBe("社会公众或服务对象满意度指标");
    expect(ind.level2).toBeNull();
    // The rows above keep their own group.
    expect(form.indicators.find((i) => i.name.startsWith("服务周期内,市民"))!.level1).toBe("效益指标");
  });
});

// 湖南 2020 中央对地方转移支付 自评表: 无 in a value column is an answer, not a blank cell.
describe.each(FORMATS)("湖南 2020 转移支付自评表: an actual value of 无 (%s)", (format) => {
  it("keeps 无 as the actual value, with the reason printed beside it", async () => {
    const doc = normalizeDocument(await extractedFixture("hunan-2020-transfer-self-eval", format));
    const row = doc.forms[0]!.indicators.find((i) => i.name === "政策性挂账利息补贴保障率");
    expect(row).toMatchObject({ actualText: "无", actualValue: null, reason: "没有轮换、动用库存" });
  });
});

// Text copied from a web page prints a merged cell once: a goals block's group label, merged
// down beside its values, is missing from the values' line, and a single value is a line alone.
describe("goal blocks copied from a web page: each value under its own column's label", () => {
  const facts = async (id: string) => {
    const doc = normalizeDocument(await extractedFixture(id, "text/web"));
    return Object.fromEntries(doc.forms[0]!.facts.map((f) => [f.label, f.value]));
  };
  it("宁德 2018: 年度总体目标完成情况 | 预期目标 | 目标实际完成情况 over two values", async () => {
    const f = await facts("fujian-2018-department-self-eval");
    expect(f["预期目标"]).toMatch(/^目标1:确保本委在职及退休人员工资/);
    expect(f["目标实际完成情况"]).toMatch(/^目标1完成情况:基本完成/);
  });
  it("新疆 2021: 项目绩效目标 | 项目总目标 | 年度总体目标 over two values", async () => {
    const f = await facts("xinjiang-2021-project-targets");
    expect(f["项目总目标"]).toMatch(/^建设完成保鲜库1座/);
    expect(f["年度总体目标"]).toMatch(/^2021年完成保鲜库钢构主体安装/);
  });
  it("湖北 2020: 总体目标 | 年度目标 over one value on a line of its own", async () => {
    const doc = normalizeDocument(await extractedFixture("hubei-2020-project-targets-2", "text/web"));
    const form = doc.forms[0]!;
    expect(form.facts.find((x) => x.label === "年度目标")?.value).toMatch(/^全面改善农村义务教育薄弱学校办学条件/);
    expect(form.goals[0]?.expected).toMatch(/^全面改善农村义务教育薄弱学校办学条件/);
  });
});

describe("井研 2023 申报表 copied from a web page: a unit name merged beside its projects", () => {
  it("files the second project under the unit printed once, on the first project's line", async () => {
    const doc = normalizeDocument(await extractedFixture("sichuan-2023-project-declaration", "text/web"));
    expect(doc.forms.map((f) => [f.projectName, f.agency])).toEqual([
      ["村组干部报酬", "820001-井研县马踏镇人民政府"],
      ["基层组织活动经费", "820001-井研县马踏镇人民政府"],
    ]);
    // The unit's own subtotal line above (820-马踏镇部门) names no project.
    expect(doc.forms[1]!.facts.filter((f) => f.label === "单位名称").map((f) => f.value)).toEqual(["820001-井研县马踏镇人民政府"]);
  });
});

// A framework whose level 1 is its own word (项目效益, 部门绩效情况) holds 满意度 as a level 2;
// copied text prints that level-2 label first on its line, where a level 1 could stand.
describe.each(["text/web", "text/pdftotext-layout"] as RealFormat[])("满意度 as a level 2 of a framework group (%s)", (format) => {
  it("银川 2021: 服务对象满意度指标(10分) under 项目效益(35分)", async () => {
    const doc = normalizeDocument(await extractedFixture("ningxia-2021-project-self-eval", format));
    const row = doc.forms[0]!.indicators.find((i) => i.name.startsWith("学生和老"));
    expect(row).toMatchObject({ level1: "项目效益", level1Weight: 35, level2: "服务对象满意度指标" });
  });
  it("四川 评价指标体系: 满意度(10分) under 部门绩效情况(45分)", async () => {
    const doc = normalizeDocument(await extractedFixture("sichuan-undated-scorecard", format));
    const rows = doc.forms.flatMap((f) => f.indicators).filter((i) => /^(协作部门|管理对象|社会公众)满意度/.test(i.name));
    expect(rows).toHaveLength(3);
    for (const r of rows) expect([r.level1, r.level2]).toEqual(["部门绩效情况", "服务对象满意度指标"]);
  });
});

describe("永德 2022 自评表 copied from a web page: a blank 年初预算数 beside the block label", () => {
  it("keeps each amount under its own column", async () => {
    const doc = normalizeDocument(await extractedFixture("yunnan-2022-project-self-eval-2", "text/web"));
    const lines = doc.forms[0]!.funding.map((l) => [l.source, l.initialBudget, l.budget, l.executed, l.weight, l.executionRate, l.score]);
    expect(lines.slice(0, 2)).toEqual([
      ["年度资金总额", null, 387664.62, 387664.62, 10, 1, 10],
      ["其中:当年财政拨款", null, 387664.62, 387664.62, null, null, null],
    ]);
  });
});

describe("陈仓 2023 绩效目标表 as plain pdftotext prints it: labels, then their values, a line each", () => {
  it("reads the form, pairing the labels' run with the values' run in order", async () => {
    const doc = normalizeDocument(await extractedFixture("shaanxi-2023-transfer-targets", "text/pdftotext"));
    expect(doc.forms).toHaveLength(1);
    expect(doc.forms[0]!.projectName).toBe("残疾人事业发展补助资金(一般公共预算)");
    expect(doc.forms[0]!.facts.map((f) => [f.label, f.value])).toEqual([
      ["项目名称", "残疾人事业发展补助资金(一般公共预算)"], ["区级主管部门", "区残联"],
    ]);
  });
});

// 岳阳楼区 2023 部门整体支出绩效目标表: 产出指标 › 成本指标 › 社会成本指标, whose name repeats the
// level-2 word; copied text, with 产出指标's merged cell printed once above, reads the row as two levels.
describe.each(["text/web", "text/pdftotext-layout"] as RealFormat[])("a target row named by a level-2 word (%s)", (format) => {
  it("is the 社会成本指标 indicator of 产出指标 › 成本指标, with its target", async () => {
    const doc = normalizeDocument(await extractedFixture("hunan-2023-department-targets", format));
    const row = doc.forms[0]!.indicators.find((i) => i.name === "社会成本指标");
    expect(row).toMatchObject({ level1: "产出指标", level2: "成本指标", targetText: "100", unit: "%", valueType: "定量" });
  });
});

describe("四川 评价指标体系 in -layout text: two untitled score sheets, one after the other", () => {
  it("reads the 项目 sheet, whose header differs from the 部门 sheet's, as a form of its own", async () => {
    const doc = normalizeDocument(await extractedFixture("sichuan-undated-scorecard", "text/pdftotext-layout"));
    expect(doc.forms.map((f) => f.kind)).toEqual(["evaluation_scorecard", "evaluation_scorecard"]);
    expect(doc.forms[0]!.indicators[0]!.name).toBe("相关性");
    expect(doc.forms[1]!.indicators.slice(0, 2).map((i) => [i.name, i.weight])).toEqual([["必要性", 5], ["可行性", 5]]);
  });
});

describe.each([...FORMATS, "xls", "text/pdftotext-layout"] as RealFormat[])("浮梁县林业局 部门整体绩效目标: no title, a row of pairs naming the department over an indicator grid (%s)", (format) => {
  it("is the department's target form, its 计算符号 the comparison sign and 年度绩效总目标 a fact and the goal", async () => {
    const doc = normalizeDocument(await extractedFixture("jiangxi-undated-department-targets", format));
    expect(doc.forms.map((f) => [f.kind, f.agency])).toEqual([["department_targets", "浮梁县林业局"]]);
    const form = doc.forms[0]!;
    expect(form.facts.find((f) => f.label === "部门编码")?.value).toBe("316");
    expect(form.indicators[0]).toMatchObject({ level1: "产出指标", level2: "数量指标", name: "保障在职职工人数(人)", targetText: "116", valueType: "=", unit: "人" });
    expect(form.indicators.find((i) => i.name === "工资发放准确性(%)")?.valueType).toBe("≥");
    if (format !== "text/pdftotext-layout") {
      // (The text wraps the label over three lines around its value.)
      expect(form.facts.find((f) => f.label === "年度绩效总目标")?.value).toBe("保证林业局职能实现,保障人员经费。");
      expect(form.goals.map((g) => g.expected)).toEqual(["保证林业局职能实现,保障人员经费。"]);
    }
  });
});

describe.each([...FORMATS, "xls", "pdf/chromium", "text/web"] as RealFormat[])("花都区政协 2021 部门整体支出绩效自评表, its page broken off after the header block (%s)", (format) => {
  it("is the department's form under its title, with the reason printed under its label", async () => {
    const doc = normalizeDocument(await extractedFixture("guangdong-2021-department-self-eval", format));
    expect(doc.forms.map((f) => [f.kind, f.agency])).toEqual([["department_self_eval", "中国人民政治协商会议广东省广州市花都区委员会"]]);
    const facts = new Map(doc.forms[0]!.facts.map((f) => [f.label, f.value]));
    expect(facts.get("未能完成原因")).toBe("因受疫情影响,委员培训次数减少,视察调研活动减少。");
    expect(facts.get("整体绩效目标完成情况")).toMatch(/^我部门按照《中国人民政治协商会议章程》的要求/);
  });
});

describe("武川 2021 绩效目标申报表 copied from its web page (merged cells printed once)", () => {
  it("reads 成本指标 as the level 2 it is in the column 时效指标 came from, not a new level 1", async () => {
    const form = normalizeDocument(await extractedFixture("neimenggu-2021-project-targets-2", "text/web")).forms[0]!;
    const levels = (name: string) => { const i = form.indicators.find((x) => x.name === name)!; return [i.level1, i.level2]; };
    expect(levels("开工时限")).toEqual([null, "时效指标"]);
    expect(levels("打井、配电")).toEqual([null, "成本指标"]);
    expect(levels("防疫室84平米")).toEqual([null, "成本指标"]);
  });
});

describe("goals printed as paragraphs side by side in layout text (重庆 2021 部门整体自评表, -layout)", () => {
  it("reads each paragraph whole across its lines, as its column's fact and the goal", async () => {
    const form = normalizeDocument(await extractedFixture("chongqing-2021-department-self-eval", "text/pdftotext-layout")).forms[0]!;
    const facts = new Map(form.facts.map((f) => [f.label, f.value]));
    expect(facts.get("年度目标(年初)")).toBe("1、:社会消费品零售总额同比增速9.5%。2、外贸进出口总额17.5亿元。3、新增限上商贸企业23家,个体79户。4、网络零售额13.39亿元,同比增长17.95%。");
    expect(form.goals[0]!.expected).toBe(facts.get("年度目标(年初)"));
  });
});

describe.each([...FORMATS, "xls", "text/web"] as RealFormat[])("遂宁 安居区 食品监管补助资金区域绩效目标自评表: a points column headed only above (%s)", (format) => {
  it("reads the indicator header whose points cell holds the part's points, under 自评得分 printed over that column", async () => {
    const form = normalizeDocument(await extractedFixture("sichuan-2021-transfer-self-eval-3", format)).forms[0]!;
    expect(form.indicators).toHaveLength(9);
    expect(form.indicators[1]).toMatchObject({ level1: "产出指标", level2: "质量指标", name: "指标2:违法案件查办率", targetText: "100%", actualText: "100%", score: 4 });
    // 自评得分 over 100 in the last column, its row otherwise pairs: the form's total, and the pairs kept.
    expect(form.totalScore).toBe(100);
    expect(form.facts.find((f) => f.label === "省级主管部门")?.value).toBe("四川省市场监管局");
  });
});

describe.each([...FORMATS, "xls"] as RealFormat[])("南岳区 2023 雨露计划绩效目标申报表, a 专项 template (%s)", (format) => {
  it("reads 三级指标内容 | 指标值及单位 as the names and targets, a goal merged over two rows whole, and the caption's two pairs", async () => {
    const form = normalizeDocument(await extractedFixture("hunan-2023-project-targets", format)).forms[0]!;
    expect(form.indicators.map((i) => [i.level1, i.level2, i.name, i.targetText])).toEqual([
      ["产出指标", "数量指标", "年度申请就学补助户数", ">=101人/次"],
      ["产出指标", "质量指标", "逾期发放率", ">=100%"],
      ["产出指标", "时效指标", "就学补助及时发放率", ">=100%"],
    ]);
    const facts = new Map(form.facts.map((f) => [f.label, f.value]));
    expect(facts.get("本年度绩效目标")?.replace(/ /g, "")).toBe("1.对提供就读学籍证明的学生了放就学补助;\n2.补助标准为:每生1500元/学期。");
    expect(facts.get("单位负责人")).toBe("谭呈祥");
  });
});

describe.each([...FORMATS, "xls"] as RealFormat[])("乐昌 2018 绩效目标表 (%s)", (format) => {
  it("reads a column headed 一级目标 as the level 1", async () => {
    const form = normalizeDocument(await extractedFixture("guangdong-2018-transfer-targets", format)).forms[0]!;
    expect(form.indicators[0]?.level1).toBe("产出指标");
  });

  // 总体目标 merged down over its goal text, 已实施情况: and 未实施情况及原因: (prompts left blank).
  it("keeps the blank prompts under a merged label out of its value, as pairs of their own", async () => {
    const facts = new Map(normalizeDocument(await extractedFixture("guangdong-2018-transfer-targets", format)).forms[0]!.facts.map((f) => [f.label, f.value]));
    expect(facts.get("总体目标")).toMatch(/目标3:提升中职教育吸引力$/);
    expect([facts.get("已实施情况"), facts.get("未实施情况及原因")]).toEqual(["", ""]);
  });
});

describe.each([...FORMATS, "xls", "text/web"] as RealFormat[])("2017 食品药品监管事业发展专项绩效目标、评价指标与标准值表 (%s)", (format) => {
  it("is a target form whose goals grid (绩效目标名称 | 目标值 | 评价指标 | 标准值) is read under its numbered group headings", async () => {
    const form = normalizeDocument(await extractedFixture("unknown-2017-project-targets", format)).forms[0]!;
    expect(form.kind).toBe("project_targets");
    expect(form.indicators[0]).toMatchObject({ level1: "一、投入目标", name: "1.预算投入资金", targetText: "35543.19万元" });
    expect(form.indicators.find((i) => i.name === "5.财务管理")?.level1).toBe("二、管理目标");
    expect(form.indicators.map((i) => i.name)).not.toContain("一、投入目标");
  });
});

// Probed: a money block printed with its sources across and a row per measure (预算数, 执行数, 执行率) down them, the
// other way round from the usual 资金来源 | 全年预算数 | 全年执行数. No fixture prints it; the lines are typed as a
// web page's copy prints a table, a tab between cells.
describe("a money block with its sources across and a row per measure", () => {
  const read = (...rows: string[]) => normalizeDocument(parseExtractedText(["项目支出绩效自评表", "项目名称\t道路养护", ...rows,
    "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分", "产出指标\t数量指标\t养护里程\t≥10公里\t12公里\t90\t90"].join("\n")), { fileName: "x.txt" }).forms[0]!;

  it("reads one line per source, its budget, execution and rate from the rows that name them", () => {
    const form = read("项目资金(万元)\t项目\t合计\t财政拨款\t其他资金", "\t预算数\t100\t80\t20", "\t执行数\t90\t70\t20", "\t执行率\t90%\t87.5%\t100%");
    expect(form.funding.map((l) => [l.source, l.sourceKind, l.budget, l.executed, l.executionRate])).toEqual([
      ["合计", "total", 100, 90, 0.9], ["财政拨款", "fiscal", 80, 70, 0.875], ["其他资金", "other", 20, 20, 1]]);
  });

  it("reads a first row of 年初预算数 as the initial budget, not the year's", () => {
    const form = read("项目资金(万元)\t项目\t合计\t中央补助\t地方资金", "\t年初预算数\t100\t60\t40", "\t全年预算数\t120\t70\t50", "\t全年执行数\t110\t70\t40");
    expect(form.funding.map((l) => [l.source, l.initialBudget, l.budget, l.executed])).toEqual([
      ["合计", 100, 120, 110], ["中央补助", 60, 70, 70], ["地方资金", 40, 50, 40]]);
  });
});

// Probed: the bare word 指标 heading the indicators (重庆 2023 目标审批表 prints 指标 | 指标权重 | 计量单位 | 指标性质 |
// 指标值, see layouts-by-structure.test.ts); other templates print it alone before the values, or after the levels.
describe("指标 alone over the indicators' names", () => {
  const inds = (header: string, row: string) => normalizeDocument(parseExtractedText(["项目支出绩效自评表", "项目名称\t道路养护", header, row].join("\n")),
    { fileName: "x.txt" }).forms[0]?.indicators ?? [];

  it("heads the names before the values, first or after 序号", () => {
    expect(inds("指标\t指标值\t完成值\t分值\t得分", "养护里程\t≥10公里\t12公里\t90\t90").map((i) => [i.name, i.targetText, i.actualText, i.weight, i.score]))
      .toEqual([["养护里程", "≥10公里", "12公里", 90, 90]]);
    expect(inds("序号\t指标\t目标值\t完成值\t得分", "1\t养护里程\t≥10公里\t12公里\t90").map((i) => [i.name, i.targetText, i.score])).toEqual([["养护里程", "≥10公里", 90]]);
  });

  it("heads the names after the levels, which keep their own columns", () => {
    expect(inds("一级指标\t二级指标\t指标\t指标值\t分值", "产出指标\t数量指标\t养护里程\t≥10公里\t90").map((i) => [i.level1, i.level2, i.name, i.targetText]))
      .toEqual([["产出指标", "数量指标", "养护里程", "≥10公里"]]);
    // (Beside 绩效指标, the block's label merged down left of the levels, too.)
    expect(inds("绩效指标\t一级指标\t二级指标\t指标\t指标值\t分值", "\t产出指标\t数量指标\t养护里程\t≥10公里\t90").map((i) => [i.level1, i.level2, i.name, i.weight]))
      .toEqual([["产出指标", "数量指标", "养护里程", 90]]);
  });
});


describe.each([...FORMATS, "xls"] as RealFormat[])("中央引导地方科技发展资金绩效目标自评表, left blank (%s)", (format) => {
  // 项目资金(万元) over 年度资金总额: | | | , 其中:中央补助 | | | … : the template's lines, their amounts not filled in.
  it("keeps the money block's first line, its label printed with a colon", async () => {
    const form = normalizeDocument(await extractedFixture("unknown-2021-transfer-self-eval", format)).forms[0]!;
    expect(form.funding.map((l) => [l.source, l.sourceKind, l.budget])).toEqual([
      ["年度资金总额", "total", null], ["其中:中央补助", "central", null], ["地方资金", "local", null], ["其他资金", "other", null],
    ]);
  });
});

describe.each([...FORMATS, "xls", "text/web"] as RealFormat[])("蚕茶卫生院整体支出绩效自评表 (%s)", (format) => {
  // 资金结构:(1)基本支出 | | | 103.21% over (2)项目支出 | | | : the second purpose printed, its amounts left blank.
  it("keeps the numbered purpose left blank as a line of the money block", async () => {
    const form = normalizeDocument(await extractedFixture("jiangxi-2021-department-self-eval", format)).forms[0]!;
    expect(form.funding.map((l) => [l.source, l.executionRate])).toEqual([["资金来源:(1)财政拨款", 1.0321], ["资金结构:(1)基本支出", 1.0321], ["(2)项目支出", null]]);
  });
});

describe("a label's options each with its check box, cut into cells (四川 2021 区域自评表, pdftotext -layout)", () => {
  // 填报类型:整体□ | 区域√ | 项目□: the options after the first are more of the value, not labels of their own.
  it("is one value", async () => {
    const form = normalizeDocument(await extractedFixture("sichuan-2021-transfer-self-eval-4", "text/pdftotext-layout")).forms[0]!;
    expect(form.facts.find((f) => f.label === "填报类型")?.value.replace(/\s+/g, "")).toBe("整体□区域√项目□");
  });
});

describe.each(["pdf/lo", "pdf/chromium", "docx"] as RealFormat[])("岳阳 南湖新区 2016 自评报告's form (%s)", (format) => {
  // 评价类型:项目实施过程评价□   项目完成结果评价■ over 项目名称 | 优抚: a line the PDF reads as a row of two cells.
  it("keeps the pair printed above the form's block, its options in one value", async () => {
    const form = normalizeDocument(await extractedFixture("hunan-2016-project-self-eval", format)).forms[0]!;
    expect(form.facts[0]).toMatchObject({ label: "评价类型" });
    expect(form.facts[0]!.value.replace(/\s+/g, "")).toBe("项目实施过程评价□项目完成结果评价■");
  });
});
