/**
 * The same real forms printed the way other templates print them, read from
 * each fixture's DOCX grid as printed and as varied; both must give the same
 * forms, funding lines and indicators.
 * - Merged cells written out: spreadsheets exported by budget systems (and
 *   workbooks unmerged with fill-down) print a merged label — 项目资金（万元）,
 *   绩效指标, 产出指标, a project's 单位名称/项目名称/预算数 — on every row it covered.
 * - Labels with a colon: 产出指标：, 数量指标：, 项目名称： in the first column.
 * - Digits typed full-width: １００００万元, ９５．５％, （４３３００１）.
 * - Other words for the same column or fact: 项目全称, 归口管理部门, 实际完成情况 (in an indicator
 *   grid), 决算数, 年初批复数; and a header cell merged down its header's rows written out on each.
 * - A blank margin column; the lines above a table printed as its first rows; words wrapped inside their
 *   cells; a table cut in two by a page break, with or without the grid's header repeated; a 序号 column.
 * - No title: a sheet holding only the table, its first row naming the unit or
 *   project (部门 | 金寨县…, 部门（单位）名称 | …). The form is found by its parts, and
 *   its family by what they hold (nothing achieved: a target form).
 */
import { describe, expect, it } from "vitest";
import type { ExtractedDocument } from "@jixiao/extract";
import { normalizeDocument, type Form } from "@jixiao/normalize";
import { keyOf } from "../src/text-key.ts";
import { extractedFixture } from "./fixture-documents.ts";
import { listRealFixtures, readExpectation } from "./real-forms.ts";
import { colonLabels, cutAtPageBreak, eachTable, gridApart, headerWrittenOut, levelsLeftOut, linesInTable, marginColumn, numberedRows, pairsOnePerRow, repeatedHeaderAtBreak, scoreSlotNamed, tablesOnly, wideDigits, wordsOf, wrappedInCells, writtenOut } from "./grid-variations.ts";

// Header and label words other templates print for the same columns and facts: 项目全称 for 项目名称, 归口管理部门
// for 主管部门, 实际完成情况 for 实际完成值, 决算数 for 全年执行数, 年初批复数 for 年初预算数.
const OTHER_WORDS: [string, string][] = [
  ["项目名称", "项目全称"], ["主管部门", "归口管理部门"], ["实际完成值", "实际完成情况"], ["全年执行数", "决算数"], ["年初预算数", "年初批复数"],
];
const otherWords = wordsOf(OTHER_WORDS);
// And more: 项目(政策)名称, 自评分值 (points given, not points out of: 分值 ends it), 实际完成数, 合计(总分).
const moreOtherWords = wordsOf([["项目名称", "项目(政策)名称"], ["得分", "自评分值"], ["实际完成值", "实际完成数"], ["总分", "合计(总分)"]]);

const summary = (forms: Form[]) => forms.map((f) => ({
  kind: f.kind,
  project: f.projectName ?? f.agency,
  agency: f.agency,
  total: f.totalScore,
  unit: f.moneyUnit,
  funding: f.funding.map((l) => [l.source, l.budget, l.executed]),
  indicators: f.indicators.map((i) => [i.level1, i.level2, i.name, i.targetText, i.actualText, i.weight, i.score]),
}));

