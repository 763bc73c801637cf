/**
 * Layouts recognised by their structure, each on the real form that prints it
 * (fixtures/real), in every format whose grid keeps the layout:
 * - a funding block that prints its sources across (来源 | 中央 | 省、地 | 本级 |
 *   其他 | 合计 | 执行数 | 执行率, source-columns.ts): one line per source with an
 *   amount, the execution and rate on the whole;
 * - a scored grid with no level or name header (项目权重 | 评价内容 | 分值 |
 *   自评分 | 复核分 | 评价标准及依据): the unnamed column holds the items, the
 *   leading weight column their groups with points;
 * - a money table's header wrapped over two text rows (当年 / 金额) and labels
 *   wrapped round their row's line (部门(单位) / … / 名称; 项目主管单 | 项目实施单 /
 *   … / 位 | 位) in pdftotext -layout text;
 * - a target grid headed with no level and no name word (指标类型 | 绩效指标 |
 *   绩效目标 | 绩效标准 over 优 | 良 | 中 | 差): the column holding level words is
 *   the level 1, 绩效指标 heads the items, 绩效目标 their targets, and each grade
 *   its own extra column.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseExtractedText } from "@jixiao/extract";
import { normalizeDocument } from "@jixiao/normalize";
import { extractedFixture } from "./fixture-documents.ts";
import type { RealFormat } from "./real-forms.ts";
import { wordsOf } from "./grid-variations.ts";

const STRUCTURED: RealFormat[] = ["pdf/lo", "pdf/chromium", "docx", "xlsx", "xls", "text/web"];

async function firstForm(id: string, format: RealFormat) {
  const form = normalizeDocument(await extractedFixture(id, format), { fileName: `${id}.x` }).forms[0];
  expect(form, `${id} ${format}: a form`).toBeDefined();
  return form!;
}

/** 海南 2018's items: level 1 (the 指标类型 column), name (绩效指标) and target (绩效目标). */
const HAINAN_TARGETS = [
  ["产出指标", "指标1:物业管理面积", "6500平方米"],
  ["产出指标", "指标2:用电量", "60万度"],
  ["产出指标", "指标3:日常电子设备的维修(护)率", "20%以上"],
  ["成效指标", "指标1:日常参观展示设备的使用率", "80%以上"],
  ["成效指标", "指标2:项目成本控制", "不超预算"],
  ["成效指标", "指标3:保证设备正常运转天数", "200"],
];

