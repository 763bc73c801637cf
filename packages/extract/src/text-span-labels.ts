/**
 * Labels of cells merged down over several rows (一级指标 产出指标 over all
 * its indicators, 二级指标 数量指标 over some), in layout text read a row per
 * line (text-layout.ts). A form centres such a label in its merged cell, so
 * pdftotext prints it halfway down the rows it covers, on the line of
 * whichever row sits there or between two rows, and a label of two lines
 * ("(80" over "分)") comes apart into pieces on neighbouring lines. Left
 * there, the label would start at a middle row and the rows above it would
 * have none. Under an indicator header (a row with two column words or
 * more), in the columns left of the first column that most rows fill
 * (the label columns), the pieces of a label are joined and the label is
 * moved up to the first row it covers, with the rows it covers as its
 * rowSpan: it covers the rows after the previous label of its column whose
 * middle is nearest the label's own middle line, or, for a label that prints
 * its weight (项目决策(10分)), rows whose weights add up to it, off the middle
 * by a line or two at most. Heights are measured without the lines that hold
 * only labels (pdftotext gives a label between two rows a line of its own,
 * which the form does not have).
 */
import type { FoundCell } from "./pdf/page-tables.ts";
import { unionBox } from "./pdf/geometry.ts";
import type { DocTable } from "./pdf/continuation.ts";
import { joinWrappedLines } from "./pdf/words.ts";
import { isValueCell } from "./text-stream.ts";
import { isPlaceholder } from "./text-wrapped-rows.ts";
import { COLUMN, LINE_HEIGHT, LINE_STEP } from "./text-geometry.ts";
import { cellsByRow, isIndicatorHeader } from "./text-grid-rows.ts";
import { levelOf } from "./text-stream-levels.ts";

