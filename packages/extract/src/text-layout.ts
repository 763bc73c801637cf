/**
 * Text laid out in columns by spaces (`pdftotext -layout`, `pdftotext -table`,
 * fixed-width reports): each line becomes a line of words whose x positions
 * are character columns, so the borderless-table finder of the PDF extractor
 * (pdf/unruled.ts: chunks → table regions → column borders, or aligned left
 * edges and cell blocks for CJK forms) reads it as it reads a PDF page
 * without rules, and tables cut by a form feed are joined as PDF tables cut
 * by a page break are (pdf/continuation.ts).
 *
 * Geometry. pdftotext places every character, CJK or Latin, on one column of
 * its grid (poppler 22.12: a row's cells line up by code point index, not by
 * display width), so one column is one unit of width and one "font size".
 * Lines are stacked one pitch apart with a gap wider than WRAP_GAP
 * (cjk-rows.ts), so the finder reads every line as a row of its own:
 * pdftotext gives every baseline its own line and keeps none of the padding
 * that tells a wrapped cell's next line from the next row in a PDF, and
 * joining adjacent lines joined the numbers of two rows (228 over 228 →
 * 228228). For the same reason a CJK region is read a row per line
 * (lineGridTable: columns from aligned left edges, as for a borderless CJK
 * form, without the PDF reader's cell blocks and centred rows), a wrapped
 * cell's line that starts under a column of the region keeps it going
 * (textRegions), and regions that only wrapped header or goal lines keep
 * apart are one table (bridgeRegions; across two blank lines too when the lines after them start
 * under the columns above: a tall row). First, under an indicator header whose rows have value lines,
 * each column's lines are split between the rows they centre on, placeholder rows (……) kept apart
 * (text-layout-anchored-rows.ts; the column-by-column step below is then skipped: it would join rows
 * whose values it does not know, 180只 under 192只). Before the lines of wrapped cells are joined line by line, a
 * label centred beside its paragraph takes its lines (text-layout-label-paragraphs.ts), the two lines
 * of three wrapped cells either side of a row's line join it (text-layout-centred-pairs.ts), and under
 * an indicator header whose rows the line-by-line step cannot place (lines of three cells or more, long
 * runs) the cells are placed column by column round the rows' value lines, the header's wrapped column
 * words joined to it (text-layout-centred-cells.ts); a name wrapped round a line of values takes its two
 * lines (text-layout-bare-pairs.ts) and a label printed a character per line is joined down its column
 * (text-layout-vertical-labels.ts). The lines of wrapped cells are then joined to their row by
 * what they hold and where they sit (text-wrapped-rows.ts: a line of one or
 * two cells of words between rows with numbers, as many below a row as its
 * centred cells put above it, never across a blank line nor over two of the
 * row's cells), and the labels of cells merged down over several rows, which
 * pdftotext prints halfway down them, are moved up to the first row they
 * cover (text-span-labels.ts). A blank line is a wider gap, two blank lines end a table.
 * Before all this, rows that pdftotext printed a column at a time (blocks of alike cells, one under the
 * other and each right of the one before) are laid side by side again (text-layout-stacked-blocks.ts).
 * Chunks: two spaces, or one between two CJK characters or two numbers,
 * separate cells, and a number one space after CJK words when value cells
 * follow it on the line (splitTrailingNumbers); a number that overflowing words
 * pushed short of its column is put where the column starts (text-layout-pushed-numbers.ts).
 */
import type { Block, Cell, PageInfo, Table } from "./grid.ts";
import { foldCompatibilityCharacters } from "./unicode.ts";
import { type Word, unionBox } from "./pdf/geometry.ts";
import type { LooseLine, PageLayout } from "./pdf/layout.ts";
import type { FoundCell, PageTable } from "./pdf/page-tables.ts";
import { type Chunk, chunkOf, chunksOfLine, isCjkText, regionToTable, stopSpansAtCells } from "./pdf/unruled.ts";
import { ALIGN_TOLERANCE, addColumnStart, alignedColumnStarts, columnAt, splitAtColumnStarts } from "./pdf/cjk-columns.ts";
import { type DocTable, continuesTable, joinContinuedTable } from "./pdf/continuation.ts";
import { isPageNumberText } from "./pdf/margins.ts";
import { PdfSettings } from "./pdf/settings.ts";
import { firstChar, textOfWords } from "./pdf/words.ts";
import { isWide } from "./pdf/glyphs.ts";
import { BLANK_LINE_PITCHES, COLUMN, LINE_HEIGHT, LINE_PITCH } from "./text-geometry.ts";
import { joinWrappedRows } from "./text-wrapped-rows.ts";
import { isHeaderWord } from "./text-stream.ts";
import { MIN_HEAD_BEFORE_WORD, isHeaderWordHead, isLabelWord, isTitle } from "./text-stream-words.ts";
import { isTotalLabel, moveSpanLabels } from "./text-span-labels.ts";
import { joinLabelParagraphs } from "./text-layout-label-paragraphs.ts";
import { joinCentredPairs } from "./text-layout-centred-pairs.ts";
import { joinCentredCells } from "./text-layout-centred-cells.ts";
import { joinBarePairs } from "./text-layout-bare-pairs.ts";
import { placePushedNumbers } from "./text-layout-pushed-numbers.ts";
import { joinVerticalLabels } from "./text-layout-vertical-labels.ts";
import { joinAnchoredRows } from "./text-layout-anchored-rows.ts";
import { joinFilledLines } from "./text-layout-filled-lines.ts";
import { unstackBlocks } from "./text-layout-stacked-blocks.ts";
import { cellsByRow, isIndicatorHeader } from "./text-grid-rows.ts";
import { cutShortOfStarts, mergeCloseStarts } from "./text-layout-column-starts.ts";
import { COMPARISON, GROUPED_AMOUNT, NUMBER, VALUE_START, endsLikeCell } from "./text-layout-words.ts";
import { placeListCells, takeListCells } from "./text-layout-list-blocks.ts";
import { headValuelessColumns } from "./text-layout-header-columns.ts";

/**
 * The PDF finder's settings for text: a gap of two or more spaces splits a
 * line into chunks (cells), a single space does so between two CJK characters
 * (pdftotext writes no space inside a run of CJK text, so a space there is a
 * gap in the page).
 */
const TEXT_SETTINGS = PdfSettings.parse({ chunkGap: 1.5, chunkGapCjk: 0.45 });

/** Lines with a gap of two or more spaces inside them, from which a file may be column layout. */
const MIN_GAPPED_LINES = 3;
/** Share of non-blank lines that must have such a gap. */
const MIN_GAPPED_SHARE = 0.15;
/** A column start (where text resumes after a gap) shared by this many lines is an alignment. */
const MIN_ALIGNED_STARTS = 3;
/** Lines with a gap a document's tail needs when the prose above it has none (looksLikeColumnLayout). */
const MIN_TAIL_GAPPED_LINES = 4;
/** ...or, where none is, this many starts each shared by two lines. */
const MIN_TWICE_ALIGNED_STARTS = 2;

const isSpaceChar = (ch: string) => /\s/u.test(ch);

/** Code points of a line with their columns: one column each (see the header). */
function wordsOfLine(line: string, y0: number): Word[] {
  const words: Word[] = [];
  const chars = Array.from(line);
  let start = -1;
  const flush = (end: number) => {
    if (start < 0) return;
    const text = foldCompatibilityCharacters(chars.slice(start, end).join(""));
    words.push({ text, x0: start * COLUMN, x1: end * COLUMN, y0, y1: y0 + LINE_HEIGHT * COLUMN, size: COLUMN, spaceBefore: true });
    start = -1;
  };
  chars.forEach((ch, i) => {
    if (isSpaceChar(ch)) flush(i);
    else if (start < 0) start = i;
  });
  flush(chars.length);
  return words;
}