describe("layouts recognised by structure", () => {
  // (In text copied from a web page too: its row prints the block label 项目资金, merged down beside it, once,
  // and its cells stand one slot right of the header's.)
  it.each(STRUCTURED)("sources across columns (湖北 广水 2021 自评表, %s): a line per source with an amount", async (format) => {
    const form = await firstForm("hubei-2021-project-self-eval", format);
    expect(form.funding.map((l) => [l.source, l.sourceKind, l.budget, l.executed, l.executionRate])).toEqual([
      ["本级", "local", 309, null, null],
      ["合计", "total", 309, 309, 1],
    ]);
  });

  it.each(STRUCTURED)("a scored grid with no level or name header (湖北 广水 2021 自评表, %s)", async (format) => {
    const form = await firstForm("hubei-2021-project-self-eval", format);
    const scored = form.indicators.filter((i) => i.level1 === "项目决策" || i.level1 === "项目管理");
    expect(scored.map((i) => [i.level1, i.level1Weight, i.name, i.weight, i.score])).toEqual([
      ["项目决策", 2, "决策依据", 2, 2],
      ["项目管理", 13, "财务制度", 3, 3],
      ["项目管理", 13, "组织机构", 2, 2],
      ["项目管理", 13, "运行监管", 4, 4],
      ["项目管理", 13, "目标申报", 4, 4],
    ]);
    expect(scored[0]!.scoringRule).toMatch(/^有项目年度工作计划/);
    // 年终完成值 is what was reached: the actual. The caption across the next page's table (项目年度目标1:…) is a pair, no indicator.
    expect(form.indicators.some((i) => i.name.startsWith("项目年度目标"))).toBe(false);
    expect(form.indicators.find((i) => i.name === "乡村道路建设养护里程")?.actualText).toBe("300公里");
  });

  it.each(STRUCTURED)("a target grid headed by meaning (海南 2018 项目绩效目标表, %s)", async (format) => {
    const form = await firstForm("hainan-2018-project-targets", format);
    expect(form.kind).toBe("project_targets");
    expect(form.indicators.map((i) => [i.level1, i.name, i.targetText])).toEqual(HAINAN_TARGETS);
    // (The level words are no value type, and the grades keep their group's name.)
    expect(form.indicators.every((i) => i.valueType === null)).toBe(true);
    expect(form.indicators[1]!.extra).toEqual({ "绩效标准(优)": "60万度以上", "绩效标准(良)": "50万度-60万度", "绩效标准(中)": "40万度-50万度", "绩效标准(差)": "40万度以下" });
    expect([form.indicators[1]!.targetValue, form.indicators[1]!.unit]).toEqual([60, "万度"]);
  });

  // (The same grid with level-2 words in the 指标类型 column, as a template without level 1s would print it.)
  it("a target grid whose 指标类型 column holds level-2 words (海南 2018, its DOCX grid so varied)", async () => {
    const varied = wordsOf([["产出指标", "数量指标"], ["成效指标", "质量指标"]])(await extractedFixture("hainan-2018-project-targets", "docx"));
    const form = normalizeDocument(varied, { fileName: "hainan-2018-project-targets.docx" }).forms[0]!;
    expect(form.indicators.map((i) => [i.level1, i.level2, i.name])).toEqual(
      HAINAN_TARGETS.map(([level1, name]) => [null, level1 === "产出指标" ? "数量指标" : "质量指标", name]),
    );
  });

  // (pdftotext -layout prints the first group's label on the grades' line, 产出指标 | 优 | 良 | 中 | 差: it opens the group.)
  it("a target grid headed by meaning (海南 2018 项目绩效目标表, pdftotext -layout): its items, levels and targets", async () => {
    const form = await firstForm("hainan-2018-project-targets", "text/pdftotext-layout");
    const named = form.indicators.filter((i) => i.name.startsWith("指标"));
    expect(named.map((i) => [i.level1, i.name, i.targetText])).toEqual(HAINAN_TARGETS);
    expect(named[2]!.extra).toEqual({ 优: "20%以上", 良: "15%-20%", 中: "10%-15%", 差: "10%以下" });
  });

  // (评价指标 names no column: the levels under it open the grid, and 分值 | 评价内容及评分标准 | 备注, merged down over
  // both header rows — or, in copied text, printed once on the row above — head their columns on it.)
  it.each(STRUCTURED)("a scorecard's levels under a group word beside headers merged down (萧县 评价指标, %s)", async (format) => {
    const form = await firstForm("anhui-undated-project-scorecard", format);
    expect(form.kind).toBe("evaluation_scorecard");
    expect(form.indicators.map((i) => [i.level1, i.level1Weight, i.level2, i.level2Weight, i.name, i.weight])).toEqual([
      ["投入", 20, "项目立项", 12, "方案制定与审批", 4],
      ["投入", 20, "项目立项", 12, "机制建立与执行", 4],
      ["投入", 20, "项目立项", 12, "绩效目标情况", 4],
      ["投入", 20, "资金落实", 8, "资金到位率", 4],
    ]);
    expect(form.indicators[1]!.scoringRule).toMatch(/^\(1\)项目市、县是否建立健全/);
  });

  // (一级指标 | 得分 | 二级指标 | 得分 | 三级指标 | 得分 | 评价标准 | 指标说明 | 得分 and no 分值: the same score word after
  // each level heads its points, the last one the scores.)
  it.each(STRUCTURED)("a scorecard whose points are headed 得分 after each level (部门整体 2018, %s)", async (format) => {
    const form = await firstForm("unknown-2018-department-scorecard", format);
    expect(form.indicators.map((i) => [i.level1Weight, i.level2Weight, i.name, i.weight, i.score])).toEqual([
      [16, 16, "在职人员控制率", 8, 8],
      [16, 16, "三公经费变动率", 8, 0],
      [58, 16, "预算完成率", 8, 8],
      [58, 16, "预算控制率", 8, null],
    ]);
  });

  // (And with the bare word 指标 heading the names, as other templates print it.)
  it("a scorecard whose points are headed 得分 after each level, its names headed 指标 (部门整体 2018, its DOCX grid so varied)", async () => {
    const varied = wordsOf([["三级指标", "指标"]])(await extractedFixture("unknown-2018-department-scorecard", "docx"));
    const form = normalizeDocument(varied, { fileName: "x.docx" }).forms[0]!;
    expect(form.indicators.map((i) => [i.name, i.weight, i.score])).toEqual([
      ["在职人员控制率", 8, 8], ["三公经费变动率", 8, 0], ["预算完成率", 8, 8], ["预算控制率", 8, null],
    ]);
  });

  // (三级指标 | 指标解释 | 指标说明 | 得分, no rule's column: 指标说明 holds the 评价要点 the item is scored by. A name's
  // points cut off its label leave the name as printed, “三公经费”变动率 with its quotes.)
  it.each(STRUCTURED)("指标解释 beside 指标说明, points under each label (部门整体 指标体系表, %s)", async (format) => {
    const form = await firstForm("unknown-undated-department-scorecard", format);
    expect(form.indicators.map((i) => [i.name, i.weight])).toEqual([
      ["绩效目标合理性", 2], ["绩效指标明确性", 3], ["在职人员控制率", 3], ["“三公经费”变动率", 3], ["重点支出安排率", 4],
    ]);
    expect(form.indicators[0]!.scoringRule).toMatch(/^评价要点:\s*①是否符合国家法律法规/);
    expect(form.indicators[0]!.description).toMatch(/^部门\(单位\)所设立的整体绩效目标/);
  });

  // (潼南 五桂镇: 编制单位: | 813-潼南区五桂镇 | 单位:万元 — the unit of the amounts beside the agency that filed.)
  it.each(STRUCTURED)("a head naming the filing agency and the amounts' unit side by side (潼南 2023, %s)", async (format) => {
    const form = await firstForm("chongqing-2023-project-targets-2", format);
    expect([form.agency, form.moneyUnit]).toEqual(["813-潼南区五桂镇", "万元"]);
    expect(form.facts.find((f) => f.label === "单位")?.field).toBe("money_unit");
  });

  // (荣昌 2022: 其中:1.中央资金 | 2.市级资金 153.5184 | 3.区级资金 | 4.其他资金 under 年度资金总额: 153.5184.)
  it.each(STRUCTURED)("numbered money lines under the total (荣昌 2022, %s)", async (format) => {
    const form = await firstForm("chongqing-2022-project-targets", format);
    expect(form.funding.map((l) => [l.source, l.budget])).toEqual([
      ["年度资金总额", 153.5184], ["1.中央资金", null], ["2.市级资金", 153.5184], ["3.区级资金", null], ["4.其他资金", null],
    ]);
  });

  // (百色 2023: 项目资金(万元) over 合计 | 1800, then 一般公共预算拨款 merged down beside 小计 | 1800, 市本级 | 1800 and
  // 中央及自治区补助: its lines, named by it where their own words name no money.)
  it.each(STRUCTURED.filter((f) => f !== "text/web"))("a group of money lines under a label merged down beside them (百色 2023, %s)", async (format) => {
    const form = await firstForm("guangxi-2023-project-targets", format);
    expect(form.funding.map((l) => [l.source, l.sourceKind, l.budget])).toEqual([
      ["合计", "total", 1800], ["一般公共预算拨款小计", "fiscal", 1800], ["一般公共预算拨款市本级", "local", 1800], ["中央及自治区补助", "central", null],
      ["政府性基金预算拨款", "fiscal", null], ["国有资本经营预算拨款", "other", null], ["其他资金", "other", null],
    ]);
    // (The facts keep the labels as printed.)
    expect(form.facts.filter((f) => f.value === "1800").map((f) => f.label)).toEqual(["合计", "小计", "市本级"]);
  });

  // (广东 2021: 资金需求(万元) | 2021年金额 | 一般公共预算安排77300万元 — the block, the year's column, its amount; the
  // head names 资金名称 and 省级业务主管部门.)
  it.each(STRUCTURED)("a money label over the year's column and its amount among words (广东 2021, %s)", async (format) => {
    const form = await firstForm("guangdong-2021-project-targets", format);
    expect(form.funding.map((l) => [l.source, l.budget])).toEqual([["2021年金额", 77300]]);
    expect(form.facts.find((f) => f.label === "2021年金额")?.value).toBe("一般公共预算安排77300万元");
    expect([form.projectName, form.supervisor]).toEqual(["教育发展专项资金", "广东省教育厅"]);
  });

  // (陈仓 2021: 年度总体目标 | 目标:完成退耕还林政策任务… — the value opens by restating its label's end.)
  it.each(STRUCTURED)("a value that restates its label's end before a colon (陈仓 2021, %s)", async (format) => {
    const form = await firstForm("shaanxi-2021-transfer-targets", format);
    expect(form.facts.find((f) => f.label === "年度总体目标")?.value).toMatch(/^目标:完成退耕还林政策任务,/);
    expect(form.facts.some((f) => f.label === "目标")).toBe(false);
  });

  // (遂宁 经开区 2021: 预算执行情况(万元) merged down beside 转移支付预算数(A) | 5.8万 | 预算执行率(B/A) | 100% over
  // 转移支付执行数(B) | 5.8万, the rate merged down both rows; a line 填报类型:整体□ 区域√ 项目□ above the table.)
  it.each(STRUCTURED.filter((f) => f !== "text/web"))("a money block whose fields are stacked down its rows (遂宁 2021, %s)", async (format) => {
    const form = await firstForm("sichuan-2021-transfer-self-eval-4", format);
    expect(form.funding.map((l) => [l.source, l.budget, l.executed, l.executionRate])).toEqual([["预算执行情况(万元)", 5.8, 5.8, 1]]);
    expect(form.moneyUnit).toBe("万元");
    // (PDF text drops the spaces between the options.)
    expect(form.facts.find((f) => f.label === "填报类型")?.value.replace(/\s+/g, "")).toBe("整体□区域√项目□");
  });

  // (宜兴: 绩效目标设置情况 over 目标名称 | 目标值 | 评价指标 | 标准值, 绩效目标完成情况 over 目标完成值 | 评价指标值 | 权重分值
  // | 评分规则 | 得分; groups headed 三、产出目标 then 1.数量目标 on rows of their own.)
  it.each(STRUCTURED)("a target before its actual and a criterion's value after it; numbered group headings (宜兴, %s)", async (format) => {
    const form = await firstForm("jiangsu-undated-project-self-eval", format);
    const counted = form.indicators.find((i) => i.name === "居民电子健康档案建档数")!;
    expect([counted.level1, counted.level2, counted.targetText, counted.actualText, counted.weight, counted.score]).toEqual(["三、产出目标", "1.数量目标", "941250份", "1024410", 5, 5]);
    expect(counted.extra["评价指标值"]).toBe("81.74%");
    expect(form.indicators[0]!.targetText).toBe("6475");
  });

  // (黄马乡 2021: 分解目标 | 自评权重 | 二级指标 | 三级指标 …, 管理指标 | 30 merged down their group; the level-1 words
  // read as their canonical names, 管理, 效果.)
  it.each(STRUCTURED)("a level 1 headed by no level word, its points in the column after it (黄马乡 2021, %s)", async (format) => {
    const form = await firstForm("jiangxi-2021-department-self-eval", format);
    const first = form.indicators[0]!;
    expect([first.level1, first.level1Weight, first.level2, first.name]).toEqual(["管理", 30, "预算编审管理", "完整、准确率"]);
    expect(form.indicators.find((i) => i.name === "业务收入")).toMatchObject({ level1: "效果", level1Weight: 35, level2: "经济效益指标" });
  });

  // (宁德: 评价内容 over 产出目标 | 数量目标 | 绩效内容 | 绩效目标值 | 实际完成值 | 累计完成率, a report's table; no title,
  // no money, no points: the document's only form.)
  it.each(STRUCTURED.filter((f) => f !== "text/web"))("a target beside its outcome, the items under headers no entry names (宁德, %s)", async (format) => {
    const form = await firstForm("fujian-undated-project-self-eval", format);
    expect(form.kind).toBe("project_self_eval");
    expect(form.indicators.map((i) => [i.level1, i.level2, i.targetText, i.actualText])).toEqual([
      ["产出目标", "数量目标", ">=2个", "0个"], ["产出目标", "数量目标", ">=28次", "40次"], ["产出目标", "数量目标", ">=500人", "1700人"],
      ["产出目标", "质量目标", ">=95%", "98%"], ["产出目标", "质量目标", ">=100%", "100%"],
    ]);
    expect(form.indicators[1]!.extra["累计完成率"]).toBe("143%");
  });

  // (大庆 申报表, blank: 二级指标 | 三级指标 under 指标名称 over slots 1. 2. 3. ……, stored as numbers in a workbook, and the
  // footer 财政主管业务科 merged across the level columns: a grid is read, but no slot, group label or footer is an indicator.)
  it.each(["pdf/lo", "docx", "xlsx", "xls"] as RealFormat[])("a blank grid's slots and footer are no indicators (大庆, %s)", async (format) => {
    const form = await firstForm("heilongjiang-undated-project-targets", format);
    expect(form.indicators.map((i) => i.name)).toEqual([]);
  });

  // (炎陵 2017: 年初职工人数: 14 人,人员编制: 9 人 in one cell — two pairs, the second label no field's.)
  it.each(STRUCTURED)("two pairs in one cell, a comma between them (炎陵 2017, %s)", async (format) => {
    const form = await firstForm("hunan-2017-department-targets", format);
    const fact = (label: string) => form.facts.find((f) => f.label === label)?.value.replace(/\s+/g, "");
    expect([fact("年初职工人数"), fact("人员编制")]).toEqual(["14人", "9人"]);
  });

  // (南县 2025: 指标值类型 | 目标值 | 度量单位, a cost's target 定性 | 减少 with no unit; copied text drops the merged 成本指标.)
  it.each(STRUCTURED)("a qualitative target before an empty unit column (南县 2025, %s)", async (format) => {
    const form = await firstForm("hunan-2025-project-targets", format);
    expect(form.indicators.map((i) => [i.level2, i.targetText, i.unit])).toEqual([
      ["经济成本指标", "70", "万元"], ["社会成本指标", "减少", null], ["生态环境成本指标", "减", null],
    ]);
  });

  // (四川 普惠金融: 指标值 | 完成值 | 权重 | 得分 with 权重 printed 20%, 10%, 5% — the share of the hundred points — and
  // 得分合计 | 100 closing the grid.)
  // (Copied text prints 绩效目标完成情况 once, on the header's line, and each group's level on its first row only: a
  // row's cells are the header's last ones.)
  it.each(STRUCTURED)("weights printed as shares of the hundred points; 得分合计 is the total (四川 普惠金融, %s)", async (format) => {
    const form = await firstForm("sichuan-undated-transfer-self-eval", format);
    expect(form.indicators.map((i) => [i.targetText, i.actualText])[1]).toEqual(["≥90%", "98.70%"]);
    expect(form.indicators.map((i) => i.weight)).toEqual([20, 20, 10, 10, 10, 10, 10, 5, 5]);
    expect(form.indicators.map((i) => i.score)).toEqual([20, 20, 10, 10, 10, 10, 10, 5, 5]);
    expect(form.totalScore).toBe(100);
    // (No title: 省级主管部门 over 中央财政 | 省级财政 money makes it a transfer's form.)
    expect(form.kind).toBe("transfer_self_eval");
  });

  // (大通湖 2020 计分表: 三级指标 | 自评分 | 具体指标 | 评价标准 | 得分 — the level-3 header names the items, 具体指标
  // describes them; 自评分 holds the scores, 得分 is left blank for the reviewer.)
  it.each(STRUCTURED)("names under 三级指标 beside a 具体指标, scores under 自评分 beside a blank 得分 (大通湖 2020, %s)", async (format) => {
    const form = await firstForm("hunan-2020-project-scorecard", format);
    expect(form.kind).toBe("evaluation_scorecard");
    expect(form.indicators.slice(0, 2).map((i) => [i.name.replace(/\s+/g, ""), i.weight, i.score])).toEqual([["决策依据", 4, 4], ["决策程序", 4, 4]]);
    expect(form.indicators[0]!.description).toMatch(/^有关法律法规的明确规定/);
  });

  // (四川 普惠金融: 资金情况(万元) | 年度金额(提前下达): 208万元 … beside 资金使用情况(万元) | 合计: 109.8万元 …, the same lines.)
  it.each(STRUCTURED.filter((f) => f !== "text/web"))("the money and what was spent of it side by side: one line each (四川 普惠金融, %s)", async (format) => {
    const form = await firstForm("sichuan-undated-transfer-self-eval", format);
    expect(form.funding.map((l) => [l.source, l.budget, l.executed])).toEqual([["年度金额(提前下达)", 208, 109.8], ["中央财政", 165, 84.5], ["省级财政", 43, 25.3]]);
  });

  // (黄果树 2023 评价报告's 概要: 各级资金投入总数 | 246.37 | 抽查资金总数 | 246.37 | 资金抽查占比 | 100% — the money, then an
  // evaluation's sample of it and the sample's share.)
  it.each(STRUCTURED)("an evaluation's sample of the money is no money line (黄果树 2023, %s)", async (format) => {
    const form = await firstForm("guizhou-2023-evaluation-summary", format);
    expect(form.funding.map((l) => l.source)).toEqual(["各级资金投入总数", "区级财政资金拨付数"]);
    expect(form.facts.find((f) => f.label === "抽查资金总数")?.value).toBe("246.37");
  });

  // (陈仓 2021: its 指标值 left blank, a name wrapped with its bracket open, 上一轮退耕还林补助面积(万 over 亩).)
  it("pdftotext -layout: a name's line after an open bracket is that name's, no indicator (陈仓 2021)", async () => {
    const form = await firstForm("shaanxi-2021-transfer-targets", "text/pdftotext-layout");
    const names = form.indicators.map((i) => i.name);
    expect(names).toContain("上一轮退耕还林补助面积(万亩)");
    expect(names).not.toContain("亩)");
  });

  it("pdftotext -layout: a header wrapped over two rows and a label wrapped round its row (湖北 广水 2023 部门整体目标表)", async () => {
    const form = await firstForm("hubei-2023-department-targets", "text/pdftotext-layout");
    expect(form.agency).toBe("广水市教育局");
    const budgets = new Map(form.funding.map((l) => [l.source.replace(/^(收入|支出)构成/, ""), l.budget]));
    expect([budgets.get("财政拨款"), budgets.get("其他资金"), budgets.get("基本支出"), budgets.get("项目支出")]).toEqual([108292.73, 14348.77, 93199.91, 29441.59]);
  });

  // (Chromium's narrow columns: 部门(单位) | 广水市教育局 | 名称 read as one cell, no pair left but 填报日期.)
  it("pdftotext -layout of Chromium's PDF: a form under its family's title with its money block is kept, though no label names its department (湖北 广水 2023 部门整体目标表)", async () => {
    const form = await firstForm("hubei-2023-department-targets", "text/pdftotext-layout-chromium");
    expect([form.kind, form.title]).toEqual(["department_targets", "部门整体支出绩效目标申报表"]);
    const budgets = new Map(form.funding.map((l) => [l.source.replace(/^(部门总体|收入构成|支出构成|资金情况)+/, ""), l.budget]));
    expect([budgets.get("财政拨款"), budgets.get("基本支出")]).toEqual([108292.73, 93199.91]);
  });

  it("pdftotext -layout: two labels wrapped round their row's line, each beside its value (湖北 广水 2021 自评表: 项目主管单 | 项目实施单 / … / 位 | 位)", async () => {
    const form = await firstForm("hubei-2021-project-self-eval", "text/pdftotext-layout");
    const facts = new Map(form.facts.map((f) => [f.label, f.value]));
    expect([facts.get("项目主管单位"), facts.get("项目实施单位"), facts.get("项目负责人")]).toEqual(["广水市交通运输局", "广水市交通运输局", "孙章勇"]);
    expect(form.projectName).toBe("乡村道路建设养护项目");
  });

  // (执行率 (%) with its unit one space right of the word, over bare figures: 100 taken for a score beside a blank one;
  // and 项目资金 | (万元), the block label printed between its lines, no line of its own.)
  it.each(["text/pdftotext-layout", "text/pdftotext-layout-chromium"] as const)("%s: rates under 执行率 (percent) printed without their sign (巴彦淖尔 2024 自评表)", async (format) => {
    const form = await firstForm("neimenggu-2024-project-self-eval", format);
    expect(form.funding.map((l) => [l.source, l.executionRate, l.score])).toEqual([["年度资金总额", 1, 10], ["其中:财政拨款", 1, null], ["其他资金", 0, null]]);
  });

  // (项目资金(万元) wrapped down three lines beside the lines, 项目资 | 金(万 | 元), each piece before a line's label; and
  // 10 100% in one slot, the points and the rate one space apart, once read as a rate of 101.)
  it("pdftotext -layout of Chromium's PDF: lines beside the pieces of their block's label, figures one space apart (南华 自评表)", async () => {
    const form = await firstForm("yunnan-undated-project-self-eval", "text/pdftotext-layout-chromium");
    expect(form.funding.map((l) => [l.source, l.budget, l.executionRate, l.weight])).toEqual([
      ["年度资金总额", 1100, 1, 10], ["其中:当年财政拨款", 1100, 1, null], ["上年结转资金", null, null, null], ["其他资金", null, null, null]]);
  });

  // (总分 | 100 | 96 | 优 with the grade one space from the score: 96优 in one slot, no number, 100 taken for the score.)
  it("pdftotext -layout of Chromium's PDF: a total's score and grade run into one cell are both read (永德 2022 自评表)", async () => {
    const form = await firstForm("yunnan-2022-project-self-eval-2", "text/pdftotext-layout-chromium");
    expect([form.totalWeight, form.totalScore, form.grade]).toEqual([100, 96, "优"]);
  });

  it("pdftotext -layout: a name's lines round its row run into the next slot, a block label's unit tail beside it (湖南 衡山 2023 部门自评表)", async () => {
    const form = await firstForm("hunan-2023-department-self-eval", "text/pdftotext-layout");
    const total = form.funding.find((l) => l.source === "年度资金总额");
    expect([total?.initialBudget, total?.budget, total?.executed, total?.executionRate, total?.weight, total?.score]).toEqual([861.1, 2030.12, 2030.12, 1, 10, 10]);
    expect(form.moneyUnit).toBe("万元");
  });
});

