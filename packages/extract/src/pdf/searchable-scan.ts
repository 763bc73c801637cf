/**
 * A searchable scan: a page that paints a page-sized scan AND has a text
 * layer (OCRmyPDF, Tesseract, Acrobat and scanner software put the words
 * they recognised as invisible text over or under the image). The text
 * layer is kept — its characters are what that software read, and our OCR
 * would only add its own errors — and the document says so in a warning.
 *
 * Such a layer has no vector rulings: the table's lines exist only as
 * pixels, and without them the page's form is not found (the text layer of
 * fixtures/scan/anhui-transfer-200dpi-searchable.pdf alone gave no form at
 * all). So the rulings are found in the image (the pixel step of the OCR
 * package, no recognition, no ONNX runtime) and laid under the text layer:
 * the table finder then sees the lattice it sees on a vector page.
 *
 * Asked only of pages that have text and no ruling at all (a text PDF's form
 * has vector rulings, so it never pays for this), and only in `auto` mode.
 * Looking for the image reads the page's operator list, about half the cost
 * of reading the page again (15–20 ms of CPU a prose page of the gaoyi
 * report: +30% on a report of prose): so after `MAX_MISSES` pages of text
 * without rulings that turn out to be no scan, a document is not asked again.
 */
import { applyMatrix, type Edge, type Glyph, type Matrix } from "./geometry.ts";
import { loadOcr } from "./load-ocr.ts";
import { largestPageImage, type PageRaster } from "./page-image.ts";
import type { PdfPage } from "./load.ts";

/** A searchable scan's image covers the page (scanners add a margin of a few points at most). */
const MIN_SCAN_SHARE = 0.8;
/**
 * Share of the text layer's characters that must lie on ink of the image:
 * a searchable scan's words sit on their own print; a text page over a
 * background picture (letterhead, watermark) has paper under its words.
 */
const MIN_GLYPHS_ON_INK = 0.8;
/** Characters sampled for that test. */
const GLYPH_SAMPLE = 200;
/** A pixel this dark or darker (0–255) is ink. */
const INK_LEVEL = 128;
/** Pages of text without rulings found to be no scan, after which a document is not asked again. */
const MAX_MISSES = 3;


export interface SearchableScan {
  /** The image's ruling lines in points of the page (empty when the text layer was turned to read it). */
  edges: Edge[];
  warning: string;
}

/** The check for one document: stops asking after `MAX_MISSES` pages that were no scan (a text document's prose pages). */
export function searchableScanCheck(): typeof searchableScan {
  let misses = 0;
  return async (page, glyphs, size) => {
    if (misses >= MAX_MISSES) return null;
    const scan = await searchableScan(page, glyphs, size);
    if (!scan) misses++;
    return scan;
  };
}

/**
 * The page as a searchable scan (its rulings from the image and the warning
 * saying the text layer was read), or null when it paints no page-sized
 * image under its text. `glyphs` and `size` are the page as readPage read it.
 */
export async function searchableScan(page: PdfPage, glyphs: readonly Glyph[], size: { width: number; height: number }): Promise<SearchableScan | null> {
  const image = await largestPageImage(page).catch(() => null);
  if (!image || image.pageShare < MIN_SCAN_SHARE) return null;
  const toPixel = inverse(image.toDisplay, image.raster);
  if (!toPixel || inkUnder(glyphs, image.raster, toPixel) < MIN_GLYPHS_ON_INK) return null;
  const viewport = page.getViewport({ scale: 1 });
  // readPage turns a page whose text runs sideways upright; the image's pixels are then in another frame.
  const sameFrame = Math.abs(viewport.width - size.width) < 1 && Math.abs(viewport.height - size.height) < 1;
  const { findScanRulings } = await loadOcr();
  const edges = sameFrame ? edgesOnPage(findScanRulings(image.raster), image.toDisplay, image.raster) : [];
  const dpi = Math.round(72 / image.pointsPerPixel);
  return {
    edges,
    warning: `第${page.pageNumber}页是带文字层的扫描件(${dpi} dpi整页图像): 文字取自文字层, 未用OCR${edges.length ? `; 表格线取自图像(${edges.length}条)` : ""}`,
  };
}

/** Display point → image pixel (origin top-left), or null for a degenerate matrix. */
function inverse(m: Matrix, r: PageRaster): ((x: number, y: number) => [number, number]) | null {
  const det = m[0] * m[3] - m[1] * m[2];
  if (!det) return null;
  return (x, y) => {
    const dx = x - m[4], dy = y - m[5];
    const u = (m[3] * dx - m[2] * dy) / det, v = (-m[1] * dx + m[0] * dy) / det;
    // The image's unit square has its first row at v = 1.
    return [u * r.width, (1 - v) * r.height];
  };
}

/** Share of (a sample of) the glyphs whose box holds an ink pixel of the image. */
function inkUnder(glyphs: readonly Glyph[], r: PageRaster, toPixel: (x: number, y: number) => [number, number]): number {
  const visible = glyphs.filter((g) => g.text.trim());
  if (!visible.length) return 0;
  const step = Math.max(1, Math.floor(visible.length / GLYPH_SAMPLE));
  let tried = 0, inked = 0;
  for (let i = 0; i < visible.length; i += step) {
    const g = visible[i]!;
    const [ax, ay] = toPixel(g.x0, g.y0), [bx, by] = toPixel(g.x1, g.y1);
    tried++;
    if (hasInk(r, Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by))) inked++;
  }
  return inked / tried;
}

function hasInk(r: PageRaster, x0: number, y0: number, x1: number, y1: number): boolean {
  const xa = Math.max(0, Math.floor(x0)), xb = Math.min(r.width, Math.ceil(x1));
  const ya = Math.max(0, Math.floor(y0)), yb = Math.min(r.height, Math.ceil(y1));
  for (let y = ya; y < yb; y++) {
    for (let x = xa; x < xb; x++) {
      const p = (y * r.width + x) * r.channels;
      // The darkest channel: red print on a coloured scan is ink too.
      let v = r.data[p]!;
      for (let c = 1; c < Math.min(3, r.channels); c++) v = Math.min(v, r.data[p + c]!);
      if (v <= INK_LEVEL) return true;
    }
  }
  return false;
}

/** Pixel rulings → edges in points of the displayed page, through the image's matrix (any quarter turn of it). */
function edgesOnPage(rulings: { horizontal: readonly Seg[]; vertical: readonly Seg[] }, m: Matrix, r: PageRaster): Edge[] {
  const toPage = (x: number, y: number) => applyMatrix(m, x / r.width, 1 - y / r.height);
  return [...rulings.horizontal, ...rulings.vertical].map((s) => {
    const [ax, ay] = toPage(s.x0, s.y0), [bx, by] = toPage(s.x1, s.y1);
    return Math.abs(bx - ax) >= Math.abs(by - ay)
      ? { orientation: "h" as const, at: (ay + by) / 2, from: Math.min(ax, bx), to: Math.max(ax, bx) }
      : { orientation: "v" as const, at: (ax + bx) / 2, from: Math.min(ay, by), to: Math.max(ay, by) };
  });
}

interface Seg {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
