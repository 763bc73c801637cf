/**
 * A table that runs over a page break comes out as one table: the part on the
 * next page is appended when it has the same column borders; a header row the
 * producer repeated is dropped; a merged cell cut by the break is extended
 * back over the rows below; a row whose text was cut is joined back.
 */
import { clusterValues } from "./lattice.ts";
import { type FoundCell, type PageTable, nearestIndex } from "./page-tables.ts";
import { joinWrappedLines } from "./words.ts";

/** Column borders closer than this (pt) are the same border on both pages. */
export const BORDER_MATCH_TOLERANCE = 3;
/** Share of the narrower part's borders that must match the other's. */
const MIN_BORDER_MATCH_SHARE = 0.8;

/** A table possibly assembled from parts on consecutive pages. */
export interface DocTable extends PageTable {
  pageTo: number;
}

const near = (a: number, b: number) => Math.abs(a - b) <= BORDER_MATCH_TOLERANCE;
const spaceFree = (s: string) => s.replace(/\s+/g, "");

/** Whether `next` (first thing on its page) continues `prev` (last thing on the page before). */
export function continuesTable(prev: DocTable, next: PageTable): boolean {
  if (next.page !== prev.pageTo + 1) return false;
  const a = prev.xs, b = next.xs;
  if (!near(a[0]!, b[0]!) || !near(a[a.length - 1]!, b[b.length - 1]!)) return false;
  const [fewer, more] = a.length <= b.length ? [a, b] : [b, a];
  const matched = fewer.filter((x) => more.some((y) => near(x, y))).length;
  return matched / fewer.length >= MIN_BORDER_MATCH_SHARE;
}

const rowTexts = (t: PageTable, rows: number) =>
  t.cells.filter((c) => c.row < rows).sort((p, q) => p.row - q.row || p.col - q.col).map((c) => `${c.row}:${c.col}:${c.colSpan}:${spaceFree(c.text)}`);

/** Number of leading rows of `next` that repeat `prev`'s header (0 if none). */
export function repeatedHeaderRows(prev: PageTable, next: PageTable): number {
  const first = next.cells.filter((c) => c.row === 0);
  if (!first.length || first.every((c) => !c.text.trim())) return 0;
  const rows = Math.max(...first.map((c) => c.rowSpan));
  const a = rowTexts(prev, rows), b = rowTexts(next, rows);
  return a.length === b.length && a.every((x, i) => x === b[i]) ? rows : 0;
}

/**
 * Re-places cells on a shared set of column borders (sorted): a cell starts at the shared border
 * nearest its own left border (`own`: its part's borders) and ends at the first shared border past
 * its box, at most the one nearest its own right border. (Not by where its text starts: a figure set
 * flush right in a wide column starts nearer the next border than its own, and two cells shared a
 * slot; not by its own right border alone: a border only the other part has, inside the cell's column
 * right of its text, would make it a span.)
 */
function regrid(cells: FoundCell[], own: readonly number[], xs: number[]): void {
  for (const c of cells) {
    const left = own[c.col], right = own[c.col + c.colSpan];
    const c0 = nearestIndex(xs, left ?? c.bbox.x0);
    const last = nearestIndex(xs, right ?? c.bbox.x1);
    let c1 = c0 + 1;
    while (c1 < last && xs[c1]! < c.bbox.x1 - 0.5) c1++;
    c.col = c0;
    c.colSpan = c1 - c0;
  }
}

/** A cell that prints one number (3, 2.5, 100%, 10分). */
const isNumber = (text: string) => /^[+-]?\d+(?:\.\d+)?(?:%|分)?$/.test(spaceFree(text));

const sameColumns = (p: FoundCell, q: FoundCell) => p.col === q.col && p.colSpan === q.colSpan;

