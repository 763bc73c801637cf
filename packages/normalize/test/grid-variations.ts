/**
 * A document's grids changed the way other templates print the same form (merged cells written out, labels
 * with a colon, digits typed full-width, other words, no lines around the table): used by
 * grid-variants.test.ts and scripts/variants-probe.ts.
 */
import type { ExtractedDocument, Table } from "@jixiao/extract";

/** Each table of the document changed the same way. */
export const eachTable = (change: (t: Table) => Table) => (doc: ExtractedDocument): ExtractedDocument =>
  ({ ...doc, blocks: doc.blocks.map((b) => (b.kind === "table" ? { ...b, table: change(b.table) } : b)) });

/** The first row of a table that heads an indicator grid: it names the indicators' own column. */
const headsIndicators = (t: Table, row: number) => t.cells.some((c) => c.row === row && /^(三级指标|指标名称|绩效指标名称|具体指标|三级指标名称)$/.test(c.text.replace(/\s+/g, "")));

/**
 * The first and the last-but-one rows of a table's indicator grid header: from the first row whose cells reach
 * down to the row naming the indicators (绩效指标 | 年度指标值 | 实际完成值 over 一级指标 | … | 度量单位), to the end of
 * the rows those cells cover; null when the table has no such grid.
 */
function gridHeaderRows(t: Table): { from: number; to: number } | null {
  let names = -1;
  for (let r = 0; r < t.nRows && names < 0; r++) if (headsIndicators(t, r)) names = r;
  if (names < 0) return null;
  const from = Math.min(...t.cells.filter((c) => c.row <= names && c.row + c.rowSpan > names).map((c) => c.row));
  return { from, to: Math.max(names + 1, ...t.cells.filter((c) => c.row >= from && c.row <= names).map((c) => c.row + c.rowSpan)) };
}

/** Each table of the document replaced by the tables `split` cuts it into. */
const eachTableSplit = (split: (t: Table) => Table[]) => (doc: ExtractedDocument): ExtractedDocument =>
  ({ ...doc, blocks: doc.blocks.flatMap((b): ExtractedDocument["blocks"] => (b.kind === "table" ? split(b.table).map((table) => ({ ...b, table })) : [b])) });

/** A table's rows from..to-1 as a table of their own, starting on `page`. */
const rowsOf = (t: Table, from: number, to: number, page = t.page): Table => ({
  ...t, page, pageTo: Math.max(page, t.pageTo), nRows: to - from, rowLines: undefined, rowNumbers: undefined,
  cells: t.cells.filter((c) => c.row >= from && c.row < to).map((c) => ({ ...c, row: c.row - from, page: c.page + page - t.page })),
});

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

/** A blank column before the table's first (a spreadsheet's margin column A, left empty). */
export const marginColumn = eachTable((t) => ({ ...t, nCols: t.nCols + 1, cells: t.cells.map((c) => ({ ...c, col: c.col + 1 })) }));

/**
 * The lines printed right above each table (its title, year, 单位：万元) moved into the table as its first
 * rows, each merged across it: a workbook's title in A1:H1.
 */
export const linesInTable = (doc: ExtractedDocument): ExtractedDocument => {
  const blocks: ExtractedDocument["blocks"] = [];
  let lines: Extract<ExtractedDocument["blocks"][number], { kind: "text" }>[] = [];
  for (const b of doc.blocks) {
    if (b.kind === "text") {
      lines.push(b);
      continue;
    }
    const moved = lines.slice(-3);
    blocks.push(...lines.slice(0, -3));
    lines = [];
    const t = b.table;
    const head = moved.map((l, i) => ({ row: i, col: 0, rowSpan: 1, colSpan: t.nCols, text: l.text, page: t.page }));
    blocks.push({ ...b, table: { ...t, nRows: t.nRows + head.length, rowLines: undefined, rowNumbers: undefined, cells: [...head, ...t.cells.map((c) => ({ ...c, row: c.row + head.length }))] } });
  }
  blocks.push(...lines);
  return { ...doc, blocks };
};

/**
 * Each table of eight rows or more cut in two at the row nearest its middle that no merged cell crosses, the
 * second part a table of its own on the next page with no header repeated: a page break.
 */
export const cutAtPageBreak = eachTableSplit((t) => {
  if (t.nRows < 8) return [t];
  const crosses = (r: number) => t.cells.some((c) => c.row < r && c.row + c.rowSpan > r);
  const mid = Math.floor(t.nRows / 2);
  const at = [0, 1, -1, 2, -2, 3, -3].map((d) => mid + d).find((r) => r > 0 && r < t.nRows && !crosses(r));
  return at === undefined ? [t] : [{ ...rowsOf(t, 0, at), pageTo: t.page }, rowsOf(t, at, t.nRows, t.page + 1)];
});