/** Columns where text resumes after two or more spaces (not counting the indent). */
function gapStarts(line: string): number[] {
  const chars = Array.from(line);
  const starts: number[] = [];
  let spaces = 0, seenText = false;
  chars.forEach((ch, i) => {
    if (ch === " ") { spaces++; return; }
    if (seenText && spaces >= 2) starts.push(i);
    seenText = true;
    spaces = 0;
  });
  return starts;
}

/**
 * Whether untabbed text is laid out in columns: enough lines have a gap of
 * two or more spaces inside them, and some column where text resumes after
 * such a gap is shared by several lines (the columns of a table), which a
 * justified paragraph with double spaces after its full stops does not have.
 */
export function looksLikeColumnLayout(lines: readonly string[]): boolean {
  const nonBlank = lines.filter((l) => l.trim() !== "");
  const starts = nonBlank.map(gapStarts);
  const gapped = starts.filter((s) => s.length > 0).length;
  if (gapped < MIN_GAPPED_LINES) return false;
  const counts = new Map<number, number>();
  for (const s of starts) for (const x of new Set(s)) counts.set(x, (counts.get(x) ?? 0) + 1);
  let aligned = new Set([...counts].filter(([, n]) => n >= MIN_ALIGNED_STARTS).map(([x]) => x));
  // (A short form's page, a few label | value lines in narrow columns, may align no start three times but
  // two starts twice each: 自治区主管部门 农业农村厅 … 专项实施期 over 市县财政部门 原州区财政局 … 市县主管部门.)
  if (aligned.size === 0) {
    const twice = new Set([...counts].filter(([, n]) => n >= 2).map(([x]) => x));
    if (twice.size >= MIN_TWICE_ALIGNED_STARTS) aligned = twice;
  }
  // (An indicator header set out on one line, 一级指标    二级指标    三级指标    指标值, is a table's line whatever
  // else aligns: a form whose other lines are narrow label | value pairs one space apart.)
  if (aligned.size === 0) return nonBlank.some(isHeaderLine);
  // A line indented to an aligned column is the next line of a cell in it (a paragraph beside its label,
  // 职能职责概述 centred on the left of its lines), as much a line of the layout as one with a gap.
  const inLayout = (i: number) => starts[i]!.length > 0 || aligned.has(indentOf(nonBlank[i]!));
  const laidOut = nonBlank.filter((_, i) => inLayout(i)).length;
  if (laidOut >= MIN_GAPPED_SHARE * nonBlank.length) return true;
  // (A notice of several paragraphs with its form annexed at the end, 附件2 …自评表 over a few label | value lines: the
  // share is taken over the lines from the first one laid out, the form's, when the prose before has none.)
  const first = nonBlank.findIndex((_, i) => starts[i]!.length > 0);
  return laidOut >= MIN_GAPPED_SHARE * (nonBlank.length - first) && gapped >= MIN_TAIL_GAPPED_LINES;
}

/** Column words a line of an indicator table's header holds at least (一级指标 | 二级指标 | 三级指标). */
const MIN_HEADER_LINE_WORDS = 3;
/** A line of column words only, apart by gaps: a table's header. */
const isHeaderLine = (line: string) => {
  const words = line.trim().split(/ {2,}/);
  return words.length >= MIN_HEADER_LINE_WORDS && words.every((w) => isHeaderWord(w));
};

/** Columns of spaces before a line's text. */
const indentOf = (line: string) => Array.from(line).findIndex((ch) => ch !== " ");

interface SourceLine {
  /** 1-based line number in the file. */
  line: number;
  text: string;
}

/** One page of layout text as a PDF page layout without rules; `lineAt` maps a line's top back to its source line. */
function pageLayout(number: number, printed: readonly SourceLine[], lineAt: Map<string, number>): PageLayout {
  // (Rows pdftotext printed block after block, a column at a time, are laid side by side first.)
  const lines = unstackBlocks(printed);
  const loose: LooseLine[] = [];
  let y = 0, blanks = 0;
  const content = lines.filter((l) => l.text.trim() !== "");
  // Page numbers pdftotext printed at the head or foot of the page are not content.
  const first = content[0], last = content[content.length - 1];
  for (const l of lines) {
    if (l.text.trim() === "") { blanks++; continue; }
    if ((l === first || l === last) && content.length > 1 && isPageNumberText(l.text)) continue;
    y += blanks * BLANK_LINE_PITCHES * LINE_PITCH * COLUMN;
    blanks = 0;
    const words = wordsOfLine(l.text, y);
    lineAt.set(`${number}:${y}`, l.line);
    loose.push({ ...unionBox(words), text: textOfWords(words), words, size: COLUMN });
    y += LINE_PITCH * COLUMN;
  }
  return { number, width: 0, height: y, rotation: 0, hasText: true, tables: [], lines: loose, edges: [] };
}

/** Lines of text a page's columns may start further left or right than the page before's and still be one table's. */
const CONTINUED_TABLE_SHIFT = 4;

/**
 * Whether a page's first table goes on with the indicator table that ended
 * the page before: no header of its own, the table above has an indicator
 * header and no total row yet, and its text spans about the same columns.
 * Text gives no borders to compare (continuesTable), and a page that starts
 * inside a merged group leaves the label columns empty, so its columns start
 * elsewhere (黔南's 定点医疗机构监督 under 数量指标 on page 2).
 */
function continuesIndicatorTable(prev: DocTable, next: PageTable): boolean {
  if (next.page !== prev.pageTo + 1 || next.cells.length === 0) return false;
  if (!endsInsideIndicatorTable(prev) || cellsByRow(next).some(isIndicatorHeader)) return false;
  const [a0, a1] = textSpan(prev), [b0, b1] = textSpan(next);
  const slack = CONTINUED_TABLE_SHIFT * COLUMN;
  return b0 >= a0 - slack && b1 <= a1 + slack;
}

/** A table with an indicator header and no total row yet: the indicators may go on on the next page. */
const endsInsideIndicatorTable = (t: DocTable) => cellsByRow(t).some(isIndicatorHeader) && !t.cells.some((c) => isTotalLabel(c.text));

/** Where a table's text starts and ends across the page. */
const textSpan = (t: PageTable): [number, number] =>
  [Math.min(...t.cells.map((c) => c.bbox.x0)), Math.max(...t.cells.map((c) => c.bbox.x1))];

/** The cells of a table's last indicator header row. */
const lastIndicatorHeader = (t: DocTable): FoundCell[] | null => cellsByRow(t).filter(isIndicatorHeader).pop() ?? null;

/**
 * The table with a header put on top, its cells placed in the table's columns
 * by where their text starts, a blank line above the first row (so no step
 * joins a row's lines to it).
 */
function withHeader(t: DocTable, header: readonly FoundCell[], scale: PageScale): { table: DocTable; columns: Map<number, number> } {
  const top = Math.min(...t.cells.map((c) => c.bbox.y0)) - (1 + BLANK_LINE_PITCHES) * LINE_PITCH * COLUMN;
  const colOf = (x: number) => Math.max(0, columnAt(t.xs.slice(0, -1), scale.at(x) + ALIGN_TOLERANCE * COLUMN));
  // (A header of as many cells as the page has columns, two of which land in one column where they are: the
  // page's text set off from the page before's at the same scale, as Chromium's narrow columns are; its cells head
  // the columns in order.)
  const byPlace = header.map((c) => colOf(c.bbox.x0));
  const inOrder = scale.same && header.length === t.nCols && new Set(byPlace).size < byPlace.length;
  // Each of this page's columns that a header word lands in, and that word's column in the page before's table.
  const columns = new Map<number, number>();
  const placed = header.map((c, i) => {
    const col = inOrder ? i : byPlace[i]!;
    if (!columns.has(col)) columns.set(col, c.col);
    return { ...c, row: 0, col, colSpan: 1, rowSpan: 1, page: t.page, bbox: { ...c.bbox, y0: top, y1: top + (c.bbox.y1 - c.bbox.y0) } };
  }).filter((c, i, all) => all.findIndex((o) => o.col === c.col) === i);
  return { table: { ...t, nRows: t.nRows + 1, cells: [...placed, ...t.cells.map((c) => ({ ...c, row: c.row + 1 }))] }, columns };
}

