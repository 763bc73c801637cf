/**
 * A money block headed by a grid of names in groups, its amounts on one row
 * under them (泸县's 县级部门整体支出绩效目标申报表):
 *
 *     总体资金情况(万元) | 预算支出
 *                        | 总额    | 基本支出                                | 项目支出
 *                        |         | 合计    | 财政拨款 | 专户资金 | 单位资金 | 合计   | 财政拨款 | 专户资金 | 单位资金
 *                        | 1695.55 | 1478.75 | 1478.75  |          |          | 216.80 | 216.80   |          |
 *
 * Each column under the names is a funding line named by the names over it,
 * the group first (基本支出 / 合计: the same names repeat under each group),
 * its amount the line's budget. The group is the line's block, as a
 * checklist's subsidy is, so each group's parts add up to its own 合计. A
 * name over every column (预算支出) is the block's caption, no part of a
 * line's name.
 *
 * The block is told by its label (a money block's, merged down beside the
 * names and the amounts), groups that repeat the same names, and one row of
 * amounts and nothing else under them. One row of names over their amounts is
 * the sources-across block (source-columns.ts); a group of names each printed
 * once (财政资金 over 中央 | 省级 | 本级) is read there too.
 */
import type { Row, RowCell } from "./rows.ts";
import type { Draft } from "./draft.ts";
import type { FundingLine } from "./model.ts";
import { fundingLine } from "./funding-line.ts";
import { FUNDING_BLOCK_KEY } from "./checklist-funding.ts";
import { headerField, sourceKindOf } from "./vocab.ts";
import { parseMoneyUnit, parseNumber } from "./values.ts";
import { keyOf, tidyCjkSpaces } from "./text-key.ts";

/** Names over the amounts at least: a block of fewer is a pair or two of the header block. */
const MIN_COLUMNS = 3;
/** Rows of names at most over the amounts. */
const MAX_NAME_ROWS = 4;
/** The word of a whole amount, 总额 (合计 and its kin are sourceKindOf's). */
const WHOLE = /^(?:资金)?总额$/;
/** What joins a line's names, the group's first (基本支出 / 合计). */
const PATH_SEPARATOR = " / ";

/** Each column's names over a grouped money block's amounts' row, on the row that prints the amounts. */
export interface GroupedMoneyHeader {
  /** Every column under the names, left to right: its name and the amount printed under it (null: left blank). */
  columns: { group: string | null; leaf: string; amount: RowCell | null }[];
}

/**
 * The rows with each grouped money header found: its names' rows marked (they
 * name the lines, no pairs of the form's header), and its amounts' row given
 * the block to read (readGroupedMoneyRow).
 */
export function markGroupedMoneyHeaders(rows: Row[]): Row[] {
  const out = [...rows];
  for (let i = 0; i < out.length; i++) {
    const found = groupedMoneyHeaderAt(out, i) ?? flatGroupedMoneyHeaderAt(out, i);
    if (!found) continue;
    for (let k = i; k < found.amountsRow; k++) out[k] = { ...out[k]!, moneyNames: true };
    out[found.amountsRow] = { ...out[found.amountsRow]!, groupedMoney: found.header };
    i = found.amountsRow;
  }
  return out;
}

function groupedMoneyHeaderAt(rows: readonly Row[], i: number): { amountsRow: number; header: GroupedMoneyHeader } | null {
  const top = rows[i]!;
  const label = top.cells[0];
  // (The label first on its row, wherever the grid starts: a blank margin column may stand before it.)
  if (top.kind !== "cells" || top.table === null || top.gridRow === undefined || !label) return null;
  if (headerField(label.text) !== "fundLabel" || (label.rowSpan ?? 1) < 3) return null;
  const last = top.gridRow + (label.rowSpan ?? 1) - 1;
  // The names' rows, words only, then the amounts' row, all within the label's rows.
  let j = i;
  const inBlock = (r: Row | undefined, k: number): r is Row =>
    r !== undefined && r.kind === "cells" && r.table === top.table && r.gridRow === top.gridRow! + (k - i) && r.gridRow <= last;
  while (inBlock(rows[j], j) && j - i < MAX_NAME_ROWS && rows[j]!.cells.every((c) => c === label || parseNumber(c.text) === null)) j++;
  const amounts = rows[j];
  if (j - i < 2 || !inBlock(amounts, j)) return null;
  if (amounts.cells.length < 2 || !amounts.cells.every((c) => parseNumber(c.text) !== null)) return null;
  // Every name cell of the rows, with the grid rows it covers.
  const names = rows.slice(i, j).flatMap((r) => r.cells.filter((c) => c !== label).map((c) => ({ cell: c, from: r.gridRow!, to: r.gridRow! + (c.rowSpan ?? 1) - 1 })));
  const start = label.col + label.colSpan;
  const end = Math.max(...names.map((n) => n.cell.col + n.cell.colSpan), ...amounts.cells.map((c) => c.col + c.colSpan));
  const covers = (n: (typeof names)[number], col: number) => n.cell.col <= col && col < n.cell.col + n.cell.colSpan;
  // (A name over every column is the block's caption.)
  const caption = (n: (typeof names)[number]) => n.cell.col <= start && n.cell.col + n.cell.colSpan >= end;
  // The leaves: names with no name under them.
  const leaves = names.filter((n) => !caption(n) && !names.some((m) => m !== n && m.from > n.to && m.cell.col < n.cell.col + n.cell.colSpan && n.cell.col < m.cell.col + m.cell.colSpan));
  const grouped = names.some((n) => !caption(n) && leaves.filter((l) => l !== n && l.from > n.to && covers(n, l.cell.col)).length >= 2);
  if (leaves.length < MIN_COLUMNS || !grouped || leaves.some((l) => l.cell.col < start)) return null;
  // (Only where the groups repeat their names, 合计 under each: names told apart by their group alone. A group of
  // sources named once each, 财政资金 over 中央 | 省级 | 本级, is the sources-across block's.)
  const keys = leaves.map((l) => keyOf(l.cell.text));
  if (new Set(keys).size === keys.length) return null;
  // Each amount under a leaf, and no amount elsewhere.
  const under = (l: (typeof leaves)[number]) => amounts.cells.filter((c) => covers(l, c.col));
  if (amounts.cells.some((c) => !leaves.some((l) => covers(l, c.col))) || leaves.some((l) => under(l).length > 1)) return null;
  const columns = [...leaves].sort((a, b) => a.cell.col - b.cell.col).map((l) => {
    const path = names.filter((n) => !caption(n) && n.to < l.from && covers(n, l.cell.col)).sort((a, b) => a.from - b.from);
    const group = path.map((n) => tidyCjkSpaces(n.cell.text)).join(PATH_SEPARATOR);
    return { group: group || null, leaf: tidyCjkSpaces(l.cell.text), amount: under(l)[0] ?? null };
  });
  return { amountsRow: j, header: { columns } };
}

