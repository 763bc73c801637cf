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
import { addFact, isLabelShaped, isMoneyLabel, isOfWhichMarker, labelText } from "./facts.ts";
import { fundingLine } from "./funding-line.ts";
import { keyOf, tidyCjkSpaces } from "./text-key.ts";
import { parseMoneyUnit, parseNumber, parseRate } from "./values.ts";
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
  /** The column each column of pairs starts at on the head row (its label's), to place a line's pairs by. */
  starts: number[];
}

/** An amount cell of such a block: a figure, with or without its unit, or the unit alone or nothing (an amount left blank). */
const isAmountCell = (text: string) => parseNumber(text) !== null || /^(?:万元|元)?$/.test(keyOf(text));

/** Read the row as the head or a line of a block of field pairs; false when it is neither. */
export function readFieldPairsRow(d: Draft, row: Row): boolean {
  if (row.kind !== "cells") return false;
  if (readHead(d, row)) return true;
  if (d.fieldPairs && readLine(d, d.fieldPairs, row)) return true;
  d.fieldPairs = undefined;
  if (readStacked(d, row)) return true;
  d.stackedPairs = undefined;
  return false;
}

/** The block's one line whose fields its rows name one or two at a time, and the fields already set. */
export interface StackedPairsState {
  head: FundingLine;
  block: string;
  set: Set<Field>;
}

/**
 * The same block with its fields stacked down its rows, one pair or two a row, in an exact grid (遂宁 经开区 2021:
 * 预算执行情况(万元) merged down beside 转移支付预算数(A) | 5.8万 | 预算执行率(B/A) | 100% over 转移支付执行数(B) |
 * 5.8万, the rate merged down both rows): each pair a field of the block's one line. The block opens with its budget,
 * its label beside it; each row after it, under that label merged down, sets fields not yet set.
 */
function readStacked(d: Draft, row: Row): boolean {
  if (!row.exact) return false;
  const cells = row.cells;
  const st = d.stackedPairs;
  const under = st !== undefined && (row.inherited ?? []).some((c) => keyOf(c.text) === keyOf(st.block));
  // (A label set a character a line down its merged cell, 预算 / 执行 / 情况 / (万元), is one label.)
  const oneLine = (text: string) => text.replace(/\s*\n\s*/g, "");
  const block = !under && cells[0] && isLabelShaped(oneLine(cells[0].text)) && stackedField(oneLine(cells[0].text)) === null && parseNumber(cells[0].text) === null ? cells[0] : null;
  const pairs: { label: RowCell; value: RowCell; field: Field }[] = [];
  let i = block ? 1 : 0;
  while (i + 1 < cells.length) {
    const field = stackedField(cells[i]!.text);
    const value = cells[i + 1]!.text;
    if (field === null || (field === "rate" ? parseRate(value) : parseNumber(value)) === null) break;
    pairs.push({ label: cells[i]!, value: cells[i + 1]!, field });
    i += 2;
  }
  if (i !== cells.length || pairs.length === 0 || new Set(pairs.map((p) => p.field)).size !== pairs.length) return false;
  let state: StackedPairsState;
  if (under && st && pairs.every((p) => !st.set.has(p.field))) state = st;
  // (Opened by a money block's label, 预算执行情况(万元), beside its budget and one more field: a label beside an amount
  // alone, 资金总额及构成 | 总额 | 10606.7522万元, is a block of lines, read as such.)
  else if (block && pairs[0]!.field === "budget" && pairs.length >= 2 && (headerField(oneLine(block.text)) === "fundLabel" || parseMoneyUnit(block.text) !== null)) {
    const head = fundingLine(d.form.funding.length + 1, labelText(oneLine(block.text)), "total", null, null, null, null);
    Object.assign(head, { page: row.page, line: row.line, ocrConfidence: row.ocrConfidence ?? null });
    d.form.funding.push(head);
    d.form.moneyUnit ??= parseMoneyUnit(oneLine(block.text));
    state = { head, block: block.text, set: new Set() };
    d.stackedPairs = state;
  } else return false;
  for (const p of pairs) {
    if (p.field === "rate") Object.assign(state.head, { executionRate: parseRate(p.value.text), executionRateText: tidyCjkSpaces(p.value.text) || null });
    else setField(state.head, p.field, p.value.text);
    state.set.add(p.field);
    addFact(d.form, labelText(p.label.text), tidyCjkSpaces(p.value.text), null, row.page, row.line);
  }
  return true;
}