const CASES: [string, string, (doc: ExtractedDocument) => ExtractedDocument][] = [
  // 廊坊 2019: 项目资金（万元） beside each funding line.
  ["hebei-2019-project-self-eval", "merged cells written out", writtenOut],
  // 金寨 2023: 预算资金（万元） and 绩效指标 beside their lines.
  ["anhui-2023-department-self-eval", "merged cells written out", writtenOut],
  // 井研 2023: each project's 单位名称 | 项目名称 | 预算数 | 年度目标 on every indicator row.
  ["sichuan-2023-project-declaration", "merged cells written out", writtenOut],
  // 永德 2022, 银川 2021: funding block and level labels.
  ["yunnan-2022-project-self-eval-2", "merged cells written out", writtenOut],
  ["ningxia-2021-project-self-eval", "merged cells written out", writtenOut],
  // 岳阳 2021: 年度预算申请(万元) beside each line of label:value pairs (其中: 一般公共预算:1873.66万元 | 其中:基本支出:…).
  ["hunan-2021-department-self-eval", "merged cells written out", writtenOut],
  // 鄂州 2022: a two-level grid whose first column holds 数量指标, 质量指标 ….
  ["hubei-2022-project-targets", "first column's labels ending in a colon", colonLabels],
  // 廊坊 2019, 宁德 2019: level 1 labels, header-block labels.
  ["hebei-2019-project-self-eval", "first column's labels ending in a colon", colonLabels],
  ["fujian-2019-department-targets", "first column's labels ending in a colon", colonLabels],
  // 岳阳 2016: 省财政： | 170 | 省财政 | 170 … — one source in its columns of pairs, the first label with a colon.
  ["hunan-2016-project-self-eval", "first column's labels ending in a colon", colonLabels],
  // 宁乡 2021: 财政拨款:6923.3552万元(其中:…) in one cell; 乌海 2021: (433001)乌海市…; 银川 2021: 自评得分 | 98.
  ["hunan-2021-project-targets", "digits typed full-width", wideDigits],
  ["neimenggu-2021-project-targets", "digits typed full-width", wideDigits],
  ["ningxia-2021-project-self-eval", "digits typed full-width", wideDigits],
  // 金寨 2023 部门整体支出绩效自评表, 宁德 2019 部门整体支出绩效目标表, 鄂州 2022 项目支出绩效目标表.
  ["anhui-2023-department-self-eval", "title and the lines around the table left out", tablesOnly],
  ["fujian-2019-department-targets", "title and the lines around the table left out", tablesOnly],
  ["hubei-2022-project-targets", "title and the lines around the table left out", tablesOnly],
  // 重庆 2021 部门整体绩效自评表: its table opens with 主管部门 | … | 自评总分(分) | 97.6, then the money block and the grid.
  ["chongqing-2021-department-self-eval-2", "title and the lines around the table left out", tablesOnly],
  // 海南 评分表: 项目实施单位 | 省商务厅服务贸易和商贸服务业处 | 主管部门 | … first.
  ["hainan-undated-project-scorecard", "title and the lines around the table left out", tablesOnly],
  // 池州 2022 (项目名称, 实际完成值, 全年执行数), 重庆 2021 (主管部门, 年初预算数), 襄阳 2019 监控表 (年初预算数).
  ["anhui-2022-project-self-eval", "header and label words of other templates", otherWords],
  ["chongqing-2021-department-self-eval-2", "header and label words of other templates", otherWords],
  ["hubei-2019-project-monitoring", "header and label words of other templates", otherWords],
  // 池州 2022 (项目名称, 得分, 实际完成值), 井研 2023 (项目名称 heading a column), 襄阳 2022 (总分 | 91.1).
  ["anhui-2022-project-self-eval", "more header and label words of other templates", moreOtherWords],
  ["sichuan-2023-project-declaration", "more header and label words of other templates", moreOtherWords],
  ["hubei-2022-project-self-eval", "more header and label words of other templates", moreOtherWords],
  // 龙岩 2023: 一级指标 | 二级指标 | 三级指标 | 指标解释 merged down beside the regions under 区域目标值.
  ["fujian-2023-transfer-targets", "merged cells written out", writtenOut],
  // 鄂州 2022: 项目预算成本构成 merged down beside its cost lines.
  ["hubei-2022-project-targets", "merged cells written out", writtenOut],
  // 彭水 2024: a checklist whose item (项目预算管理 | 资金投入 | 预算资金安排 | 指标解释) is merged down beside its budget pairs, and
  // 需提供的支撑材料 beside them: written out, every line prints the item and the material again.
  ["chongqing-2024-transfer-self-eval", "merged cells written out", writtenOut],
  // 安居 2021: 预算执行情况 merged down beside 其中:中央补助 | 2.38 万元 | 其中:中央补助 | 2.38万元.
  ["sichuan-2021-transfer-self-eval-3", "merged cells written out", writtenOut],
  // 武汉青山 2020: 考核指标 merged down beside 一级指标 | 二级指标 | 指标内容 | 指标值, as 绩效指标 is.
  ["hubei-2020-project-targets-2", "block label 考核指标 for 绩效指标", wordsOf([["绩效指标", "考核指标"]])],
  // 彭水 2024: 指标解释, 记录's 自评内容/完成情况 and 需提供的支撑材料 beside 一级指标 | … over 名称 | 名称 | 名称.
  ["chongqing-2024-transfer-self-eval", "header cells written out on each header row", headerWrittenOut],
  // 四川 普惠金融: 资金情况(万元) and 资金使用情况(万元) beside their pairs (中央财政 | 165万元 | 中央财政 | 84.5万元), each
  // written out on every row: still the amounts and what was spent of each, one line per source.
  ["sichuan-undated-transfer-self-eval", "merged cells written out", writtenOut],
  // 海南 2018: 指标类型 | 绩效指标 | 绩效目标 written out beside 优 | 良 | 中 | 差 under 绩效标准.
  ["hainan-2018-project-targets", "merged cells written out", writtenOut],
  // 海南 2018: its title 项目绩效目标表： and 产出指标：, 成效指标： printed as labels; 四川 2022: 区域绩效目标表：.
  ["hainan-2018-project-targets", "first column's labels ending in a colon", colonLabels],
  ["sichuan-2022-transfer-targets", "first column's labels ending in a colon", colonLabels],
  // 扶持项目 评价表: 合计： closing the header block's table of spending lines, no total of the form's.
  ["unknown-undated-project-scorecard", "first column's labels ending in a colon", colonLabels],
  // 泉州 2022: 资金情况(万元)： before its pairs 资金总额 | 100 | 其中:财政拨款 | 100; 大足 2021: names printed as labels.
  ["fujian-2022-transfer-targets", "first column's labels ending in a colon", colonLabels],
  ["chongqing-2021-department-self-eval", "first column's labels ending in a colon", colonLabels],
  ["unknown-2017-project-targets", "first column's labels ending in a colon", colonLabels],
  // The names headed by the bare word 指标: under 评价指标 beside 一级指标 | 二级指标 (安徽 营养改善计划), alone before
  // 年度目标值 | 实施周期目标值 (广东 2021), after 分解目标 | 自评权重 | 二级指标 (蚕茶 2021), in a table of projects (井研 2023).
  ["anhui-undated-project-scorecard", "names headed 指标", wordsOf([["三级指标", "指标"]])],
  ["guangdong-2021-project-targets", "names headed 指标", wordsOf([["三级指标", "指标"]])],
  ["jiangxi-2021-department-self-eval", "names headed 指标", wordsOf([["三级指标", "指标"]])],
  ["sichuan-2023-project-declaration", "names headed 指标", wordsOf([["三级指标", "指标"]])],
  // 海南 2018: the items under the block's other words, 考核指标 and 绩效指标体系.
  ["hainan-2018-project-targets", "items headed 考核指标", wordsOf([["绩效指标", "考核指标"]])],
  ["hainan-2018-project-targets", "items headed 绩效指标体系", wordsOf([["绩效指标", "绩效指标体系"]])],
  // 福鼎 人才驿站: 评价内容 | 绩效内容 | 绩效目标值 | 实际完成情况 | 累计完成率.
  ["fujian-undated-project-self-eval", "achieved values headed 实际完成情况", wordsOf([["实际完成值", "实际完成情况"]])],
  // 泸县 2024: a money block of groups of names over one row of amounts, after a blank margin column.
  ["sichuan-2024-department-targets", "blank margin column", marginColumn],
  ["hubei-2022-project-targets", "blank margin column", marginColumn],
  // 原州区 2022: 项目总得分99分 in the table's caption rows; 2017 食品药品: 项目名称: … 单位:万元 in one caption cell.
  ["ningxia-2022-transfer-self-eval", "lines above the table moved into it", linesInTable],
  ["unknown-2017-project-targets", "lines above the table moved into it", linesInTable],
  ["hunan-2023-project-targets", "lines above the table moved into it", linesInTable],
  // 广东 2021 新建高校(校区), 屏山 2022 及时(按期)完工率: names wrapped at a bracket in a narrow cell.
  ["guangdong-2021-project-targets", "words wrapped in their cells", wrappedInCells],
  ["sichuan-2022-project-self-eval", "words wrapped in their cells", wrappedInCells],
  // 银川 2021, 鄂州 2022, 重庆 2021: long tables cut by a page break, the header not repeated.
  ["ningxia-2021-project-self-eval", "tables cut by a page break", cutAtPageBreak],
  ["hubei-2022-project-targets", "tables cut by a page break", cutAtPageBreak],
  ["chongqing-2021-department-self-eval-2", "tables cut by a page break", cutAtPageBreak],
  // 四川 评分表 (blank scores), 永德 2022 (two header rows): the grid's header printed again after the page break.
  ["sichuan-undated-scorecard", "grid header repeated after a page break", repeatedHeaderAtBreak],
  ["yunnan-2022-project-self-eval-2", "grid header repeated after a page break", repeatedHeaderAtBreak],
  ["hubei-2022-project-self-eval", "grid header repeated after a page break", repeatedHeaderAtBreak],
  // 宁德 2019 部门整体支出绩效目标表: 年度履职目标 merged across the new 序号 column over its list of spending items,
  // then 序号 | 一级指标 | …; 稷山 2020, 永德 2022: numbered indicator rows above an unnumbered 总分.
  ["fujian-2019-department-targets", "a 序号 column before the indicator grid", numberedRows],
  ["shanxi-2020-project-self-eval", "a 序号 column before the indicator grid", numberedRows],
  ["yunnan-2022-project-self-eval-2", "a 序号 column before the indicator grid", numberedRows],
  // 银川 2021, 池州 2022: the header block and money in one table, the indicator grid in the next.
  ["ningxia-2021-project-self-eval", "indicator grid in a table of its own", gridApart],
  ["anhui-2022-project-self-eval", "indicator grid in a table of its own", gridApart],
  // 嘉峪关 2023 (four rows of pairs), 黄果树 2023 概要 (thirteen), 忠县 2024: 主管部门 | … | 实施单位 | … printed one pair a row.
  ["gansu-2023-project-targets", "header block's pairs one a row", pairsOnePerRow],
  ["guizhou-2023-evaluation-summary", "header block's pairs one a row", pairsOnePerRow],
  ["chongqing-2024-department-self-eval", "header block's pairs one a row", pairsOnePerRow],
];

