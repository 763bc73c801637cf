/**
 * A monitoring form's period to date (forms.as_of_month): from its columns
 * (1-6月执行数) where they say it, else from its title (2019年1-9月…监控表) —
 * the real 黄石 2019 form as printed, and with its title and money header
 * worded as other templates word them.
 */
import { describe, expect, it } from "vitest";
import type { ExtractedDocument } from "@jixiao/extract";
import { normalizeDocument } from "@jixiao/normalize";
import { monthsInTitle } from "../src/headers.ts";
import { extractedFixture } from "./fixture-documents.ts";

const ID = "hubei-2019-project-monitoring";
const TITLE = "黄石市项目支出绩效监控表 (申遗)";
const MONTHS_HEADER = "1-6月执行数";

/** The document with its title line and money header cell worded otherwise. */
function worded(doc: ExtractedDocument, title: string, header: string): ExtractedDocument {
  const blocks = doc.blocks.map((b) => {
    if (b.kind === "text") return b.text === TITLE ? { ...b, text: title } : b;
    if (b.kind !== "table") return b;
    return { ...b, table: { ...b.table, cells: b.table.cells.map((c) => (c.text.trim() === MONTHS_HEADER ? { ...c, text: header } : c)) } };
  });
  expect(JSON.stringify(blocks)).not.toEqual(JSON.stringify(doc.blocks));
  return { ...doc, blocks };
}

const asOfMonth = (doc: ExtractedDocument) => normalizeDocument(doc).forms.map((f) => [f.kind, f.asOfMonth]);

describe("a monitoring form's months", () => {
  it("come from the columns that print them", async () => {
    expect(asOfMonth(await extractedFixture(ID, "docx"))).toEqual([["project_monitoring", 6]]);
  });

  it("come from the title when the columns do not print them", async () => {
    const doc = await extractedFixture(ID, "docx");
    expect(asOfMonth(worded(doc, "黄石市2019年1-9月项目支出绩效监控表 (申遗)", "执行数"))).toEqual([["project_monitoring", 9]]);
    expect(asOfMonth(worded(doc, "黄石市项目支出绩效监控表(截至2019年9月底)", "执行数"))).toEqual([["project_monitoring", 9]]);
  });

  it("stay unknown when neither prints them, and the columns win over the title", async () => {
    const doc = await extractedFixture(ID, "docx");
    expect(asOfMonth(worded(doc, TITLE, "执行数"))).toEqual([["project_monitoring", null]]);
    expect(asOfMonth(worded(doc, "黄石市2019年1-9月项目支出绩效监控表 (申遗)", MONTHS_HEADER))).toEqual([["project_monitoring", 6]]);
  });

  it("are read only where a period starts: the title's start, after its year, or after a bracket", () => {
    expect(monthsInTitle("游仙区审计局2023年度1-9月绩效运行监控分析表")).toBe(9);
    expect(monthsInTitle("1-6月项目支出绩效运行监控表")).toBe(6);
    expect(monthsInTitle("项目支出绩效运行监控表(截至2023年10月底)")).toBe(10);
    // 11-12 inside a code or a count is no period.
    expect(monthsInTitle("项目编号21-12月度监控表")).toBeNull();
    expect(monthsInTitle("项目支出绩效运行监控表")).toBeNull();
  });
});
