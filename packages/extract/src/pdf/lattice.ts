/**
 * The ruled-table finder, step by step as in pdfplumber's table.py: edges are
 * snapped onto shared lines, collinear pieces joined, crossings found, the
 * smallest rectangles bounded by edges become cells, cells that share corners
 * become tables. Each step is a pure function of plain data.
 */
import type { Edge, Point, CellBox, Box } from "./geometry.ts";

/** Groups sorted values into runs whose neighbours differ by at most `tolerance`. */
export function clusterValues(values: readonly number[], tolerance: number): number[][] {
  const sorted = [...values].sort((a, b) => a - b);
  const clusters: number[][] = [];
  for (const v of sorted) {
    const last = clusters[clusters.length - 1];
    if (last && v - last[last.length - 1]! <= tolerance) last.push(v);
    else clusters.push([v]);
  }
  return clusters;
}

/** Moves edges of one orientation whose positions lie within `tolerance` onto their mean position. */
export function snapEdges(edges: readonly Edge[], tolerance: number): Edge[] {
  const out: Edge[] = [];
  for (const orientation of ["h", "v"] as const) {
    const group = edges.filter((e) => e.orientation === orientation);
    const clusters = clusterValues(group.map((e) => e.at), tolerance);
    const snapTo = new Map<number, number>();
    for (const c of clusters) {
      const mean = c.reduce((a, b) => a + b, 0) / c.length;
      for (const v of c) snapTo.set(v, mean);
    }
    for (const e of group) out.push({ ...e, at: snapTo.get(e.at) ?? e.at });
  }
  return out;
}

/** Joins collinear edges (same orientation and position) that overlap or leave a gap of at most `tolerance`. */
export function joinEdgeGroup(edges: readonly Edge[], tolerance: number): Edge[] {
  const sorted = [...edges].sort((a, b) => a.from - b.from);
  const joined: Edge[] = [];
  for (const e of sorted) {
    const last = joined[joined.length - 1];
    if (last && e.from <= last.to + tolerance) last.to = Math.max(last.to, e.to);
    else joined.push({ ...e });
  }
  return joined;
}

/** Snap, then join each line's pieces, then drop what is too short to be a rule. */
export function mergeEdges(edges: readonly Edge[], snapTolerance: number, joinTolerance: number, minLength: number): Edge[] {
  const groups = new Map<string, Edge[]>();
  for (const e of snapEdges(edges, snapTolerance)) {
    const key = `${e.orientation}:${e.at}`;
    const g = groups.get(key);
    if (g) g.push(e);
    else groups.set(key, [e]);
  }
  const out: Edge[] = [];
  for (const g of groups.values()) out.push(...joinEdgeGroup(g, joinTolerance));
  return out.filter((e) => e.to - e.from >= minLength);
}

/**
 * Closes tables cut by a page break. Browsers draw no bottom border under a
 * row that continues on the next page (and no top border above its rest), so
 * the vertical borders there end in the air. Where two or more vertical edges
 * end at the same height, a horizontal edge is drawn between them; where a
 * border already exists it merges into it.
 */
export function closeOpenEnds(edges: readonly Edge[], tolerance: number): Edge[] {
  const verticals = edges.filter((e) => e.orientation === "v");
  const added: Edge[] = [];
  for (const end of ["from", "to"] as const) {
    const values = verticals.map((e) => e[end]);
    for (const cluster of clusterValues(values, tolerance)) {
      if (cluster.length < 2) continue;
      const lo = cluster[0]!, hi = cluster[cluster.length - 1]!;
      const xs = verticals.filter((e) => e[end] >= lo && e[end] <= hi).map((e) => e.at);
      const from = Math.min(...xs), to = Math.max(...xs);
      if (to > from) added.push({ orientation: "h", at: cluster.reduce((a, b) => a + b, 0) / cluster.length, from, to });
    }
  }
  return [...edges, ...added];
}

