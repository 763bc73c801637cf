/**
 * The PDF steps after the lattice: borderless tables from text alignment,
 * cells of tables ruled only in part, tables continued on the next page, on
 * small hand-placed layouts whose expected grids are known.
 */
import { describe, expect, it } from "vitest";
import type { Glyph, Word } from "../src/pdf/geometry.ts";
import type { LooseLine } from "../src/pdf/layout.ts";
import type { FoundCell } from "../src/pdf/page-tables.ts";
import type { PageLayout } from "../src/pdf/layout.ts";
import { dropPageFurniture } from "../src/pdf/margins.ts";
import { continuesTable, joinContinuedTable, labelsPrintedBelowTheBreak, repeatedHeaderRows, type DocTable } from "../src/pdf/continuation.ts";
import { isClippedCopy } from "../src/pdf/document.ts";
import { PdfSettings } from "../src/pdf/settings.ts";
import { splitAcrossColumns, stackedLineBorders } from "../src/pdf/stacked-cells.ts";
import { chunksOfLine, columnBorders, unruledTables } from "../src/pdf/unruled.ts";

const S = PdfSettings.parse({});
const SIZE = 10;

/** Glyphs of `text` from x on the line whose top is y, 0.55 em per Latin character, 1 em per CJK. */
function glyphs(text: string, x: number, y: number, run = 0): Glyph[] {
  let at = x;
  return Array.from(text).map((ch) => {
    const w = /[\u3000-\u9fff]/.test(ch) ? SIZE : SIZE * 0.55;
    const g = { text: ch, x0: at, x1: at + w, y0: y, y1: y + SIZE, size: SIZE, spaceBefore: false, run };
    at += w;
    return g;
  });
}
const word = (text: string, x: number, y: number): Word => {
  const gs = glyphs(text, x, y);
  return { text, x0: gs[0]!.x0, x1: gs[gs.length - 1]!.x1, y0: y, y1: y + SIZE, size: SIZE, spaceBefore: false };
};
const line = (y: number, ...parts: [string, number][]): LooseLine => {
  const words = parts.map(([t, x]) => word(t, x, y));
  return { x0: words[0]!.x0, x1: words[words.length - 1]!.x1, y0: y, y1: y + SIZE, text: parts.map((p) => p[0]).join(" "), words, size: SIZE };
};

describe("borderless tables", () => {
  const lines = [
    line(100, ["Country", 50], ["Imported", 200], ["Total", 300]),
    line(114, ["Austria", 50], ["7.1", 200], ["5,821", 300]),
    line(128, ["Belgium", 50], ["0", 200], ["5,906", 300]),
    line(142, ["Czech", 50], ["Republic", 82], ["0.8", 200], ["24,137", 300]),
  ];

  it("cuts a line into chunks at column-wide gaps only", () => {
    expect(chunksOfLine(lines[3]!, S).map((c) => c.text)).toEqual(["Czech Republic", "0.8", "24,137"]);
    const cjk = line(100, ["资金来源", 50], ["年初预算数", 100]);
    expect(chunksOfLine(cjk, S).map((c) => c.text)).toEqual(["资金来源", "年初预算数"]);
  });

  it("finds the columns in the gaps no chunk covers, and one row per line", () => {
    const rows = lines.map((l) => chunksOfLine(l, S));
    expect(columnBorders(rows).length).toBe(4);
    const { tables, rest } = unruledTables(1, [line(60, ["Table 3: imports", 50]), ...lines], S);
    expect(rest.map((l) => l.text)).toEqual(["Table 3: imports"]);
    const t = tables[0]!;
    expect([t.nRows, t.nCols]).toEqual([4, 3]);
    expect(t.cells.filter((c) => c.row === 3).map((c) => c.text)).toEqual(["Czech Republic", "0.8", "24,137"]);
  });

  it("leaves narrative text alone", () => {
    const prose = [0, 1, 2, 3].map((i) => line(100 + 14 * i, ["Vocational education is mainly financed", 50], ["through public funds.", 262]));
    expect(unruledTables(1, prose, S).tables).toEqual([]);
  });
});

