/**
 * Characters with positions from pdf.js text content.
 *
 * pdf.js gives runs (one string, one transform, one width); the table finder
 * needs characters, because a run can cross a cell border and because wrapped
 * cell text is rebuilt character by character. A run's width is spread over
 * its characters, CJK and full-width characters counting one em and others
 * about half (exact for CJK forms, close enough for Latin to place a character
 * on the right side of a border).
 */
import { foldCompatibilityCharacters } from "../unicode.ts";
import { type Glyph, type Matrix, applyMatrix, multiply } from "./geometry.ts";

/**
 * Characters that PDF producers write in place of the one the author typed,
 * because one font glyph serves both and the producer's glyph-to-Unicode map
 * names the other (Chromium/Skia with Noto CJK does this): radicals-supplement
 * forms foldCompatibilityCharacters does not cover yet, 戶 for 户 (these forms
 * are simplified Chinese), U+2015 for the em dash. Each of them is also a
 * character someone may print on purpose (― is Japanese's dash, 戶 is
 * traditional Chinese), so they are corrected only in text from a producer
 * that shows it mis-maps (producerMisMaps).
 */
const PRODUCER_GLYPH_ALIASES: Record<string, string> = {
  "\u2EC9": "贝", "\u2ECB": "车", "\u2ED3": "长", "\u2ED9": "韦", "\u2EDA": "页", "\u2EDC": "飞", "\u2EE8": "麦",
  "\u6236": "户", "\u2015": "\u2014",
};
const ALIASED = new RegExp(`[${Object.keys(PRODUCER_GLYPH_ALIASES).join("")}]`, "g");
/** CJK radicals (Kangxi and supplement): never running text, so their presence shows a producer naming a shared glyph's other code point. */
const RADICAL = /[\u2E80-\u2FDF]/;

/**
 * Whether the runs come from a producer whose glyph-to-Unicode maps name
 * shared glyphs wrongly: some CJK text came out as radicals (⽬ for 目).
 */
export const producerMisMaps = (runs: readonly { str: string }[]) => runs.some((r) => RADICAL.test(r.str));

/**
 * All text normalisation a PDF's characters get: compatibility forms, then,
 * for text from a producer that mis-maps glyphs, the producer glyph aliases.
 */
export const normalisePdfText = (text: string, misMapped: boolean) => {
  const folded = foldCompatibilityCharacters(text);
  return misMapped ? folded.replace(ALIASED, (ch) => PRODUCER_GLYPH_ALIASES[ch] ?? ch) : folded;
};

