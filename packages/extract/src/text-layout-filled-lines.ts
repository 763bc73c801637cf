/**
 * Names wrapped at their column's edge in rows that have no values (a blank
 * template, targets left unfilled), in layout text (text-layout.ts):
 *
 *     支持自由探索类基础研
 *     究项目数量
 *     支持省部共建国家重点
 *     实验室项目数量
 *
 * With no value line to anchor the rows (text-layout-anchored-rows.ts), the
 * wrapping itself tells them: the office suite breaks a line only when the
 * next character would pass the column's edge, so a line that fills the
 * column to the width its longest lines share went on to the next line, and
 * a shorter line ended its cell. One character short still fills it where
 * the next line's second character is one no line may start with (地、: the
 * suite moves 地 down with its 、).
 *
 * Only where the column shows that it wraps: MIN_FULL_LINES lines at its
 * width and at least FULL_SHARE of its lines, each followed by a line of the
 * same column right under it. Cells are joined down from a full line over
 * adjacent lines only (no blank line between), and only in rows that hold
 * nothing right of the names' column.
 */
import type { FoundCell } from "./pdf/page-tables.ts";
import type { DocTable } from "./pdf/continuation.ts";
import { isWide } from "./pdf/glyphs.ts";
import { LINE_STEP } from "./text-geometry.ts";
import { cellsByRow, isIndicatorHeader } from "./text-grid-rows.ts";
import { namesColumn } from "./text-span-labels.ts";
import { isValueCell } from "./text-stream.ts";
import { isPlaceholder, mergeCells } from "./text-wrapped-rows.ts";
import { ENDS_WITH_UNIT } from "./text-layout-words.ts";

/** Full lines a column needs at least, and the share of its lines they make, for it to be taken as wrapped. */
const MIN_FULL_LINES = 2;
const FULL_SHARE = 1 / 3;
/** Width a full line may fall short of the column's, in half-width characters (a line ending in a narrow bracket). */
const NARROW_SLACK = 1;
/** Characters no line starts with: a line before one is full one character short (kinsoku). */
const NO_LINE_START = /^[、，。；：！？）》」』】,.;:!?)]$/u;
/** Slack on line positions. */
const EPS = 0.01;

/** A line's printed width in half-width characters: a CJK character is two. */
const widthOf = (text: string) => Array.from(text.trim()).reduce((w, ch) => w + (isWide(ch) ? 2 : 1), 0);

/** Joins names wrapped at their column's edge in the rows without values under each indicator header. */
export function joinFilledLines(t: DocTable): DocTable {
  const byRow = cellsByRow(t);
  const headers = byRow.flatMap((cells, i) => (isIndicatorHeader(cells) ? [i] : []));
  const target = new Map<FoundCell, number>();
  headers.forEach((h, k) => {
    const end = headers[k + 1] ?? t.nRows;
    const col = namesColumn(byRow, h, end);
    if (col === null) return;
    // A row of a name's line alone: words in the names' column, nothing right of it.
    const nameOf = (i: number): FoundCell | null => {
      const cells = byRow[i]!;
      const name = cells.find((c) => c.col === col && c.colSpan === 1 && c.rowSpan === 1);
      // (One line: a cell an earlier step joined lines into is whole.)
      if (!name || name.bbox.y1 - name.bbox.y0 >= LINE_STEP || isValueCell(name.text) || isPlaceholder(name.text) || /\d/.test(name.text)) return null;
      return cells.every((c) => c === name || c.col + c.colSpan <= col) ? name : null;
    };
    const names = Array.from({ length: end - h - 1 }, (_, j) => nameOf(h + 1 + j));
    const lines = names.filter((c): c is FoundCell => c !== null);
    if (lines.length < MIN_FULL_LINES + 1) return;
    const width = Math.max(...lines.map((c) => widthOf(c.text)));
    const adjacent = (a: FoundCell, b: FoundCell) => Math.abs(b.bbox.y0 - a.bbox.y0 - LINE_STEP) <= EPS;
    const fills = (c: FoundCell, next: FoundCell) => {
      // (Two names each ending in its unit are two names, however wide: the column fits its longest on one line.
      // One line alone ending so may be a wrapped name's head, 支持国家创新型县(市) over 项目数量.)
      if (ENDS_WITH_UNIT.test(c.text.trim()) && ENDS_WITH_UNIT.test(next.text.trim())) return false;
      const w = widthOf(c.text);
      if (w >= width - NARROW_SLACK) return true;
      const second = Array.from(next.text.trim())[1] ?? "";
      return w >= width - NARROW_SLACK - 2 && NO_LINE_START.test(second);
    };
    const full = names.flatMap((c, j) => {
      const next = names[j + 1];
      return c && next && adjacent(c, next) && fills(c, next) ? [j] : [];
    });
    if (full.length < MIN_FULL_LINES || full.length < FULL_SHARE * lines.length) return;
    // Each full line's next line joins the cell the full line is in (a chain of full lines makes one cell).
    const head: number[] = names.map((_, j) => j);
    for (const j of full) head[j + 1] = head[j]!;
    names.forEach((c, j) => {
      if (!c || head[j] === j) return;
      const to = h + 1 + head[j]!;
      // The whole line goes up: a group's label beside it (质量指标 12 分) is the cell's row's too.
      for (const o of byRow[h + 1 + j]!) target.set(o, to);
    });
  });
  return target.size === 0 ? t : mergeCells(t, (c) => target.get(c) ?? null);
}
