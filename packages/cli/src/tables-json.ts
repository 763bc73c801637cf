/**
 * `jixiao inspect --tables-json`: the tables the extractor found, each as
 * rows of cells with spans, so others can benchmark the table finder against
 * their own ground truth (scripts/bench-pdf.ts scores ICDAR 2013 from it).
 *
 * A stable format, versioned by `format`; fields are only ever added:
 *   { format: "jixiao-tables/1", file, pageCount,
 *     tables: [{ page, pageTo, nRows, nCols, rows }] }
 * `rows` holds nRows arrays of nCols entries each: at a cell's top-left
 * position the cell, { text, rowSpan, colSpan }; null where a merged cell
 * covers the position or no cell is. Text keeps the cell's line breaks as
 * the extractor joined them; pages count from 1.
 */
import { toMatrix, type ExtractedDocument, type Table } from "@jixiao/extract";

export const TABLES_JSON_FORMAT = "jixiao-tables/1";

export interface TablesJsonCell {
  text: string;
  rowSpan: number;
  colSpan: number;
}

export interface TablesJsonTable {
  page: number;
  pageTo: number;
  nRows: number;
  nCols: number;
  rows: (TablesJsonCell | null)[][];
}

export interface TablesJson {
  format: typeof TABLES_JSON_FORMAT;
  file: string;
  pageCount: number;
  tables: TablesJsonTable[];
}

/** One table as rows of cells with spans (null where a span covers, or nothing is). */
export function tableRows(table: Table): (TablesJsonCell | null)[][] {
  return toMatrix(table).map((row) => row.map((c) => (c ? { text: c.text, rowSpan: c.rowSpan, colSpan: c.colSpan } : null)));
}

export function tablesJson(file: string, doc: ExtractedDocument): TablesJson {
  const tables = doc.blocks.flatMap((b) => (b.kind === "table" ? [b.table] : []));
  return {
    format: TABLES_JSON_FORMAT,
    file,
    pageCount: doc.pageCount,
    tables: tables.map((t) => ({ page: t.page, pageTo: t.pageTo, nRows: t.nRows, nCols: t.nCols, rows: tableRows(t) })),
  };
}
