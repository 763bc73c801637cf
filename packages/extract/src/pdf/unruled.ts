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
import { joinWords } from "./words.ts";

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

/** The table of one region: a row per line, each chunk in the columns it covers. */
export function regionToTable(page: number, lines: readonly LooseLine[], rows: readonly Chunk[][]): PageTable | null {
  const xs = columnBorders(rows);
  if (xs.length < 3) return null;
  const colOf = (x: number) => {
    let k = 0;
    while (k < xs.length - 2 && x >= xs[k + 1]!) k++;
    return k;
  };
  const cells: FoundCell[] = [];
  rows.forEach((chunks, row) => {
    const byCol = new Map<number, { span: number; parts: Chunk[] }>();
    for (const c of chunks) {
      const c0 = colOf(c.x0 + 0.5), c1 = colOf(c.x1 - 0.5);
      const slot = byCol.get(c0);
      if (slot) { slot.parts.push(c); slot.span = Math.max(slot.span, c1 - c0 + 1); }
      else byCol.set(c0, { span: c1 - c0 + 1, parts: [c] });
    }
    for (const [col, { span, parts }] of byCol) {
      const box = unionBox(parts);
      cells.push({ row, col, rowSpan: 1, colSpan: span, text: joinWords(parts), page, bbox: box });
    }
  });
  // Chunks that overlap a neighbour's slot would double-fill it: keep the first.
  const taken = new Set<string>();
  const kept = cells.filter((c) => {
    for (let k = c.col; k < c.col + c.colSpan; k++) if (taken.has(`${c.row}:${k}`)) return false;
    for (let k = c.col; k < c.col + c.colSpan; k++) taken.add(`${c.row}:${k}`);
    return true;
  });
  const box = unionBox(lines);
  return { page, bbox: box, xs, ys: [box.y0, box.y1], nRows: rows.length, nCols: xs.length - 1, cells: kept, ruled: false };
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

