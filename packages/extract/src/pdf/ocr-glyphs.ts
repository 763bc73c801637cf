/**
 * OCR results in the PDF table finder's terms: each recognised character
 * becomes a Glyph and each ruling line an Edge, in points of the upright page
 * image, so the page goes through the same lattice and text-alignment steps as
 * a vector PDF (layout.ts) and yields the same grid.
 */
import type { Edge, Glyph } from "./geometry.ts";

/** The shapes @jixiao/ocr returns, restated so this file does not load it. */
export interface OcrChar {
  text: string;
  confidence: number;
  x0: number;
  x1: number;
}
export interface OcrBox {
  confidence: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  chars: OcrChar[];
}
export interface OcrSegment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * A detected line box is taller than its characters (the detector grows it):
 * 200-dpi scans of 10.5–12 pt text gave boxes 1.1–1.25 × the font size.
 */
const BOX_TO_FONT_SIZE = 0.85;

/** A Glyph with the recogniser's confidence, kept beside the layout for the cells' confidence. */
export interface OcrGlyph extends Glyph {
  confidence: number;
}

/** Characters as glyphs, `scale` points per pixel; a recognised space becomes the next glyph's spaceBefore. */
export function glyphsFromBoxes(boxes: readonly OcrBox[], scale: number): OcrGlyph[] {
  const glyphs: OcrGlyph[] = [];
  boxes.forEach((box, run) => {
    const size = (box.y1 - box.y0) * scale * BOX_TO_FONT_SIZE;
    let spaceBefore = false;
    for (const c of box.chars) {
      if (!c.text.trim()) {
        spaceBefore = glyphs.length > 0;
        continue;
      }
      glyphs.push({
        text: c.text, size, spaceBefore, run, confidence: c.confidence,
        x0: c.x0 * scale, x1: c.x1 * scale, y0: box.y0 * scale, y1: box.y1 * scale,
      });
      spaceBefore = false;
    }
  });
  return glyphs;
}

/** Ruling lines as edges in points (horizontal: y0 === y1; vertical: x0 === x1). */
export function edgesFromRulings(rulings: { horizontal: readonly OcrSegment[]; vertical: readonly OcrSegment[] }, scale: number): Edge[] {
  return [
    ...rulings.horizontal.map((s): Edge => ({ orientation: "h", at: ((s.y0 + s.y1) / 2) * scale, from: Math.min(s.x0, s.x1) * scale, to: Math.max(s.x0, s.x1) * scale })),
    ...rulings.vertical.map((s): Edge => ({ orientation: "v", at: ((s.x0 + s.x1) / 2) * scale, from: Math.min(s.y0, s.y1) * scale, to: Math.max(s.y0, s.y1) * scale })),
  ];
}
