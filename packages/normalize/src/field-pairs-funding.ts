/**
 * A funding block printed as pairs whose labels are the funding columns' own
 * words, one column of pairs per field (遂宁 安居区's 区域绩效目标自评表):
 *
 *     预算执行情况 | 预算数：       | 2.38      | 执行数：       | 2.38     | 20
 *                  | 其中:中央补助 | 2.38 万元 | 其中:中央补助 | 2.38万元 |
 *                  | 地方资金/其他 | 万元      | 地方资金/其他 | 万元     |
 *
 * The first row names the fields (预算数 → budget, 执行数 → executed) and is the
 * line of the whole block, under the block's label merged beside it; a figure
 * after its pairs under a points caption of the header block (自评得分) is the
 * block's score. Each row under it prints one source in every column of pairs,
 * its amounts in the fields those columns were named for. Read as plain pairs,
 * each source would come out twice, once per column, and the head row not at all.
 *
 * A column of pairs whose label is an amount no funding field holds (岳阳 2016's
 * 计划安排资金 | 170 | 实际到位资金 | 170 | 实际支出 | 179.6 | 结余 | 0, over 其中:中央财政 |
 * (blank) | 其中:中央财政 | (blank) …) keeps its amounts in each line's `extra`, under its label.
 */
import type { Draft } from "./draft.ts";
import type { Row, RowCell } from "./rows.ts";
import type { Field } from "./vocab.ts";
import type { FundingLine } from "./model.ts";
import { addFact, isLabelShaped, isMoneyLabel, labelText } from "./facts.ts";
import { fundingLine } from "./funding-line.ts";
import { keyOf, tidyCjkSpaces } from "./text-key.ts";
import { parseNumber } from "./values.ts";
import { pointCaptionOf } from "./header-block-values.ts";
import { headerField, sourceKindOf } from "./vocab.ts";

/** The funding fields a pair's label may name, and where each goes on a line. */
const PAIR_FIELDS: ReadonlySet<Field> = new Set<Field>(["budget", "initialBudget", "executed", "balance"]);

/** What a column of pairs holds: a funding field, or an amount kept in `extra` under the column's label. */
type PairField = Field | { extra: string };

/** The columns of pairs found on a block's first row, in order, with the field each names. */
export interface FieldPairsState {
  fields: PairField[];
  /** The block's own line, named after its first pair while no block label was seen. */
  head: FundingLine;
  named: boolean;
}

/** An amount cell of such a block: a figure, with or without its unit, or the unit alone or nothing (an amount left blank). */
const isAmountCell = (text: string) => parseNumber(text) !== null || /^(?:万元|元)?$/.test(keyOf(text));

/** Read the row as the head or a line of a block of field pairs; false when it is neither. */
export function readFieldPairsRow(d: Draft, row: Row): boolean {
  if (row.kind !== "cells") return false;
  if (readHead(d, row)) return true;
  if (d.fieldPairs && readLine(d, d.fieldPairs, row)) return true;
  d.fieldPairs = undefined;
  return false;
}

function readHead(d: Draft, row: Row): boolean {
  const cells = row.cells;
  let i = 0;
  // (The block's label first, merged down beside its lines: 预算执行情况.)
  const block = cells[0] && isLabelShaped(cells[0].text) && fieldOf(cells[0].text) === null && parseNumber(cells[0].text) === null ? cells[0] : null;
  if (block) i = 1;
  const pairs: { label: RowCell; value: RowCell; field: PairField }[] = [];
  while (i + 1 < cells.length) {
    const field = fieldOf(cells[i]!.text) ?? extraOf(cells[i]!.text);
    if (field === null || parseNumber(cells[i + 1]!.text) === null) break;
    pairs.push({ label: cells[i]!, value: cells[i + 1]!, field });
    i += 2;
  }
  const fields = pairs.map((p) => p.field);
  const named = fields.filter((f): f is Field => typeof f === "string");
  // (Amounts of no funding field beside the budget and one more field at least: the budget alone is no block.)
  if (pairs.length < 2 || named.length < 2 || new Set(named).size !== named.length || !named.includes("budget")) return false;
  // After the pairs, nothing but a figure under a points caption.
  const rest = cells.slice(i);
  const points = rest.length === 1 && parseNumber(rest[0]!.text) !== null && pointCaptionOf(d, row, rest[0]!) !== undefined ? rest[0]! : null;
  if (rest.length > 0 && !points) return false;
  const source = labelText(block?.text ?? pairs[0]!.label.text);
  const line = fundingLine(d.form.funding.length + 1, source, "total", null, null, null, null);
  for (const p of pairs) {
    setField(line, p.field, p.value.text);
    addFact(d.form, labelText(p.label.text), tidyCjkSpaces(p.value.text), null, row.page, row.line);
  }
  if (points) line.score = parseNumber(points.text);
  Object.assign(line, { page: row.page, line: row.line, ocrConfidence: row.ocrConfidence ?? null });
  d.form.funding.push(line);
  d.fieldPairs = { fields, head: line, named: block !== null };
  return true;
}

