/**
 * Recognising the national families by meaning: titles, labels and headers as
 * real templates print them (the strings below are from fixtures/real and the
 * seeds), and what must not be read as a form.
 */
import { describe, expect, it } from "vitest";
import { headerField, titleKind } from "@jixiao/normalize";
import { factKeyOf, isOtherTableTitle, level2Of } from "../src/vocab.ts";
import { labelValuePairs, isLabelShaped, statedAmount } from "../src/facts.ts";
import { factFromLine } from "../src/draft.ts";
import { enumeratedItems } from "../src/enumerated-indicators.ts";
import { comparatorFromValueType } from "../src/values.ts";
import { isPlaceName, monthsToDate } from "../src/headers.ts";
import { yearOfPath } from "../src/year.ts";

const cells = (...texts: string[]) => texts.map((text, col) => ({ col, colSpan: 1, text }));

describe("titles name their family whatever the template puts around them", () => {
  it.each([
    ["医疗救助补助资金转移支付项目绩效目标自评表", "transfer_self_eval"],
    ["中央对地方转移支付区域绩效自评表", "transfer_self_eval"],
    ["生猪(牛羊)调出大县奖励资金区域绩效目标表", "transfer_targets"],
    ["2023年中央粮油生产保障资金绩效目标表", "transfer_targets"],
    ["黄石市项目支出绩效监控表(申遗)", "project_monitoring"],
    ["部门整体支出绩效运行监控表", "department_monitoring"],
    ["2023年项目支出绩效目标申报表", "project_targets"],
    ["附件4：部门整体支出绩效目标表", "department_targets"],
    ["项目支出绩效评价指标体系评分表", "evaluation_scorecard"],
    ["上级项目支出绩效自评表", "project_self_eval"],
    // A government page's metadata line naming the document (原州区 2022): 标 题: before the title.
    ["标 题: 项目支出绩效目标申报表", "project_targets"],
  ])("%s → %s", (title, kind) => expect(titleKind(title)).toBe(kind));

  it("reads no budget publication's table title as a form, and sees it as another table", () => {
    for (const t of ["收入支出决算总表", "一般公共预算财政拨款支出决算表", "“三公”经费支出决算表", "部门预算收支总表"]) {
      expect(titleKind(t)).toBeNull();
      expect(isOtherTableTitle(t)).toBe(true);
    }
  });

  it("keeps a form's own sub-table titles inside the form", () => {
    expect(isOtherTableTitle("绩效项目指标表")).toBe(false);
    expect(titleKind("我单位填报了项目支出绩效自评表，详见附件。")).toBeNull();
  });
});

