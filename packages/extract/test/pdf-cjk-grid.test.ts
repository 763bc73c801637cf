/**
 * Borderless CJK forms, step by step, on small hand-placed layouts: columns
 * from aligned left edges, chunks split where a cell runs into the next
 * column, wrapped cell lines kept in the table, cells laid on rows by their
 * centres, and merged labels placed at the top of the rows they span.
 */
import { describe, expect, it } from "vitest";
import type { Word } from "../src/pdf/geometry.ts";
import type { LooseLine } from "../src/pdf/layout.ts";
import { PdfSettings } from "../src/pdf/settings.ts";
import { alignedColumnStarts, splitAtColumnStarts } from "../src/pdf/cjk-columns.ts";
import { type CellBlock, labelSpan, placeBlocks } from "../src/pdf/cjk-rows.ts";
import { type Chunk, chunksOfLine, tableRegions, unruledTables } from "../src/pdf/unruled.ts";

const S = PdfSettings.parse({});
const SIZE = 10;

/** A word from x on the line whose top is y (heights do not matter to columns): 1 em per CJK character, 0.55 em per other. */
const word = (text: string, x: number, y = 0): Word => {
  const width = Array.from(text).reduce((w, ch) => w + (/[\u3000-\u9fff]/.test(ch) ? SIZE : 0.55 * SIZE), 0);
  return { text, x0: x, x1: x + width, y0: y, y1: y + SIZE, size: SIZE, spaceBefore: false };
};
const chunk = (...words: Word[]): Chunk => ({
  x0: words[0]!.x0, x1: words[words.length - 1]!.x1, y0: words[0]!.y0, y1: words[0]!.y1,
  text: words.map((w) => w.text).join(""), words, spaceBefore: true,
});
const line = (y: number, ...parts: [string, number][]): LooseLine => {
  const words = parts.map(([t, x]) => word(t, x, y));
  return { x0: words[0]!.x0, x1: words[words.length - 1]!.x1, y0: y, y1: y + SIZE, text: parts.map((p) => p[0]).join(" "), words, size: SIZE };
};
const block = (col: number, y0: number, y1: number): CellBlock => ({ col, colEnd: col, x0: 0, x1: 10, y0, y1, size: SIZE, parts: [] });

describe("columns of a borderless CJK form", () => {
  it("starts a column where several lines share a left edge, not at centred headers a few points right of it", () => {
    const rows = [
      [chunk(word("资金来源", 56)), chunk(word("年初预算数", 140))],
      [chunk(word("年度资金总额:", 40)), chunk(word("228", 140))],
      [chunk(word("财政拨款", 40)), chunk(word("228", 140))],
      [chunk(word("其中:上级补助", 40)), chunk(word("181.82", 140))],
      [chunk(word("一级指标", 56)), chunk(word("二级指标", 143))],
    ];
    // 56 is shared by two lines, but most text of the column at 40 runs past it: centred headers.
    expect(alignedColumnStarts(rows, SIZE)).toEqual([40, 140]);
  });

  it("keeps a start shared by two lines when the column left of it ends before it", () => {
    const rows = [
      [chunk(word("分值", 40)), chunk(word("79.74%", 80))],
      [chunk(word("—", 40)), chunk(word("—", 80)), chunk(word("—", 120))],
      [chunk(word("—", 40)), chunk(word("—", 80)), chunk(word("—", 120))],
    ];
    expect(alignedColumnStarts(rows, SIZE)).toEqual([40, 80, 120]);
  });

  it("splits a chunk where a word starts at a column start after a gap, but not running text near a start", () => {
    const runsIn = chunk(word("平台数据", 100), word("≥90%", 147));
    expect(splitAtColumnStarts([runsIn], [100, 147], SIZE).map((c) => c.text)).toEqual(["平台数据", "≥90%"]);
    const goal = chunk(word("目标", 100), word("2:持续开展", 125));
    expect(splitAtColumnStarts([goal], [100, 122], SIZE).map((c) => c.text)).toEqual(["目标2:持续开展"]);
  });
});