describe("layouts of templates measured on arrival", () => {
  const GRIDS: RealFormat[] = ["pdf/lo", "pdf/chromium", "docx", "xlsx", "xls"];

  // 总体资金情况(万元) beside 预算支出 over 总额 | 基本支出 | 项目支出, each group over 合计 | 财政拨款 | 专户资金 | 单位资金.
  // (In web text, which prints each merged cell once and keeps no spans, too: the names' row repeats one run of
  // names once per group, and the amounts' row prints a cell under each.)
  it.each([...GRIDS, "text/web" as const])("money under groups of names, one row of amounts (四川 泸县 2024 部门整体目标表, %s): a line per column, named by its group", async (format) => {
    const form = await firstForm("sichuan-2024-department-targets", format);
    expect(form.funding.map((l) => [l.source, l.sourceKind, l.budget])).toEqual([
      ["总额", "total", 1695.55],
      ["基本支出 / 合计", "total", 1478.75], ["基本支出 / 财政拨款", "fiscal", 1478.75], ["基本支出 / 专户资金", "other", null], ["基本支出 / 单位资金", "own", null],
      ["项目支出 / 合计", "total", 216.8], ["项目支出 / 财政拨款", "fiscal", 216.8], ["项目支出 / 专户资金", "other", null], ["项目支出 / 单位资金", "own", null],
    ]);
    expect(form.moneyUnit).toBe("万元");
    // (任务名称 | 主要内容 heads the list of tasks: no name of a project.)
    expect(form.projectName).toBeNull();
    expect(form.facts.some((f) => f.label === "预算支出" || f.value === "预算支出")).toBe(false);
  });

  it.each([...GRIDS, "text/web" as const])("a list of tasks whose names hold a colon (泸县: 基本支出:人员类… | 保障部门…。, %s): each name whole, its description its value", async (format) => {
    const form = await firstForm("sichuan-2024-department-targets", format);
    const facts = new Map(form.facts.map((f) => [f.label.replace(/\s+/g, ""), f.value]));
    expect(facts.get("基本支出:人员类、公用经费等运转类支出")).toMatch(/^保障部门本级及下属单位人员类、公用经费等运转类支出。/);
    expect(facts.get("项目支出1:公共文化服务(群众文化)")).toMatch(/^组织县级非遗展演/);
    expect(facts.get("项目支出2:文旅融合")).toMatch(/^组织A级景区/);
  });

  it.each(STRUCTURED)("an untitled score sheet whose names' header carries the points (评价内容 | 评价指标(分值) | 指标说明 | 评分标准, %s)", async (format) => {
    const doc = normalizeDocument(await extractedFixture("unknown-undated-project-scorecard-2", format), { fileName: "x" });
    expect(doc.forms.map((f) => f.kind)).toEqual(["evaluation_scorecard"]);
    const form = doc.forms[0]!;
    // (The points printed in a name, 2.组织管理(6分), are its weight.)
    expect(form.indicators.map((i) => i.name)).toEqual(["1.可行性研究报告(项目申报书)", "2.组织管理", "3.项目档案", "4.建设内容完成量",
      "5.资金落实", "6.实际支出", "7.财务管理制度执行", "8.经济效益", "9.社会效益"]);
    expect(form.indicators.map((i) => i.weight)).toEqual([null, 6, 2, null, 10, 10, 10, 20, 15]);
    expect(form.indicators[1]).toMatchObject({ level1Weight: 8, description: "项目单位对项目的管理情况。" });
  });

  // (The stored page lost the 一 of 一级预算单位名称.)
  it.each([...GRIDS, "text/web" as const])("a budget unit's level is no part of its label's meaning (湖南 零陵 2021: 级预算单位名称, %s): the form's agency", async (format) => {
    const form = await firstForm("hunan-2021-department-self-eval", format);
    expect(form.agency).toBe("陵区林业局");
  });

  // 产出指标 | 指标1部门重点支出占部门整体支出的比例是15%: 指标2三公经费…增加公务接待费990元: … — no indicator grid.
  it.each([...GRIDS, "text/web" as const])("indicators numbered in one cell beside their level word (湖南 炎陵 2017 部门整体支出绩效目标申报表, %s)", async (format) => {
    const form = await firstForm("hunan-2017-department-targets", format);
    expect(form.indicators.map((i) => [i.level1, i.name, i.targetText])).toEqual([
      ["产出指标", "部门重点支出占部门整体支出的比例", "15%"],
      ["产出指标", "三公经费2017年比2016年增加公务接待费", "990元"],
      ["产出指标", "部门整体支出支付进度", "100%"],
      ["产出指标", "结转结余资金减少率", "100%"],
      ["产出指标", "部门预决算和三公经费预决算公开", "100%"],
      ["产出指标", "政府采购执行率", "100%"],
      ["产出指标", "重点工作办结率", "100%"],
      ["效益指标", "经济效益", "预计收费4000元"],
      ["效益指标", "社会效益", "工程建设有新亮点、交通产业有新突破、行业管理有新成效和交通队伍建设有新提高"],
      ["效益指标", "社会公众或服务对象满意度", "满意"],
    ]);
    // (The cells stay facts as printed too; 填报人: 联系电话: is two empty labels, not 填报人 = 联系.)
    const facts = new Map(form.facts.map((f) => [f.label, f.value]));
    expect(facts.get("产出指标")).toMatch(/^指标1部门重点支出/);
    expect([facts.get("填报人"), facts.get("联系电话")]).toEqual(["", ""]);
  });

  // 评价分值:88.64分评价等级:良 | 概要 | 评价机构全称(盖章):…单位:万元、类、个 over 项目名称 | … — the rows above the
  // header block, in the table or as lines of the sheet, are the form's; the evaluator's result makes it an evaluation's.
  it.each([...GRIDS, "text/web" as const])("an evaluation report's summary table (贵州 黄果树 2023 概要, %s): its result, unit and evaluator above the header block", async (format) => {
    const form = await firstForm("guizhou-2023-evaluation-summary", format);
    expect([form.kind, form.totalScore, form.grade, form.moneyUnit]).toEqual(["evaluation_scorecard", 88.64, "良", "万元"]);
    const facts = new Map(form.facts.map((f) => [f.label, f.value]));
    // (The unit's own 自评分值 100, 自评等级 优 are kept as printed beside it.)
    expect([facts.get("评价分值"), facts.get("评价等级"), facts.get("自评分值"), facts.get("自评等级")]).toEqual(["88.64分", "良", "100", "优"]);
  });

  // 评价内容 | 评价类别 | 评价指标 | 单位 | 分值 | 评分标准 | 完成量 | 目标值(年度/终期) | 得分 | 指标类型: three columns no
  // entry names before the values are the two levels and the names; 完成量 is what was reached.
  it.each(GRIDS)("a scorecard whose levels and names stand under words no entry names (国土综合整治 评价指标表, %s)", async (format) => {
    const form = await firstForm("unknown-undated-land-consolidation-scorecard", format);
    expect(form.indicators).toHaveLength(9);
    expect(form.indicators[0]).toMatchObject({ level1: "项目预算执行情况", level1Weight: 20, level2: "资金投入水平", name: "资金投入情况", unit: "万元", weight: 5, actualText: null });
    // (The points with a note on them, 目标完成情况(50分,附加分5分), weigh the level 50; 共性指标 stays under 指标类型.)
    expect(form.indicators[3]).toMatchObject({ level1: "目标完成情况", level1Weight: 50, level2: "生产空间优化", level2Weight: 10, name: "新增耕地面积", unit: "公顷" });
    expect(form.indicators.every((i) => i.extra["指标类型"] === "共性指标")).toBe(true);
  });

  it.each(GRIDS)("评价内容(标准): what is assessed and its scoring standard in one column (经济发展引导资金 评价指标表, %s)", async (format) => {
    const form = await firstForm("unknown-undated-guidance-fund-scorecard", format);
    const starts = ["海洋经济发展引导资金设立的依据", "海洋经济发展引导资金设立目标", "引导项目与XX市海洋经济", "项目投资计划完成率,100%:5分", "项目建设进度与计划的符合程度", "完全达到:5分;"];
    expect(form.indicators.map((i, k) => i.scoringRule?.startsWith(starts[k]!))).toEqual(starts.map(() => true));
    expect(form.indicators.map((i) => i.weight)).toEqual([3, 3, 4, 5, 5, 5]);
  });

  // 项目资金申请(万元) | 资金总额: 250 ⏎ 一、预算资金:250 ⏎ 二、自有资金:0 ⏎ 三、其他:0 — one cell (in a PDF, with no breaks).
  it.each(GRIDS)("the money's lines in one cell, a line each or run together (湘潭 2024 项目绩效目标表, %s)", async (format) => {
    const form = await firstForm("hunan-2024-project-targets", format);
    expect(form.funding.map((l) => [l.source, l.sourceKind, l.budget])).toEqual([["资金总额", "total", 250], ["预算资金", "fiscal", 250], ["自有资金", "own", 0], ["其他", "other", 0]]);
  });

  // 部门职能概述 | (一)负责…。(二)… after the 收入构成/支出构成 block: the next part, not a source of money.
  it.each(GRIDS)("a label and its prose after a money block are a fact, not a funding line (广水 2021 部门整体目标表, %s)", async (format) => {
    const form = await firstForm("hubei-2021-department-targets", format);
    expect(form.funding.map((l) => l.source)).toEqual(["财政拨款", "其他资金", "合计", "基本支出", "项目支出", "合计"]);
    expect(form.facts.find((f) => f.label === "部门职能概述")?.value).toMatch(/^\(一\)负责全市人民防空工作。/);
  });

  // 成本指标 | 指标1: | | | and 质量指标 | …… | | |: the template's slots for more indicators, left unfilled.
  it.each([...GRIDS, "text/web" as const])("an unfilled slot of the template is no indicator (安徽 2023 自评表s, %s)", async (format) => {
    for (const id of ["anhui-2023-department-self-eval", "anhui-2023-project-self-eval"]) {
      const form = await firstForm(id, format);
      expect(form.indicators.filter((i) => /^(?:…+|指标\d+:?)$/.test(i.name)), id).toEqual([]);
      expect(form.indicators.length, id).toBeGreaterThan(5);
    }
  });

  // 指标 | 指标权重 | 计量单位 | 指标性质 | 指标值 under 绩效指标, the levels printed in no column of their own.
  it("pdftotext -layout: 指标 alone heads the indicators (重庆 2023 目标审批表), and under another header it is that header's second line", async () => {
    const doc = normalizeDocument(await extractedFixture("chongqing-2023-project-targets-2", "text/pdftotext-layout"), { fileName: "x.txt" });
    // (指标值 80 beside 计量单位 人数 and 指标性质 ≥: the value, its unit and its comparison each in its column.)
    expect(doc.forms[0]!.indicators.slice(0, 5).map((i) => [i.name, i.targetValue, i.weight])).toEqual([["发放人数", 80, 20], ["是否按时足额发放", 95, 10],
      ["促进社会和谐", null, 20], ["保障收入", null, 20], ["保障权益", null, 20]]);
    expect(doc.forms[0]!.indicators[0]).toMatchObject({ unit: "人数", comparator: ">=" });
    // (山西 2020 in Chromium's -layout text: 一级 / 指标 | 年度 / 指标值 wrapped under 二级指标 | 三级指标 … is no header of its own.)
    const shanxi = normalizeDocument(await extractedFixture("shanxi-2020-project-self-eval", "text/pdftotext-layout-chromium"), { fileName: "x.txt" });
    expect(shanxi.forms[0]!.indicators.find((i) => i.name === "指标1:全县参合人数")).toMatchObject({ level1: "产出指标", level2: "数量指标" });
  });

  it("pdftotext -layout: two label and value pairs on one line, wide gaps between all four (新疆 乌恰 2021 申报表)", async () => {
    const form = await firstForm("xinjiang-2021-project-declaration", "text/pdftotext-layout");
    const facts = new Map(form.facts.map((f) => [f.label, f.value]));
    expect([facts.get("项目名称"), facts.get("项目负责人及联系电话"), facts.get("主管部门"), facts.get("实施单位")])
      .toEqual(["干渠防渗改造项目", "沈飞", "乌恰县水利局", "乌恰县农村供水站"]);
    expect(form.projectName).toBe("干渠防渗改造项目");
  });
});

