/**
 * Layout text of forms whose cells the form centres in their rows
 * (`pdftotext -layout` of the LibreOffice PDFs of fixtures/real): a wrapped
 * cell's lines go as far above its row's line as below it, so the lines
 * between two rows are split where the row above's own lines end
 * (text-wrapped-rows.ts), and a label merged down over several rows, printed
 * halfway down them, heads the first row it covers (text-span-labels.ts).
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parseExtractedText, toMatrix, type Table } from "@jixiao/extract";
import { normalizeDocument } from "@jixiao/normalize";

const REAL = new URL("../../../fixtures/real/text/", import.meta.url);
const docOf = (id: string) => parseExtractedText(readFileSync(new URL(`${id}.pdftotext-layout.txt`, REAL), "utf8"));
const tablesOf = (id: string) => docOf(id).blocks.flatMap((b) => (b.kind === "table" ? [b.table] : []));
const rowsOf = (t: Table) => toMatrix(t).map((r) => r.map((c) => c?.text ?? "").filter(Boolean));
const indicatorsOf = (id: string) => normalizeDocument(docOf(id), { fileName: `${id}.txt` }).forms.flatMap((f) => f.indicators);

describe("joinWrappedRows: the lines between two rows split where the row above's centred cells end", () => {
  it("gives each criterion of the 湖南 scorecard its own lines, none to the header (财政供养人员 / 控制率 interleaved)", () => {
    const rows = tablesOf("hunan-undated-department-scorecard").flatMap(rowsOf);
    expect(rows).toContainEqual(["一级指标", "二级指标", "三级指标", "评分标准", "分值", "自评得分", "扣分原因和其他说明"]);
    expect(rows).toContainEqual(["“三公经费”变动率", "“三公经费”变动率≦0,计5分;“三公经费”>0,每超过一个百分点扣0.5分,扣完为止。", "5", "5"]);
    const first = rows.find((r) => r.includes("财政供养人员控制率"));
    expect(first?.find((c) => c.startsWith("以100%为标准。"))).toMatch(/扣完为止。$/);
  });

  it("joins the heads of the header's wrapped cells above it (实际完成 over 值), not a label's tail (标 over 一级指标)", () => {
    expect(tablesOf("anhui-2022-project-self-eval").flatMap(rowsOf)).toContainEqual(
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]);
    const header = tablesOf("hunan-2023-department-targets").flatMap(rowsOf).find((r) => r.includes("二级指标"));
    expect(header?.[0]).toBe("一级指标");
  });

  it("takes a wrapped line that starts with a figure for words when a sentence goes on (5000吨稻谷、500吨)", () => {
    const rows = tablesOf("hunan-2020-transfer-self-eval").flatMap(rowsOf);
    expect(rows.find((r) => r.includes("5000吨稻谷、500吨成品粮储备到位率"))?.slice(-2)).toEqual(["100%", "100%"]);
  });
});

describe("moveSpanLabels: a label centred over its rows heads the first of them", () => {
  it("puts 投 入(15分) and 预算配置(15分) on the first of their three rows (湖南 scorecard)", () => {
    const cells = tablesOf("hunan-undated-department-scorecard").flatMap((t) => t.cells);
    const first = cells.find((c) => c.text === "财政供养人员控制率")!;
    expect(cells.find((c) => c.text === "投 入(15分)")).toMatchObject({ row: first.row, rowSpan: 3 });
    expect(cells.find((c) => c.text === "预算配置(15分)")).toMatchObject({ row: first.row, rowSpan: 3 });
    const read = indicatorsOf("hunan-undated-department-scorecard").slice(0, 3);
    expect(read.map((i) => [i.level1, i.level2, i.name])).toEqual([
      ["投入", "预算配置", "财政供养人员控制率"],
      ["投入", "预算配置", "“三公经费”变动率"],
      ["投入", "预算配置", "重点支出安排率"],
    ]);
    expect([read[1]!.weight, read[1]!.score]).toEqual([5, 5]);
  });

  it("gives every indicator of the 湖北 targets its 一级 and 二级 labels", () => {
    const read = indicatorsOf("hubei-2020-project-targets-2");
    expect(read).toHaveLength(9);
    expect(read.every((i) => i.level1 === "产出指标" || i.level1 === "效益指标")).toBe(true);
    expect(read.filter((i) => i.level1 === "产出指标").map((i) => i.level2)).toEqual(["数量指标", "质量指标", "质量指标", "时效指标", "时效指标", "成本指标"]);
    expect(read[0]).toMatchObject({ name: "农村义务教育学校改造覆盖率", targetText: "100%" });
  });

  it("joins a label's pieces (产出指标 (50 / 分)) and starts the 一级 and 二级 labels on the first indicator (安徽 2019)", () => {
    const rows = tablesOf("anhui-2019-transfer-self-eval").flatMap(rowsOf);
    expect(rows).toContainEqual(["产出指标(50分)", "数量指标", "★★★农村低保发放人数(按月平均)(≥**人)", "5", ">=21933人", "21980人", "5"]);
  });

  it("joins a label's weight to its two lines the wrapped step made one piece (产出 / 指标 / (50 分), 山西 2020)", () => {
    const rows = tablesOf("shanxi-2020-project-self-eval").flatMap(rowsOf);
    expect(rows.flat()).not.toContain("(50分)");
    const read = indicatorsOf("shanxi-2020-project-self-eval");
    expect(read.map((i) => i.level1)).toEqual(["产出指标", "产出指标", "产出指标", "产出指标", "效益指标", "满意度指标"]);
  });

  it("reads a level's two lines (社会效益 / 指标) as one label over its two rows, not labels on every row (湖南 2022)", () => {
    const read = indicatorsOf("hunan-2022-project-targets");
    const level2 = (name: string) => read.find((i) => i.name === name)?.level2;
    expect(level2("受益脱贫(监测)人口数")).toBe("社会效益指标");
    expect(level2("解决脱贫(监测)饮水安全问题人数")).toBe("社会效益指标");
    expect(level2("新增和改善排水达标面积")).toBe("生态效益指标");
    expect(level2("脱贫户供水设施数量")).toBe("数量指标");
  });
});