describe("labels by what they end with", () => {
  it.each([
    ["转移支付(项目)名称", "projectName"],
    ["项目支出名称", "projectName"],
    ["专项(项目)名称", "projectName"],
    ["项目编码", "projectCode"],
    ["中央主管部门", "supervisor"],
    ["项目执行单位", "implementer"],
    ["资金使用单位", "implementer"],
    ["预算部门", "agency"],
    ["部门(单位)名称", "agency"],
    ["自评总分(分)", "totalScore"], // 重庆 部门整体绩效自评表, beside 主管部门 | 财政处室
  ])("%s → %s", (label, key) => expect(factKeyOf(label)).toBe(key));

  it("does not take a value or a sentence for a label", () => {
    expect(isLabelShaped("项目属性")).toBe(true);
    expect(isLabelShaped("目标1")).toBe(false);
    expect(isLabelShaped("到2022年底，生猪生产稳定有序发展。")).toBe(false);
    expect(isLabelShaped("3359.62万")).toBe(false);
  });

  it("pairs label：value cells, and a group label with the pairs after it", () => {
    const pairs = labelValuePairs(cells("资金情况", "年度金额(万元):", "397"), true)!;
    expect(pairs.map((p) => [p.label, p.value])).toEqual([["年度金额(万元):", "397"]]);
    const glued = labelValuePairs(cells("项目编码：2023001", "项目属性", "延续项目"), false)!;
    expect(glued.map((p) => [p.label, p.value])).toEqual([["项目编码", "2023001"], ["项目属性", "延续项目"]]);
  });

  it("reads a row of pairs as extracted text prints it, blank cells dropped (湖南 2021 -layout)", () => {
    const at = (...cs: [number, string][]) => cs.map(([col, text]) => ({ col, colSpan: 1, text }));
    // The last label of the row, its value left blank.
    const coded = labelValuePairs(at([1, "主管部门"], [2, "坝塘镇"], [6, "主管部门编码"]), true)!;
    expect(coded.map((p) => [p.label, p.value])).toEqual([["主管部门", "坝塘镇"], ["主管部门编码", ""]]);
    // A label, blank columns, then the pair that ends the row.
    const dated = labelValuePairs(at([1, "联系电话"], [6, "项目起止时间"], [8, "2021年度"]), true)!;
    expect(dated.map((p) => [p.label, p.value])).toEqual([["联系电话", ""], ["项目起止时间", "2021年度"]]);
    // Next to each other, the same three cells read as before: no blank value is assumed.
    expect(labelValuePairs(at([1, "联系电话"], [2, "项目起止时间"], [3, "2021年度"]), true)).toBeNull();
    // An amount's label ending a row of amounts' pairs, its blank value dropped (安溪 2022 -layout).
    const money = labelValuePairs(at([0, "资金情况(万元)"], [3, "资金总额"], [4, "100"], [5, "其中:财政拨款"], [6, "100"], [7, "其他资金"]), true)!;
    expect(money.map((p) => [p.label, p.value])).toEqual([["资金总额", "100"], ["其中:财政拨款", "100"], ["其他资金", ""]]);
    // A value cut at a column start: its end is the row's last cell (宁夏 2022 -layout).
    const dates = labelValuePairs(at([1, "自治区主管部门"], [2, "农业农村厅"], [5, "专项实施期"], [6, "2022年3月-2022年"], [7, "11月"]), true)!;
    expect(dates.map((p) => [p.label, p.value])).toEqual([["自治区主管部门", "农业农村厅"], ["专项实施期", "2022年3月-2022年11月"]]);
    // Two labels of the header block ending a row are two blanks of a blank template (黑龙江 大庆 申报表,
    // 广西 2021 -layout), not a label and its value; a value that reads like a header still pairs.
    const blank = labelValuePairs(at([1, "项目负责人"], [4, "联系电话"]), true)!;
    expect(blank.map((p) => [p.label, p.value])).toEqual([["项目负责人", ""], ["联系电话", ""]]);
    expect(labelValuePairs(at([1, "财政资金预算分类"], [2, "一般公共预算"]), true)!.map((p) => [p.label, p.value])).toEqual([["财政资金预算分类", "一般公共预算"]]);
    // A label is no value to continue: 项目立项情况 is a block label, read without it by readFactsRow (湖南 2021 web).
    expect(labelValuePairs(at([0, "项目立项情况"], [1, "项目立项的依据"], [2, "机关、学校、乡村振兴按发改立项"]), true)).toBeNull();
    expect(labelValuePairs(at([1, "项目立项的依据"], [2, "机关、学校、乡村振兴按发改立项"]), true)!.map((p) => p.value)).toEqual(["机关、学校、乡村振兴按发改立项"]);
    // A label after a pair with a figure for its value and a blank column: its value left blank (宁夏 2021 -layout).
    const scored = labelValuePairs(at([1, "自评得分"], [2, "98"], [4, "财政审核评分"]), true)!;
    expect(scored.map((p) => [p.label, p.value])).toEqual([["自评得分", "98"], ["财政审核评分", ""]]);
    // ...but not after a pair of two labels, the first a block's label (湖南 2021 -layout).
    expect(labelValuePairs(at([0, "项目立项情况"], [2, "项目申报的可行性"], [5, "已申报项目可行性评估"]), true)).toBeNull();
    // Pairs glued in one cell, a caption line read as one (湘潭 2023 -layout): each known label starts a pair,
    // the words before a last empty value are a label; colons inside brackets are an amount's parts.
    const glued = labelValuePairs(at([0, "填表人:宋云花"], [1, "联系电话:16607326331填报日期:单位负责人签字:"]), true)!;
    expect(glued.map((p) => [p.label, p.value])).toEqual([["填表人", "宋云花"], ["联系电话", "16607326331"], ["填报日期", ""], ["单位负责人签字", ""]]);
    const parts = labelValuePairs(at([0, "财政拨款:6923.3552万元(其中:上级财政资金:6923.3552万元;本级财政:0万元)"]), true)!;
    expect(parts.map((p) => p.label)).toEqual(["财政拨款"]);
    // A colon after a figure is no label's (时间:9:30): the value stays whole.
    expect(labelValuePairs(at([0, "开会时间:9:30"]), true)!.map((p) => p.value)).toEqual(["9:30"]);
    // An amount whose unit was cut into the next cell.
    const own = labelValuePairs(at([0, "资金总额及构成"], [2, "二、自有资金:0"], [3, "万元"]), true)!;
    expect(own.map((p) => [p.label, p.value])).toEqual([["自有资金", "0万元"]]);
  });

  it("does not read a row of column headers as label and value", () => {
    expect(labelValuePairs(cells("年度履职目标", "部门职能", "年度目标任务", "支出项目名称", "预算金额(万元)"), true)).toBeNull();
  });
});

describe("monitoring headers", () => {
  it.each([
    ["1-6月执行数", "executedToDate", 6],
    ["1～9月执行率", "rate", 9],
    ["截至6月底完成情况", "actualToDate", 6],
    ["全年预计执行数", "forecastExecuted", null],
    ["全年预计完成情况", "forecast", null],
    ["完成目标可能性(确定能、有可能、不可能)", "likelihood", null],
    ["预算执行率(B/A×100%)", "rate", null],
  ])("%s → %s", (text, field, month) => {
    expect(headerField(text)).toBe(field);
    expect(monthsToDate(text)).toBe(month);
  });
});

describe("the year of a path", () => {
  it("prefers the file's name, then the nearest folder named by a year", () => {
    expect(yearOfPath("/archive/2021/财政局/2022年项目自评表.xlsx")).toEqual({ file: 2022, folder: 2021 });
    expect(yearOfPath("/archive/2021年度/财政局/自评表.pdf")).toEqual({ file: null, folder: 2021 });
    expect(yearOfPath("/archive/1001/x.pdf")).toEqual({ file: null, folder: null });
  });
});