/** Width ratio past which a page's text is taken as printed at another scale than the page before's. */
const OTHER_SCALE = 0.15;

/**
 * Where an x of the page before falls on this page: the same, unless the
 * page's text spans a width more than OTHER_SCALE off the page before's
 * (pdftotext printed it at another scale: the borderless stress form's page 2), then mapped from
 * one span onto the other — or, where both pages have one, from the page before's last column of
 * figures onto the page's: a page of a row or two spans less than the page before, whose words in a
 * last column of reasons reach further right (宁夏 2021, 河北 2019 in Chromium's text).
 */
function pageScale(prev: DocTable, next: PageTable): PageScale {
  const [a0, a1] = textSpan(prev), [b0, b1] = textSpan(next);
  const ratio = (b1 - b0) / Math.max(1, a1 - a0);
  if (Math.abs(1 - ratio) <= OTHER_SCALE) return { same: true, at: (x) => x };
  // (The page before's figures under its indicator header only: a money block above reaches further right.)
  const header = lastIndicatorHeader(prev);
  const [ra, rb] = [lastFigureColumn(header ? prev.cells.filter((c) => c.row > header[0]!.row) : prev.cells), lastFigureColumn(next.cells)];
  if (ra === null || rb === null || ra <= a0 || rb <= b0) return { same: false, at: (x) => b0 + (x - a0) * ratio };
  const byFigures = (rb - b0) / (ra - a0);
  return { same: false, at: (x) => b0 + (x - a0) * byFigures };
}

/** Where a table's rightmost figure starts (10, 8: a score column), or null without one. */
const lastFigureColumn = (cells: readonly FoundCell[]): number | null => {
  const xs = cells.filter((c) => NUMBER.test(c.text.trim())).map((c) => c.bbox.x0);
  return xs.length > 0 ? Math.max(...xs) : null;
};

/** Where an x of the page before falls on the next page, and whether the next page's text is at the same scale. */
interface PageScale {
  same: boolean;
  at: (x: number) => number;
}

/**
 * The table without its first row (the header withHeader lent it), its
 * columns numbered as the page before's table numbers them: a column under a
 * header word takes that word's column there, one between two such columns
 * the columns after the one on its left (the reader of the forms goes on
 * under the header of the page before, by column).
 */
function withoutLentHeader(t: DocTable, columns: ReadonlyMap<number, number>, nCols: number): DocTable {
  const known = [...columns].sort((a, b) => a[0] - b[0]);
  const before = (col: number) => {
    let at: [number, number] | undefined;
    for (const k of known) if (k[0] <= col) at = k;
    // (Short of the next header word's column: a page with more columns than the header words between two of
    // them — a wide cell's start among them — keeps its values out of the next word's column.)
    const next = known.find((k) => k[0] > col);
    const limit = next && at && next[1] > at[1] ? next[1] - 1 : nCols - 1;
    return at ? Math.min(limit, at[1] + (col - at[0])) : Math.max(0, (known[0]?.[1] ?? col) - ((known[0]?.[0] ?? col) - col));
  };
  const cells = t.cells.filter((c) => c.row > 0).map((c) => {
    const col = before(c.col), end = Math.max(col, before(c.col + c.colSpan - 1));
    return { ...c, row: c.row - 1, col, colSpan: end - col + 1 };
  });
  return { ...t, nRows: t.nRows - 1, nCols: Math.max(nCols, t.nCols), cells };
}

/** Blocks of column-laid-out text: a page per form feed, tables found by text alignment, the other lines as narrative. */
export function parseColumnLayout(pages: readonly SourceLine[][]): { blocks: Block[]; pages: PageInfo[] } {
  const lineAt = new Map<string, number>();
  const layouts = pages.map((lines, i) => pageLayout(i + 1, lines, lineAt));
  const sourceLine = (page: number, y: number) => lineAt.get(`${page}:${y}`) ?? 1;
  type Item = { kind: "table"; table: DocTable } | { kind: "text"; page: number; line: LooseLine };
  const items: Item[] = [];
  for (const layout of layouts) {
    // (A page after one that ended inside an indicator table with no total yet may hold only that table's last row.)
    const last = items[items.length - 1];
    const goesOn = last?.kind === "table" && endsInsideIndicatorTable(last.table);
    pageItems(layout, goesOn).forEach((it, i) => {
      const last = items[items.length - 1];
      if (it.kind === "table" && i === 0 && last?.kind === "table" && continuesTable(last.table, it.table)) {
        last.table = joinContinuedTable(last.table, it.table);
      } else if (it.kind === "table") {
        items.push({ kind: "table", table: { ...it.table, pageTo: it.table.page } });
      } else {
        items.push({ kind: "text", page: layout.number, line: it.line });
      }
    });
  }
  const blocks: Block[] = items.map((it, k) => {
    if (it.kind === "text") return { kind: "text", page: it.page, text: it.line.text, line: sourceLine(it.page, it.line.y0) };
    // A page's table that goes on with the indicator table of the page before is read under that table's header.
    const before = items[k - 1];
    const above = before?.kind === "table" && continuesIndicatorTable(before.table, it.table) ? before.table : null;
    const header = above && lastIndicatorHeader(above);
    const lent = above && header ? withHeader(it.table, header, pageScale(above, it.table)) : null;
    const table = lent?.table ?? it.table;
    // A table whose rows were rebuilt around their value lines is past what the column-by-column step does.
    const anchored = joinAnchoredRows(table);
    const centred = (t: DocTable) => (anchored === table ? joinCentredCells(t) : t);
    // A project list's own columns are set aside while its indicator rows are rebuilt (text-layout-list-blocks.ts).
    const taken = takeListCells(anchored);
    const rows = moveSpanLabels(joinFilledLines(joinWrappedRows(joinVerticalLabels(joinBarePairs(centred(joinCentredPairs(joinLabelParagraphs(taken?.table ?? anchored))))))), lent !== null);
    const read = taken ? placeListCells(rows, taken.list) : rows;
    return { kind: "table", table: toTextTable(lent && above ? withoutLentHeader(read, lent.columns, above.nCols) : read, sourceLine) };
  });
  return { blocks, pages: layouts.map((l) => ({ number: l.number, hasText: l.lines.length > 0 })) };
}

/** A number, a percentage or a comparison with one (≥90%, 12个 is not: a unit makes it words). */

/**
 * Splits a chunk between two numbers a single space apart: pdftotext keeps
 * no more than one space between narrow columns (100 98 under 分值 and 得分),
 * and one cell seldom holds two bare numbers.
 */
function splitNumbers(chunk: Chunk): Chunk[] {
  const out: Chunk[] = [];
  let cur: Chunk["words"] = [];
  for (const w of chunk.words) {
    const prev = cur[cur.length - 1];
    if (prev && NUMBER.test(prev.text) && NUMBER.test(w.text)) {
      out.push(chunkOf(cur));
      cur = [];
    }
    cur.push(w);
  }
  if (cur.length) out.push(chunkOf(cur));
  return out.length === 1 ? [chunk] : out;
}

/** A label's first word closing on its unit or points: 项目决策(10分), (万元), 资金情况(万元). */
const BRACKETED_LABEL = /^[^\s()（）]{0,8}[(（][^()（）]{1,6}[)）]$/u;

/**
 * Splits a chunk after its first word when that word is a label closing on a bracket and CJK words follow
 * one space after it (项目决策(10分) 项目立项, (万元) 其中:中央补助): narrow columns keep one space between a
 * label column and the next, and a bracket is no CJK character for the chunk gaps.
 */
function splitAfterBracketedLabel(chunk: Chunk): Chunk[] {
  const [first, second] = chunk.words;
  if (!first || !second || !BRACKETED_LABEL.test(first.text) || OUTLINE_NUMBER.test(first.text) || !isWide(firstChar(second.text))) return [chunk];
  return [chunkOf([first]), chunkOf(chunk.words.slice(1))];
}

