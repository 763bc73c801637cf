/**
 * Plain `pdftotext` (no -layout), on the committed fixtures/real/text/*.pdftotext.txt:
 * how a paragraph's lines become cells (src/text-stream-paragraph.ts), how a
 * header's column words are put back in order (src/text-stream-header.ts), and
 * which rows are left out of a table because they cannot be rebuilt with
 * confidence (src/text-stream.ts).
 */
import { describe, expect, it } from "vitest";
import { orderHeader } from "../src/text-stream-header.ts";
import { displayWidth, isStreamValueCell } from "../src/text-stream-words.ts";
import { plainForms as forms, readPlain as read, tableRowsOf as rowsOf, textsOf } from "./plain-text-fixtures.ts";

describe("words", () => {
  it("takes a unit in a column of its own and a quantity with its unit for values", () => {
    for (const v of ["人/次", "万元/人", "583 元/人*月", ">=21933 人", "87 人次", "0起"]) expect(isStreamValueCell(v), v).toBe(true);
    for (const w of ["出差人次", "正向", "发放人数(按月平"]) expect(isStreamValueCell(w), w).toBe(false);
  });

  it("measures a line as printed: a CJK character or parenthesis is two columns", () => {
    expect(displayWidth("执行率")).toBe(6);
    expect(displayWidth("(B/A)")).toBe(7);
  });
});

describe("a paragraph's cells", () => {
  it("takes a neighbour's value off the end of a line (储备粮管理专户管理率 100%)", () => {
    expect(rowsOf(read("hunan-2020-transfer-self-eval"))).toContainEqual(["储备粮管理专户管理率", "100%", "100%"]);
  });

  it("takes a weight printed on a wrapped name's middle line out of the name", () => {
    const rows = rowsOf(read("anhui-2019-transfer-self-eval"));
    expect(rows).toContainEqual(["数量指标", "★★★农村低保发放人数(按月平均)(≥**人)", "5", ">=21933 人", "21980 人", "5"]);
    expect(rows).toContainEqual(["★★★受益建档立卡贫困人口数≥**人", "30", ">=80 人", "87 人", "30"]);
  });

  it("keeps a wrapped value whole (583 元/人* | 月)", () => {
    expect(rowsOf(read("anhui-2019-transfer-self-eval"))).toContainEqual(["★农村低保标准(≥**元/人·月)", "5", ">=530 元/人*月", "583 元/人*月", "5"]);
  });

  it("goes on with a wrapped name after a value on its middle line, even into a column word (…收购价格 | 100% | 执行率)", () => {
    expect(rowsOf(read("hunan-2020-transfer-self-eval"))).toContainEqual(["国家政策性粮收购价格执行率", "100%", "100%"]);
  });

  it("does not cut a date range into words and a value (2023 年 4 月-2024 年 2 月)", () => {
    const doc = read("chongqing-2023-project-targets");
    expect(textsOf(doc)).toContain("2023 年 4 月-2024 年 2 月");
    expect(rowsOf(doc).flat()).not.toContain("2 月");
  });

  it("splits a label from its value printed on the same line, and knows each level's 主管部门", () => {
    const rows = rowsOf(read("anhui-2024-transfer-self-eval"));
    expect(rows).toContainEqual(["转移支付(项目)名称", "医疗救助补助资金"]);
    expect(rows).toContainEqual(["地方主管部门", "医疗保障局"]);
  });

  it("ends a cell at a label's own weight (合理性(5 分) | 测算依据(5 分) are two cells)", () => {
    const texts = textsOf(read("sichuan-undated-scorecard"));
    expect(texts).toContain("合理性(5 分)");
    expect(texts).toContain("测算依据(5 分)");
  });
});

describe("two cells wrapped side by side (first lines on one line, later lines in turn)", () => {
  it("anhui-2022-project-self-eval: 严格执行相关制 达成预期 | 度规定 | 指标 is a target and an actual", async () => {
    const [form] = await forms("anhui-2022-project-self-eval");
    const row = form!.indicators.find((i) => i.name === "经费支出合规性")!;
    expect([row.targetText, row.actualText]).toEqual(["严格执行相关制度规定", "达成预期指标"]);
  });

  it("fujian-2025-transfer-targets: a name and its explanation, with the value between their lines after them", () => {
    const rows = rowsOf(read("fujian-2025-transfer-targets"));
    expect(rows.flat()).toContain("反映省级财政专项资金投入成本控制情况");
    expect(rows.flat()).toContain("省级财政专项资金投入成本控制率(%)");
  });

  it("leaves one cell with a value in its first line whole (至少全年完成 2 | 已完成 100% | 次宣传)", () => {
    expect(rowsOf(read("sichuan-2020-project-self-eval")).flat().some((t) => t.startsWith("至少全年完成"))).toBe(true);
  });
});

