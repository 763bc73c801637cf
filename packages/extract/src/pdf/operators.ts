/**
 * Ruling lines from a page's painted paths.
 *
 * Producers draw table borders in different ways: Word and LibreOffice stroke
 * lines or rectangles, WPS and Excel fill thin rectangles, browsers fill every
 * border as a shape. All of them become edges here; what is painted is kept,
 * clipping paths are not.
 *
 * The paths come from the same pass over the content stream as the text:
 * our pdf.js patch makes getTextContent report each painted path with its
 * painting operator, its drawing codes as pdf.js ≥ 5.1 builds them for
 * `constructPath` (DrawOPS: moveTo x y, lineTo x y, curveTo x1 y1 x2 y2 x y,
 * quadraticCurveTo x1 y1 x y, closePath) in user space, the transformation
 * in force when it was painted, and its fill and stroke colours as
 * getOperatorList would give them. Reading the page a second time through
 * getOperatorList cost about a third of pdf.js's time per page.
 */
import { PDF_OPS as OPS } from "./ops.ts";
import { type Edge, type Matrix, applyMatrix, multiply } from "./geometry.ts";
import { type FillRect, fillRectsToEdges } from "./fill-seams.ts";

/** DrawOPS codes inside a constructPath buffer (pdfjs-dist 5.x, src/shared/util.js). */
export const DRAW_OPS = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 } as const;

/** A segment is axis-aligned when its off-axis drift is below this (pt). */
const AXIS_TOLERANCE = 0.5;

export interface EdgeOptions {
  /** A filled shape at most this thick is a line. */
  maxLineThickness: number;
  /** Stop after this many paths (hostile pages). */
  maxPaths: number;
}

const STROKE_OPS = new Set<number>([OPS.stroke, OPS.closeStroke]);
const FILL_OPS = new Set<number>([OPS.fill, OPS.eoFill]);
const FILL_STROKE_OPS = new Set<number>([OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);

type Pt = [number, number];
/** A subpath as display-space points; `curved` when it holds a Bézier segment. */
interface SubPath {
  points: Pt[];
  closed: boolean;
  curved: boolean;
}

/** Splits a DrawOPS buffer into subpaths of display-space points. */
export function subpathsFromDrawOps(path: ArrayLike<number>, toDisplay: Matrix): SubPath[] {
  const out: SubPath[] = [];
  let cur: SubPath | null = null;
  let i = 0;
  const pt = (x: number, y: number): Pt => applyMatrix(toDisplay, x, y);
  while (i < path.length) {
    const code = path[i++];
    switch (code) {
      case DRAW_OPS.moveTo:
        cur = { points: [pt(path[i]!, path[i + 1]!)], closed: false, curved: false };
        out.push(cur);
        i += 2;
        break;
      case DRAW_OPS.lineTo:
        if (!cur) { cur = { points: [], closed: false, curved: false }; out.push(cur); }
        cur.points.push(pt(path[i]!, path[i + 1]!));
        i += 2;
        break;
      case DRAW_OPS.curveTo:
        if (cur) { cur.curved = true; cur.points.push(pt(path[i + 4]!, path[i + 5]!)); }
        i += 6;
        break;
      case DRAW_OPS.quadraticCurveTo:
        if (cur) { cur.curved = true; cur.points.push(pt(path[i + 2]!, path[i + 3]!)); }
        i += 4;
        break;
      case DRAW_OPS.closePath:
        if (cur) {
          cur.closed = true;
          // A new subpath after closePath starts at the same point.
          const first: Pt | undefined = cur.points[0];
          cur = first ? { points: [first], closed: false, curved: false } : null;
          if (cur) out.push(cur);
        }
        break;
      default:
        return out; // unknown code: the buffer is not in the format we read
    }
  }
  return out;
}

/** The straight, axis-aligned segments of a subpath as edges. */
export function edgesFromSegments(sp: SubPath): Edge[] {
  const edges: Edge[] = [];
  const pts = sp.closed && sp.points.length > 2 ? [...sp.points, sp.points[0]!] : sp.points;
  for (let k = 1; k < pts.length; k++) {
    const [ax, ay] = pts[k - 1]!;
    const [bx, by] = pts[k]!;
    if (Math.abs(ay - by) <= AXIS_TOLERANCE && Math.abs(ax - bx) > AXIS_TOLERANCE) {
      edges.push({ orientation: "h", at: (ay + by) / 2, from: Math.min(ax, bx), to: Math.max(ax, bx) });
    } else if (Math.abs(ax - bx) <= AXIS_TOLERANCE && Math.abs(ay - by) > AXIS_TOLERANCE) {
      edges.push({ orientation: "v", at: (ax + bx) / 2, from: Math.min(ay, by), to: Math.max(ay, by) });
    }
  }
  return edges;
}

/** The box round a subpath's points. */
function boundsOf(points: readonly Pt[]): { x0: number; y0: number; x1: number; y1: number } {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const [x, y] of points) {
    x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
  }
  return { x0, y0, x1, y1 };
}