/** 其中:中央补助 | 2.38 万元 | 其中:中央补助 | 2.38万元: one source, its amount in each column of pairs. */
function readLine(d: Draft, st: FieldPairsState, row: Row): boolean {
  // (Amounts left blank print no cell: 其中:中央财政 | (blank) | 其中:中央财政 | (blank) … is read with its blanks.)
  const width = (n: number) => n === 2 * st.fields.length || n === 2 * st.fields.length + 1;
  let cells = width(row.cells.length) || !width(row.allCells.length) ? row.cells : row.allCells;
  // (Layout text prints the block's label, merged down beside the lines, on the middle one.)
  if (cells.length === 2 * st.fields.length + 1 && !st.named && isLabelShaped(cells[0]!.text) && keyOf(cells[0]!.text) !== keyOf(cells[1]!.text)) {
    st.head.source = labelText(cells[0]!.text);
    st.named = true;
    cells = cells.slice(1);
  }
  // (An export that unmerges the block's label prints it again on each line.)
  else if (cells.length === 2 * st.fields.length + 1 && st.named && keyOf(labelText(cells[0]!.text)) === keyOf(st.head.source)) cells = cells.slice(1);
  if (cells.length !== 2 * st.fields.length) return false;
  const labels = st.fields.map((_, k) => cells[2 * k]!.text);
  const values = st.fields.map((_, k) => cells[2 * k + 1]!.text);
  if (!isLabelShaped(labels[0]!) || labels.some((l) => keyOf(l) !== keyOf(labels[0]!)) || !values.every(isAmountCell)) return false;
  const source = labelText(labels[0]!);
  const line = fundingLine(d.form.funding.length + 1, source, sourceKindOf(source), null, null, null, null);
  st.fields.forEach((f, k) => {
    setField(line, f, values[k]!);
    addFact(d.form, source, tidyCjkSpaces(values[k]!), null, row.page, row.line);
  });
  Object.assign(line, { page: row.page, line: row.line, ocrConfidence: row.ocrConfidence ?? null });
  d.form.funding.push(line);
  return true;
}

/** 预算数：, 执行数, 全年执行数：: a pair's label naming a funding field. */
function fieldOf(text: string): Field | null {
  if (!isLabelShaped(text)) return null;
  const field = headerField(labelText(text));
  return field !== null && PAIR_FIELDS.has(field) ? field : null;
}

/** 实际到位资金（万元）: a pair's label naming an amount that no funding field holds. */
function extraOf(text: string): PairField | null {
  return isLabelShaped(text) && headerField(labelText(text)) === null && isMoneyLabel(labelText(text)) ? { extra: labelText(text) } : null;
}

function setField(line: FundingLine, field: PairField, text: string): void {
  const amount = parseNumber(text);
  // (An amount left blank is no text of the line's.)
  const printed = tidyCjkSpaces(text) || null;
  if (typeof field !== "string") {
    if (printed) line.extra[field.extra] = printed;
  } else if (field === "budget") Object.assign(line, { budget: amount, budgetText: printed });
  else if (field === "initialBudget") Object.assign(line, { initialBudget: amount, initialBudgetText: printed });
  else if (field === "executed") Object.assign(line, { executed: amount, executedText: printed });
  else if (field === "balance") Object.assign(line, { balance: amount, balanceText: printed });
}