// A grid that lists its indicators under their names alone, 三级指标 | 指标值 | … with no level columns (岳阳 2022 申报表,
// 阿克苏 2021 目标表, 泉州 2022 区域目标表 with its regions' columns, a 2017 部门整体 score sheet): the same rows, levels aside.
describe.each(["hunan-2022-project-targets", "xinjiang-2021-project-targets", "fujian-2022-transfer-targets", "unknown-2017-department-scorecard-2"])("%s without its level columns", (id) => {
  it("reads the same indicators, their values and points", async () => {
    const doc = await extractedFixture(id, "docx");
    const rows = (forms: Form[]) => forms.map((f) => ({ kind: f.kind, indicators: f.indicators.map((i) => [i.name, i.targetText, i.actualText, i.weight, i.score]) }));
    const printed = rows(normalizeDocument(doc).forms);
    expect(printed.flatMap((f) => f.indicators).length).toBeGreaterThan(0);
    expect(rows(normalizeDocument(levelsLeftOut(doc)).forms)).toEqual(printed);
  });
});

// 产出目标 and 效益目标, the levels named by what they aim at (海南 2018's 产出指标 | 成效指标, 炎陵 2017's 产出指标 | 效益指标):
// the same rows, each still under its level.
describe.each([
  ["hainan-2018-project-targets", "产出指标", "产出目标"], ["hunan-2017-department-targets", "产出指标", "产出目标"], ["hunan-2017-department-targets", "效益指标", "效益目标"],
])("%s with %s printed as %s", (id, from, to) => {
  it("reads the same indicators, each under its level", async () => {
    const doc = await extractedFixture(id, "docx");
    const rows = (forms: Form[]) => forms.flatMap((f) => f.indicators.map((i) => [i.level1 === null ? null : i.level1 === from || i.level1 === to ? "that level" : i.level1, i.name, i.targetText]));
    const printed = rows(normalizeDocument(doc).forms);
    expect(printed.some(([level]) => level === "that level")).toBe(true);
    expect(rows(normalizeDocument(wordsOf([[from, to]])(doc)).forms)).toEqual(printed);
  });
});