/**
 * The same block in text that prints a merged cell once, in its first row, and
 * keeps no spans (text copied from a web page):
 *
 *     总体资金情况(万元) | 预算支出
 *     总额    | 基本支出 | 项目支出
 *     合计    | 财政拨款 | 专户资金 | 单位资金 | 合计   | 财政拨款 | 专户资金 | 单位资金
 *     1695.55 | 1478.75  | 1478.75  |          |        | 216.80   | 216.80   |          |
 *
 * The names' row repeats one run of names (合计 … 单位资金) as many times as the
 * groups' row ends with group names; the groups' row's names before them are
 * names of their own merged down beside the runs (总额), and the amounts' row
 * prints a cell under each name, blank or not. Nothing else is taken for it.
 */
function flatGroupedMoneyHeaderAt(rows: readonly Row[], i: number): { amountsRow: number; header: GroupedMoneyHeader } | null {
  const [top, groupsRow, namesRow, amounts] = [rows[i], rows[i + 1], rows[i + 2], rows[i + 3]];
  if (!top || !groupsRow || !namesRow || !amounts || top.exact || top.kind !== "cells" || top.table === null || top.gridRow === undefined) return null;
  const block = [top, groupsRow, namesRow, amounts];
  if (block.some((r, k) => r.kind !== "cells" || r.table !== top.table || r.gridRow !== top.gridRow! + k)) return null;
  const label = top.cells[0]!;
  if (top.cells.length > 2 || headerField(label.text) !== "fundLabel") return null;
  const words = (r: Row) => r.cells.every((c) => parseNumber(c.text) === null);
  if (!words(groupsRow) || !words(namesRow)) return null;
  const names = namesRow.cells.map((c) => keyOf(c.text));
  // The shortest run the names repeat, twice or more.
  const run = [...Array(Math.floor(names.length / 2)).keys()].map((k) => k + 2)
    .find((p) => names.length % p === 0 && names.every((n, k) => n === names[k % p]));
  if (run === undefined) return null;
  const groups = names.length / run;
  const own = groupsRow.cells.length - groups;
  const cells = amounts.allCells;
  if (own < 0 || cells.length !== own + names.length) return null;
  if (cells.filter((c) => c.text.trim() !== "").length < 2 || !cells.every((c) => c.text.trim() === "" || parseNumber(c.text) !== null)) return null;
  const amountAt = (k: number) => (cells[k]!.text.trim() === "" ? null : cells[k]!);
  const columns = [
    ...groupsRow.cells.slice(0, own).map((c, k) => ({ group: null, leaf: tidyCjkSpaces(c.text), amount: amountAt(k) })),
    ...namesRow.cells.map((c, k) => ({ group: tidyCjkSpaces(groupsRow.cells[own + Math.floor(k / run)]!.text), leaf: tidyCjkSpaces(c.text), amount: amountAt(own + k) })),
  ];
  return { amountsRow: i + 3, header: { columns } };
}

/** The funding lines of a grouped money block's amounts' row; false for any other row. */
export function readGroupedMoneyRow(d: Draft, row: Row): boolean {
  if (row.moneyNames) {
    // (The block's label declares the amounts' unit: 总体资金情况(万元).)
    for (const c of row.cells) d.form.moneyUnit ??= /\((万元|元)\)$/.test(keyOf(c.text)) ? parseMoneyUnit(c.text) : null;
    return true;
  }
  const block = row.groupedMoney;
  if (!block) return false;
  // (A group's lines are a block of their own, its 合计 their whole: funding_identity checks each group apart.)
  const lines: FundingLine[] = block.columns.map(({ group, leaf, amount }, k) => {
    // (A whole's word with no group over it, 总额 beside the groups, is the block's whole.)
    const kind = !group && WHOLE.test(keyOf(leaf)) ? "total" : sourceKindOf(leaf);
    const line = fundingLine(d.form.funding.length + 1 + k, group ? `${group}${PATH_SEPARATOR}${leaf}` : leaf, kind,
      parseNumber(amount?.text) ?? null, amount?.text ?? null, null, null);
    if (group) line.extra[FUNDING_BLOCK_KEY] = group;
    return { ...line, page: row.page, line: row.line, ocrConfidence: row.ocrConfidence ?? null };
  });
  d.form.funding.push(...lines);
  return true;
}
