/**
 * Borderless tables from text alignment, for pages without ruling lines.
 *
 * A line whose words fall into two or more chunks separated by wide gaps is a
 * candidate row; runs of candidate rows (with a few single-chunk lines among
 * them: wrapped cells, group labels) are table regions; columns are the
 * vertical strips of the region that (almost) no chunk covers.
 */
import { type Box, type Word, unionBox } from "./geometry.ts";
import type { LooseLine } from "./layout.ts";
import type { FoundCell, PageTable } from "./page-tables.ts";
import { isWide } from "./glyphs.ts";
import type { PdfSettings } from "./settings.ts";
import { joinWords, joinWrappedLines } from "./words.ts";

/** At most this many single-chunk lines in a row inside a region. */
const MAX_SINGLE_RUN = 2;
/** A vertical gap above this many font sizes ends a region. */
const MAX_ROW_GAP = 2.5;
/** Share of candidate rows allowed to cross a column gap (spanning headers). */
const CROSSING_SHARE = 0.1;
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

/** Splits a line's words into chunks (one cell's text on that line) at column-wide gaps. */
export function chunksOfLine(line: LooseLine, gaps: ChunkGaps): Chunk[] {
  const chunks: Chunk[] = [];
  let cur: Word[] = [];
  const flush = () => {
    if (cur.length) chunks.push({ ...unionBox(cur), text: joinWords(cur), words: cur, spaceBefore: true });
    cur = [];
  };
  for (const w of line.words) {
    const prev = cur[cur.length - 1];
    // Between two CJK characters any gap is a column gap; next to Latin, producers
    // widen the space between scripts (2024 年), so the Latin threshold holds.
    const cjk = prev && isWide(Array.from(prev.text).pop() ?? "") && isWide(Array.from(w.text)[0] ?? "");
    if (prev && w.x0 - prev.x1 > (cjk ? gaps.chunkGapCjk : gaps.chunkGap) * Math.min(w.size, prev.size)) flush();
    cur.push(w);
  }
  flush();
  return chunks;
}

/** Runs of lines that look like table rows: [start, end) indices into `lines`. */
export function tableRegions(lines: readonly LooseLine[], chunks: readonly Chunk[][], minRows: number): [number, number][] {
  const regions: [number, number][] = [];
  let start = -1, lastMulti = -1, multiCount = 0;
  const close = () => {
    if (start >= 0 && multiCount >= minRows) regions.push([start, lastMulti + 1]);
    start = -1; lastMulti = -1; multiCount = 0;
  };
  for (let i = 0; i < lines.length; i++) {
    const multi = chunks[i]!.length >= 2;
    if (start >= 0) {
      const prev = lines[i - 1]!;
      const gapTooBig = lines[i]!.y0 - prev.y1 > MAX_ROW_GAP * Math.max(prev.size, lines[i]!.size);
      if (gapTooBig || (!multi && i - lastMulti > MAX_SINGLE_RUN)) close();
    }
    if (multi) {
      if (start < 0) start = i;
      lastMulti = i;
      multiCount++;
    }
  }
  close();
  return regions;
}

/** Column borders of a region: the middles of the x-strips that no more than a few chunks cover. */
export function columnBorders(rows: readonly Chunk[][]): number[] {
  const all = rows.flat();
  const x0 = Math.floor(Math.min(...all.map((c) => c.x0))), x1 = Math.ceil(Math.max(...all.map((c) => c.x1)));
  const cover = new Uint16Array(x1 - x0 + 1);
  const multiRows = rows.filter((r) => r.length >= 2);
  for (const r of multiRows) for (const c of r) for (let x = Math.floor(c.x0); x < Math.ceil(c.x1); x++) cover[x - x0]!++;
  // A caption or a spanning header may cross a column gap; one such line never closes it.
  const allowed = Math.max(1, Math.floor(multiRows.length * CROSSING_SHARE));
  const borders = [x0];
  let gapStart = -1;
  for (let i = 0; i < cover.length; i++) {
    const free = cover[i]! <= allowed;
    if (free && gapStart < 0) gapStart = i;
    if (!free && gapStart >= 0) {
      if (i - gapStart >= MIN_COLUMN_GAP && gapStart > 0) borders.push(x0 + (gapStart + i) / 2);
      gapStart = -1;
    }
  }
  borders.push(x1);
  return borders;
}

/** Vertical gap (font sizes) below which a chunk continues the one above it in its column, in CJK tables. */
const WRAP_GAP = 0.6;
/** Share of CJK characters from which a region is read as a CJK table. */
const CJK_SHARE = 0.5;

