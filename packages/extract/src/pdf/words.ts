/**
 * Glyphs → lines → words → text. Chinese needs no spaces between characters,
 * and a cell whose text wraps is one string again: 确保基本医保、大病保险、医疗救助覆
 * + 盖率 → 确保基本医保、大病保险、医疗救助覆盖率, 42.81 + % → 42.81%.
 */
import { type Glyph, type Word, type Box, centreY, unionBox } from "./geometry.ts";
import { isWide } from "./glyphs.ts";

export interface TextLine extends Box {
  glyphs: Glyph[];
  size: number;
}

/**
 * Groups glyphs into lines: glyphs whose vertical centres are closer than
 * `overlap` × font size share a line; each line is sorted left to right
 * (ties keep run order).
 */
export function linesFromGlyphs(glyphs: readonly Glyph[], overlap: number): TextLine[] {
  // Centres computed once, not twice per comparison: this runs for every cell of every page.
  const centres = glyphs.map(centreY);
  const byCentre = (i: number, j: number) => centres[i]! - centres[j]! || glyphs[i]!.x0 - glyphs[j]!.x0;
  // Glyphs nearly always arrive in reading order already; checking costs less than sorting.
  const order = inOrder(glyphs.length, byCentre) ? null : Array.from(glyphs.keys()).sort(byCentre);
  const lines: { cy: number; size: number; glyphs: Glyph[] }[] = [];
  for (let k = 0; k < glyphs.length; k++) {
    const i = order ? order[k]! : k;
    const g = glyphs[i]!;
    const cy = centres[i]!;
    const last = lines[lines.length - 1];
    if (last && Math.abs(cy - last.cy) <= overlap * Math.min(g.size, last.size)) {
      last.glyphs.push(g);
      last.cy += (cy - last.cy) / last.glyphs.length;
    } else {
      lines.push({ cy, size: g.size, glyphs: [g] });
    }
  }
  return lines.map((l) => {
    const gs = l.glyphs;
    if (!inOrder(gs.length, (i, j) => gs[i]!.x0 - gs[j]!.x0 || gs[i]!.run - gs[j]!.run)) gs.sort((a, b) => a.x0 - b.x0 || a.run - b.run);
    return { ...unionBox(gs), glyphs: gs, size: maxSize(gs) };
  });
}

/** Whether items 0..n-1 are already in the order `compare` sorts them (a stable sort would leave them as they are). */
function inOrder(n: number, compare: (i: number, j: number) => number): boolean {
  for (let k = 1; k < n; k++) if (compare(k - 1, k) > 0) return false;
  return true;
}

function maxSize(glyphs: readonly Glyph[]): number {
  let max = -Infinity;
  for (const g of glyphs) if (g.size > max) max = g.size;
  return max;
}

/** Splits a line where pdf.js saw a space or where the gap exceeds `gap` × font size. */
export function wordsFromLine(line: TextLine, gap: number): Word[] {
  return splitWords(line.glyphs, gap).map((cur) => ({
    ...unionBox(cur), text: textOf(cur), size: maxSize(cur), spaceBefore: cur[0]!.spaceBefore,
  }));
}

/** The texts of a line's words (wordsFromLine without the boxes, for cell text). */
function wordTexts(line: TextLine, gap: number): { text: string }[] {
  return splitWords(line.glyphs, gap).map((cur) => ({ text: textOf(cur) }));
}

function splitWords(glyphs: readonly Glyph[], gap: number): Glyph[][] {
  const words: Glyph[][] = [];
  let cur: Glyph[] = [];
  for (const g of glyphs) {
    const prev = cur[cur.length - 1];
    if (prev && (g.spaceBefore || g.x0 - prev.x1 > gap * Math.min(g.size, prev.size))) {
      words.push(cur);
      cur = [];
    }
    cur.push(g);
  }
  if (cur.length) words.push(cur);
  return words;
}

function textOf(glyphs: readonly Glyph[]): string {
  let text = "";
  for (const g of glyphs) text += g.text;
  return text;
}