/** Edges of a filled subpath: a thin shape is one line along its middle; a larger one gives its sides. */
export function edgesFromFilledShape(sp: SubPath, maxLineThickness: number): Edge[] {
  if (sp.curved || sp.points.length < 2) return [];
  // Only rectilinear shapes are borders; a diagonal side means a glyph, an arrow, a logo.
  const pts = sp.points;
  for (let k = 0; k < pts.length; k++) {
    const [ax, ay] = pts[k]!, [bx, by] = pts[(k + 1) % pts.length]!;
    if (Math.abs(ax - bx) > AXIS_TOLERANCE && Math.abs(ay - by) > AXIS_TOLERANCE) return [];
  }
  const { x0, y0, x1, y1 } = boundsOf(sp.points);
  const w = x1 - x0, h = y1 - y0;
  if (h <= maxLineThickness && w > h) return [{ orientation: "h", at: (y0 + y1) / 2, from: x0, to: x1 }];
  if (w <= maxLineThickness && h > w) return [{ orientation: "v", at: (x0 + x1) / 2, from: y0, to: y1 }];
  return edgesFromSegments({ ...sp, closed: true });
}

/** A filled subpath that is a plain rectangle thicker than a line (a shaded area), or null. */
export function shadedRectangle(sp: SubPath, maxLineThickness: number, colour: string): FillRect | null {
  if (sp.curved || sp.points.length < 4) return null;
  const { x0, y0, x1, y1 } = boundsOf(sp.points);
  if (x1 - x0 <= maxLineThickness || y1 - y0 <= maxLineThickness) return null;
  const atCorner = ([x, y]: Pt) =>
    (Math.abs(x - x0) <= AXIS_TOLERANCE || Math.abs(x - x1) <= AXIS_TOLERANCE) && (Math.abs(y - y0) <= AXIS_TOLERANCE || Math.abs(y - y1) <= AXIS_TOLERANCE);
  const corners = sp.points.length === 5 ? sp.points.slice(0, 4) : sp.points;
  return corners.length === 4 && corners.every(atCorner) ? { x0, y0, x1, y1, colour } : null;
}

/** Whether a subpath is no thicker than a line one way. */
function isThin(sp: SubPath, maxLineThickness: number): boolean {
  const { x0, y0, x1, y1 } = boundsOf(sp.points);
  return Math.min(x1 - x0, y1 - y0) <= maxLineThickness;
}

/** Paint at least this light on every channel erases rather than rules (page and cell backgrounds). */
const WHITE_CHANNEL_MIN = 0xf0;

function isWhite(colour: unknown): boolean {
  if (typeof colour !== "string" || !/^#[0-9a-f]{6}$/i.test(colour)) return false;
  return [1, 3, 5].every((k) => parseInt(colour.slice(k, k + 2), 16) >= WHITE_CHANNEL_MIN);
}

/** A painted path as pdf.js's getTextContent reports it with `includePaths` (our patch; read-page.ts asks for them). */
export interface PaintedPath {
  type: "path";
  /** The painting operator (OPS.stroke, OPS.fill, OPS.endPath for a clipping path, ...). */
  paint: number;
  /** DrawOPS codes in user space; null for a path with no segments. */
  path: Float32Array | null;
  /** User space to page space when the path was painted (form XObjects included). */
  ctm: readonly number[];
  /** "#rrggbb", "pattern", or undefined for a transparent colour. */
  fill?: string;
  stroke?: string;
}

export function isPaintedPath(item: unknown): item is PaintedPath {
  return typeof item === "object" && item !== null && (item as { type?: unknown }).type === "path";
}

/**
 * Every painted ruling line of a page's paths, in display coordinates
 * (`viewTransform` maps user space to the displayed page). Clipping paths are
 * skipped, and so are white paths: they erase (page backgrounds, cell fills)
 * rather than rule.
 */
export function edgesFromPaths(paths: readonly PaintedPath[], viewTransform: Matrix, opts: EdgeOptions): Edge[] {
  const edges: Edge[] = [];
  const shaded: FillRect[] = [];
  const whiteLines: Edge[] = [];
  const n = Math.min(paths.length, opts.maxPaths);
  for (let i = 0; i < n; i++) {
    const { paint, path, ctm, fill, stroke } = paths[i]!;
    if (!path || ctm.length !== 6) continue;
    const stroked = STROKE_OPS.has(paint) || FILL_STROKE_OPS.has(paint);
    const filled = FILL_OPS.has(paint) || FILL_STROKE_OPS.has(paint);
    if (!stroked && !filled) continue; // endPath: a clipping path, nothing painted
    for (const sp of subpathsFromDrawOps(path, multiply(viewTransform, ctm as unknown as Matrix))) {
      if (stroked && !isWhite(stroke)) { edges.push(...edgesFromSegments(sp)); continue; }
      // A white stroke rules nothing but may show a seam in shading; the shape's fill is read as ever.
      if (stroked) whiteLines.push(...edgesFromSegments(sp));
      if (!filled) continue;
      if (isWhite(fill)) { if (isThin(sp, opts.maxLineThickness)) whiteLines.push(...edgesFromFilledShape(sp, opts.maxLineThickness)); continue; }
      const rect = typeof fill === "string" && fill.startsWith("#") ? shadedRectangle(sp, opts.maxLineThickness, fill) : null;
      if (rect) shaded.push(rect);
      else edges.push(...edgesFromFilledShape(sp, opts.maxLineThickness));
    }
  }
  edges.push(...fillRectsToEdges(shaded, whiteLines));
  return edges;
}
