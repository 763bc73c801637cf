/**
 * A text layer that cannot be decoded: its fonts give no Unicode for their
 * glyphs, so pdf.js reports control characters, private-use code points or
 * U+FFFD instead of text (a PDF rewritten by a tool that dropped the fonts'
 * ToUnicode maps reads "\u0011\u0012\u0013\u0014" where the page shows 临时救助).
 * Read as text, such a page makes a form of garbage; taken as a page without
 * text, it is read by OCR where it holds an image, and otherwise reported.
 */
import type { Glyph } from "./geometry.ts";

/**
 * Share of a page's printed characters that, when undecodable, makes the whole layer so. Printed text never
 * holds a control character; a layer that lost its maps holds them among plain ASCII that is just as wrong
 * ("!"#$%&" for 项目名称's value): a tenth of them is a layer beyond reading.
 */
export const UNDECODABLE_SHARE = 0.1;
/** Characters a page has at least before its layer is judged (a page number alone is not judged). */
export const MIN_JUDGED_CHARACTERS = 10;

/** C0 and C1 controls, private-use code points (BMP and planes 15–16), the replacement character. */
const UNDECODABLE = /[\u0000-\u001F\u007F-\u009F\uE000-\uF8FF\uFFFD]|[\u{F0000}-\u{10FFFF}]/u;

/** Whether most of a page's characters came out undecodable. */
export function isUndecodableText(glyphs: readonly Pick<Glyph, "text">[]): boolean {
  let printed = 0;
  let undecodable = 0;
  for (const g of glyphs) {
    for (const ch of g.text) {
      if (/\s/.test(ch)) continue;
      printed++;
      if (UNDECODABLE.test(ch)) undecodable++;
    }
  }
  return printed >= MIN_JUDGED_CHARACTERS && undecodable >= UNDECODABLE_SHARE * printed;
}

/** The reason stored for such a page: what was expected, what was found. */
export const UNDECODABLE_REASON = "文字层无法解码: 字体未给出字符的Unicode映射, 读出的是控制符";