/**
 * Row of each chunk. A line is a row, except in CJK tables, whose cells wrap:
 * there a chunk close below another in its column continues that cell, and
 * the cell blocks are laid on rows (a one-line cell centred beside a
 * three-line one shares their row; a label beside several rows spans them).
 */
export function chunkRows(rows: readonly Chunk[][], colOf: (x: number) => number): { row: number; rowSpan: number }[][] {
  const text = rows.flat().map((c) => c.text).join("");
  const chars = Array.from(text.replace(/\s/g, ""));
  if (chars.filter(isWide).length < CJK_SHARE * chars.length) return rows.map((chunks, i) => chunks.map(() => ({ row: i, rowSpan: 1 })));
  type Item = { line: number; j: number; col: number; chunk: Chunk; block: number };
  const items: Item[] = rows.flatMap((chunks, line) => chunks.map((chunk, j) => ({ line, j, col: colOf(chunk.x0 + 0.5), chunk, block: -1 })));
  const blocks: { y0: number; y1: number }[] = [];
  const byCol = new Map<number, Item[]>();
  for (const it of items) byCol.set(it.col, [...(byCol.get(it.col) ?? []), it]);
  for (const list of byCol.values()) {
    list.sort((a, b) => a.chunk.y0 - b.chunk.y0);
    let prev: Item | undefined;
    for (const it of list) {
      const size = Math.min(...it.chunk.words.map((w) => w.size));
      if (prev && it.chunk.y0 - prev.chunk.y1 <= WRAP_GAP * size) {
        it.block = prev.block;
        const b = blocks[it.block]!;
        b.y1 = Math.max(b.y1, it.chunk.y1);
      } else {
        it.block = blocks.push({ y0: it.chunk.y0, y1: it.chunk.y1 }) - 1;
      }
      prev = it;
    }
  }
  // Rows come from the smallest blocks first: a block overlapping no row yet
  // starts one; a taller block (a label merged over several rows) spans the
  // rows it overlaps.
  const rowsFound: { y0: number; y1: number }[] = [];
  const overlaps = (a: { y0: number; y1: number }, b: { y0: number; y1: number }) => a.y0 < b.y1 && b.y0 < a.y1;
  for (const b of [...blocks].sort((p, q) => p.y1 - p.y0 - (q.y1 - q.y0))) {
    if (!rowsFound.some((r) => overlaps(r, b))) rowsFound.push({ ...b });
  }
  rowsFound.sort((a, b) => a.y0 - b.y0);
  const span = blocks.map((b) => {
    const hit = rowsFound.map((r, i) => (overlaps(r, b) ? i : -1)).filter((i) => i >= 0);
    return { row: hit[0] ?? 0, rowSpan: Math.max(1, hit.length) };
  });
  const out = rows.map((chunks) => chunks.map(() => ({ row: 0, rowSpan: 1 })));
  for (const it of items) out[it.line]![it.j] = span[it.block]!;
  return out;
}

/** The table of one region: a row per line, each chunk in the columns it covers. */
export function regionToTable(page: number, lines: readonly LooseLine[], rows: readonly Chunk[][]): PageTable | null {
  const xs = columnBorders(rows);
  if (xs.length < 3) return null;
  const colOf = (x: number) => {
    let k = 0;
    while (k < xs.length - 2 && x >= xs[k + 1]!) k++;
    return k;
  };
  const rowOf = chunkRows(rows, colOf);
  const slots = new Map<string, { row: number; rowSpan: number; col: number; span: number; parts: { line: number; chunk: Chunk }[] }>();
  rows.forEach((chunks, line) => chunks.forEach((c, j) => {
    const { row, rowSpan } = rowOf[line]![j]!;
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
  const nRows = Math.max(...rowOf.flat().map((r) => r.row + r.rowSpan));
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

/** Borderless tables among a page's loose lines; returns them and the lines left over. */
export function unruledTables(page: number, lines: readonly LooseLine[], settings: PdfSettings): { tables: PageTable[]; rest: LooseLine[] } {
  const chunks = lines.map((l) => chunksOfLine(l, settings));
  const tables: PageTable[] = [];
  const used = new Set<number>();
  for (const [s, e] of tableRegions(lines, chunks, settings.minTableRows)) {
    const t = regionToTable(page, lines.slice(s, e), chunks.slice(s, e));
    if (!t) continue;
    tables.push(t);
    for (let i = s; i < e; i++) used.add(i);
  }
  return { tables, rest: lines.filter((_, i) => !used.has(i)) };
}

