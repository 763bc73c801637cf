/**
 * Borderless tables from text alignment, for pages without ruling lines.
 *
 * A line whose words fall into two or more chunks separated by wide gaps is a
 * candidate row; runs of candidate rows (with a few single-chunk lines among
 * them: wrapped cells, group labels) are table regions; columns are the
 * vertical strips of the region that (almost) no chunk covers, a row per line.
 * CJK form regions, whose cells wrap and whose long texts cross every gap,
 * are read by cjk-table.ts instead (columns from aligned left edges, rows from
 * cell centres).
 */
import { type Box, type Word, unionBox } from "./geometry.ts";
import type { LooseLine } from "./layout.ts";
import type { FoundCell, PageTable } from "./page-tables.ts";
import { isWide } from "./glyphs.ts";
import type { PdfSettings } from "./settings.ts";
import { firstChar, joinWords, joinWrappedLines, lastChar } from "./words.ts";
import { ALIGN_TOLERANCE } from "./cjk-columns.ts";
import { WRAP_GAP } from "./cjk-rows.ts";
import { cjkRegionToTable } from "./cjk-table.ts";
import { isProse } from "./prose.ts";
import { freeStrips } from "./free-strips.ts";

/** At most this many single-chunk lines in a row inside a region. */
const MAX_SINGLE_RUN = 2;
/** A vertical gap above this many font sizes ends a region. */
const MAX_ROW_GAP = 2.5;
/** Share of candidate rows allowed to cross a column gap (spanning headers). */
const CROSSING_SHARE = 0.1;
/** Font sizes two lines must overlap in height to be cells of one row printed at different heights. */
const ROW_STEP_OVERLAP = 0.1;
/** Narrowest gap (pt) between columns. */
const MIN_COLUMN_GAP = 4;

export interface Chunk extends Box {
  text: string;
  words: Word[];
  spaceBefore: boolean;
}

export interface ChunkGaps {
  chunkGap: number;
  chunkGapCjk: number;
}

/** The chunk made of these words (in reading order). */
export const chunkOf = (words: Word[]): Chunk => ({ ...unionBox(words), text: joinWords(words), words, spaceBefore: true });

/** Splits a line's words into chunks (one cell's text on that line) at column-wide gaps. */
export function chunksOfLine(line: LooseLine, gaps: ChunkGaps): Chunk[] {
  const chunks: Chunk[] = [];
  let cur: Word[] = [];
  const flush = () => {
    if (cur.length) chunks.push(chunkOf(cur));
    cur = [];
  };
  for (const w of line.words) {
    const prev = cur[cur.length - 1];
    // Between two CJK characters any gap is a column gap; next to Latin, producers
    // widen the space between scripts (2024 年), so the Latin threshold holds.
    const cjk = prev && isWide(lastChar(prev.text)) && isWide(firstChar(w.text));
    if (prev && w.x0 - prev.x1 > (cjk ? gaps.chunkGapCjk : gaps.chunkGap) * Math.min(w.size, prev.size)) flush();
    cur.push(w);
  }
  flush();
  return chunks;
}

/** Share of CJK characters from which a line or a region is read as CJK. */
const CJK_SHARE = 0.5;
/** Share of CJK characters from which a single line may be a wrapped cell line ((DIP支付方式 is half Latin). */
const CJK_LINE_SHARE = 0.4;

/** Whether at least `share` of the text's non-space characters are CJK. */
export function isCjkText(text: string, share = CJK_SHARE): boolean {
  const chars = Array.from(text.replace(/\s/g, ""));
  return chars.length > 0 && chars.filter(isWide).length >= share * chars.length;
}

/**
 * Runs of lines that look like table rows: [start, end) indices into `lines`.
 * In CJK forms cells wrap, so two more kinds of line belong to a table: a line
 * that overlaps its neighbour in height (cells of one row centred at different
 * heights: 打造基层医保经办 beside ≥12个) counts as a row, and a line that
 * continues a cell of the line just above (close below it, starting where one
 * of its chunks starts) never ends a table.
 */