/** Words of four to ten characters broken over two lines inside their cell, as a narrow column of a DOCX prints them. */
export const wrappedInCells = eachTable((t) => ({
  ...t,
  cells: t.cells.map((c) => {
    const text = c.text.trim();
    if (!/^[\u4e00-\u9fff()（）]{4,10}$/.test(text)) return c;
    const chars = Array.from(text);
    const half = Math.ceil(chars.length / 2);
    return { ...c, text: `${chars.slice(0, half).join("")}\n${chars.slice(half).join("")}` };
  }),
}));

/** Brackets and colons typed full-width, as a Chinese input method types them: （万元）, 项目名称：. */
export const fullWidthPunct = eachTable((t) => ({
  ...t,
  cells: t.cells.map((c) => ({ ...c, text: c.text.replace(/\(/g, "（").replace(/\)/g, "）").replace(/:/g, "：") })),
}));

/**
 * A 序号 column before the indicator grid, numbering its rows (other templates count their indicators): the
 * grid's header row and each row of three cells or more under it but its total get a cell in a new first column;
 * every other row (the header block above, the total or a note below) has its first cell widened over that column.
 */
export const numberedRows = eachTable((t) => {
  let header = -1;
  for (let r = 0; r < t.nRows && header < 0; r++) if (headsIndicators(t, r)) header = r;
  if (header < 0 || t.cells.some((c) => c.row < header && c.row + c.rowSpan > header)) return t;
  const cellsOf = (r: number) => t.cells.filter((c) => c.row === r);
  const numbered = new Set<number>();
  const isTotal = (r: number) => /^(总分|合计|总计|得分合计|自评总分|综合得分)/.test((cellsOf(r).find((c) => c.text.trim())?.text ?? "").replace(/\s+/g, ""));
  for (let r = header; r < t.nRows; r++) if (r === header || (cellsOf(r).filter((c) => c.text.trim()).length >= 3 && !isTotal(r))) numbered.add(r);
  // (A cell merged down from a numbered row into one that is not: that row is numbered too.)
  for (const c of t.cells) if (numbered.has(c.row)) for (let k = 1; k < c.rowSpan; k++) numbered.add(c.row + k);
  const numbers: Table["cells"] = [];
  let n = 0;
  for (const r of [...numbered].sort((a, b) => a - b)) numbers.push({ row: r, col: 0, rowSpan: 1, colSpan: 1, text: r === header ? "序号" : String(++n), page: t.page });
  const widened = new Set([...Array(t.nRows).keys()].filter((r) => !numbered.has(r)).map((r) => cellsOf(r).find((c) => c.col === 0)).filter((c) => c !== undefined));
  const cells = t.cells.map((c) => (widened.has(c) ? { ...c, colSpan: c.colSpan + 1 } : { ...c, col: c.col + 1 }));
  return { ...t, nCols: t.nCols + 1, cells: [...numbers, ...cells].sort((a, b) => a.row - b.row || a.col - b.col) };
});

/**
 * Each table cut at a page break inside its indicator grid, the grid's header row printed again at the top of
 * the next page (a word processor's repeated header row), the second part a table of its own.
 */
export const repeatedHeaderAtBreak = eachTableSplit((t) => {
  const header = gridHeaderRows(t);
  if (!header) return [t];
  const crosses = (r: number) => t.cells.some((c) => c.row < r && c.row + c.rowSpan > r);
  const mid = Math.floor((header.to + t.nRows) / 2);
  const at = [...Array(t.nRows).keys()].map((k) => mid + (k % 2 ? -(k + 1) / 2 : k / 2)).find((r) => r > header.to + 1 && r < t.nRows && !crosses(r));
  if (at === undefined) return [t];
  const head = rowsOf(t, header.from, header.to, t.page + 1), rest = rowsOf(t, at, t.nRows, t.page + 1);
  const continued = { ...rest, nRows: head.nRows + rest.nRows, cells: [...head.cells, ...rest.cells.map((c) => ({ ...c, row: c.row + head.nRows }))] };
  return [{ ...rowsOf(t, 0, at), pageTo: t.page }, continued];
});

/**
 * The level columns (一级指标, 二级指标) left out of each indicator grid, the columns right of them moved left: a
 * template that lists its indicators under their names alone (三级指标 | 指标值 | …). Tables whose level cells are
 * merged across other columns, or whose names stand under 二级指标, are left as printed.
 */
