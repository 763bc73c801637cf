/**
 * A list of projects with their indicators (部门预算项目绩效目标申报表: 单位名称 |
 * 项目名称 | 预算数 | 年度目标 | 一级指标 | … one row per indicator), in layout
 * text. The form merges each project's cells down over its indicator rows
 * and centres their text there, so pdftotext prints a project's name and
 * amount halfway down its rows, on a line of their own, and its goal's lines
 * interleaved with the indicators' (按时发放村组干部 / 村组干部报酬 3,309,840.00 /
 * 报酬 round the middle of eight rows). Left there, the indicators above a
 * project's line would be read as the project before's, and the goal's lines
 * would be joined to indicators' wrapped names.
 *
 * The project columns' cells are taken out before the rows are rebuilt
 * (takeListCells), and put back once they are (placeListCells): each
 * project covers the indicator rows after the previous project's whose
 * middle is nearest its own line, and its cells, joined column by column,
 * go on the first of them, merged down over all of them, as the form has
 * them. A project line above every indicator row left (a department's total
 * row, 820-马踏镇部门 8,827,620.53) covers none and stays a row of its own.
 */
import type { DocTable } from "./pdf/continuation.ts";
import { unionBox } from "./pdf/geometry.ts";
import type { FoundCell } from "./pdf/page-tables.ts";
import { joinWrappedLines } from "./pdf/words.ts";
import { LINE_STEP } from "./text-geometry.ts";
import { cellsByRow, isIndicatorHeader } from "./text-grid-rows.ts";
import { GROUPED_AMOUNT } from "./text-layout-words.ts";

/** The header of the indicators' first column: where the projects' own columns end. */
const LEVEL_HEADER = /^(?:[一二三]级指标|指标名称|绩效指标名称)$/;
const LEVEL_WORD = /(?:[一二三]级指标|指标名称)\s*$/;
/** Project columns in the header at least: a name and an amount or a goal beside it. */
const MIN_LIST_COLUMNS = 2;
/** An amount: a number with thousands separators or two decimals (3,309,840.00, 100.00), not a weight. */
const isAmount = (text: string) => GROUPED_AMOUNT.test(text) || /^[-+]?\d+\.\d{2}$/.test(text);
/** A page's lines in one coordinate: the pages of a table come one after the other. */
const PAGE_HEIGHT = 1e6;

export interface ListCells {
  /** The columns left of the indicators' (the projects' own). */
  listEnd: number;
  /** The project columns' cells under the header, taken out of the rows. */
  cells: FoundCell[];
  /** Middle of each project's own line (its amount's), top to bottom. */
  projects: number[];
}

const spaceFree = (s: string) => s.replace(/\s+/g, "");
const yOf = (c: FoundCell, y: number) => c.page * PAGE_HEIGHT + y;
const middle = (c: FoundCell) => yOf(c, (c.bbox.y0 + c.bbox.y1) / 2);

/** The project columns' cells of a project list under its indicator header, or null for any other table. */
export function takeListCells(t: DocTable): { table: DocTable; list: ListCells } | null {
  const byRow = cellsByRow(t);
  const header = byRow.findIndex(isIndicatorHeader);
  if (header < 0) return null;
  const level = byRow[header]!.filter((c) => LEVEL_WORD.test(c.text));
  if (level.length === 0) return null;
  // (A level word in one cell with the header before it, 实施期绩效目标 一级指标 over two columns, heads the last.)
  const listEnd = Math.min(...level.map((c) => (LEVEL_HEADER.test(spaceFree(c.text)) ? c.col : c.col + c.colSpan - 1)));
  if (byRow[header]!.filter((c) => c.col + c.colSpan <= listEnd).length < MIN_LIST_COLUMNS) return null;
  const inList = (c: FoundCell) => c.row > header && c.col + c.colSpan <= listEnd;
  const cells = t.cells.filter(inList);
  const projects = cells.filter((c) => isAmount(spaceFree(c.text))).map(middle).sort((a, b) => a - b);
  if (projects.length === 0) return null;
  return { table: { ...t, cells: t.cells.filter((c) => !inList(c)) }, list: { listEnd, cells, projects } };
}