// 濮阳 2021, 江西 2023, 陕西 2023: a money block label (项目资金（万元）) merged down beside 总计 | 24.998, the total's
// other word, where these forms print 年度资金总额. Under such a label the bare total word is the money's total line
// (not the form's total score, nor a fact only).
describe.each(["henan-2021-project-targets", "jiangxi-2023-transfer-targets", "shaanxi-2023-transfer-targets"])("%s with its money total named 总计", (id) => {
  it("reads the same money lines, the total under its printed word", async () => {
    const doc = await extractedFixture(id, "docx");
    const lines = (forms: Form[]) => forms.flatMap((f) => f.funding.map((l) => [l.sourceKind, l.budget, l.executed]));
    const printed = normalizeDocument(doc).forms;
    const varied = normalizeDocument(wordsOf([["年度资金总额", "总计"]])(doc)).forms;
    expect(lines(printed).some(([kind]) => kind === "total")).toBe(true);
    expect(lines(varied)).toEqual(lines(printed));
    expect(varied.flatMap((f) => f.funding.filter((l) => l.sourceKind === "total").map((l) => l.source))).toContain("总计");
  });
});

// Still other words for a column: 权重值 for 分值 (points), 评分依据 for 评分标准 (the rule), 指标口径 for 指标解释 (what an
// indicator means): the same points, rules and explanations under each.
describe.each([
  ["anhui-2019-transfer-self-eval", "分值", "权重值", (i: Form["indicators"][number]) => i.weight],
  ["anhui-2022-project-self-eval", "分值", "权重值", (i: Form["indicators"][number]) => i.weight],
  ["hunan-undated-department-scorecard", "评分标准", "评分依据", (i: Form["indicators"][number]) => i.scoringRule],
  ["chongqing-2024-transfer-self-eval", "指标解释", "指标口径", (i: Form["indicators"][number]) => i.description],
] as const)("%s with its %s column headed %s", (id, from, to, value) => {
  it("reads the same values under it", async () => {
    const doc = await extractedFixture(id, "docx");
    const values = (forms: Form[]) => forms.flatMap((f) => f.indicators.map((i) => [i.name, value(i)]));
    const printed = values(normalizeDocument(doc).forms);
    expect(printed.filter(([, v]) => v !== null).length).toBeGreaterThan(1);
    expect(values(normalizeDocument(wordsOf([[from, to]])(doc)).forms)).toEqual(printed);
  });
});

