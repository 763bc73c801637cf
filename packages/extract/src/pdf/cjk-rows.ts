/**
 * Rows of a borderless CJK form from its cell blocks.
 *
 * A cell whose text wraps is a block of lines close together in one column.
 * The cells of a row are centred on one height whatever their line count, so
 * blocks sharing a centre are a row. A label merged over several rows
 * (绩效指标, 产出指标, 数量) is centred on the middle of the rows it spans (or sits
 * at their top), touching rows it does not belong to; it is placed last, over
 * the empty cells of its column, on the span of rows whose middle is its
 * centre. A form reads labels downwards, so the span's first row is what
 * counts: the label comes before the rows it heads.
 */
import type { Chunk } from "./unruled.ts";
import { joinWords, joinWrappedLines } from "./words.ts";

/** Vertical gap (font sizes) up to which a chunk continues the one above it in its column. */
export const WRAP_GAP = 0.6;
/** Blocks whose centres differ by at most this many font sizes sit on one row. */
export const CENTRE_TOLERANCE = 0.35;
/** Blocks of two rows keep at least this gap (font sizes); a block closer to a row than that spans rows. */
export const ROW_SEPARATION = 0.2;
/** Spans whose middles miss the label's centre by this many font sizes more than the best one are as good: the longest wins. */
export const SPAN_TIE = 0.25;
/** A row of at least this many cells pushes a taller crowding block out of its neighbour row. */
export const MIN_CELLS_TO_EVICT = 3;
/** A leading column with cells on fewer than this share of the rows is a label column (绩效指标, 一级指标, 二级指标). */
export const LABEL_COLUMN_FILL = 0.5;
/** Columns looked at for labels (bounds the scan on hostile input). */
const MAX_COLUMNS = 64;
/** A merged label spans at most this many rows (bounds the search on long tables). */
export const MAX_LABEL_SPAN = 120;

export interface PlacedChunk {
  line: number;
  chunk: Chunk;
  col: number;
  colEnd: number;
}

export interface CellBlock {
  col: number;
  colEnd: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  size: number;
  parts: PlacedChunk[];
}

const centre = (b: { y0: number; y1: number }) => (b.y0 + b.y1) / 2;
const sizeOf = (c: Chunk) => Math.min(...c.words.map((w) => w.size));

/** Chunks of one column that follow each other closely are one cell's lines. */
export function cellBlocks(chunks: readonly PlacedChunk[]): CellBlock[] {
  const byCol = new Map<number, PlacedChunk[]>();
  for (const p of chunks) {
    const list = byCol.get(p.col);
    if (list) list.push(p);
    else byCol.set(p.col, [p]);
  }
  const blocks: CellBlock[] = [];
  for (const list of byCol.values()) {
    list.sort((a, b) => a.chunk.y0 - b.chunk.y0 || a.chunk.x0 - b.chunk.x0);
    let cur: CellBlock | undefined;
    for (const p of list) {
      const size = sizeOf(p.chunk);
      const below = cur && p.chunk.y0 - cur.y1 <= WRAP_GAP * Math.min(size, cur.size);
      if (cur && below && p.chunk.x0 < cur.x1 && cur.x0 < p.chunk.x1) {
        cur.parts.push(p);
        cur.colEnd = Math.max(cur.colEnd, p.colEnd);
        cur.x0 = Math.min(cur.x0, p.chunk.x0);
        cur.x1 = Math.max(cur.x1, p.chunk.x1);
        cur.y1 = Math.max(cur.y1, p.chunk.y1);
      } else {
        cur = { col: p.col, colEnd: p.colEnd, x0: p.chunk.x0, x1: p.chunk.x1, y0: p.chunk.y0, y1: p.chunk.y1, size, parts: [p] };
        blocks.push(cur);
      }
    }
  }
  return blocks;
}

/** A block's text: its lines top to bottom, chunks of a line left to right, wrapped lines joined. */
export function blockText(b: CellBlock): string {
  const byLine = new Map<number, Chunk[]>();
  for (const p of b.parts) {
    const list = byLine.get(p.line);
    if (list) list.push(p.chunk);
    else byLine.set(p.line, [p.chunk]);
  }
  return joinWrappedLines(
    [...byLine.keys()].sort((x, y) => x - y).map((l) => joinWords(byLine.get(l)!.sort((x, y) => x.x0 - y.x0).flatMap((c) => c.words))),
  );
}