export function tableRegions(lines: readonly LooseLine[], chunks: readonly Chunk[][], minRows: number): [number, number][] {
  const cjk = lines.map((l) => isCjkText(l.text, CJK_LINE_SHARE));
  const stepped = (i: number, j: number) => {
    const a = lines[i], b = lines[j];
    return !!a && !!b && cjk[i]! && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) >= ROW_STEP_OVERLAP * Math.min(a.size, b.size);
  };
  const wraps = (i: number) => {
    const line = lines[i]!, prev = lines[i - 1];
    if (!prev || !cjk[i] || chunks[i]!.length !== 1 || line.y0 - prev.y1 > WRAP_GAP * Math.min(line.size, prev.size)) return false;
    const x0 = chunks[i]![0]!.x0;
    return chunks[i - 1]!.some((c) => Math.abs(c.x0 - x0) <= ALIGN_TOLERANCE * line.size);
  };
  const regions: [number, number][] = [];
  let start = -1, lastKept = -1, multiCount = 0, singles = 0;
  const close = () => {
    if (start >= 0 && multiCount >= minRows) regions.push([start, lastKept + 1]);
    start = -1; lastKept = -1; multiCount = 0; singles = 0;
  };
  for (let i = 0; i < lines.length; i++) {
    const multi = chunks[i]!.length >= 2 || stepped(i, i - 1) || stepped(i, i + 1);
    const wrap = !multi && wraps(i);
    if (start >= 0) {
      const prev = lines[i - 1]!;
      const gapTooBig = lines[i]!.y0 - prev.y1 > MAX_ROW_GAP * Math.max(prev.size, lines[i]!.size);
      if (!multi && !wrap) singles++;
      if (gapTooBig || singles > MAX_SINGLE_RUN) close();
    }
    if (multi) {
      if (start < 0) start = i;
      lastKept = i;
      multiCount++;
      singles = 0;
    } else if (wrap && start >= 0 && lastKept === i - 1) {
      lastKept = i;
    }
  }
  close();
  return regions;
}

/** Column borders of a region: the middles of the x-strips that no more than a few chunks cover. */
export function columnBorders(rows: readonly Chunk[][]): number[] {
  const all = rows.flat();
  const x0 = Math.floor(Math.min(...all.map((c) => c.x0))), x1 = Math.ceil(Math.max(...all.map((c) => c.x1)));
  const multiRows = rows.filter((r) => r.length >= 2);
  // A caption or a spanning header may cross a column gap; one such line never closes it.
  const allowed = Math.max(1, Math.floor(multiRows.length * CROSSING_SHARE));
  // (Strips at either end are margins, not gaps.)
  const gaps = freeStrips(multiRows, x0, x1, allowed).filter(([a, b]) => a > x0 && b <= x1 && b - a >= MIN_COLUMN_GAP);
  return [x0, ...gaps.map(([a, b]) => (a + b) / 2), x1];
}

/** A value printed in a column of figures: 74.8, 1,363, 12.5%, (X), a dash for none. */
const VALUE_WORD = /^[-–—+(]?[$€£¥]?\d[\d.,]*%?\)?$|^[-–—]$|^\(?[A-Za-z]\)$/;
/** Narrowest strip (font sizes) free of words that parts two columns of figures. */
const MIN_VALUE_GAP = 0.5;
/** Lines, at least, with figures on both sides of such a strip... */
const MIN_VALUE_GAP_LINES = 3;
/** ...and their share of the lines with figures in the column; */
const VALUE_GAP_SHARE = 0.5;
/** for columns of words, of the lines with words in the column, */
const WORD_GAP_SHARE = 0.6;

/**
 * Borders inside the columns found from chunks: narrow columns of figures set
 * closer than a chunk gap (11.2 and 7.4, a column apart) run into one chunk
 * on every line, so no strip between them is free of chunks. Among the lines
 * with a figure in the column (a header's words are wider than the figures
 * under them), a strip free of words on nearly every line, with a figure
 * right and left of it on most of them, parts two columns. Then the same
 * for columns of words (a licence number, its type and a name, a few points
 * apart): a strip free on nearly every line with words in the column, and
 * words on both sides of it on most of them. A word space is about a quarter
 * of a font size; neighbouring words of different lengths leave no common
 * strip of half a font size on most lines. Last, a word space is enough
 * where the words before it are set flush right (ending together, starting
 * apart: licence numbers of five and six digits) and the words after it flush
 * left: text set flush left (7100 TERMINAL DRIVE over 7777 EAST APACHE) starts
 * together.
 */
