/**
 * The detector sometimes maps one word as two regions: a flat character such
 * as 一 (a single stroke, ~3 px high at the detector's scale) apart from the
 * rest of 一级指标, whose loss turns the header into 级指标 and unseats a whole
 * column. Regions on one line (overlapping by half the smaller one's height)
 * with a gap of at most GAP_SHARE of the line's height are joined; a line
 * that thereby runs across a table ruling is cut again after recognition
 * (split-at-rulings.ts).
 */
import type { Region } from "./gray-resize.ts";

/** Gap between two pieces, in line heights, below which they are one line (CJK text is set solid; a word gap is ~0.3). */
const GAP_SHARE = 0.5;
/** Share of the smaller piece's height the two must overlap vertically. */
const OVERLAP_SHARE = 0.5;

export function mergeLinePieces(regions: readonly Region[]): Region[] {
  const sorted = [...regions].sort((a, b) => a.x0 - b.x0);
  const out: Region[] = [];
  for (const r of sorted) {
    const host = out.find((o) => {
      const overlap = Math.min(o.y1, r.y1) - Math.max(o.y0, r.y0);
      const line = Math.max(o.y1 - o.y0, r.y1 - r.y0);
      // The flat piece's own height says little: compare with the taller one.
      return overlap >= OVERLAP_SHARE * Math.min(o.y1 - o.y0, r.y1 - r.y0) && r.x0 - o.x1 <= GAP_SHARE * line && r.x0 >= o.x0;
    });
    if (host) {
      host.x1 = Math.max(host.x1, r.x1);
      host.y0 = Math.min(host.y0, r.y0);
      host.y1 = Math.max(host.y1, r.y1);
    } else out.push({ ...r });
  }
  return out;
}
