/**
 * A funding block printed inside a checklist.
 *
 * Some self-evaluation templates are checklists (指标解释 | 自评内容 | 完成情况,
 * no 指标值, 分值 or 得分 columns), and their 预算资金安排 item lists the
 * budget as label | amount pairs down the 自评内容 | 完成情况 columns, block
 * after block (重庆 彭水's 计划生育 form):
 *
 *   计划生育转移支付资金合计（万元） 年度预算资金总额： | 1084.25
 *   其中：中央补助 | 668.00
 *   …
 *   农村部分计划生育家庭奖励扶助制度补助资金（万元） |
 *   年度预算资金总额： | 763.00
 *
 * Each block's head is a label declaring the unit (…（万元）) over its lines;
 * its lines become funding lines named `head / line`, marked with the block
 * they belong to so that each block's parts are added up on their own.
 */
import type { Draft } from "./draft.ts";
import { VALUE_FIELDS } from "./headers.ts";
import { fundingLine } from "./funding-line.ts";
import { isMoneyLabel, isOfWhichMarker } from "./facts.ts";
import type { Row } from "./rows.ts";
import { keyOf, tidyCjkSpaces } from "./text-key.ts";
import { parseMoneyUnit, parseNumber } from "./values.ts";
import { sourceKindOf } from "./vocab.ts";

/** `extra` key naming the block (its head as printed) a funding line of a checklist belongs to. */
export const FUNDING_BLOCK_KEY = "所属资金";

/**
 * A block head: a label that declares the unit of the amounts under it
 * (…补助资金（万元）), alone or with the block's first line after it in one cell.
 */
const HEAD = /^(.*?[(（]\s*(?:万元|元)\s*[)）])\s*(.*)$/;

export interface ChecklistFundingState {
  /** The block whose lines are being read (its head as printed), or null before the first head. */
  head: string | null;
  /** Lines read into the current block so far. */
  linesInBlock: number;
}

/** An indicator table with no column for values: a checklist. */
export function isChecklist(draft: Draft): boolean {
  const columns = draft.header?.columns ?? [];
  return draft.header?.kind === "indicators" && !columns.some((c) => VALUE_FIELDS.has(c.field));
}

/**
 * Read the row's trailing label | amount pair (or a head or an empty line on
 * its own) as the checklist's funding. Returns true when the row held nothing
 * else, so no indicator is read from it.
 */
export function readChecklistFunding(draft: Draft, row: Row): boolean {
  if (!isChecklist(draft)) return false;
  // (Only the columns the checklist's header names hold its pairs, left of its 未完成原因; that column and
  // 需提供的支撑材料 are the item's: a material's text merged down beside the lines, printed on the line where a page
  // break cut it or on every line where the merge was written out, is no part of that line.)
  const header = draft.header!;
  // (In a grid read as printed, that is; text places its columns by where words start, and may put a pair there.)
  const reasonCol = row.exact === true ? header.columns.find((c) => c.field === "reason")?.col ?? Infinity : Infinity;
  const lastCol = Math.min(reasonCol - 1, Math.max(...header.columns.map((c) => c.col), ...header.extras.map((e) => e.col + e.colSpan - 1)));
  const cells = row.cells.filter((c) => c.col <= lastCol && !isItemCopy(draft, c));
  const last = cells.at(-1);
  if (!last) return false;
  const state = (draft.checklistFunding ??= { head: null, linesInBlock: 0 });
  const active = draft.form.funding.length > 0 && state.head !== null;
  const amount = plainAmount(last.text);
  if (amount !== null && cells.length >= 2) {
    const label = tidyCjkSpaces(cells.at(-2)!.text);
    if (!isFundingLabel(label) || (!active && !HEAD.test(label))) return false;
    addLine(draft, state, label, amount, last.text);
    return cells.length === 2;
  }
  // A label alone: a new block's head, the 其中： marker, or a line left blank.
  if (cells.length !== 1 || !active) return false;
  const label = tidyCjkSpaces(last.text);
  if (isOfWhichMarker(label)) return true;
  if (!isFundingLabel(label)) return false;
  const head = label.match(HEAD);
  if (head && !head[2]) {
    state.head = label;
    state.linesInBlock = 0;
    draft.form.moneyUnit ??= parseMoneyUnit(label);
    return true;
  }
  addLine(draft, state, label, null, null);
  return true;
}