export interface RowBand {
  y0: number;
  y1: number;
}

export interface BlockPlace {
  row: number;
  rowSpan: number;
}

type Band = RowBand & { members: number[] };

/** Blocks grouped by centre, top to bottom. */
function centreGroups(blocks: readonly CellBlock[], order: readonly number[]): number[][] {
  const groups: number[][] = [];
  for (const i of order) {
    const g = groups[groups.length - 1];
    const b = blocks[i]!;
    if (g && centre(b) - centre(blocks[g[0]!]!) <= CENTRE_TOLERANCE * b.size) g.push(i);
    else groups.push([i]);
  }
  return groups;
}

/**
 * Rows from the groups of blocks sharing a centre, larger groups first (a row
 * of five cells outranks the two labels at its top); a group whose blocks
 * crowd a row taken already is no row. Blocks of label columns neither make a
 * group a row nor keep it from being one; a group of labels only is a row if
 * it crowds nothing (绩效结论 优). Returns the rows without their labels.
 */
function layRows(blocks: readonly CellBlock[], groups: readonly number[][], isLabel: (i: number) => boolean): Band[] {
  const crowds = (a: CellBlock, b: CellBlock) => {
    const gap = ROW_SEPARATION * Math.min(a.size, b.size);
    return a.y0 < b.y1 + gap && b.y0 < a.y1 + gap;
  };
  const height = (i: number) => blocks[i]!.y1 - blocks[i]!.y0;
  const rowOfBlock = new Map<number, number[]>();
  const accepted: number[][] = [];
  const take = (members: number[], evictable: (crowded: number[]) => boolean) => {
    const crowded = [...rowOfBlock.keys()].filter((a) => members.some((i) => crowds(blocks[a]!, blocks[i]!)));
    if (crowded.length && !evictable(crowded)) return;
    for (const a of crowded) {
      const row = rowOfBlock.get(a)!;
      row.splice(row.indexOf(a), 1);
      rowOfBlock.delete(a);
    }
    accepted.push(members);
    for (const i of members) rowOfBlock.set(i, members);
  };
  const bySize = (a: number[], b: number[]) => b.length - a.length || centre(blocks[a[0]!]!) - centre(blocks[b[0]!]!);
  const cores = groups.map((g) => g.filter((i) => !isLabel(i))).filter((g) => g.length > 0).sort(bySize);
  for (const g of cores) {
    // A row of several cells beats a taller block that joined a neighbouring
    // row only because it was centred near it (项目资金(万元) beside 财政拨款): that
    // block spans rows and is placed with the labels.
    const tallest = Math.max(...g.map(height));
    take(g, (crowded) => g.length >= MIN_CELLS_TO_EVICT &&
      crowded.every((a) => rowOfBlock.get(a)!.length >= 2 && height(a) > tallest + WRAP_GAP * blocks[a]!.size));
  }
  for (const g of groups.filter((g) => g.every(isLabel)).sort(bySize)) take(g, () => false);
  return accepted
    .filter((g) => g.length > 0)
    .map((g) => ({ y0: Math.min(...g.map((i) => blocks[i]!.y0)), y1: Math.max(...g.map((i) => blocks[i]!.y1)), members: g }))
    .sort((a, b) => a.y0 - b.y0);
}

/**
 * Leading columns where most rows are empty: they hold labels merged over
 * several rows (绩效指标, 一级指标, 二级指标).
 */
function labelColumns(blocks: readonly CellBlock[], rows: readonly Band[]): number {
  const rowsFilled = (c: number) => rows.filter((r) => r.members.some((i) => blocks[i]!.col <= c && c <= blocks[i]!.colEnd)).length;
  let n = 0;
  while (n < MAX_COLUMNS && rowsFilled(n) > 0 && rowsFilled(n) < LABEL_COLUMN_FILL * rows.length) n++;
  return n;
}

/**
 * Rows of the blocks, top to bottom, and each block's row and row span. Rows
 * are read twice: the first reading shows which leading columns hold labels;
 * the second leaves those out of the rows, since a label centred over an odd
 * number of equal rows shares the middle row's centre, and a tall one crowds
 * the rows beside it. Labels, and blocks that touch rows they do not belong
 * to, are then placed over the empty cells of their columns (labelSpan).
 */
