/**
 * The pictures of a DOCX or XLSX that holds no table — a pasted scan or
 * screenshot of the form — read the way a scanned PDF page is read: decoded
 * without native code (picture-decode.ts), recognised by @jixiao/ocr, and
 * laid out by the PDF table finder (rulings → lattice → cells, or rows and
 * columns from the text's alignment), so the normalizer gets the same grid.
 *
 * A picture has no page size of its own (a pasted screenshot says nothing
 * true about its resolution), and the table finder's tolerances are in
 * points: each picture is scaled so that its text lines are as tall as a
 * form's body text on a page (`BODY_LINE_POINTS`), which is what its
 * resolution would give if it were the scan of a printed form.
 */
import type { Block, PageInfo } from "../grid.ts";
import { documentBlocks } from "../pdf/document.ts";
import { layoutPage, type PageLayout } from "../pdf/layout.ts";
import { loadOcr } from "../pdf/load-ocr.ts";
import { attachOcrConfidence } from "../pdf/ocr-confidence.ts";
import { edgesFromRulings, glyphsFromBoxes, type OcrGlyph } from "../pdf/ocr-glyphs.ts";
import type { OcrOptions } from "../pdf/ocr-modes.ts";
import { PdfSettings } from "../pdf/settings.ts";
import type { OfficePicture } from "./office-pictures.ts";
import { decodePicture } from "./picture-decode.ts";

/**
 * A detected line of 10.5–12 pt body text is 1.1–1.25 × the font size tall
 * (200-dpi scans, ocr-glyphs.ts): 10.5 pt × 1.2.
 */
const BODY_LINE_POINTS = 12.6;
/** Pictures narrower or lower than this (pixels) are logos, seals and icons, not a page of a form. */
const MIN_PICTURE_SIDE = 400;
/** Pictures read from one file: each takes seconds; a 20-page scan pasted page by page is the most expected. */
export const MAX_PICTURES = 30;


export interface PictureReading {
  /** The pictures' blocks, on the page (sheet) each picture is on. */
  blocks: Block[];
  /** Pages (sheets) whose text came from OCR. */
  ocrPages: Set<number>;
  warnings: string[];
}

/** Reads each picture large enough to be a page of a form; `what` names the file's kind in warnings (DOCX, XLSX). */
export async function readPictures(pictures: readonly OfficePicture[], opts: OcrOptions | undefined, what: string): Promise<PictureReading> {
  const warnings: string[] = [];
  const layouts: PageLayout[] = [];
  const glyphs = new Map<number, OcrGlyph[]>();
  const pageOf = new Map<number, number>();
  const settings = PdfSettings.parse({});
  if (pictures.length > MAX_PICTURES) warnings.push(`${what}中有${pictures.length}张图片, 只用OCR识别前${MAX_PICTURES}张`);
  for (const picture of pictures.slice(0, MAX_PICTURES)) {
    let raster;
    try {
      raster = await decodePicture(picture.bytes);
    } catch (err) {
      warnings.push(`${what}中的图片${picture.name}未能解码: ${(err as Error).message}`);
      continue;
    }
    if (Math.min(raster.width, raster.height) < MIN_PICTURE_SIDE) continue;
    opts?.onPage?.(picture.page);
    const { readScan } = await loadOcr();
    const read = await readScan(raster);
    if (read.boxes.length === 0) continue;
    const heights = read.boxes.map((b) => b.y1 - b.y0).sort((a, b) => a - b);
    const scale = BODY_LINE_POINTS / heights[heights.length >> 1]!;
    // Each picture is a page of its own for the table finder; numbered in order so tables continue across pictures.
    const number = layouts.length + 1;
    const pictureGlyphs = glyphsFromBoxes(read.boxes, scale);
    layouts.push(layoutPage({
      number, width: read.width * scale, height: read.height * scale, rotation: 0,
      glyphs: pictureGlyphs, edges: edgesFromRulings(read.rulings, scale), warnings: [],
    }, settings));
    glyphs.set(number, pictureGlyphs);
    pageOf.set(number, picture.page);
    warnings.push(`${what}中无表格, 图片${picture.name}(第${picture.page}${what === "XLSX" ? "个工作表" : "页"}, ${raster.width}×${raster.height}像素)已用OCR识别${read.rotation ? `, 旋转${read.rotation}°` : ""}${Math.abs(read.skewDegrees) >= 0.1 ? `, 纠偏${read.skewDegrees.toFixed(1)}°` : ""}`);
  }
  const blocks = documentBlocks(layouts, settings);
  attachOcrConfidence(blocks, glyphs);
  return { blocks: blocks.map((b) => onPage(b, (n) => pageOf.get(n) ?? n)), ocrPages: new Set(pageOf.values()), warnings };
}

/** A block moved from its picture's number to the page (sheet) the picture is on. */
function onPage(block: Block, page: (n: number) => number): Block {
  if (block.kind === "text") return { ...block, page: page(block.page) };
  const t = block.table;
  return { kind: "table", table: { ...t, page: page(t.page), pageTo: page(t.pageTo), cells: t.cells.map((c) => ({ ...c, page: page(c.page) })) } };
}

/** The file's own blocks and its pictures' in page order: on each page (sheet), its own text first, then what its pictures show. */
export function withPictureBlocks(own: readonly Block[], pictures: readonly Block[]): Block[] {
  const page = (b: Block) => (b.kind === "text" ? b.page : b.table.page);
  return [...own, ...pictures].sort((a, b) => page(a) - page(b)); // a stable sort
}

/** The document's pages with those read by OCR marked (and counted as having text). */
export function markOcrPages(pages: PageInfo[], ocrPages: ReadonlySet<number>): PageInfo[] {
  return pages.map((p) => (ocrPages.has(p.number) ? { ...p, hasText: true, ocr: true } : p));
}
