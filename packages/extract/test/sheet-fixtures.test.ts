/**
 * The workbooks scripts/fixtures/make-sheets.py builds with LibreOffice Calc:
 * three forms on three sheets, two forms stacked on one sheet, a hidden sheet
 * with a hidden draft row, SUM formulas with cached totals, and the same form
 * saved with a password. XLSX and XLS must read the same.
 */
import { afterAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { extractBytes, extractFile, toMatrix, ExtractError, type ExtractedDocument, type Table } from "../src/index.ts";
import { closeSheetWorker } from "../src/sheet/worker-host.ts";

const FIXTURES = new URL("../../../fixtures/", import.meta.url).pathname;
const load = (format: string, name: string) => extractFile(`${FIXTURES}${format}/${name}.${format}`);
const tables = (doc: ExtractedDocument): Table[] => doc.blocks.flatMap((b) => (b.kind === "table" ? [b.table] : []));
const projectName = (t: Table) => toMatrix(t)[0]![2]?.text;
const totals = (t: Table) => toMatrix(t).find((r) => r[0]?.text === "总分")!.slice(6, 8).map((c) => c?.text);

afterAll(closeSheetWorker);

describe.each(["xlsx", "xls"])("Calc workbooks as %s", (format) => {
  it("reads three forms on three sheets, each located by its sheet name", async () => {
    const doc = await load(format, "sheets-three-forms");
    const names = ["医疗服务与保障能力提升补助资金", "城乡居民基本医疗保险", "医疗保障工作督查经费（州本级）"];
    expect(doc.pages.map((p) => p.name)).toEqual(names);
    const forms = tables(doc);
    expect(forms.map((t) => [t.page, t.sheet, projectName(t), t.rowNumbers![0]])).toEqual(names.map((n, i) => [i + 1, n, n, 9]));
    expect(forms.map(totals)).toEqual([["100", "98"], ["100", "99.8"], ["100", "90"]]);
  });

  it("keeps two forms stacked on one sheet as two tables with their row numbers", async () => {
    const doc = await load(format, "sheet-two-forms-stacked");
    const forms = tables(doc);
    expect(forms.map((t) => [t.sheet, projectName(t), t.rowNumbers![0], t.rowNumbers!.at(-1)])).toEqual([
      ["项目自评表", "乡镇经办医保专线网络使用费", 9, 28],
      ["项目自评表", "医保政策宣传经费", 40, 67],
    ]);
    // Each form is preceded by its own title.
    const order = doc.blocks.map((b) => (b.kind === "table" ? "TABLE" : b.text)).filter((t) => t === "TABLE" || t.endsWith("自评表"));
    expect(order).toEqual(["州本级项目支出绩效目标自评表", "TABLE", "州本级项目支出绩效目标自评表", "TABLE"]);
  });

  it("marks the hidden sheet and the hidden draft row, and still reads both", async () => {
    const doc = await load(format, "sheet-hidden");
    expect(doc.pages.map((p) => [p.name, p.hidden ?? false])).toEqual([
      ["建国初期退休干部医疗补助资金", false],
      ["定点医疗机构督查经费（草稿）", true],
    ]);
    expect(doc.warnings).toContain(`${format}: sheet 2 "定点医疗机构督查经费（草稿）" is hidden`);
    const [visible, hidden] = tables(doc);
    expect(hidden!.page).toBe(2);
    const hiddenCells = visible!.cells.filter((c) => c.hidden);
    expect(new Set(hiddenCells.map((c) => c.row)).size).toBe(1);
    expect(visible!.rowNumbers![hiddenCells[0]!.row]).toBe(21);
    expect(hiddenCells.map((c) => c.text).filter((t) => t)).toEqual(["（草稿）离休干部年度体检人数", "≥5人", "5人", "5", "5"]);
  });

  it("shows SUM formulas by the totals cached in the file", async () => {
    const doc = await load(format, "sheet-formulas");
    const [form] = tables(doc);
    expect(totals(form!)).toEqual(["100", "98"]);
    expect(JSON.stringify(doc.blocks)).not.toMatch(/SUM\(/i);
  });

  it("refuses the password-protected workbook in one line", async () => {
    const err = await extractFile(`${FIXTURES}broken/password-protected.${format}`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExtractError);
    expect((err as ExtractError).code).toBe("encrypted");
    expect((err as ExtractError).message).toMatch(/^encrypted: expected an unprotected XLSX?( workbook)?, found a password-protected /);
  });
});

describe("an HTML table saved as .xls", () => {
  it("reads like the workbook: each table with its merges and cell texts", async () => {
    // What many systems' "export to Excel" writes. (Detection sends such a file
    // here only when told to: format "xls".)
    const html = readFileSync(`${FIXTURES}html/xinzhou-2022-selfeval-report-annex1.html`);
    const doc = await extractBytes(html, { fileName: "export.xls", format: "xls" });
    const [budget] = tables(doc);
    expect(toMatrix(budget!)[2]!.map((c) => c?.text ?? null)).toEqual(["合计", "86,500", "86,500", "86,500", "62,502.5", "23,997.5", "72.26", "7.23"]);
    expect(budget!.cells.find((c) => c.text === "年初预算数")).toMatchObject({ colSpan: 2 });
    expect(tables(doc).some((t) => t.cells.some((c) => c.text === "医药招采与基金监管工作经费"))).toBe(true);
  });

  it("refuses bytes that are neither OLE2 nor HTML", async () => {
    const err = await extractBytes(Buffer.from("序号,项目\n1,甲\n"), { fileName: "x.xls", format: "xls" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExtractError);
    expect((err as ExtractError).message).toBe("corrupt: expected an XLS (OLE2) workbook, found 20 bytes without the OLE2 signature");
  });
});
