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
import { attachOcrConfidence } from "./ocr-confidence.ts";
import type { OcrGlyph } from "./ocr-glyphs.ts";
import { OCR_PAGE_ALLOWANCE_MS, type OcrOptions } from "./ocr-modes.ts";
import { ocrPageContent } from "./ocr-page.ts";
import { readPage, runsAndPaths } from "./read-page.ts";
import { searchableScanCheck } from "./searchable-scan.ts";
import { PdfSettings, type PdfSettingsInput } from "./settings.ts";
import { UNDECODABLE_REASON, isUndecodableText } from "./undecodable-text.ts";

export { PdfSettings, type PdfSettingsInput } from "./settings.ts";
export { renderPageSvg } from "./svg.ts";
export { OCR_MODES, OCR_PAGE_ALLOWANCE_MS, type OcrMode, type OcrOptions } from "./ocr-modes.ts";
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
  /** Pages without a text layer read by OCR (default: auto). */
  ocr?: OcrOptions;
}

const timeoutError = (ms: number, where: string) =>
  new ExtractError(`timeout: expected the PDF to be read within ${ms / 1000} s, still reading ${where}`, "timeout");

/** Rejects after `ms` (plus what `extend` adds: OCR pages) with a timeout ExtractError; the caller tears pdf.js down. */
function deadline(ms: number, where: () => string): { promise: Promise<never>; clear: () => void; extend: (more: number) => void } {
  let timer: NodeJS.Timeout | undefined;
  let total = ms;
  let fail: (e: ExtractError) => void = () => {};
  const promise = new Promise<never>((_, reject) => {
    fail = reject;
  });
  const arm = (left: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => fail(timeoutError(total, where())), left);
  };
  const startedAt = Date.now();
  arm(ms);
  return { promise, clear: () => clearTimeout(timer), extend: (more) => arm(startedAt + (total += more) - Date.now()) };
}

export async function extractPdf(bytes: Uint8Array, opts: PdfExtractOptions = {}): Promise<ExtractedDocument> {
  const settings = PdfSettings.parse(opts.pdf ?? {});
  const startedAt = Date.now();
  /** The time limit, grown by an allowance for each OCR page. */
  let budgetMs = settings.timeLimitMs;
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
    if (Date.now() > startedAt + budgetMs) throw timeoutError(budgetMs, where);
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
    const ocrGlyphs = new Map<number, OcrGlyph[]>();
    const ocr: OcrOptions = opts.ocr ?? { mode: "auto" };
    let strict: Promise<Awaited<ReturnType<typeof openPdf>>> | null = null;
    const previousDestroy = destroy;
    destroy = async () => {
      await previousDestroy?.();
      if (strict) await (await strict.catch(() => null))?.destroy();
    };
    let blankChecks = 0;
    const searchableScan = searchableScanCheck();
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
      // Text that decodes to control characters is no text: the page is read as a scan would be, by OCR where it holds an image.
      const undecodable = isUndecodableText(content.glyphs);
      if (undecodable) {
        content = { ...content, glyphs: [] };
        warnings.push(`第${n}页的${UNDECODABLE_REASON}`);
      }
      // pdf.js keeps parsed objects, fonts and page state for the whole document;
      // dropping them now and then keeps memory bounded on long files (a 500-page
      // file runs out of a 256 MB heap without it).
      if (n % CLEANUP_EVERY_PAGES === 0) await doc.cleanup();

      let layout = layoutPage(content, settings);
      if (ocr.mode === "auto" && layout.hasText && content.edges.length === 0) {
        // Text and no ruling: perhaps a searchable scan, whose table lines are only pixels.
        where = `page ${n} of ${pageCount} (image)`;
        const scan = await searchableScan(await doc.getPage(n), content.glyphs, content);
        checkClock();
        if (scan) {
          warnings.push(scan.warning);
          if (scan.edges.length) layout = layoutPage({ ...content, edges: scan.edges }, settings);
        }
      }
      if (ocr.mode === "force" || (ocr.mode === "auto" && !layout.hasText)) {
        // Recognition takes seconds a page: the document's time limit grows by an allowance for each.
        budgetMs += OCR_PAGE_ALLOWANCE_MS;
        limit.extend(OCR_PAGE_ALLOWANCE_MS);
        where = `page ${n} of ${pageCount} (OCR)`;
        const read = await ocrPageContent(await doc.getPage(n), ocr).catch((err: unknown) => {
          warnings.push(`第${n}页OCR识别失败: ${String((err as Error)?.message ?? err).split("\n")[0]}`);
          return null;
        });
        checkClock();
        if (read && (!layout.hasText || read.glyphs.length > 0)) {
          if (layout.hasText) warnings.push(`第${n}页有文字层, 按 --ocr force 改用OCR识别`);
          warnings.push(...read.content.warnings);
          layout = layoutPage(read.content, settings);
          ocrGlyphs.set(n, read.glyphs);
        }
      }
      opts.onPage?.(layout);
      if (!layout.hasText && undecodable) textErrors.set(n, UNDECODABLE_REASON);
      else if (!layout.hasText) {
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
        ...(ocrGlyphs.has(l.number) ? { ocr: true } : {}),
        ...(textErrors.has(l.number) ? { textError: textErrors.get(l.number) } : {}),
        ...(blankPages.has(l.number) ? { blank: true } : {}),
      })),
      blocks: withOcrConfidence(documentBlocks(layouts, settings), ocrGlyphs),
      warnings,
    };
  }
}

function withOcrConfidence(blocks: ReturnType<typeof documentBlocks>, glyphs: ReadonlyMap<number, readonly OcrGlyph[]>) {
  attachOcrConfidence(blocks, glyphs);
  return blocks;
}