describe("a titled form whose cells came in no rebuildable order", () => {
  // Plain pdftotext of the dense 广水 2021 自评表 pairs 项目名称 with 填报日期:… and 广水市交通运输局位 with 95:
  // nothing of it reads as money or indicators, but it is the form its title announces, with its labels.
  it("is kept under its title (湖北 广水 2021 自评表, plain pdftotext), not dropped", async () => {
    const doc = normalizeDocument(await extractedFixture("hubei-2021-project-self-eval", "text/pdftotext"), { fileName: "x.txt" });
    expect(doc.forms.map((f) => [f.kind, f.title])).toEqual([["project_self_eval", "广水市财政预算支出项目绩效目标自评表"]]);
    expect(doc.forms[0]!.facts.map((f) => f.label)).toEqual(expect.arrayContaining(["项目名称", "填报日期", "自评总分"]));
  });

  it("needs many labels: the same title over a blank head of the form is no form", () => {
    const lines = ["广水市财政预算支出项目绩效目标自评表", "单位领导审签:", "项目名称:", "填报日期:2022年8月10日", "自评总分:"];
    expect(normalizeDocument(parseExtractedText(lines.join("\n")), { fileName: "x.txt" }).forms).toEqual([]);
  });
});

describe("a money unit declared only in a line of the form's text", () => {
  // Plain pdftotext puts the money block's label on a line of its own, or runs it into a line's label: the block's
  // columns are gone, so no header declares the unit; the line does.
  it.each([
    ["anhui-2019-transfer-self-eval", "万元"], // 资金情况(万元) 年度资金总额:
    ["tianjin-2020-transfer-self-eval", "万元"],
    ["yunnan-2022-project-self-eval-2", "元"], // (元) under 其中:当年财政拨款
  ])("%s (plain pdftotext): %s", async (id, unit) => {
    const doc = normalizeDocument(await extractedFixture(id, "text/pdftotext"), { fileName: "x.txt" });
    expect(doc.forms.map((f) => f.moneyUnit)).toEqual([unit]);
  });

  // 永德 2022 in plain text: a line of 10 (the points, misplaced) beside 387664.62: no 元 budget too small to be one.
  it("is kept where one amount is small and another plausible in it (永德 2022 自评表, plain pdftotext)", async () => {
    const doc = normalizeDocument(await extractedFixture("yunnan-2022-project-self-eval-2", "text/pdftotext"), { fileName: "x.txt" });
    expect(doc.forms.map((f) => [f.moneyUnit, f.moneyUnitEffective])).toEqual([["元", "元"]]);
  });
});