/**
 * Closes the sides of a table ruled only inside. Many reports rule the rows
 * across the full width but draw vertical rules only between column groups,
 * none at the table's left and right: the row label column and the last
 * column then fall outside every cell. Where two or more horizontal rules that
 * cross a vertical one end at the same x with no vertical rule there, a
 * vertical edge is drawn between them, one for each block of rules that
 * vertical rules hold together (two such tables one above the other stay
 * two). Rules crossing no vertical (a table ruled by horizontal lines only)
 * are left to the borderless finder.
 */
export function closeOpenSides(edges: readonly Edge[], tolerance: number): Edge[] {
  const verticals = edges.filter((e) => e.orientation === "v");
  const meets = (x: number, y: number) => verticals.some((v) => Math.abs(v.at - x) <= tolerance && v.from <= y + tolerance && v.to >= y - tolerance);
  const crossed = edges.filter((h) => h.orientation === "h" && verticals.some((v) => v.at > h.from + tolerance && v.at < h.to - tolerance && v.from <= h.at + tolerance && v.to >= h.at - tolerance));
  const added: Edge[] = [];
  for (const end of ["from", "to"] as const) {
    const open = crossed.filter((h) => !meets(h[end], h.at));
    for (const cluster of clusterValues(open.map((h) => h[end]), tolerance)) {
      if (cluster.length < 2) continue;
      const lo = cluster[0]!, hi = cluster[cluster.length - 1]!;
      const ys = [...new Set(open.filter((h) => h[end] >= lo && h[end] <= hi).map((h) => h.at))].sort((a, b) => a - b);
      // One side per block of rules that vertical rules hold together: two tables one above the other,
      // their rules ending at the same x, keep the gap between them open.
      let first = 0;
      for (let k = 1; k <= ys.length; k++) {
        const joined = k < ys.length && verticals.some((v) => v.from <= ys[k - 1]! + tolerance && v.to >= ys[k]! - tolerance);
        if (joined) continue;
        if (k - 1 > first) added.push({ orientation: "v", at: end === "from" ? lo : hi, from: ys[first]!, to: ys[k - 1]! });
        first = k;
      }
    }
  }
  return [...edges, ...added];
}

/** A crossing of a vertical and a horizontal edge, with the indices of the edges through it. */
export interface Intersection extends Point {
  v: Set<number>;
  h: Set<number>;
}

/** Every point where a vertical edge meets a horizontal one (within `tolerance`), keyed "x,y". */
export function edgesToIntersections(edges: readonly Edge[], tolerance: number): Map<string, Intersection> {
  const out = new Map<string, Intersection>();
  const vs = edges.map((e, i) => ({ e, i })).filter((x) => x.e.orientation === "v").sort((a, b) => a.e.at - b.e.at);
  const hs = edges.map((e, i) => ({ e, i })).filter((x) => x.e.orientation === "h");
  for (const { e: h, i: hi } of hs) {
    for (const { e: v, i: vi } of vs) {
      if (v.at < h.from - tolerance) continue;
      if (v.at > h.to + tolerance) break;
      if (v.from <= h.at + tolerance && v.to >= h.at - tolerance) {
        const key = `${v.at},${h.at}`;
        let p = out.get(key);
        if (!p) out.set(key, (p = { x: v.at, y: h.at, v: new Set(), h: new Set() }));
        p.v.add(vi);
        p.h.add(hi);
      }
    }
  }
  return out;
}

const shareAny = (a: Set<number>, b: Set<number>) => {
  for (const x of a) if (b.has(x)) return true;
  return false;
};

/**
 * The smallest rectangles whose four corners are intersections joined by edges:
 * for each point, the nearest point below and to the right that close a box.
 * A merged cell is found whole because no edge runs through its inside.
 */
