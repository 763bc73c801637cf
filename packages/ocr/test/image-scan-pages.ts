/**
 * Test helper: the pixels of a page of a committed scan fixture, decoded by
 * pdf.js exactly as the pipeline gets them (JPEG, CCITT G4, JBIG2). The PDF
 * opener is the extract package's, so the same pdf.js options apply.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { clusterValues, mergeEdges } from "../../extract/src/pdf/lattice.ts";
import { openPdf } from "../../extract/src/pdf/load.ts";
import { readPage } from "../../extract/src/pdf/read-page.ts";
import { PdfSettings } from "../../extract/src/pdf/settings.ts";
import { DEFAULT_GRAYSCALE_SETTINGS, toGrayscale } from "../src/image/grayscale.ts";
import { evenIllumination } from "../src/image/illumination.ts";
import type { RasterImage } from "../src/image/types.ts";

export const SCAN_DIR = fileURLToPath(new URL("../../../fixtures/scan/", import.meta.url));

/** pdf.js's ImageKind: 1 = 1 bit grey (rows padded to bytes, set bit = white), 2 = RGB, 3 = RGBA. */
interface PdfJsImage { width: number; height: number; kind: 1 | 2 | 3; data: Uint8Array | Uint8ClampedArray }

const PAINT_IMAGE_XOBJECT = 85;

function toRaster(img: PdfJsImage): RasterImage {
  const { width, height, kind, data } = img;
  if (kind === 2) return { width, height, channels: 3, data };
  if (kind === 3) return { width, height, channels: 4, data };
  const out = new Uint8Array(width * height);
  const rowBytes = (width + 7) >> 3;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) out[y * width + x] = data[y * rowBytes + (x >> 3)]! & (0x80 >> (x & 7)) ? 255 : 0;
  }
  return { width, height, channels: 1, data: out };
}

/** The first image painted on page `pageNumber` (1-based) of fixtures/scan/`file`. */
export async function loadScanPage(file: string, pageNumber = 1): Promise<RasterImage> {
  const { doc, destroy } = await openPdf(readFileSync(SCAN_DIR + file));
  try {
    const page = await doc.getPage(pageNumber);
    const ops = await page.getOperatorList();
    const i = ops.fnArray.indexOf(PAINT_IMAGE_XOBJECT);
    if (i < 0) throw new Error(`${file} p${pageNumber}: no image`);
    const name = (ops.argsArray[i] as [string])[0];
    const img = await new Promise<PdfJsImage>((resolve) => page.objs.get(name, resolve as (v: unknown) => void));
    return toRaster(img);
  } finally {
    await destroy();
  }
}

/** Page `pageNumber` of a scan fixture as the steps after the light's evening get it (image/preprocess.ts): grey, its light evened. */
export async function evenGrayPage(file: string, pageNumber = 1): Promise<RasterImage> {
  return evenIllumination(toGrayscale(await loadScanPage(file, pageNumber), DEFAULT_GRAYSCALE_SETTINGS));
}

/** Ink pixels (grey ≤ threshold) in a box of a one-channel image. */
export function darkPixels(gray: RasterImage, x0: number, y0: number, x1: number, y1: number, threshold = 128): number {
  let n = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (gray.data[y * gray.width + x]! <= threshold) n++;
  return n;
}

/** Positions of `values` grouped where neighbours are within `tolerance`, each group's mean. */
export function distinctPositions(values: readonly number[], tolerance: number): number[] {
  return clusterValues(values, tolerance).map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}

/**
 * The ruling lines of a page of a text PDF fixture as the vector table finder
 * sees them (edges merged as in page-tables.ts), in points: the truth a scan
 * of that page is checked against. Edges shorter than `minLength` pt are left
 * out (a scan finder cannot tell them from text strokes).
 */
export async function sourceRulings(pdf: string, pageNumber: number, minLength = 15): Promise<{ width: number; height: number; horizontal: number[]; vertical: number[] }> {
  const { doc, destroy } = await openPdf(readFileSync(fileURLToPath(new URL(`../../../${pdf}`, import.meta.url))));
  try {
    const settings = PdfSettings.parse({});
    const content = await readPage(await doc.getPage(pageNumber), settings);
    const edges = mergeEdges(content.edges, settings.snapTolerance, settings.joinTolerance, minLength);
    const at = (o: "h" | "v") => distinctPositions(edges.filter((e) => e.orientation === o).map((e) => e.at), settings.snapTolerance);
    return { width: content.width, height: content.height, horizontal: at("h"), vertical: at("v") };
  } finally {
    await destroy();
  }
}

/** The characters of a page of a text PDF fixture with their boxes, in points (reading frame, y down). */
export async function sourceGlyphs(pdf: string, pageNumber: number): Promise<{ text: string; x0: number; y0: number; x1: number; y1: number }[]> {
  const { doc, destroy } = await openPdf(readFileSync(fileURLToPath(new URL(`../../../${pdf}`, import.meta.url))));
  try {
    const content = await readPage(await doc.getPage(pageNumber), PdfSettings.parse({}));
    return content.glyphs.map((g) => ({ text: g.text, x0: g.x0, y0: g.y0, x1: g.x1, y1: g.y1 }));
  } finally {
    await destroy();
  }
}

type QuarterTurnDegrees = 0 | 90 | 180 | 270;

/** One entry of fixtures/scan/manifest.json. */
export interface ScanFixture {
  source: string | null;
  pages: number[];
  dpi: number;
  colour: "rgb" | "gray" | "bilevel";
  encoding: string;
  tiltDegrees: number;
  turned: 0 | 90 | 180 | 270;
  /** Where the image tests alone are fooled: the turn they find (read-scan.ts then asks the recogniser); one per page where the pages differ. */
  imageTestsTurn?: QuarterTurnDegrees | QuarterTurnDegrees[];
  seal?: { page: number; centrePx: [number, number]; diameterPx: number };
  /** Scanned with the lid open: this much bed (px at the page's rendered scale) was added round the page, and the whole scaled back to the page's size. */
  scannerBed?: { bedPx: { left: number; top: number; right: number; bottom: number } };
}

/** The turn the image tests alone find on page `page` (1-based) of a scan fixture. */
export function imageTestsTurnOf(fixture: ScanFixture, page: number): QuarterTurnDegrees {
  const t = fixture.imageTestsTurn;
  return (Array.isArray(t) ? t[page - 1] : t) ?? fixture.turned;
}

export const SCAN_MANIFEST: Record<string, ScanFixture> = JSON.parse(readFileSync(SCAN_DIR + "manifest.json", "utf8")).scans;

/** Every page of every scan made from a text fixture: scan file, its page, the source page. */
export function scanPagesWithSource(): { file: string; page: number; sourcePage: number; fixture: ScanFixture }[] {
  return Object.entries(SCAN_MANIFEST).flatMap(([file, fixture]) => fixture.pages.map((sourcePage, i) => ({ file, page: i + 1, sourcePage, fixture })));
}
