/**
 * Each table cell read by OCR gets the lowest confidence among its
 * characters: one doubtful digit makes the number doubtful. Done on the
 * finished blocks, by position, so the table finder itself knows nothing of OCR.
 */
import type { Block } from "../grid.ts";
import type { OcrGlyph } from "./ocr-glyphs.ts";

/** Cell boxes are rounded to 0.01 pt; a glyph centre on the border belongs to either side. */
const SLACK = 0.05;

export function attachOcrConfidence(blocks: Block[], glyphsByPage: ReadonlyMap<number, readonly OcrGlyph[]>): void {
  if (glyphsByPage.size === 0) return;
  for (const block of blocks) {
    if (block.kind !== "table") continue;
    for (const cell of block.table.cells) {
      const glyphs = glyphsByPage.get(cell.page);
      const b = cell.bbox;
      if (!glyphs || !b || !cell.text.trim()) continue;
      let lowest = Infinity;
      for (const g of glyphs) {
        const cx = (g.x0 + g.x1) / 2, cy = (g.y0 + g.y1) / 2;
        if (cx >= b.x0 - SLACK && cx <= b.x1 + SLACK && cy >= b.y0 - SLACK && cy <= b.y1 + SLACK && g.confidence < lowest) lowest = g.confidence;
      }
      if (lowest !== Infinity) cell.ocrConfidence = Math.round(lowest * 1000) / 1000;
    }
  }
}
