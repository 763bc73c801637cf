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
 *   widest run of the table: reading order breaks a header into runs); a run
 *   of an indicator's columns without the levels that earlier runs of the
 *   table hold gets them in front (indicatorHeader), its target, unit and
 *   actual in the templates' order;
 * - under a header, cells are grouped into rows: a row ends where text follows
 *   a value (…, 8, 8 | 下一指标名称), where a level label (数量指标, 产出指标)
 *   starts over a row that has a name, or at the header's width (plus one for
 *   the row label that header rows leave out); under a header without level
 *   columns a cell is read by its place: text under a column of words
 *   (评价指标, 评分规则) goes on the row, text under a column of figures after
 *   the row's figures starts the next, and a group's label (一、投入目标) is a
 *   row of its own; a group's word over some columns (绩效目标设置情况) is text;
 * - a row that cannot be rebuilt with confidence (more values than the header
 *   has columns; weighted labels with no value, cut only by the width) is left
 *   out of the table and kept as narrative: a misplaced number is a false finding;
 * - level labels merged down many rows, printed as a block apart from the
 *   rows, are put back: a level 2 on the rows whose names say its group, in
 *   the labels' order (text-stream-level-groups.ts); a level 1 where it is the
 *   parent of the rows' level 2, the table's single one, or what the rows'
 *   weights add up to (text-stream-levels.ts);
 * - label cells of a form's header block (项目名称, 主管部门, 实施单位 …) and
 *   the cell after each become two-cell rows (labels printed in a column,
 *   their values in the next, are paired in order);
 * - titles, prose and whatever comes before any header or label stay narrative.
 * The normalize stage aligns a row's cells to its header by meaning, so a row
 * short of the cells merged down from above still reads.
 */
import type { Block, Cell, PageInfo, Table } from "./grid.ts";
import { cellsOfParagraph, paragraphs, type StreamCell } from "./text-stream-paragraph.ts";
import { columnPlace, orderHeader } from "./text-stream-header.ts";
import { isLevelBlock, withBlockLevels } from "./text-stream-levels.ts";
import { isLabelWord, isLevelWord, isStreamHeaderWord, isStreamValueCell, isTitle, isWordCell, key } from "./text-stream-words.ts";

// The -layout readers (text-wrapped-rows.ts, text-span-labels.ts …) take these from here.
export { isHeaderWord, isLabelWord, isValueCell } from "./text-stream-words.ts";

