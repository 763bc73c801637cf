/**
 * Text made by common tools: `pdftotext -layout` (columns by spaces), plain
 * `pdftotext` (a cell per line), text copied from a web page's table (tabs,
 * merged cells missing; or a cell per line, a blank line after each row).
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parseExtractedText, toMatrix, type ExtractedDocument, type Table } from "@jixiao/extract";

const TOOLS = new URL("../../../fixtures/text-tools/", import.meta.url);
const read = (name: string) => parseExtractedText(readFileSync(new URL(name, TOOLS), "utf8"));
const tables = (doc: ExtractedDocument) => doc.blocks.flatMap((b) => (b.kind === "table" ? [b.table] : []));
const texts = (doc: ExtractedDocument) => doc.blocks.flatMap((b) => (b.kind === "text" ? [b.text] : []));
const rowsOf = (t: Table) => toMatrix(t).map((r) => r.map((c) => c?.text ?? ""));

describe("column layout (pdftotext -layout)", () => {
  const LAYOUT = [
    "Budget execution",
    "",
    "Source            Budget      Executed     Rate",
    "Total             86,500      62,502.5     72.26%",
    "County funds      86,500      62,502.5     72.26%",
    "Other                  0             0",
    "",
    "The unit spent 62,502.5 of 86,500.",
  ].join("\n");

  it("reads rows by line and cells by aligned columns; narrative stays narrative", () => {
    const doc = parseExtractedText(LAYOUT);
    expect(texts(doc)).toEqual(["Budget execution", "The unit spent 62,502.5 of 86,500."]);
    const [t] = tables(doc);
    expect(rowsOf(t!)).toEqual([
      ["Source", "Budget", "Executed", "Rate"],
      ["Total", "86,500", "62,502.5", "72.26%"],
      ["County funds", "86,500", "62,502.5", "72.26%"],
      ["Other", "0", "0", ""],
    ]);
    expect(t!.rowLines).toEqual([3, 4, 5, 6]);
  });

  it("counts CJK characters as one column each, as pdftotext places them", () => {
    // Padded by code points, as pdftotext pads: 年度资金总额: is 7 characters, 7 columns.
    const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd([14, 10, 10][i]!))).join("");
    const doc = parseExtractedText([
      line(["资金来源", "全年预算数", "全年执行数", "执行率"]),
      line(["年度资金总额:", "228", "181.82", "79.74%"]),
      line(["财政拨款", "228", "181.82", "—"]),
      line(["其他资金", "", "", "—"]),
    ].join("\n"));
    expect(rowsOf(tables(doc)[0]!)).toEqual([
      ["资金来源", "全年预算数", "全年执行数", "执行率"],
      ["年度资金总额:", "228", "181.82", "79.74%"],
      ["财政拨款", "228", "181.82", "—"],
      ["其他资金", "", "", "—"],
    ]);
  });

  it("is told from prose by the text, not the file name: prose with double spaces stays narrative", () => {
    const prose = "This is a sentence.  Another one follows.\nA second line of prose.  It goes on.\nThird line.  End.\n";
    expect(tables(parseExtractedText(prose))).toEqual([]);
  });

  it("finds the 黔南 forms' tables in pdftotext -layout output, page per form feed, titles as narrative", () => {
    const doc = read("lo-qiannan-2023-project-selfeval.layout.txt");
    expect(doc.pageCount).toBe(25);
    expect(texts(doc).filter((t) => /^(上级|州本级)项目支出绩效(目标)?自评表$/.test(t))).toHaveLength(16);
    const rows = tables(doc).flatMap(rowsOf).map((r) => r.filter(Boolean));
    expect(rows).toContainEqual(["年度资金总额:", "228", "228", "181.82", "10分", "79.74%", "8"]);
    expect(rows).toContainEqual(["总分", "100", "98"]);
  });
});

describe("plain pdftotext (a cell per paragraph)", () => {
  it("rebuilds rows from the cells (text-stream.ts), titles as narrative", () => {
    const doc = read("lo-qiannan-2023-project-selfeval.raw.txt");
    expect(texts(doc)).toContain("上级项目支出绩效自评表");
    const rows = tables(doc).flatMap(rowsOf).map((r) => r.filter(Boolean));
    // The header run holds four of the six columns: the row is cut at its width plus one.
    expect(rows).toContainEqual(["年度资金总额:", "228", "228", "181.82", "10 分"]);
  });
});

describe("text copied from a web page's table", () => {
  it("puts a row short of the cells merged down from above under the right columns", () => {
    const doc = parseExtractedText([
      "绩效指标\t产出指标\t数量指标\t打造医保经办服务圈\t≥12个\t12个\t4\t4",
      "打造基层医保经办服务示范窗口\t≥12个\t12个\t4\t4",
      "质量指标\t信息系统正常运行\t≥90%\t90%\t3\t3",
      "项目名称\t医疗服务与保障能力提升补助资金",
    ].join("\n"));
    expect(rowsOf(tables(doc)[0]!)).toEqual([
      ["绩效指标", "产出指标", "数量指标", "打造医保经办服务圈", "≥12个", "12个", "4", "4"],
      ["", "", "", "打造基层医保经办服务示范窗口", "≥12个", "12个", "4", "4"],
      ["", "", "质量指标", "信息系统正常运行", "≥90%", "90%", "3", "3"],
      ["项目名称", "医疗服务与保障能力提升补助资金", "", "", "", "", "", ""],
    ]);
  });

  it("leaves text that marks merged slots with empty cells as it is", () => {
    const doc = parseExtractedText("总分\t\t100\t98\n\t合计\t5\n");
    expect(rowsOf(tables(doc)[0]!)).toEqual([["总分", "", "100", "98"], ["", "合计", "5", ""]]);
  });

  it("marks the rows that print a cell for every column, which nothing merged over, as standing where printed", () => {
    const doc = parseExtractedText([
      "评价指标\t评价内容\t指标名称\t指标说明\t目标值\t分值\t备注",
      "项目年度绩效目标(定量指标)\t制度指标\t规章制度建立与否\t\t\t20\t",
      "产出数量指标\t享受资助人数\t达到预计值\t2100\t10\t",
      "资金支出率\t达到目标值\t95%\t10\t",
    ].join("\n"));
    expect(tables(doc)[0]!.fullRows).toEqual([0, 1]);
  });

  it("reads a cell per line with a blank line after each row as rows", () => {
    const doc = parseExtractedText([
      "项目支出绩效自评表", "", "资金来源", "年初预算数", "全年预算数", "全年执行数", "",
      "年度资金总额", "228", "228", "181.82", "", "财政拨款", "228", "228", "181.82", "", "其他资金", "—", "—", "—", "",
      "以上数据来自财务系统，经核对无误后填报。",
    ].join("\n"));
    expect(texts(doc)).toEqual(["项目支出绩效自评表", "以上数据来自财务系统，经核对无误后填报。"]);
    const [t] = tables(doc);
    expect(rowsOf(t!)).toEqual([
      ["资金来源", "年初预算数", "全年预算数", "全年执行数"],
      ["年度资金总额", "228", "228", "181.82"],
      ["财政拨款", "228", "228", "181.82"],
      ["其他资金", "—", "—", "—"],
    ]);
    expect(t!.rowLines).toEqual([3, 8, 13, 18]);
  });
});