export function valueColumnBorders(rows: readonly Chunk[][], xs: readonly number[]): number[] {
  const figures = gapBorders(rows, xs, FIGURES);
  const words = gapBorders(rows, [...xs, ...figures].sort((a, b) => a - b), WORDS);
  return [...figures, ...words, ...gapBorders(rows, [...xs, ...figures, ...words].sort((a, b) => a - b), WORDS_AFTER_FIGURES)];
}

interface GapRule {
  /** Which words of a line in the column make it count. */
  counts: (word: Word) => boolean;
  /** Which words right and left of the strip make the line one with both sides. */
  side: (word: Word) => boolean;
  minGap: number;
  share: number;
  /** Whether the words right of the strip must start at its end (a column of words is set flush left). */
  flushLeft: boolean;
  /** Whether the words left of the strip must be set flush right (ending together, starting apart): a column of figures. */
  flushRightBefore?: boolean;
}

/** A word starting within this (pt) of a strip's end starts there... */
const START_TOLERANCE = 2;
/** ...and this share of the first words after the strip must. */
const FLUSH_SHARE = 0.75;
const FIGURES: GapRule = { counts: (w) => VALUE_WORD.test(w.text), side: (w) => VALUE_WORD.test(w.text), minGap: MIN_VALUE_GAP, share: VALUE_GAP_SHARE, flushLeft: false };
const WORDS: GapRule = { counts: () => true, side: () => true, minGap: MIN_VALUE_GAP, share: WORD_GAP_SHARE, flushLeft: true };
/** Narrowest strip (font sizes) after figures set flush right: a word space (m27's 648765 | AAA, a third of the size). */
const MIN_FLUSH_RIGHT_GAP = 0.25;
/** Figures set flush right start this far apart (font sizes) at least: digits of different counts (82030, 648765). */
const MIN_FLUSH_RIGHT_SPREAD = 0.4;
const WORDS_AFTER_FIGURES: GapRule = { counts: () => true, side: () => true, minGap: MIN_FLUSH_RIGHT_GAP, share: WORD_GAP_SHARE, flushLeft: true, flushRightBefore: true };

function gapBorders(rows: readonly Chunk[][], xs: readonly number[], rule: GapRule): number[] {
  const multiRows = rows.filter((r) => r.length >= 2);
  const out: number[] = [];
  for (let k = 0; k + 1 < xs.length; k++) {
    // (For figures, only lines with one in the column: a header's words, wider than the figures under them, may cross the gap.)
    const lines = multiRows.map((r) => r.flatMap((c) => c.words).filter((w) => w.x0 >= xs[k]! - 0.5 && w.x1 <= xs[k + 1]! + 0.5))
      .filter((ws) => ws.some(rule.counts));
    if (lines.length < MIN_VALUE_GAP_LINES) continue;
    const words = lines.flat();
    const size = words.reduce((sum, w) => sum + w.size, 0) / words.length;
    for (const [a, b] of freeStrips(lines, xs[k]!, xs[k + 1]!, Math.floor(lines.length * CROSSING_SHARE))) {
      if (a <= xs[k]! + 0.5 || b >= xs[k + 1]! - 0.5 || b - a < rule.minGap * size) continue;
      const starts: number[] = [];
      const before: Word[] = [];
      const both = lines.filter((ws) => {
        const left = ws.filter((w) => w.x1 <= a + 1), right = ws.filter((w) => w.x0 >= b - 1);
        if (right.length > 0) starts.push(right[0]!.x0);
        if (left.length > 0 && right.length > 0) before.push(left[left.length - 1]!);
        return left.length > 0 && right.length > 0 && rule.side(left[left.length - 1]!) && rule.side(right[0]!);
      }).length;
      // A column of words is set flush left: most words after the strip start right at its end, and its
      // border goes there. (A strip other lines happen to leave free is no column: OKLAHOMA CITY beside
      // TULSA, the INC of the longest name.)
      if (rule.flushLeft && starts.filter((x) => Math.abs(x - b) <= START_TOLERANCE).length < FLUSH_SHARE * starts.length) continue;
      if (rule.flushRightBefore && !setFlushRight(before, a, size)) continue;
      if (both >= MIN_VALUE_GAP_LINES && both >= rule.share * lines.length) out.push(rule.flushLeft ? b - START_TOLERANCE / 2 : (a + b) / 2);
    }
  }
  return out;
}

