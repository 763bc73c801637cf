/** The rows of a table grid rebuilt from layout text (the steps of text-layout.ts read it so). */
import type { FoundCell } from "./pdf/page-tables.ts";
import { isHeaderWord } from "./text-stream-words.ts";

/** Column words a row has at least to be an indicator header, one of them an indicator's (一级指标, 指标名称). */
const MIN_HEADER_WORDS = 2;
const INDICATOR_WORD = /指标/;

/** Whether a row's cells are an indicator header: two column words or more, one of them an indicator's (一级指标, 指标名称). */
export function isIndicatorHeader(cells: readonly FoundCell[]): boolean {
  const words = cells.filter((c) => isHeaderWord(c.text));
  return words.length >= MIN_HEADER_WORDS && words.some((c) => INDICATOR_WORD.test(c.text));
}

/** The cells of a table grid, row by row. */
export function cellsByRow(t: { nRows: number; cells: readonly FoundCell[] }): FoundCell[][] {
  const byRow: FoundCell[][] = Array.from({ length: t.nRows }, () => []);
  for (const c of t.cells) byRow[c.row]?.push(c);
  return byRow;
}
