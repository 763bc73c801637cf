/**
 * A page's ruled tables with their text: edges → merged edges →
 * intersections → cells → tables → grid slots → glyphs assigned by their
 * centre. Glyphs outside every table are handed back for narrative text and
 * borderless tables.
 */
import { type Box, type CellBox, type Edge, type Glyph, centreX, centreY, unionBox } from "./geometry.ts";
import { cellsToGrid, closeOpenEnds, closeOpenSides, cellsToTables, enclosedTables, edgesToIntersections, intersectionsToCells, mergeEdges } from "./lattice.ts";
import type { PdfSettings } from "./settings.ts";
import { type CellPiece, pieceLines, splitAcrossColumns, splitAtHeights, stackedLineBorders, textGapBorders } from "./stacked-cells.ts";
import { textOfLines } from "./words.ts";

export interface FoundCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
  page: number;
  bbox: Box;
  /** Where the cell's text sits and its font size: tells a cell cut by a page break from a finished one. */
  textBox?: Box;
  textSize?: number;
  /** Right end of the text's last line: a full last line means the text may go on. */
  lastLineEnd?: number;
}

/** A table found on one page, before tables continued across pages are joined. */
export interface PageTable {
  page: number;
  bbox: Box;
  /** Column and row borders (display x and y). */
  xs: number[];
  ys: number[];
  nRows: number;
  nCols: number;
  cells: FoundCell[];
  ruled: boolean;
}