/**
 * Splits a chunk after its first word when that word is a whole label of a form's header block and a value in
 * CJK words follows one space after it (自治区主管部门 农业农村厅, 项目名称 碟令薯樽轴示施): narrow columns keep one
 * space between a label column and its value's. Not when the words go on with the label (主管部门 名称) or are
 * labels or column words themselves. So is a chunk of two words, one ending as labels end and a figure after it
 * (项目开始日期 2023-01-01, 其他资金 20万元): the pair's two cells.
 */
function splitAfterLabelWord(chunk: Chunk): Chunk[] {
  const [first, second] = chunk.words;
  // (Or a figure one space after a word that ends as a label does: 项目开始日期 2023-01-01, 其他资金 20万元.)
  if (first && second && chunk.words.length === 2 && LABEL_ENDING.test(first.text) && LABEL_VALUE.test(second.text)) return [chunkOf([first]), chunkOf([second])];
  // (A label with its colon, 部门(单位)名称: 岳阳市…, is a pair printed as a line, no columns.)
  // (Or a coded name, 813-潼南区五桂镇: a budget system's unit code before the unit's name.)
  if (!first || !second || !isLabelWord(first.text) || /[:：]$/.test(first.text) || !(isWide(firstChar(second.text)) || CODED_NAME.test(second.text))) return [chunk];
  const rest = textOfWords(chunk.words.slice(1));
  if (isLabelWord(first.text + second.text) || isLabelWord(rest) || isHeaderWord(rest) || isHeaderWordHead(rest)) return [chunk];
  return [chunkOf([first]), chunkOf(chunk.words.slice(1))];
}

/** A name after its code, as budget systems print units and projects (813-潼南区五桂镇, 324001-甘孜…局机关). */
const CODED_NAME = /^\d{2,}[-－—][\u4e00-\u9fff]/u;

/** A word of a header block's label, by how labels end (…日期, …资金, …总投资, …电话, …名称): two to twelve CJK characters. */
const LABEL_ENDING = /^[\u4e00-\u9fff()（）]{1,10}(?:名称|单位|部门|日期|时间|期限|电话|金额|资金|总额|投资|安排|预算数|申报数|编码|代码)$/u;
/** A label's value that is a figure: an amount with its unit, a date, a code or a phone number (20万元, 2023-01-01). */
const LABEL_VALUE = /^[-+]?\d[\d,.\-/:]*(?:%|[\u4e00-\u9fff]{1,2})?$/u;

/** An outline's number in brackets, (二) or (1): the head of a heading or an item, no label. */
const OUTLINE_NUMBER = /^[(（](?:[一二三四五六七八九十]{1,3}|\d{1,2})[)）]$/u;

/** A value with its unit glued on (21980人, 87人次, 181.82万元, ≥12个, 583元/人*月): a value cell in one word. */
const VALUE_WITH_UNIT = new RegExp(`^${COMPARISON}?=?[-+]?\\d[\\d,.]*%?[^\\s\\d]{1,5}$`, "u");
/** A date's part spaced off its number: 年, 月, 日 end no value cell. */
const DATE_PART = /^[年月日]$/;
const isValueWord = (text: string) => NUMBER.test(text) || VALUE_WITH_UNIT.test(text) || /^[—–]+$/.test(text);

/**
 * Splits the run of value cells that ends a chunk off it and into its cells, when the run
 * holds two values or more: narrow columns keep one space between an indicator's name and
 * its values, and between the values (发放人数(按月平均) 5 >=21933人 21980人, Chromium's
 * tables), or a chunk of values alone (10 3亩). A unit spaced off its number (87 人次) stays with it; a run inside words
 * (救助 87 人次,救助资金 30) is no run, the words after it are no values, nor is a date (2022 年 8 月 10 日).
 */
function splitValueRuns(chunk: Chunk): Chunk[] {
  const words = chunk.words;
  if (words.length < 2) return [chunk];
  const cells: Chunk["words"][] = [];
  let i = words.length;
  while (i > 0) {
    const w = words[i - 1]!;
    if (DATE_PART.test(w.text)) break;
    if (UNIT_WORD.test(w.text) && i >= 2 && NUMBER.test(words[i - 2]!.text)) {
      cells.unshift(words.slice(i - 2, i));
      i -= 2;
    } else if (isValueWord(w.text)) {
      cells.unshift([w]);
      i -= 1;
    } else break;
  }
  if (cells.length < 2 || (i > 0 && !endsLikeCell(words[i - 1]!.text))) return [chunk];
  // (A chunk of values alone, 10 3亩: the weight and the target one space apart, each a cell.)
  return i === 0 ? cells.map(chunkOf) : [chunkOf(words.slice(0, i)), ...cells.map(chunkOf)];
}

const isColumnWordOrHead = (text: string) => isHeaderWord(text) || isHeaderWordHead(text);
/**
 * A column word and, after it in one slot, another or the head of one (splitColumnWords split them): two columns.
 * (Or the head of one, its tail on the next line, and a whole one after it: 计算符 目标值 over 号.)
 */
const columnWordsInOneSlot = (before: Chunk, after: Chunk) =>
  (isHeaderWord(before.text) && isColumnWordOrHead(after.text)) || (isHeaderWordHead(before.text, MIN_HEAD_BEFORE_WORD) && isHeaderWord(after.text));

/**
 * Splits a chunk of two column words one space apart (年度指标值(A) 实际完成值(B)): a header's
 * narrow columns keep no more between them in -layout text, and a header cell is one column word.
 * The last may be the head of one, its line's end cut it (得分 未完成原因分, 析 on the next line); so may one
 * before a whole one (计算符 目标值, 号 under it).
 */
function splitColumnWords(chunk: Chunk): Chunk[] {
  const words = chunk.words;
  const text = (ws: readonly Chunk["words"][number][]) => ws.map((w) => w.text).join("");
  for (let k = 1; k < words.length; k++) {
    const left = words.slice(0, k), right = words.slice(k);
    const word = isHeaderWord(text(left)), head = isHeaderWordHead(text(left), MIN_HEAD_BEFORE_WORD);
    // (Only after a column word or its head is the rest split: a chunk of many words is not split every way.)
    if (!word && !head) continue;
    const rest = splitColumnWords(chunkOf(right));
    if (word && (rest.length > 1 || isColumnWordOrHead(text(right)))) return [chunkOf(left), ...rest];
    // (A head whose tail wrapped onto the next line, before a whole word: 计算符 目标值, 号 under it.)
    if (head && isHeaderWord(rest[0]!.text)) return [chunkOf(left), ...rest];
  }
  return [chunk];
}


/** Points as a form prints them: up to three digits and two decimals (10, 2.5, 100). */
const SCORE_LIKE = /^\d{1,3}(?:\.\d{1,2})?$/;
/** A unit of measure alone (猪肉产量稳定率 % ≥95%: the 单位 column one space after the name). */
const UNIT_WORD = /^(?:%|‰|个|人|人次|次|件|户|家|所|项|座|台|套|辆|天|日|年|月|万元|元|吨|公里|米|亩|平方米|立方米|份|册|本|张|条)$/;
/** A comparison alone (the 指标性质 column: =, ≥, ≤ before the target in a column of its own). */
const COMPARISON_SIGN = /^(?:[≥≤=<>≧≦＝＞＜]=?|>=|<=)$/;
/** A target led by a comparison, with a short unit (≥12个, =100%, ≤90万元): a value cell, never a name's end. */
const COMPARED_TARGET = new RegExp(`^${COMPARISON}=?[-+]?\\d[\\d,.]*[^\\s\\d]{0,3}$`);

/**
 * Splits a number off the end of a chunk of CJK words when value cells follow
 * it on the line: pdftotext keeps one space between an indicator's wrapped
 * name (or its closing bracket) and the narrow column beside it (发放人数(按月平 5  >=21933人 …,
 * 仓库(≥**平方米) 104  104),
 * so the score would be read as the end of the name. A number ending a line
 * (救助资金 30, a goal text wrapping) stays where it is; a target led by a
 * comparison (打造医保经办“15分钟 ≥12个) is split off wherever it is, and a unit
 * alone before a value (猪肉产量稳定率 %  ≥95%) or a comparison alone (发放(缴纳)覆盖率 =  100,
 * the 指标性质 column) like a number.
 */
