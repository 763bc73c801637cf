/**
 * Numbers pushed left of their column by the text before them, in layout text
 * (text-layout.ts). pdftotext gives a CJK character one column of its grid
 * but the page gives it two, so a cell of words that fills its cell on the
 * page overflows in the text, and the number of the next column is printed
 * one space after it, short of where the numbers of the other rows start:
 *
 *     完整性          4        —          4
 *     财务管理制度有效性 7           —      格执行制度,会计 7
 *
 * Such a number (one space after words ending in a CJK character or a
 * closing bracket, on a line with other values) is put where its column starts when that column, the next
 * one to its right, starts within MAX_PUSH columns of it, is empty on its
 * line and holds a number on other lines (a column of values).
 *
 * A line of CJK labels drifts the same way as a whole (资金情况 … 397 two columns
 * short of 年度金额(万元): … 397 above it): a number alone in its chunk, after a
 * wide gap, that starts at most MAX_DRIFT columns short of a column holding a
 * number on another line, with nothing between, is put where that column starts.
 */
import { type Chunk, chunkOf } from "./pdf/unruled.ts";
import { ALIGN_TOLERANCE } from "./pdf/cjk-columns.ts";
import { COLUMN } from "./text-geometry.ts";
import { NUMBER, VALUE_START, endsLikeCell } from "./text-layout-words.ts";

/** Columns a number may be pushed short of its column: more is a number of the text (救助资金 30). */
const MAX_PUSH = 8;
/** Other lines with a number at the column's start that make it a column of values. */
const MIN_VALUE_LINES = 2;
/** Columns a whole line of CJK labels may drift short of the column of its number. */
const MAX_DRIFT = 3;

export function placePushedNumbers(rows: readonly Chunk[][], starts: readonly number[]): Chunk[][] {
  const tolerance = ALIGN_TOLERANCE * COLUMN;
  const valueLines = (s: number, except: number) =>
    rows.filter((chunks, i) => i !== except && chunks.some((c) => Math.abs(c.x0 - s) <= tolerance && NUMBER.test(c.text))).length;
  // The start of a column of numbers the number at `w` drifted short of, if any.
  // (That column is empty on the line: nothing else starts before the column after it.)
  const driftedStart = (w: { x0: number }, line: number): number | undefined => {
    const s = starts.find((x) => x > w.x0 + tolerance && x - w.x0 <= MAX_DRIFT * COLUMN + 0.01);
    if (s === undefined || valueLines(s, line) < 1) return undefined;
    const next = starts.find((x) => x > s + tolerance) ?? Infinity;
    return rows[line]!.some((o) => o.x0 > w.x0 + 0.01 && o.x0 < next - tolerance) ? undefined : s;
  };
  return rows.map((chunks, line) => {
    const out: Chunk[] = [];
    let changed = false;
    chunks.forEach((c, k) => {
      const words = c.words, last = words[words.length - 1]!;
      // The words before the number: in its own chunk, or the chunk before it on the line.
      const before = words.length > 1 ? words[words.length - 2] : chunks[k - 1]?.words[chunks[k - 1]!.words.length - 1];
      if (NUMBER.test(last.text) && words.length === 1 && (!before || last.x0 - before.x1 > COLUMN + 0.01)) {
        const drifted = driftedStart(last, line);
        if (drifted !== undefined) {
          out.push(chunkOf([{ ...last, x0: drifted, x1: drifted + (last.x1 - last.x0) }]));
          changed = true;
          return;
        }
      }
      if (!NUMBER.test(last.text) || !before || last.x0 - before.x1 > COLUMN + 0.01) { out.push(c); return; }
      if (!endsLikeCell(before.text)) { out.push(c); return; }
      // Only on a row's line of values (a criterion's wrapped line ends in 计 2 too).
      if (!chunks.some((o) => o !== c && VALUE_START.test(o.text))) { out.push(c); return; }
      // A number right before another is a value of the text's (扣 0.5 5): only the last before the gap moves.
      if (chunks[k + 1] && NUMBER.test(chunks[k + 1]!.text) && chunks[k + 1]!.x0 - last.x1 <= COLUMN + 0.01) { out.push(c); return; }
      const s = starts.find((x) => x > last.x0 + tolerance);
      const nextStart = s === undefined ? undefined : starts.find((x) => x > s + tolerance);
      const empty = s !== undefined && !chunks.some((o) => o !== c && o.x1 > s - tolerance && (nextStart === undefined || o.x0 < nextStart - tolerance));
      if (s === undefined || !empty || s - last.x1 > MAX_PUSH * COLUMN || valueLines(s, line) < MIN_VALUE_LINES) { out.push(c); return; }
      const moved = { ...last, x0: s, x1: s + (last.x1 - last.x0) };
      if (words.length > 1) out.push(chunkOf(words.slice(0, -1)));
      out.push(chunkOf([moved]));
      changed = true;
    });
    return changed ? out : [...chunks];
  });
}
