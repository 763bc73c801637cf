/**
 * A Word table (w:tbl) on the common grid. Columns come from the grid slots
 * each cell occupies: w:gridBefore/w:gridAfter skip slots at the row's ends,
 * w:gridSpan widens a cell, w:vMerge continue extends the cell above
 * (rowSpan), legacy w:hMerge continue extends the cell to the left.
 */
import type { Cell, Table } from "../grid.ts";
import type { PageCounter } from "./page-counter.ts";
import { attr, child, childrenThroughWrappers, type XmlNode } from "./xml.ts";

/** Reads the block content of one cell into its text; nested tables go to `nested`. */
export type CellReader = (tc: XmlNode, nested: Table[]) => string;

function intVal(parent: XmlNode | undefined, tag: string, fallback: number): number {
  const el = parent && child(parent, tag);
  const v = el ? Number.parseInt(attr(el, "val") ?? "", 10) : Number.NaN;
  return Number.isFinite(v) && v >= 0 ? v : fallback;
}

/** "restart", "continue", or undefined when the cell is not vertically merged. */
function mergeState(tcPr: XmlNode | undefined, tag: "vMerge" | "hMerge"): "restart" | "continue" | undefined {
  const el = tcPr && child(tcPr, tag);
  if (!el) return undefined;
  return attr(el, "val") === "restart" ? "restart" : "continue";
}

export function readTable(tbl: XmlNode, readCell: CellReader, pages: PageCounter): { table: Table; nested: Table[] } {
  const page = pages.page;
  const cells: Cell[] = [];
  const nested: Table[] = [];
  // The cell whose slots a vertical merge would extend, by grid column.
  let above = new Map<number, Cell>();
  let nCols = 0;
  let r = 0;
  for (const tr of childrenThroughWrappers(tbl, "tr")) {
    const trPr = child(tr, "trPr");
    if (trPr && child(trPr, "del")) continue; // a tracked row deletion
    const here = new Map<number, Cell>();
    let col = intVal(trPr, "gridBefore", 0);
    let left: Cell | undefined;
    for (const tc of childrenThroughWrappers(tr, "tc")) {
      const tcPr = child(tc, "tcPr");
      const span = Math.max(1, intVal(tcPr, "gridSpan", 1));
      const up = above.get(col);
      if (mergeState(tcPr, "vMerge") === "continue" && up && up.row + up.rowSpan === r) {
        up.rowSpan++;
        here.set(col, up);
        left = up;
        col += span;
        continue;
      }
      if (mergeState(tcPr, "hMerge") === "continue" && left && left.row === r) {
        left.colSpan += span;
        col += span;
        continue;
      }
      const cellPage = pages.page; // before reading it: a break inside the cell starts the next page
      const cell: Cell = { row: r, col, rowSpan: 1, colSpan: span, text: readCell(tc, nested), page: cellPage };
      cells.push(cell);
      here.set(col, cell);
      left = cell;
      col += span;
    }
    nCols = Math.max(nCols, col + intVal(trPr, "gridAfter", 0));
    above = here;
    r++;
  }
  return { table: { page, pageTo: pages.page, nRows: r, nCols, cells }, nested };
}