export function intersectionsToCells(intersections: Map<string, Intersection>): CellBox[] {
  const byX = new Map<number, Intersection[]>();
  const byY = new Map<number, Intersection[]>();
  for (const p of intersections.values()) {
    (byX.get(p.x) ?? byX.set(p.x, []).get(p.x)!).push(p);
    (byY.get(p.y) ?? byY.set(p.y, []).get(p.y)!).push(p);
  }
  for (const list of byX.values()) list.sort((a, b) => a.y - b.y);
  for (const list of byY.values()) list.sort((a, b) => a.x - b.x);
  const cells: CellBox[] = [];
  for (const p of intersections.values()) {
    const below = byX.get(p.x)!.filter((q) => q.y > p.y);
    const right = byY.get(p.y)!.filter((q) => q.x > p.x);
    search: for (const b of below) {
      if (!shareAny(p.v, b.v)) continue;
      for (const r of right) {
        if (!shareAny(p.h, r.h)) continue;
        const corner = intersections.get(`${r.x},${b.y}`);
        if (corner && shareAny(corner.v, r.v) && shareAny(corner.h, b.h)) {
          cells.push({ x0: p.x, y0: p.y, x1: r.x, y1: b.y });
          break search;
        }
      }
    }
  }
  return cells;
}

/** Groups cells that share a corner into tables; a lone cell is a box, not a table. */
export function cellsToTables(cells: readonly CellBox[]): CellBox[][] {
  const corners = (c: CellBox) => [`${c.x0},${c.y0}`, `${c.x1},${c.y0}`, `${c.x0},${c.y1}`, `${c.x1},${c.y1}`];
  // Union-find over cells through shared corners.
  const parent = cells.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const owner = new Map<string, number>();
  cells.forEach((c, i) => {
    for (const k of corners(c)) {
      const o = owner.get(k);
      if (o === undefined) owner.set(k, i);
      else parent[find(i)] = find(o);
    }
  });
  const groups = new Map<number, CellBox[]>();
  cells.forEach((c, i) => {
    const r = find(i);
    (groups.get(r) ?? groups.set(r, []).get(r)!).push(c);
  });
  return [...groups.values()]
    .filter((g) => g.length > 1)
    .map((g) => g.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0))
    .sort((a, b) => a[0]!.y0 - b[0]!.y0 || a[0]!.x0 - b[0]!.x0);
}

/** How far (pt) a table may stick out of another and still count as inside it. */
const ENCLOSE_SLACK = 1;

/**
 * For each table (a group of cells), the indices of the tables inside its
 * outline: a page frame or a layout grid holds the real table in one of its
 * boxes. A table encloses strictly more tables than any table inside it, so
 * ordering by that count puts the innermost first.
 */
export function enclosedTables(tables: readonly CellBox[][]): number[][] {
  const boxes = tables.map((cells) => ({
    x0: Math.min(...cells.map((c) => c.x0)), y0: Math.min(...cells.map((c) => c.y0)),
    x1: Math.max(...cells.map((c) => c.x1)), y1: Math.max(...cells.map((c) => c.y1)),
  }));
  const encloses = (a: Box, b: Box) => a !== b &&
    b.x0 >= a.x0 - ENCLOSE_SLACK && b.y0 >= a.y0 - ENCLOSE_SLACK && b.x1 <= a.x1 + ENCLOSE_SLACK && b.y1 <= a.y1 + ENCLOSE_SLACK;
  return boxes.map((a) => boxes.flatMap((b, j) => (encloses(a, b) ? [j] : [])));
}

/** A cell placed in its table's grid. */
export interface GridSlot extends Box {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

/**
 * Row and column of each cell from the table's distinct borders: a cell
 * crossing k column borders spans k+1 columns.
 */
export function cellsToGrid(cells: readonly CellBox[]): { slots: GridSlot[]; xs: number[]; ys: number[] } {
  const xs = [...new Set(cells.flatMap((c) => [c.x0, c.x1]))].sort((a, b) => a - b);
  const ys = [...new Set(cells.flatMap((c) => [c.y0, c.y1]))].sort((a, b) => a - b);
  const slots = cells.map((c) => {
    const col = xs.indexOf(c.x0), row = ys.indexOf(c.y0);
    return { ...c, row, col, rowSpan: ys.indexOf(c.y1) - row, colSpan: xs.indexOf(c.x1) - col };
  });
  return { slots, xs, ys };
}
