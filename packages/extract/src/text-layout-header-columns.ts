/**
 * Column words centred wider than their columns, in layout text (text-layout.ts's lineGridTable). A form
 * centres a header cell over its column, and pdftotext, which gives a CJK character one column of its grid
 * where the page gives it two, prints a long column word several characters right of the values under it:
 *
 *     调整指标值   全年完成值                        (header line)
 *         92%      100%                             (a row: 92% under no column word)
 *
 * The values then start a column of their own, between two headed columns, and the column word heads a
 * column no line under it fills. Such a word is moved onto the column left of it.
 */
import type { Chunk } from "./pdf/unruled.ts";
import { isHeaderWord } from "./text-stream.ts";

/** Lines under a header that fill a column at least for a column word over the empty column beside it to head it. */
const MIN_HEADED_LINES = 3;

/** Each line's chunks by the column they are placed in, as lineGridTable places them. */
export type Placed = Map<number, { chunk: Chunk; col: number; colEnd: number }[]>[];

/**
 * Moves each column word that heads an empty column onto the column left of it when that one is filled
 * under the header and headless on its line, by setting where it goes in `nudged` (line:x0 → column start);
 * whether any moved.
 */
export function headValuelessColumns(placed: Placed, starts: readonly number[], nudged: Map<string, number>): boolean {
  let moved = false;
  placed.forEach((bySlot, h) => {
    const words = [...bySlot.values()].flat().filter((p) => isHeaderWord(p.chunk.text));
    if (words.length < 2) return;
    // The lines under the header, down to the next header line.
    let end = h + 1;
    while (end < placed.length && [...placed[end]!.values()].flat().filter((p) => isHeaderWord(p.chunk.text)).length < 2) end++;
    const body = placed.slice(h + 1, end);
    const filled = (col: number) => body.filter((b) => b.has(col)).length;
    // (Between headed columns: the labels' column left of a header of amounts, 年度资金总 / 额: left of 年初预算数, is no
    // column of its.)
    const headedBefore = (col: number) => words.some((p) => p.col < col);
    for (const [col, ps] of bySlot) {
      if (col === 0 || ps.length !== 1 || !isHeaderWord(ps[0]!.chunk.text) || filled(col) > 0) continue;
      if (bySlot.has(col - 1) || filled(col - 1) < MIN_HEADED_LINES || !headedBefore(col - 1)) continue;
      nudged.set(`${h}:${ps[0]!.chunk.x0}`, starts[col - 1]!);
      moved = true;
    }
  });
  return moved;
}
