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
import { readPage } from "./read-page.ts";
import { PdfSettings, type PdfSettingsInput } from "./settings.ts";

export { PdfSettings, type PdfSettingsInput } from "./settings.ts";
export { renderPageSvg } from "./svg.ts";
export type { PageLayout } from "./layout.ts";

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
      if (!layout.hasText) warnings.push(`第${n}页无文字层(扫描件?)`);
      // Keep the layout but not the glyphs, nor the ruling edges (only drawn, by
      // onPage): what a long file holds until its tables are joined stays small.
      layouts.push({ ...layout, edges: [] });
    }
    where = "the document's tables";
    checkClock();
    return {
      format: "pdf",
      pageCount,
      pages: layouts.map(pageInfo),
      blocks: documentBlocks(layouts, settings),
      warnings,
    };
  }
}
