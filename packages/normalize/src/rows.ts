/**
 * The extracted document as one stream of rows in reading order: table rows
 * (their non-empty cells with grid column) and narrative lines. Forms are read
 * from this stream, so a form that runs across several tables, pages or a
 * stray text line in the middle reads the same as one in a single table.
 */
import type { ExtractedDocument } from "@jixiao/extract";
import type { GroupedMoneyHeader } from "./grouped-money-header.ts";
import { isBlankCell, isEmptyValue } from "./values.ts";
import { foldWideDigits } from "./text-key.ts";

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
  /** Read by OCR: the lowest recognition confidence among the row's cells (extract's Cell.ocrConfidence). */
  ocrConfidence?: number;
  /**
   * Grid columns where this row has no cell of its own: covered by a merged
   * cell from a row above (the 产出指标 merged down its group) or, in the
   * exact grids of DOCX and spreadsheets, printed blank. No value of the row
   * belongs under them.
   */
  vacant?: ReadonlySet<number>;
  /** The row's grid columns are the printed ones (DOCX, spreadsheets). */
  exact?: boolean;
  /** Text with tabs: the row prints a cell for every column of its table (extract's Table.fullRows). */
  printedInFull?: boolean;
  /** Text copied from a web page: the row prints its cells in turn, a merged cell only on its first row (Table.copied). */
  copied?: boolean;
  /** Text laid out by columns: each cell stands in its column's slot (extract's Table.laidOut). */
  laidOut?: boolean;
  /** Cells merged down from a row above over this row (a unit's name beside each of its projects). */
  inherited?: RowCell[];
  /** A row of the names over a grouped money block's amounts (grouped-money-header.ts): no pairs. */
  moneyNames?: boolean;
  /** The amounts' row of a grouped money block, with the name over each column (grouped-money-header.ts). */
  groupedMoney?: GroupedMoneyHeader;
}

/** A figure alone: an amount, points or a share (1100, 10, 100%, ≥95%). */
const FIGURE = /^[≥≤=<>]?[-+]?\d[\d,]*(?:\.\d+)?%?$/;

/** Formats whose grid columns are the printed ones (no text-layout guesswork); in a PDF, its ruled tables. */
const EXACT_GRID_FORMATS = new Set(["docx", "xlsx", "xls"]);
/** Formats whose merged cells were printed as such (text extraction only guesses them). */
const PRINTED_MERGE_FORMATS = new Set(["docx", "xlsx", "xls", "pdf"]);

export function toRows(doc: ExtractedDocument): Row[] {
  const rows: Row[] = [];
  let tableNo = 0;
  // (A workbook's lines of text — a sheet's title over its table — are that sheet's, as its table's rows are: the
  // sheet named on its page, so the title's form is not closed as another sheet's when its table's rows come.)
  const sheetNames = new Map(doc.pages.filter((p) => p.name !== undefined).map((p) => [p.number, p.name!]));
  for (const block of doc.blocks) {
    if (block.kind === "text") {
      const sheet = sheetNames.get(block.page);
      for (const part of foldWideDigits(block.text).split("\n")) {
        const text = part.trim();
        if (text) rows.push({ kind: "text", cells: [], allCells: [], text, page: block.page, line: block.line ?? null, table: null, ...(sheet ? { sheet } : {}) });
      }
      continue;
    }
    const t = block.table;
    tableNo++;
    const byRow = new Map<number, RowCell[]>();
    const pageOfRow = new Map<number, number>();
    const lowestOfRow = new Map<number, number>();
    for (const c of t.cells) {
      const list = byRow.get(c.row) ?? [];
      const text = foldWideDigits(c.text).replace(/\s*\n\s*/g, "\n").trim();
      // (Laid out by columns, 10 100% in one slot: figures of narrow columns one space apart, each a cell of its own.)
      const figures = t.laidOut ? text.split(" ") : [];
      if (figures.length > 1 && figures.every((f) => FIGURE.test(f))) {
        list.push(...figures.map((f) => ({ col: c.col, colSpan: c.colSpan, text: f })));
      } else {
        list.push({ col: c.col, colSpan: c.colSpan, text, ...(c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}) });
      }
      byRow.set(c.row, list);
      if (!pageOfRow.has(c.row)) pageOfRow.set(c.row, c.page);
      if (c.ocrConfidence !== undefined && c.text.trim()) lowestOfRow.set(c.row, Math.min(c.ocrConfidence, lowestOfRow.get(c.row) ?? 1));
    }
    const exact = EXACT_GRID_FORMATS.has(doc.format) || t.ruled === true;
    const fullRows = new Set(t.fullRows ?? []);
    const reachDown: MergedDown[] = [];
    for (let r = 0; r < t.nRows; r++) {
      const all = (byRow.get(r) ?? []).sort((a, b) => a.col - b.col);
      const cells = all.filter((c) => !isBlankCell(c.text));
      const vacant = PRINTED_MERGE_FORMATS.has(doc.format) ? vacantColumns(r, all, reachDown, exact) : new Set<number>();
      const inherited = reachDown.filter((m) => m.until >= r && !isEmptyValue(m.cell.text)).map((m) => m.cell);
      for (const c of all) if ((c.rowSpan ?? 1) > 1) reachDown.push({ from: c.col, to: c.col + c.colSpan - 1, until: r + c.rowSpan! - 1, cell: c });
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
        ...(vacant.size > 0 ? { vacant } : {}),
        ...(exact ? { exact } : {}),
        ...(!exact && fullRows.has(r) ? { printedInFull: true } : {}),
        ...(!exact && t.copied ? { copied: true } : {}),
        ...(!exact && t.laidOut ? { laidOut: true } : {}),
        ...(inherited.length > 0 ? { inherited } : {}),
        ...(t.sheet ? { sheet: t.sheet } : {}),
        ...(lowestOfRow.has(r) ? { ocrConfidence: lowestOfRow.get(r)! } : {}),
      });
    }
  }
  return rows;
}