function splitTrailingNumbers(chunks: Chunk[]): Chunk[] {
  return chunks.flatMap((c, i) => {
    const words = c.words, last = words[words.length - 1]!, before = words[words.length - 2];
    const followed = chunks.slice(i + 1).some((n) => VALUE_START.test(n.text));
    const value = (followed && (NUMBER.test(last.text) || UNIT_WORD.test(last.text) || COMPARISON_SIGN.test(last.text))) || COMPARED_TARGET.test(last.text) || GROUPED_AMOUNT.test(last.text);
    if (!before || !value || !endsLikeCell(before.text)) return [c];
    // (每亩 300: a rate per unit, one value, not a name's end and a number.)
    if (words.length === 2 && PER_UNIT.test(before.text)) return [c];
    return [chunkOf(words.slice(0, -1)), chunkOf([last])];
  });
}

/** A rate's unit before its figure, 每亩 300, 每人 500: the figure's own words. */
const PER_UNIT = /^每[\u4e00-\u9fff]{1,2}$/u;

/**
 * A line that is a form's or a table's title: its chunks one space apart at most (此处填写扶持项目名称
 * 项目绩效评价表 is one title, not two cells).
 */
const isTitleLine = (chunks: readonly Chunk[]) => chunks.length >= 1 &&
  chunks.every((c, k) => k === 0 || c.x0 - chunks[k - 1]!.x1 <= COLUMN + 0.01) && isTitle(chunks.map((c) => c.text.trim()).join(" "));
/** Whether a title line stands before line `end` (a form, or a titled table, is above). */
const titledBefore = (chunks: readonly Chunk[][], end: number) => chunks.slice(0, Math.max(0, end)).some(isTitleLine);
/** Lines of two cells or more that make a table right under a form's title (its head: 专项名称, 主管部门). */
const MIN_ROWS_UNDER_TITLE = 2;
/** A one-chunk line of at most this many characters under a column of the region goes on it, CJK or not. */
const MAX_ALIGNED_PIECE = 8;
/** Column words a line holds at least to be a header whose wrapped cells' tails the line under it holds. */
const MIN_TAIL_HEADER_WORDS = 2;
/**
 * A line of short pieces right under a header line, each under one of its cells (号 under 计算符 of 计算符
 * / 号, centred): the tails of the header's wrapped cells, the region's though they start at no column (a
 * page break right under the header leaves them its last line).
 */
function isHeaderTail(chunks: readonly Chunk[][], i: number, lastKept: number): boolean {
  const header = chunks[i - 1];
  if (lastKept !== i - 1 || !header || header.filter((c) => isColumnWordOrHead(c.text)).length < MIN_TAIL_HEADER_WORDS) return false;
  return chunks[i]!.every((c) => Array.from(c.text).length <= MAX_HEADER_TAIL && !/\d/.test(c.text) &&
    header.some((h) => c.x0 >= h.x0 - COLUMN && c.x1 <= h.x1 + COLUMN));
}
/** Characters of a header's wrapped cell's tail under its line at most (号, 明, (B)). */
const MAX_HEADER_TAIL = 4;
/** Characters of a one-chunk line of CJK words that neither ends a region nor joins it (a group label's line). */
const MAX_SHORT_LABEL = 6;
/** One-chunk lines in a row that end a region (as in pdf/unruled.ts). */
const MAX_SINGLE_RUN = 2;
/** A blank-line gap wider than this many line pitches ends a region (two blank lines). */
const MAX_REGION_PITCHES = 2;
/** Lines either side where another line of a column's wrapped cells is looked for. */
const WRAPPED_COLUMN_REACH = 2;
/** Characters right of the region's leftmost start a column of wrapped cells starts at least (prose starts at the margin). */
const MIN_WRAPPED_INDENT = 8;

/**
 * Runs of lines that look like table rows, as pdf/unruled.ts's tableRegions
 * finds them, but with text's notion of a wrapped cell's line: a one-chunk
 * line of CJK text, or a short one of anything (≥**人, (30 分)), that starts
 * where a chunk of the region above starts (any line of it, not only the one
 * just above: pdftotext interleaves the lines of the wrapped cells of one
 * row, 财政供养人员 under a criterion's first line) is the next line of a
 * cell in that column and never ends the region.
 */
export function textRegions(lines: readonly LooseLine[], chunks: readonly Chunk[][], minRows: number, atTop = minRows): [number, number][] {
  const regions: [number, number][] = [];
  let start = -1, lastKept = -1, multiCount = 0, singles = 0, prose = 0;
  // Rows a region needs: fewer right under a form's title (a page that prints only a form's first rows), and at
  // the page's top where the page before ended inside a table that goes on (its last row alone on this page).
  let needed = minRows;
  const starts = new Set<number>();
  // (At the top: the page's first line, or after a line or two of one chunk, the upper lines of the row's wrapped cells.)
  const atPageTop = (k: number) => k >= 0 && k <= MAX_TOP_LEAD_LINES && chunks.slice(0, k).every((cs) => cs.length === 1);
  const close = () => {
    // (A row alone at the top holds three cells or more, or a figure: a running head, 某局 | 2023年部门决算, is none.)
    const topRow = atPageTop(start) && multiCount >= atTop &&
      (multiCount > 1 || (chunks[start]?.length ?? 0) >= MIN_TOP_ROW_CELLS || chunks[start]!.some((c) => NUMBER.test(c.text)));
    if (start >= 0 && (multiCount >= needed || topRow)) regions.push([start, lastKept + 1]);
    if (start >= 0) needed = minRows;
    start = -1; lastKept = -1; multiCount = 0; singles = 0; prose = 0;
    starts.clear();
  };
  // A one-chunk line of CJK text starting, inside the region, where another one-chunk line a few lines away
  // starts: the lines of a column's wrapped cells (a criterion's, an explanation's), whose column starts no
  // chunk of a line of several (以100%为标准。在职人员控 / 制率≦100%,计5分;每超过 / 一个百分点扣0.5分 under 评价标准).
  const oneChunk = (k: number) => chunks[k]?.length === 1 && isCjkText(lines[k]!.text, 0.4);
  const inWrappedColumn = (i: number) => {
    const x0 = chunks[i]![0]!.x0, x1 = chunks[i]![0]!.x1;
    // (Inside the table: right of its first columns, and ending before its last column starts.)
    if (!oneChunk(i) || x0 <= Math.min(...starts) + MIN_WRAPPED_INDENT * COLUMN || x1 > Math.max(...starts)) return false;
    for (let k = Math.max(0, i - WRAPPED_COLUMN_REACH); k <= Math.min(lines.length - 1, i + WRAPPED_COLUMN_REACH); k++) {
      if (k !== i && oneChunk(k) && Math.abs(chunks[k]![0]!.x0 - x0) <= ALIGN_TOLERANCE * COLUMN) return true;
    }
    return false;
  };
  for (let i = 0; i < lines.length; i++) {
    // (A title's words one space apart are one line of text, no row.)
    const multi = chunks[i]!.length >= 2 && !isTitleLine(chunks[i]!);
    // A form's title on a line of its own ends the table of the form above it: the next form starts, though no
    // blank line keeps them apart (two 绩效目标表 on one page), and its title is no label of the rows above. (Only
    // under an earlier title: a report's own tables before its annexed form's title stay as the text reads them;
    // and above a title that heads the first table, a line or two of a page's head are no table to end.)
    if (multiCount >= minRows && isTitleLine(chunks[i]!) && titledBefore(chunks, start)) {
      close();
      needed = Math.min(minRows, MIN_ROWS_UNDER_TITLE);
      continue;
    }
    const x0 = chunks[i]![0]?.x0 ?? -1;
    const proseLine = !multi && start >= 0 && isProseAcross(chunks[i]!, starts);
    // (A short line too, whatever it holds: a wrapped name's last piece ≥**人, a weight's (30 分).)
    const aligned = !multi && start >= 0 && (isCjkText(lines[i]!.text, 0.4) || Array.from(lines[i]!.text.trim()).length <= MAX_ALIGNED_PIECE) &&
      (starts.has(x0) || inWrappedColumn(i) || isHeaderTail(chunks, i, lastKept)) && !proseLine;
    if (start >= 0) {
      const gapTooBig = lines[i]!.y0 - lines[i - 1]!.y0 > MAX_REGION_PITCHES * LINE_PITCH * COLUMN + 0.01;
      // (A short label's line — 可持续影响, 效益指标, a group label centred beside rows — keeps a region going
      // without joining it, wherever it starts.)
      const shortLabel = !multi && isCjkText(lines[i]!.text, 0.9) && Array.from(lines[i]!.text.replace(/\s+/g, "")).length <= MAX_SHORT_LABEL;
      if (!multi && !aligned && !shortLabel) singles++;
      // (Two lines of prose running across the table from its left edge: a report's text goes on after its table.)
      prose = proseLine ? prose + 1 : 0;
      if (prose >= PROSE_LINES) {
        // (And the heading the prose opens with, (二)项目财务管理状况, kept as a wrapped cell's line: the text's.)
        while (lastKept > start && chunks[lastKept]!.length === 1 && OUTLINE_HEADING.test(lines[lastKept]!.text)) lastKept--;
        close();
      } else if (gapTooBig || singles > MAX_SINGLE_RUN) close();
    }
    if (multi) {
      if (start < 0) start = i;
      lastKept = i;
      multiCount++;
      singles = 0;
      for (const c of chunks[i]!) starts.add(c.x0);
    } else if (aligned && start >= 0) {
      lastKept = i;
      singles = 0;
    }
  }
  close();
  return regions;
}

