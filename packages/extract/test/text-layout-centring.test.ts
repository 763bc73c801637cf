/**
 * The steps that read the cells a form centres in their rows, in committed
 * `pdftotext -layout` files (text-layout.ts): labels beside wrapped paragraphs
 * (text-layout-label-paragraphs.ts), a row's wrapped cells split round its
 * line (text-layout-centred-pairs.ts, text-layout-centred-cells.ts), the
 * header's wrapped column words, group labels printed halfway down their
 * rows (text-span-labels.ts), and a table kept whole across a tall row's
 * blank lines (bridgeRegions).
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parseExtractedText, toMatrix, type Table } from "@jixiao/extract";

const REAL = new URL("../../../fixtures/real/text/", import.meta.url);
const textOf = (id: string) => readFileSync(new URL(`${id}.pdftotext-layout.txt`, REAL), "utf8");
const tablesOf = (id: string) => parseExtractedText(textOf(id)).blocks.flatMap((b) => (b.kind === "table" ? [b.table] : []));
const rowsOf = (t: Table) => toMatrix(t).map((r) => r.map((c) => c?.text ?? "").filter(Boolean));
const cellWith = (tables: Table[], text: string) => tables.flatMap((t) => t.cells).find((c) => c.text === text);

describe("looksLikeColumnLayout: lines indented to a column count as its lines", () => {
  it("reads a form of labels beside paragraphs, few lines of it with a gap, as column layout (上海 2019)", () => {
    expect(tablesOf("shanghai-2019-project-targets")).toHaveLength(1);
  });
});

describe("joinLabelParagraphs: a label centred beside its wrapped paragraph is one row", () => {
  it("takes as many paragraph lines below the label as above it (上海 2019)", () => {
    const rows = tablesOf("shanghai-2019-project-targets").flatMap(rowsOf);
    expect(rows).toContainEqual(["资金用途", "基本建设工程类□信息化建设类□政策补贴类□政府购买服务□资产购置类□其他事业专业类√"]);
    expect(rows).toContainEqual(["立项依据", "按照沪编[2015]581号《关于同意调整上海市委统战部所属部分事业单位机构编制的批复》以及实际工作需要。"]);
    expect(rows.find((r) => r[0] === "项目概况")?.[1]).toMatch(/^根据上海市同舟服务中心.*预计全年服务1715人次。$/);
  });

  it("joins a paragraph's line that a wide gap cut in two (上海 2019: 结转项目□  其他一次性项目□)", () => {
    const rows = tablesOf("shanghai-2019-project-targets").flatMap(rowsOf);
    expect(rows).toContainEqual(["项目类型", "市委市政府已确定的新增项目□结转项目□其他一次性项目□经常性专项业务费√其他经常性项目□"]);
  });

  it("takes a label of two lines round its one-line paragraph as one, beside labels with their own lines (百色 2023)", () => {
    // The form's labels and paragraphs, from 项目实施内容's first line to the indicator header (the money block
    // above them, whose labels the centring does not divide, is left out).
    const lines = textOf("guangxi-2023-project-targets").split("\n");
    const from = lines.findIndex((l) => l.includes("根据 2020 年"));
    const to = lines.findIndex((l) => l.includes("一级指标"));
    const rows = parseExtractedText(["项目名称  百色天立学校办学补贴", ...lines.slice(from, to + 1)].join("\n"))
      .blocks.flatMap((b) => (b.kind === "table" ? rowsOf(b.table) : []));
    expect(rows).toContainEqual(["项目起止时间", "2023年6月至12月"]);
    expect(rows).toContainEqual(["项目实施进度计划", "2023年12月31日前完成"]);
    expect(rows.find((r) => r[0] === "项目实施内容")?.[1]).toMatch(/^根据2020年9月29日.*支出补贴……”。$/);
    expect(rows.find((r) => r[0] === "年度绩效目标")?.[1]).toMatch(/^投入1800万元.*全面发展。$/);
    expect(rows.find((r) => r[0] === "中期绩效目标")?.[1]).toMatch(/^引进优质教育品牌.*品牌影响力。$/);
  });

  it("joins a label of two lines into one beside its paragraph (湖南 2018 部门)", () => {
    const rows = tablesOf("hunan-2018-department-self-eval").flatMap(rowsOf);
    expect(rows.find((r) => r[0] === "职能职责概述")?.[1]).toMatch(/^负责全市数字化城市管理监督.*业务指导。$/);
    expect(rows.find((r) => r[0] === "年度主要工作内容")?.[1]).toMatch(/^1\.完成数字化城市管理.*业务指导。$/);
  });
});

describe("joinCentredPairs: the lines of three wrapped cells either side of their row's line", () => {
  it("joins both to the row, the name's outer lines after them (湖北 2022)", () => {
    expect(tablesOf("hubei-2022-project-self-eval").flatMap(rowsOf)).toContainEqual(
      ["年度绩效目标1 (80分)", "产出指标", "数量指标", "完成省级宣传片制作;完成实施方案的编制;完成自评估报告", "完成1部宣传片,2套方案", "完成1部宣传片,2套方案", "10"],
    );
  });
});

describe("joinCentredCells: wrapped cells placed column by column round the rows' lines", () => {
  it("reads names of four and five lines round value lines with no name on them (安徽 2019 转移支付)", () => {
    const rows = tablesOf("anhui-2019-transfer-self-eval").flatMap(rowsOf);
    expect(rows).toContainEqual(["★★★建档立卡贫困人口中接受临时救助的人次数(≥**人次)", "5", ">=59人次", "87人次", "5"]);
    expect(rows).toContainEqual(["★★★特困人员救助供养人数(按月平均)(≥**人)", "5", ">=4754人", "4604人", "5", "特困人员实行动态管理"]);
    expect(rows).toContainEqual(["农村特困人员救助供养基本生活标准(≥**元/人·月)", "5", ">=570元/人*月", "758元/人*月", "5"]);
  });

  it("joins the header's column words wrapped round its line and reads rows of long criteria (安徽 2023 部门评价)", () => {
    const rows = tablesOf("anhui-2023-department-scorecard").flatMap(rowsOf);
    expect(rows).toContainEqual(["序号", "一级指标", "二级指标", "三级指标", "指标分值", "指标解释", "指标说明及评分标准", "自评得分"]);
    expect(rows).toContainEqual(["2", "工作计划(6分)", "年度工作计划完整性", "3", "部门及所属二级单位年度工作计划制定是否完整可行。", "年度工作计划是否完整可行(3分)", "3"]);
  });
});

describe("moveSpanLabels: a label's middle measured without the lines labels take between rows", () => {
  it("covers exactly the rows whose middle it is printed at (四川 scorecard)", () => {
    const tables = tablesOf("sichuan-undated-scorecard");
    expect(cellWith(tables, "部门决策(25分)")?.rowSpan).toBe(5);
    expect(cellWith(tables, "预算编制(10分)")?.rowSpan).toBe(2);
    expect(cellWith(tables, "综合管理(30分)")?.rowSpan).toBe(16);
    // 履职成效 on a line of its own under its one row covers that row only.
    expect(cellWith(tables, "履职成效(20分)")?.rowSpan).toBe(1);
  });

  it("keeps the side label 绩效指标 apart from the level 1 pushed against it, and both level 1s in one column (安徽 2022)", () => {
    const tables = tablesOf("anhui-2022-project-self-eval-2");
    const output = cellWith(tables, "产出指标(50分)"), effect = cellWith(tables, "效益指标(30分)");
    expect(cellWith(tables, "绩效指标")).toBeDefined();
    expect(output?.col).toBe(effect?.col);
    // 产出 over the six rows from 补助村(社区)数量 to 项目总成本, 效益 over the two after them.
    expect([output?.rowSpan, effect?.rowSpan]).toEqual([6, 2]);
    expect(effect!.row).toBe(output!.row + 6);
  });
});

describe("bridgeRegions: a tall row's blank lines do not end a table whose columns go on", () => {
  it("keeps the rows after two blank lines in the table above (四川 scorecard)", () => {
    const t = tablesOf("sichuan-undated-scorecard").find((x) => x.cells.some((c) => c.text === "部门特性指标"));
    expect(t?.cells.map((c) => c.text)).toContain("重点改革(重点工作)完成情况(5分)");
    expect(t?.cells.map((c) => c.text)).toContain("部门绩效情况(45分)");
  });
});
