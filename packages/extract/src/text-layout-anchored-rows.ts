/**
 * The rows of an indicator table in layout text (text-layout.ts), rebuilt
 * column by column around the rows' value lines. pdftotext prints a row's
 * one-line cells (its values: 735, 10, 10) on one line, the anchor, and the
 * lines of its wrapped cells above and below it, each cell centred on the
 * row as the form centres it (or starting on the anchor line, where the form
 * sets its cells at the top). Lines of two rows' cells interleave between
 * their anchors, and a row without values (指标 2 / ……, a placeholder) sits
 * between them too.
 *
 * Under an indicator header, in each column from the names' column right
 * (the label columns left of it are text-span-labels.ts's), the lines
 * between two anchors are split into the tail of the row above, rows of
 * their own, and the head of the row below, choosing the split that centres
 * every cell best on its anchor (a dynamic programme per column; a run of
 * lines of their own costs ORPHAN_COST, so a cell is only stretched off its
 * anchor by less than a line). The same split with cells set at the top is
 * tried too, and the alignment with the lower cost is the table's. A cell's
 * lines are consecutive lines (one skipped: its anchor's own line, which a
 * cell of an even number of lines straddles); no cell is joined across a
 * blank line.
 *
 * The rows are only rebuilt where the anchors are clear: a column of values
 * (most of its cells are values), at least MIN_ANCHORS lines holding them,
 * and no line of MAX_LINE_CELLS cells between them that holds none (a row
 * whose values are words: the anchors do not tell the rows there). A
 * placeholder (……) is a row of its own, never a line of a neighbour's cell.
 * A line that opens another group's label left of the names (质量指标 under
 * the line of 数量指标's row) begins the next row: its cells, and those of the
 * lines after it that the plan gave the row above, go to the row below.
 *
 * A table with no column of values (a blank scorecard) is rebuilt the same way
 * where its names tell the rows: most of them wrap, and each ends in its points
 * (绩效目标 / 合理性 / (2)); each name's middle line is its row's anchor.
 */
import type { FoundCell } from "./pdf/page-tables.ts";
import type { DocTable } from "./pdf/continuation.ts";
import { LINE_STEP, overlapsAcross } from "./text-geometry.ts";
import { isHeaderWord, isValueCell } from "./text-stream.ts";
import { isStreamValueCell } from "./text-stream-words.ts";
import { isTotalLabel, namesColumn } from "./text-span-labels.ts";
import { BARE_SIGN, isLevelLabel, isPlaceholder, mergeCells } from "./text-wrapped-rows.ts";
import { COMPARISON, NUMBERED_ITEM, isGoalsWord } from "./text-layout-words.ts";
import { cellsByRow, isIndicatorHeader } from "./text-grid-rows.ts";

/** A date a row's value names: 2021年12月31日, 2023年12月底前, 12月底. */
const DATE_VALUE = /^(?:(?:19|20)\d{2}年)?\d{1,2}月(?:\d{1,2}日)?(?:底|末|初|中旬)?(?:前|以前|内|之前)?(?:完成)?$|^(?:19|20)\d{2}年(?:底|末|度)?(?:前|以前|内)?(?:完成)?$/;
/**
 * A figure and a short unit of any name (3500 公斤, ≥70 村, 80M, 60km/h): a value, whatever its unit; the unit lists
 * of the cell readers do not hold every unit a form counts in.
 */
