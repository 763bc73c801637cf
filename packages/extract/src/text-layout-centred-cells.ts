/**
 * The lines of an indicator table's wrapped cells joined to their rows column
 * by column, in layout text read a row per line (text-layout.ts). A form
 * centres every cell in its row, so pdftotext prints a row as its line of
 * one-line cells (the row's values: 序号, 分值, 得分) with each wrapped cell's
 * lines around it, as many above the line as below it, cell by cell: a
 * criterion of seven lines puts three above, a name of two lines one, and
 * the lines in between hold pieces of several cells of one row, or of the
 * cells of two rows side by side. Read line by line (text-wrapped-rows.ts)
 * such lines of three cells or more, or runs of more than a few lines,
 * are rows of their own.
 *
 * Under an indicator header, rows with a value are the rows; every other
 * line's cells (right of the group labels, which text-span-labels.ts places)
 * go, column by column, to the row above while its cell in that column has
 * fewer lines below its line than above it, else to the row below (to the
 * row above when the row below holds a value in that column). A blank line
 * is a gap between rows: no cell is joined across one. Lines after the last
 * row that it does not take stay rows (a total, the next part of the form).
 * Applied only to tables whose lines the line-by-line step cannot place.
 */
import type { FoundCell } from "./pdf/page-tables.ts";
import type { DocTable } from "./pdf/continuation.ts";
import { LINE_GAP } from "./text-geometry.ts";
import { isLabelWord, isValueCell } from "./text-stream.ts";
import { isPlaceholder, isWordsOnly, mergeCells } from "./text-wrapped-rows.ts";
import { isTotalLabel, namesColumn } from "./text-span-labels.ts";
import { cellsByRow, isIndicatorHeader } from "./text-grid-rows.ts";

/** A line of this many cells or more the line-by-line step reads as a row. */
const MIN_SPREAD_CELLS = 3;
/** ...and a run of more lines than this between two rows it leaves as rows. */
const MAX_LINE_RUN = 4;
/** A column of values has this many at least, and this share of its cells are values. */
const MIN_VALUES = 3;
const VALUE_SHARE = 0.8;
/** Pieces of a header's wrapped cells above its line are at most this long (一级 over 指标). */
const MAX_HEADER_PIECE = 6;

export function joinCentredCells(t: DocTable): DocTable {
  const rows0 = rowsOf(t);
  const first = rows0.findIndex(isIndicatorHeader);
  if (first < 0) return t;
  const withHeader = joinHeaderPieces(t, rows0, first);
  const placed = placeCells(withHeader);
  return placed === withHeader ? t : placed;
}

const rowsOf = (t: DocTable) => {
  const byRow = cellsByRow(t);
  return byRow;
};

/**
 * The header's wrapped cells joined to its line: the pieces right above it
 * (short words: 一级 over 指标, 年度 over 指标值) and as many pieces right
 * below it in their columns, before the first line with a value.
 */
function joinHeaderPieces(t: DocTable, byRow: FoundCell[][], header: number): DocTable {
  const top = byRow.map((cells) => Math.min(...cells.map((c) => c.bbox.y0)));
  const bottom = byRow.map((cells) => Math.max(...cells.map((c) => c.bbox.y1)));
  const adjacent = (r: number) => top[r + 1]! - bottom[r]! <= LINE_GAP + 0.01;
  // A header's piece is words without a figure; the line above it may be a full line of a wide column
  // (未完成原因和改进 over 措施), the one below is a column word's tail (指标, 措施).
  const piece = (c: FoundCell, most: number) => isWordsOnly(c.text) && !/\d/.test(c.text) && Array.from(c.text.replace(/\s+/g, "")).length <= most;
  // Pieces above the header, nearest first, and below it, column by column.
  const above = new Map<number, FoundCell[]>(), below = new Map<number, FoundCell[]>();
  for (let k = header - 1; k >= 0 && adjacent(k) && byRow[k]!.every((c) => piece(c, 2 * MAX_HEADER_PIECE)); k--) {
    for (const c of byRow[k]!) above.set(c.col, [...(above.get(c.col) ?? []), c]);
  }
  for (let r = header + 1; r < t.nRows && adjacent(r - 1) && !byRow[r]!.some((c) => isValueCell(c.text)); r++) {
    // (Under any column of a piece's span: 全年执行数 over two columns, (B) under the second.)
    for (const c of byRow[r]!) {
      const col = [...above.keys()].find((a) => a === c.col || above.get(a)!.some((u) => c.col > u.col && c.col < u.col + u.colSpan));
      if (col !== undefined && piece(c, MAX_HEADER_PIECE)) below.set(col, [...(below.get(col) ?? []), c]);
    }
  }
  // A cell centred on the header's line has as many pieces below it as above (a piece above without one
  // below ends the text over the header: 础, under a goal).
  const target = new Map<FoundCell, number>();
  for (const [col, ups] of above) {
    const downs = below.get(col) ?? [];
    const n = Math.min(ups.length, downs.length);
    for (const c of [...ups.slice(0, n), ...downs.slice(0, n)]) target.set(c, header);
  }
  return target.size === 0 ? t : mergeCells(t, (c) => target.get(c) ?? null);
}

