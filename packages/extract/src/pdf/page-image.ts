/**
 * The pixels of a scanned page, decoded by pdf.js itself (its JPEG, JBIG2,
 * CCITT and Flate decoders are plain JavaScript): the page's operator list
 * names each painted image and the matrix it is painted with; the decoded
 * pixels wait in `page.objs` (or `commonObjs` for an image shared by pages).
 * No canvas is involved, native or not.
 */
import { type Matrix, multiply } from "./geometry.ts";
import type { PdfPage } from "./load.ts";
import { loadPdfJs } from "./pdfjs.ts";

/** Decoded pixels: 1 (gray), 3 (RGB) or 4 (RGBA) bytes per pixel, rows top to bottom. */
export interface PageRaster {
  width: number;
  height: number;
  channels: 1 | 3 | 4;
  data: Uint8Array | Uint8ClampedArray;
}

/** The largest image painted on a page, with where it lands. */
export interface PageImage {
  raster: PageRaster;
  /** Points of the page (as displayed, y down) per pixel of the image, across and down. */
  pointsPerPixel: number;
  /** Share of the page's area the image covers (1: a full-page scan). */
  pageShare: number;
  /** The image's unit square → display coordinates (origin top-left, y down). */
  toDisplay: Matrix;
}

/** pdf.js ImageKind (src/shared/util.js). */
const GRAYSCALE_1BPP = 1, RGB_24BPP = 2, RGBA_32BPP = 3;

interface PdfJsImage {
  width: number;
  height: number;
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray;
}

/** Images smaller than this share of the page are logos or stamps, not a scan of the page. */
const MIN_PAGE_SHARE = 0.2;

/**
 * The page's largest painted image, decoded, or null when no image covers at
 * least a fifth of the page. Throws pdf.js's error when an image cannot be decoded.
 */
export async function largestPageImage(page: PdfPage): Promise<PageImage | null> {
  const { OPS } = await loadPdfJs();
  // A content stream pdf.js cannot parse paints nothing readable: no scan to read (index.ts says why the page has no text).
  const list = await page.getOperatorList().catch(() => null);
  if (!list) return null;
  const viewport = page.getViewport({ scale: 1 });
  const view = viewport.transform as unknown as Matrix;
  const pageArea = viewport.width * viewport.height;
  let best: { id: string; ctm: Matrix; area: number } | null = null;
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform && args) ctm = multiply(ctm, args as unknown as Matrix);
    else if (fn === OPS.paintFormXObjectBegin && args?.[0]) {
      // A form's own matrix applies inside it; its end restores the state.
      stack.push(ctm);
      ctm = multiply(ctm, args[0] as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.paintImageXObject && typeof args?.[0] === "string") {
      const display = multiply(view, ctm);
      const area = Math.abs(display[0] * display[3] - display[1] * display[2]);
      if (!best || area > best.area) best = { id: args[0], ctm: display, area };
    }
  }
  if (!best || best.area < MIN_PAGE_SHARE * pageArea) return null;
  const objs = best.id.startsWith("g_") ? page.commonObjs : page.objs;
  const img = (await new Promise((resolve) => objs.get(best.id, resolve))) as PdfJsImage | null;
  const raster = img ? toRaster(img) : null;
  // pdf.js keeps the page's decoded images (tens of MB a page at 300 dpi) until the page is cleaned up, which
  // nothing did for a scanned page: a 10-page scan held every page's pixels until the document's next clean-up.
  // The raster holds what it needs; the page lets go of the rest.
  page.cleanup();
  if (!raster) return null;
  const m = best.ctm;
  return {
    raster,
    pointsPerPixel: Math.hypot(m[0], m[1]) / raster.width,
    pageShare: Math.min(1, best.area / pageArea),
    toDisplay: m,
  };
}

/** pdf.js's decoded image as gray, RGB or RGBA bytes (1-bit images are unpacked to gray). */
export function toRaster(img: PdfJsImage): PageRaster | null {
  const { width, height, kind, data } = img;
  if (!data || !(width > 0) || !(height > 0)) return null;
  if (kind === RGB_24BPP) return { width, height, channels: 3, data };
  if (kind === RGBA_32BPP) return { width, height, channels: 4, data };
  if (kind === GRAYSCALE_1BPP) return { width, height, channels: 1, data: unpackBits(data, width, height) };
  return null;
}

/** 1 bit per pixel, rows padded to a byte, 1 = white (as pdf.js hands them over) → one gray byte per pixel. */
export function unpackBits(packed: Uint8Array | Uint8ClampedArray, width: number, height: number): Uint8Array {
  const rowBytes = (width + 7) >> 3;
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = y * rowBytes;
    for (let x = 0; x < width; x++) out[y * width + x] = (packed[row + (x >> 3)]! >> (7 - (x & 7))) & 1 ? 255 : 0;
  }
  return out;
}