describe("tables ruled only in part", () => {
  const xs = [0, 100, 200, 300];
  it("splits a wide body cell whose values sit in the header's columns", () => {
    const gs = [...glyphs("Austria", 5, 50), ...glyphs("92.9", 150, 50), ...glyphs("5,821", 250, 50)];
    const pieces = splitAcrossColumns({ box: { x0: 0, x1: 300, y0: 45, y1: 65 }, glyphs: gs }, xs, S);
    expect(pieces.map((p) => p.glyphs.map((g) => g.text).join(""))).toEqual(["Austria", "92.9", "5,821"]);
  });

  it("keeps a merged cell whose text runs across the column borders", () => {
    const gs = glyphs("医疗服务与保障能力提升补助资金", 20, 50);
    expect(splitAcrossColumns({ box: { x0: 0, x1: 300, y0: 45, y1: 65 }, glyphs: gs }, xs, S)).toHaveLength(1);
  });

  it("splits a row of stacked values into one row per line, a value missing or not", () => {
    const stacked = [0, 100, 200].map((x, k) => ({
      box: { x0: x, x1: x + 100, y0: 40, y1: 90 },
      glyphs: [...glyphs(`a${k}`, x + 5, 42), ...glyphs(`b${k}`, x + 5, 56), ...glyphs(`c${k}`, x + 5, 70)],
    }));
    expect(stackedLineBorders(stacked, S)).toHaveLength(2);
    const holed = [stacked[0]!, stacked[1]!, { ...stacked[2]!, glyphs: [...glyphs("1.5", 205, 42), ...glyphs("2.5", 205, 70)] }];
    expect(stackedLineBorders(holed, S)).toHaveLength(2);
  });

  it("keeps cells whose text wraps onto two lines as one row: the rules decide the rows", () => {
    const header = [0, 100, 200].map((x, k) => ({
      box: { x0: x, x1: x + 100, y0: 40, y1: 76 },
      glyphs: [...glyphs(`Improved${k}`, x + 5, 42), ...glyphs("Speed", x + 5, 56)],
    }));
    expect(stackedLineBorders(header, S)).toBeNull();
  });
});

describe("tables across pages", () => {
  const cell = (row: number, col: number, text: string, page: number, y0: number, y1: number, extra: Partial<FoundCell> = {}): FoundCell =>
    ({ row, col, rowSpan: 1, colSpan: 1, text, page, bbox: { x0: col * 100, x1: col * 100 + 100, y0, y1 }, ...extra });
  const part = (page: number, nRows: number, cells: FoundCell[]): DocTable =>
    ({ page, pageTo: page, bbox: { x0: 0, x1: 300, y0: 0, y1: 100 }, xs: [0, 100, 200, 300], ys: [], nRows, nCols: 3, cells, ruled: true });

  const first = part(1, 3, [
    cell(0, 0, "一级指标", 1, 0, 20), cell(0, 1, "三级指标", 1, 0, 20), cell(0, 2, "分值", 1, 0, 20),
    cell(1, 0, "产出指标", 1, 20, 60, { rowSpan: 2 }), cell(1, 1, "公益广告", 1, 20, 40), cell(1, 2, "5", 1, 20, 40),
    cell(2, 1, "宣传册", 1, 40, 60), cell(2, 2, "5", 1, 40, 60),
  ]);

  it("joins a part with the same columns and extends a merged cell the break cut", () => {
    const second = part(2, 1, [cell(0, 0, "", 2, 0, 20), cell(0, 1, "深度报道", 2, 0, 20), cell(0, 2, "5", 2, 0, 20)]);
    expect(continuesTable(first, second)).toBe(true);
    const joined = joinContinuedTable(first, second);
    expect([joined.page, joined.pageTo, joined.nRows]).toEqual([1, 2, 4]);
    expect(joined.cells.find((c) => c.text === "产出指标")).toMatchObject({ row: 1, rowSpan: 3 });
    expect(joined.cells.find((c) => c.text === "深度报道")).toMatchObject({ row: 3, col: 1, page: 2 });
  });

  it("drops a repeated header row and refuses a part with other columns", () => {
    const repeated = part(2, 2, [
      cell(0, 0, "一级指标", 2, 0, 20), cell(0, 1, "三级指标", 2, 0, 20), cell(0, 2, "分值", 2, 0, 20),
      cell(1, 0, "效益指标", 2, 20, 40), cell(1, 1, "知晓率", 2, 20, 40), cell(1, 2, "30", 2, 20, 40),
    ]);
    expect(repeatedHeaderRows(first, repeated)).toBe(1);
    const joined = joinContinuedTable(first, repeated);
    expect(joined.nRows).toBe(4);
    expect(joined.cells.filter((c) => c.text === "一级指标")).toHaveLength(1);
    expect(continuesTable(first, { ...repeated, xs: [0, 150, 300] })).toBe(false);
    expect(continuesTable(first, { ...repeated, page: 3 })).toBe(false);
  });
});