/**
 * A line of prose after a table: one chunk from the table's left edge across
 * PROSE_COLUMNS of its column starts or more (本项目累计安排资金10万元,,其中:…
 * under a report's table of indicators). A cell's wrapped line stays inside
 * its column, and a merged cell's (a goal across the grid) starts right of the
 * labels' column.
 */
const PROSE_COLUMNS = 3;
/** A heading numbered as an outline's item: (二)…, 三、…, 1.… */
const OUTLINE_HEADING = /^\s*(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、．](?!\d))/u;
/** Cells a table's one row at a page's top holds at least, without a figure (质量指标 | 树木成活率 | % | ≥ | 85). */
const MIN_TOP_ROW_CELLS = 3;
/** One-chunk lines above a page's top row at most: its wrapped cells' upper lines (绿化良好、水电费开支 over 绿化、节能 | … | 10 | 10). */
const MAX_TOP_LEAD_LINES = 2;
/** Lines of prose in a row that end a table region. */
const PROSE_LINES = 2;
function isProseAcross(line: readonly Chunk[], starts: ReadonlySet<number>): boolean {
  if (line.length !== 1 || starts.size === 0) return false;
  const c = line[0]!;
  if (c.x0 > Math.min(...starts) + 0.01) return false;
  return [...starts].filter((x) => x > c.x0 + 0.01 && x < c.x1).length >= PROSE_COLUMNS;
}

/** At most this many lines between two table regions are lines of the cells of one form (wrapped goal text, a header row of wrapped cells). */
const MAX_BRIDGE_LINES = 12;
/** ...when no gap between them is wider than this many blank lines (two blank lines end a table). */
const MAX_BRIDGE_BLANKS = 1;
/**
 * ...or this many, when every line after the gap up to the next region's first starts its chunks where
 * chunks of the region above start: a tall row of the form (a cell of many lines beside one of one line)
 * printed as blank lines between rows of the same columns.
 */
const MAX_ALIGNED_BRIDGE_BLANKS = 2;
/** A Latin word: a line holding one is prose or a Latin table's, never a wrapped line of a CJK form's cell. */
const LATIN_WORD = /[A-Za-z]{3}/;

/**
 * Joins CJK table regions that only wrapped cell lines keep apart. A form's
 * header row of wrapped cells (偏差原因 / 实际完成 / 一级指标 … / 值), a goal
 * text wrapped in two columns and an indicator name of five lines put runs
 * of one-chunk lines in a form, which end a region (a PDF keeps those cells'
 * lines close together, text does not): two CJK regions with at most
 * MAX_BRIDGE_LINES lines between them, none holding a Latin word and none
 * two blank lines from the next, are one table.
 */
function bridgeRegions(lines: readonly LooseLine[], chunks: readonly Chunk[][], regions: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  const pitchGap = (i: number) => lines[i]!.y0 - lines[i - 1]!.y0;
  const widestGap = (a: number, b: number) => Math.max(...[...Array(b - a + 1).keys()].map((k) => pitchGap(a + k)));
  const within = (blanks: number) => (1 + blanks * BLANK_LINE_PITCHES) * LINE_PITCH * COLUMN + 0.01;
  for (const r of regions) {
    const last = out[out.length - 1];
    if (last) {
      const between = lines.slice(last[1], r[0]);
      const starts = chunks.slice(last[0], last[1]).flat().map((c) => c.x0);
      const underColumns = chunks.slice(last[1], r[0] + 1).every((cs) => cs.every((c) => starts.some((x) => Math.abs(x - c.x0) <= COLUMN + 0.01)));
      const gap = widestGap(last[1], r[0]);
      const close = gap <= within(MAX_BRIDGE_BLANKS) || (gap <= within(MAX_ALIGNED_BRIDGE_BLANKS) && underColumns);
      const cjk = (a: number, b: number) => isCjkText(lines.slice(a, b).map((l) => l.text).join(""));
      // (Never over a form's title: the next form starts there.)
      const titled = between.some((l, k) => isTitleLine(chunks[last[1] + k]!)) && titledBefore(chunks, last[0]);
      if (close && !titled && between.length <= MAX_BRIDGE_LINES && between.every((l) => !LATIN_WORD.test(l.text)) && cjk(last[0], last[1]) && cjk(r[0], r[1])) {
        last[1] = r[1];
        continue;
      }
    }
    out.push([r[0], r[1]]);
  }
  return out;
}

/**
 * A line of two or more label：value pairs and nothing else (单位名称:昌宁县供销合作社联合社 填报日期:2023 年 4 月 15 日):
 * the caption a form prints over its table, outside its cells, so it heads no table region (its
 * one-space gaps would be split at the table's column starts and its pairs lost).
 */
const CAPTION_PAIRS = /^\s*[^\s:：\d]{2,12}[:：][^:：]+?(?:\s+[^\s:：\d]{2,12}[:：][^:：]+?)+\s*$/;
const isCaptionPairs = (text: string) => CAPTION_PAIRS.test(text);

/**
 * The line right above a region that holds the first line of a cell of its
 * first row (省商务厅服务贸易和商贸 over 项目实施单位, the value centred on
 * the label's row in two lines; 本年度申请市财政预 / 算资金(万元) round 919.00,
 * a label): one chunk of CJK words, no blank line before the region,
 * starting where a column of the region starts but its first, and the row's
 * slot there empty with another line of the same column right below it (the
 * cell's second line), within CENTRED_LINES_OFFSET characters. Or the slot
 * holds the middle line of a cell of three beside the row's values, the
 * third line right below: a table going on at a page's top, its first row's
 * name wrapped round its values' line.
 */