/** Words ending together at `end` while starting apart: figures set flush right. */
function setFlushRight(words: readonly Word[], end: number, size: number): boolean {
  if (words.length < MIN_VALUE_GAP_LINES) return false;
  const flush = words.filter((w) => Math.abs(w.x1 - end) <= START_TOLERANCE).length >= FLUSH_SHARE * words.length;
  const x0s = words.map((w) => w.x0);
  return flush && Math.max(...x0s) - Math.min(...x0s) >= MIN_FLUSH_RIGHT_SPREAD * size;
}

/** Narrowest gap (font sizes) between two words of a chunk at which a border may part them. */
const MIN_SPLIT_GAP = 0.5;

/** A chunk parted where a border runs through a gap between its words (a header's words over two columns). */
export function splitChunkAtBorders(chunk: Chunk, xs: readonly number[]): Chunk[] {
  const out: Chunk[] = [];
  let cur: Word[] = [];
  for (const w of chunk.words) {
    const prev = cur[cur.length - 1];
    if (prev && w.x0 - prev.x1 >= MIN_SPLIT_GAP * Math.min(w.size, prev.size) && xs.some((x) => x > prev.x1 && x < w.x0)) {
      out.push(chunkOf(cur));
      cur = [];
    }
    cur.push(w);
  }
  if (cur.length) out.push(chunkOf(cur));
  return out.length === 1 ? [chunk] : out;
}

/** The table of one region: a row per line, each chunk in the columns it covers. */
export function regionToTable(page: number, lines: readonly LooseLine[], given: readonly Chunk[][]): PageTable | null {
  if (isCjkText(given.flat().map((c) => c.text).join(""))) return cjkRegionToTable(page, lines, given);
  const chunkXs = columnBorders(given);
  const inner = chunkXs.length >= 2 ? valueColumnBorders(given, chunkXs) : [];
  const xs = [...chunkXs, ...inner].sort((a, b) => a - b);
  if (xs.length < 3) return null;
  const inside = xs.slice(1, -1);
  const rows = given.map((r) => r.flatMap((c) => splitChunkAtBorders(c, inside)));
  const colOf = (x: number) => {
    let k = 0;
    while (k < xs.length - 2 && x >= xs[k + 1]!) k++;
    return k;
  };
  const slots = new Map<string, { row: number; rowSpan: number; col: number; span: number; parts: { line: number; chunk: Chunk }[] }>();
  rows.forEach((chunks, line) => chunks.forEach((c) => {
    const row = line, rowSpan = 1;
    const c0 = colOf(c.x0 + 0.5), c1 = colOf(c.x1 - 0.5);
    const key = `${row}:${c0}`;
    const slot = slots.get(key) ?? slots.set(key, { row, rowSpan, col: c0, span: 1, parts: [] }).get(key)!;
    slot.parts.push({ line, chunk: c });
    slot.span = Math.max(slot.span, c1 - c0 + 1);
  }));
  const cells: FoundCell[] = [...slots.values()].map(({ row, rowSpan, col, span, parts }) => {
    const byLine = new Map<number, Chunk[]>();
    for (const p of parts) byLine.set(p.line, [...(byLine.get(p.line) ?? []), p.chunk]);
    const text = joinWrappedLines([...byLine.keys()].sort((a, b) => a - b).map((l) => joinWords(byLine.get(l)!)));
    return { row, col, rowSpan, colSpan: span, text, page, bbox: unionBox(parts.map((p) => p.chunk)) };
  }).sort((a, b) => a.row - b.row || a.col - b.col);
  const nRows = rows.length;
  // A chunk that runs past a border into a slot where its line has a cell of its own stops short of it
  // (a long label over the first column of figures: Other backward class beside 71.4).
  stopSpansAtCells(cells);
  // Chunks that overlap a neighbour's slot would double-fill it: keep the first.
  const taken = new Set<string>();
  const kept = cells.filter((c) => {
    const slotsOf = [];
    for (let r = c.row; r < c.row + c.rowSpan; r++) for (let k = c.col; k < c.col + c.colSpan; k++) slotsOf.push(`${r}:${k}`);
    if (slotsOf.some((k) => taken.has(k))) return false;
    for (const k of slotsOf) taken.add(k);
    return true;
  });
  const box = unionBox(lines);
  return { page, bbox: box, xs, ys: [box.y0, box.y1], nRows, nCols: xs.length - 1, cells: kept, ruled: false };
}