describe("header rows", () => {
  it("puts letter-keyed columns in letter order and the row-label column first", () => {
    const cell = (text: string) => ({ text });
    const printed = ["全年预算数(A)", "资金投入情况(万元)", "预算执行率(B/A×100%)", "全年执行数(B)"].map(cell);
    expect(orderHeader(printed).map((c) => c.text)).toEqual(["资金投入情况(万元)", "全年预算数(A)", "全年执行数(B)", "预算执行率(B/A×100%)"]);
    const levels = ["一级指标", "二级指标(长期)", "三级指标(长期)", "二级指标(年度)"].map(cell);
    expect(orderHeader(levels)).toEqual(levels);
  });

  it("anhui-2024-transfer-self-eval: the funding rows under their reordered header", async () => {
    const rows = rowsOf(read("anhui-2024-transfer-self-eval"));
    expect(rows).toContainEqual(["资金投入情况(万元)", "全年预算数(A)", "全年执行数(B)", "预算执行率(B/A×100%)"]);
    expect(rows).toContainEqual(["年度资金总额:", "3359.62 万", "3359.62 万", "100%"]);
    const [f] = await forms("anhui-2024-transfer-self-eval");
    const total = f!.funding.find((l) => l.source.startsWith("年度资金总额"));
    expect([total?.budget, total?.executed]).toEqual([3359.62, 3359.62]);
  });

  it("neimenggu-2021-project-targets: a header run that 指标方向 no longer cuts, and rows as wide as it", async () => {
    const rows = rowsOf(read("neimenggu-2021-project-targets"));
    expect(rows).toContainEqual(["一级指标", "二级指标", "三级指标", "指标性质", "指标方向", "目标值", "计量单位", "分值"]);
    expect(rows).toContainEqual(["产出指标", "数量指标", "出差人次", "正向", "=", "24", "人/次", "4"]);
    const [f] = await forms("neimenggu-2021-project-targets");
    const ind = f!.indicators.find((i) => i.name === "出差人次");
    expect([ind?.level1, ind?.level2, ind?.weight]).toEqual(["产出指标", "数量指标", 4]);
  });
});

describe("rows left out", () => {
  it("a row with more values than its header has columns (the header lost 年初预算数 to the narrative)", async () => {
    const doc = read("anhui-2023-department-self-eval");
    expect(rowsOf(doc)).toContainEqual(["全年预算数", "全年执行数", "分值", "执行率"]);
    expect(rowsOf(doc).flat()).not.toContain("102.59%");
    const [f] = await forms("anhui-2023-department-self-eval");
    expect(f!.funding.map((l) => l.executionRateText)).not.toContain("102.59%");
  });

  it("weighted scorecard labels that come in no row order: narrative, no indicator to check against the wrong level", async () => {
    const rows = rowsOf(read("sichuan-undated-scorecard"));
    expect(rows.flat().filter((t) => /\(\d+ 分\)$/.test(t) && /^(?:相关性|部门决策|目标任务)/.test(t))).toEqual([]);
    // (The copy starts at the header, untitled: plain text keeps no form of it at all, and surely no such indicator.)
    const found = await forms("sichuan-undated-scorecard");
    expect(found.flatMap((f) => f.indicators).filter((i) => i.level1Weight !== null || i.level2Weight !== null)).toEqual([]);
  });

  it("labels that declare their weights beside one figure above them all: narrative, no score above its weight (宁夏 2021: 成本指标(10 分) | 项目效益(35 分) | 64.8)", async () => {
    const doc = read("ningxia-2021-project-self-eval");
    expect(rowsOf(doc).filter((r) => r.includes("64.8") && r.some((t) => t.startsWith("项目效益")))).toEqual([]);
    expect(textsOf(doc)).toContain("64.8");
    const [f] = await forms("ningxia-2021-project-self-eval");
    expect(f!.indicators.filter((i) => i.score !== null && i.weight !== null && i.score > i.weight)).toEqual([]);
  });
});

describe("an indicator header broken into runs by reading order", () => {
  it("gets the levels earlier runs hold in front of its last run, target, unit and actual in order (云南 2022)", async () => {
    const rows = rowsOf(read("yunnan-2022-project-self-eval-2"));
    expect(rows).toContainEqual(["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "实际完成值", "分值", "得分"]);
    expect(rows).toContainEqual(["数量指标", "学生受资助人数", "≧", "735", "人次", "735", "10", "10"]);
    const [form] = await forms("yunnan-2022-project-self-eval-2");
    const ind = form!.indicators.find((i) => i.name === "资金到位及时率");
    expect([ind?.level2, ind?.targetText, ind?.unit, ind?.actualText, ind?.weight, ind?.score]).toEqual(["时效指标", "100", "%", "100%", 10, 7]);
  });

  it("keeps rows that print no level as wide as the run, not the whole header (云南: name | 550 | 20 | 9.3 | 9.3 …)", () => {
    const rows = rowsOf(read("yunnan-undated-project-self-eval"));
    const header = rows.find((r) => r[0] === "一级指标")!;
    expect(header).toEqual(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]);
    // The run 三级指标 … 得分 is five words: a row is cut at six cells, two fewer than the whole header's seven and one.
    expect(rows.find((r) => r[0] === "配套烘干杀菌设备及包装设备购置及安装")).toHaveLength(6);
  });
});
