/** The cells of a table grid rebuilt from layout text, row by row (the steps of text-layout.ts read it so). */
import type { FoundCell } from "./pdf/page-tables.ts";

export function cellsByRow(t: { nRows: number; cells: readonly FoundCell[] }): FoundCell[][] {
  const byRow: FoundCell[][] = Array.from({ length: t.nRows }, () => []);
  for (const c of t.cells) byRow[c.row]?.push(c);
  return byRow;
}