/** A cell merged down over the rows below it, up to grid row `until`. */
interface MergedDown {
  from: number;
  to: number;
  until: number;
  cell: RowCell;
}

function vacantColumns(r: number, all: RowCell[], reachDown: MergedDown[], exact: boolean): Set<number> {
  const vacant = new Set<number>();
  for (const m of reachDown) if (m.until >= r) for (let c = m.from; c <= m.to; c++) vacant.add(c);
  // (A cell printing only a dash or a slash, —, /, is printed blank too: it holds the slot of nothing.)
  if (exact) {
    for (const c of all) if (isBlankCell(c.text)) for (let k = c.col; k < c.col + c.colSpan; k++) vacant.add(k);
  }
  for (const c of all) if (!isBlankCell(c.text)) for (let k = c.col; k < c.col + c.colSpan; k++) vacant.delete(k);
  return vacant;
}

/**
 * A label cell that repeats the one right above it in its column (资金情况(万元) on each row of its pairs): a
 * merged cell written out on every row it covered, as workbooks unmerged with fill-down print it. It is moved to
 * the row's inherited cells, where a merged cell's rows below keep it, so the row reads as under the merge.
 */
const BLOCK_LABEL = /^[\u3400-\u9fff]{2,12}(?:情况|资金|金额|预算|经费)(?:[(（](?:万元|元)[)）])?$/;

export function withWrittenOutLabelsInherited(row: Row, above: Row | null): Row {
  // (Only in a grid as printed: text prints a merged cell once, and two equal cells there are two cells.)
  if (row.kind !== "cells" || !row.exact || !above || above.kind !== "cells" || above.table !== row.table || row.gridRow === undefined
    || above.gridRow !== row.gridRow - 1) return row;
  // (Only a block's label, which names money or a state of affairs: a value printed twice, 坝塘镇 as 实施单位 over
  // 坝塘镇 as 项目单位, is two values.)
  const repeated = row.cells.filter((c) => BLOCK_LABEL.test(c.text.replace(/\s+/g, ""))
    && above.cells.some((a) => a.col === c.col && a.colSpan === c.colSpan && a.text === c.text));
  if (repeated.length === 0 || repeated.length === row.cells.length) return row;
  const kept = (c: RowCell) => !repeated.some((r) => r.col === c.col && r.colSpan === c.colSpan);
  return { ...row, cells: row.cells.filter(kept), allCells: row.allCells.filter(kept), inherited: [...(row.inherited ?? []), ...repeated] };
}