// 上海 2022, 四川 2022: the total row naming its score's slot, 总分 | 100 | 得分 | 98.62 (as 吉林's 评价指标体系 pages print
// it): the same total and points; the slot left blank (总分 | 100 | 得分 | ), a template not yet scored: points, no score.
describe.each(["shanghai-2022-project-self-eval", "sichuan-2022-project-self-eval"])("%s with its total's score slot named", (id) => {
  const totals = (forms: Form[]) => forms.map((f) => [f.totalWeight, f.totalScore]);
  it("reads the same points and total score", async () => {
    const doc = await extractedFixture(id, "docx");
    const printed = totals(normalizeDocument(doc).forms);
    expect(printed).toEqual([[100, expect.any(Number)]]);
    expect(totals(normalizeDocument(scoreSlotNamed(false)(doc)).forms)).toEqual(printed);
  });
  it("reads a blank slot as a total not yet scored", async () => {
    const doc = await extractedFixture(id, "docx");
    expect(totals(normalizeDocument(scoreSlotNamed(true)(doc)).forms)).toEqual([[100, null]]);
  });
});

describe.each(CASES)("%s with its %s", (id, _variant, vary) => {
  it("reads the same forms, funding lines and indicators as printed", async () => {
    const doc = await extractedFixture(id, "docx");
    const printed = summary(normalizeDocument(doc).forms);
    expect(printed.length).toBeGreaterThan(0);
    expect(summary(normalizeDocument(vary(doc)).forms)).toEqual(printed);
  });
});

// 平山 2023 部门整体支出绩效自评表 without its title and 填报单位 line: its table opens with the money block
// (预算安排情况(调整后) | 资金执行情况 | 预算执行率 over 预算数： | 95 | 执行数： | 82.65 | 87%), then the indicator grid.
// Money and grid in one table are one form, its money the block's; the family, no longer named, is read from the grid.
it("a money block and an indicator grid in one table with no title are one form with that money", async () => {
  const doc = await extractedFixture("hebei-2023-department-self-eval", "docx");
  const printed = summary(normalizeDocument(doc).forms);
  const varied = summary(normalizeDocument(tablesOnly(doc)).forms);
  expect(varied).toHaveLength(1);
  expect(varied[0]!.funding).toEqual(printed[0]!.funding);
  expect(varied[0]!.funding[0]).toEqual(["预算数", 95, 82.65]);
  expect(varied[0]!.indicators).toEqual(printed[0]!.indicators);
});

