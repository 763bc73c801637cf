/**
 * From page layouts to the document's blocks in reading order: page furniture
 * dropped, borderless tables found on pages without rules, narrative lines
 * kept as text, and tables continued over a page break joined.
 */
import type { Block, Table, PageInfo } from "../grid.ts";
import { roundBox } from "./geometry.ts";
import { type DocTable, continuesTable, joinContinuedTable } from "./continuation.ts";
import type { LooseLine, PageLayout } from "./layout.ts";
import { dropPageFurniture, inMarginBand } from "./margins.ts";
import type { PageTable } from "./page-tables.ts";
import { isProse } from "./prose.ts";
import type { PdfSettings } from "./settings.ts";
import { unruledTables } from "./unruled.ts";

type PageItem = { kind: "table"; table: PageTable } | { kind: "text"; line: LooseLine };
/** A text line knows whether it sits in its page's margin band: such lines do not stand between a table and its continuation. */
type DocItem = { kind: "table"; table: DocTable } | { kind: "text"; page: number; line: LooseLine; inBand?: boolean };

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

/**
 * The last table so far when nothing follows it but lines that may stand between a
 * table and its continuation (`between`): a running header such as a sheet's name that
 * two pages are too few to show as repeated, a footer, the clipped copy of a merged
 * cell's text (isClippedCopy).
 */
function tableBeforeMargins(items: readonly DocItem[], between: (it: DocItem) => boolean): Extract<DocItem, { kind: "table" }> | undefined {
  for (let k = items.length - 1; k >= 0; k--) {
    const it = items[k]!;
    if (between(it)) continue;
    return it.kind === "table" ? it : undefined;
  }
  return undefined;
}

/**
 * Which items on the page before `next`'s are the clipped copy of the labels `next`'s first row prints
 * (isClippedCopy): lines, or their pieces side by side taken for a borderless table (效指标 | 产出指标 | 质量指标).
 */
function clippedCopyOf(next: PageTable): (it: DocItem) => boolean {
  const labels = next.cells.filter((c) => c.row === 0 && c.text.trim()).sort((a, b) => a.col - b.col).map((c) => c.text.replace(/\s+/g, ""));
  const before = next.page - 1;
  return (it) => it.kind === "text"
    ? it.page === before && isClippedCopy(it.line.text, labels)
    : it.table.page === before && !it.table.ruled && it.table.cells.every((c) => !c.text.trim() || isClippedCopy(c.text, labels));
}

/** Shortest piece of a label that counts as part of its clipped copy. */
const MIN_CLIPPED_PIECE = 2;
/** A page number ending a line (Page 1, 第1页): the footer the clipped text ran into. */
const TRAILING_PAGE_NUMBER = /\s*(?:page\s*\d{1,4}|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?)\s*$/i;

/**
 * Whether a line is made of nothing but pieces of `labels`: a spreadsheet prints a merged
 * cell's text centred on the whole cell, and on the page a break leaves it on, what falls
 * below the table is clipped out of sight but still in the file, wrapped as in the cell
 * (年度绩效目标产出指标(40, or 部门预 / 算管理 预算编制(30 / 80分) 分) under a table
 * whose next page starts 部门预算管理80分) | 预算编制(30分)).
 */
export function isClippedCopy(text: string, labels: readonly string[]): boolean {
  const words = text.replace(TRAILING_PAGE_NUMBER, "").split(/\s+/).filter(Boolean);
  if (words.length === 0 || labels.length === 0) return false;
  return words.every((word) => {
    let rest = word;
    while (rest) {
      let k = rest.length;
      while (k > 0 && !labels.some((l) => l.includes(rest.slice(0, k)))) k--;
      if (k < Math.min(MIN_CLIPPED_PIECE, rest.length)) return false;
      rest = rest.slice(k);
    }
    return true;
  });
}

/** The document's blocks in reading order. */
export function documentBlocks(layouts: readonly PageLayout[], settings: PdfSettings): Block[] {
  const pages = dropPageFurniture(layouts, settings.marginBand);
  const items: DocItem[] = [];
  for (const p of pages) {
    const pageList = pageItems(p, settings);
    pageList.forEach((it, i) => {
      // Only a table with nothing but margin lines above it on its page may continue one.
      const clipped = it.kind === "table" && settings.joinAcrossPages && pageList.slice(0, i).every((b) => b.kind === "text" && inMarginBand(b.line, p, settings.marginBand))
        ? clippedCopyOf(it.table)
        : null;
      const last = clipped ? tableBeforeMargins(items, (t) => (t.kind === "text" && t.inBand === true) || clipped(t)) : undefined;
      if (it.kind === "table" && clipped && last && continuesTable(last.table, it.table)) {
        // The clipped copies go: the next page prints the text they copy.
        for (let k = items.length - 1; items[k] !== last; k--) if (clipped(items[k]!)) items.splice(k, 1);
        last.table = joinContinuedTable(last.table, it.table);
      } else if (it.kind === "table" && (looksLikeDiagram(it.table) || isProse(it.table.cells.map((c) => c.text)))) {
        // A diagram's boxes, or a ruled box around prose: their text is read as text.
        const text = it.table.cells.map((c) => c.text).filter(Boolean).join(" ");
        items.push({ kind: "text", page: p.number, line: { ...it.table.bbox, text, words: [], size: 0 } });
      } else if (it.kind === "table") {
        items.push({ kind: "table", table: { ...it.table, pageTo: it.table.page } });
      } else {
        items.push({ kind: "text", page: p.number, line: it.line, inBand: inMarginBand(it.line, p, settings.marginBand) });
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