export function placeBlocks(blocks: readonly CellBlock[]): { rows: RowBand[]; place: BlockPlace[] } {
  const order = blocks.map((_, i) => i).sort((a, b) => centre(blocks[a]!) - centre(blocks[b]!));
  const groups = centreGroups(blocks, order);
  const first = layRows(blocks, groups, () => false);
  const labelCols = labelColumns(blocks, first);
  const rows = labelCols === 0 ? first : layRows(blocks, groups, (i) => blocks[i]!.colEnd < labelCols);
  const place: BlockPlace[] = blocks.map(() => ({ row: -1, rowSpan: 1 }));
  const filled = new Set<string>();
  const fill = (row: number, b: CellBlock) => {
    for (let c = b.col; c <= b.colEnd; c++) filled.add(`${row}:${c}`);
  };
  rows.forEach((r, k) => r.members.forEach((i) => { place[i] = { row: k, rowSpan: 1 }; fill(k, blocks[i]!); }));
  // A label's rows stop short of the centre of the next label in its column
  // (and of the one before): each heads the rows around its own centre.
  const pending = new Set(order.filter((i) => place[i]!.row < 0));
  const sameColumn = (a: CellBlock, b: CellBlock) => a.col <= b.colEnd && b.col <= a.colEnd;
  const beyondAnother = (b: CellBlock, r: RowBand) => {
    const c = centre(b);
    for (const j of pending) {
      const other = blocks[j]!;
      if (other === b || !sameColumn(b, other)) continue;
      const m = centre(other);
      if ((m > c && r.y1 > m) || (m < c && r.y0 < m)) return true;
    }
    return false;
  };
  for (const i of order.filter((i) => place[i]!.row < 0)) {
    const b = blocks[i]!;
    pending.delete(i);
    place[i] = labelSpan(b, rows, (r) => {
      if (beyondAnother(b, rows[r]!)) return true;
      for (let c = b.col; c <= b.colEnd; c++) if (filled.has(`${r}:${c}`)) return true;
      return false;
    });
    for (let r = place[i]!.row; r < place[i]!.row + place[i]!.rowSpan; r++) fill(r, b);
  }
  return { rows: rows.map(({ y0, y1 }) => ({ y0, y1 })), place };
}

/**
 * The rows a merged label spans: among the runs of rows empty in its columns
 * around it, the one whose middle is nearest its centre (the longest of the
 * nearly as near ones).
 */
export function labelSpan(b: CellBlock, rows: readonly RowBand[], filled: (row: number) => boolean): BlockPlace {
  const c = centre(b);
  if (rows.length === 0) return { row: 0, rowSpan: 1 };
  let nearest = 0;
  rows.forEach((r, k) => { if (Math.abs(centre(r) - c) < Math.abs(centre(rows[nearest]!) - c)) nearest = k; });
  if (filled(nearest)) {
    // The label touches a row whose cell in its column is taken: it heads the empty row beside it, if any.
    const beside = [nearest + 1, nearest - 1].filter((k) => k >= 0 && k < rows.length && !filled(k));
    if (beside.length === 0) return { row: nearest, rowSpan: 1 };
    nearest = beside.sort((p, q) => Math.abs(centre(rows[p]!) - c) - Math.abs(centre(rows[q]!) - c))[0]!;
  }
  let first = nearest, last = nearest;
  while (first > 0 && !filled(first - 1) && nearest - first < MAX_LABEL_SPAN) first--;
  while (last < rows.length - 1 && !filled(last + 1) && last - nearest < MAX_LABEL_SPAN) last++;
  const candidates: { err: number; t: number; u: number }[] = [];
  for (let t = first; t <= nearest; t++) {
    for (let u = nearest; u <= last; u++) candidates.push({ err: Math.abs(c - (rows[t]!.y0 + rows[u]!.y1) / 2), t, u });
  }
  const minErr = Math.min(...candidates.map((k) => k.err));
  const good = candidates.filter((k) => k.err <= minErr + SPAN_TIE * b.size);
  const best = good.reduce((p, q) => (q.u - q.t > p.u - p.t ? q : p));
  return { row: best.t, rowSpan: best.u - best.t + 1 };
}