describe("plain pdftotext: a funding line's label is a cell of its own", () => {
  // (区卫生健康局 | 年度资金总额 on the next line: the unit's name, then the block's first line, not one value; while
  // 其中:当年 | 财政拨款 is one label wrapped.)
  it("ends the value above it (龙泉驿 2021 申报表), and goes on after its qualifier (武汉 2020 目标表)", async () => {
    const declaration = normalizeDocument(await extractedFixture("sichuan-2021-project-declaration", "text/pdftotext"), { fileName: "x.txt" });
    expect(declaration.forms.map((f) => f.agency)).toEqual(["区卫生健康局"]);
    const targets = normalizeDocument(await extractedFixture("hubei-2020-project-targets", "text/pdftotext"), { fileName: "x.txt" });
    expect(targets.forms[0]!.facts.map((f) => f.label)).toContain("其中:当年财政拨款");
  });
});

describe("a report's table of indicators followed by its text (福鼎 人才驿站)", () => {
  // The report prints its table (评价内容 | 绩效内容 | 绩效目标值 | 实际完成值 | 累计完成率) and goes on in prose from the
  // page's left edge: (二)项目财务管理状况, then lines running across the table's columns. The prose is no row of the
  // table; 数量目标 and 质量目标, the groups under 产出目标, are levels as 数量指标 is.
  it.each(["text/pdftotext-layout", "text/pdftotext-layout-chromium"] as const)("%s: the table ends where the prose starts, and is the report's form", async (format) => {
    const doc = normalizeDocument(await extractedFixture("fujian-undated-project-self-eval", format), { fileName: "x.txt" });
    expect(doc.forms).toHaveLength(1);
    expect(doc.forms[0]!.indicators.map((i) => i.name)).toEqual(["当年获得宁德市级以上确认的人才驿站数量", "当年人才驿站组织活动数量", "每年人才驿站服务人次",
      "各类人才对我市人才政策的知晓率", "人才驿站补助资金到位率"]);
  });
  // (The copy's first row prints 产出目标 | 数量目标 under a header one cell short, 评价内容 spanning both: that group's
  // label is not read yet.)
  it("text/web: the groups named …目标 are the indicators' levels", async () => {
    const form = await firstForm("fujian-undated-project-self-eval", "text/web");
    expect(form.indicators.slice(3).map((i) => [i.level1, i.level2, i.name])).toEqual([
      ["产出目标", "质量目标", "各类人才对我市人才政策的知晓率"], ["产出目标", "质量目标", "人才驿站补助资金到位率"]]);
  });
});