/** The header of the indicators' names, with a qualifier in brackets or without (三级指标(可调整), 指标名称(长期)). */
const NAME_HEADER = /^(?:三级指标|(?:绩效)?指标名称|指标内容|具体指标)(?:[(（][^()（）]*[)）])?$/;
/** Share of the fullest column's rows the names' column fills at least. */
const NAME_SHARE = 0.75;
/** A cell over the first column of the rows' own cells and the next is prose when it spans this many columns or is this long. */
const PROSE_COLUMNS = 3;
const PROSE_LENGTH = 40;
/** The label of a form's total row. */
const TOTAL = /^(?:总分|合计|总计|总得分|综合得分|得分合计)(?:[:：(（].*)?$/;
/** Whether a cell is the label of a form's total row (总分, 合计). */
export const isTotalLabel = (text: string) => TOTAL.test(text.replace(/\s+/g, ""));
/** Lines from one piece of a label to the next at most (a line of another column's label between). */
const MAX_LABEL_LINE_GAP = 2;
/** Labels on at least this share of the named rows (and that many rows at least) are printed row by row, not merged. */
const PER_ROW_SHARE = 0.8;
const MIN_PER_ROW = 4;
/** A column that at least this share of the rows under a header fill is a column of the rows' own cells, not of labels. */
const DENSE_SHARE = 0.5;
/** A column under a names header that at most this share of the rows fill is not where the names are. */
const EMPTY_SHARE = 0.1;

/**
 * The piece of a label that goes on one above or left of it: an open bracket to close, a piece that opens
 * with one or closes one, or the end of a level's word cut by the cell's width (满意度 over 指标, 效益指 over
 * 标, 服务对象满意 over 度指标等): a piece that reaches 指标 within two characters, under one without it.
 */
const continues = (before: string, after: string) =>
  // A label ends with its weight: (7 分) over (3 分) are the weights of two groups whose names the text lost.
  !WEIGHT_END.test(before) &&
  ((before.split(/[(（]/).length > before.split(/[)）]/).length) || /^[(（]/.test(after) || /^[^(（]{0,3}[)）]/.test(after) ||
    endsLevelWord(before.replace(/\s+/g, ""), after.replace(/\s+/g, "")));
const endsLevelWord = (before: string, after: string) =>
  !/指标/.test(before) && before.length >= 2 && (/^[^指标(（]{0,2}指标/.test(after) || (/指$/.test(before) && /^标/.test(after)));
const WEIGHT_END = /[(（]\s*(\d+(?:\.\d+)?)\s*分?\s*[)）]\s*$/;

interface Block {
  cells: FoundCell[];
  col: number;
  colEnd: number;
  firstRow: number;
  lastRow: number;
}


export function moveSpanLabels(t: DocTable, continued = false): DocTable {
  const byRow = cellsByRow(t);
  const isHeader = (r: number) => isIndicatorHeader(byRow[r]!);
  const moved = new Map<FoundCell, FoundCell | null>();
  for (let h = 0; h < t.nRows; h++) {
    if (!isHeader(h)) continue;
    let end = h + 1;
    while (end < t.nRows && !isHeader(end)) end++;
    for (const [from, to] of moveInRegion(byRow, h, end, continued && h === 0)) moved.set(from, to);
    h = end - 1;
  }
  if (moved.size === 0) return t;
  const cells = t.cells.flatMap((c) => {
    if (!moved.has(c)) return [c];
    const to = moved.get(c);
    return to ? [to] : [];
  });
  return dropEmptyRows({ ...t, cells });
}

/** Rows a moved label leaves empty (a line of its own between two rows) are dropped; spans over them shrink. */
function dropEmptyRows(t: DocTable): DocTable {
  const used = new Set(t.cells.map((c) => c.row));
  const newIndex: number[] = [];
  let n = 0;
  for (let r = 0; r < t.nRows; r++) newIndex[r] = used.has(r) ? n++ : n;
  const cells = t.cells.map((c) => {
    const last = c.row + c.rowSpan - 1;
    const lastKept = used.has(last) ? newIndex[last]! : newIndex[last]! - 1;
    return { ...c, row: newIndex[c.row]!, rowSpan: Math.max(1, lastKept - newIndex[c.row]! + 1) };
  });
  return { ...t, nRows: n, cells: cells.sort((a, b) => a.row - b.row || a.col - b.col) };
}

/** The label cells of the rows under a header (up to row end) to replace: each piece to its label moved up (the first piece) or to nothing. */
function moveInRegion(byRow: FoundCell[][], header: number, end: number, continued: boolean): Map<FoundCell, FoundCell | null> {
  const out = new Map<FoundCell, FoundCell | null>();
  const from = header + 1;
  let to = end;
  if (to - from < 2) return out;
  const nameCol = namesColumn(byRow, header, to);
  if (nameCol === null) return out;
  // The indicator rows end at their total (总分 | 100 | 95) or a row of prose over the columns (评价结论 |
  // 结合自评情况,说明…).
  const last = byRow.slice(from, to).findIndex((cs) => cs.some((c) => TOTAL.test(c.text.replace(/\s+/g, "")) ||
    (c.col <= nameCol && c.col + c.colSpan > nameCol + 1 && (c.colSpan >= PROSE_COLUMNS || Array.from(c.text).length > PROSE_LENGTH))));
  if (last >= 0) to = from + last;
  const isLabel = (c: FoundCell) => c.col + c.colSpan <= nameCol && c.rowSpan === 1 && !isValueCell(c.text);
  // A label's rows are the rows it covers (a name in the names' column) or lines of words only (labels, a
  // criterion's first line); a row of values without a name is a total (总分 | 100 | 95), whose label stays.
  const named = (r: number) => byRow[r]!.some((x) => x.col <= nameCol && x.col + x.colSpan > nameCol && !isValueCell(x.text));
  let lastNamed = to - 1;
  while (lastNamed >= from && !named(lastNamed)) lastNamed--;
  // ...and a label under the last of them is the form's next part (财政部门审核意见), not a group's.
  // (A value beside a label is its weight, no row's: 决策过程 | 8, 项目管理 | 25 | 资金管理 | 10.)
  const found = alignedLanes(labelBlocks(byRow, from, to, isLabel));
  const anyWeight = new Set(found.flatMap((b) => weightsOf(byRow, b, nameCol)));
  // A column whose labels stand on (nearly) every row's own line prints them row by row, merged nowhere
  // (效益指标 社会效益指标 on each line of a 申报表): they stay where they are. A label counts on the row of its
  // first line only: the second line of one over two rows (社会效益 / 指标, each on a row's line) is no row's own.
  const namedRows = [...Array(lastNamed - from + 1).keys()].map((k) => from + k).filter(named);
  const perRow = (col: number) => namedRows.length >= MIN_PER_ROW &&
    namedRows.filter((r) => found.some((b) => b.col === col && b.firstRow === r)).length >= PER_ROW_SHARE * namedRows.length;
  const blocks = found.filter((b) => b.firstRow <= lastNamed && !perRow(b.col) && b.cells.every((c) =>
    named(c.row) || byRow[c.row]!.every((x) => !isValueCell(x.text) || anyWeight.has(x))));
  if (blocks.length === 0) return out;
  // A label on a line of its own between two rows takes no height in the form: pdftotext gave it a line
  // because it sits between their lines. Heights are measured without such lines, a label's own at the
  // middle of its line's gap.
  // A label's weight printed beside it in a column of its own (决策过程 | 8, left of the names) is the label's:
  // it moves with it and its line is still a label's line.
  const weights = new Map(blocks.map((b) => [b, weightsOf(byRow, b, nameCol)] as const));
  const pieces = new Set(blocks.flatMap((b) => [...b.cells, ...weights.get(b)!]));
  const labelOnly = (r: number) => byRow[r]!.length > 0 && byRow[r]!.every((c) => pieces.has(c));
  // (Not a line where another row's cell prints a line too: 项目实施 beside 严格执行相关管, the first line of
  // the criterion of the row under it, is on a line of the form.)
  const printedBeside = (y: number) => byRow.some((cs) => cs.some((c) => !pieces.has(c) && c.bbox.y0 <= y + 0.01 && y + 0.01 < c.bbox.y1));
  const ownLines = [...byRow.keys()].filter(labelOnly).map((r) => Math.min(...byRow[r]!.map((c) => c.bbox.y0)))
    .filter((y) => !printedBeside(y));
  const squeeze = (y: number) =>
    y - LINE_STEP * ownLines.reduce((n, o) => n + (o >= y + 0.01 ? 0 : y < o + LINE_STEP - 0.01 ? 0.5 : 1), 0);
  const top = (r: number) => squeeze(Math.min(...byRow[r]!.map((c) => c.bbox.y0)));
  /** A label's middle line, heights measured as the rows' are. */
  const middleOf = (b: Block) => (squeeze(Math.min(...b.cells.map((c) => c.bbox.y0))) + squeeze(Math.max(...b.cells.map((c) => c.bbox.y1)))) / 2;
  const bottom = (r: number) => squeeze(Math.max(...byRow[r]!.map((c) => c.bbox.y1)));
  const page = (r: number) => byRow[r]![0]?.page;
  const placeholderRow = (r: number) => byRow[r]!.some((c) => !pieces.has(c)) && byRow[r]!.every((c) => pieces.has(c) || isPlaceholder(c.text));
  const weightCol = weightColumn(byRow, header, from, to, nameCol);
  const rowWeight = (r: number) => {
    const c = weightCol === null ? undefined : byRow[r]!.find((x) => x.col === weightCol);
    const v = c ? Number.parseFloat(c.text.replace(/\s+/g, "")) : NaN;
    return Number.isFinite(v) ? v : 0;
  };
  // Rows already covered in each column, from the previous label starting in the column down (a label
  // wider than its column, 产出指标 (50 分), does not cover the next column's labels).
  const coveredTo = new Map<number, number>();
  // Merged cells nest: a label's rows end where a group of the level right of it ends (部门决策 over
  // 目标任务 and 预算编制 ends with 预算编制's last row, not inside it). Inner columns go first.
  const spans: { col: number; from: number; to: number }[] = [];
  const cutsInnerGroup = (col: number, k: number) => spans.some((x) => x.col > col && x.from <= k && x.to > k);
  for (const b of [...blocks].sort((x, y) => y.col - x.col || x.firstRow - y.firstRow)) {
    const p = b.cells[0]!.page;
    let s = Math.max(from, (coveredTo.get(b.col) ?? from - 1) + 1);
    while (s < b.firstRow && (page(s) !== p || labelOnly(s))) s++;
    if (s > b.firstRow) continue;
    const nextBlock = blocks.find((o) => o !== b && o.firstRow > b.lastRow && o.col === b.col);
    const limit = nextBlock ? nextBlock.firstRow - 1 : to - 1;
    const middle = middleOf(b);
    let e = b.lastRow, best = Infinity;
    // A label on a line of its own under its one row (履职成效 below 部门特性指标) covers no row from its line down.
    // On a page that goes on with the table of the page before (a lent header), the rows above a column's first
    // label may be the last of the group above the break: that label starts where it centres best, not at the top.
    // (The latest start when two centre it as well: the rows above are the group above the break.)
    const firsts = continued && !coveredTo.has(b.col) ? [...Array(b.firstRow - s + 1).keys()].map((k) => b.firstRow - k) : [s];
    const start = s;
    // A label that prints its weight (项目决策(10分)) covers rows whose weights add up to it, where some do
    // near where it centres: the form's own arithmetic, where the geometry is a line or two off.
    const labelWeight = weightOfLabel(labelText(b.cells));
    let summed: { s: number; e: number; off: number } | null = null;
    // Where two covers centre a label without a weight as well, the one that lets the next label of the column
    // centre better on the rows left to it (河北 2019's 数量指标 over two rows, not three: 质量指标 centres on
    // the three after them).
    const nextMiddle = nextBlock ? middleOf(nextBlock) : null;
    const nextLimit = nextBlock ? (blocks.find((o) => o !== nextBlock && o.firstRow > nextBlock.lastRow && o.col === b.col)?.firstRow ?? to) - 1 : -1;
    const ahead = (k: number) => {
      if (nextMiddle === null || labelWeight !== null) return 0;
      let s2 = k + 1;
      while (s2 <= nextLimit && labelOnly(s2)) s2++;
      let least = Infinity;
      for (let k2 = s2; k2 <= nextLimit && page(k2) === p; k2++) if (!labelOnly(k2)) least = Math.min(least, Math.abs((top(s2) + bottom(k2)) / 2 - nextMiddle));
      return Number.isFinite(least) ? least : 0;
    };
    let bestScore = Infinity;
    for (const s0 of firsts) {
      if (s0 !== start && labelOnly(s0)) continue;
      let sum = 0;
      for (let k = s0; k <= limit && page(k) === p; k++) {
        sum += rowWeight(k);
        if (labelOnly(k) || cutsInnerGroup(b.col, k)) continue;
        const off = Math.abs((top(s0) + bottom(k)) / 2 - middle);
        const score = off + ahead(k);
        if (score < bestScore - LINE_STEP / 4) { bestScore = score; best = off; e = k; s = s0; }
        if (labelWeight !== null && Math.abs(sum - labelWeight) < 0.001 && (summed === null || off < summed.off)) summed = { s: s0, e: k, off };
      }
    }
    if (summed && summed.off <= best + SUM_SLACK_LINES * LINE_STEP) ({ s, e } = summed);
    // A slot the form leaves for more indicators (……, 指标 2:) after a group's rows is the group's.
    while (e + 1 <= limit && page(e + 1) === p && !labelOnly(e + 1) && placeholderRow(e + 1) && !cutsInnerGroup(b.col, e + 1)) e++;
    // The label keeps the columns of the first row it covers that the row's own cells leave free.
    const others = byRow[s]!.filter((c) => !b.cells.includes(c) && c.col + c.colSpan > b.col && c.col < b.colEnd);
    const colEnd = Math.min(b.colEnd, ...others.map((c) => c.col));
    if (colEnd <= b.col) { coveredTo.set(b.col, b.lastRow); continue; }
    coveredTo.set(b.col, e);
    spans.push({ col: b.col, from: s, to: e });
    const parts = [...b.cells].sort((x, y) => x.row - y.row || x.col - y.col);
    const label: FoundCell = {
      ...parts[0]!,
      row: s,
      col: b.col,
      colSpan: colEnd - b.col,
      rowSpan: e - s + 1,
      text: labelText(parts),
      bbox: unionBox(parts.map((c) => c.bbox)),
    };
    parts.forEach((c, i) => out.set(c, i === 0 ? label : null));
    for (const w of weights.get(b)!) if (w.col >= colEnd) out.set(w, { ...w, row: s, rowSpan: e - s + 1 });
  }
  return out;
}

/** Lines further off-centre than the best-centred rows a label may cover when their weights add up to its own. */
const SUM_SLACK_LINES = 1.5;
/** A header of the rows' weights (分值, 参考分值, 权重, 指标分值), not of their scores (得分). */
const WEIGHT_HEADER = /^(?:参考|标准|指标)?(?:分值|权重)(?:\(分\))?$/;
/** Share of the rows that hold a number in a column of weights at least. */
const WEIGHT_SHARE = 0.5;

/** The weight a label prints (项目决策(10分), 产出指标 (50 分)), if any. */
function weightOfLabel(text: string): number | null {
  const m = text.replace(/\s+/g, "").match(WEIGHT_END);
  return m ? Number.parseFloat(m[1]!) : null;
}

/**
 * The column of the rows' weights right of their names: of the columns that
 * hold a number on most rows, the one whose cells' middle is nearest the
 * weight header's, and nearer it than any other header cell (a header
 * centred over its column sits a few characters off it: 参考 / 分值 over 4, 2, 10).
 */
function weightColumn(byRow: FoundCell[][], header: number, from: number, to: number, nameCol: number): number | null {
  const heads = byRow[header]!;
  const head = heads.find((c) => WEIGHT_HEADER.test(c.text.replace(/\s+/g, "")));
  if (!head) return null;
  const mid = (c: FoundCell) => (c.bbox.x0 + c.bbox.x1) / 2;
  const rows = byRow.slice(from, to).filter((cs) => cs.length > 0);
  const numbers = new Map<number, FoundCell[]>();
  for (const cs of rows) for (const c of cs) if (c.col > nameCol && /^\d{1,3}(?:\.\d+)?$/.test(c.text.replace(/\s+/g, ""))) numbers.set(c.col, [...(numbers.get(c.col) ?? []), c]);
  let best: number | null = null, bestOff = Infinity;
  for (const [col, cs] of numbers) {
    if (cs.length < WEIGHT_SHARE * rows.length) continue;
    const mids = cs.map(mid).sort((a, b) => a - b);
    const at = mids[Math.floor(mids.length / 2)]!;
    const nearest = [...heads].sort((a, b) => Math.abs(mid(a) - at) - Math.abs(mid(b) - at))[0];
    const off = Math.abs(mid(head) - at);
    if (nearest === head && off < bestOff) { bestOff = off; best = col; }
  }
  return best;
}

/**
 * The weight printed right of a label on one of its lines (决策过程 | 8 under 二级指标 | 分值), in the label
 * columns: points (a number up to 100) whose nearest neighbour on its left on the line is a piece of the label.
 */
function weightsOf(byRow: FoundCell[][], b: Block, nameCol: number): FoundCell[] {
  const out: FoundCell[] = [];
  for (let r = b.firstRow; r <= b.lastRow; r++) {
    const line = [...byRow[r]!].sort((x, y) => x.col - y.col);
    line.forEach((c, i) => {
      // (Points: a number up to 100; an amount beside a project's name, 3,309,840.00, is no weight.)
      const t = c.text.replace(/\s+/g, "");
      if (c.col + c.colSpan > nameCol || !/^\d{1,3}(?:\.\d+)?分?$/.test(t) || Number.parseFloat(t) > 100 || i === 0) return;
      if (b.cells.includes(line[i - 1]!)) out.push(c);
    });
  }
  return out;
}

/**
 * The column of the indicators' own names: the one headed 三级指标 (指标名称, 指标内容 …), else the
 * first of the columns under the header nearly as full as the fullest (a column of 二级指标 on most
 * rows is still labels; the criteria right of the names are as full as they are).
 */
export function namesColumn(byRow: FoundCell[][], header: number, to: number): number | null {
  const named = byRow[header]!.find((c) => NAME_HEADER.test(c.text.replace(/\s+/g, "")));
  const rows = byRow.slice(header + 1, to);
  const filled = new Map<number, number>();
  for (const cs of rows) for (const c of cs) if (!isValueCell(c.text)) filled.set(c.col, (filled.get(c.col) ?? 0) + 1);
  if (named) {
    // A header centred over its column may sit a column or two off it (三级指标 right of 基础信息完整性 …,
    // 三级指标 over names set flush left in a wide column): where its own column is nearly empty, the names
    // are in the nearest full column between the header words either side of it.
    const at = (col: number) => filled.get(col) ?? 0;
    if (at(named.col) > EMPTY_SHARE * rows.length) return named.col;
    const heads = byRow[header]!.map((c) => c.col);
    const before = Math.max(-1, ...heads.filter((col) => col < named.col));
    const after = Math.min(Number.POSITIVE_INFINITY, ...heads.filter((col) => col > named.col));
    const side = [...filled.keys()].filter((col) => col > before && col < after && at(col) >= DENSE_SHARE * rows.length)
      .sort((a, b) => Math.abs(a - named.col) - Math.abs(b - named.col) || at(b) - at(a))[0];
    return side ?? named.col;
  }
  const dense = [...filled].filter(([, n]) => n >= DENSE_SHARE * rows.length);
  if (dense.length === 0) return null;
  const most = Math.max(...dense.map(([, n]) => n));
  return Math.min(...dense.filter(([, n]) => n >= NAME_SHARE * most).map(([col]) => col));
}

/** Labels a column holds at least to take a neighbour's lone label into it. */
const MIN_LANE_LABELS = 2;

/**
 * Labels of one column that the grid put in two (产出指标 … 效益指标 over columns 0–1, 满意度指标, a
 * character wider, in column 1 alone): the one label of a column that starts where labels of an earlier
 * column start, one of them reaching into its column, is the earlier column's, so the labels of the
 * column cover its rows in turn. (A column of labels of its own, the next level's, is left where it is.)
 */
function alignedLanes(blocks: Block[]): Block[] {
  const left = (b: Block) => Math.min(...b.cells.map((c) => c.bbox.x0));
  for (const col of new Set(blocks.map((b) => b.col))) {
    const own = blocks.filter((b) => b.col === col);
    if (own.length !== 1) continue;
    const b = own[0]!;
    const lane = blocks.filter((o) => o.col < col && o.colEnd > col && Math.abs(left(o) - left(b)) <= COLUMN / 2)
      .reduce((m, o) => Math.min(m, o.col), col);
    if (lane < col && blocks.filter((o) => o.col === lane).length >= MIN_LANE_LABELS) b.col = lane;
  }
  return sameLevelLanes(blocks);
}

/**
 * Level-1 labels that pdftotext pushed a column apart (产出指标(50 分) one column right of where
 * 效益指标(30 分) starts, by the side label 绩效指标 beside it): two neighbouring columns whose labels
 * are all level-1 words and never share a row are one column, the left one, so each label covers its
 * own rows instead of both starting at the first.
 */
function sameLevelLanes(blocks: Block[]): Block[] {
  const level1 = (b: Block) => levelOf(labelText(b.cells)) === 1;
  const cols = [...new Set(blocks.map((b) => b.col))].sort((x, y) => x - y);
  for (const col of cols) {
    const own = blocks.filter((b) => b.col === col), next = blocks.filter((b) => b.col === col + 1);
    if (own.length === 0 || next.length === 0 || ![...own, ...next].every(level1)) continue;
    if (own.some((a) => next.some((b) => a.firstRow <= b.lastRow && b.firstRow <= a.lastRow))) continue;
    for (const b of next) b.col = col;
  }
  return blocks;
}

/** A label's text: its lines joined as wrapped lines, the pieces of one line with the space between them (投 入(15分)). */
function labelText(pieces: readonly FoundCell[]): string {
  const lines = new Map<number, FoundCell[]>();
  for (const c of pieces) lines.set(c.row, [...(lines.get(c.row) ?? []), c]);
  return joinWrappedLines([...lines].sort((a, b) => a[0] - b[0]).map(([, cs]) => cs.sort((x, y) => x.col - y.col).map((c) => c.text).join(" ")));
}

/**
 * A whole label word one space before the start of another (绩效 / 指标 产出指标(50 / 分): the
 * form's side label 绩效指标 and the level 1 beside it, which pdftotext pushed against each other): two labels.
 */
const twoWords = (before: string, after: string) =>
  /指标$/.test(before.replace(/\s+/g, "")) && /^[\u3400-\u9fff]{2,8}指标/.test(after.replace(/\s+/g, ""));

/** The labels of a region: label cells joined with the pieces that continue them on the same line or the next. */
function labelBlocks(byRow: FoundCell[][], from: number, to: number, isLabel: (c: FoundCell) => boolean): Block[] {
  const blocks: Block[] = [];
  for (let r = from; r < to; r++) {
    for (const c of [...byRow[r]!].filter(isLabel).sort((a, b) => a.col - b.col)) {
      // Beside the block's last piece on its line one space after it (letter spacing: 投 入(15分), 本年度 绩效指标), or under it (a line of another column's text between at
      // most) with its middle within the block's width: the lines of a centred label share their middle. (Under
      // it by lines, not rows: the row between may be another line's, 产出 / 指标 joined to 质量指标's row and
      // (50 分) two lines under 指标 on a row of its own.)
      const touching = (wider: boolean) => (b: Block) => {
        const last = b.cells[b.cells.length - 1]!;
        const x0 = Math.min(...b.cells.map((x) => x.bbox.x0)), x1 = Math.max(...b.cells.map((x) => x.bbox.x1));
        // (From the top of the last line of the last piece: a piece may be two lines the wrapped step joined, 产出 / 指标.)
        const mid = (c.bbox.x0 + c.bbox.x1) / 2, dy = c.bbox.y0 - (last.bbox.y1 - LINE_HEIGHT * COLUMN);
        if (b.lastRow === r && b.colEnd === c.col && dy === 0) return c.bbox.x0 - last.bbox.x1 <= COLUMN + 0.01 && !twoWords(labelText(b.cells), c.text);
        // (Or, where no block holds its middle, the block's middle within the piece: a short first line over a
        // wider second, 规划 over (15 分).)
        const centred = wider ? (x0 + x1) / 2 >= c.bbox.x0 && (x0 + x1) / 2 <= c.bbox.x1 : mid >= x0 && mid <= x1;
        return b.lastRow < r && b.lastRow >= r - MAX_LABEL_LINE_GAP && dy > 0 && dy <= MAX_LABEL_LINE_GAP * LINE_STEP + 0.01 && centred && continues(labelText(b.cells), c.text);
      };
      const into = blocks.find(touching(false)) ?? blocks.find(touching(true));
      if (into) {
        into.cells.push(c);
        into.col = Math.min(into.col, c.col);
        into.colEnd = Math.max(into.colEnd, c.col + c.colSpan);
        into.lastRow = r;
      } else blocks.push({ cells: [c], col: c.col, colEnd: c.col + c.colSpan, firstRow: r, lastRow: r });
    }
  }
  return blocks.sort((a, b) => a.firstRow - b.firstRow || a.col - b.col);
}