/** Characters apart the two lines of a centred cell may start (their lengths differ). */
const CENTRED_LINES_OFFSET = 2;
function isHeadOfFirstCell(lines: readonly LooseLine[], chunks: readonly Chunk[][], s: number, e: number): boolean {
  const head = chunks[s - 1]!;
  if (head.length !== 1 || !isCjkText(head[0]!.text, 0.6) || lines[s]!.y0 - lines[s - 1]!.y0 > LINE_PITCH * COLUMN + 0.01) return false;
  const near = (a: Chunk, b: Chunk) => Math.abs(a.x0 - b.x0) <= CENTRED_LINES_OFFSET * COLUMN + 0.01;
  const leftmost = Math.min(...chunks.slice(s, e).flat().map((c) => c.x0));
  const starts = chunks.slice(s, e).flat().filter((c) => c.x0 > leftmost + COLUMN);
  if (!starts.some((c) => near(c, head[0]!))) return false;
  const below = chunks[s + 1];
  if (!(s + 1 < e && below !== undefined && below.length === 1 && near(below[0]!, head[0]!))) return false;
  const k = chunks[s]!.findIndex((c) => c.x0 < head[0]!.x1 && head[0]!.x0 < c.x1);
  if (k < 0) return true;
  // The middle line of a cell of three, its values beside it: the head ends before the next chunk of that line
  // (定点医药机构开 / 通医保电子凭证 ≥90% 90% 3 3 / 场景应用, the first row of a page the table goes on to).
  const middle = chunks[s]![k]!, next = chunks[s]![k + 1];
  return near(middle, head[0]!) && isCjkText(middle.text, 0.6) && next !== undefined && head[0]!.x1 <= next.x0 &&
    chunks[s]!.slice(k + 1).some((c) => VALUE_START.test(c.text));
}

/**
 * Whether the page's first lines, above its first table region, are the
 * upper lines of that region's first row's wrapped cells, on a page that
 * goes on with the indicator table of the page before: at most
 * MAX_TOP_LEAD_LINES lines of one chunk of CJK words, no blank line among
 * them or before the region (宁夏 2021: 使学生和老师有个更 over 社会认可的办学 |
 * 社会认可的办学 and the row's line 好的学习和工作环境, 10 … 8). A running
 * head stands off the table by a blank line.
 */
function isLeadOfTopRow(lines: readonly LooseLine[], chunks: readonly Chunk[][], s: number): boolean {
  if (s < 1 || s > MAX_TOP_LEAD_LINES) return false;
  for (let k = 0; k < s; k++) {
    const cs = chunks[k]!;
    if (cs.length !== 1 || !isCjkText(cs[0]!.text, 0.6) || lines[k + 1]!.y0 - lines[k]!.y0 > LINE_PITCH * COLUMN + 0.01) return false;
  }
  return true;
}

/**
 * A page's tables and narrative lines, top to bottom: table regions and their
 * grids as the PDF finder finds them on a page without rules (pdf/unruled.ts;
 * CJK regions through cjk-table.ts), from chunks split as text needs.
 */
function pageItems(layout: PageLayout, goesOn = false): ({ kind: "table"; table: PageTable } | { kind: "text"; line: LooseLine })[] {
  const lines = layout.lines;
  const chunks = lines.map((l) => splitTrailingNumbers(chunksOfLine(l, TEXT_SETTINGS).flatMap(splitAfterBracketedLabel).flatMap(splitAfterLabelWord).flatMap(splitValueRuns).flatMap(splitNumbers).flatMap(splitColumnWords)));
  const items: ({ kind: "table"; table: PageTable } | { kind: "text"; line: LooseLine })[] = [];
  let next = 0;
  for (const [first, e] of bridgeRegions(lines, chunks, textRegions(lines, chunks, TEXT_SETTINGS.minTableRows, goesOn ? 1 : TEXT_SETTINGS.minTableRows))) {
    let s = first;
    while (s < e - 1 && isCaptionPairs(lines[s]!.words.map((w) => w.text).join(" "))) s++;
    if (s === first && s - 1 >= next && isHeadOfFirstCell(lines, chunks, s, e)) s--;
    if (s === first && next === 0 && goesOn && isLeadOfTopRow(lines, chunks, s)) s = 0;
    const regionLines = lines.slice(s, e), regionChunks = chunks.slice(s, e);
    const table = isCjkText(regionChunks.flat().map((c) => c.text).join(""))
      ? lineGridTable(layout.number, regionLines, regionChunks)
      : regionToTable(layout.number, regionLines, regionChunks);
    if (!table) continue;
    for (; next < s; next++) items.push({ kind: "text", line: lines[next]! });
    items.push({ kind: "table", table });
    next = e;
  }
  for (; next < lines.length; next++) items.push({ kind: "text", line: lines[next]! });
  return items;
}

/**
 * The grid of a CJK region of layout text: columns from aligned left edges
 * (pdf/cjk-columns.ts), as for a borderless CJK form, but a row per line.
 * The PDF reader's cell blocks and centred rows (pdf/cjk-rows.ts) need the
 * padding between rows that pdftotext drops: on text they stack the lines of
 * neighbouring rows into one cell and put labels of two groups in one slot.
 * The lines of wrapped cells are joined to their rows afterwards
 * (joinWrappedRows), from what the lines hold.
 */
/** Spaces between two chunks of one line that make them two columns. */
const MIN_COLUMN_GAP_SPACES = 2;
/** Characters right of its column's start a column word starts at least to head the next column instead. */
const CENTRED_HEADER_OFFSET = 3;
/** A value this many characters right of its slot's start stands apart from that column's cells (see lineGridTable). */
const PUSHED_VALUE_OFFSET = 8;
/** Characters of a piece of a wrapped header cell at most (产生差异的原因及). */
const MAX_HEADER_PIECE = 12;

