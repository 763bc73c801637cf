/**
 * Row labels printed left of a ruled grid. Election returns and statistical
 * tables often rule only the figures and set each row's name in the margin
 * beside its row (Alcona, Caledonia, … left of the vote counts): the names
 * are the table's first column, not lines of text around it. Lines wholly
 * left of a ruled table, close to it, one in each of several of its rows,
 * starting at one x, become a column in front of the table.
 */
import { centreY, unionBox } from "./geometry.ts";
import type { LooseLine } from "./layout.ts";
import type { FoundCell, PageTable } from "./page-tables.ts";

/** Row labels needed at least, and their share of the table's rows. */
const MIN_LABELS = 3;
const LABEL_SHARE = 0.5;
/** Font sizes between a label's end and the grid at most. */
const MAX_LABEL_GAP = 8;
/** A figure (an axis tick: 950, 12.5%). */
const FIGURE = /^[-+(]?[\d.,]+%?\)?$/;
/** Line heights above or below the grid within which a line at the labels' start is their text running on. */
const PROSE_REACH = 1.5;
/** Labels start within this (pt) of one another. */
const START_TOLERANCE = 2;

/** The tables, each with the row labels printed left of it as its first column, and the lines left over. */
export function adoptRowLabels(tables: readonly PageTable[], lines: readonly LooseLine[]): { tables: PageTable[]; lines: LooseLine[] } {
  const taken = new Set<LooseLine>();
  const out = tables.map((t) => {
    if (!t.ruled || t.nRows < MIN_LABELS) return t;
    const rowOf = (l: LooseLine) => {
      const y = centreY(l);
      for (let r = 0; r < t.nRows; r++) if (y > t.ys[r]! && y < t.ys[r + 1]!) return r;
      return -1;
    };
    const beside = lines.filter((l) => !taken.has(l) && l.x1 <= t.bbox.x0 + 0.5 && t.bbox.x0 - l.x1 <= MAX_LABEL_GAP * l.size && rowOf(l) >= 0);
    // The labels start at one x: the commonest start among the lines beside the grid.
    const start = beside.map((l) => l.x0).sort((a, b) => beside.filter((l) => Math.abs(l.x0 - b) <= START_TOLERANCE).length - beside.filter((l) => Math.abs(l.x0 - a) <= START_TOLERANCE).length)[0];
    const labels = start === undefined ? [] : beside.filter((l) => Math.abs(l.x0 - start) <= START_TOLERANCE);
    const rows = new Map<number, LooseLine>();
    for (const l of labels) {
      const r = rowOf(l);
      if (rows.has(r)) return t; // two lines in one row: prose or a wrapped note, not row labels
      rows.set(r, l);
    }
    if (rows.size < MIN_LABELS || rows.size < LABEL_SHARE * t.nRows) return t;
    // Figures beside gridlines are a chart's axis, not names of rows.
    if ([...rows.values()].filter((l) => FIGURE.test(l.text.trim())).length > rows.size / 2) return t;
    // A column of text that runs on above or below the grid is prose beside it (a two-column page).
    const height = Math.max(...labels.map((l) => l.y1 - l.y0));
    const runsOn = lines.some((l) => !labels.includes(l) && Math.abs(l.x0 - start!) <= START_TOLERANCE &&
      ((l.y1 <= t.bbox.y0 + 0.5 && t.bbox.y0 - l.y1 <= PROSE_REACH * height) || (l.y0 >= t.bbox.y1 - 0.5 && l.y0 - t.bbox.y1 <= PROSE_REACH * height)));
    if (runsOn) return t;
    for (const l of rows.values()) taken.add(l);
    const x0 = Math.min(...[...rows.values()].map((l) => l.x0)) - 0.5;
    const shifted: FoundCell[] = t.cells.map((c) => ({ ...c, col: c.col + 1 }));
    // (A row without a label gets an empty cell: the grid stays whole.)
    const added: FoundCell[] = [...Array(t.nRows).keys()].map((row) => ({
      row, col: 0, rowSpan: 1, colSpan: 1, text: rows.get(row)?.text ?? "", page: t.page,
      bbox: { x0, y0: t.ys[row]!, x1: t.xs[0]!, y1: t.ys[row + 1]! },
    }));
    const cells = [...shifted, ...added].sort((a, b) => a.row - b.row || a.col - b.col);
    return { ...t, xs: [x0, ...t.xs], nCols: t.nCols + 1, cells, bbox: unionBox([t.bbox, ...rows.values()]) };
  });
  return { tables: out, lines: lines.filter((l) => !taken.has(l)) };
}