/** Room (in font sizes, plus padding) at the end of a last line that still counts as full: line-breaking rules carry up to two characters (排。) to the next line. */
const FULL_LINE_SLACK = 2.2;
/** A text's end that ends a sentence or an item (。；;！): text after a break begins anew. */
const SENTENCE_END = /[。；;！!]$/u;
/** The mark an item of a list begins with: ①, 1., 1、, (1), 一、. */
const ITEM_MARK = /^(?:[①-⑳]|\d{1,2}[.、．)]|[(（]\d{1,2}[)）]|[一二三四五六七八九十]、)/u;
/** Cell padding (pt) allowed on top of that. */
const CELL_PADDING = 6;

/** Whether a cell's last line is full, so its text may go on past a page break. */
export function textRanToEnd(cell: FoundCell): boolean {
  if (!cell.text.trim() || cell.lastLineEnd === undefined || !cell.textSize) return false;
  return cell.bbox.x1 - cell.lastLineEnd <= FULL_LINE_SLACK * cell.textSize + CELL_PADDING;
}

/**
 * The leading cells of the last row above a break that are empty while the cells
 * of the same columns starting the next page print a label, paired: the left-hand
 * group cells of a row whose own cells (its name, its values) are printed, cut by
 * the break with their text on the far side. Only a run from the table's first
 * column counts (past cells empty on both sides), and only above a row that prints
 * cells of its own to the right.
 */
export function labelsPrintedBelowTheBreak(endsLast: readonly FoundCell[], startsFirst: readonly FoundCell[]): [FoundCell, FoundCell][] {
  const pairs: [FoundCell, FoundCell][] = [];
  const above = [...endsLast].sort((p, q) => p.col - q.col);
  let col = Math.min(...above.map((c) => c.col));
  for (const p of above) {
    if (p.col !== col || p.text.trim()) break;
    const c = startsFirst.find((q) => sameColumns(p, q));
    if (!c || isNumber(c.text)) break;
    // (Empty on both sides: one merged cell both pages leave blank here, which the join already makes one.)
    if (c.text.trim()) pairs.push([p, c]);
    col = p.col + p.colSpan;
  }
  const rowGoesOn = above.some((p) => p.col >= col && p.text.trim()) && startsFirst.some((c) => c.col >= col && c.text.trim());
  return rowGoesOn ? pairs : [];
}

