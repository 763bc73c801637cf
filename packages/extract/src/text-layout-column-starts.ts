/**
 * Column starts of -layout text where pdftotext's character grid drifts.
 * Chromium's PDFs come out of pdftotext with columns packed tight: a cell that
 * fills its column is followed by one space and the next cell, which then
 * starts a character short of where the column's other cells start, and the
 * values of one column start one or two characters apart from row to row
 * (州本级及12县 at 36, 12个 at 38). Two steps put such cells back in their columns:
 * - mergeCloseStarts: two starts too close for both to hold a cell on one line are one column;
 * - cutShortOfStarts: a cell one space after a full cell, starting a character short of a
 *   column start, is that column's.
 */
import type { Word } from "./pdf/geometry.ts";
import { type Chunk, chunkOf } from "./pdf/unruled.ts";
import { ALIGN_TOLERANCE, isItemHead } from "./pdf/cjk-columns.ts";
import { isWide } from "./pdf/glyphs.ts";
import { lastChar } from "./pdf/words.ts";
import { isHeaderWord } from "./text-stream-words.ts";
import { CLOSING, COMPARISON } from "./text-layout-words.ts";

/** Characters: starts this close are one column unless a line has cells at both. */
const CLOSE_STARTS = 2;
/** Characters: how far short of a column start a cell one space after another may start and still be that column's. */
const SHORT_OF_START = 1;
/** Characters: how far past a column start a figure one space after a full cell may start and still be that column's. */
const PAST_START = 1;
/** A figure alone, with its comparison and a short unit at most (100%, ≥90%, 12个, ≤120万元). */
const PUSHED_FIGURE = new RegExp(`^${COMPARISON}?[-+]?\\d[\\d,]*(?:\\.\\d+)?(?:%|[\\u4e00-\\u9fff]{1,2})?$`);
/** Characters: the widest gap that is one space. */
const ONE_SPACE = 1.5;
/** A word that is all one bracket (a wrapped label's tail, (万元)) ends no cell, though it ends in a closing bracket. */
const BRACKETED = /^[(（\[【][^)）\]】]*[)）\]】]$/;
/** Punctuation a space follows inside running text (目标1: 切实…; 安全, 平衡): no cell ends with it. */
const RUNNING_PUNCTUATION = /[，、。；：,;:！？!?]$/;

/**
 * Drops a start two characters or less right of another when no line has a
 * cell starting at each: the two are one column's cells drifting (a line of two
 * one-character cells one space apart, 4 4, keeps both).
 */
export function mergeCloseStarts(starts: readonly number[], rows: readonly Chunk[][], column: number): number[] {
  const tolerance = ALIGN_TOLERANCE * column;
  const out = [...starts];
  // The region's left edge is no aligned start: labels centred in the first column start a character or two from it.
  for (let k = 2; k < out.length;) {
    const a = out[k - 1]!, b = out[k]!;
    const close = b - a <= CLOSE_STARTS * column + tolerance;
    const both = close && rows.some((chunks) => {
      const xs = chunks.flatMap((c) => c.words.map((w) => w.x0));
      return xs.some((x) => x >= a - tolerance && x < b - tolerance) && xs.some((x) => x >= b - tolerance && x < b + CLOSE_STARTS * column);
    });
    // Column words in both (指标值 over one, 备注 over the other): two header cells whose columns hold no text of their own.
    const headed = (lo: number, hi: number) => rows.some((chunks) => chunks.some((c) => isHeaderWord(c.text) && c.x0 >= lo - tolerance && c.x0 < hi - tolerance));
    if (close && !both && !(headed(a, b) && headed(b, out[k + 1] ?? Infinity))) out.splice(k, 1);
    else k++;
  }
  return out;
}

/**
 * Cuts a chunk where a word, one space after a word ending in a CJK character
 * or a closing bracket, starts up to a character short of a column start and
 * ends before the column after it: a cell that fills its column
 * (异地就医联网结算平台) and the next column's cell (有效保障). The cut-off part
 * is moved onto the column start.
 * Running text crossing a column (a goal, 目标 2: …) runs on past the next
 * column, or has its space after punctuation.
 */
export function cutShortOfStarts(chunks: readonly Chunk[], starts: readonly number[], column: number): Chunk[] {
  const tolerance = ALIGN_TOLERANCE * column;
  const out: Chunk[] = [];
  for (const chunk of chunks) {
    let cur: Word[] = [];
    const flush = () => {
      if (cur.length) out.push(chunkOf(cur));
      cur = [];
    };
    chunk.words.forEach((w, k) => {
      const prev = cur[cur.length - 1] ?? out[out.length - 1]?.words.at(-1);
      // (The cell's first word, when it starts this chunk's cell at a column start: a cell that fills its column.)
      const head = cur[0] !== undefined && starts.some((x) => Math.abs(cur[0]!.x0 - x) <= tolerance) ? cur[0] : undefined;
      const s = prev ? shortOfStart(prev, w, chunk.words.slice(k), starts, column, tolerance, head !== undefined) : undefined;
      if (s === undefined) {
        cur.push(w);
        return;
      }
      flush();
      cur.push({ ...w, x0: s });
    });
    flush();
  }
  return out;
}

/** The column start a word one space after a full cell starts a character short of, if it is that column's first word. */
function shortOfStart(prev: Word, w: Word, rest: readonly Word[], starts: readonly number[], column: number, tolerance: number, fromStart: boolean): number | undefined {
  if (w.x0 - prev.x1 > ONE_SPACE * column) return undefined;
  const end = lastChar(prev.text);
  // (A CJK character after which running text puts a space is no cell's end: 目标1: 切实….)
  const endsCell = (isWide(end) && !RUNNING_PUNCTUATION.test(end)) || (CLOSING.test(prev.text) && !BRACKETED.test(prev.text));
  // (Nor a numbered item's word before its number, 指标 1 部门重点支出….)
  if (!endsCell || isItemHead(prev.text, w.text)) return undefined;
  const s = starts.find((x) => x > prev.x0 + tolerance && (
    (w.x0 < x - tolerance && x - w.x0 <= SHORT_OF_START * column + tolerance) ||
    // (A figure pushed a character past the start by the cell before it, which fills its column from its start,
    // and all the rest of the line's chunk: 项目(工程)验收合格率 100%. Not a figure inside running text,
    // 保鲜库 1 座,3550 平方米, nor the end of a centred cell wider than its column, 资金到位率达 100%.)
    (fromStart && rest.length === 1 && PUSHED_FIGURE.test(w.text) && w.x0 > x + tolerance && w.x0 - x <= PAST_START * column + tolerance)));
  if (s === undefined) return undefined;
  const after = starts.find((x) => x > s + tolerance);
  return after !== undefined && Math.max(...rest.map((r) => r.x1)) > after + tolerance ? undefined : s;
}