/** What pdf.js returns per text item (TextItem in pdfjs-dist's types). */
export interface TextRun {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/** Share of the font size above the baseline that a glyph box covers. */
const ASCENT = 0.88;
/** Share of the font size below the baseline. */
const DESCENT = 0.12;
/** How much larger than its scale across a run its scale along may make a glyph's size (Type 3 fonts, above). */
const MAX_ALONG_OVER_ACROSS = 1.25;
/** Width of a narrow (Latin, digit) character relative to a CJK one. */
const NARROW_CHAR_SHARE = 0.55;

/** Code points set one em wide: Hangul Jamo, CJK and its punctuation, Hangul, compatibility and full-width forms, CJK Extensions B+. */
const WIDE_RANGES = [0x1100, 0x115f, 0x2e80, 0xa4cf, 0xac00, 0xd7a3, 0xf900, 0xfaff, 0xfe30, 0xfe4f, 0xff00, 0xff60, 0xffe0, 0xffe6, 0x20000, 0x3fffd];
export const isWideCodePoint = (cp: number) => {
  if (cp < WIDE_RANGES[0]!) return false; // ASCII and Latin, the common case, in one test
  for (let i = 0; i < WIDE_RANGES.length; i += 2) if (cp >= WIDE_RANGES[i]! && cp <= WIDE_RANGES[i + 1]!) return true;
  return false;
};
/** Whether any character of `s` is wide (callers pass one character). Range tests, not a regex: this runs per character of every page. */
export const isWide = (s: string) => {
  for (let i = 0; i < s.length; i++) {
    const cp = s.codePointAt(i)!;
    if (isWideCodePoint(cp)) return true;
    if (cp > 0xffff) i++;
  }
  return false;
};
/** What /\s/ matches, by code. */
const isSpaceCode = (c: number) =>
  c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/** The unit vector along which a run's text advances, in display space. */
export function runDirection(run: TextRun, view: Matrix): [number, number] {
  const m = multiply(view, run.transform as unknown as Matrix);
  const len = Math.hypot(m[0], m[1]) || 1;
  return [m[0] / len, m[1] / len];
}

/** A run whose direction is this close to vertical (|sin| of its angle) reads up or down the page. */
const SIDEWAYS = 0.95;
/**
 * A run whose direction is this far from the page's lines (|sin| of its angle, about 10°), and not sideways, is
 * set aslant; a run of one character at about 5° already (a seal's ring turns each character on its own; an OCR
 * layer over a tilted scan turns its words by the tilt, a few degrees).
 */
const ASLANT = 0.17;
const ASLANT_CHARACTER = 0.09;
/** A character is set up or down the page only this close to a quarter turn (about 8°): a ring's 75° is aslant. */
const SIDEWAYS_CHARACTER = 0.99;

/** Whether a run of `length` characters advancing along this unit vector is set aslant: neither along the page's lines nor up or down it. */
export const isSlanted = ([, dy]: [number, number], length: number) =>
  length === 1 ? Math.abs(dy) > ASLANT_CHARACTER && Math.abs(dy) < SIDEWAYS_CHARACTER : Math.abs(dy) > ASLANT && Math.abs(dy) < SIDEWAYS;

/**
 * Glyphs of the runs, in display space. Whitespace from the PDF is dropped but
 * remembered as `spaceBefore` on the next glyph: it is where words break.
 */
export function glyphsFromRuns(runs: readonly TextRun[], view: Matrix): Glyph[] {
  const glyphs: Glyph[] = [];
  // A space may come as its own run (pdf.js does this between font changes): it marks the next run.
  let pendingSpace = false;
  const misMapped = producerMisMaps(runs);
  runs.forEach((run, runIndex) => {
    if (!run.str) return;
    const chars = Array.from(normalisePdfText(run.str, misMapped));
    const m = multiply(view, run.transform as unknown as Matrix);
    const advLen = Math.hypot(m[0], m[1]) || 1;
    const ux = m[0] / advLen, uy = m[1] / advLen;
    // The font size: the text's scale across the run, or up to a little more where its scale along the run
    // is larger. (pdf.js scales a Type 3 font's runs across by the height of the font's glyph box, 8.75 or 9.22
    // for two runs of one 10-point line in cairo's output, and boxes of different heights on one baseline
    // fall on different lines; text stretched along its run by Tz is no taller for it, hence the bound.)
    const across = Math.hypot(m[2], m[3]);
    const size = Math.max(across, Math.min(Math.hypot(m[0], m[1]), across * MAX_ALONG_OVER_ACROSS)) || run.height || 1;
    // "Up" in display space is the image of the text space's +y axis, unless that makes the text a mirror
    // image: printed text is never mirrored, and a matrix that flips y (cairo writes 9 0 0 -9 x y Tm with
    // a font matrix that flips it back) would otherwise put each glyph's box below its baseline, in the
    // cell under it.
    const mirrored = ux * m[3] - uy * m[2] > 0; // display y grows down: upright text turns its up vector clockwise of its advance
    const upScale = (mirrored ? -1 : 1) / (across || 1);
    const upx = m[2] * upScale, upy = m[3] * upScale;
    const [ox, oy] = applyMatrix(view, run.transform[4] ?? 0, run.transform[5] ?? 0);
    // run.width is in user space; scale it as the view scales lengths along the run.
    const viewScale = Math.hypot(view[0], view[1]) || 1;
    const totalWidth = run.width * viewScale;
    const ascent = ASCENT * size, descent = -DESCENT * size;
    // The glyph of `text` spanning s..e along the run and descent..ascent across it; each
    // display coordinate is a sum of an "along" and an "up" term, so its extremes
    // are the sums of the terms' extremes (no corner list per character).
    const glyphAlong = (text: string, s: number, e: number): Glyph => ({
      text,
      x0: ox + Math.min(ux * s, ux * e) + Math.min(upx * ascent, upx * descent),
      x1: ox + Math.max(ux * s, ux * e) + Math.max(upx * ascent, upx * descent),
      y0: oy + Math.min(uy * s, uy * e) + Math.min(upy * ascent, upy * descent),
      y1: oy + Math.max(uy * s, uy * e) + Math.max(upy * ascent, upy * descent),
      size,
      spaceBefore: pendingSpace,
      run: runIndex,
    });
    // A run set sideways (a column header turned a quarter, reading up or down the page) is one
    // piece of text: glyph by glyph, each letter would stand on a line of its own and the word be read
    // down the page, backwards for text that reads upwards ("s r e t o v" for "voters").
    if (Math.abs(uy) > SIDEWAYS && chars.some((c) => !isSpaceCode(c.codePointAt(0)!))) {
      glyphs.push(glyphAlong(chars.join("").trim(), 0, totalWidth));
      pendingSpace = false;
      return;
    }
    const codes = chars.map((c) => c.codePointAt(0)!);
    const weights = codes.map((cp) => (isWideCodePoint(cp) ? 1 : NARROW_CHAR_SHARE));
    const weightSum = weights.reduce((a, b) => a + b, 0) || 1;
    let pos = 0;
    chars.forEach((ch, k) => {
      const w = (weights[k]! / weightSum) * totalWidth;
      const s = pos, e = pos + w;
      pos = e;
      if (isSpaceCode(codes[k]!)) { pendingSpace = true; return; }
      glyphs.push(glyphAlong(ch, s, e));
      pendingSpace = false;
    });
  });
  return glyphs;
}

/**
 * The quarter turn that makes most of a page's text read left to right: a
 * landscape table printed sideways on a portrait page is turned upright.
 * Returns the matrix to put in front of the view transform and the page size after it.
 */
export function uprightTurn(runs: readonly TextRun[], view: Matrix, width: number, height: number): { turn: Matrix; width: number; height: number } {
  const votes = { right: 0, up: 0, down: 0, left: 0 };
  for (const r of runs) {
    const n = r.str.trim().length;
    if (!n) continue;
    const [dx, dy] = runDirection(r, view);
    if (dx > 0.9) votes.right += n;
    else if (dy < -0.9) votes.up += n;
    else if (dy > 0.9) votes.down += n;
    else if (dx < -0.9) votes.left += n;
  }
  const best = (Object.keys(votes) as (keyof typeof votes)[]).reduce((a, b) => (votes[b] > votes[a] ? b : a), "right");
  if (best === "up") return { turn: [0, 1, -1, 0, height, 0], width: height, height: width };
  if (best === "down") return { turn: [0, -1, 1, 0, 0, width], width: height, height: width };
  if (best === "left") return { turn: [-1, 0, 0, -1, width, height], width, height };
  return { turn: [1, 0, 0, 1, 0, 0], width, height };
}
