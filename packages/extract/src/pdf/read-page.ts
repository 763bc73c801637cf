/**
 * Reads one page through pdf.js into plain data: glyphs and ruling edges in
 * upright display coordinates. Everything after this is pure.
 */
import { type Edge, type Glyph, type Matrix, multiply } from "./geometry.ts";
import { glyphsFromRuns, isWideCodePoint, normalisePdfText, uprightTurn, type TextRun } from "./glyphs.ts";
import { aslantRuns } from "./aslant-runs.ts";
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

/** Different texts of a page's slanted runs its warning quotes at most. */
const MAX_SLANTED_TEXTS = 3;
export async function readPage(page: PdfPage, settings: PdfSettings): Promise<PageContent> {
  const viewport = page.getViewport({ scale: 1 });
  let view = viewport.transform as unknown as Matrix;
  let [pageWidth, pageHeight] = [viewport.width, viewport.height];
  const read = await runsAndPaths(page);
  const { runs, repaired, dropped } = finiteRuns(read.runs);
  const paths = read.paths;
  const warnings: string[] = [];
  if (!view.every(finite) || !finite(pageWidth) || !finite(pageHeight)) {
    // A page box with a number past the largest double: the page is taken to reach as far as its text (A4 at least), unrotated.
    const reach = (v: (r: TextRun) => number, least: number) => runs.reduce((m, r) => (finite(v(r)) && v(r) > m ? v(r) : m), least);
    pageWidth = finite(pageWidth) ? pageWidth : reach((r) => r.transform[4]! + r.width, 595);
    pageHeight = finite(pageHeight) ? pageHeight : reach((r) => r.transform[5]! + Math.abs(r.transform[3]!), 842);
    view = [1, 0, 0, -1, 0, pageHeight];
    warnings.push(`第${page.pageNumber}页的页面尺寸不是有限数(PDF中的数值溢出), 按文字所及范围读取`);
  }
  const { turn, width, height } = uprightTurn(runs, view, pageWidth, pageHeight);
  const toPage = multiply(turn, view);
  // Text set aslant across the page is a watermark (内部资料 仅供参考 at 30°) or a vector seal's ring of
  // characters, printed over the form, not in its cells: kept out of the glyphs, and said.
  const slanted = aslantRuns(runs, toPage);
  const glyphs = glyphsFromRuns(slanted.length > 0 ? runs.filter((r) => !slanted.includes(r)) : runs, toPage).filter(finiteBox);
  if (slanted.length > 0) {
    const texts = [...new Set(slanted.map((r) => r.str.trim()))];
    warnings.push(`第${page.pageNumber}页有${slanted.length}段斜置的文字(水印或印章: ${texts.slice(0, MAX_SLANTED_TEXTS).join(" / ")}${texts.length > MAX_SLANTED_TEXTS ? " …" : ""}), 未读入表格`);
  }
  if (repaired + dropped > 0) {
    warnings.push(`第${page.pageNumber}页有${repaired + dropped}段文字的位置或宽度不是有限数(PDF中的数值溢出), ${dropped > 0 ? `丢弃${dropped}段, ` : ""}${repaired > 0 ? `按字号估算${repaired}段` : ""}`.replace(/, $/, ""));
  }
  if (paths.length > settings.maxPathsPerPage) {
    warnings.push(`第${page.pageNumber}页绘图路径过多(${paths.length}条, 上限${settings.maxPathsPerPage}), 只读取前${settings.maxPathsPerPage}条`);
  }
  const edges = edgesFromPaths(paths, toPage, { maxLineThickness: settings.maxLineThickness, maxPaths: settings.maxPathsPerPage })
    .flatMap((e) => finiteEdge(e, e.orientation === "h" ? width : height));
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

const finite = Number.isFinite;
const finiteBox = (g: Glyph) => finite(g.x0) && finite(g.y0) && finite(g.x1) && finite(g.y1) && finite(g.size);

/**
 * A ruling edge with finite numbers: a line drawn towards infinity (a PDF
 * number past the largest double) is cut at the page's edge; one without a
 * finite position is dropped.
 */
function finiteEdge(e: Edge, extent: number): Edge[] {
  if (!finite(e.at)) return [];
  const clamp = (v: number) => (finite(v) ? v : Number.isNaN(v) ? null : v > 0 ? Math.max(extent, 0) : 0);
  const from = clamp(e.from), to = clamp(e.to);
  return from === null || to === null ? [] : [{ ...e, from, to }];
}

/**
 * Text runs whose numbers are all finite. A PDF number past the largest double
 * (a font width, a text matrix operand) reaches pdf.js as Infinity; the run
 * then is Infinity points wide, and the runs after it in the same text object
 * sit at NaN. Instead of failing the page (or the whole document): a run with
 * a non-finite width gets the width its characters have at its font size; a
 * run at a non-finite position that continues an earlier run (same matrix
 * scale) is put right after it, on its baseline; a run that cannot be placed
 * is dropped. `repaired` and `dropped` count the runs with visible text.
 */
export function finiteRuns(runs: readonly TextRun[]): { runs: TextRun[]; repaired: number; dropped: number } {
  const out: TextRun[] = [];
  let repaired = 0, dropped = 0;
  let prev: TextRun | null = null;
  const sameScale = (a: readonly number[], b: readonly number[]) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3];
  runs.forEach((run, i) => {
    const t = run.transform;
    const visible = run.str.trim().length > 0;
    const bad = t.length < 6 || !t.every(finite) || !finite(run.width) || run.width < 0;
    if (!bad) {
      out.push(run);
      prev = run;
      return;
    }
    // pdf.js's own spaces between the pieces of a broken run carry no text: not placed.
    if (!visible) return;
    if (!t.slice(0, 4).every(finite)) {
      dropped++;
      return;
    }
    const size = Math.hypot(t[2]!, t[3]!) || 1;
    let fixed = false;
    let width = run.width;
    if (!finite(width) || width < 0) {
      width = Array.from(normalisePdfText(run.str, false)).reduce((w, ch) => w + (isWideCodePoint(ch.codePointAt(0)!) ? 1 : 0.55), 0) * size;
      // …but no wider than the gap to the next placed run on its line.
      const next = runs.slice(i + 1, i + 50).find((r) => r.str.trim() && r.transform.every(finite) && sameScale(r.transform, t) && r.transform[5] === t[5]);
      if (next && finite(t[4]!) && next.transform[4]! > t[4]!) width = Math.min(width, next.transform[4]! - t[4]!);
      fixed = true;
    }
    let [e, f] = [t[4]!, t[5]!];
    if (!finite(e) || !finite(f)) {
      const p: TextRun | null = prev;
      if (!p || !sameScale(p.transform, t)) {
        dropped++;
        return;
      }
      const len = Math.hypot(p.transform[0]!, p.transform[1]!) || 1;
      e = p.transform[4]! + (p.width * p.transform[0]!) / len;
      f = p.transform[5]! + (p.width * p.transform[1]!) / len;
      fixed = true;
    }
    const height = finite(run.height) ? run.height : size;
    const kept = { ...run, transform: [t[0]!, t[1]!, t[2]!, t[3]!, e, f], width, height };
    if (fixed) repaired++;
    out.push(kept);
    prev = kept;
  });
  return { runs: out, repaired, dropped };
}
