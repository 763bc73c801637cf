/**
 * Labels printed a character per line, in layout text (text-layout.ts). A form
 * whose group label sits in a column narrower than one character prints it
 * down the column, a character per line, its score in brackets under it:
 *
 *     产
 *     出        ★补助鱼塘面积   10 …
 *     指
 *     标
 *     (50 分)
 *
 * Read a row per line, each character is a cell of its own row, and the
 * span-label step (text-span-labels.ts) lifts only the first. So a run of
 * MIN_RUN or more one-character cells of words starting at one column of the
 * text, each at most MAX_STEP lines below the last with nothing else in their
 * column between, and a bracket right under them, is one cell: the label, in
 * the row of its first character. Not when every character shares its line
 * with a row's values: that is a column of one-character values (是否核心指标's
 * 否 / 否 / 是, a qualitative target's 高 / 好), a character to each row — unless
 * the characters spell a group's label (产 出 指 标).
 */
import type { FoundCell } from "./pdf/page-tables.ts";
import type { DocTable } from "./pdf/continuation.ts";
import { COLUMN, LINE_PITCH } from "./text-geometry.ts";
import { isLevelLabel, mergeCells } from "./text-wrapped-rows.ts";
import { VALUE_START } from "./text-layout-words.ts";

/** Characters one under another that make a label printed down its column (三 characters: 产 出 指 … ). */
const MIN_RUN = 3;
/** Lines from one character to the next: the next row's line may come between them. */
const MAX_STEP = 2;
/** A CJK character alone. */
const ONE_CJK = /^[\u4e00-\u9fff]$/;
/** A bracket under the label: its score (50 分). */
const BRACKET = /^[(（][^()（）]*[)）]$/;

export function joinVerticalLabels(t: DocTable): DocTable {
  const byCol = new Map<number, FoundCell[]>();
  for (const c of t.cells) byCol.set(c.col, [...(byCol.get(c.col) ?? []), c]);
  const byRow = new Map<number, FoundCell[]>();
  for (const c of t.cells) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
  const target = new Map<FoundCell, number>();
  const near = (a: FoundCell, b: FoundCell) =>
    Math.abs(a.bbox.x0 - b.bbox.x0) < 0.01 && b.bbox.y0 > a.bbox.y0 && b.bbox.y0 - a.bbox.y0 <= MAX_STEP * LINE_PITCH * COLUMN + 0.01;
  for (const cells of byCol.values()) {
    cells.sort((a, b) => a.row - b.row);
    for (let i = 0; i < cells.length;) {
      if (!ONE_CJK.test(cells[i]!.text.trim())) { i++; continue; }
      let j = i + 1;
      while (j < cells.length && ONE_CJK.test(cells[j]!.text.trim()) && near(cells[j - 1]!, cells[j]!)) j++;
      // (Every character on a line that holds a row's values too is a column of one-character values, each its
      // row's: 是否核心指标 | 否 / 否 / 是 beside 100% 2 2, 高 / 好 under 年初指标值.)
      const valuesBeside = cells.slice(i, j).every((c) => (byRow.get(c.row) ?? []).some((o) => o !== c && VALUE_START.test(o.text.trim())));
      // (But characters that spell a group's label, 产 出 指 标, are that label, values beside them or not.)
      const spelled = isLevelLabel(cells.slice(i, j).map((c) => c.text.trim()).join(""));
      if (j - i >= MIN_RUN && (!valuesBeside || spelled)) {
        const tail = cells[j];
        const end = tail && BRACKET.test(tail.text.replace(/\s+/g, "")) && near(cells[j - 1]!, tail) ? j + 1 : j;
        for (let k = i + 1; k < end; k++) target.set(cells[k]!, cells[i]!.row);
        i = end;
      } else i = j;
    }
  }
  return target.size === 0 ? t : mergeCells(t, (c) => target.get(c) ?? null);
}
