/**
 * level1_weight_mismatch on 高邑's 部门整体支出绩效评价指标 (2021): 投入 (20) =
 * 绩效目标指标管理(10) [7 + 3] + 预算编制(10) [2 + 6 + 2], and 产出 (25) =
 * 数量指标 (10) [4 × 2.5] + 质量指标 (10) [5 + 5] + 时效指标 (5) [5], printed
 * over pages 20–21. What each finding says (level, name, declared, sum, how
 * many indicators, the pages they span) and rests on (every member), and the
 * groups it must not sum: one with an unweighted member, the last group of a
 * form cut short before its total, a monitoring form's.
 */
import type { Form, NormalizedDocument } from "@jixiao/normalize";
import { describe, expect, it } from "vitest";
import { documentContext, inputsOf } from "../src/context.ts";
import { level1WeightMismatch } from "../src/rules/level1_weight_mismatch.ts";
import { form } from "./forms.ts";

type IndicatorInput = NonNullable<Parameters<typeof form>[1]["indicators"]>[number];
const GAOYI = "高邑县医疗保障局部门整体支出绩效自评表";

/** 高邑's rows: [一级指标, its weight, 二级指标, its weight, 三级指标, 分值, page]. */
const ROWS: [string, number | null, string, number | null, string, number, number][] = [
  ["投入", 20, "绩效目标指标管理", 10, "绩效目标科学性", 7, 20],
  ["投入", 20, "绩效目标指标管理", 10, "绩效指标科学性", 3, 20],
  ["投入", 20, "预算编制", 10, "预算编制完整性", 2, 20],
  ["投入", 20, "预算编制", 10, "项目预算功能分类等编制合规性", 6, 21],
  ["投入", 20, "预算编制", 10, "预算上报及时性", 2, 21],
  ["产出", 25, "数量指标", 10, "参保人数", 2.5, 21],
  ["产出", 25, "数量指标", 10, "资助人口参加基本医疗保险人数", 2.5, 21],
  ["产出", 25, "数量指标", 10, "保障办公人数", 2.5, 21],
  ["产出", 25, "数量指标", 10, "检查医疗、医药机构数量", 2.5, 21],
  ["产出", 25, "质量指标", 10, "医药服务行为、费用及价格合格率", 5, 21],
  ["产出", 25, "质量指标", 10, "医保信息系统正常运行率", 5, 21],
  ["产出", 25, "时效指标", 5, "完成时间", 5, 21],
];

function gaoyi(change: Partial<Record<string, Partial<IndicatorInput>>> = {}, extra: Partial<Form> = {}, rows = ROWS): Form {
  return form(1, {
    kind: "department_self_eval", agency: "高邑县医疗保障局", pageFrom: 20, pageTo: 21, ...extra,
    indicators: rows.map(([level1, level1Weight, level2, level2Weight, name, weight, page]) => ({
      level1, level1Weight, level2, level2Weight, name, weight, score: weight, page, ...(change[name] ?? {}),
    })),
  });
}
const run = (...forms: Form[]) => {
  const doc: NormalizedDocument = { forms, narrative: [], sideTables: [], warnings: [] };
  return level1WeightMismatch.check(documentContext(doc));
};

