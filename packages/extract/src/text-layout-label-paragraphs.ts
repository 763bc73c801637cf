/**
 * Labels beside paragraphs in layout text (text-layout.ts), read a row per
 * line: a form's block of label | text rows (项目概况 | 根据…, 职能职责概述 |
 * 负责…) whose text cells wrap over several lines. A form centres the label
 * in its row, so pdftotext prints it on the middle line of its paragraph (on
 * a line of its own between the two middle lines of an even paragraph) and
 * the row's lines are the label's line and as many paragraph lines above it
 * as below it. Those lines come between no rows of more cells, so the
 * wrapped-row step (text-wrapped-rows.ts) has nothing to join them to.
 *
 * In a run of adjacent lines that hold only a label (left of the paragraphs'
 * column), a paragraph line, or both, each label (a label of several lines
 * is one) takes the lines above it back to the previous label's, and as many
 * lines below it: the run is read so only when that centring divides it
 * exactly, every line to one label (trying, where the labels one by one do
 * not, a label of two lines round a one-line paragraph as one). Runs under
 * an indicator header, or with a group label (数量指标, merged down over
 * indicator rows and centred over them, not over a paragraph), are left
 * alone, and so are lines that each end in a colon (资金总额： over
 * 一般公共预算拨款： in a blank template): labels whose values are blank, not a
 * paragraph's lines.
 */
import type { FoundCell } from "./pdf/page-tables.ts";
import type { DocTable } from "./pdf/continuation.ts";
import { unionBox } from "./pdf/geometry.ts";
import { COLUMN, LINE_STEP } from "./text-geometry.ts";
import { isHeaderWord, isValueCell } from "./text-stream.ts";
import { isLevelLabel, isMoneyFact, mergeLines } from "./text-wrapped-rows.ts";
import { cellsByRow, isIndicatorHeader } from "./text-grid-rows.ts";

type Kind = "label" | "paragraph" | "both" | null;

/** Characters of a label that goes on the list of labels and amounts above it at most... */
const MAX_LIST_LABEL = 12;
/** ...starting within this (units) of the label above it: the same character column. */
const ALIGN_EPS = COLUMN / 2;
/** A label's end: the colon before its value. */
const COLON_END = /[:：]$/;
/** Cells a line of a label, a paragraph or both holds at most (the paragraph's line in two pieces beside its label). */
const MAX_RUN_CELLS = 3;

export function joinLabelParagraphs(t: DocTable): DocTable {
  const byRow = cellsByRow(t);
  for (const cells of byRow) cells.sort((a, b) => a.col - b.col);
  const top = byRow.map((cells) => Math.min(...cells.map((c) => c.bbox.y0)));
  const adjacent = (r: number) => top[r + 1]! - top[r]! <= LINE_STEP + 0.01;
  // Rows from the first indicator header down hold indicators, whose labels are merged over rows.
  let end = byRow.findIndex(isIndicatorHeader);
  if (end < 0) end = t.nRows;
  // (Three cells: a label and its paragraph's line come apart at a wide gap, 查、工程…需 | 10万元,合计.)
  // (A header row over the lines below, 中期目标 | 年度目标, ends a block: the block under it has its own columns.)
  const header = (r: number) => byRow[r]!.length >= 2 && byRow[r]!.every((c) => isHeaderWord(c.text));
  const small = (r: number) => byRow[r]!.length >= 1 && byRow[r]!.length <= MAX_RUN_CELLS && !header(r) && byRow[r]!.every((c) => c.rowSpan === 1 && !isValueCell(c.text));
  const target: (number | null)[] = byRow.map(() => null);
  // A line of one short label under a row of a label and its amounts, starting where that label starts
  // (其他资金 under 其中:本年财政拨款 | 30 | 30, its amounts left blank), is the last row of that list,
  // not the first line of the paragraph below it.
  const listsOn = (r: number) => {
    const cells = byRow[r]!, above = byRow[r - 1];
    if (cells.length !== 1 || !above || !adjacent(r - 1) || !above.some((c) => isValueCell(c.text))) return false;
    const c = cells[0]!;
    return Array.from(c.text.replace(/\s+/g, "")).length <= MAX_LIST_LABEL &&
      above.some((x) => x.col === c.col && !isValueCell(x.text) && Math.abs(x.bbox.x0 - c.bbox.x0) <= ALIGN_EPS);
  };
  for (let a = 0; a < end;) {
    if (!small(a) || listsOn(a)) { a++; continue; }
    let b = a + 1;
    while (b < end && small(b) && adjacent(b - 1)) b++;
    divideBlock(byRow, a, b, target);
    a = b;
  }
  return mergeLines({ ...t, cells: byRow.flat() }, target);
}

/**
 * Divides the lines a..b-1 (one to three cells each, adjacent) among the labels
 * they hold, where the centring of each label on its paragraph divides them exactly.
 */
