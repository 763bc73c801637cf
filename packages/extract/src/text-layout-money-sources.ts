/**
 * Labels of a budget block's lines in layout text (text-layout.ts): 其他资金,
 * 上年结转资金, 其中:财政拨款, 地方资金(万元). pdftotext prints a line whose
 * amounts are left blank as its label alone, right under the label of the line
 * above, where it looks like the wrapped tail of that label
 * (其中:中央、省、市补助县级资金 over 其他资金). A label that names where money
 * comes from under another such label, in the same column, is a line of the
 * block of its own, never the other's tail.
 */
import { foldCompatibilityCharacters } from "./unicode.ts";

/** Longest label read as a money source (a wrapped sentence is longer). */
const MAX_SOURCE_CHARS = 20;
/** Fewest characters: a shorter piece (资金, 拨款) is a tail. */
const MIN_SOURCE_CHARS = 4;
/** How a money source's name ends (资金, 财政拨款, 中央补助, 上年结转, 资金总额, 基本支出), before a unit in brackets or a colon. */
const SOURCE_END = /(?:资金|拨款|经费|补助|结转|结余|资金总额|其他|基本支出|项目支出)(?:\((?:万元|元)\))?[:]?$/;
/** Short names of a line of their own: 其他 under 项目支出, the rest of the money. */
const SHORT_SOURCE = /^其他(?:\((?:万元|元)\))?[:]?$/;
/** A figure: an amount is no label, nor a target with a unit. */
const FIGURE = /\d/;

const key = (s: string) => foldCompatibilityCharacters(s).replace(/\s+/g, "").replace(/（/g, "(").replace(/）/g, ")").replace(/：/g, ":");

/** Whether a cell's text names where money comes from (其他资金, 其中:财政拨款, 地方资金(万元)). */
export function namesMoneySource(text: string): boolean {
  const k = key(text);
  const n = Array.from(k).length;
  return (n >= MIN_SOURCE_CHARS && n <= MAX_SOURCE_CHARS && !FIGURE.test(k) && SOURCE_END.test(k)) || SHORT_SOURCE.test(k);
}