export const levelsLeftOut = eachTable((t) => {
  const header = t.cells.find((c) => /^一级指标$/.test(c.text.replace(/\s+/g, "")) && c.colSpan === 1);
  const second = header && t.cells.find((c) => c.row === header.row && c.col === header.col + 1 && /^二级指标$/.test(c.text.replace(/\s+/g, "")) && c.colSpan === 1);
  // (Only where a third column holds the names: in a two-level grid 二级指标 holds them.)
  const third = second && t.cells.find((c) => c.row === header.row && c.col === header.col + 2 && /^(三级指标|指标名称|三级指标名称)$/.test(c.text.replace(/\s+/g, "")));
  if (!header || !second || !third) return t;
  const from = header.col, width = 2;
  const below = t.cells.filter((c) => c.row >= header.row);
  if (below.some((c) => c.col < from + width && c.col + c.colSpan > from + width)) return t;
  const cells = t.cells.flatMap((c) => {
    if (c.row < header.row || c.col + c.colSpan <= from) return [c];
    if (c.col >= from + width) return [{ ...c, col: c.col - width }];
    return [];
  });
  return { ...t, nCols: t.nCols - width, cells };
});

/** Amounts of four digits or more before the point written with thousands separators: 1695.55 → 1,695.55. */
export const groupedDigits = eachTable((t) => ({
  ...t,
  cells: t.cells.map((c) => (/^\d{4,}(\.\d+)?$/.test(c.text.trim()) ? { ...c, text: c.text.trim().replace(/^\d+/, (d) => d.replace(/\B(?=(\d{3})+$)/g, ",")) } : c)),
}));

/**
 * Each table cut right above its indicator grid's header: the header block and the money in one table, the grid
 * in the next (a template printing them as two tables, one under the other).
 */
export const gridApart = eachTableSplit((t) => {
  const header = gridHeaderRows(t);
  if (!header || header.from <= 0 || t.cells.some((c) => c.row < header.from && c.row + c.rowSpan > header.from)) return [t];
  return [rowsOf(t, 0, header.from), rowsOf(t, header.from, t.nRows)];
});

/**
 * The header block's rows of several label | value pairs printed one pair a row, the value across the rest of the
 * table (项目名称 | X | 主管部门 | Y → 项目名称 | X, then 主管部门 | Y): a template narrower than the fixture's. Only rows
 * above the indicator grid, of unmerged cells, each pair's label short words.
 */
export const pairsOnePerRow = eachTable((t) => {
  const header = gridHeaderRows(t);
  const last = header ? header.from : t.nRows;
  const isLabel = (s: string) => /^[\u4e00-\u9fff()（）、/]{2,12}[:：]?$/.test(s.replace(/\s+/g, ""));
  const cellsOf = (r: number) => t.cells.filter((c) => c.row === r).sort((a, b) => a.col - b.col);
  const split = new Map<number, Table["cells"][]>();
  for (let r = 0; r < last; r++) {
    const cells = cellsOf(r);
    if (cells.length < 4 || cells.length % 2 !== 0 || cells.some((c) => c.rowSpan > 1)) continue;
    if (t.cells.some((c) => c.row < r && c.row + c.rowSpan > r)) continue;
    const pairs = Array.from({ length: cells.length / 2 }, (_, i) => [cells[2 * i]!, cells[2 * i + 1]!]);
    if (!pairs.every(([l, v]) => isLabel(l!.text) && !isLabel(v!.text) && v!.text.trim() !== "")) continue;
    split.set(r, pairs.map(([l, v]) => [{ ...l!, col: 0, colSpan: 1 }, { ...v!, col: 1, colSpan: Math.max(1, t.nCols - 1) }]));
  }
  if (split.size === 0) return t;
  const cells: Table["cells"] = [];
  let shift = 0;
  for (let r = 0; r < t.nRows; r++) {
    const pairs = split.get(r);
    if (!pairs) {
      for (const c of cellsOf(r)) cells.push({ ...c, row: r + shift });
      continue;
    }
    pairs.forEach((pair, i) => pair.forEach((c) => cells.push({ ...c, row: r + shift + i })));
    shift += pairs.length - 1;
  }
  return { ...t, nRows: t.nRows + shift, rowLines: undefined, rowNumbers: undefined, cells };
});

/**
 * The total row naming its score's slot (总分 | 100 | 得分 | 98.62, as 吉林's 评价指标体系 pages print it): the row's
 * last figure moved into the blank cell after it, the word 得分 where it stood; `blank` leaves the slot unfilled
 * (总分 | 100 | 得分 | ), a template not yet scored.
 */
export const scoreSlotNamed = (blank: boolean) => eachTable((t) => {
  const totalRow = t.cells.find((c) => c.col === 0 && /^(总分|合计)$/.test(c.text.replace(/\s+/g, "")))?.row;
  if (totalRow === undefined) return t;
  const row = t.cells.filter((c) => c.row === totalRow);
  const score = [...row].reverse().find((c) => /^\d+(\.\d+)?$/.test(c.text.trim()));
  const slot = score && row.find((c) => c.col === score.col + score.colSpan && !c.text.trim());
  if (!score || !slot) return t;
  return {
    ...t,
    cells: t.cells.map((c) => (c === score ? { ...c, text: "得分" } : c === slot ? { ...c, text: blank ? "" : score.text } : c)),
  };
});