export function lineGridTable(page: number, lines: readonly LooseLine[], given: readonly Chunk[][]): PageTable | null {
  // Numbers pushed short of their column by overflowing words go where it starts; the columns are found again
  // without the alignment the pushed numbers made (财务管理制度有效性 7 and 绿化、水电费等成本 3, both 3 short).
  const pushed = placePushedNumbers(given, alignedColumnStarts(given, COLUMN));
  const rows = pushed.every((r, i) => r.length === given[i]!.length && r.every((c, k) => c === given[i]![k])) ? given : pushed;
  const starts = mergeCloseStarts(alignedColumnStarts(rows, COLUMN), rows, COLUMN);
  const tolerance = ALIGN_TOLERANCE * COLUMN;
  // Column words that share a slot with the column word before them go to the column starting just right of
  // them (分值 one space after 实际完成值(B), its column's values starting a character further right).
  const nudged = new Map<string, number>();
  const place = () => rows.map((chunks, row) => {
    const bySlot = new Map<number, { chunk: Chunk; col: number; colEnd: number }[]>();
    for (const chunk of cutShortOfStarts(splitAtColumnStarts(chunks, starts, COLUMN), starts, COLUMN)) {
      const nudge = nudged.get(`${row}:${chunk.x0}`);
      const col = nudge !== undefined ? starts.findIndex((x) => x === nudge) : columnAt(starts, chunk.x0 + tolerance);
      const p = { chunk, col, colEnd: Math.max(col, columnAt(starts, chunk.x1 - tolerance)) };
      bySlot.set(col, [...(bySlot.get(col) ?? []), p]);
    }
    return bySlot;
  });
  let placed = place();
  // A column the alignment missed: two chunks of one line in one column two
  // spaces or more apart (as in pdf/cjk-table.ts); one space between CJK
  // characters is letter spacing inside a cell (一级 指标).
  let added = false;
  for (const bySlot of placed) {
    for (const ps of bySlot.values()) {
      ps.forEach((p, k) => {
        // (Or two column words, one space apart: 年度指标值(A) 实际完成值(B), split by splitColumnWords.)
        const apart = k > 0 && (p.chunk.x0 - ps[k - 1]!.chunk.x1 >= MIN_COLUMN_GAP_SPACES * COLUMN || columnWordsInOneSlot(ps[k - 1]!.chunk, p.chunk));
        if (apart) added = addColumnStart(starts, p.chunk.x0, COLUMN) || added;
      });
    }
  }
  // A wrapped header cell's pieces round a header line (产生差异的原因及 / 改进措施 over and under the line of
  // 全年实际完成值), in the slot of a column word but clear of it on the right: a column no value starts.
  placed.forEach((bySlot, row) => {
    const all = [...bySlot.values()].flat();
    // (A header line: two column words or more, and no figure: 预算数：3686.55 is a line of pairs.)
    if (all.filter((p) => isHeaderWord(p.chunk.text)).length < 2 || all.some((p) => NUMBER.test(p.chunk.text))) return;
    for (const near of [placed[row - 1], placed[row + 1]]) {
      if (!near) continue;
      for (const [col, ps] of near) {
        const own = bySlot.get(col);
        if (!own || !own.some((p) => isHeaderWord(p.chunk.text))) continue;
        for (const p of ps) {
          // (A header's piece: a few words, no figure, no sentence's punctuation; a first row's cell is none.)
          const piece = Array.from(p.chunk.text).length <= MAX_HEADER_PIECE && !/[\d,，;；。:：、]/.test(p.chunk.text);
          if (piece && own.every((o) => p.chunk.x0 >= o.chunk.x1 + MIN_COLUMN_GAP_SPACES * COLUMN - 0.01)) added = addColumnStart(starts, p.chunk.x0, COLUMN) || added;
        }
      }
    }
  });
  if (added) placed = place();
  let nudging = false;
  placed.forEach((bySlot, row) => {
    for (const [col, ps] of bySlot) {
      ps.forEach((p, k) => {
        const next = starts[col + 1];
        if (k === 0 || !columnWordsInOneSlot(ps[k - 1]!.chunk, p.chunk) || next === undefined || bySlot.has(col + 1)) return;
        if (next <= p.chunk.x0 || next - p.chunk.x0 > MIN_COLUMN_GAP_SPACES * COLUMN + 0.01) return;
        nudged.set(`${row}:${p.chunk.x0}`, next);
        nudging = true;
      });
    }
  });
  // A column word whose middle lies in the next column, empty on its line, heads that column (全年执行数(B)
  // centred over the executed amounts, its start short of theirs): a centred header wider than its values.
  placed.forEach((bySlot, row) => {
    for (const [col, ps] of bySlot) {
      const next = starts[col + 1];
      if (next === undefined || bySlot.has(col + 1)) continue;
      for (const p of ps) {
        if (!isHeaderWord(p.chunk.text) || (p.chunk.x0 + p.chunk.x1) / 2 < next - tolerance) continue;
        // (Well right of its own column's start: a header on a start a character or two off is that column's.)
        if (p.chunk.x0 - starts[col]! < CENTRED_HEADER_OFFSET * COLUMN - tolerance) continue;
        nudged.set(`${row}:${p.chunk.x0}`, next);
        nudging = true;
      }
    }
  });
  // A column word over a column no line under it fills, right of a column between two headed ones that lines
  // under it fill and no column word heads, heads that column: a header centred wider than its values (全年完成值
  // four characters right of 92%, 100%, 76%, between 调整指标值 and it; 三级指标 right of the names).
  if (headValuelessColumns(placed, starts, nudged)) nudging = true;
  if (nudging) placed = place();
  if (starts.length < 2) return null;
  // A number (or a target led by a comparison, ≥12个) sharing a slot with the words before it belongs to the next column when that one is empty on the line
  // (a score one space after an indicator's name, further left than the scores of the rows around it).
  for (const bySlot of placed) {
    for (const [col, ps] of [...bySlot]) {
      const last = ps[ps.length - 1]!;
      if (ps.length < 2 || col + 1 >= starts.length || bySlot.has(col + 1) || !(NUMBER.test(last.chunk.text) || COMPARED_TARGET.test(last.chunk.text) || COMPARISON_SIGN.test(last.chunk.text))) continue;
      ps.pop();
      bySlot.set(col + 1, [{ ...last, col: col + 1, colEnd: Math.max(col + 1, last.colEnd) }]);
    }
  }
  // A score one space after a cell of words at the line's end (受目的国受众欢迎显著 10, the 得分 column empty on
  // the line): pdftotext keeps one space there, so the score was read as the words' end. It goes to the next
  // column. (Not a sentence's figure, 预算调整率=0,计 3 分;0-10%(含),计 2 wrapping on: the words before it
  // hold no figure and no punctuation; nor a line's only cell, a goal's text wrapping.)
  for (const bySlot of placed) {
    const last = Math.max(...bySlot.keys());
    const ps = bySlot.get(last)!;
    const p = ps[ps.length - 1]!;
    const words = p.chunk.words;
    if (bySlot.size < 2 || last + 1 >= starts.length || words.length < 2 || !SCORE_LIKE.test(words[words.length - 1]!.text)) continue;
    const before = words.slice(0, -1);
    if (!endsLikeCell(before[before.length - 1]!.text) || /[\d,，;；。、:：=]/.test(before.map((w) => w.text).join(""))) continue;
    ps[ps.length - 1] = { ...p, chunk: chunkOf(before), colEnd: last };
    bySlot.set(last + 1, [{ chunk: chunkOf([words[words.length - 1]!]), col: last + 1, colEnd: last + 1 }]);
  }
  // A number alone in its slot that runs into the next column, empty on the line, starting a character short
  // of it, is that column's (a value centred under a header one character to the left of the others). So is
  // a value with its unit, and any cell after another on its line: pdftotext drifts a column a character left
  // on lines a long cell pushes (是否对当地生态环境造成影响 否, then 可持续影响指标 … 长期, both a character short
  // of ≥70 村 and 5 万元; 服务对象满意度指 辖区内群众满意度, a name one space after its level's label).
  for (const bySlot of placed) {
    for (const [col, ps] of [...bySlot]) {
      const only = ps[0]!;
      if (ps.length !== 1 || only.colEnd <= col || bySlot.has(col + 1)) continue;
      const afterCell = [...bySlot.keys()].some((k) => k < col);
      if (!NUMBER.test(only.chunk.text) && !VALUE_START.test(only.chunk.text) && !afterCell) continue;
      // (Short of it: a column word nudged onto this column from the next stays. Two characters short when the
      // value stands far right of its own slot's start, where no cell of that column begins: 63 人 two short of
      // 指标值's column, right of a 14-character name column's lines, as 100% one short on the row below.)
      const reach = only.chunk.x0 - starts[col]! >= PUSHED_VALUE_OFFSET * COLUMN && (NUMBER.test(only.chunk.text) || VALUE_START.test(only.chunk.text)) ? 2 : 1;
      if (starts[col + 1]! - only.chunk.x0 > reach * COLUMN + 0.01 || only.chunk.x0 >= starts[col + 1]! - 0.01) continue;
      bySlot.delete(col);
      bySlot.set(col + 1, [{ ...only, col: col + 1 }]);
    }
  }
  const cells: FoundCell[] = [];
  placed.forEach((bySlot, row) => {
    for (const [col, ps] of bySlot) {
      cells.push({
        row, col, rowSpan: 1, colSpan: Math.max(...ps.map((p) => p.colEnd)) - col + 1,
        text: ps.map((p) => p.chunk.text).join(" "), page, bbox: unionBox(ps.map((p) => p.chunk)),
      });
    }
  });
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  stopSpansAtCells(cells);
  const box = unionBox(lines);
  const xs = [...starts, Math.max(box.x1, starts[starts.length - 1]! + 1)];
  return { page, bbox: box, xs, ys: [box.y0, box.y1], nRows: rows.length, nCols: starts.length, cells, ruled: false };
}

/** A found table in the common grid: no boxes (they are character columns, not points), the source line of each row. */
function toTextTable(t: DocTable, sourceLine: (page: number, y: number) => number): Table {
  const rowLines: number[] = [];
  for (const c of t.cells) {
    const line = sourceLine(c.page, c.bbox.y0);
    if (rowLines[c.row] === undefined || line < rowLines[c.row]!) rowLines[c.row] = line;
  }
  for (let r = 0; r < t.nRows; r++) rowLines[r] ??= rowLines[r - 1] ?? 1;
  const cells: Cell[] = t.cells.map((c) => ({ row: c.row, col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan, text: c.text, page: c.page }));
  return { page: t.page, pageTo: t.pageTo, nRows: t.nRows, nCols: t.nCols, cells, rowLines: rowLines.slice(0, t.nRows), laidOut: true };
}
