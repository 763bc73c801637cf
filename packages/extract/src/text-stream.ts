/**
 * Text made by plain `pdftotext` (no -layout): every table cell is a
 * paragraph of its own (blank-line separated), a cell that wraps is split over
 * lines ("彩票公益金用于医\n疗救助"), in reading order, roughly row by row
 * (a header cell and the value under it sometimes share a paragraph, header
 * cells are sometimes reordered). Nothing says where a row ends, so rows are
 * rebuilt from what the cells hold:
 * - a paragraph's lines are joined into cells, and cells of a neighbouring
 *   column printed inside them taken out (text-stream-paragraph.ts);
 * - a run of two or more column words (全年预算数, 一级指标, 指标值, 分值 …)
 *   is a header row, its words put back in the forms' column order
 *   (text-stream-header.ts), and fixes the row width of the table under it (the
 *   widest run of the table: reading order breaks a header into runs);
 * - under a header, cells are grouped into rows: a row ends where text follows
 *   a value (…, 8, 8 | 下一指标名称), where a level label (数量指标, 产出指标)
 *   starts over a row that has a name, or at the header's width (plus one for
 *   the row label that header rows leave out);
 * - a row that cannot be rebuilt with confidence (more values than the header
 *   has columns; weighted labels with no value, cut only by the width) is left
 *   out of the table and kept as narrative: a misplaced number is a false finding;
 * - label cells of a form's header block (项目名称, 主管部门, 实施单位 …) and
 *   the cell after each become two-cell rows (labels printed in a column,
 *   their values in the next, are paired in order);
 * - titles, prose and whatever comes before any header or label stay narrative.
 * The normalize stage aligns a row's cells to its header by meaning, so a row
 * short of the cells merged down from above still reads.
 */
import type { Block, Cell, PageInfo, Table } from "./grid.ts";
import { cellsOfParagraph, paragraphs, type StreamCell } from "./text-stream-paragraph.ts";
import { orderHeader } from "./text-stream-header.ts";
import { isLabelWord, isLevelWord, isStreamHeaderWord, isStreamValueCell, isTitle, isWordCell } from "./text-stream-words.ts";

// The -layout readers (text-wrapped-rows.ts, text-span-labels.ts …) take these from here.
export { isHeaderWord, isLabelWord, isValueCell } from "./text-stream-words.ts";

/** Paragraphs a cell-per-paragraph text has at least... */
const MIN_PARAGRAPHS = 5;
/** ...the share of them that are short (a few short lines)... */
const MIN_SHORT_SHARE = 0.7;
/** ...and the share that are one line. */
const MIN_SINGLE_SHARE = 0.3;
/** A short paragraph: at most this many lines of at most SHORT_LINE characters. */
const SHORT_LINES = 4;
const SHORT_LINE = 40;
/** Lines with a run of two or more spaces inside that such text may have (share of non-blank lines). */
const MAX_GAPPED_SHARE = 0.05;
/** Column words a header run has at least. */
const MIN_HEADER_RUN = 2;
/** A cell longer than this under a header is prose: it ends the table. */
const MAX_CELL = 240;
/** A cell outside a table this short, followed by a value, is that value's label. */
const LABEL_MAX = 20;
/** ...and so are the values after it, up to this many. */
const MAX_LOOSE_VALUES = 8;

/** Whether untabbed text without column layout is plain pdftotext: many short blank-separated paragraphs. */
export function looksLikeCellStream(lines: readonly string[]): boolean {
  const nonBlank = lines.filter((l) => l.trim() !== "");
  if (nonBlank.length === 0) return false;
  const gapped = nonBlank.filter((l) => /\S {2,}\S/.test(l)).length;
  if (gapped > MAX_GAPPED_SHARE * nonBlank.length) return false;
  const paras = paragraphs(lines.map((text, i) => ({ text, line: i + 1, page: 1 })));
  if (paras.length < MIN_PARAGRAPHS) return false;
  const short = paras.filter((p) => p.length <= SHORT_LINES && p.every((l) => Array.from(l.text.trim()).length <= SHORT_LINE)).length;
  const single = paras.filter((p) => p.length === 1).length;
  return short >= MIN_SHORT_SHARE * paras.length && single >= MIN_SINGLE_SHARE * paras.length;
}

interface Row {
  cells: StreamCell[];
}

export function parseCellStream(lines: readonly string[]): { pageCount: number; pages: PageInfo[]; blocks: Block[] } {
  const pageLines: StreamCell[] = [];
  let page = 1;
  lines.forEach((raw, i) => raw.split("\f").forEach((part, k) => {
    if (k > 0) {
      page++;
      pageLines.push({ text: "", line: i + 1, page });
    }
    pageLines.push({ text: part, line: i + 1, page });
  }));
  // pdftotext ends every page, the last one too, with a form feed.
  let pageCount = page;
  if (pageCount > 1 && pageLines.filter((l) => l.page === pageCount).every((l) => l.text.trim() === "")) pageCount--;
  const cells = paragraphs(pageLines).flatMap(cellsOfParagraph);
  const blocks = readCells(cells);
  const pages: PageInfo[] = Array.from({ length: pageCount }, (_, i) => ({ number: i + 1, hasText: true }));
  return { pageCount, pages, blocks };
}

