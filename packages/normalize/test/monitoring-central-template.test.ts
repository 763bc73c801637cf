/**
 * The 2019 central template of the 项目支出绩效目标执行监控表 (北京大学, 教育部; fixtures/real
 * beijing-2019-project-monitoring): each indicator's 1-7月执行数 and 全年预计执行数 are its progress
 * and forecast, 完成目标可能性 is answered by a tick under 确定能 | 有可能 | 完全不可能, 偏差原因分析
 * splits into 经费保障 … 其他 | 原因说明. The workbook it comes from puts the project's 绩效目标表 (2020年度,
 * a title that starts with the project's 2019年) and a 财政评审报告 beside it; and a workbook's
 * forms each on a sheet of its own keep the title line over them.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractBytes } from "@jixiao/extract";
import { normalizeDocument } from "@jixiao/normalize";
import { extractedFixture } from "./fixture-documents.ts";
import type { RealFormat } from "./real-forms.ts";

const ID = "beijing-2019-project-monitoring";
const FORMATS: RealFormat[] = ["pdf/lo", "pdf/chromium", "docx", "xlsx", "xls", "text/web"];

describe.each(FORMATS)("the central monitoring template (北京大学 2019, %s)", (format) => {
  it("reads each indicator's progress, forecast, ticked likelihood and stated reason", async () => {
    const form = normalizeDocument(await extractedFixture(ID, format)).forms.find((f) => f.kind === "project_monitoring")!;
    expect(form).toMatchObject({ asOfMonth: 7, fiscalYear: 2019 });
    expect(form.indicators).toHaveLength(14);
    expect(form.indicators[0]).toMatchObject({
      name: "成本节约率", targetText: "≥0", actualToDateText: "一般", forecastText: "100%", likelihood: "确定能",
      reason: "制作5集样片，下半年会集中出版",
    });
    expect(form.indicators.every((i) => i.likelihood === "确定能" && i.forecastText === "100%")).toBe(true);
  });

  it("finds the target form's year on its own line, and no form in the review report", async () => {
    const forms = normalizeDocument(await extractedFixture(ID, format)).forms;
    expect(forms.map((f) => [f.kind, f.fiscalYear])).toEqual([["project_targets", 2020], ["project_monitoring", 2019]]);
  });
});

// (A year line below a form's first table row is no year of the form: 黄石 2022's title gives 2022, and a line
// (2018年度) after its table changes nothing.)
it("keeps a title's year when a year line stands only below the form's table", async () => {
  const doc = await extractedFixture("hubei-2022-project-self-eval", "docx");
  const last = doc.blocks.map((b) => b.kind).lastIndexOf("table");
  const blocks = [...doc.blocks.slice(0, last + 1), { kind: "text" as const, page: 1, text: "(2018年度)" }, ...doc.blocks.slice(last + 1)];
  expect(normalizeDocument({ ...doc, blocks }).forms.map((f) => f.fiscalYear)).toEqual([2022]);
});

// (Plain pdftotext prints the review report's title and its year line as a row of two cells: still its title.)
it("finds no form in the review report in plain pdftotext's text either", async () => {
  const forms = normalizeDocument(await extractedFixture(ID, "text/pdftotext")).forms;
  expect(forms.map((f) => f.kind)).toEqual(["project_targets", "project_monitoring"]);
});

describe("a workbook of forms, one per sheet under its title line (黔南 forms 01, 06, 12)", () => {
  it.each(["xlsx", "xls"])("keeps every sheet's title with its form (%s)", async (ext) => {
    const file = new URL(`../../../fixtures/${ext}/sheets-three-forms.${ext}`, import.meta.url);
    const doc = await extractBytes(readFileSync(file), { fileName: `sheets-three-forms.${ext}` });
    const forms = normalizeDocument(doc).forms;
    expect(forms.map((f) => f.title)).toEqual(["上级项目支出绩效自评表", "州本级项目支出绩效目标自评表", "州本级项目支出绩效目标自评表"]);
  });
});