describe("the year of a form that prints none (南华's undated self-evaluation)", async () => {
  const { extractFile } = await import("@jixiao/extract");
  const { normalizeDocument } = await import("@jixiao/normalize");
  const file = new URL("../../../fixtures/real/docx/yunnan-undated-project-self-eval.docx", import.meta.url).pathname;
  const doc = await extractFile(file);

  it("comes from the file's name, else from the folder it is filed in, and says so", () => {
    const byName = normalizeDocument(doc, { fileName: "/archive/南华/2022年野生菌项目自评.docx" }).forms[0]!;
    expect([byName.fiscalYear, byName.fiscalYearSource]).toEqual([2022, "file_name"]);
    const byFolder = normalizeDocument(doc, { fileName: "/archive/2021/南华/野生菌项目自评.docx" }).forms[0]!;
    expect([byFolder.fiscalYear, byFolder.fiscalYearSource]).toEqual([2021, "folder"]);
    const none = normalizeDocument(doc, { fileName: "/archive/南华/野生菌项目自评.docx" }).forms[0]!;
    expect([none.fiscalYear, none.fiscalYearSource]).toEqual([null, null]);
  });

  it("is not a year an indicator's cell names (an undated 引导资金 scorecard's rule: XX市2009年产业发展导向目录)", async () => {
    const { extractFile: ef } = await import("@jixiao/extract");
    const scorecard = normalizeDocument(await ef(new URL("../../../fixtures/real/docx/unknown-undated-guidance-fund-scorecard.docx", import.meta.url).pathname), { fileName: "/archive/2012/引导资金评分表.docx" }).forms[0]!;
    expect(scorecard.indicators.some((i) => /2009年/.test(i.scoringRule ?? ""))).toBe(true);
    expect([scorecard.fiscalYear, scorecard.fiscalYearSource]).toEqual([2012, "folder"]);
  });

  it("is printed when the form's header says it", async () => {
    const { extractFile: ef } = await import("@jixiao/extract");
    const printed = normalizeDocument(await ef(new URL("../../../fixtures/real/docx/hubei-2022-project-self-eval.docx", import.meta.url).pathname), { fileName: "/2019/x.docx" }).forms[0]!;
    expect([printed.fiscalYear, printed.fiscalYearSource]).toEqual([2022, "printed"]);
  });
});

describe("values with a rate unit (濉溪's 扶贫临时救助标准)", async () => {
  const { parseValue } = await import("@jixiao/normalize");
  it("reads ≤5300元/户 and 583元/人*月 as numbers with their units", () => {
    expect(parseValue("<=5300元/户")).toMatchObject({ comparator: "<=", value: 5300, unit: "元/户" });
    expect(parseValue("583元/人*月")).toMatchObject({ value: 583, unit: "元/人*月" });
    expect(parseValue("12县(市)")).toMatchObject({ value: null });
  });
});