describe("a row of words the page break cut before its figures (岳阳 科技局 评分表, LibreOffice's PDF)", () => {
  it("is one row: its criterion's sentence goes on below the break without a new item's mark", async () => {
    const { extractBytes } = await import("../src/index.ts");
    const { readFileSync } = await import("node:fs");
    const file = new URL("../../../fixtures/real/pdf/lo/hunan-undated-department-scorecard-2.pdf", import.meta.url);
    const doc = await extractBytes(readFileSync(file), { fileName: file.pathname });
    const cells = doc.blocks.flatMap((b) => (b.kind === "table" ? b.table.cells : []));
    const name = cells.find((c) => c.text.replace(/\s+/g, "").startsWith("资金使用"));
    expect(name?.text.replace(/\s+/g, "")).toBe("资金使用合规性");
    const rule = cells.find((c) => c.row === name!.row && c.text.startsWith("①支出符合"));
    expect(rule?.text.replace(/\s+/g, "")).toContain("财务管理制度规定以及有关专项资金管理办法的规定");
    expect(cells.filter((c) => c.text.trim() === "合规性")).toEqual([]);
  });
});

describe("merged cells a spreadsheet prints across a page break (湖南 部门整体 评分表, printed by Calc)", () => {
  const cell = (row: number, col: number, text: string, page = 1, extra: Partial<FoundCell> = {}): FoundCell =>
    ({ row, col, rowSpan: 1, colSpan: 1, text, page, bbox: { x0: col * 100, x1: col * 100 + 100, y0: row * 20, y1: row * 20 + 20 }, ...extra });
  const part = (page: number, nRows: number, cells: FoundCell[]): DocTable =>
    ({ page, pageTo: page, bbox: { x0: 0, x1: 400, y0: 0, y1: 100 }, xs: [0, 100, 200, 300, 400], ys: [], nRows, nCols: 4, cells, ruled: true });
  // The break leaves 预算调整率's group cells empty above it: Calc centred 过程(40分) and 预算执行(15分) on the whole cells.
  const above = part(1, 2, [
    cell(0, 0, "投入(15分)"), cell(0, 1, "预算配置(15分)"), cell(0, 2, "重点支出安排率"), cell(0, 3, "5"),
    cell(1, 0, ""), cell(1, 1, ""), cell(1, 2, "预算调整率"), cell(1, 3, "3"),
  ]);

  it("gives the empty group cells above the break the labels the next page prints, merged over both parts", () => {
    const below = part(2, 2, [
      cell(0, 0, "过程(40分)", 2, { rowSpan: 2 }), cell(0, 1, "预算执行(15分)", 2, { rowSpan: 2 }), cell(0, 2, "支付进度", 2), cell(0, 3, "3", 2),
      cell(1, 2, "资金结余", 2), cell(1, 3, "3", 2),
    ]);
    const joined = joinContinuedTable(above, below);
    expect(joined.cells.filter((c) => c.col < 2).map((c) => [c.row, c.col, c.rowSpan, c.text])).toEqual([
      [0, 0, 1, "投入(15分)"], [0, 1, 1, "预算配置(15分)"], [1, 0, 3, "过程(40分)"], [1, 1, 3, "预算执行(15分)"],
    ]);
  });

  it("leaves them empty when the next page's row starts with a figure or prints no cell of its own", () => {
    const figure = part(2, 1, [cell(0, 0, "3", 2), cell(0, 1, "", 2), cell(0, 2, "支付进度", 2), cell(0, 3, "3", 2)]);
    expect(joinContinuedTable(above, figure).cells.find((c) => c.row === 1 && c.col === 0)?.text).toBe("");
    const labelsOnly = part(2, 1, [cell(0, 0, "过程(40分)", 2), cell(0, 1, "预算执行(15分)", 2), cell(0, 2, "", 2), cell(0, 3, "", 2)]);
    expect(labelsPrintedBelowTheBreak(above.cells.filter((c) => c.row === 1), labelsOnly.cells)).toEqual([]);
  });

  it("starts a group, not a row's tail, where the next page opens with a label merged down rows of its own (银川 2021)", () => {
    // Centred in narrow cells, the labels above reach their borders as a cut row's text would.
    const full = (c: FoundCell): FoundCell => ({ ...c, lastLineEnd: c.bbox.x1 - 2, textSize: 10 });
    const wide = (page: number, nRows: number, cells: FoundCell[]): DocTable =>
      ({ ...part(page, nRows, cells), bbox: { x0: 0, x1: 700, y0: 0, y1: 100 }, xs: [0, 100, 200, 300, 400, 500, 600, 700], nCols: 7 });
    const row = (r: number, name: string, v: string[]) =>
      [cell(r, 2, name, 1), ...v.map((t, k) => cell(r, 3 + k, t, 1))];
    const upper = wide(1, 3, [
      cell(0, 0, "项目产出(30分)", 1, { rowSpan: 3 }), cell(0, 1, "成本指标(10分)", 1, { rowSpan: 3 }),
      ...row(0, "办公所需成本", ["4", "15万元", "15万元", "4"]), ...row(1, "维修(维护)所需成本", ["3", "35万元", "35万元", "3"]),
      ...row(2, "绿化、水电费等成本", ["3", "14.8万元", "14.8万元", "3"]),
    ].map(full));
    const lower = wide(2, 2, [
      cell(0, 0, "项目效益(35分)", 2, { rowSpan: 2 }), cell(0, 1, "经济效益指标", 2, { rowSpan: 2 }), cell(0, 2, "指标1:", 2),
      cell(0, 3, "", 2), cell(0, 4, "", 2), cell(0, 5, "", 2), cell(0, 6, "", 2),
      cell(1, 2, "指标2:", 2), cell(1, 3, "", 2), cell(1, 4, "", 2), cell(1, 5, "", 2), cell(1, 6, "", 2),
    ]);
    const joined = joinContinuedTable(upper, lower);
    expect(joined.cells.filter((c) => c.col === 0).map((c) => c.text)).toEqual(["项目产出(30分)", "项目效益(35分)"]);
    expect(joined.cells.find((c) => c.text === "绿化、水电费等成本")?.rowSpan).toBe(1);
  });

  it("knows the clipped copy of those labels below the table on the first page: pieces of them, wrapped as in their cells", () => {
    const yunnan = ["年度绩效目标(80分)", "产出指标(40分)", "数量指标", "产床(全复合双体产床)(≥套)", "2"];
    expect(isClippedCopy("年度绩效目标产出指标(40", yunnan)).toBe(true);
    const sichuan = ["部门预算管理80分)", "预算编制(30分)", "编制准确", "10", "评价部门年初预算编制是否科学准确。"];
    expect(["部门预", "算管理 预算编制(30", "80分) 分) Page 1"].every((l) => isClippedCopy(l, sichuan))).toBe(true);
    expect(isClippedCopy("单位负责人:李明", yunnan)).toBe(false);
    expect(isClippedCopy("Page 1", yunnan)).toBe(false);
  });
});

describe("page furniture", () => {
  const page = (n: number, ...lines: LooseLine[]): PageLayout =>
    ({ number: n, width: 595, height: 842, rotation: 0, hasText: true, tables: [], lines, edges: [] });
  const small = (y: number, text: string, size = SIZE): LooseLine => ({ ...line(y, [text, 100]), size });

  it("drops page numbers and running headers, keeps titles that repeat in large type", () => {
    const pages = [1, 2, 3, 4].map((n) => page(n,
      small(20, "黔南州医疗保障局 2023年度绩效自评"),
      small(60, "上级项目支出绩效自评表", 16),
      small(400, "联系人:陈胜宇"),
      small(800, `第 ${n} 页 共 4 页`),
    ));
    const kept = dropPageFurniture(pages, S.marginBand).map((p) => p.lines.map((l) => l.text));
    expect(kept[2]).toEqual(["上级项目支出绩效自评表", "联系人:陈胜宇"]);
  });
});