/** The project columns' cells put back on the indicator rows each project covers, merged down over them. */
export function placeListCells(t: DocTable, list: ListCells): DocTable {
  const byRow = cellsByRow(t);
  const header = byRow.findIndex(isIndicatorHeader);
  if (header < 0) return { ...t, cells: [...t.cells, ...list.cells] };
  const indicatorRows = [...byRow.keys()].filter((r) => r > header && byRow[r]!.some((c) => c.col >= list.listEnd));
  const top = (r: number) => Math.min(...byRow[r]!.map((c) => yOf(c, c.bbox.y0)));
  const bottom = (r: number) => Math.max(...byRow[r]!.map((c) => yOf(c, c.bbox.y1)));
  // Each project's indicator rows: from the first left, as many as centre its line best; the last takes the rest.
  const covers: { line: number; rows: number[] }[] = [];
  let next = 0;
  list.projects.forEach((line, k) => {
    const first = indicatorRows[next];
    if (first === undefined || line < top(first) - LINE_STEP / 2) return void covers.push({ line, rows: [] });
    const following = list.projects[k + 1];
    let end = indicatorRows.length - 1;
    if (following !== undefined) {
      let best = Infinity;
      for (let e = next; e < indicatorRows.length && top(indicatorRows[e]!) < following; e++) {
        const off = Math.abs((top(first) + bottom(indicatorRows[e]!)) / 2 - line);
        if (off < best) { best = off; end = e; }
      }
      if (!Number.isFinite(best)) end = next;
    }
    covers.push({ line, rows: indicatorRows.slice(next, end + 1) });
    next = end + 1;
  });
  // Each cell goes to the project whose rows (or own line) it lies among: the boundaries halfway between.
  const spans = covers.map((c) => (c.rows.length ? { from: top(c.rows[0]!), to: bottom(c.rows[c.rows.length - 1]!) } : { from: c.line, to: c.line }));
  const owner = (c: FoundCell) => {
    const y = middle(c);
    let k = 0;
    while (k + 1 < spans.length && y > (spans[k]!.to + spans[k + 1]!.from) / 2) k++;
    return k;
  };
  const placed: FoundCell[] = [];
  const ownRows: FoundCell[][] = [];
  covers.forEach((cover, k) => {
    const mine = list.cells.filter((c) => owner(c) === k);
    const byCol = new Map<number, FoundCell[]>();
    for (const c of mine) byCol.set(c.col, [...(byCol.get(c.col) ?? []), c]);
    for (const [col, pieces] of byCol) {
      pieces.sort((a, b) => middle(a) - middle(b));
      const cell: FoundCell = {
        ...pieces[0]!,
        col,
        colSpan: Math.max(...pieces.map((p) => p.col + p.colSpan)) - col,
        text: joinWrappedLines(pieces.map((p) => p.text)),
        bbox: unionBox(pieces.map((p) => p.bbox)),
      };
      if (cover.rows.length === 0) ownRows[k] = [...(ownRows[k] ?? []), cell];
      else placed.push({ ...cell, row: cover.rows[0]!, rowSpan: cover.rows[cover.rows.length - 1]! - cover.rows[0]! + 1 });
    }
  });
  // A project line that covers no rows (a department's total) is a row of its own, above the rows after it.
  const nextRow = (k: number) => covers.slice(k).find((c) => c.rows.length > 0)?.rows[0] ?? t.nRows;
  const inserts = covers.flatMap((_, k) => (ownRows[k] ? [{ before: nextRow(k), cells: ownRows[k]! }] : []));
  return insertRows({ ...t, cells: [...t.cells, ...placed] }, inserts);
}

/** Rows inserted before given rows; the rows after move down and spans over them grow. */
function insertRows(t: DocTable, inserts: { before: number; cells: FoundCell[] }[]): DocTable {
  if (inserts.length === 0) return t;
  const shift = (r: number) => inserts.filter((i) => i.before <= r).length;
  const cells = t.cells.map((c) => {
    const last = c.row + c.rowSpan - 1;
    return { ...c, row: c.row + shift(c.row), rowSpan: last + shift(last) - (c.row + shift(c.row)) + 1 };
  });
  const added = inserts.flatMap((ins, k) => ins.cells.map((c) => ({ ...c, row: ins.before + inserts.filter((o, j) => o.before < ins.before || (o.before === ins.before && j < k)).length, rowSpan: 1 })));
  return { ...t, nRows: t.nRows + inserts.length, cells: [...cells, ...added].sort((a, b) => a.row - b.row || a.col - b.col) };
}