const MEASURE = new RegExp(`^(?:${COMPARISON}|>=|<=)?[-+]?\\d[\\d,]*(?:\\.\\d+)?(?:[\\u4e00-\\u9fff]{1,2}(?:[/／][\\u4e00-\\u9fff]{1,2})?|[A-Za-z]{1,3}(?:[/／][A-Za-z]{1,3})?)$`);
/** A value of a row: an amount, a share, a score, a count with its unit (192 只, 10 辆, 583 元/人*月, 3500 公斤), or a date. */
const isQuantity = (text: string) => {
  const t = text.replace(/\s+/g, "");
  return isValueCell(text) || (isStreamValueCell(text) && /\d/.test(text)) || DATE_VALUE.test(t) || MEASURE.test(t);
};
/** A one-character answer (是, 否, 有, 无): a yes-or-no indicator's target, a whole value (项目实施是否产生经济价值 | 否). */
const ONE_WORD_ANSWER = /^[是否有无]$/;
/** Value lines a region needs at least for its rows to be rebuilt around them. */
const MIN_ANCHORS = 2;
/** A line with this many cells from the names' column right is a row's own line. */
const MAX_LINE_CELLS = 3;
/**
 * Cost of a run of lines left as a row of its own, in lines of a cell's distance from its anchor, and of each
 * line in it (so that, at equal cost, a line goes to the anchor it centres on).
 */