function divideBlock(byRow: FoundCell[][], a: number, b: number, target: (number | null)[]): void {
  // The paragraphs' column: where most one-cell lines start (a paragraph has more lines than its label).
  const counts = new Map<number, number>();
  for (let r = a; r < b; r++) if (byRow[r]!.length === 1) counts.set(byRow[r]![0]!.col, (counts.get(byRow[r]![0]!.col) ?? 0) + 1);
  if (counts.size < 2) return;
  const most = Math.max(...counts.values());
  const para = Math.max(...[...counts].filter(([, n]) => n === most).map(([col]) => col));
  const colonEnded = (r: number) => byRow[r]?.length === 1 && COLON_END.test(byRow[r]![0]!.text.trim());
  const listOfBlankLabels = (r: number) => colonEnded(r) && ((r > a && colonEnded(r - 1)) || (r + 1 < b && colonEnded(r + 1)));
  // A paragraph's line may come apart in two cells (a wide gap in it, 结转项目□  其他一次性项目□).
  const kind = (r: number): Kind => {
    const [first, second, ...more] = byRow[r]!;
    if (byRow[r]!.some((c) => isMoneyFact(c.text))) return null;
    // (Three cells only as a label and its paragraph's line in two pieces; two paragraphs side by side are no run.)
    if (more.some((c) => c.col < para) || (more.length > 0 && first!.col >= para)) return null;
    // (Lines that each end in a colon are labels whose values are blank, 资金总额： over 一般公共预算拨款：, no paragraph.)
    if (first!.col >= para) return listOfBlankLabels(r) ? null : "paragraph";
    if (first!.col + first!.colSpan > para || /\d/.test(first!.text) || isLevelLabel(first!.text)) return null;
    return second === undefined ? "label" : second.col >= para ? "both" : null;
  };
  for (let s = a; s < b;) {
    if (kind(s) === null) { s++; continue; }
    let e = s + 1;
    while (e < b && kind(e) !== null) e++;
    divideRun(byRow, s, e, kind, target);
    s = e;
  }
}

/** Divides a run of label and paragraph lines s..e-1, or leaves it when centring does not divide it exactly. */
function divideRun(byRow: FoundCell[][], s: number, e: number, kind: (r: number) => Kind, target: (number | null)[]): void {
  // Labels: runs of lines with a label (a label of two lines, 年度主要 over 工作内容, is one).
  const labels: [number, number][] = [];
  for (let r = s; r < e; r++) {
    if (kind(r) === "paragraph") continue;
    const last = labels[labels.length - 1];
    if (last && last[1] === r) last[1] = r + 1;
    else labels.push([r, r + 1]);
  }
  if (labels.length === 0 || labels.every(([x, y]) => y - x === e - s)) return;
  // (A label of two lines may straddle its one-line paragraph, 项目实施 / 2023年12月31日前完成 / 进度计划: where the
  // labels one by one do not divide the run, two label-only lines round one paragraph line are tried as one label,
  // and then a label beside its paragraph's line as a whole label, not the head of the label-only line under it.)
  const assigned = centredOn(labels, s, e) ?? centredOn(straddling(labels, kind), s, e) ??
    centredOn(straddling(splitAtParagraphs(labels, kind), kind), s, e);
  if (!assigned) return;
  // A label's first line is its row; the paragraph's lines and the label's other lines join it.
  for (let r = s; r < e; r++) {
    if (assigned[r] !== undefined && assigned[r] !== r) target[r] = assigned[r]!;
    // A paragraph's line in two pieces, beside its label or alone, is one line of the paragraph.
    const cells = byRow[r]!;
    const alone = kind(r) === "paragraph";
    const pieces = alone ? cells : cells.slice(1);
    const [head, tail] = pieces;
    if (pieces.length === 2) {
      const line = { ...head!, text: head!.text + tail!.text, colSpan: tail!.col + tail!.colSpan - head!.col, bbox: unionBox([head!.bbox, tail!.bbox]) };
      byRow[r] = alone ? [line] : [cells[0]!, line];
    }
  }
}

/** Each line's label (its first line), when each label is centred on its lines and they divide lines s..e-1 exactly; else null. */
function centredOn(labels: readonly [number, number][], s: number, e: number): (number | null)[] | null {
  const assigned: (number | null)[] = [];
  let pos = s;
  for (const [x, y] of labels) {
    const above = x - pos;
    const below = labels.find(([nx]) => nx > x)?.[0] ?? e;
    // The label's row ends as far below its lines as it starts above them.
    if (y + above > below) return null;
    for (let r = pos; r < y + above; r++) assigned[r] = x;
    pos = y + above;
  }
  return pos === e ? assigned : null;
}

/**
 * The labels with each line that holds a paragraph's line a label of its own: 项目起止时间 | 2023年6月至12月 over
 * 项目实施 (the first line of the next label, 项目实施 / … / 进度计划) is a whole label beside its one-line paragraph.
 */
function splitAtParagraphs(labels: readonly [number, number][], kind: (r: number) => Kind): [number, number][] {
  return labels.flatMap(([x, y]): [number, number][] => {
    const out: [number, number][] = [];
    let from = x;
    for (let r = x; r < y; r++) {
      if (kind(r) !== "both" || y - x === 1) continue;
      if (r > from) out.push([from, r]);
      out.push([r, r + 1]);
      from = r + 1;
    }
    if (from < y) out.push([from, y]);
    return out;
  });
}

/** The labels with each two one-line labels that hold no paragraph text, one paragraph line apart, taken as one. */
function straddling(labels: readonly [number, number][], kind: (r: number) => Kind): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < labels.length; i++) {
    const [x, y] = labels[i]!, next = labels[i + 1];
    if (next && y - x === 1 && next[1] - next[0] === 1 && next[0] === y + 1 && kind(x) === "label" && kind(next[0]) === "label") {
      out.push([x, next[1]]);
      i++;
    } else out.push([x, y]);
  }
  return out;
}
