/**
 * Page furniture: running headers, footers and page numbers are not content.
 * A line is furniture when it sits in the top or bottom band of its page and
 * is a page number, or repeats (digits ignored) on most pages in small type.
 * Titles repeat too (one form per page in a multi-form file) but are set
 * larger than body text, so size keeps them.
 */
import type { PageLayout, LooseLine } from "./layout.ts";

/** A repeated margin line must appear on at least this share of pages... */
const REPEAT_SHARE = 0.6;
/** ...and on at least this many pages. */
const REPEAT_MIN_PAGES = 3;

const PAGE_NUMBER_PATTERNS = [
  /^[-—–－\s]*\d{1,4}[-—–－\s]*$/,
  /^第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$/,
  /^(共\s*\d{1,4}\s*页\s*)?第\s*\d{1,4}\s*页$/,
  /^\d{1,4}\s*\/\s*\d{1,4}$/,
  /^page\s*\d{1,4}(\s*(of|\/)\s*\d{1,4})?$/i,
];

export const isPageNumberText = (text: string) => PAGE_NUMBER_PATTERNS.some((p) => p.test(text.trim()));

/** Whether a line sits in the top or bottom band (a share of the page height) of its page. */
export const inMarginBand = (line: LooseLine, page: PageLayout, band: number) =>
  line.y1 <= page.height * band || line.y0 >= page.height * (1 - band);

const repeatKey = (text: string) => text.replace(/\d+/g, "#").replace(/\s+/g, "");

function medianSize(lines: readonly LooseLine[]): number {
  const sizes = lines.map((l) => l.size).sort((a, b) => a - b);
  return sizes[Math.floor(sizes.length / 2)] ?? 0;
}

/** The pages with their header, footer and page-number lines removed. */
export function dropPageFurniture(pages: readonly PageLayout[], band: number): PageLayout[] {
  const pagesWith = new Map<string, number>();
  for (const p of pages) {
    const keys = new Set(p.lines.filter((l) => inMarginBand(l, p, band)).map((l) => repeatKey(l.text)));
    for (const k of keys) pagesWith.set(k, (pagesWith.get(k) ?? 0) + 1);
  }
  const minPages = Math.max(REPEAT_MIN_PAGES, Math.ceil(pages.length * REPEAT_SHARE));
  return pages.map((p) => {
    const body = medianSize(p.lines);
    const isFurniture = (l: LooseLine) =>
      inMarginBand(l, p, band) &&
      (isPageNumberText(l.text) || ((pagesWith.get(repeatKey(l.text)) ?? 0) >= minPages && l.size <= body + 0.5));
    return { ...p, lines: p.lines.filter((l) => !isFurniture(l)) };
  });
}
