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
 * 228228). The lines of wrapped cells are then joined to their row by what
 * they hold instead (joinWrappedRows: a line of one or two cells of words
 * between rows with numbers). A blank line is a wider gap, two blank lines
 * end a table. Chunks: two spaces, or one between two CJK characters or two
 * numbers, separate cells.
 */
import type { Block, Cell, PageInfo, Table } from "./grid.ts";
import { foldCompatibilityCharacters } from "./unicode.ts";
import { type Word, unionBox } from "./pdf/geometry.ts";
import type { LooseLine, PageLayout } from "./pdf/layout.ts";
import type { FoundCell, PageTable } from "./pdf/page-tables.ts";
import { type Chunk, chunkOf, chunksOfLine, regionToTable, tableRegions } from "./pdf/unruled.ts";
import { type DocTable, continuesTable, joinContinuedTable } from "./pdf/continuation.ts";
import { isPageNumberText } from "./pdf/margins.ts";
import { PdfSettings } from "./pdf/settings.ts";
import { joinWrappedLines, textOfWords } from "./pdf/words.ts";

/**
 * Units per character column. The PDF finder's absolute tolerances are in
 * points (a column gap of at least 4, borders within 3 match across pages):
 * at 3 units a column, a gap of two spaces is a column gap and borders one
 * column apart still match.
 */
const COLUMN = 3;
/** A line's height and the distance between the tops of two adjacent lines, in "font sizes" (columns; see the header). */
const LINE_HEIGHT = 0.3;
const LINE_PITCH = 1;
/** A blank line moves the next line down by this many line pitches more. */
const BLANK_LINE_PITCHES = 1;

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
  if (gapped < MIN_GAPPED_LINES || gapped < MIN_GAPPED_SHARE * nonBlank.length) return false;
  const counts = new Map<number, number>();
  for (const s of starts) for (const x of new Set(s)) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts.values()].some((n) => n >= MIN_ALIGNED_STARTS);
}

interface SourceLine {
  /** 1-based line number in the file. */
  line: number;
  text: string;
}