describe("pdftotext -layout: a table's last row alone on the next page", () => {
  // (Not a page's running head, two cells and no figure, over the page's prose: 古昌镇's page 2 printed so instead.)
  it("is no running head at the next page's top", async () => {
    const text = readFileSync(new URL("../../../fixtures/real/text/chongqing-2022-project-targets.pdftotext-layout.txt", import.meta.url), "utf8");
    const pages = text.split("\f").filter((p) => p.trim() !== "");
    expect(pages.at(-1)).toMatch(/树木成活率/);
    const varied = [...pages.slice(0, -1), "潼南区古昌镇人民政府                     2022年部门预算公开\n项目资金按进度拨付,绩效目标按期完成。\n"].join("\f");
    const form = normalizeDocument(parseExtractedText(varied), { fileName: "x.txt" }).forms[0]!;
    expect(form.indicators.at(-1)!.name).toBe("购买发放李子苗");
  });

  // 古昌镇 2022 目标表: 质量指标 | 树木成活率 | % | ≥ | 85 is all page 2 prints, at the page's left edge; one line is no
  // table on its own, but after a page that ended inside the indicator table it is that table's next row.
  it("is read as the table's next row (重庆 古昌镇 2022 目标表)", async () => {
    const form = await firstForm("chongqing-2022-project-targets", "text/pdftotext-layout");
    expect(form.indicators.at(-1)).toMatchObject({ level2: "质量指标", name: "树木成活率", targetText: "85" });
  });

  // 江西 2021 部门自评表: page 2 holds 绿化、节能's row, its target's first line (绿化良好、水电费开支) above the row's line.
  it("is the next row when its wrapped cell's first line stands above it (江西 2021 部门自评表)", async () => {
    const form = await firstForm("jiangxi-2021-department-self-eval", "text/pdftotext-layout");
    const row = form.indicators.find((i) => i.name === "绿化、节能");
    expect(row).toMatchObject({ level2: "生态效益指标", weight: 10, score: 10 });
  });

  // 宁夏 2021 自评表: page 2 prints its one row narrower than page 1 (使学生和老师有个更 / 好的学习和工作环境, 10 … 8),
  // the name's first line above the row's first line of values, its last word closed by an ASCII comma.
  it("is read under the header at its own scale (宁夏 2021 自评表)", async () => {
    const form = await firstForm("ningxia-2021-project-self-eval", "text/pdftotext-layout");
    expect(form.indicators.filter((i) => i.level2 === "可持续影响指标").map((i) => [i.weight, i.score])).toContainEqual([10, 8]);
  });

  // 河北 2019 in Chromium's text: the satisfaction row alone on the last page, whose columns sit closer than the
  // page before's; mapped between the two pages' last columns of figures, its 10 | 10 are its points and score.
  it("is placed by the pages' columns of figures (河北 2019, Chromium's text)", async () => {
    const form = await firstForm("hebei-2019-project-self-eval", "text/pdftotext-layout-chromium");
    expect(form.indicators.find((i) => i.name === "指标1学生满意度")).toMatchObject({ weight: 10, score: 10 });
  });
});