/** A word heading a group of columns: what it tells of (绩效目标设置情况, 绩效目标完成情况), no column's content. */
const isGroupWord = (text: string) => /^[^\d\s:：,，。]{2,10}情况$/.test(text.replace(/\s+/g, ""));

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
  /** The header rows of the table so far, one per run of column words. */
  let headerRuns: Row[] = [];
  /** The last cell read as a unit after a figure: the row's figures go on to it. */
  let unitCell: StreamCell | null = null;

  /** A row of data cells, or, when it cannot be rebuilt with confidence, its cells left out of the table. */
  const endRow = () => {
    if (row.length && placeable(row, width, header)) rows.push({ cells: row });
    else unplaced.push(...row);
    row = [];
  };
  const endTable = () => {
    endRow();
    if (rows.length) blocks.push({ kind: "table", table: rowsToTable(withBlockLevels(rows.map((r) => r.cells), unplaced).map((cells) => ({ cells }))) });
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
    const positional = header.length >= MIN_POSITIONAL_HEADER && header.length === width && !header.some((h) => columnPlace(h) === 0 || columnPlace(h) === 1);
    if (isTitle(c.text)) {
      text(c);
      width = 0;
      i++;
      continue;
    }
    // A run of column words: a header row. (Reading order may put the first row's merged level
    // cells right after the level columns' words above them: 一级指标 | 产出指标 | 二级指标 | 数量指标
    // | 三级指标 …; they are held for that row.)
    // (A group's word over some of the columns, 绩效目标设置情况 over 目标名称 | 目标值 and 绩效目标完成情况 over the
    // rest, printed before its columns' words, is no column: it is kept as a line of text, and the run goes on.)
    let h = i;
    const held: StreamCell[] = [];
    const grouping: StreamCell[] = [];
    while (h < cells.length) {
      if (isStreamHeaderWord(cells[h]!.text)) h++;
      else if (h > i && isLevelColumnWord(cells[h - 1]!.text) && isLevelWord(cells[h]!.text) && isStreamHeaderWord(cells[h + 1]?.text ?? "")) held.push(cells[h++]!);
      else if (isGroupWord(cells[h]!.text) && isStreamHeaderWord(cells[h + 1]?.text ?? "") && isStreamHeaderWord(cells[h + 2]?.text ?? "")) grouping.push(cells[h++]!);
      else break;
    }
    if (h - i - held.length - grouping.length >= MIN_HEADER_RUN) {
      endRow();
      if (width === 0) { header = []; headerRuns = []; }
      for (const g of grouping) blocks.push({ kind: "text", page: g.page, text: g.text, line: g.line });
      const run = cells.slice(i, h).filter((c) => !held.includes(c) && !grouping.includes(c));
      header.push(...run.map((x) => x.text));
      const whole = indicatorHeader(headerRuns, run);
      if (whole) {
        // The rows of the earlier runs of this header are dropped: their words are in the whole header now.
        rows = rows.filter((r) => !headerRuns.includes(r) || !r.cells.some((c) => columnPlace(c.text) !== null) || isFundingRun(r));
        rows.push({ cells: whole });
        // Rows print the levels the header gained only where they start with one (数量指标 | 学生受资助人数 …);
        // else they are as wide as the run (the levels stand elsewhere, merged).
        width = Math.max(width, h < cells.length && isLevelWord(cells[h]!.text) ? whole.length - 1 : run.length);
      } else {
        const headerRow = { cells: orderHeader(run) };
        rows.push(headerRow);
        headerRuns.push(headerRow);
        // A header broken into runs by reading order (执行数(B) 执行率(B/A) 得分 … 年初目标值(A) 实际完成值(B))
        // keeps the widest: a row shorter than its header still ends where text follows a value.
        width = Math.max(width, run.length);
      }
      row = held;
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
        const byShape = pairByShape(cells.slice(i, l), values);
        for (let k = 0; k < n; k++) rows.push({ cells: [cells[i + k]!, byShape[k]!] });
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
    // (Under a header without level columns, a group's label, 一、投入目标, heads the rows under it as a row of
    // its own, as the grid prints it across the table.)
    if (positional && isLevelWord(c.text)) {
      endRow();
      rows.push({ cells: [c] });
      i++;
      continue;
    }
    const prev = row[row.length - 1];
    const value = isStreamValueCell(c.text);
    // (Text after a value starts the next row, unless the header ends in a column of text — 指标值说明,
    // 偏差原因 — and more text follows it: then it is this row's last cell, and the next row's name follows.)
    const lastColumnText = row.length < width && TEXT_COLUMN.test(header[header.length - 1] ?? "") && i + 1 < cells.length && !isStreamValueCell(cells[i + 1]!.text)
      && reachesLastColumn(row, header);
    const afterValue: boolean = prev !== undefined && !value && (isStreamValueCell(prev.text) || prev === unitCell);
    // (Nor does a unit under a header with a unit column: 6 | 万立方米 | 该指标值数据合理; a short name of
    // the next row has the row's figures after it.)
    const unit = header.some((h) => UNIT_COLUMN.test(h)) && UNIT_SHAPED.test(c.text.replace(/\s+/g, "")) && !isLevelWord(c.text)
      && i + 1 < cells.length && !isStreamValueCell(cells[i + 1]!.text);
    // (Under a header without level columns, whose rows start in its first column, a row's next cell stands under
    // the header's word at its place: text under a column of words, 评价指标 or 评分规则 after 目标值 | 6475, goes on
    // the row; text under a column of figures, after a figure of the row, starts the next.)
    const at = positional ? header[row.length] : undefined;
    const underWords = at !== undefined && WORDS_COLUMN.test(key(at));
    const underFigure = at !== undefined && !underWords && columnPlace(at) !== null && columnPlace(at)! >= 4 && row.some((x) => isStreamValueCell(x.text));
    if (afterValue && !lastColumnText && !unit && !underWords) endRow();
    else if (!value && prev !== undefined && !isStreamValueCell(prev.text) && underFigure) endRow();
    else if (row.length && isLevelWord(c.text) && row.some((x) => !isLevelWord(x.text))) endRow();
    // A header-block label glued to its value (项目负责人:查小兵) is a row of its own, wherever it falls.
    else if (row.length && isGluedLabelPair(c.text)) endRow();
    unitCell = afterValue && unit ? c : null;
    row.push(c);
    // The header's width plus one: header rows leave out the row label's column. (The text column
    // last in the header, when it follows the row's figures, ends the row.)
    if (row.length >= width + 1 || (afterValue && lastColumnText)) endRow();
    i++;
  }
  endTable();
  return blocks;
}