/** The columns naming a checklist's item: its levels, its name, its explanation. */
type ItemField = "level1" | "level2" | "name" | "description";
const ITEM_FIELDS: ReadonlySet<string> = new Set<ItemField>(["level1", "level2", "name", "description"]);

/** The item field the cell's column holds, or null for any other column. */
function itemFieldOf(draft: Draft, cell: Row["cells"][number]): ItemField | null {
  const field = draft.header!.columns.find((c) => c.col === cell.col)?.field;
  return field !== undefined && ITEM_FIELDS.has(field) ? (field as ItemField) : null;
}

/**
 * A cell of the item's own columns repeating what the item being read prints there: a workbook exported
 * with its merged cells written out prints 项目预算管理 | 资金投入 | 预算资金安排 | … again on every line of
 * the item's budget pairs. The copies are the item's, not the line's.
 */
function isItemCopy(draft: Draft, cell: Row["cells"][number]): boolean {
  const item = draft.form.indicators.at(-1);
  const field = itemFieldOf(draft, cell);
  const printed = item && field ? item[field] : null;
  return printed !== null && printed !== undefined && keyOf(printed) === keyOf(cell.text);
}

/**
 * A checklist's row printing its item's levels and name again (a workbook exported with its merged cells
 * written out: 项目预算管理 | 资金投入 | 预算编制科学性 | … | 项目资金测算依据 | 按相关要求完成): the item's next
 * line, not a new item.
 */
export function repeatsCurrentItem(draft: Draft, row: Row): boolean {
  if (!isChecklist(draft) || draft.form.indicators.length === 0) return false;
  const nameCol = draft.header!.columns.find((c) => c.field === "name")?.col;
  const name = row.cells.find((c) => c.col === nameCol);
  return name !== undefined && isItemCopy(draft, name) && row.cells.every((c) => itemFieldOf(draft, c) === null || isItemCopy(draft, c));
}

function addLine(draft: Draft, state: ChecklistFundingState, printed: string, amount: number | null, amountText: string | null): void {
  // 计划生育转移支付资金合计（万元） 年度预算资金总额： in one cell: the head and its first line.
  const head = printed.match(HEAD);
  const glued = head?.[2] ? head : null;
  if (glued) {
    state.head = glued[1]!;
    state.linesInBlock = 0;
    draft.form.moneyUnit ??= parseMoneyUnit(glued[1]!);
  }
  const label = glued ? glued[2]! : printed;
  const part = withoutOfWhich(label);
  // The block's first line is its whole (年度预算资金总额); the lines after it are its parts.
  const kind = state.linesInBlock === 0 || /总额|合计|总计/.test(keyOf(part)) ? "total" : sourceKindOf(part);
  const source = state.head ? `${state.head} / ${label}` : label;
  const line = fundingLine(draft.form.funding.length + 1, source, kind, amount, amountText, null, null);
  if (state.head) line.extra[FUNDING_BLOCK_KEY] = state.head;
  draft.form.funding.push(line);
  state.linesInBlock++;
}

/** An amount and nothing else: 1084.25, 668.00 (not 100%, not 10分). */
function plainAmount(text: string): number | null {
  const k = keyOf(text);
  return /%|分$/.test(k) ? null : parseNumber(k);
}

/** A label naming money: 年度预算资金总额, 其中：中央补助, 市级资金, 本级资金（包括结转结余）. */
function isFundingLabel(label: string): boolean {
  const part = withoutOfWhich(label);
  return isMoneyLabel(part) || sourceKindOf(part) !== "other";
}

/** 其中：中央补助 → 中央补助: the part's own name. */
function withoutOfWhich(label: string): string {
  return label.replace(/^其中\s*[:：]?\s*/, "");
}