const ORPHAN_COST = 0.75;
const ORPHAN_LINE_COST = 0.05;
/** Lines of a header's wrapped cells above its line at most, and the length of a piece of one. */
const MAX_HEADER_LINES = 3;
const MAX_HEADER_PIECE = 12;
/** A group's label: two characters or more before 指标 (数量指标, 满意度指标(10分)). */
const LEVEL_WORD = /^[^(（]{2,}指标/;
/** Cells of a column that open a numbered item (指标1:, 指标2:) from which the column is a numbered list. */
const MIN_NUMBERED_ITEMS = 2;
/** Slack on line positions (a line is one LINE_STEP below the one before). */
const EPS = 0.01;
/** A group's label from its first line on, over this many lines at most (可持续影 / 响指标). */
const MAX_LEVEL_LINES = 3;
/** The start of a group's label: a few words, then 指标. */
const LEVEL_HEAD = /^[^\d(（]{1,8}?指标/;
/** A level's label: ends in 指标, maybe with its weight (满意度指标(10分)); no word value of a row. */
const LEVEL_LABEL = /指标(?:[(（][^()（）]*[)）])?$/;

type Alignment = "centre" | "top" | "mixed";
/** In a table whose cells are mostly centred, the cost of one set at the top of its row (医保信息平台数据 on its anchor, two lines under it). */
const MIXED_TOP_COST = 0.4;

/** Where the cells of one column go: each cell's row (an anchor's, or the first line of a run of its own), or null to stay. */
interface ColumnPlan {
  cost: number;
  target: Map<FoundCell, number>;
  /** The cells of each run of lines left as a row of its own (指标 2 over ……). */
  orphans: FoundCell[][];
}

export function joinAnchoredRows(t: DocTable): DocTable {
  const byRow = cellsByRow(t);
  const target = new Map<FoundCell, number>();
  const recolumned = new Map<FoundCell, number>();
  for (let h = 0; h < t.nRows; h++) {
    if (!isIndicatorHeader(byRow[h]!)) continue;
    let end = h + 1;
    while (end < t.nRows && !isIndicatorHeader(byRow[end]!)) end++;
    // Page by page: a table cut by a page break starts its lines again at the top of the next page.
    const pages = [...new Set(byRow.slice(h + 1, end).flatMap((cs) => cs.map((c) => c.page)))];
    for (const page of pages) planRegion(byRow, h, end, page, target);
    placeCentredLabels(byRow, h, end, recolumned);
    h = end - 1;
  }
  if (target.size === 0 && recolumned.size === 0) return t;
  const cells = t.cells.map((c) => (recolumned.has(c) ? { ...c, col: recolumned.get(c)!, colSpan: 1 } : c));
  const moved = new Map(t.cells.map((c, i) => [cells[i]!, target.get(c) ?? null] as const));
  return mergeCells({ ...t, cells }, (c) => moved.get(c) ?? null);
}

/** Line position of a row: its top in lines (a blank line counts as more). */
const lineOf = (cells: readonly FoundCell[]) => Math.min(...cells.map((c) => c.bbox.y0)) / LINE_STEP;

function planRegion(byRow: FoundCell[][], header: number, end: number, page: number, target: Map<FoundCell, number>): void {
  const names = namesColumn(byRow, header, end);
  if (names === null) return;
  const rows = [...Array(end - header - 1).keys()].map((k) => header + 1 + k).filter((r) => byRow[r]!.length > 0 && byRow[r]![0]!.page === page);
  const body = rows.flatMap((r) => byRow[r]!.filter((c) => c.col >= names));
  const cols = [...new Set(body.map((c) => c.col))].sort((a, b) => a - b);
  const valueCols = new Set(cols.filter((col) => {
    const cs = body.filter((c) => c.col === col);
    const values = cs.filter((c) => isQuantity(c.text)).length;
    return col !== names && values >= MIN_ANCHORS && values * 2 > cs.length;
  }));
  // (No column of values — a blank scorecard — but names that each end in their points: those name the rows.)
  const anchors = valueCols.size > 0 ? valueAnchors(byRow, rows, names, valueCols) : pointedNameAnchors(byRow, rows, names);
  if (anchors.length < MIN_ANCHORS) return;
  planAroundAnchors(byRow, rows, names, cols, anchors, header, page, target);
}

/**
 * Rows of a table with no column of values, told by its names: where each name ends in its points in brackets
 * and most of them wrap over a few lines (绩效目标 / 合理性 / (2), “三公经 / 费”变动 / 率(3)), each name is a row,
 * centred on its middle line as the form centres its cells. The anchors are those middle lines.
 */
function pointedNameAnchors(byRow: FoundCell[][], rows: number[], names: number): number[] {
  const cells = rows.flatMap((r) => byRow[r]!.filter((c) => c.col === names));
  if (cells.length === 0 || !POINTS_END.test(cells[cells.length - 1]!.text.replace(/\s+/g, ""))) return [];
  const blocks: FoundCell[][] = [];
  let block: FoundCell[] = [];
  for (const c of cells) {
    // (A name's lines are consecutive: a gap of a blank line or more between two pieces ends the table's reading.)
    if (block.length > 0 && lineOf([c]) - lineOf([block[block.length - 1]!]) > MAX_NAME_LINE_STEP + EPS) return [];
    block.push(c);
    if (!POINTS_END.test(c.text.replace(/\s+/g, ""))) continue;
    blocks.push(block);
    block = [];
  }
  // (Names that wrap, most of them: names of one line each are rows of their own already, and a line with no points
  // among them is a name that prints none (部门特性指标 over 重点改革完成情况(5分)), not the first line of the next.)
  if (blocks.filter((b) => b.length > 1).length < WRAPPED_NAMES_SHARE * blocks.length) return [];
  return blocks.map((b) => {
    const middle = (lineOf([b[0]!]) + lineOf([b[b.length - 1]!])) / 2;
    return b.reduce((x, y) => (Math.abs(lineOf([y]) - middle) < Math.abs(lineOf([x]) - middle) ? y : x)).row;
  });
}
/** Share of the names that wrap over two lines or more, at least, for the names to tell the rows. */
const WRAPPED_NAMES_SHARE = 2 / 3;
/** A name's last piece: its points in brackets, (2), 率(3), (10分). */
const POINTS_END = /[(（]\d+(?:\.\d+)?分?[)）]$/;
/** Lines from one piece of a name to the next at most (a line of another column between). */
const MAX_NAME_LINE_STEP = 2;

/** The lines that hold a row's values: the anchors the table's rows are rebuilt around. */
function valueAnchors(byRow: FoundCell[][], rows: number[], names: number, valueCols: ReadonlySet<number>): number[] {
  // An anchor holds a value in a column of values, or two cells there (高 | 高, 0起 | 0起: a qualitative row).
  // Or a word value there (稳步提高, 及时): a qualitative row of one line; a wrapped value's piece holds its figure.
  const wordValue = (c: FoundCell) => (Array.from(c.text.replace(/\s+/g, "")).length >= 2 || ONE_WORD_ANSWER.test(c.text.trim())) && !/\d/.test(c.text) && !LEVEL_LABEL.test(c.text);
  // Or two values anywhere on the line (序号 1, 分值 3, 得分 3 where a column of values was cut short).
  const anchorLike = rows.filter((r) => byRow[r]!.some((c) => valueCols.has(c.col) && (isQuantity(c.text) || wordValue(c))) ||
    byRow[r]!.filter((c) => valueCols.has(c.col)).length >= 2 || byRow[r]!.filter((c) => isValueCell(c.text)).length >= 2);
  // A line whose values are words with a figure (州本级及 12 县 | 州本级及 12 县), right over or under a line of
  // numbers in other columns (医保工作宣传覆盖 | 4 | 4), holds the wrapped values of that line's row: no anchor.
  const numbers = (r: number) => byRow[r]!.filter((c) => c.col > names && isValueCell(c.text));
  const wordsOnly = (r: number) => byRow[r]!.filter((c) => c.col > names).every((c) => !isValueCell(c.text));
  const lineAt = (r: number) => lineOf(byRow[r]!);
  const partner = (r: number, fits: (o: number) => boolean) => anchorLike.some((o) => o !== r && Math.abs(lineAt(o) - lineAt(r)) <= 1 + EPS &&
    numbers(o).length >= 2 && fits(o) && byRow[r]!.every((c) => c.col <= names || !byRow[o]!.some((x) => x.col === c.col)));
  // Nor is a line of fewer values than such a line's numbers, in columns that line leaves empty: its row's
  // values, set half a line apart (定点医药机构检查覆盖 | ≥90% over 率 | 100% | 5 | 5).
  const fewer = (r: number) => (o: number) => byRow[r]!.filter((c) => c.col > names).length < numbers(o).length;
  return anchorLike.filter((r) => !partner(r, wordsOnly(r) ? () => true : fewer(r)));
}

/** Each column's lines split among the anchors' rows (planColumn), the header's wrapped band joined to it. */
function planAroundAnchors(byRow: FoundCell[][], rows: number[], names: number, cols: number[], anchors: number[], header: number, page: number, target: Map<FoundCell, number>): void {
  // A line of several cells that is no anchor is a row whose values are words (及时, ±3%以内): the anchors do
  // not tell the rows there, and the region is left to the line-by-line joins.
  const anchorSet = new Set(anchors);
  if (rows.some((r) => r > anchors[0]! && r < anchors[anchors.length - 1]! && !anchorSet.has(r) && byRow[r]!.filter((c) => c.col >= names).length >= MAX_LINE_CELLS)) return;
  // Lines are counted without those that hold only labels: pdftotext gives a label centred between two lines
  // of a cell a line of its own, which the cell does not have (as text-span-labels.ts measures heights).
  const labelOnly = (r: number) => byRow[r]!.every((c) => c.col < names);
  const pos = new Map<number, number>();
  let squeezed = 0;
  for (const r of rows) {
    pos.set(r, lineOf(byRow[r]!) - squeezed);
    if (labelOnly(r)) squeezed++;
  }
  // A blank line between two rows: no cell is joined across it.
  const blankBefore = new Set(rows.filter((r, i) => i > 0 && lineOf(byRow[r]!) - lineOf(byRow[rows[i - 1]!]!) > 1 + EPS));
  // A line that opens another group's label left of the names, where the label since the anchor above is whole
  // (质量指标 under 数量指标's row, 可持续影 after 社会效益 / 指标): its cells begin the next row, never end that one.
  const opensAfter = new Map<number, number>();
  for (const r of rows) {
    const above = anchors.filter((a) => a < r).pop();
    if (anchorSet.has(r) || above === undefined) continue;
    const opensLabel = byRow[r]!.some((c) => {
      if (c.col >= names || /\d/.test(c.text) || /^[(（]/.test(c.text.trim())) return false;
      const textOf = (from: number, to: number) => rows.filter((k) => k >= from && k < to).flatMap((k) => byRow[k]!.filter((o) => o.col === c.col))
        .map((o) => o.text).join("").replace(/\s+/g, "");
      // (The line's words start a group's label: with the lines under them they end in 指标 — 质量指标, 可持续影 / 响指标,
      // not 完成情况 under 年度绩效指标, the end of a block's label.)
      const since = textOf(above, r), from = textOf(r, r + MAX_LEVEL_LINES);
      // (Not after a block's label beside the whole grid, 绩效指标: a group's label under it opens no new group.)
      return since !== "" && LEVEL_LABEL.test(since) && !isHeaderWord(since) && LEVEL_HEAD.test(from);
    });
    if (opensLabel) opensAfter.set(r, above);
  }
  const plans = (["centre", "top", "mixed"] as Alignment[]).map((align) =>
    cols.map((col) => planColumn(rows.flatMap((r) => byRow[r]!.filter((c) => c.col === col)), anchors, pos, blankBefore, align)));
  const total = (ps: ColumnPlan[]) => ps.reduce((s, p) => s + p.cost, 0);
  const best = plans.reduce((a, b) => (total(b) < total(a) ? b : a));
  for (const p of best) for (const [c, r] of p.target) target.set(c, r);
  // Such a line and the lines after it that the plan gave the row above go to the row below instead.
  for (const [r, above] of opensAfter) {
    const below = anchors.find((a) => a > r);
    if (below === undefined) continue;
    for (const k of rows.filter((k) => k >= r && k < below)) for (const c of byRow[k]!) if (c.col >= names && target.get(c) === above) target.set(c, below);
  }

  // Runs of lines of their own in several columns over the same lines are one row.
  const runs = best.flatMap((p) => p.orphans).map((run) => ({ run, from: pos.get(run[0]!.row)!, to: pos.get(run[run.length - 1]!.row)! }))
    .sort((a, b) => a.from - b.from);
  let group: typeof runs = [];
  const flush = () => {
    if (group.length === 0) return;
    const first = Math.min(...group.flatMap((g) => g.run.map((c) => c.row)));
    for (const g of group) for (const c of g.run) if (c.row !== first) target.set(c, first);
    group = [];
  };
  for (const r of runs) {
    if (group.length > 0 && r.from > Math.max(...group.map((g) => g.to)) + EPS) flush();
    group.push(r);
  }
  flush();
  const firstBody = Math.min(anchors[0]!, ...[...target].filter(([, r]) => r === anchors[0]).map(([c]) => c.row));
  if (byRow[header]![0]?.page === page) joinHeaderBand(byRow, header, firstBody, anchors[0]!, names, target);
}

/**
 * The header's wrapped cells joined to its line: pdftotext prints a header
 * of wrapped cells, centred, as a band of lines round the line with the most
 * column words (一级指 / 标 round 二级指标 | 三级指标, 偏差原 / 因分析 / 及改进 /
 * 措施). Lines of short words right above the header line and right below
 * it (down to the first row's lines) join it column by column, but for a
 * piece above a column whose cell on the header line is a whole column word:
 * that piece heads several columns (绩效指标 over 一级/二级/三级指标, 年度指标值
 * over 指标性质 | 指标值) and stays a row of its own, the group header; and
 * below such a word only a bracketed piece ((A)) is its. A line right under
 * the header whose pieces each complete their cell into a column word
 * (指标值说 over the header's line, 明 under it) is the header's even where
 * a column's plan gave it to the first row.
 */
function joinHeaderBand(byRow: FoundCell[][], header: number, firstBody: number, firstAnchor: number, names: number, target: Map<FoundCell, number>): void {
  const line = (r: number) => lineOf(byRow[r]!);
  const adjacent = (a: number, b: number) => Math.abs(line(a) - line(b)) <= 1 + EPS;
  const pieceOnly = (r: number) => byRow[r]!.length > 0 && byRow[r]!.every((c) => !target.has(c) && isHeaderPiece(c.text));
  const own = byRow[header]!;
  // The header cell a piece lies over or under: by where its text is, as a wrapped cell's lines share their column
  // whatever the grid made of them.
  const under = (c: FoundCell) => own.find((o) => overlapsAcross(o, c)) ?? own.find((o) => o.col <= c.col && c.col < o.col + o.colSpan);
  for (let r = header - 1, k = 0; r >= 0 && k < MAX_HEADER_LINES && pieceOnly(r) && adjacent(r, r + 1); r--, k++) {
    // (The goals block's lines over the header, 年初设定目标 | 保障学校正常工作运行, end the band.)
    if (byRow[r]!.some((c) => isGoalsWord(c.text))) break;
    for (const c of byRow[r]!) {
      const cell = under(c);
      if (!cell || !isHeaderWord(cell.text)) target.set(c, header);
    }
  }
  // Below: a piece under no column word, or under one it completes in brackets ((A) under 全年预算数); a line
  // with any other piece (a first row's name under 三级指标) ends the band. (A group's label on the first row's
  // line above its values, 数量指标, is the rows'.)
  const tail = (c: FoundCell) => { const cell = under(c); return !cell || !isHeaderWord(cell.text) || /^[(（]/.test(c.text.trim()); };
  for (let r = header + 1; r < firstBody && pieceOnly(r) && adjacent(r - 1, r); r++) {
    const pieces = byRow[r]!.filter((c) => c.col >= names || !LEVEL_WORD.test(c.text.replace(/\s+/g, "")));
    if (!pieces.every(tail)) break;
    for (const c of pieces) target.set(c, header);
  }
  // A line right under the header, above the first row's values, whose pieces each make the header cell over them
  // a column word it is not without them (指标值说 over 明), ends those cells, whatever the columns' plans gave it.
  const r = header + 1;
  if (r < firstAnchor && adjacent(header, r)) {
    // (The header cell's text with its pieces above the header's line: 指标值说 sits over that line, 明 under it.)
    const headText = (c: FoundCell) => byRow.slice(Math.max(0, header - MAX_HEADER_LINES), header + 1)
      .flatMap((cells) => cells.filter((o) => overlapsAcross(o, c) && (o.row === header || target.get(o) === header)))
      .sort((a, b) => a.row - b.row).map((o) => o.text.trim()).join("");
    const completes = (c: FoundCell) => {
      const head = headText(c);
      return head !== "" && isHeaderPiece(c.text) && !isHeaderWord(head) && isHeaderWord(head + c.text.trim());
    };
    if (byRow[r]!.length > 0 && byRow[r]!.every(completes)) for (const c of byRow[r]!) target.set(c, header);
  }
}

/** A piece of a wrapped header cell: a few characters, no figure but a bracketed letter ((A), (B/A)), no sentence's punctuation. */
const isHeaderPiece = (text: string) => {
  const t = text.replace(/\s+/g, "");
  return Array.from(t).length <= MAX_HEADER_PIECE && !/[\d，,。；;：:]/.test(t) && !isValueCell(t);
};

/**
 * The plan of one column: its cells on anchor lines stay, the cells between
 * two anchors are split into the tail of the upper anchor's cell, runs of
 * their own and the head of the lower anchor's cell, at the least cost.
 */
function planColumn(cells: FoundCell[], anchors: readonly number[], pos: Map<number, number>, blankBefore: Set<number>, align: Alignment): ColumnPlan {
  const anchorSet = new Set(anchors);
  const own = anchors.map((a) => cells.find((c) => c.row === a));
  // gaps[j]: the cells after anchor j-1 and before anchor j (gaps[0] before the first, gaps[m] after the last).
  const gaps: FoundCell[][] = anchors.map(() => []);
  gaps.push([]);
  for (const c of cells) {
    if (anchorSet.has(c.row)) continue;
    const j = anchors.findIndex((a) => a > c.row);
    gaps[j < 0 ? anchors.length : j]!.push(c);
  }
  const at = (c: FoundCell) => pos.get(c.row)!;
  // Whether cell b is the next line of cell a's text: no blank line between, and at most one line of other
  // columns' text (a neighbour cell's line set half a line off) — two over the anchor's own line.
  const follows = (a: FoundCell, b: FoundCell, straddles: boolean) => {
    for (let r = a.row + 1; r <= b.row; r++) if (blankBefore.has(r)) return false;
    return at(b) - at(a) <= (straddles ? 3 : 2) + EPS;
  };
  // Runs of consecutive lines in a slice of cells (each run a row of its own).
  const runsOf = (cs: FoundCell[]) => {
    const out: FoundCell[][] = [];
    for (const c of cs) {
      const last = out[out.length - 1];
      // (A row of its own is lines in a row: 指标 2 over …….)
      if (last && follows(last[last.length - 1]!, c, false) && at(c) - at(last[last.length - 1]!) <= 1 + EPS) last.push(c);
      else out.push([c]);
    }
    return out;
  };
  const orphanCost = (cs: FoundCell[]) => runsOf(cs).length * ORPHAN_COST + cs.length * ORPHAN_LINE_COST;
  // An anchor's cell from `above` lines above it and `below` lines below: Infinity when its lines are not consecutive.
  const anchorCost = (j: number, above: number, below: number): number => {
    const before = gaps[j]!, after = gaps[j + 1]!;
    const lines = [...before.slice(before.length - above), ...(own[j] ? [own[j]!] : []), ...after.slice(0, below)];
    if (lines.length === 0) return 0;
    if (lines.some((c) => c !== own[j] && isPlaceholder(c.text))) return Infinity;
    // (A comparison sign or a unit sign alone, ≧ or %, is a whole cell: no line goes on from it; nor from a
    // total's label, 总分: a line beside it is a row of its own, 其他需要说明事项 | 无.)
    if (own[j] && lines.length > 1 && (BARE_SIGN.test(own[j]!.text.trim()) || isTotalLabel(own[j]!.text))) return Infinity;
    // (In a column of numbered items, an item opens its cell: 指标5:进口冷链食品新 never goes on 指标4:开展食品安全宣's
    // lines, nor 指标4 under 险分级, the end of 指标3:食品经营环节风.)
    if (numbered && lines.slice(1).some((c) => NUMBERED_ITEM.test(c.text))) return Infinity;
    const a = pos.get(anchors[j]!)!;
    for (let k = 1; k < lines.length; k++) {
      if (!follows(lines[k - 1]!, lines[k]!, at(lines[k - 1]!) < a - EPS && at(lines[k]!) > a + EPS)) return Infinity;
    }
    // In a column whose cells between the anchors are one line each, a line beyond the first or the last
    // anchor is no wrapped line of it (a row the page cut off: 中央专款分配合规 under the last score).
    if (oneLine && ((j === 0 && above > 0) || (j === anchors.length - 1 && below > 0))) return Infinity;
    const first = at(lines[0]!), last = at(lines[lines.length - 1]!);
    const centred = Math.abs((first + last) / 2 - a), top = Math.abs(first - a) + (above > 0 ? ORPHAN_COST : 0);
    // (Mixed: each cell centred on its anchor or set at its top, whichever fits, the top at a small cost.)
    // (Only a cell that starts on its anchor's line and goes on line after line, in the mixed alignment.)
    const startsOnAnchor = own[j] !== undefined && above === 0 && lines.every((c, k) => k === 0 || at(c) - at(lines[k - 1]!) <= 1 + EPS);
    return align === "centre" ? centred : align === "top" ? top : startsOnAnchor ? Math.min(centred, top + MIXED_TOP_COST) : centred;
  };
  const oneLine = gaps.slice(1, -1).every((g) => g.length === 0);
  const numbered = cells.filter((c) => NUMBERED_ITEM.test(c.text)).length >= MIN_NUMBERED_ITEMS;
  const m = anchors.length;
  // best[t]: least cost with the anchors before j decided and t lines of gaps[j] going to anchor j's cell.
  type Step = { cost: number; prev: number; below: number };
  const trail: Map<number, Step>[] = [];
  let best = new Map<number, Step>();
  const g0 = gaps[0]!;
  for (let above = 0; above <= g0.length; above++) best.set(above, { cost: orphanCost(g0.slice(0, g0.length - above)), prev: -1, below: 0 });
  for (let j = 0; j < m; j++) {
    trail.push(best);
    const gap = gaps[j + 1]!;
    const next = new Map<number, Step>();
    for (const [above, s] of best) {
      for (let below = 0; below <= gap.length; below++) {
        const ac = anchorCost(j, above, below);
        if (!Number.isFinite(ac)) continue;
        const maxHead = j + 1 < m ? gap.length - below : 0;
        for (let head = 0; head <= maxHead; head++) {
          const cost = s.cost + ac + orphanCost(gap.slice(below, gap.length - head));
          const cur = next.get(head);
          if (!cur || cost < cur.cost - 1e-9) next.set(head, { cost, prev: above, below });
        }
      }
    }
    best = next;
  }
  // Walk back: each anchor's lines above and below.
  const split: { above: number; below: number }[] = anchors.map(() => ({ above: 0, below: 0 }));
  let head = [...best].sort((a, b) => a[1].cost - b[1].cost)[0];
  if (!head) return { cost: 0, target: new Map(), orphans: [] };
  const cost = head[1].cost;
  let key = head[0];
  for (let j = m - 1; j >= 0; j--) {
    const s = (j === m - 1 ? best : trail[j + 1]!).get(key)!;
    split[j] = { above: s.prev, below: s.below };
    key = s.prev;
  }
  const target = new Map<FoundCell, number>();
  const taken = new Set<FoundCell>();
  split.forEach(({ above, below }, j) => {
    const before = gaps[j]!, after = gaps[j + 1]!;
    for (const c of [...before.slice(before.length - above), ...after.slice(0, below)]) { target.set(c, anchors[j]!); taken.add(c); }
  });
  // (Lines before the first anchor and after the last stay as they are: a header's wrapped cells, a note.)
  const orphans = gaps.slice(1, -1).flatMap((g) => runsOf(g.filter((c) => !taken.has(c))));
  return { cost, target, orphans };
}

/**
 * A group's label centred in its column may start left of where the column's
 * header starts (数量指标 two characters left of 二级指标), and the grid then
 * puts it in the column before, among the 一级指标 labels. In the label columns
 * left of the names, a label alone among its line's labels that lies under
 * exactly one header word, of another column, and under none of its own
 * column's is that column's.
 */
function placeCentredLabels(byRow: FoundCell[][], header: number, end: number, out: Map<FoundCell, number>): void {
  const names = namesColumn(byRow, header, end);
  if (names === null) return;
  const heads = byRow[header]!.filter((c) => c.col < names && isHeaderWord(c.text));
  for (let r = header + 1; r < end; r++) {
    for (const c of byRow[r]!) {
      // (Its cell may reach into the column it belongs to: the grid spans it over both.)
      if (c.col >= names || c.colSpan > 2 || !isLevelLabel(c.text)) continue;
      const over = heads.filter((h) => overlapsAcross(h, c));
      // (Alone among the line's labels: a line printing 一级 and 二级 side by side has them in their columns.)
      const alone = !byRow[r]!.some((o) => o !== c && o.col < names && isLevelLabel(o.text));
      if (alone && over.length === 1 && over[0]!.col !== c.col && !heads.some((h) => h.col === c.col && overlapsAcross(h, c))
        && !byRow[r]!.some((o) => o !== c && o.col === over[0]!.col)) out.set(c, over[0]!.col);
    }
  }
}
