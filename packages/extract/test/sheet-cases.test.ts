/**
 * XLSX and XLS edge cases, from one LibreOffice workbook saved both ways
 * (scripts/fixtures-ooxml/make-cases.ts): stacked forms, a header merged over
 * two rows, displayed number formats, formulas, a hidden row and column, a 50-row merge,
 * a hidden sheet, a sheet named __proto__, a 1,000,000-row sheet, a sheet
 * reaching column XFD, a merge over 1.3 million cells, and the workbook saved
 * with a password (scripts/fixtures-ooxml/encrypt.py).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { extractBytes, toMatrix, type ExtractedDocument, type Table, ExtractError } from "../src/index.ts";
import { closeSheetWorker } from "../src/sheet/worker-host.ts";

const CASES = new URL("../../../fixtures/ooxml-cases/", import.meta.url);
const read = (name: string) => readFileSync(new URL(name, CASES));

const tablesOf = (doc: ExtractedDocument, page: number): Table[] =>
  doc.blocks.flatMap((b) => (b.kind === "table" && b.table.page === page ? [b.table] : []));
const textsOf = (t: Table) => toMatrix(t).map((r) => r.map((c) => (c ? c.text : null)));

afterAll(closeSheetWorker);

describe.each(["cases.xlsx", "cases.xls"])("%s", (file) => {
  let doc: ExtractedDocument;
  beforeAll(async () => {
    doc = await extractBytes(read(file), { fileName: file });
  });

  it("lists every sheet by name, marking the hidden one", () => {
    expect(doc.format).toBe(file.endsWith(".xls") ? "xls" : "xlsx");
    expect(doc.pageCount).toBe(4);
    expect(doc.pages.map((p) => p.name)).toEqual(["两张表", "长合并", "隐藏表", "__proto__"]);
    expect(doc.pages.map((p) => p.hidden ?? false)).toEqual([false, false, true, false]);
    expect(doc.warnings.some((w) => w.includes('"隐藏表" is hidden'))).toBe(true);
    // The hidden sheet is still read: hiding is not deleting.
    expect(textsOf(tablesOf(doc, 3)[0]!)).toEqual([["隐藏表的内容", "42"]]);
  });

  it("keeps two forms stacked on one sheet apart, each after its title", () => {
    const sheet1 = doc.blocks.filter((b) => (b.kind === "text" ? b.page : b.table.page) === 1);
    expect(sheet1.map((b) => (b.kind === "text" ? b.text : `table rows ${b.table.rowNumbers![0]}-${b.table.rowNumbers!.at(-1)}`))).toEqual([
      "甲项目支出绩效自评表", "table rows 2-7", "乙项目支出绩效自评表", "table rows 10-16",
    ]);
    for (const t of tablesOf(doc, 1)) expect(t.sheet).toBe("两张表");
  });

  it("merges a header over two header rows", () => {
    const [form] = tablesOf(doc, 1);
    const anchor = (row: number, col: number) => form!.cells.find((c) => c.row === row && c.col === col);
    expect(anchor(0, 0)).toMatchObject({ text: "指标名称", rowSpan: 2, colSpan: 1 });
    expect(anchor(0, 1)).toMatchObject({ text: "年度指标", rowSpan: 1, colSpan: 2 });
    expect(anchor(0, 3)).toMatchObject({ text: "权重", rowSpan: 2 });
    expect(anchor(1, 0)).toBeUndefined(); // covered by 指标名称
    expect(anchor(1, 1)?.text).toBe("年初指标");
    expect(anchor(1, 2)?.text).toBe("调整后指标");
  });

  it("shows numbers as formatted and formulas by their cached value", () => {
    const [form] = tablesOf(doc, 1);
    expect(textsOf(form!).slice(2)).toEqual([
      ["执行率", "79.74%", "79.74%", "10", "7.97"],
      ["基本支出", "1,326.26", "", "", ""],
      ["项目支出", "100.00", "", "", ""],
      ["合计", "1,426.26", "", "", ""], // =B5+B6, never evaluated by us and never shown as a formula
    ]);
  });

  it("marks the cells of a hidden row", () => {
    const second = tablesOf(doc, 1)[1]!;
    const last = second.nRows - 1;
    expect(second.rowNumbers![last]).toBe(16);
    const cells = second.cells.filter((c) => c.row === last);
    expect(cells.slice(0, 2).map((c) => [c.text, c.hidden])).toEqual([["隐藏行的备注", true], ["这一行被隐藏", true]]);
    expect(second.cells.filter((c) => c.row < last).every((c) => c.hidden === undefined)).toBe(true);
  });

  it("keeps a range merged over 50 rows as one cell with the sheet's row numbers", () => {
    const [t] = tablesOf(doc, 2);
    expect(t!.nRows).toBe(51);
    expect(t!.cells.find((c) => c.row === 1 && c.col === 0)).toMatchObject({ text: "产出指标", rowSpan: 50 });
    expect(t!.cells.filter((c) => c.col === 0).map((c) => c.text)).toEqual(["一级指标", "产出指标"]);
    expect(t!.rowNumbers![1]).toBe(2);
    expect(t!.rowNumbers![50]).toBe(51);
    expect(textsOf(t!)[50]).toEqual([null, "指标50", "50", ""]);
  });

  it("marks the cells of a hidden column", () => {
    const [t] = tablesOf(doc, 2);
    const hidden = t!.cells.filter((c) => c.hidden);
    expect(new Set(hidden.map((c) => c.col))).toEqual(new Set([3]));
    expect(hidden).toHaveLength(51);
    expect(hidden.slice(0, 2).map((c) => c.text)).toEqual(["隐藏列", "草稿"]);
    expect(doc.warnings).toContain(`${doc.format}: sheet "长合并" has 1 hidden columns`);
  });

  it("reads a sheet named __proto__ like any other, and pollutes nothing", () => {
    expect(doc.pages[3]).toMatchObject({ name: "__proto__" });
    const texts = doc.blocks.flatMap((b) => (b.kind === "text" ? (b.page === 4 ? [b.text] : []) : b.table.page === 4 ? b.table.cells.map((c) => c.text) : []));
    expect(texts).toEqual(["polluted"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(doc.warnings.some((w) => w.includes('"__proto__" not read'))).toBe(false);
  });
});

describe("refused workbooks", () => {
  it("refuses a sheet that declares 1,000,000 rows, before parsing it", async () => {
    const err = await extractBytes(read("tall.xlsx"), { fileName: "tall.xlsx" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExtractError);
    expect((err as ExtractError).code).toBe("too_large");
    expect((err as ExtractError).message).toMatch(/^too large: expected at most 50,000 rows per sheet, found xl\/worksheets\/sheet1\.xml declaring 1,000,000 rows$/);
  });

  it("refuses merged ranges covering more than a million cells (A1:Z50000)", async () => {
    const err = await extractBytes(read("bigmerge.xlsx"), { fileName: "bigmerge.xlsx" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExtractError);
    expect((err as ExtractError).code).toBe("too_large");
    expect((err as ExtractError).message).toBe('too large: expected merged ranges covering at most 1,000,000 cells in a workbook, found more by sheet "大合并"');
  });

  it.each(["password.xls", "password.bin"])("refuses a password-protected workbook (%s) as encrypted", async (name) => {
    const err = await extractBytes(read("password.xls"), { fileName: name }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExtractError);
    expect((err as ExtractError).code).toBe("encrypted");
    expect((err as ExtractError).message).toBe("encrypted: expected an unprotected XLS workbook, found a password-protected one (File is password-protected)");
  });

  it("refuses an OLE2 file that is not a workbook, naming what it is", async () => {
    const xls = read("cases.xls");
    const err = await extractBytes(xls.subarray(0, 512), { fileName: "cut.xls" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExtractError);
    expect((err as ExtractError).message.split("\n")).toHaveLength(1);
  });
});

describe("a sparse, very wide sheet", () => {
  it("lists only the filled cells of a 20 × 16,384 block, at their columns", async () => {
    const doc = await extractBytes(read("wide.xlsx"), { fileName: "wide.xlsx" });
    const [t] = tablesOf(doc, 1);
    expect([t!.nRows, t!.nCols]).toEqual([20, 16384]);
    expect(t!.cells).toHaveLength(40);
    expect(t!.cells.filter((c) => c.col === 16383).map((c) => c.text)).toEqual(Array(20).fill("最右"));
    expect(t!.rowNumbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });
});
