/**
 * From page layouts to the document's blocks in reading order: page furniture
 * dropped, borderless tables found on pages without rules, narrative lines
 * kept as text, and tables continued over a page break joined.
 */
import type { Block, Table, PageInfo } from "../grid.ts";
import { roundBox } from "./geometry.ts";
import { type DocTable, continuesTable, joinContinuedTable } from "./continuation.ts";
import type { LooseLine, PageLayout } from "./layout.ts";
import { dropPageFurniture } from "./margins.ts";
import type { PageTable } from "./page-tables.ts";
import { isProse } from "./prose.ts";
import type { PdfSettings } from "./settings.ts";
import { unruledTables } from "./unruled.ts";

type PageItem = { kind: "table"; table: PageTable } | { kind: "text"; line: LooseLine };
type DocItem = { kind: "table"; table: DocTable } | { kind: "text"; page: number; line: LooseLine };

/** A page's tables and lines, top to bottom (tables by their top edge). */
export function pageItems(layout: PageLayout, settings: PdfSettings): PageItem[] {
  let tables = layout.tables;
  let lines = layout.lines;
  if (settings.unruled && (tables.length === 0 || settings.unruledBesideRuled)) {
    const found = unruledTables(layout.number, lines, settings);
    tables = [...tables, ...found.tables];
    lines = found.rest;
  }
  const items: (PageItem & { y: number; x: number })[] = [
    ...tables.map((t) => ({ kind: "table" as const, table: t, y: t.bbox.y0, x: t.bbox.x0 })),
    ...lines.map((l) => ({ kind: "text" as const, line: l, y: l.y0, x: l.x0 })),
  ];
  return items.sort((a, b) => a.y - b.y || a.x - b.x);
}

export function toGridTable(t: DocTable): Table {
  return {
    page: t.page,
    pageTo: t.pageTo,
    nRows: t.nRows,
    nCols: t.nCols,
    cells: t.cells.map((c) => ({ row: c.row, col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan, text: c.text, page: c.page, bbox: roundBox(c.bbox) })),
    bbox: roundBox(t.bbox),
    ...(t.ruled ? { ruled: true } : {}),
  };
}

/** Share of empty cells above which a large ruled grid is a chart's gridlines, not a table. */
const CHART_EMPTY_SHARE = 0.8;
const CHART_MIN_CELLS = 12;

/**
 * Ruled boxes that continue no table and are no table: one row of boxes with
 * empty boxes between them (a flow chart's boxes and arrows), or a large grid
 * that is nearly all empty (a chart's gridlines). Their text is read as text.
 */
function looksLikeDiagram(t: PageTable): boolean {
  if (!t.ruled) return false;
  const empty = t.cells.filter((c) => !c.text.trim()).length;
  if (t.nRows === 1) return empty > 0;
  return t.cells.length >= CHART_MIN_CELLS && empty / t.cells.length >= CHART_EMPTY_SHARE;
}

/** The document's blocks in reading order. */
export function documentBlocks(layouts: readonly PageLayout[], settings: PdfSettings): Block[] {
  const pages = dropPageFurniture(layouts, settings.marginBand);
  const items: DocItem[] = [];
  for (const p of pages) {
    const pageList = pageItems(p, settings);
    pageList.forEach((it, i) => {
      const last = items[items.length - 1];
      if (
        it.kind === "table" && i === 0 && settings.joinAcrossPages &&
        last?.kind === "table" && continuesTable(last.table, it.table)
      ) {
        last.table = joinContinuedTable(last.table, it.table);
      } else if (it.kind === "table" && (looksLikeDiagram(it.table) || isProse(it.table.cells.map((c) => c.text)))) {
        // A diagram's boxes, or a ruled box around prose: their text is read as text.
        const text = it.table.cells.map((c) => c.text).filter(Boolean).join(" ");
        items.push({ kind: "text", page: p.number, line: { ...it.table.bbox, text, words: [], size: 0 } });
      } else if (it.kind === "table") {
        items.push({ kind: "table", table: { ...it.table, pageTo: it.table.page } });
      } else {
        items.push({ kind: "text", page: p.number, line: it.line });
      }
    });
  }
  return items.map((it) =>
    it.kind === "table"
      ? { kind: "table", table: toGridTable(it.table) }
      : { kind: "text", page: it.page, text: it.line.text, bbox: roundBox(it.line) },
  );
}

export function pageInfo(layout: PageLayout): PageInfo {
  return { number: layout.number, width: layout.width, height: layout.height, rotation: layout.rotation, hasText: layout.hasText };
}