/** A stacked pair's label: a funding field's (预算数, 执行数) or the rate's (预算执行率(B/A)). */
function stackedField(text: string): Field | null {
  return fieldOf(text) ?? (isLabelShaped(text) && headerField(labelText(text)) === "rate" ? "rate" : null);
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
  d.fieldPairs = { fields, head: line, named: block !== null, starts: pairs.map((p) => p.label.col) };
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
  const inOrder = cells.length === 2 * st.fields.length ? st.fields.map((_, k) => ({ label: cells[2 * k]!.text, value: cells[2 * k + 1]!.text, k })) : null;
  const pairs = inOrder && isOneSource(inOrder) ? inOrder : pairsByColumn(st, row);
  if (!pairs || !isOneSource(pairs)) return false;
  const first = pairs[0]!.label;
  const source = labelText(first);
  const line = fundingLine(d.form.funding.length + 1, source, sourceKindOf(source), null, null, null, null);
  for (const p of pairs) {
    setField(line, st.fields[p.k]!, p.value);
    addFact(d.form, source, tidyCjkSpaces(p.value), null, row.page, row.line);
  }
  Object.assign(line, { page: row.page, line: row.line, ocrConfidence: row.ocrConfidence ?? null });
  d.form.funding.push(line);
  return true;
}

/** Pairs that print one source: the same label in each (省财政： | 170 | 省财政 | 170: with or without its colon), an amount (or a blank) after it. */
function isOneSource(pairs: readonly { label: string; value: string }[]): boolean {
  const first = pairs[0]?.label;
  const same = (a: string, b: string) => keyOf(labelText(a)) === keyOf(labelText(b));
  return first !== undefined && isLabelShaped(first) && pairs.every((p) => same(p.label, first) && isAmountCell(p.value));
}

/**
 * A line whose pairs do not fill every column of pairs (海南's 其中: | 中央财政 | 0 | 其中: | 中央财政 | 0 under
 * 计划投资额 | 570 | 实际到位资金 | 398.88 | 实际使用情况 | 395.86, the last column broken down by nobody): each pair
 * goes to the column of pairs its label stands in, by the head row's columns; a column may hold one pair at most.
 */
function pairsByColumn(st: FieldPairsState, row: Row): { label: string; value: string; k: number }[] | null {
  const byGroup = new Map<number, string[]>();
  for (const c of row.cells) {
    if (isOfWhichMarker(c.text)) continue;
    let k = -1;
    st.starts.forEach((start, i) => { if (c.col >= start) k = i; });
    if (k < 0) return null;
    (byGroup.get(k) ?? byGroup.set(k, []).get(k)!).push(c.text);
  }
  const out: { label: string; value: string; k: number }[] = [];
  for (const [k, texts] of byGroup) {
    if (texts.length > 2) return null;
    out.push({ label: texts[0]!, value: texts[1] ?? "", k });
  }
  // (A heading across the table, 二、项目支出明细情况, is no line: a source prints in two columns, or an amount.)
  if (out.length < 2 && !out.some((p) => parseNumber(p.value) !== null)) return null;
  return out.sort((a, b) => a.k - b.k);
}

/** 预算数：, 执行数, 全年执行数：: a pair's label naming a funding field. */
function fieldOf(text: string): Field | null {
  if (!isLabelShaped(text)) return null;
  // (实际使用情况（万元）: what was spent, as an amount's label says it beside its figure.)
  if (/^实际(?:使用|支出)情况\((?:万元|元)\)$/.test(keyOf(text))) return "executed";
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
