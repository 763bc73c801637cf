/**
 * A page without a usable text layer, read by OCR: its largest image is
 * decoded by pdf.js (page-image.ts), recognised by @jixiao/ocr, and turned
 * into the PageContent a text page gives (glyphs and ruling edges), so the
 * rest of the PDF path is the same.
 *
 * @jixiao/ocr is loaded on the first such page (load-ocr.ts).
 */
import { loadOcr } from "./load-ocr.ts";
import { largestPageImage } from "./page-image.ts";
import { edgesFromRulings, glyphsFromBoxes, type OcrGlyph } from "./ocr-glyphs.ts";
import type { PdfPage } from "./load.ts";
import type { PageContent } from "./read-page.ts";
import type { OcrOptions } from "./ocr-modes.ts";

export interface OcrPage {
  content: PageContent;
  /** The glyphs with their confidence, for the cells' confidence once the page's tables are found. */
  glyphs: OcrGlyph[];
}


/** The page read by OCR, or null when it paints no image covering a good part of it. */
export async function ocrPageContent(page: PdfPage, opts: OcrOptions): Promise<OcrPage | null> {
  const image = await largestPageImage(page);
  if (!image) return null;
  opts.onPage?.(page.pageNumber);
  const { readScan } = await loadOcr();
  const read = await readScan(image.raster);
  const scale = image.pointsPerPixel;
  const glyphs = glyphsFromBoxes(read.boxes, scale);
  const warnings = [
    `第${page.pageNumber}页无文字层, 已用OCR识别(${Math.round(72 / scale)} dpi${read.rotation ? `, 旋转${read.rotation}°` : ""}${Math.abs(read.skewDegrees) >= 0.1 ? `, 纠偏${read.skewDegrees.toFixed(1)}°` : ""})`,
  ];
  return {
    content: {
      number: page.pageNumber,
      width: read.width * scale,
      height: read.height * scale,
      rotation: page.rotate,
      glyphs,
      edges: edgesFromRulings(read.rulings, scale),
      warnings,
    },
    glyphs,
  };
}