describe("rows of a borderless CJK form", () => {
  it("puts blocks sharing a centre on one row and a label centred over two rows at the first of them", () => {
    const blocks = [
      block(1, 130, 153), // a name wrapped over two lines
      block(2, 136.5, 146.5), // its value, centred beside it
      block(1, 170, 180),
      block(2, 170, 180),
      block(0, 150, 160), // a label centred over both rows, touching the first
    ];
    const { rows, place } = placeBlocks(blocks);
    expect(rows).toHaveLength(2);
    expect(place).toEqual([
      { row: 0, rowSpan: 1 }, { row: 0, rowSpan: 1 }, { row: 1, rowSpan: 1 }, { row: 1, rowSpan: 1 }, { row: 0, rowSpan: 2 },
    ]);
  });

  it("moves a label centred on the middle of three equal rows to the first of them, but not a lone cell in a later column", () => {
    const blocks = [
      block(0, 100, 110), block(1, 100, 110), block(2, 100, 110), block(3, 100, 110), // header row, all columns
      ...[130, 160, 190, 220, 250, 280].flatMap((y) => [block(1, y, y + 10), block(2, y, y + 10)]), // six indicator rows
      block(0, 160, 170), // a level-1 label centred on rows 1–3, level with row 2
      block(3, 250, 260), // a remark on row 5 only
    ];
    const { rows, place } = placeBlocks(blocks);
    expect(rows).toHaveLength(7);
    expect(place[16]).toEqual({ row: 1, rowSpan: 3 });
    expect(place[17]).toEqual({ row: 5, rowSpan: 1 });
  });

  it("keeps the rows beside a tall label that shares the middle row's centre", () => {
    const blocks = [
      block(0, 100, 110), block(1, 100, 110), block(2, 100, 110), // header row
      ...[130, 150, 170, 190, 210, 230, 250, 270].flatMap((y) => [block(1, y, y + 10), block(2, y, y + 10)]), // eight rows
      block(0, 160, 190), // a three-line label level with the third row, touching the rows beside it
    ];
    const { rows, place } = placeBlocks(blocks);
    expect(rows).toHaveLength(9);
    expect(place.slice(3, 19).map((p) => p.row)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8]);
    expect(place[19]).toEqual({ row: 1, rowSpan: 5 });
  });

  it("spans a label over the empty rows whose middle is its centre, not over rows another label heads", () => {
    const rows = [0, 1, 2, 3, 4, 5].map((k) => ({ y0: 100 + 30 * k, y1: 120 + 30 * k }));
    // Centred on y 185, the middle of rows 0–5 (y 100–270)...
    expect(labelSpan(block(0, 180, 190), rows, () => false)).toEqual({ row: 0, rowSpan: 6 });
    // ...and of rows 2–3 (y 160–210) when rows 0–1 are another label's.
    expect(labelSpan(block(0, 180, 190), rows, (r) => r <= 1)).toEqual({ row: 2, rowSpan: 2 });
  });
});

describe("borderless CJK form regions", () => {
  const form = [
    line(100, ["一级指标", 40], ["三级指标", 100], ["指标值", 200], ["分值", 260], ["得分", 300]),
    line(130, ["打造医保经办", 100]),
    line(136.5, ["≥12个", 200], ["4", 260], ["4", 300]),
    line(143, ["服务示范窗口", 100]),
    line(150, ["产出指标", 40]),
    line(170, ["深化医保支付方式", 100], ["4项改革", 200], ["4", 260], ["4", 300]),
    line(183, ["(DIP支付方式", 200]),
    line(196, ["改革)", 200]),
    line(209, ["床日付费", 200]),
    line(230, ["总分", 100], ["100", 260], ["98", 300]),
  ];

  it("keeps wrapped cell lines (close below, starting where a cell above starts) inside the table", () => {
    const chunks = form.map((l) => chunksOfLine(l, S));
    expect(tableRegions(form, chunks, S.minTableRows)).toEqual([[0, form.length]]);
    // In Latin text, as before, a run of three single lines ends the table, and trailing ones stay out.
    const latin = form.map((l) => ({ ...l, text: "abc" }));
    expect(tableRegions(latin, chunks, S.minTableRows)).toEqual([[0, 6]]);
  });

  it("reads wrapped cells as one cell each and the merged label at the top of its rows", () => {
    const { tables, rest } = unruledTables(1, form, S);
    expect(rest).toEqual([]);
    const t = tables[0]!;
    const rowTexts = Array.from({ length: t.nRows }, (_, r) => t.cells.filter((c) => c.row === r).map((c) => c.text));
    expect(rowTexts).toEqual([
      ["一级指标", "三级指标", "指标值", "分值", "得分"],
      ["产出指标", "打造医保经办服务示范窗口", "≥12个", "4", "4"],
      ["深化医保支付方式", "4项改革(DIP支付方式改革)床日付费", "4", "4"],
      ["总分", "100", "98"],
    ]);
    expect(t.cells.find((c) => c.text === "产出指标")).toMatchObject({ row: 1, col: 0, rowSpan: 2 });
  });
});
