/**
 * The PDF extractor: bytes → pages read through pdf.js → page layouts →
 * the common table grid. Bounded: a page cap, an operator cap per page, and a
 * time limit for the whole document.
 */
import type { ExtractedDocument } from "../grid.ts";
import { ExtractError } from "../errors.ts";
import { documentBlocks, pageInfo } from "./document.ts";
import { type PageLayout, layoutPage } from "./layout.ts";
import { openPdf, toExtractError } from "./load.ts";
import { loadPdfJs } from "./pdfjs.ts";
import { readPage, runsAndPaths } from "./read-page.ts";
import { PdfSettings, type PdfSettingsInput } from "./settings.ts";

export { PdfSettings, type PdfSettingsInput } from "./settings.ts";
export { renderPageSvg } from "./svg.ts";
export type { PageLayout } from "./layout.ts";

/** Textless pages of one file whose operators are read to tell a blank page from a scan. */
const MAX_BLANK_CHECKS = 5;
/** pdf.js operators that put something on the page. */
const PAINT_OPS = [
  "paintImageXObject", "paintInlineImageXObject", "paintImageMaskXObject", "paintXObject", "paintImageXObjectRepeat",
  "paintImageMaskXObjectRepeat", "paintSolidColorImageMask", "paintInlineImageXObjectGroup", "paintImageMaskXObjectGroup",
  "constructPath", "fill", "eoFill", "stroke", "fillStroke", "eoFillStroke", "closeStroke", "closeFillStroke", "closeEOFillStroke",
  "shadingFill", "showText", "showSpacedText", "nextLineShowText", "nextLineSetSpacingShowText", "paintFormXObjectBegin", "rawFillPath",
] as const;

/** Pages between two clean-ups of pdf.js's document caches. */
const CLEANUP_EVERY_PAGES = 25;

export interface PdfExtractOptions {
  fileName?: string;
  pdf?: PdfSettingsInput;
  /** Called with each page's layout (for `jixiao inspect --svg`). */
  onPage?: (layout: PageLayout) => void;
}

const timeoutError = (ms: number, where: string) =>
  new ExtractError(`timeout: expected the PDF to be read within ${ms / 1000} s, still reading ${where}`, "timeout");

/** Rejects after `ms` with a timeout ExtractError; the caller tears pdf.js down. */
function deadline(ms: number, where: () => string): { promise: Promise<never>; clear: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timeoutError(ms, where())), ms);
  });
  return { promise, clear: () => clearTimeout(timer) };
}

export async function extractPdf(bytes: Uint8Array, opts: PdfExtractOptions = {}): Promise<ExtractedDocument> {
  const settings = PdfSettings.parse(opts.pdf ?? {});
  const startedAt = Date.now();
  let where = "the document structure";
  const limit = deadline(settings.timeLimitMs, () => where);
  let destroy: (() => Promise<void>) | null = null;
  try {
    return await Promise.race([limit.promise, run()]);
  } finally {
    limit.clear();
    if (destroy) await (destroy as () => Promise<void>)().catch(() => {});
  }

  // A long pdf.js call blocks the event loop and so the timer: the clock is also checked between pages.
  function checkClock(): void {
    if (Date.now() > startedAt + settings.timeLimitMs) throw timeoutError(settings.timeLimitMs, where);
  }

  async function run(): Promise<ExtractedDocument> {
    const opened = await openPdf(bytes);
    destroy = opened.destroy;
    const { doc } = opened;
    const pageCount = doc.numPages;
    if (pageCount > settings.maxPages) {
      throw new ExtractError(`too_large: expected at most ${settings.maxPages} pages, found ${pageCount}`, "too_large");
    }
    const layouts: PageLayout[] = [];
    const warnings: string[] = [];
    const textErrors = new Map<number, string>();
    const blankPages = new Set<number>();
    let strict: Promise<Awaited<ReturnType<typeof openPdf>>> | null = null;
    const previousDestroy = destroy;
    destroy = async () => {
      await previousDestroy?.();
      if (strict) await (await strict.catch(() => null))?.destroy();
    };
    let blankChecks = 0;
    /**
     * Why page n has no text, from a second copy of the document opened to stop
     * at errors: pdf.js's error when it cannot parse the page's content; `blank`
     * when the page paints nothing at all (no image, path or text: an empty or
     * missing content stream, no scan); null for a page that paints an image or
     * paths and has no text (a scan). Looking for paint operators decodes the
     * page's images, so only the first few textless pages of a file are asked.
     */
    async function whyNoText(n: number): Promise<{ error?: string; blank?: boolean } | null> {
      strict ??= openPdf(bytes, { stopAtErrors: true });
      const opened = await strict.catch(() => null);
      if (!opened) return null; // the strict copy does not even open: no finer reason than "no text"
      try {
        const page = await opened.doc.getPage(n);
        // pdf.js gives no text for a page whose box holds a number past the largest double.
        if (!page.view.every(Number.isFinite)) return { error: `页面框不是有限数: [${page.view.map((v) => Math.round(v * 100) / 100).join(" ")}]` };
        const { paths } = await runsAndPaths(page);
        let blank = false;
        if (paths.length === 0 && blankChecks++ < MAX_BLANK_CHECKS) {
          const { OPS } = await loadPdfJs();
          const paints = new Set<number>(PAINT_OPS.map((k) => OPS[k]));
          blank = !(await page.getOperatorList()).fnArray.some((op) => paints.has(op));
        }
        page.cleanup();
        return blank ? { blank } : null;
      } catch (err) {
        const msg = ((err as Error)?.message ?? String(err)).replace(/\s+/g, " ").trim().slice(0, 160);
        return { error: /call stack/i.test(msg) ? `嵌套过深: ${msg}` : msg || "pdf.js error" };
      }
    }
    for (let n = 1; n <= pageCount; n++) {
      where = `page ${n} of ${pageCount}`;
      checkClock();
      let content;
      try {
        content = await readPage(await doc.getPage(n), settings);
      } catch (err) {
        throw toExtractError(err, `page ${n} of ${pageCount}`);
      }
      checkClock();
      warnings.push(...content.warnings);
      // pdf.js keeps parsed objects, fonts and page state for the whole document;
      // dropping them now and then keeps memory bounded on long files (a 500-page
      // file runs out of a 256 MB heap without it).
      if (n % CLEANUP_EVERY_PAGES === 0) await doc.cleanup();

      const layout = layoutPage(content, settings);
      opts.onPage?.(layout);
      if (!layout.hasText) {
        // No text: a scan, or a content stream pdf.js gave up on (it skips errors). Only a strict re-read tells them apart.
        const why = await whyNoText(n);
        checkClock();
        if (why?.error) textErrors.set(n, why.error);
        if (why?.blank) blankPages.add(n);
        warnings.push(why?.error ? `第${n}页的内容无法解析, 文字未能读取(${why.error})` : why?.blank ? `第${n}页是空白页(无文字、图像或线条)` : `第${n}页无文字层(扫描件?)`);
      }
      // Keep the layout but not the glyphs, nor the ruling edges (only drawn, by
      // onPage): what a long file holds until its tables are joined stays small.
      layouts.push({ ...layout, edges: [] });
    }
    where = "the document's tables";
    checkClock();
    return {
      format: "pdf",
      pageCount,
      pages: layouts.map((l) => ({
        ...pageInfo(l),
        ...(textErrors.has(l.number) ? { textError: textErrors.get(l.number) } : {}),
        ...(blankPages.has(l.number) ? { blank: true } : {}),
      })),
      blocks: documentBlocks(layouts, settings),
      warnings,
    };
  }
}
