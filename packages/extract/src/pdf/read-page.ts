/**
 * Reads one page through pdf.js into plain data: glyphs and ruling edges in
 * upright display coordinates. Everything after this is pure.
 */
import { type Edge, type Glyph, type Matrix, multiply } from "./geometry.ts";
import { glyphsFromRuns, uprightTurn, type TextRun } from "./glyphs.ts";
import type { PdfPage } from "./load.ts";
import { edgesFromPaths, isPaintedPath, type PaintedPath } from "./operators.ts";
import type { PdfSettings } from "./settings.ts";

export interface PageContent {
  number: number;
  /** Size as read (after /Rotate and after turning sideways text upright). */
  width: number;
  height: number;
  /** The page's /Rotate in degrees, as the PDF states it. Coordinates are in the
   *  reading frame: /Rotate applied, then sideways text turned upright. */
  rotation: number;
  glyphs: Glyph[];
  edges: Edge[];
  warnings: string[];
}

export async function readPage(page: PdfPage, settings: PdfSettings): Promise<PageContent> {
  const viewport = page.getViewport({ scale: 1 });
  const view = viewport.transform as unknown as Matrix;
  const { runs, paths } = await runsAndPaths(page);
  const { turn, width, height } = uprightTurn(runs, view, viewport.width, viewport.height);
  const toPage = multiply(turn, view);
  const glyphs = glyphsFromRuns(runs, toPage);
  const warnings: string[] = [];
  if (paths.length > settings.maxPathsPerPage) {
    warnings.push(`第${page.pageNumber}页绘图路径过多(${paths.length}条, 上限${settings.maxPathsPerPage}), 只读取前${settings.maxPathsPerPage}条`);
  }
  const edges = edgesFromPaths(paths, toPage, { maxLineThickness: settings.maxLineThickness, maxPaths: settings.maxPathsPerPage });
  page.cleanup();
  return { number: page.pageNumber, width, height, rotation: page.rotate, glyphs, edges, warnings };
}

/** A page's text runs and painted paths, from one pass over its content stream (getTextContent with our pdf.js patch's `includePaths`). */
export async function runsAndPaths(page: PdfPage): Promise<{ runs: TextRun[]; paths: PaintedPath[] }> {
  const content = await page.getTextContent({ includePaths: true } as Parameters<PdfPage["getTextContent"]>[0]);
  const runs: TextRun[] = [];
  const paths: PaintedPath[] = [];
  for (const item of content.items as unknown[]) {
    if (isPaintedPath(item)) paths.push(item);
    else if (typeof item === "object" && item !== null && "str" in item) runs.push(item as TextRun);
  }
  return { runs, paths };
}