describe("level1_weight_mismatch on 高邑's 投入 and 产出", () => {
  it("as printed every declared weight is its indicators' sum", () => {
    expect(run(gaoyi())).toEqual([]);
  });
  it("项目预算功能分类等编制合规性 at 7: 投入 (20) sums to 21 and 预算编制 (10) to 11 — one finding each, citing their members", () => {
    const found = run(gaoyi({ 项目预算功能分类等编制合规性: { weight: 7 } }));
    expect(found.map((f) => [f.params, f.expected, f.observed, f.page])).toEqual([
      [{ level: 1, name: "投入", indicators: 5 }, 20, 21, 20],
      [{ level: 2, name: "预算编制", indicators: 3 }, 10, 11, 20],
    ]);
    expect(found[0]).toMatchObject({ rule: "level1_weight_mismatch", severity: "warning", formSeq: 1, indicatorSeq: null, fundingSeq: null });
    expect(found.map((f) => f.message)).toEqual([
      `一级指标投入声明20分，但其下5项指标分值合计为21分（第20页至第21页，${GAOYI}）`,
      `二级指标预算编制声明10分，但其下3项指标分值合计为11分（第20页至第21页，${GAOYI}）`,
    ]);
    expect(inputsOf(found[1]!).map((i) => ("name" in i ? i.name : i.source))).toEqual(["预算编制完整性", "项目预算功能分类等编制合规性", "预算上报及时性"]);
  });
  it("a group on one page cites that page once; the group's page is its first member's", () => {
    const found = run(gaoyi({ 绩效指标科学性: { weight: 4 } }));
    expect(found.map((f) => [f.params?.name, f.page])).toEqual([["投入", 20], ["绩效目标指标管理", 20]]);
    expect(found[1]!.message).toBe(`二级指标绩效目标指标管理声明10分，但其下2项指标分值合计为11分（第20页，${GAOYI}）`);
  });
  it("a last member without a place: the first member's page alone", () => {
    const found = run(gaoyi({ 预算上报及时性: { weight: 3, page: null } }));
    expect(found.map((f) => f.message)).toEqual([
      `一级指标投入声明20分，但其下5项指标分值合计为21分（第20页，${GAOYI}）`,
      `二级指标预算编制声明10分，但其下3项指标分值合计为11分（第20页，${GAOYI}）`,
    ]);
  });
  it("the same 二级指标 name under two 一级指标 is two groups (质量指标 of 产出 and of 效果)", () => {
    const rows: typeof ROWS = [
      ["产出", 10, "质量指标", 10, "医药服务行为、费用及价格合格率", 5, 21],
      ["产出", 10, "质量指标", 10, "医保信息系统正常运行率", 5, 21],
      ["效果", 5, "质量指标", 5, "部门整体效益", 5, 21],
    ];
    expect(run(gaoyi({}, {}, rows))).toEqual([]);
  });
  it("a 二级指标 without its 一级指标 is still a group", () => {
    const rows: typeof ROWS = [["", null, "预算编制", 10, "预算编制完整性", 2, 20], ["", null, "预算编制", 10, "预算上报及时性", 2, 20]];
    expect(run(gaoyi({}, {}, rows)).map((f) => [f.params, f.observed])).toEqual([[{ level: 2, name: "预算编制", indicators: 2 }, 4]]);
  });
  it("a blank 一级指标 read as null or as empty text is the same absent one: its 二级指标 rows form one group", () => {
    const rows: typeof ROWS = [["", null, "预算编制", 10, "预算编制完整性", 2, 20], ["", null, "预算编制", 10, "预算上报及时性", 2, 20]];
    const found = run(gaoyi({ 预算编制完整性: { level1: null } }, {}, rows));
    expect(found.map((f) => [f.params, f.observed])).toEqual([[{ level: 2, name: "预算编制", indicators: 2 }, 4]]);
  });
  it("a weight printed without the name of its group (a split cell) declares nothing", () => {
    const found = run(gaoyi({ 预算编制完整性: { level1: null, level2: null } }, {}, [["投入", 20, "预算编制", 10, "预算编制完整性", 2, 20]]));
    expect(found).toEqual([]);
  });
  it("a group is declared by the row that prints its weight: rows before it are not its members", () => {
    const found = run(gaoyi({ 绩效目标科学性: { level1Weight: null }, 绩效指标科学性: { level1Weight: null } }));
    expect(found.map((f) => [f.params, f.observed])).toEqual([[{ level: 1, name: "投入", indicators: 3 }, 10]]);
  });
  it("no declared weight, nothing to compare", () => {
    const rows = ROWS.map(([l1, , l2, , name, w, p]): (typeof ROWS)[number] => [l1, null, l2, null, name, w, p]);
    expect(run(gaoyi({}, {}, rows))).toEqual([]);
  });
  it("a group with an unweighted member is not summed", () => {
    expect(run(gaoyi({ 项目预算功能分类等编制合规性: { weight: null } }))).toEqual([]);
  });
});