/** Index of the interval of sorted `borders` that holds `v`, or -1. */
export function intervalIndex(borders: readonly number[], v: number): number {
  if (v < borders[0]! || v > borders[borders.length - 1]!) return -1;
  let lo = 0, hi = borders.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (borders[mid]! <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Puts each glyph into the cell whose box holds its centre; returns the glyphs no cell took. */
export function assignGlyphsToCells(table: PageTable, glyphs: readonly Glyph[], settings: PdfSettings): Glyph[] {
  const owner: (number | undefined)[][] = Array.from({ length: table.nRows }, () => new Array(table.nCols));
  table.cells.forEach((c, i) => {
    for (let r = c.row; r < c.row + c.rowSpan; r++) for (let k = c.col; k < c.col + c.colSpan; k++) owner[r]![k] = i;
  });
  const inCell: Glyph[][] = table.cells.map(() => []);
  const rest: Glyph[] = [];
  for (const g of glyphs) {
    const r = intervalIndex(table.ys, centreY(g));
    const k = intervalIndex(table.xs, centreX(g));
    const i = r >= 0 && k >= 0 ? owner[r]?.[k] : undefined;
    if (i === undefined) rest.push(g);
    else inCell[i]!.push(g);
  }
  refineGrid(table, table.cells.map((c, i) => ({ box: c.bbox, glyphs: inCell[i]! })), settings);
  return rest;
}

/** Index of the sorted border nearest to `v` (the first of equals, and the lower one on a tie). */
export function nearestIndex(borders: readonly number[], v: number): number {
  let lo = 0, hi = borders.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (borders[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  // borders[lo] is the first border >= v; the one before it is the nearest below.
  let best = lo >= borders.length || (lo > 0 && Math.abs(borders[lo - 1]! - v) <= Math.abs(borders[lo]! - v)) ? lo - 1 : lo;
  while (best > 0 && borders[best - 1] === borders[best]) best--;
  return Math.max(0, best);
}

/**
 * Rebuilds the table's cells from its pieces after splitting cells that were
 * ruled only in part (stacked-cells.ts), then sets each cell's text.
 */
function refineGrid(table: PageTable, pieces: CellPiece[], settings: PdfSettings): void {
  const gaps = textGapBorders(pieces, table.xs, settings);
  if (gaps.length) {
    table.xs = [...table.xs, ...gaps].sort((a, b) => a - b);
    table.nCols = table.xs.length - 1;
  }
  const split = pieces.flatMap((p) => splitAcrossColumns(p, table.xs, settings));
  // Pieces exactly one row high, by their row: the candidates for a row split.
  const rowOf = new Map(table.ys.slice(0, -1).map((y, r) => [y, r]));
  const bands: CellPiece[][] = table.ys.slice(1).map(() => []);
  for (const p of split) {
    const r = rowOf.get(p.box.y0);
    if (r !== undefined && p.box.y1 === table.ys[r + 1]) bands[r]!.push(p);
  }
  const splitAt = new Map<CellPiece, number[]>();
  const extraYs: number[] = [];
  for (const band of bands) {
    const borders = stackedLineBorders(band, settings);
    if (!borders) continue;
    extraYs.push(...borders);
    for (const p of band) splitAt.set(p, borders);
  }
  const out = split.flatMap((p) => {
    const borders = splitAt.get(p);
    return borders ? splitAtHeights(p, borders) : [p];
  });
  const ys = [...table.ys, ...extraYs].sort((a, b) => a - b);
  table.ys = ys;
  table.nRows = ys.length - 1;
  table.cells = out.map((p) => {
    const row = nearestIndex(ys, p.box.y0), col = nearestIndex(table.xs, p.box.x0);
    const lines = pieceLines(p, settings);
    const cell: FoundCell = {
      row, col,
      rowSpan: Math.max(1, nearestIndex(ys, p.box.y1) - row),
      colSpan: Math.max(1, nearestIndex(table.xs, p.box.x1) - col),
      text: textOfLines(lines, settings.wordGap),
      page: table.page,
      bbox: p.box,
    };
    if (p.glyphs.length) {
      cell.textBox = unionBox(p.glyphs);
      cell.textSize = Math.max(...p.glyphs.map((g) => g.size));
      cell.lastLineEnd = lines[lines.length - 1]?.x1;
    }
    return cell;
  }).sort((a, b) => a.row - b.row || a.col - b.col);
}

/** A grid of ruled cells nested in another is a table if at least this share of its cells hold text; a chart's gridlines hold almost none. */
const MIN_NESTED_FILL = 0.5;

/** An empty table over a group of ruled cells. */
function gridTable(page: number, group: readonly CellBox[]): PageTable {
  const { slots, xs, ys } = cellsToGrid(group);
  return {
    page,
    bbox: unionBox(group),
    xs,
    ys,
    nRows: ys.length - 1,
    nCols: xs.length - 1,
    cells: slots.map((s) => ({ row: s.row, col: s.col, rowSpan: s.rowSpan, colSpan: s.colSpan, text: "", page, bbox: { x0: s.x0, y0: s.y0, x1: s.x1, y1: s.y1 } })),
    ruled: true,
  };
}

/**
 * Ruled tables of one page, cells filled; tables without any text are dropped
 * (decorative boxes). Nested rulings yield the innermost real grid: tables are
 * filled innermost first, and a table enclosing one that was kept is a page
 * frame or a layout grid, whose text is read as text around the table. A
 * nested grid that is mostly empty (a chart's gridlines inside its frame) is
 * left to the table around it.
 */
export function ruledTables(page: number, glyphs: readonly Glyph[], rawEdges: readonly Edge[], settings: PdfSettings): { tables: PageTable[]; rest: Glyph[]; edges: Edge[] } {
  const merged = mergeEdges(rawEdges, settings.snapTolerance, settings.joinTolerance, settings.edgeMinLength);
  const closed = closeOpenSides(closeOpenEnds(merged, settings.snapTolerance), settings.snapTolerance);
  const edges = mergeEdges(closed, settings.snapTolerance, settings.joinTolerance, settings.edgeMinLength);
  const cells = intersectionsToCells(edgesToIntersections(edges, settings.intersectionTolerance));
  const groups = cellsToTables(cells);
  const inside = enclosedTables(groups);
  const nested = new Set(inside.flat());
  const order = groups.map((_, i) => i).sort((a, b) => inside[a]!.length - inside[b]!.length || a - b);
  const kept = new Set<number>();
  let rest: Glyph[] = [...glyphs];
  const tables: PageTable[] = [];
  for (const i of order) {
    if (inside[i]!.some((j) => kept.has(j))) continue;
    const table = gridTable(page, groups[i]!);
    const left = assignGlyphsToCells(table, rest, settings);
    if (left.length === rest.length) continue;
    if (nested.has(i) && table.cells.filter((c) => c.text.trim()).length < MIN_NESTED_FILL * table.cells.length) continue;
    rest = left;
    tables.push(table);
    kept.add(i);
  }
  return { tables, rest, edges };
}
