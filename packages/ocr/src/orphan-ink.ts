/**
 * Ink that no detected line covers and that is not a ruling: a lone symbol
 * in a cell the detector passed over (≥ in a 符号 column, a 0 at 150 dpi).
 * Each cluster of character-sized ink becomes a region of its own for the
 * recogniser; what it then reads with confidence is kept (read-scan.ts).
 */
import { labelComponents } from "./image/components.ts";
import type { Region } from "./gray-resize.ts";
import type { PixelSegment, RasterImage } from "./image/types.ts";

/** Pixels this close (px) to a ruling belong to it. */
const RULING_HALO = 4;
/** A detected line box is ~1.6 × the height of its characters' ink (the detector grows it). */
const BOX_TO_INK = 1.6;
/** A character's ink is at least this share of the text height on its longer side (a speck is less)... */
const MIN_SHARE = 0.35;
/** ...and at most this share across and down (a word, a stamp, a drawing is more). */
const MAX_SHARE = 1.4;
/** Pieces of one symbol (the two bars of =, > over _ in ≥) lie this close, in text heights. */
const JOIN_SHARE = 0.35;

export function orphanInk(gray: RasterImage, inkBelow: number, lines: readonly Region[], rulings: { horizontal: readonly PixelSegment[]; vertical: readonly PixelSegment[] }): Region[] {
  if (lines.length === 0) return [];
  const heights = lines.map((r) => r.y1 - r.y0).sort((a, b) => a - b);
  const text = heights[heights.length >> 1]! / BOX_TO_INK;
  const { width, height } = gray;
  // One byte a pixel, labelled run by run: the page's ink left after the clearing below is a few specks.
  const ink = new Uint8Array(width * height);
  for (let i = 0; i < ink.length; i++) if (gray.data[i]! < inkBelow) ink[i] = 1;
  const clear = (x0: number, y0: number, x1: number, y1: number) => {
    for (let y = Math.max(0, Math.floor(y0)); y < Math.min(height, Math.ceil(y1)); y++) ink.fill(0, y * width + Math.max(0, Math.floor(x0)), y * width + Math.min(width, Math.ceil(x1)));
  };
  for (const s of rulings.horizontal) clear(Math.min(s.x0, s.x1), s.y0 - RULING_HALO, Math.max(s.x0, s.x1) + 1, s.y0 + RULING_HALO + 1);
  for (const s of rulings.vertical) clear(s.x0 - RULING_HALO, Math.min(s.y0, s.y1), s.x0 + RULING_HALO + 1, Math.max(s.y0, s.y1) + 1);
  for (const r of lines) clear(r.x0 - 2, r.y0 - 2, r.x1 + 2, r.y1 + 2);
  const found = labelComponents({ width, height, data: ink });
  const pieces: Region[] = [];
  for (let c = 0; c < found.count; c++) {
    // Bounding boxes with exclusive right and bottom edges.
    const x0 = found.x0[c]!, y0 = found.y0[c]!, x1 = found.x1[c]! + 1, y1 = found.y1[c]! + 1;
    const w = x1 - x0, h = y1 - y0;
    if (w <= MAX_SHARE * text && h <= MAX_SHARE * text && Math.max(w, h) >= MIN_SHARE * text * 0.5) pieces.push({ x0, y0, x1, y1 });
  }
  // Pieces of one symbol joined; a cluster must then look like a character.
  const join = JOIN_SHARE * text;
  const clusters: Region[] = [];
  for (const p of pieces.sort((a, b) => a.x0 - b.x0 || a.y0 - b.y0)) {
    const near = clusters.find((c) => p.x0 <= c.x1 + join && p.x1 >= c.x0 - join && p.y0 <= c.y1 + join && p.y1 >= c.y0 - join);
    if (near) {
      near.x0 = Math.min(near.x0, p.x0);
      near.y0 = Math.min(near.y0, p.y0);
      near.x1 = Math.max(near.x1, p.x1);
      near.y1 = Math.max(near.y1, p.y1);
    } else clusters.push({ x0: p.x0, y0: p.y0, x1: p.x1, y1: p.y1 });
  }
  const margin = 0.3 * text;
  return clusters
    .filter((c) => Math.max(c.x1 - c.x0, c.y1 - c.y0) >= MIN_SHARE * text && c.x1 - c.x0 <= MAX_SHARE * text && c.y1 - c.y0 <= MAX_SHARE * text)
    .map((c) => ({ x0: Math.max(0, c.x0 - margin), y0: Math.max(0, c.y0 - margin), x1: Math.min(width, c.x1 + margin), y1: Math.min(height, c.y1 + margin) }));
}