/** Each cell's span cut short of the first slot of its row where another cell starts (in place). */
export function stopSpansAtCells(cells: FoundCell[]): void {
  const anchors = new Set(cells.map((c) => `${c.row}:${c.col}`));
  for (const c of cells) {
    for (let k = c.col + 1; k < c.col + c.colSpan; k++) if (anchors.has(`${c.row}:${k}`)) { c.colSpan = k - c.col; break; }
  }
}

/** Lines between two regions, at most, that may be section headings of one table. */
const MAX_SECTION_LINES = 2;
/** A vertical gap (font sizes) above which a heading does not join two regions. */
const MAX_SECTION_GAP = 4;

/**
 * Regions of one table parted by its section headings (Class A, Class B, Total for the Fund over
 * the same two columns of label and amount): two regions of Latin text with the same columns,
 * a line or two of one chunk between them, set close, are one table with the headings as rows.
 */
export function joinSections(lines: readonly LooseLine[], chunks: readonly Chunk[][], regions: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const r of regions) {
    const prev = out[out.length - 1];
    if (prev && sameTable(lines, chunks, prev, r)) prev[1] = r[1];
    else out.push([r[0], r[1]]);
  }
  return out;
}

function sameTable(lines: readonly LooseLine[], chunks: readonly Chunk[][], [s1, e1]: [number, number], [s2, e2]: [number, number]): boolean {
  if (s2 - e1 > MAX_SECTION_LINES || s2 < e1) return false;
  for (let i = e1; i < s2; i++) if (chunks[i]!.length !== 1) return false;
  for (let i = e1; i <= s2 && i > 0; i++) {
    const above = lines[i - 1]!, line = lines[i]!;
    if (line.y0 - above.y1 > MAX_SECTION_GAP * Math.max(above.size, line.size)) return false;
  }
  const text = [...chunks.slice(s1, e1), ...chunks.slice(s2, e2)].flat().map((c) => c.text).join("");
  if (isCjkText(text)) return false;
  const a = columnBorders(chunks.slice(s1, e1)), b = columnBorders(chunks.slice(s2, e2));
  const size = Math.max(lines[s1]!.size, lines[s2]!.size);
  return a.length === b.length && a.slice(1, -1).every((x, k) => Math.abs(x - b[k + 1]!) <= 2 * size);
}

/** Borderless tables among a page's loose lines; returns them and the lines left over. */
export function unruledTables(page: number, lines: readonly LooseLine[], settings: PdfSettings): { tables: PageTable[]; rest: LooseLine[] } {
  const chunks = lines.map((l) => chunksOfLine(l, settings));
  const tables: PageTable[] = [];
  const used = new Set<number>();
  for (const [s, e] of joinSections(lines, chunks, tableRegions(lines, chunks, settings.minTableRows))) {
    const t = regionToTable(page, lines.slice(s, e), chunks.slice(s, e));
    if (!t || isProse(t.cells.map((c) => c.text))) continue;
    tables.push(t);
    for (let i = s; i < e; i++) used.add(i);
  }
  return { tables, rest: lines.filter((_, i) => !used.has(i)) };
}