describe("level1_weight_mismatch on a form cut short", () => {
  it("without its total row, the group holding the last row may have lost rows: not compared; the others are", () => {
    const cut = ROWS.slice(0, -1);
    expect(run(gaoyi({}, { missing: ["total"] }, cut))).toEqual([]);
    const found = run(gaoyi({ 预算编制完整性: { weight: 3 } }, { missing: ["total"] }, cut));
    expect(found.map((f) => f.params?.name)).toEqual(["投入", "预算编制"]);
  });
  it("with its total row the last group is compared", () => {
    expect(run(gaoyi({}, {}, ROWS.slice(0, -1))).map((f) => [f.params?.name, f.observed])).toEqual([["产出", 20]]);
    expect(run(gaoyi({}, { missing: ["funding"] }, ROWS.slice(0, -1))).map((f) => f.params?.name)).toEqual(["产出"]);
  });
});

describe("level1_weight_mismatch: families", () => {
  it("a monitoring form prints no 分值 to sum; a target form printing them does", () => {
    const rows = { 项目预算功能分类等编制合规性: { weight: 7 } };
    expect(run(gaoyi(rows, { kind: "department_monitoring" }))).toEqual([]);
    expect(run(gaoyi(rows, { kind: "department_targets" }))).toHaveLength(2);
  });
});

describe("level1_weight_mismatch on rows read from text", () => {
  // Text keeps no merged cells: pdftotext prints 产出 halfway down its rows, and the reader may put
  // the boundary between 投入 and 产出 one row off. 预算上报及时性 (2) then counts under 产出.
  const shifted = ROWS.map((r): (typeof ROWS)[number] => (r[4] === "预算上报及时性" ? ["产出", 25, "数量指标", 10, r[4], r[5], r[6]] : r));
  const lines = (rows: typeof ROWS) => Object.fromEntries(rows.map(([, , , , name], k) => [name, { line: 40 + k }]));

  it("a boundary a row off, every group whole with it moved back: the reading's, no finding", () => {
    expect(run(gaoyi(lines(shifted), {}, shifted))).toEqual([]);
  });
  it("the same rows from a PDF's cells (no source line): the form's own grouping, reported", () => {
    expect(run(gaoyi({}, {}, shifted)).map((f) => [f.params, f.expected, f.observed])).toEqual([
      [{ level: 1, name: "投入", indicators: 4 }, 20, 18],
      [{ level: 2, name: "预算编制", indicators: 2 }, 10, 8],
      [{ level: 1, name: "产出", indicators: 8 }, 25, 27],
      [{ level: 2, name: "数量指标", indicators: 5 }, 10, 12],
    ]);
  });
  it("a weight printed wrong fits no boundary: reported from text too", () => {
    const wrong = { ...lines(shifted), 项目预算功能分类等编制合规性: { line: 43, weight: 7 } };
    expect(run(gaoyi(wrong, {}, shifted)).map((f) => f.params!.name)).toContain("投入");
  });
  // (A level's labels read unevenly — 预算编制 (10) whole, its neighbour split at a space into a label with no points —
  // leave that level's groups to the reading's guess.)
  it("a level's labels read some with points and some without: that level is not summed", () => {
    const wrong = { ...lines(ROWS), 项目预算功能分类等编制合规性: { line: 43, weight: 7 } };
    const uneven = { ...wrong, 预算上报及时性: { line: 44, level2: "预算", level2Weight: null } };
    expect(run(gaoyi(uneven, {}, ROWS)).map((f) => f.params!.level)).toEqual([1]);
    expect(run(gaoyi(wrong, {}, ROWS)).map((f) => f.params!.level)).toEqual([1, 2]);
  });
  it("a form read from text that lost its total: not summed; from a PDF's cells it is", () => {
    const wrong = { 项目预算功能分类等编制合规性: { weight: 7 } };
    expect(run(gaoyi({ ...lines(ROWS), ...{ 项目预算功能分类等编制合规性: { line: 43, weight: 7 } } }, { missing: ["total"] }, ROWS))).toEqual([]);
    expect(run(gaoyi(wrong, { missing: ["total"] }, ROWS)).map((f) => f.params!.name)).toEqual(["投入", "预算编制"]);
  });
});