/** Appends `next` to `prev` (which it continues) and returns the joined table. */
export function joinContinuedTable(prev: DocTable, next: PageTable): DocTable {
  const xs = clusterValues([...prev.xs, ...next.xs], BORDER_MATCH_TOLERANCE).map((c) => c.reduce((s, v) => s + v, 0) / c.length);
  // Copies, not clones: only scalar fields (col, colSpan, rowSpan, text) change
  // below, and a table running over many pages is copied once per page.
  const top = prev.cells.map((c) => ({ ...c }));
  let bottom = next.cells.map((c) => ({ ...c }));
  regrid(top, prev.xs, xs);
  regrid(bottom, next.xs, xs);
  // A repeated header row is the producer's courtesy, not data.
  const header = repeatedHeaderRows(prev, next);
  if (header) bottom = bottom.filter((c) => c.row >= header).map((c) => ({ ...c, row: c.row - header }));
  const lastRow = prev.nRows - 1;
  const endsLast = top.filter((c) => c.row + c.rowSpan - 1 === lastRow);
  const startsFirst = bottom.filter((c) => c.row === 0);
  const partner = (c: FoundCell) => endsLast.find((p) => sameColumns(p, c));

  // Empty cells at the top of the next page under filled cells are either the
  // rest of a row the break cut (most columns finished above, a long text goes
  // on) or the rest of merged cells the break cut (the row labels on the left
  // are empty, the new row's values are filled). Counting tells them apart.
  const aligned = startsFirst.length > 0 && startsFirst.every((c) => partner(c));
  const filled = startsFirst.filter((c) => c.text.trim() !== "");
  const emptyUnderFilled = startsFirst.filter((c) => !c.text.trim() && partner(c)?.text.trim());
  const firstFilledCol = Math.min(...filled.map((c) => c.col));
  // A row's text that ended a line before the break (a list of rules, one per line) did not
  // run to the border; the row was still cut when its name and the numbers it prints stay
  // above the break, left and right of the text that goes on: a new row would print its own
  // name, 分值 and 得分.
  // The name is the cell just left of the text, one row high above the break (a group label
  // merged over several rows, 效益指标 over 社会效益指标, does not name the row).
  const staysAbove = (c: FoundCell, number: boolean) => isNumber(partner(c)!.text) === number;
  const nameAndNumbersStayAbove = !filled.some((c) => isNumber(c.text)) &&
    emptyUnderFilled.some((c) => staysAbove(c, true) && c.col > firstFilledCol) &&
    emptyUnderFilled.some((c) => staysAbove(c, false) && c.col + c.colSpan === firstFilledCol && partner(c)!.rowSpan === 1);
  // A label merged down rows of its own on the next page, beside a merged cell above, starts a group
  // (项目效益(35分) over 8 rows under 项目产出(30分)): a row's tail carried over fills one row.
  const startsGroup = filled.some((c) => c.rowSpan > 1 && (partner(c)?.rowSpan ?? 0) > 1 && c.col === firstFilledCol);
  // A sentence cut mid-way: the row's text ran to the border above, ends no sentence there, and goes on
  // below without a new item's mark, every cell below under a filled one and no figure among them (资金使用 /
  // 合规性 beside ①支出符合国家财经法规和财务管理 / 制度规定以及有关专项资金管理办法的规定, a row the page cut
  // before its 分值 and 得分, with as many label columns left empty below as cells filled).
  const sentenceGoesOn = aligned && !filled.some((c) => isNumber(c.text)) && filled.every((c) => partner(c)!.text.trim()) &&
    filled.some((c) => textRanToEnd(partner(c)!) && !SENTENCE_END.test(partner(c)!.text.trim()) && !ITEM_MARK.test(c.text.trim()));
  const rowWasCut = aligned && filled.length > 0 && !startsGroup &&
    ((filled.length < emptyUnderFilled.length && (nameAndNumbersStayAbove || filled.every((c) => textRanToEnd(partner(c)!)))) ||
      (filled.length <= emptyUnderFilled.length && sentenceGoesOn));

  const offset = rowWasCut ? prev.nRows - 1 : prev.nRows;
  const absorbed = new Set<FoundCell>();
  for (const c of startsFirst) {
    const p = partner(c);
    if (!p) continue;
    if (rowWasCut) {
      p.text = joinWrappedLines([p.text, c.text]);
      p.rowSpan += c.rowSpan - 1;
      absorbed.add(c);
    } else if (!c.text.trim() && c.col < firstFilledCol && (p.text.trim() || p.rowSpan > 1 || c.rowSpan > 1)) {
      // A merged cell (一级指标, 二级指标...) cut by the break: its empty remainder is the same cell.
      p.rowSpan += c.rowSpan;
      absorbed.add(c);
    }
  }
  if (!rowWasCut) for (const [p, c] of labelsPrintedBelowTheBreak(endsLast, startsFirst)) {
    // A merged cell (一级指标 过程(40分) over rows on both pages) whose text the producer centred on
    // the whole cell, so that it printed on the next page only: its empty part above the break is the same cell.
    p.text = c.text;
    p.rowSpan += c.rowSpan;
    absorbed.add(c);
  }
  const moved = bottom.filter((c) => !absorbed.has(c)).map((c) => ({ ...c, row: c.row + offset }));
  const nRows = offset + (next.nRows - header);
  return {
    ...prev,
    pageTo: next.page,
    xs,
    ys: prev.ys,
    nCols: xs.length - 1,
    nRows,
    cells: [...top, ...moved].sort((p, q) => p.row - q.row || p.col - q.col),
  };
}
