/**
 * A worksheet on the common grid. A sheet is cut into blocks of contiguous
 * rows at fully empty rows that no merged range crosses (two stacked forms
 * separated by a blank row become two tables; a form with a blank row inside a
 * merge stays whole). In each block, the single-cell rows before the first and
 * after the last multi-cell row — titles such as 项目支出绩效自评表, 单位：万元,
 * notes — become text blocks, as they are in a PDF or a text export.
 */
import type { Block, Cell, PageInfo, Table } from "../grid.ts";
import { foldCompatibilityCharacters } from "../unicode.ts";
import type { SheetDump } from "./dump.ts";

interface Merge { r0: number; c0: number; r1: number; c1: number }

/**
 * Empty slots are listed (with text "") as the text extractor lists them, up to
 * this many slots per table; a sparser, larger block lists only its filled
 * cells and merge anchors, so one cell in XFD1 cannot make millions of slots.
 */
export const MAX_DENSE_SLOTS = 250_000;

function cleanCellText(s: string): string {
  return foldCompatibilityCharacters(s.replace(/\r\n?/g, "\n"))
    .split("\n").map((l) => l.replace(/\u00a0/g, " ").trim()).filter((l) => l !== "").join("\n");
}

export function sheetToBlocks(sheet: SheetDump, page: number): { blocks: Block[]; info: PageInfo } {
  const text = new Map<number, Map<number, string>>(); // row -> col -> text
  for (const [r, c, raw] of sheet.cells) {
    const t = cleanCellText(raw);
    if (t === "") continue;
    let row = text.get(r);
    if (!row) text.set(r, (row = new Map()));
    row.set(c, t);
  }
  const merges: Merge[] = sheet.merges
    .map(([r0, c0, r1, c1]) => ({ r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) }))
    .filter((m) => m.r1 > m.r0 || m.c1 > m.c0);
  const hiddenRows = new Set(sheet.hiddenRows);
  const hiddenCols = new Set(sheet.hiddenCols);
  // Merges by the row they start in: every lookup below is per row, never a scan of all merges.
  const startingIn = new Map<number, Merge[]>();
  for (const m of merges) {
    const list = startingIn.get(m.r0);
    if (list) list.push(m);
    else startingIn.set(m.r0, [m]);
  }

  // Rows a merged range joins to the row above it: a blank row there is not a separator.
  const joined = new Set<number>();
  for (const m of merges) for (let r = m.r0 + 1; r <= m.r1; r++) joined.add(r);
  const occupied = new Set<number>([...text.keys(), ...joined]);
  for (const m of merges) occupied.add(m.r0);

  const blocks: Block[] = [];
  const rows = [...occupied].sort((a, b) => a - b);
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i < rows.length && rows[i]! === rows[i - 1]! + 1) continue;
    if (rows.length > 0) emitBlock(rows[start]!, rows[i - 1]!);
    start = i;
  }

  function isTextRow(r: number): boolean {
    const row = text.get(r);
    if (!row || row.size !== 1 || hiddenRows.has(r) || joined.has(r)) return false;
    return !(startingIn.get(r) ?? []).some((m) => m.r1 > r);
  }

  function emitBlock(first: number, last: number): void {
    let a = first;
    let b = last;
    while (a <= b && isTextRow(a)) a++;
    const head: number[] = [];
    for (let r = first; r < a; r++) head.push(r);
    const tail: number[] = [];
    if (a <= b) while (b > a && isTextRow(b)) tail.unshift(b--);
    for (const r of head) blocks.push(textBlock(r));
    if (a <= b) blocks.push({ kind: "table", table: buildTable(a, b) });
    for (const r of tail) blocks.push(textBlock(r));
  }

  function textBlock(r: number): Block {
    const [only] = text.get(r)!.values();
    return { kind: "text", page, text: only! };
  }

  function buildTable(a: number, b: number): Table {
    const inBlock: Merge[] = [];
    for (let r = a; r <= b; r++) for (const m of startingIn.get(r) ?? []) inBlock.push(m);
    let c0 = Number.POSITIVE_INFINITY;
    let c1 = -1;
    for (let r = a; r <= b; r++) for (const c of text.get(r)?.keys() ?? []) { c0 = Math.min(c0, c); c1 = Math.max(c1, c); }
    for (const m of inBlock) { c0 = Math.min(c0, m.c0); c1 = Math.max(c1, m.c1); }
    const nRows = b - a + 1;
    const nCols = c1 - c0 + 1;
    // Slots covered by a merge (other than its anchor) are not listed.
    const covered = new Set<number>();
    const spanAt = new Map<number, Merge>();
    for (const m of inBlock) {
      spanAt.set((m.r0 - a) * nCols + (m.c0 - c0), m);
      for (let r = m.r0; r <= Math.min(m.r1, b); r++) {
        for (let c = m.c0; c <= m.c1; c++) if (r !== m.r0 || c !== m.c0) covered.add((r - a) * nCols + (c - c0));
      }
    }
    const cells: Cell[] = [];
    const dense = nRows * nCols <= MAX_DENSE_SLOTS;
    for (let row = 0; row < nRows; row++) {
      const r = a + row;
      const rowHidden = hiddenRows.has(r);
      const filled = text.get(r);
      const cols = dense
        ? Array.from({ length: nCols }, (_, i) => i)
        : [...new Set([...(filled?.keys() ?? [])].concat((startingIn.get(r) ?? []).map((m) => m.c0)))].map((c) => c - c0).sort((x, y) => x - y);
      for (const col of cols) {
        const key = row * nCols + col;
        if (covered.has(key)) continue;
        const m = spanAt.get(key);
        const cell: Cell = {
          row, col,
          rowSpan: m ? Math.min(m.r1, b) - m.r0 + 1 : 1,
          colSpan: m ? m.c1 - m.c0 + 1 : 1,
          text: filled?.get(col + c0) ?? "",
          page,
        };
        // Hidden: the row or the column is (a merged cell counts by its anchor).
        if (rowHidden || hiddenCols.has(col + c0)) cell.hidden = true;
        cells.push(cell);
      }
    }
    return {
      page, pageTo: page, nRows, nCols, cells, sheet: sheet.name,
      rowNumbers: Array.from({ length: nRows }, (_, i) => a + i + 1),
    };
  }

  // A sheet always has a text layer, even when it is empty (Excel's blank Sheet2):
  // hasText false would tell later stages it is a scan.
  const info: PageInfo = { number: page, name: sheet.name, hasText: true };
  if (sheet.hidden > 0) info.hidden = true;
  return { blocks, info };
}