/** What shape of value a label takes, where it says: a telephone number, a code, a name. */
function valueShapeFits(label: string, value: string): boolean {
  const l = label.replace(/[\s:：*＊]/g, ""), v = value.replace(/\s+/g, "");
  const digits = /^[\d\-()（）]{5,}$/.test(v);
  if (/电话|手机/.test(l)) return digits;
  if (/编码|代码|编号/.test(l)) return /^[\dA-Za-z\-]+$/.test(v);
  if (/名称|单位|部门|联系人|负责人/.test(l)) return !digits;
  return true;
}

/**
 * A run of labels and the run of their values, paired in order unless that gives a label a value of
 * the wrong shape and another order gives none (部门名称： | 联系电话： | 13879821572 | 浮梁县林业局,
 * the values in reading order, not the labels'). Runs of up to four are tried.
 */
function pairByShape(labels: readonly StreamCell[], values: readonly StreamCell[]): StreamCell[] {
  const fits = (order: readonly StreamCell[]) => order.every((v, k) => valueShapeFits(labels[k]!.text, v.text));
  if (fits(values) || values.length > 4) return [...values];
  const orders = (rest: readonly StreamCell[]): StreamCell[][] =>
    rest.length <= 1 ? [[...rest]] : rest.flatMap((v, k) => orders([...rest.slice(0, k), ...rest.slice(k + 1)]).map((o) => [v, ...o]));
  return orders(values).find(fits) ?? [...values];
}

/** A label of a form's header block and its value in one cell: 项目负责人:查小兵. */
function isGluedLabelPair(text: string): boolean {
  const m = /^([^:：]{2,12})[:：]\s*\S/.exec(text.trim());
  return m !== null && isLabelWord(m[1]!);
}

/** A header's column of units, and a cell shaped like a unit: 人, 万立方米, %, km. */
const UNIT_COLUMN = /^(?:度量|计量|指标)单位$/;
const UNIT_SHAPED = /^(?:[\u4e00-\u9fff]{1,4}|%|‰|[A-Za-z/²³]{1,6})$/;

/** A header's column of text: what is said of a row after its figures. */
const TEXT_COLUMN = /(?:说明|解释|原因|措施|备注|内容)$/;

/** Columns a header has at least for its rows' cells to be read by their places under it. */
const MIN_POSITIONAL_HEADER = 4;
/** A header's column of words: an indicator's name or a rule (评价指标, 目标名称, 评分规则), or one of text (偏差原因). */
const WORDS_COLUMN = new RegExp(`(?:名称|(?:评价|考核|绩效)指标|三级指标|规则|标准|办法|方法)$|${TEXT_COLUMN.source}`);

/**
 * Whether the next cell of a row would stand in its header's last column: the row's cells after its
 * name (its merged levels may be missing before it) fill every column after the header's name column.
 */
function reachesLastColumn(row: readonly StreamCell[], header: readonly string[]): boolean {
  const name = row.findIndex((c) => !isLevelWord(c.text));
  if (name < 0) return false;
  const headerName = Math.max(0, header.findIndex((h) => columnPlace(h) === 2));
  return row.length - name >= header.length - 1 - headerName;
}

/** The column word of a level: 一级指标, 二级指标. */
const isLevelColumnWord = (text: string) => /^[一二]级指标$/.test(text.replace(/\s+/g, ""));

/** Column words of a funding block: a run that holds one is no run of an indicator header. */
const FUNDING_WORD = /(?:预算数|执行数|执行率|资金)/;
/** A run of a funding block's header: half its words or more are a funding block's (全年执行数 | 分值 | 执行率 | 得分). */
const isFundingRun = (r: Row) => 2 * r.cells.filter((c) => FUNDING_WORD.test(c.text)).length >= r.cells.length;

/**
 * A header that plain text broke into runs in drawing order (年度指标值 | 三级指标
 * | 得分 …, then 二级指标 | 分值, then … 一级指标, then 指标性质 | 指标值 |
 * 实际完成值 | 度量单位 | 分值 | 得分): where the last run holds an indicator's
 * columns but not the levels the earlier runs hold, those levels lead it.
 */
