/**
 * Which PDF pages are read by OCR, and the time each adds to a file's limit.
 * Apart from ocr-page.ts so that the package's index, the CLI and the pool
 * can name them without loading the page-reading code.
 */
/** auto: pages without a text layer; force: every page with a page-sized image, text layer or not; off: none. */
export const OCR_MODES = ["auto", "off", "force"] as const;
export type OcrMode = (typeof OCR_MODES)[number];

/**
 * Time a page's recognition adds to the document's time limit (and the pool's
 * per-file limit): one page takes ~3 s of CPU at 200 dpi (5–6 s before
 * recognition went line by line), ~10 s of wall time
 * with both cores busy — and ~50 s on the development machine shared with 15
 * other busy processes, where 30 s a page stopped a 10-page scan after 6 pages.
 */
export const OCR_PAGE_ALLOWANCE_MS = 60_000;

export interface OcrOptions {
  mode: OcrMode;
  /** Told before each page is recognised (the parse pool extends the file's time limit and counts OCR pages). */
  onPage?: (page: number) => void;
}