// The blank 部门整体支出绩效评价指标体系表 in -layout text: no figure anchors its rows, but every name wraps and ends in
// its points (绩效目标 / 合理性 / (2)), so each name is a row, centred on its middle line.
it("pdftotext -layout: a scorecard's rows told by names that end in their points (部门整体 指标体系表)", async () => {
  const form = await firstForm("unknown-undated-department-scorecard", "text/pdftotext-layout");
  expect(form.indicators.map((i) => [i.level2, i.name, i.weight])).toEqual([
    ["目标设定", "绩效目标合理性", 2], ["目标设定", "绩效指标明确性", 3], ["预算配置", "在职人员控制率", 3],
    ["预算配置", "“三公经费”变动率", 3], ["预算配置", "重点支出安排率", 4],
  ]);
  expect(form.indicators[0]!.description).toMatch(/^部门\(单位\)所设立的整体绩效目标依据是否充分.*相符性情况。$/);
});

// Plain pdftotext prints these scorecards column by column: no row can be read, but the family's title over
// 一级指标 / 二级指标 / 三级指标 is a form, kept (extraction_partial says what is missing), not dropped.
it.each([
  ["unknown-2018-department-scorecard", "部门整体支出绩效评价指标表"],
  ["unknown-undated-department-scorecard", "部门整体支出绩效评价指标体系表"],
])("plain pdftotext: a scorecard's title over its level headers is a form, though no row reads (%s)", async (id, title) => {
  const forms = normalizeDocument(await extractedFixture(id, "text/pdftotext"), { fileName: `${id}.txt` }).forms;
  expect(forms.map((f) => [f.kind, f.title])).toEqual([["evaluation_scorecard", title]]);
});