// The budget and final-accounts publications (negative fixtures), their titles left out too:
// their tables (收入支出决算总表, 三公经费 …) name units and amounts, never a form.
describe.each(listRealFixtures().filter((id) => readExpectation(id).forms.length === 0))("%s with its titles left out", (id) => {
  it("yields no form", async () => {
    const doc = normalizeDocument(tablesOnly(await extractedFixture(id, "docx")));
    expect(doc.forms.map((f) => `${f.kind} ${f.projectName ?? f.agency ?? ""}`)).toEqual([]);
  });
});

// A money line printed under other words keeps its place, its amounts and the kind of money it is:
// 项目资金总额 is the whole (项目资金 alone heads the block), 其他来源资金 and 自筹资金 are lines even when left blank,
// 财政性资金 is public money, 自治区补助 the region's (a province's) share; pairs side by side name one source each.
const MONEY_WORDS: [string, string, string, string][] = [
  // 廊坊 2019: 项目资金(万元) | 年度资金总额 | 43.2 | 37.24 ….
  ["hebei-2019-project-self-eval", "年度资金总额", "项目资金总额", "total"],
  // 龙岩 2023 区域目标表: 其他资金 | (blank) under 资金总额： | 30.
  ["fujian-2023-transfer-targets", "其他资金", "其他来源资金", "other"],
  ["anhui-2022-project-self-eval", "其他资金", "自筹资金", "own"],
  ["anhui-2022-project-self-eval", "其他资金", "社会资金", "other"],
  // 金寨 2023: 其中：当年财政拨款 | 329.77 | 338.31.
  ["anhui-2023-department-self-eval", "其中:当年财政拨款", "其中:财政性资金", "fiscal"],
  // 嘉峪关 2023: 项目总投资 | 20万元 | 中央补助安排 | 0 | 省级财政安排 | 0 | 其他资金 | 20万元.
  ["gansu-2023-project-targets", "其他资金", "其他来源资金", "other"],
  // 池州 2022, 阿克苏 2021: 上年结转资金 printed as what is left from years before.
  ["anhui-2022-project-self-eval", "上年结转资金", "上年结余资金", "carryover"],
  ["xinjiang-2021-project-targets", "上年结转资金", "以前年度结余", "carryover"],
  // 原州区 2022: 年度资金总额 | 300 under 全年预算数(A), printed with a colon as other templates do.
  ["ningxia-2022-transfer-self-eval", "年度资金总额", "年度资金总额:", "total"],
  // 原州区 2022: 其中 | 自治区补助 | 300万元 | 259.45万元, as printed.
  ["ningxia-2022-transfer-self-eval", "自治区补助", "自治区补助", "superior"],
];

describe.each(MONEY_WORDS)("%s with %s printed as %s", (id, from, to, kind) => {
  it("reads the same money lines, that one as the same kind of money", async () => {
    const doc = await extractedFixture(id, "docx");
    const renamed = eachTable((t) => ({ ...t, cells: t.cells.map((c) => (keyOf(c.text) === keyOf(from) ? { ...c, text: to } : c)) }))(doc);
    const lines = (d: ExtractedDocument) => normalizeDocument(d).forms.flatMap((f) => f.funding.map((l) => ({ source: l.source, kind: l.sourceKind, amounts: [l.budget, l.executed] })));
    const printed = lines(doc);
    const varied = lines(renamed);
    const bare = (t: string) => keyOf(t).replace(/^其中:/, "").replace(/:$/, "");
    const at = printed.findIndex((l) => bare(l.source) === bare(from));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(varied.map((l) => l.amounts)).toEqual(printed.map((l) => l.amounts));
    expect(varied.map((l, i) => (i === at ? null : l.kind))).toEqual(printed.map((l, i) => (i === at ? null : l.kind)));
    expect(bare(varied[at]!.source)).toBe(bare(to));
    expect(varied[at]!.kind).toBe(kind);
  });
});
