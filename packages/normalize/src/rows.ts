/**
 * The extracted document as one stream of rows in reading order: table rows
 * (their non-empty cells with grid column) and narrative lines. Forms are read
 * from this stream, so a form that runs across several tables, pages or a
 * stray text line in the middle reads the same as one in a single table.
 */
import type { ExtractedDocument } from "@jixiao/extract";
import { isEmptyValue } from "./values.ts";

export interface RowCell {
  col: number;
  colSpan: number;
  text: string;
  /** Grid rows the cell covers (a merged cell spans the rows below it). */
  rowSpan?: number;
}

export interface Row {
  kind: "cells" | "text";
  /** Non-empty cells, left to right (empty-marker cells such as — are dropped). */
  cells: RowCell[];
  /** All cells including empty markers, for rows where a dash is meaningful. */
  allCells: RowCell[];
  /** Narrative text (kind 'text'), or the row's cells joined with a space. */
  text: string;
  page: number;
  line: number | null;
  table: number | null;
  /** A workbook's sheet name, for the rows of a spreadsheet. */
  sheet?: string;
  /** The row's index in its table's grid. */
  gridRow?: number;
}

export function toRows(doc: ExtractedDocument): Row[] {
  const rows: Row[] = [];
  let tableNo = 0;
  for (const block of doc.blocks) {
    if (block.kind === "text") {
      for (const part of block.text.split("\n")) {
        const text = part.trim();
        if (text) rows.push({ kind: "text", cells: [], allCells: [], text, page: block.page, line: block.line ?? null, table: null });
      }
      continue;
    }
    const t = block.table;
    tableNo++;
    const byRow = new Map<number, RowCell[]>();
    const pageOfRow = new Map<number, number>();
    for (const c of t.cells) {
      const list = byRow.get(c.row) ?? [];
      list.push({ col: c.col, colSpan: c.colSpan, text: c.text.replace(/\s*\n\s*/g, "\n").trim(), ...(c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}) });
      byRow.set(c.row, list);
      if (!pageOfRow.has(c.row)) pageOfRow.set(c.row, c.page);
    }
    for (let r = 0; r < t.nRows; r++) {
      const all = (byRow.get(r) ?? []).sort((a, b) => a.col - b.col);
      const cells = all.filter((c) => !isEmptyValue(c.text));
      if (cells.length === 0) continue;
      rows.push({
        kind: "cells",
        cells,
        allCells: all,
        text: cells.map((c) => c.text).join(" "),
        page: pageOfRow.get(r) ?? t.page,
        line: t.rowLines?.[r] ?? t.rowNumbers?.[r] ?? null,
        table: tableNo,
        gridRow: r,
        ...(t.sheet ? { sheet: t.sheet } : {}),
      });
    }
  }
  return rows;
}