// 湖南 2021 部门自评表: 造林补助 | 每亩 300 | 每亩 300 | 6 | 6 — a rate per unit is one value, not a name's end and
// a number one space after it.
it("pdftotext -layout: a rate per unit (每亩 300) is one value (湖南 2021 部门自评表)", async () => {
  const form = await firstForm("hunan-2021-department-self-eval", "text/pdftotext-layout");
  expect(form.indicators.find((i) => i.name === "造林补助")).toMatchObject({ targetText: "每亩300", actualText: "每亩300", weight: 6, score: 6 });
});

describe("pdftotext -layout: a table's last row of words, its cells wrapped round its line", () => {
  // No value anchors the last row: its name's lines stand above and below the line of its levels (陕西 2020:
  // 指标1:工程验收合格 / 质量指标 ≧% / 率; 天津 2023: 加大新冠病毒疫苗 … / 效益指标 社会效益指标 / 保障力度 …).
  it.each([
    ["shaanxi-2020-transfer-targets", ["质量指标", "指标1:工程验收合格率"]],
    ["tianjin-2023-project-targets", ["社会效益指标", "加大新冠病毒疫苗保障力度"]],
  ] as const)("is one row (%s)", async (id, last) => {
    const form = await firstForm(id, "text/pdftotext-layout");
    const row = form.indicators.at(-1)!;
    expect([row.level2, row.name]).toEqual(last);
  });
});

describe("pdftotext -layout: a name's last line between two rows, under an indicator header", () => {
  // (天津 2023: 持 ends 按政策给予贴息支 above it; the next row's name, 及时拨付资金, ends in a word of money, which made
  // the line read as the head of a money label.)
  it("ends the name above it (天津 2023 目标表)", async () => {
    const form = await firstForm("tianjin-2023-project-targets", "text/pdftotext-layout");
    expect(form.indicators.map((i) => i.name)).toEqual(expect.arrayContaining(["按政策给予贴息支持", "及时拨付资金"]));
  });
});

describe("pdftotext -layout: a satisfaction indicator named after its group", () => {
  // (湘潭 2024: 服务对象满意度指标 | 满意度 | 90%, the group's word over both level columns, then 满意度 where the name
  // stands: read as a second level word, the row had no name and was no indicator.)
  it("is an indicator named so (湘潭 2024 目标表)", async () => {
    const form = await firstForm("hunan-2024-project-targets", "text/pdftotext-layout");
    expect(form.indicators.at(-1)).toMatchObject({ name: "满意度", targetText: "90%" });
  });
});

describe("pdftotext -layout of Chromium's PDF: a money header's words wrapped over two lines", () => {
  // (廊坊 2019: 年初 | 全年 | 全年 over 预算数 | 预算数 | 执行数: 年初预算数 and 全年预算数 were both 预算数, one column
  // of budgets, and the line's first amount had no column to go to.)
  it("heads each column with both its words (廊坊 2019 自评表)", async () => {
    const form = await firstForm("hebei-2019-project-self-eval", "text/pdftotext-layout-chromium");
    const total = form.funding.find((l) => l.source === "年度资金总额");
    expect([total?.initialBudget, total?.budget, total?.executed, total?.weight, total?.score]).toEqual([43.2, 43.2, 37.24, 10, 9]);
  });
});

describe("pdftotext -layout of Chromium's PDF: a label one space from a coded name", () => {
  // (潼南 2023: 业务主管部门 813-潼南区五桂镇, the unit's code before its name one space after the label; the third
  // form, cut off after its header block, lost that pair and with it its place as a form.)
  it("is a label and its value (潼南 五桂镇 2023 目标表)", async () => {
    const doc = normalizeDocument(await extractedFixture("chongqing-2023-project-targets-2", "text/pdftotext-layout-chromium"), { fileName: "x.txt" });
    expect(doc.forms.map((f) => f.projectName)).toHaveLength(3);
    expect(doc.forms[2]!.facts.find((f) => f.label === "业务主管部门")?.value).toBe("813-潼南区五桂镇");
  });
});

describe("web text: a two-row header whose second row names the items' columns", () => {
  // (引导资金 评价指标表: 基本指标 | 具体指标 | 评价内容(标准) | 评分 over 一级指标 | 二级指标 | 三级指标, copied without
  // spans. 基本指标 spans the two levels, 具体指标 the third: the criteria fell one column left, under 三级指标.)
  it("places each group over its own columns, the criteria under 评价内容(标准)", async () => {
    const form = await firstForm("unknown-undated-guidance-fund-scorecard", "text/web");
    expect(form.indicators.length).toBeGreaterThan(3);
    expect(form.indicators.every((i) => i.scoringRule !== null && /分/.test(i.scoringRule))).toBe(true);
    expect(form.indicators[0]).toMatchObject({ level1: "业务指标", level2: "目标设定情况", name: "依据的充分性", weight: 3 });
  });
});

describe("pdftotext -layout of Chromium's PDF: a line's label inside the block label wrapped round it", () => {
  // (龙泉驿 2021 申报表: 项目资金(万 over the line, 元) after it, 3、国有资本经营预算 between: one chunk, taken for a total
  // named 项目资金(万3、国有资本经营预算元) and a false funding_identity warning.)
  it("is the line's label alone (龙泉驿 2021 申报表)", async () => {
    const form = await firstForm("sichuan-2021-project-declaration", "text/pdftotext-layout-chromium");
    const sources = form.funding.map((l) => l.source);
    expect(sources).toContain("3、国有资本经营预算");
    expect(sources.filter((s) => /万/.test(s))).toEqual([]);
  });
});