function readCells(cells: StreamCell[]): Block[] {
  const blocks: Block[] = [];
  let rows: Row[] = [];
  let row: StreamCell[] = [];
  /** Row width fixed by the last header run; 0 outside a table. */
  let width = 0;
  /** The column words of the table's header runs. */
  let header: string[] = [];
  /** Cells of rows that cannot be placed under the header: narrative after the table. */
  let unplaced: StreamCell[] = [];

  /** A row of data cells, or, when it cannot be rebuilt with confidence, its cells left out of the table. */
  const endRow = () => {
    if (row.length && placeable(row, width, header)) rows.push({ cells: row });
    else unplaced.push(...row);
    row = [];
  };
  const endTable = () => {
    endRow();
    if (rows.length) blocks.push({ kind: "table", table: rowsToTable(rows) });
    for (const c of unplaced) blocks.push({ kind: "text", page: c.page, text: c.text, line: c.line });
    rows = [];
    unplaced = [];
  };
  const text = (c: StreamCell) => {
    endTable();
    blocks.push({ kind: "text", page: c.page, text: c.text, line: c.line });
  };

  for (let i = 0; i < cells.length;) {
    const c = cells[i]!;
    if (isTitle(c.text)) {
      text(c);
      width = 0;
      i++;
      continue;
    }
    // A run of column words: a header row.
    let h = i;
    while (h < cells.length && isStreamHeaderWord(cells[h]!.text)) h++;
    if (h - i >= MIN_HEADER_RUN) {
      endRow();
      rows.push({ cells: orderHeader(cells.slice(i, h)) });
      if (width === 0) header = [];
      header.push(...cells.slice(i, h).map((x) => x.text));
      // A header broken into runs by reading order (执行数(B) 执行率(B/A) 得分 … 年初目标值(A) 实际完成值(B))
      // keeps the widest: a row shorter than its header still ends where text follows a value.
      width = Math.max(width, h - i);
      i = h;
      continue;
    }
    // Labels of the header block, with their values after them.
    let l = i;
    while (l < cells.length && isLabelWord(cells[l]!.text)) l++;
    if (l > i) {
      const n = l - i;
      const values = cells.slice(l, l + n);
      const free = values.length === n && values.every((v) => !isWordCell(v.text));
      endRow();
      if (free) {
        for (let k = 0; k < n; k++) rows.push({ cells: [cells[i + k]!, values[k]!] });
        i = l + n;
      } else {
        // A label with no value of its own (the value sits after other labels): a row of its own.
        for (let k = i; k < l; k++) rows.push({ cells: [cells[k]!] });
        i = l;
      }
      continue;
    }
    if (width === 0) {
      // Outside a table: a short label with a value after it (当年资金总额: | 10000 万元) is a row, the rest narrative.
      const next = cells[i + 1];
      if (next && isStreamValueCell(next.text) && !isStreamValueCell(c.text) && Array.from(c.text).length <= LABEL_MAX) {
        endRow();
        let v = i + 1;
        while (v < cells.length && v - i <= MAX_LOOSE_VALUES && isStreamValueCell(cells[v]!.text)) v++;
        rows.push({ cells: cells.slice(i, v) });
        i = v;
        continue;
      }
      text(c);
      i++;
      continue;
    }
    if (Array.from(c.text).length > MAX_CELL) {
      text(c);
      width = 0;
      i++;
      continue;
    }
    const prev = row[row.length - 1];
    const value = isStreamValueCell(c.text);
    if (prev && !value && isStreamValueCell(prev.text)) endRow();
    else if (row.length && isLevelWord(c.text) && row.some((x) => !isLevelWord(x.text))) endRow();
    row.push(c);
    // The header's width plus one: header rows leave out the row label's column.
    if (row.length >= width + 1) endRow();
    i++;
  }
  endTable();
  return blocks;
}

/** Column words that hold numbers: a row under them with no number is not a row of the table. */
const NUMBER_COLUMN = /(?:分值|得分|权重|评分|满分)/;
/** A label that carries its weight (相关性(5 分)): the normalize stage checks such weights against their rows. */
const WEIGHTED_LABEL = /\(\s*\d+(?:\.\d+)?\s*分\s*\)$/;

/**
 * Whether a data row can stand in its table. Rows are cut from the stream by
 * what the cells hold; two cuts are guesses that misplace numbers, and a
 * misplaced number makes a false finding, so such rows are left out:
 * - more values than the header has columns (329.77 | 329.77 | 338.31 | 10 |
 *   102.59% under 全年预算数 | 全年执行数 | 分值 | 执行率): the header printed
 *   elsewhere lost a column, which value is which cannot be told;
 * - no value at all, cut only at the header's width, under a header with a
 *   score or weight column, most of its cells labels that carry weights: labels of a
 *   scorecard whose cells come in no row order (相关性(5分) | 目标任务(15分) |
 *   明确性(5分) | 部门决策(25分) …), whose weights would be checked against
 *   the wrong levels.
 */
function placeable(row: readonly StreamCell[], width: number, header: readonly string[]): boolean {
  if (width === 0) return true;
  const values = row.filter((c) => isStreamValueCell(c.text)).length;
  if (values > width) return false;
  const weighted = 2 * row.filter((c) => WEIGHTED_LABEL.test(c.text)).length >= row.length;
  return !(values === 0 && weighted && row.length >= width + 1 && header.some((h) => NUMBER_COLUMN.test(h)));
}

function rowsToTable(rows: Row[]): Table {
  const nCols = Math.max(...rows.map((r) => r.cells.length));
  const page = rows[0]!.cells[0]!.page;
  const cells: Cell[] = [];
  rows.forEach((r, ri) => r.cells.forEach((c, col) => cells.push({ row: ri, col, rowSpan: 1, colSpan: 1, text: c.text, page: c.page })));
  return {
    page,
    pageTo: rows[rows.length - 1]!.cells[0]!.page,
    nRows: rows.length,
    nCols,
    cells,
    rowLines: rows.map((r) => r.cells[0]!.line),
  };
}