function indicatorHeader(earlier: readonly Row[], run: readonly StreamCell[]): StreamCell[] | null {
  const placed = (cs: readonly StreamCell[]) => cs.filter((c) => columnPlace(c.text) !== null);
  const own = placed(run);
  if (own.length < MIN_HEADER_RUN || !own.some((c) => columnPlace(c.text)! >= 4) || own.some((c) => columnPlace(c.text)! <= 1)) return null;
  const ownPlaces = new Set(own.map((c) => columnPlace(c.text)!));
  const levels = new Map<number, StreamCell>();
  for (const c of earlier.filter((r) => !isFundingRun(r)).flatMap((r) => placed(r.cells))) {
    const at = columnPlace(c.text)!;
    if (at <= 2 && !ownPlaces.has(at)) levels.set(at, c);
  }
  if (levels.size === 0) return null;
  // The run's own order, the templates' own (分值 before 年度指标值 in some), but for target, unit and actual,
  // which reading order mixes up (实际完成值 | 度量单位 over … | 人次 | 735).
  const ordered = orderHeader(run);
  const slots = ordered.map((c, k) => [c, k] as const).filter(([c]) => [4, 5, 6].includes(columnPlace(c.text) ?? -1));
  const sorted = slots.map(([c]) => c).sort((x, y) => columnPlace(x.text)! - columnPlace(y.text)!);
  slots.forEach(([, k], i) => { ordered[k] = sorted[i]!; });
  return [...[...levels].sort((x, y) => x[0] - y[0]).map(([, c]) => c), ...ordered];
}

/** Column words that hold numbers: a row under them with no number is not a row of the table. */
const NUMBER_COLUMN = /(?:分值|得分|权重|评分|满分)/;
/** A label that carries its weight (相关性(5 分)): the normalize stage checks such weights against their rows. */
const WEIGHTED_LABEL = /\(\s*(\d+(?:\.\d+)?)\s*分\s*\)$/;

/**
 * Whether a data row can stand in its table. Rows are cut from the stream by
 * what the cells hold; two cuts are guesses that misplace numbers, and a
 * misplaced number makes a false finding, so such rows are left out:
 * - more values than the header has columns (329.77 | 329.77 | 338.31 | 10 |
 *   102.59% under 全年预算数 | 全年执行数 | 分值 | 执行率): the header printed
 *   elsewhere lost a column, which value is which cannot be told;
 * - a sentence first (a reason printed before its figures in reading order),
 *   or figures alone under an indicator header (their name printed elsewhere);
 * - level labels printed together apart from their rows (数量指标 | 质量指标 |
 *   产出指标(50 分) | 时效指标: three or more, or two of one level), which
 *   text-stream-levels.ts puts back where it can;
 * - labels that declare their weights beside one figure above all of them
 *   (成本指标(10 分) | 项目效益(35 分) | 64.8): no score can exceed its weight
 *   in a row put together right;
 * - no value at all, cut only at the header's width, under a header with a
 *   score or weight column, most of its cells labels that carry weights: labels of a
 *   scorecard whose cells come in no row order (相关性(5分) | 目标任务(15分) |
 *   明确性(5分) | 部门决策(25分) …), whose weights would be checked against
 *   the wrong levels.
 */
function placeable(row: readonly StreamCell[], width: number, header: readonly string[]): boolean {
  if (width === 0) return true;
  // Level labels printed together apart from their rows (text-stream-levels.ts puts them back).
  if (isLevelBlock(row)) return false;
  // A sentence first, figures after it (已完工，剩余3%尾款未付。 | 43.2 | 37.24 | 10 | 9): a reason that
  // reading order put before its row's figures, its name elsewhere; no name of the row.
  // (Under a header whose only column of sentences is the reason: a sentence under 指标解释 or 评分标准 may come first.)
  const reasonsOnly = header.some((h) => /原因|措施/.test(h)) && !header.some((h) => /解释|说明|标准|内容|要点|依据/.test(h));
  if (reasonsOnly && row.length > 1 && /[。；;]$/.test(row[0]!.text.trim()) && row.slice(1).some((c) => isStreamValueCell(c.text))) return false;
  // Figures alone under an indicator header (100 | 100 | 10 | 10 | 0): their name is elsewhere in reading order.
  if (row.length > 1 && row.every((c) => isStreamValueCell(c.text)) && header.some((h) => columnPlace(h) === 2)) return false;
  const valueCells = row.filter((c) => isStreamValueCell(c.text));
  const values = valueCells.length;
  if (values > width) return false;
  // Labels that declare their weights and one figure above every one of them (成本指标(10 分) | 项目效益(35 分)
  // | 64.8): a scorecard's labels and a total that reading order put side by side, no row's score.
  const declared = row.map((c) => c.text.match(WEIGHTED_LABEL)).filter((m) => m !== null).map((m) => Number(m![1]));
  if (declared.length >= 2 && values === 1 && Number.parseFloat(valueCells[0]!.text.replace(/\s+/g, "")) > Math.max(...declared)) return false;
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
