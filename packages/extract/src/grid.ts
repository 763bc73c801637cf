/**
 * The common table grid: what every extractor (text, PDF, DOCX, XLSX) produces
 * and the only thing the normalize stage reads. Defined once, validated with zod
 * at the stage boundary.
 *
 * A document is a sequence of blocks in reading order: narrative text lines and
 * tables. Forms are found by reading that sequence (a title line, then its
 * tables), so order matters more than absolute position.
 */
import { z } from "zod";

export const FORMATS = ["pdf", "docx", "xlsx", "xls", "txt"] as const;
export const Format = z.enum(FORMATS);
export type Format = z.infer<typeof Format>;

/** PDF points, origin top-left of the page as displayed (after /Rotate). */
export const BBox = z.object({
  x0: z.number(),
  y0: z.number(),
  x1: z.number(),
  y1: z.number(),
});
export type BBox = z.infer<typeof BBox>;

export const Cell = z.object({
  /** 0-based row and column of the cell's top-left slot in the table grid. */
  row: z.number().int().nonnegative(),
  col: z.number().int().nonnegative(),
  rowSpan: z.number().int().positive().default(1),
  colSpan: z.number().int().positive().default(1),
  /** Text as the reader sees it; several paragraphs inside a cell are joined with "\n". */
  text: z.string(),
  /** Page (1-based) or sheet index (1-based) where the cell starts. */
  page: z.number().int().positive(),
  bbox: BBox.optional(),
  /** Spreadsheets: the cell's row or column is hidden. */
  hidden: z.boolean().optional(),
  /** Read by OCR: the lowest recognition confidence (0–1) among the cell's characters. */
  ocrConfidence: z.number().min(0).max(1).optional(),
});
export type Cell = z.infer<typeof Cell>;

export const Table = z.object({
  /** Page (or sheet) where the table starts and ends. */
  page: z.number().int().positive(),
  pageTo: z.number().int().positive(),
  nRows: z.number().int().nonnegative(),
  nCols: z.number().int().nonnegative(),
  /** Only the anchor slot of a merged cell is listed; covered slots are absent. */
  cells: z.array(Cell),
  bbox: BBox.optional(),
  /** Spreadsheets: sheet name; text: the 1-based source line of each row. */
  sheet: z.string().optional(),
  rowLines: z.array(z.number().int().positive()).optional(),
  /** Spreadsheets: spreadsheet row number (1-based) of each grid row. */
  rowNumbers: z.array(z.number().int().positive()).optional(),
  /** PDF: the cells were cut by the page's ruling lines, so its columns are the printed ones. */
  ruled: z.boolean().optional(),
  /**
   * Text with tabs: grid rows that print a cell for every column (nothing
   * merged over them), so their columns are the printed ones.
   */
  fullRows: z.array(z.number().int().nonnegative()).optional(),
  /**
   * Text with tabs copied from a web page: each row prints its cells in turn, a
   * merged cell once (on its first row), blanks kept.
   */
  copied: z.boolean().optional(),
  /**
   * Text laid out by columns (pdftotext -layout): each cell stands in the
   * column its text starts under, so its column is where the form prints it.
   */
  laidOut: z.boolean().optional(),
});
export type Table = z.infer<typeof Table>;

export const TextBlock = z.object({
  kind: z.literal("text"),
  page: z.number().int().positive(),
  text: z.string(),
  /** Text input: 1-based source line. */
  line: z.number().int().positive().optional(),
  bbox: BBox.optional(),
});
export type TextBlock = z.infer<typeof TextBlock>;

export const TableBlock = z.object({
  kind: z.literal("table"),
  table: Table,
});
export type TableBlock = z.infer<typeof TableBlock>;

export const Block = z.discriminatedUnion("kind", [TextBlock, TableBlock]);
export type Block = z.infer<typeof Block>;

export const PageInfo = z.object({
  number: z.number().int().positive(),
  width: z.number().optional(),
  height: z.number().optional(),
  rotation: z.number().optional(),
  /** Sheet name for spreadsheets. */
  name: z.string().optional(),
  hidden: z.boolean().optional(),
  /** False for a page with no text layer (a scan), or whose text could not be read (see textError). */
  hasText: z.boolean().default(true),
  /** PDF: why the page's content could not be parsed, when that (not a scan) is why it has no text. */
  textError: z.string().optional(),
  /** PDF: the page paints nothing at all (no text, image or path): blank, or its content is missing — no scan. */
  blank: z.boolean().optional(),
  /** PDF: the page's text was read by OCR from its image. */
  ocr: z.boolean().optional(),
});
export type PageInfo = z.infer<typeof PageInfo>;

export const ExtractedDocument = z.object({
  format: Format,
  /** Page count, or sheet count for spreadsheets. */
  pageCount: z.number().int().nonnegative(),
  pages: z.array(PageInfo),
  blocks: z.array(Block),
  /** Non-fatal problems: a page with no text layer, a hidden sheet, a truncated table. */
  warnings: z.array(z.string()).default([]),
});
export type ExtractedDocument = z.infer<typeof ExtractedDocument>;

/** Cells of a table as a dense row-major matrix; covered slots of merged cells are null. */
export function toMatrix(table: Table): (Cell | null)[][] {
  const m: (Cell | null)[][] = Array.from({ length: table.nRows }, () =>
    Array.from({ length: table.nCols }, () => null),
  );
  for (const c of table.cells) {
    const row = m[c.row];
    if (row && c.col < table.nCols) row[c.col] = c;
  }
  return m;
}
