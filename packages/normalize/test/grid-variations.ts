/**
 * A document's grids changed the way other templates print the same form (merged cells written out, labels
 * with a colon, digits typed full-width, other words, no lines around the table): used by
 * grid-variants.test.ts and scripts/variants-probe.ts.
 */
import type { ExtractedDocument, Table } from "@jixiao/extract";

/** Each table of the document changed the same way. */
export const eachTable = (change: (t: Table) => Table) => (doc: ExtractedDocument): ExtractedDocument =>
  ({ ...doc, blocks: doc.blocks.map((b) => (b.kind === "table" ? { ...b, table: change(b.table) } : b)) });

/** Cells in reading order, row by row, as an extractor gives them. */
const inReadingOrder = (cells: Table["cells"]) => [...cells].sort((a, b) => a.row - b.row || a.col - b.col);

export const writtenOut = eachTable((t) => ({
  ...t,
  cells: inReadingOrder(t.cells.flatMap((c) => (c.rowSpan > 1 && c.colSpan === 1 ? Array.from({ length: c.rowSpan }, (_, k) => ({ ...c, row: c.row + k, rowSpan: 1 })) : [c]))),
}));

export const colonLabels = eachTable((t) => ({
  ...t,
  cells: t.cells.map((c) => (c.col === 0 && /^[\u4e00-\u9fff()（）]{2,10}$/.test(c.text.trim()) ? { ...c, text: `${c.text.trim()}：` } : c)),
}));

export const wideDigits = eachTable((t) => ({
  ...t,
  cells: t.cells.map((c) => ({ ...c, text: c.text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).replace(/(?<=[０-９])\.(?=[０-９])/g, "．").replace(/(?<=[０-９])%/g, "％") })),
}));

// A header cell merged down over the header's rows (指标解释, 未完成原因及改进措施 beside 一级指标 | 二级指标 over
// 名称 | 名称), written out on each of them.
export const headerWrittenOut = eachTable((t) => ({
  ...t,
  cells: inReadingOrder(t.cells.flatMap((c) => (c.row === 0 && c.rowSpan > 1 && c.rowSpan <= 3 && c.colSpan === 1 ? Array.from({ length: c.rowSpan }, (_, k) => ({ ...c, row: c.row + k, rowSpan: 1 })) : [c]))),
}));

/** Each cell whose whole text is one of the words replaced by the other word of its pair. */
export const wordsOf = (words: [string, string][]) => eachTable((t) => ({
  ...t,
  cells: t.cells.map((c) => ({ ...c, text: words.find(([from]) => c.text.trim() === from)?.[1] ?? c.text })),
}));

export const tablesOnly = (doc: ExtractedDocument): ExtractedDocument => ({ ...doc, blocks: doc.blocks.filter((b) => b.kind === "table") });