describe("a column headed __proto__", async () => {
  const { normalizeDocument } = await import("@jixiao/normalize");
  it("keeps its cells in extra under a plain key and pollutes nothing", () => {
    const table = (cells: string[][]) => ({
      kind: "table" as const,
      table: {
        page: 1, pageTo: 1, nRows: cells.length, nCols: cells[0]!.length,
        cells: cells.flatMap((r, row) => r.map((text, col) => ({ row, col, rowSpan: 1, colSpan: 1, text, page: 1 }))),
      },
    });
    const doc = {
      format: "txt" as const, pages: [{ number: 1, hasText: true }], warnings: [],
      blocks: [
        { kind: "text" as const, page: 1, text: "项目支出绩效自评表" },
        table([["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "__proto__"],
          ["产出指标", "数量指标", "培训人次", "≥100人次", "120人次", "10", "10", "x"]]),
      ],
    };
    const ind = normalizeDocument(doc as never).forms[0]!.indicators[0]!;
    expect(ind.extra).toEqual({ "「__proto__」": "x" });
    expect(Object.getPrototypeOf(ind.extra)).toBe(Object.prototype);
  });
});

describe("a 分值 column after each level (海南's 绩效评价指标评分)", async () => {
  const { extractFile } = await import("@jixiao/extract");
  const { normalizeDocument } = await import("@jixiao/normalize");
  it("weighs its level: 项目决策 20, 决策过程 8, 决策依据 3", async () => {
    const file = new URL("../../../fixtures/real/docx/hainan-undated-project-scorecard.docx", import.meta.url).pathname;
    const inds = normalizeDocument(await extractFile(file)).forms[0]!.indicators;
    expect(inds[1]).toMatchObject({ level1: "项目决策", level1Weight: 20, level2: "决策过程", level2Weight: 8, name: "决策依据", weight: 3, score: 3 });
  });
});

describe("a level-1 label merged down its group (天津's 实施效果指标 › 产出指标 | 效益指标)", async () => {
  const { extractFile } = await import("@jixiao/extract");
  const { normalizeDocument } = await import("@jixiao/normalize");
  const read = async (name: string) =>
    normalizeDocument(await extractFile(new URL(`../../../fixtures/real/${name}`, import.meta.url).pathname)).forms[0]!.indicators;
  it.each(["docx/tianjin-2022-transfer-targets.docx", "xlsx/tianjin-2022-transfer-targets.xlsx", "pdf/lo/tianjin-2022-transfer-targets.pdf"])(
    "keeps 效益指标 printed beside it as the group's level 2 (%s)", async (name) => {
      const last = (await read(name)).at(-1)!;
      expect(last).toMatchObject({ level1: "实施效果指标", level2: "效益指标", name: "完工项目县畜禽粪污综合利用率" });
    });
  it("reads the same levels from the page's copied text, where merged cells lose their columns", async () => {
    const { parseExtractedText } = await import("@jixiao/extract");
    const { readFileSync } = await import("node:fs");
    const text = readFileSync(new URL("../../../fixtures/real/text/tianjin-2022-transfer-targets.web.txt", import.meta.url).pathname, "utf8");
    const inds = normalizeDocument(parseExtractedText(text)).forms[0]!.indicators;
    expect(inds.map((i) => [i.level1, i.level2])).toEqual([
      ["实施效果指标", "产出指标"], ["实施效果指标", "产出指标"], ["实施效果指标", "产出指标"], ["实施效果指标", "效益指标"]]);
  });
  it("still reads a header printed one slot off its data (重庆's 绩效指标 | 产出指标 | 数量指标 merged down)", async () => {
    const inds = await read("docx/chongqing-2022-transfer-targets.docx");
    expect(inds.map((i) => i.name)).toEqual(["猪肉产量稳定率", "能繁母猪稳定率"]);
    expect(inds[1]).toMatchObject({ level1: "产出指标", level2: "数量指标", targetText: "90%" });
  });
});

describe("a funding block printed inside a checklist (重庆 彭水's 计划生育 自评表: 自评内容 | 完成情况 pairs)", async () => {
  const { extractFile, parseExtractedText } = await import("@jixiao/extract");
  const { normalizeDocument, FUNDING_BLOCK_KEY } = await import("@jixiao/normalize");
  const { readFileSync } = await import("node:fs");
  const path = (name: string) => new URL(`../../../fixtures/real/${name}`, import.meta.url).pathname;
  const files = ["docx/chongqing-2024-transfer-self-eval.docx", "xlsx/chongqing-2024-transfer-self-eval.xlsx", "pdf/lo/chongqing-2024-transfer-self-eval.pdf", "text/chongqing-2024-transfer-self-eval.web.txt"];
  const read = async (name: string) => normalizeDocument(name.endsWith(".txt") ? parseExtractedText(readFileSync(path(name), "utf8")) : await extractFile(path(name))).forms[0]!;
  it.each(files)("reads each block's lines under its head, in 万元 (%s)", async (name) => {
    const form = await read(name);
    expect(form.moneyUnit).toBe("万元");
    expect(form.funding).toHaveLength(16);
    const special = form.funding.filter((l) => l.extra[FUNDING_BLOCK_KEY] === "计划生育家庭特别扶助制度补助资金(万元)");
    expect(special.map((l) => [l.source.split(" / ")[1], l.sourceKind, l.budget])).toEqual([
      ["年度预算资金总额:", "total", 321.25], ["其中:中央补助", "central", 166], ["市级资金", "other", 136], ["本级资金(包括结转结余)", "local", 20.25]]);
    expect(form.funding[0]).toMatchObject({ source: "计划生育转移支付资金合计(万元) / 年度预算资金总额):", sourceKind: "total", budget: 1084.25 });
    expect(form.funding.at(-1)).toMatchObject({ source: "2023年绩效调整资金(万元) / 本级资金(包括结转结余)", budget: null });
  });
  it("keeps the second 自评内容 | 完成情况 line of an item in that item's extra", async () => {
    const first = (await read("docx/chongqing-2024-transfer-self-eval.docx")).indicators.find((i) => i.name === "预算编制科学性")!;
    expect(first.extra["自评内容"]).toBe("项目资金测算标准(文字描述)\n项目资金测算依据(文字描述)");
    expect(first.extra["完成情况"]).toBe("已按要求完成预算\n按相关要求完成");
  });
});

describe("forms in text that lost most of their columns are still found, never invented", async () => {
  const { parseExtractedText } = await import("@jixiao/extract");
  const { normalizeDocument } = await import("@jixiao/normalize");
  const { readFileSync } = await import("node:fs");
  const read = (name: string) =>
    normalizeDocument(parseExtractedText(readFileSync(new URL(`../../../fixtures/real/text/${name}`, import.meta.url).pathname, "utf8"))).forms;
  it("a 申报表 whose indicator grid plain pdftotext scrambled is the form its title and label：value amounts say (湘潭's 雾炮车)", () => {
    const forms = read("hunan-2023-project-declaration.pdftotext.txt");
    expect(forms).toHaveLength(1);
    expect(forms[0]).toMatchObject({ kind: "project_targets", fiscalYear: 2023 });
    expect(forms[0]!.funding.map((l) => [l.source, l.budget])).toEqual([["该项目支出上级资金", 0], ["年度本级预算金额", 250]]);
  });
  it("资金使用情况(万元) on a line of its own after the pairs of 资金情况(万元): what was spent of each line, in plain pdftotext (四川 普惠金融)", () => {
    const form = read("sichuan-undated-transfer-self-eval.pdftotext.txt")[0]!;
    expect(form.funding.map((l) => [l.source, l.budget, l.executed])).toEqual([
      ["年度金额(提前下达)", 208, 109.8], ["中央财政", 165, 84.5], ["省级财政", 43, 25.3],
    ]);
  });
  it("a weight printed as its share of the hundred (20% under 权重) is its points in -layout text too, and a funding line's rate is none (四川 普惠金融)", () => {
    const form = read("sichuan-undated-transfer-self-eval.pdftotext-layout.txt")[0]!;
    expect(form.indicators.map((i) => i.weight)).toEqual([20, 20, 10, 10, 10, 10, 10, 5, 5]);
    expect(form.indicators.every((i) => i.extra["权重"] === undefined)).toBe(true);
  });
  it("a header -layout left as a line of text heads the table after it (部门整体支出绩效评价指标表), and wrapped 评分标准 lines are no indicators", () => {
    const forms = read("unknown-2017-department-scorecard.pdftotext-layout.txt");
    expect(forms).toHaveLength(1);
    expect(forms[0]!.kind).toBe("evaluation_scorecard");
    expect(forms[0]!.indicators.find((i) => i.name === "预算完成率")).toMatchObject({ weight: 5, score: 5 });
    expect(forms[0]!.indicators.filter((i) => /扣完为止|×100%/.test(i.name))).toEqual([]);
  });
  it.each(["anhui-2019-transfer-self-eval", "tianjin-2020-transfer-self-eval", "guangxi-2021-transfer-self-eval"])(
    "a funding line whose block label -layout printed beside it is named by its own label, not the block's (%s)", (id) => {
      const sources = read(`${id}.pdftotext-layout.txt`)[0]!.funding.map((l) => l.source);
      expect(sources.length).toBeGreaterThan(0);
      expect(sources.filter((s) => /情况/.test(s))).toEqual([]);
    });
  it("a table going on over a page break that pdftotext printed at another scale reads under the page before's columns (廊坊 2019)", () => {
    const form = read("hebei-2019-project-self-eval.pdftotext-layout.txt")[0]!;
    // Page 2 starts with 指标 1 长期使 / 100 100 10 10 / 用性 and the group labels beside it.
    expect(form.indicators.find((i) => i.name === "指标1长期使用性")).toMatchObject({ targetText: "100", actualText: "100", weight: 10, score: 10 });
    expect(form.indicators.find((i) => i.name === "指标1学生满意度")).toMatchObject({ actualText: "100", weight: 10, score: 10 });
  });
  it("a header opened by 二级指标 (its level-1 cell left blank) has the level 1 in the slot before it, in -layout text (湖北 2020 长江禁捕)", () => {
    const rows = read("hubei-2020-project-self-eval-2.pdftotext-layout.txt")[0]!.indicators.map((i) => [i.level1, i.level2, i.name]);
    expect(rows).toEqual([
      ["产出指标", "数量指标", "补贴渔船数"], ["产出指标", "质量指标", "渔船补贴发放率"], ["产出指标", "时效指标", "12月底之前完成"],
      ["效益指标", "服务对象满意度指标", "服务对象满意度"],
    ]);
  });
  it("年度资金总额 | 金额(万元) heads a money block whose label -layout printed halfway down its lines (四川 2021 申报表)", () => {
    const lines = read("sichuan-2021-project-declaration.pdftotext-layout.txt")[0]!.funding.map((l) => [l.source, l.budget]);
    expect(lines).toEqual([
      ["(一)财政拨款小计", 6.3], ["1、一般公共预算", 6.3], ["2、政府性基金", 0], ["3、国有资本经营预算", 0],
      ["(二)自有资金小计", 0], ["1、事业收入", 0], ["2、经营性收入", 0], ["(三)其他收入", 0],
    ]);
  });
  it("-layout cells stay under the columns they stand in, and 指标性质 printed once goes down rows of its kind (重庆 2021 部门整体)", () => {
    const rows = read("chongqing-2021-department-self-eval-2.pdftotext-layout.txt")[0]!.indicators;
    const at = (name: string) => rows.find((i) => i.name === name);
    // 高 under 全年完成值 stays there, not given way to the 得分系数 100% two columns right.
    expect(at("管理制度健全性")).toMatchObject({ targetText: "高", actualText: "高", weight: 3 });
    expect(at("资产管理安全")).toMatchObject({ actualText: "好", valueType: "定性指标" });
    // 定量指标 printed on 预算调整率 goes down to the rows under it with figures, which keep their own cells.
    expect(at("结转结余率")).toMatchObject({ targetText: "2%", actualText: "0", valueType: "定量指标" });
    expect(at("公用经费控制率")).toMatchObject({ targetText: "100%", actualText: "97%", valueType: "定量指标" });
  });
  it("a goals row printing amounts under the funding block is no funding line (廊坊's 年度总体目标 | 43.2 | 37.24)", () => {
    const form = read("hebei-2019-project-self-eval.pdftotext-layout.txt")[0]!;
    expect(form.funding.map((l) => l.source)).toContain("年度资金总额");
    expect(form.funding.filter((l) => /目标/.test(l.source))).toEqual([]);
  });
  it("a group label's rows end where the groups of the level right of it end (部门决策 covers all of 预算编制)", () => {
    const rows = read("unknown-2017-department-scorecard-2.pdftotext-layout.txt")[0]!.indicators.map((i) => [i.level1, i.level2, i.name]);
    expect(rows.slice(0, 6)).toEqual([
      ["部门决策", "目标任务", "相关性"], ["部门决策", "目标任务", "明确性"], ["部门决策", "目标任务", "合理性"],
      ["部门决策", "预算编制", "测算依据"], ["部门决策", "预算编制", "目标管理"],
      ["综合管理", "专项资金分配时限", "省级财力专项预算分配时限"],
    ]);
  });
  it("two group labels on neighbouring lines are two groups, not one wrapped label (经济效益指标 over 社会效益指标)", () => {
    const level2 = read("sichuan-2022-project-self-eval.pdftotext-layout.txt")[0]!.indicators.map((i) => i.level2);
    expect(level2).toContain("社会效益指标");
    expect(level2.filter((l) => /经济效益指标社会/.test(l ?? ""))).toEqual([]);
  });
  it("a label ends with its weight: (7 分) over (3 分) are two groups' labels (达州 项目评分表, names lost in -layout text)", () => {
    const inds = read("sichuan-undated-scorecard.pdftotext-layout.txt")[1]!.indicators;
    const weightOf = (name: string) => inds.find((i) => i.name === name)?.level2Weight;
    expect(["资金分配", "资金使用", "执行规范"].map(weightOf)).toEqual([7, 7, 3]);
  });
  it("a label and its value one space apart in one -layout cell are a pair (转移支付(项目)名称 医疗救助补助资金)", () => {
    const form = read("anhui-2024-transfer-self-eval.pdftotext-layout.txt")[0]!;
    expect(form.projectName).toBe("医疗救助补助资金");
    expect(form.facts.find((f) => f.label === "转移支付(项目)名称")?.value).toBe("医疗救助补助资金");
  });
  it("an amount's label and the amount one space apart in one -layout cell are a pair (下达中央预算内投资(万元) 2350)", () => {
    const form = read("tianjin-2022-transfer-targets.pdftotext-layout.txt")[0]!;
    expect(form.facts.find((f) => f.label === "下达中央预算内投资(万元)")?.value).toBe("2350");
    expect(form.funding.map((l) => l.budget)).toContain(2350);
  });
  it("rows of pairs whose blank values -layout dropped keep every pair (湖南 2021: 主管部门编码, 联系电话, 项目起止时间)", () => {
    const facts = read("hunan-2021-project-targets.pdftotext-layout.txt")[0]!.facts.map((f) => [f.label, f.value]);
    expect(facts).toContainEqual(["主管部门", "坝塘镇"]);
    expect(facts).toContainEqual(["项目起止时间", "2021年度"]);
  });
  it("a number -layout printed one space after a criterion's words stays in its blank slot (扣 0.5 | 5 | 5 under | 分值 | 自评得分)", () => {
    const ind = read("hunan-undated-department-scorecard.pdftotext-layout.txt")[0]!.indicators.find((i) => i.name === "财政供养人员控制率");
    expect(ind).toMatchObject({ weight: 5, score: 5, reason: null });
  });
  it("a scorecard's criteria about money (资金分配 | 8, 资金到位 | 5, 资金管理 | 10) are no money lines (海南, plain pdftotext)", () => {
    const form = read("hainan-undated-project-scorecard.pdftotext.txt")[0]!;
    expect(form.funding.map((l) => l.source)).toContain("计划投资额(万元)");
    expect(form.funding.filter((l) => /^资金(分配|到位|管理)/.test(l.source))).toEqual([]);
  });
  it("a money fact on a line of its own (三、其他:3683.3970 万元) stays a line of the money block, not of the paragraph under it (宁乡 2021)", () => {
    const funding = read("hunan-2021-project-targets.pdftotext-layout.txt")[0]!.funding.map((l) => [l.source, l.budget]);
    expect(funding).toContainEqual(["其他", 3683.397]);
  });
  it("a label -layout wrapped round its value line (项目起止时 / 202001-202012 / 间) is one label, whatever column its last line starts in (武汉 青山 2020)", () => {
    const form = read("hubei-2020-project-targets.pdftotext-layout.txt")[0]!;
    const facts = new Map(form.facts.map((f) => [f.label, f.value]));
    expect(facts.get("项目起止时间")).toBe("202001-202012");
    expect(facts.get("当年资金总额")).toBe("10000万元");
  });
  it("濉溪's 年度资金总额 under 资金情况（万元） keeps its amounts", () => {
    expect(read("anhui-2019-transfer-self-eval.pdftotext-layout.txt")[0]!.funding[0]).toMatchObject({ source: "年度资金总额", sourceKind: "total", budget: 30, executed: 30, weight: 10, score: 10 });
  });
  it("a short phrase beside a blank 计量单位 is the value, not the unit (岳阳楼区's 工作安排时间 | 定量 | 按月安排 | )", () => {
    const ind = read("hunan-2023-department-targets.web.txt")[0]!.indicators.find((i) => i.name === "工作安排时间")!;
    expect(ind).toMatchObject({ targetText: "按月安排", unit: null, valueType: "定量" });
    const money = read("hunan-2023-department-targets.web.txt")[0]!.indicators.find((i) => i.name === "业务工作支出到位率")!;
    expect(money).toMatchObject({ targetText: "100", unit: "%" });
  });
  it.each(["hubei-2019-final-accounts", "hunan-2017-sangong-budget", "yunnan-2016-sangong-final-accounts"])("a budget publication still yields no form (%s)", (id) => {
    for (const kind of ["pdftotext", "pdftotext-layout", "web"]) expect(read(`${id}.${kind}.txt`)).toEqual([]);
  });
});

/** The first form read from a file of fixtures/real (a .txt is text as a tool extracted it). */
async function firstRealForm(name: string) {
  const { extractFile, parseExtractedText } = await import("@jixiao/extract");
  const { normalizeDocument } = await import("@jixiao/normalize");
  const { readFileSync } = await import("node:fs");
  const path = new URL(`../../../fixtures/real/${name}`, import.meta.url).pathname;
  return normalizeDocument(name.endsWith(".txt") ? parseExtractedText(readFileSync(path, "utf8")) : await extractFile(path)).forms[0]!;
}

describe("a two-row header whose groups span the level and target columns (永德县明朗中学's 自评表)", async () => {
  const read = firstRealForm;
  it.each(["docx/yunnan-2022-project-self-eval-2.docx", "xlsx/yunnan-2022-project-self-eval-2.xlsx", "pdf/chromium/yunnan-2022-project-self-eval-2.pdf", "text/yunnan-2022-project-self-eval-2.web.txt"])(
    "reads 实际完成值 | 分值 | 得分 beside 指标性质 | 指标值 | 度量单位 (%s)", async (name) => {
      const inds = (await read(name)).indicators;
      expect(inds).toHaveLength(9);
      expect(inds[0]).toMatchObject({ name: "学生受资助人数", valueType: "≧", comparator: ">=", targetText: "735", unit: "人次", actualText: "735", weight: 10, score: 10 });
      expect(inds.find((i) => i.name === "政策知晓率")).toMatchObject({ valueType: "═", comparator: "=", actualText: "98%", weight: 10, score: 9 });
    });
});

describe("two labels of the header block each with its value slot printed blank (重庆 2021 部门整体绩效自评表)", async () => {
  const read = firstRealForm;
  it.each(["docx/chongqing-2021-department-self-eval-2.docx", "xlsx/chongqing-2021-department-self-eval-2.xlsx", "pdf/chromium/chongqing-2021-department-self-eval-2.pdf"])(
    "reads 主管部门 | | 财政处室 | | 自评总分(分) | 97.6 as three pairs, the first two empty (%s)", async (name) => {
      const facts = (await read(name)).facts.map((f) => [f.label, f.value]);
      expect(facts).toEqual(expect.arrayContaining([["主管部门", ""], ["财政处室", ""], ["自评总分(分)", "97.6"]]));
    });
});

describe("a range left blank in the header block (广西 2021 申报表: 项目起止时间(如20190101) | | 到 | )", async () => {
  const read = firstRealForm;
  it.each(["docx/guangxi-2021-project-declaration.docx", "pdf/lo/guangxi-2021-project-declaration.pdf", "text/guangxi-2021-project-declaration.web.txt"])(
    "gives the label no value, not the range's word (%s)", async (name) => {
      const fact = (await read(name)).facts.find((f) => f.label.startsWith("项目起止时间"));
      expect(fact?.value).toBe("");
    });
});

describe("a label's numbered options cut into cells by -layout text (广水 2021: 项目属性 | 1、常年性 | 2、延续性□ 3、一次性□ | 4、新增性□)", async () => {
  it("are one value of the label", async () => {
    const fact = (await firstRealForm("text/hubei-2021-project-self-eval.pdftotext-layout.txt")).facts.find((f) => f.label === "项目属性");
    expect(fact?.value).toBe("1、常年性 2、延续性□ 3、一次性□ 4、新增性□");
  });
});

describe("区域目标值 split into one column per region (龙岩's 专项转移支付绩效目标表)", async () => {
  const read = firstRealForm;
  it.each(["docx/fujian-2023-transfer-targets.docx", "text/fujian-2023-transfer-targets.web.txt"])("keeps each region's value under the region's name (%s)", async (name) => {
    const inds = (await read(name)).indicators;
    expect(inds.map((i) => [i.level1, i.level2, i.name])).toEqual([
      ["产出指标", "数量指标", "宗教管理经费补助县(市、区)数量"], ["产出指标", "质量指标", "项目资金使用合规性"]]);
    expect(inds[0]!.extra).toMatchObject({ 永定区: "3", 上杭县: "1", 漳平市: "2" });
    expect(inds[1]!.extra).toMatchObject({ 永定区: ">=95%", 漳平市: ">=95%" });
  });
});

describe("a two-level grid: 一级指标 holding 数量指标 | 质量指标 | 成本指标, 二级指标 holding the indicators (鄂州's 项目支出绩效目标表)", () => {
  it.each(["docx/hubei-2022-project-targets.docx", "xlsx/hubei-2022-project-targets.xlsx", "pdf/lo/hubei-2022-project-targets.pdf", "text/hubei-2022-project-targets.web.txt"])(
    "reads every indicator under its printed group, inventing no level 1, past the 合计 of the cost table above (%s)", async (name) => {
      const inds = (await firstRealForm(name)).indicators;
      expect(inds.map((i) => i.name)).toEqual(["办公大楼日常维修维护次数", "大楼安检巡察次数", "办公大楼日常维修维护验收合格率", "经常性大型设备更新验收合格率", "重.要设备维修维保验收合格率", "成本控制率", "水电气消耗下降率"]);
      expect(inds.map((i) => i.level2)).toEqual(["数量指标", "数量指标", "质量指标", "质量指标", "质量指标", "成本指标", "成本指标"]);
      expect(inds.every((i) => i.level1 === null)).toBe(true);
      expect(inds[0]).toMatchObject({ targetText: "2280次" });
    });
});

describe("header lines and columns as unseen templates print them", () => {
  it("reads a label and its value with only a gap between them, no colon (安溪 2022 -layout)", () => {
    expect(factFromLine("项目名称 省级第七批水利专项资金")).toEqual([{ key: "projectName", label: "项目名称", value: "省级第七批水利专项资金" }]);
    expect(factFromLine("主管部门(单位)名称 安溪县水利局").map((f) => [f.key, f.value])).toEqual([["supervisor", "安溪县水利局"]]);
    // Not a unit line, nor two labels, nor prose.
    expect(factFromLine("单位 万元")).toEqual([]);
    expect(factFromLine("项目名称 主管部门")).toEqual([]);
    expect(factFromLine("根据 有关规定,现下达资金")).toEqual([]);
  });

  it("takes a whole word after a space for a label, not the known label it ends with (发布机构, not 机构)", () => {
    expect(factFromLine("发布时间: 2020-12-02 发布机构:教育局").map((f) => [f.label, f.value.trim()])).toEqual([["发布时间", "2020-12-02"], ["发布机构", "教育局"]]);
    // Labels run together with no space keep their known tails (湘潭 2023).
    expect(factFromLine("填表人:宋云花联系电话:16607326331").map((f) => f.label)).toEqual(["填表人", "联系电话"]);
  });

  it("takes a label that is all the text between two colons whole: 填报人:联系电话: is two empty labels (炎陵 2017 as PDF text)", () => {
    expect(factFromLine("填报人:联系电话:").map((f) => [f.label, f.value])).toEqual([["填报人", ""], ["联系电话", ""]]);
    expect(factFromLine("填报人:张三联系电话:123").map((f) => [f.label, f.value])).toEqual([["填报人", "张三"], ["联系电话", "123"]]);
  });

  it("reads a label before a level's word as a block label, and a list ending in a colon as a value (炎陵 2017 scanned, its merge lost)", () => {
    const texts = ["部门整体支出年度绩效指标", "产出指标", "指标1部门重点支出占部门整体支出的比例是15%:指标2三公经费2017年比2016年增加公务接待费990元:"];
    const pairs = labelValuePairs(texts.map((text, col) => ({ col, colSpan: 1, text })), true);
    expect(pairs?.map((p) => [p.label, p.value])).toEqual([["产出指标", texts[2]]]);
  });

  it("reads a numbered list of indicators in one cell: each item's name and the value it is to reach", () => {
    expect(enumeratedItems("指标1部门重点支出占部门整体支出的比例是15%: 指标2三公经费2017年比2016年增加公务接待费990元: 指标5(部门预决算和三公经费预决算公开)100%: ……"))
      .toEqual([{ name: "部门重点支出占部门整体支出的比例", target: "15%" }, { name: "三公经费2017年比2016年增加公务接待费", target: "990元" },
        { name: "部门预决算和三公经费预决算公开", target: "100%" }]);
    expect(enumeratedItems("1.群众满意度:≥90%;2.宣传覆盖率达到95%")).toEqual([{ name: "群众满意度", target: "≥90%" }, { name: "宣传覆盖率", target: "95%" }]);
    // Prose with no numbered items is no list.
    expect(enumeratedItems("保障单位正常运转,提高服务质量")).toEqual([]);
  });

  it("ends the form before a table titled with its unit run on (…资金安排表单位:万元)", () => {
    expect(isOtherTableTitle("2022年省级第七批水利专项资金安排表单位:万元")).toBe(true);
    expect(isOtherTableTitle("2022年省级第七批水利专项资金绩效目标表单位:万元")).toBe(false);
  });

  it("reads 是/否 in a 指标方向 column as a yes-or-no indicator (秀屿 2025)", () => {
    expect(comparatorFromValueType("是/否")).toBe("qualitative");
    expect(comparatorFromValueType("否")).toBeNull();
  });
});

describe("what a filled form keeps of its blank template and how it writes amounts", () => {
  it("reads a level label with the template's note on filling it in (原州区 2022)", () => {
    expect(level2Of("数量指标 (必填硬性指标)")?.name).toBe("数量指标");
    expect(level2Of("经济效益 指标 (选填)")?.name).toBe("经济效益指标");
    // (可选项) names an optional indicator of a 四川 scorecard: no note to drop.
    expect(level2Of("经济效益(可选项)")).toBeNull();
  });

  it("reads an amount followed by what it is made of, printed once or twice (岳阳县 2022)", () => {
    expect(statedAmount("854万(高标准农田建设400万元,示范建设295万元,畅通工程159万元)")).toBe(854);
    expect(statedAmount("854万854万(高标准农田建设400万元,示范建设295万元,畅通工程159万元)")).toBe(854);
    // The tail of another cell wrapped into this one is no amount.
    expect(statedAmount("万元,畅通工程159万元)年度目标")).toBeNull();
  });
});

describe("the places a regional target is split into", () => {
  it("reads towns, villages and street offices as places, not the word for the countryside", () => {
    for (const place of ["新罗区", "笏石街道办", "埭头镇", "西坪镇尧山村", "桃舟乡吾培村"]) expect(isPlaceName(place), place).toBe(true);
    for (const word of ["农村", "指标解释"]) expect(isPlaceName(word), word).toBe(false);
  });
});