/** Last and first characters (code points, so a CJK Extension B character stays whole) without splitting the whole string. */
export const lastChar = (s: string) => {
  const low = s.charCodeAt(s.length - 1);
  return s.length > 1 && low >= 0xdc00 && low <= 0xdfff ? s.slice(-2) : s.slice(-1);
};
export const firstChar = (s: string) => {
  const cp = s.codePointAt(0);
  return cp === undefined ? "" : String.fromCodePoint(cp);
};

/**
 * Words on one line: one space between Latin words, none where either side is
 * CJK. A gap next to CJK is letter-spacing, justification or the extra room
 * LibreOffice and Word put between scripts (12 个), and pdf.js turns such gaps
 * into spaces; dropping them makes every producer give the same text (总 分 → 总分).
 */
export function joinWords(words: readonly Pick<Word, "text">[]): string {
  let out = "";
  for (const w of words) {
    if (!w.text) continue;
    if (out && !isWide(lastChar(out)) && !isWide(firstChar(w.text))) out += " ";
    out += w.text;
  }
  return out;
}

/**
 * Lines of one cell: joined with nothing, unless both sides are Latin words
 * or both are whole numbers grouped by thousands (then one space), so CJK text,
 * numbers cut before a unit or a percent sign, and digits cut mid-number come
 * back whole.
 */
export function joinWrappedLines(lines: readonly string[]): string {
  let out = "";
  for (const l of lines) {
    if (!l) continue;
    // (Two numbers grouped by thousands, each whole, are two values stacked in the cell, not one cut: 62,785,105 / 11,200.)
    // (A grouped number cut after its comma, 62,785, / 105, is one.)
    const cutAtGroup = /\d,$/.test(out) && /^\d{3}(?:\D|$)/.test(l);
    if (out && !cutAtGroup && (needsSpaceAcrossWrap(lastChar(out), firstChar(l)) || (GROUPED_NUMBER_END.test(out) && GROUPED_NUMBER_START.test(l)) || dashStandsAlone(out, l))) out += " ";
    out += l;
  }
  return out;
}

/** A number grouped by thousands, complete at the end of a line / starting a line: 62,785,105 over 11,200. */
const GROUPED_NUMBER_END = /(?:^|[^\d,])\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const GROUPED_NUMBER_START = /^\d{1,3},\d{3}(?:\D|$)/;

/**
 * A dash set off by a space on its side of the wrap (Cantonments ‐ / Accra, Delhi – / 110032) is a word of its own,
 * so the lines keep their space; a dash attached to its word (G‐ / 1/Lot 1) joins as a hyphen does.
 */
const dashStandsAlone = (before: string, after: string) =>
  (/\s[-‐‑–—]$/.test(before) && /^[A-Za-z0-9(]/.test(after)) || (/[A-Za-z0-9)]$/.test(before) && /^[-‐‑–—]\s/.test(after));

function needsSpaceAcrossWrap(before: string, after: string): boolean {
  if (/[A-Za-z,;:)]/.test(before)) return /[A-Za-z0-9(]/.test(after);
  if (/[0-9.]/.test(before)) return /[A-Za-z(]/.test(after);
  return false;
}

/** The text of a set of glyphs read as a block: lines top to bottom, wrapped lines joined. */
export function textOfGlyphs(glyphs: readonly Glyph[], overlap: number, gap: number): string {
  return textOfLines(linesFromGlyphs(glyphs, overlap), gap);
}

/** The text of lines already grouped (see textOfGlyphs). */
export function textOfLines(lines: readonly TextLine[], gap: number): string {
  return joinWrappedLines(lines.map((l) => joinWords(wordTexts(l, gap))));
}

/** Gap (in font sizes) past which words on a narrative line are kept apart by a space even in CJK text. */
const WIDE_GAP = 1;

/** A narrative line's text: words joined as in a cell, but a wide gap (a tab, two fields on a line) stays a space. */
export function textOfWords(words: readonly Word[]): string {
  let out = "";
  let prev: Word | undefined;
  for (const w of words) {
    if (prev && w.x0 - prev.x1 > WIDE_GAP * Math.min(w.size, prev.size)) out += " " + w.text;
    else out = joinWords([{ text: out }, w]);
    prev = w;
  }
  return out;
}