/** One page of layout text as a PDF page layout without rules; `lineAt` maps a line's top back to its source line. */
function pageLayout(number: number, lines: readonly SourceLine[], lineAt: Map<string, number>): PageLayout {
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

/** Blocks of column-laid-out text: a page per form feed, tables found by text alignment, the other lines as narrative. */
export function parseColumnLayout(pages: readonly SourceLine[][]): { blocks: Block[]; pages: PageInfo[] } {
  const lineAt = new Map<string, number>();
  const layouts = pages.map((lines, i) => pageLayout(i + 1, lines, lineAt));
  const sourceLine = (page: number, y: number) => lineAt.get(`${page}:${y}`) ?? 1;
  type Item = { kind: "table"; table: DocTable } | { kind: "text"; page: number; line: LooseLine };
  const items: Item[] = [];
  for (const layout of layouts) {
    pageItems(layout).forEach((it, i) => {
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
  const blocks: Block[] = items.map((it) => {
    if (it.kind === "text") return { kind: "text", page: it.page, text: it.line.text, line: sourceLine(it.page, it.line.y0) };
    return { kind: "table", table: toTextTable(joinWrappedRows(it.table), sourceLine) };
  });
  return { blocks, pages: layouts.map((l) => ({ number: l.number, hasText: l.lines.length > 0 })) };
}

/** A number, a percentage or a comparison with one (≥90%, 12个 is not: a unit makes it words). */
const NUMBER = /^[≥≤=<>]?[-+]?\d[\d,]*(\.\d+)?%?$/;

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

/**
 * A page's tables and narrative lines, top to bottom: table regions and their
 * grids as the PDF finder finds them on a page without rules (pdf/unruled.ts;
 * CJK regions through cjk-table.ts), from chunks split as text needs.
 */
function pageItems(layout: PageLayout): ({ kind: "table"; table: PageTable } | { kind: "text"; line: LooseLine })[] {
  const lines = layout.lines;
  const chunks = lines.map((l) => chunksOfLine(l, TEXT_SETTINGS).flatMap(splitNumbers));
  const items: ({ kind: "table"; table: PageTable } | { kind: "text"; line: LooseLine })[] = [];
  let next = 0;
  for (const [s, e] of tableRegions(lines, chunks, TEXT_SETTINGS.minTableRows)) {
    const table = regionToTable(layout.number, lines.slice(s, e), chunks.slice(s, e));
    if (!table) continue;
    for (; next < s; next++) items.push({ kind: "text", line: lines[next]! });
    items.push({ kind: "table", table });
    next = e;
  }
  for (; next < lines.length; next++) items.push({ kind: "text", line: lines[next]! });
  return items;
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
  return { page: t.page, pageTo: t.pageTo, nRows: t.nRows, nCols: t.nCols, cells, rowLines: rowLines.slice(0, t.nRows) };
}

/** A wrapped cell's line holds words, never a number alone or a dash (those fit on one line). */
const isWordsOnly = (text: string) => !/^\s*[≥≤=<>]?\s*[-+]?\d/.test(text) && !/^[—–\-/]+$/.test(text.trim());
/** Rows with at most this many cells, all words, may be lines of wrapped cells... */
const MAX_WRAP_CELLS = 2;
/** ...when at most this many of them come between two other rows (a cell of five lines, centred, puts two above its row's line and two below). */
const MAX_WRAP_RUN = 4;

/**
 * Joins the lines of wrapped cells to the row they belong to. pdftotext puts
 * a row's one-line cells on one line and the lines of its wrapped cells above
 * and below it (centred on the row), so a table read a row per line has
 * "rows" of one or two cells of words between the real rows. Each such line
 * goes to the row above or the row below: of the lines between two rows, the
 * first half ends cells of the row above and the second half begins cells of
 * the row below; the middle one of an odd run goes where its column already
 * has text. A line joins a row only where that row's slot in its column is
 * empty or holds words anchored there, and never left of a row that starts
 * with words (a label such as 总分); runs longer than MAX_WRAP_RUN (a goal
 * paragraph in two columns), lines after the last row and the first half
 * (and middle) of the lines before the first row are left as rows.
 */
export function joinWrappedRows(t: DocTable): DocTable {
  const byRow: FoundCell[][] = Array.from({ length: t.nRows }, () => []);
  for (const c of t.cells) byRow[c.row]?.push(c);
  const candidate = byRow.map((cells) =>
    cells.length > 0 && cells.length <= MAX_WRAP_CELLS && cells.every((c) => c.rowSpan === 1 && c.text.trim() !== "" && isWordsOnly(c.text)));
  // Slots each row's cells cover (anchor or span), and the anchors.
  const covered = (row: number, col: number) =>
    t.cells.find((c) => c.row <= row && row < c.row + c.rowSpan && c.col <= col && col < c.col + c.colSpan);
  const target: (number | null)[] = byRow.map(() => null);
  // A line never goes left of a row's label (总分 after the tail of the label above it).
  const firstLabel = (main: number) => {
    const first = [...byRow[main]!].sort((a, b) => a.col - b.col)[0];
    return first && isWordsOnly(first.text) ? first.col : -1;
  };
  const fits = (frag: number, main: number) =>
    byRow[frag]!.every((c) => c.col >= firstLabel(main)) &&
    byRow[frag]!.every((c) => {
      const slot = covered(main, c.col);
      return !slot || (slot.row === main && slot.col === c.col && isWordsOnly(slot.text));
    });
  const hasText = (main: number, col: number, extra: number[]) =>
    byRow[main]!.some((c) => c.col === col && c.text.trim()) || extra.some((f) => byRow[f]!.some((c) => c.col === col));
  const assigned = new Map<number, number[]>();
  let r = 0;
  while (r < t.nRows) {
    if (!candidate[r]) { r++; continue; }
    let e = r;
    while (e < t.nRows && candidate[e]) e++;
    const prev = r > 0 ? r - 1 : null, next = e < t.nRows ? e : null;
    const run = e - r;
    if (run <= MAX_WRAP_RUN && next !== null) {
      for (let k = 0; k < run; k++) {
        const f = r + k;
        let to: number | null;
        if (prev === null && 2 * k + 1 <= run) to = null;
        else if (2 * k + 1 < run) to = prev;
        else if (2 * k + 1 > run) to = next;
        else {
          const cols = byRow[f]!.map((c) => c.col);
          to = prev !== null && cols.some((c) => hasText(prev, c, assigned.get(prev) ?? [])) ? prev : next;
        }
        // A line at the head of a table has no row above to end: it stays a row.
        if (to === null) continue;
        const other = to === prev ? next : prev;
        if (!fits(f, to)) to = other !== null && fits(f, other) ? other : null;
        if (to === null) continue;
        target[f] = to;
        assigned.set(to, [...(assigned.get(to) ?? []), f]);
      }
    }
    r = e;
  }
  if (target.every((x) => x === null)) return t;
  // New row index of every old row: joined lines take their row's.
  const newIndex: number[] = [];
  let n = 0;
  for (let i = 0; i < t.nRows; i++) {
    if (target[i] === null) newIndex[i] = n++;
  }
  for (let i = 0; i < t.nRows; i++) if (target[i] !== null) newIndex[i] = newIndex[target[i]!]!;
  const kept = t.cells.filter((c) => target[c.row] === null).map((c) => ({ ...c }));
  for (const [main, frags] of assigned) {
    for (const f of frags) {
      for (const c of byRow[f]!) {
        const anchor = kept.find((k) => k.row === main && k.col === c.col);
        if (anchor) {
          anchor.text = f < main ? joinWrappedLines([c.text, anchor.text]) : joinWrappedLines([anchor.text, c.text]);
          anchor.bbox = unionBox([anchor.bbox, c.bbox]);
        } else {
          kept.push({ ...c, row: main });
        }
      }
    }
  }
  // Lines above their row were added in file order; a row's cell text grows top to bottom.
  const cells = kept.map((c) => {
    const last = newIndex[c.row + c.rowSpan - 1]!;
    const row = newIndex[c.row]!;
    return { ...c, row, rowSpan: Math.max(1, last - row + 1) };
  });
  // A cell moved into an empty slot may span into a neighbour now anchored there.
  const anchors = new Set(cells.map((c) => `${c.row}:${c.col}`));
  for (const c of cells) {
    for (let k = c.col + 1; k < c.col + c.colSpan; k++) if (anchors.has(`${c.row}:${k}`)) { c.colSpan = k - c.col; break; }
  }
  return { ...t, nRows: n, cells: cells.sort((a, b) => a.row - b.row || a.col - b.col) };
}