/** Places the loose cells under the table's indicator header, or returns the table itself. */
function placeCells(t: DocTable): DocTable {
  const byRow = rowsOf(t);
  const header = byRow.findIndex(isIndicatorHeader);
  if (header < 0) return t;
  let end = header + 1;
  while (end < t.nRows && !isIndicatorHeader(byRow[end]!)) end++;
  const nameCol = namesColumn(byRow, header, end);
  if (nameCol === null) return t;
  // A list of projects (单位名称 | 项目名称 | 预算数 | 一级指标 …) has cells of each project merged over its
  // group of rows left of the labels, centred as the labels are: left to the line-by-line step.
  if (byRow[header]!.some((c) => c.col < nameCol && isLabelWord(c.text))) return t;
  const top = byRow.map((cells) => Math.min(...cells.map((c) => c.bbox.y0)));
  const bottom = byRow.map((cells) => Math.max(...cells.map((c) => c.bbox.y1)));
  const adjacent = (r: number) => top[r + 1]! - bottom[r]! <= LINE_GAP + 0.01;
  // The rows are the lines with a value in a column of values (得分, 分值, 指标值 of numbers): one where
  // nearly every cell is a value. A form whose targets are words (计划标准, 优良) has none to tell its rows by.
  const section = byRow.slice(header + 1, end).flat();
  const valueCols = new Set([...new Set(section.map((c) => c.col))].filter((col) => {
    const cells = section.filter((c) => c.col === col);
    const values = cells.filter((c) => isValueCell(c.text)).length;
    return col > nameCol && values >= MIN_VALUES && values >= VALUE_SHARE * cells.length;
  }));
  if (valueCols.size === 0) return t;
  // (Any value right of the names: a score one space after a long name lands a column short of the others.)
  const hasValue = (r: number) => byRow[r]!.some((c) => c.col > nameCol && isValueCell(c.text));
  // A line of words is a row too when a cell of it right of the names stands where the rows around it hold
  // values (稳步提高 under 100% and over ≥90%): a row's one-line cell, not a piece of a wrapped one.
  const valueAt = (r: number | undefined, col: number) => r !== undefined && byRow[r]!.some((c) => c.col === col && isValueCell(c.text));
  const valueRows = [...Array(end - header - 1).keys()].map((k) => header + 1 + k).filter(hasValue);
  const isRow = (r: number) => {
    if (r === header || hasValue(r)) return true;
    const before = valueRows.filter((v) => v < r).pop(), after = valueRows.find((v) => v > r);
    return byRow[r]!.some((c) => c.col > nameCol && valueAt(before, c.col) && valueAt(after, c.col));
  };
  // Cells this step places: words right of the group labels, on lines that are no rows.
  // (A piece may start with a figure: 2021年12月完 over 成.)
  // (Not a placeholder row's ……: a row of its own.)
  const loose = (c: FoundCell) => c.col >= nameCol && c.rowSpan === 1 && c.text.trim() !== "" && !isValueCell(c.text) && !isPlaceholder(c.text);
  const rows = [...Array(end - header).keys()].map((k) => header + k).filter(isRow);
  if (rows.length < 3 || !rows.some((row, i) => beyondLines(byRow, row, rows[i + 1] ?? null, rows[i + 1] ?? end))) return t;
  // A row's lines above its line in each column (the header's pieces are joined to it).
  const above = new Map<number, Map<number, number>>();
  // The slot of a row in a column takes words unless the row's own cell there is a value or spans from the left.
  const takes = (row: number, col: number) => byRow[row]!.every((o) => col < o.col || col >= o.col + o.colSpan || (o.col === col && !isValueCell(o.text)));
  const target = new Map<FoundCell, number>();
  rows.forEach((row, i) => {
    const next = rows[i + 1] ?? null;
    const stop = next ?? end;
    const need = new Map(above.get(row) ?? []);
    const counts = new Map<number, number>();
    // Lines before the first blank line after the row may go up, lines after the last one before the next row down.
    const gaps = [...Array(stop - row).keys()].map((k) => row + 1 + k).filter((r) => !adjacent(r - 1));
    const firstGap = gaps.length > 0 ? gaps[0]! : Infinity;
    const lastGap = gaps.length > 0 ? gaps[gaps.length - 1]! : -Infinity;
    // A total row (总分 | 100 | 90) takes no line of an indicator's cells; lines before it that the row above
    // does not take stay rows (…… of an empty indicator).
    const beforeTotal = next !== null && byRow[next]!.some((o) => isTotalLabel(o.text));
    for (let r = row + 1; r < stop; r++) {
      const reachesUp = r < firstGap, reachesDown = next !== null && !beforeTotal && r >= lastGap;
      for (const c of [...byRow[r]!].sort((a, b) => a.col - b.col)) {
        if (!loose(c)) continue;
        const left = need.get(c.col) ?? 0;
        let to: number | null = null;
        if (reachesUp && left > 0 && takes(row, c.col)) to = row;
        else if (reachesDown && takes(next!, c.col)) to = next;
        else if (reachesUp && next !== null && !beforeTotal && takes(row, c.col)) to = row;
        if (to === null) continue;
        target.set(c, to);
        if (to === row) need.set(c.col, left - 1);
        else counts.set(c.col, (counts.get(c.col) ?? 0) + 1);
      }
    }
    if (next !== null) above.set(next, counts);
  });
  if (target.size === 0) return t;
  return mergeCells(t, (c) => target.get(c) ?? null);
}

/**
 * Whether the lines after a row (up to the next, or the end) are beyond the
 * line-by-line step: a line of MIN_SPREAD_CELLS cells or more, or more than
 * MAX_LINE_RUN lines before the next row.
 */
function beyondLines(byRow: FoundCell[][], row: number, next: number | null, stop: number): boolean {
  if (next !== null && stop - row - 1 > MAX_LINE_RUN) return true;
  for (let r = row + 1; r < stop; r++) if (byRow[r]!.length >= MIN_SPREAD_CELLS) return true;
  return false;
}
