/**
 * A cost breakdown in a target form's header block, before its indicators:
 *
 *   项目预算成本构成 | 金额 | 测算(公式)依据 | 2020年实际执行数 | 2021年实际执行数
 *                    | 保安服务费 | 191 | 依据招标文件 | 191 | 191
 *                    | …
 *                    | 合计 | 814 | | 662.98 | 794.55
 *
 * (鄂州 2022 项目支出绩效目标表). Its rows are neither label：value pairs nor a
 * funding block (the items are costs, not sources of money), and were dropped.
 * Each row is kept as a fact (its item, then its cells), and the 合计 under
 * the amount column is the project's amount: a total funding line when the
 * form prints no funding block.
 */
import type { Draft } from "./draft.ts";
import { fundingLine } from "./funding-line.ts";
import type { Row, RowCell } from "./rows.ts";
import { keyOf, tidyCjkSpaces } from "./text-key.ts";
import { addFact, labelText } from "./facts.ts";
import { isEmptyValue, parseNumber } from "./values.ts";

/** The header of the amount column of such a table. */
const AMOUNT_HEADER = /^(?:金额|预算金额|预算数|申请金额|测算金额|成本金额)(?:\((?:万元|元)\))?$/;
/** Word cells a cost table's header has at least (the block label, the item's header, 金额, 测算依据 …). */
const MIN_HEADER_CELLS = 3;
/** The row that adds the items up. */
const SUM = /^(?:合计|总计|小计)$/;

export interface CostTableState {
  /** Where the amount column is. */
  col: number;
  colSpan: number;
  /** The block label first in the header (项目预算成本构成), key form: an export that unmerges it prints it on every item's row. */
  label: string | null;
}

/**
 * Reads a row of the form's header block as part of a cost table: its header
 * (remembered, nothing else), an item, or its 合计 (which ends it). False when
 * the row is none of these; a row that is no item ends the table.
 */
export function readCostTableRow(draft: Draft, row: Row): boolean {
  const table = draft.costTable;
  if (!table) {
    const header = costTableHeader(row);
    if (!header) return false;
    draft.costTable = header;
    return true;
  }
  // The cell under 金额; or, where a copied table lost the merged block label's column (web text), the first
  // number after the item.
  const cells = row.cells.filter((c, i) => !(i === 0 && table.label !== null && keyOf(c.text) === table.label));
  const under = cells.find((c) => c.col < table.col + table.colSpan && table.col < c.col + c.colSpan);
  const label = cells.find((c) => c !== under && parseNumber(c.text) === null && !isEmptyValue(c.text));
  const amount = under && parseNumber(under.text) !== null ? under : cells.find((c) => label && c.col > label.col && parseNumber(c.text) !== null);
  if (!label || !amount) {
    draft.costTable = undefined;
    return false;
  }
  const [item, ...rest] = cellsFrom(row, label);
  addFact(draft.form, labelText(item!.text), rest.filter((c) => !isEmptyValue(c.text)).map((c) => tidyCjkSpaces(c.text)).join(" | "), null, row.page, row.line);
  if (SUM.test(keyOf(label.text))) {
    const total = fundingLine(draft.factFunding.length + 1, keyOf(label.text), "total", parseNumber(amount.text), amount.text.trim(), null, null);
    total.page = row.page;
    total.line = row.line;
    draft.factFunding.push({ line: total, column: 0 });
    draft.costTable = undefined;
  }
  return true;
}

/** A header row: only words, MIN_HEADER_CELLS or more, one of them an amount's header. */
function costTableHeader(row: Row): CostTableState | null {
  if (row.kind !== "cells" || row.cells.length < MIN_HEADER_CELLS || row.cells.some((c) => parseNumber(c.text) !== null)) return null;
  const amount = row.cells.find((c) => AMOUNT_HEADER.test(keyOf(c.text)));
  const first = row.cells[0]!;
  return amount ? { col: amount.col, colSpan: amount.colSpan, label: first !== amount ? keyOf(first.text) : null } : null;
}

/** The row's cells from its item on (the block label merged down beside the items is the table's, not the row's). */
function cellsFrom(row: Row, first: RowCell): RowCell[] {
  return row.cells.slice(row.cells.indexOf(first));
}
