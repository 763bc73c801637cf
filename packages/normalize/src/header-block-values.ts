/**
 * Values a form's header block prints away from their labels, and headers it names only from
 * above: a value under a label that its row printed without one (未能完成原因 over its text, 自评得分
 * over 100), a label merged over two rows of values, and a points column whose word stands in the
 * header block (自评得分) while the indicator header holds only its part's points. Read row by row
 * by parse.ts, the state kept on the draft.
 */
import type { Draft } from "./draft.ts";
import type { Form } from "./model.ts";
import { applyFact } from "./draft.ts";
import type { Row, RowCell } from "./rows.ts";
import { isLabelShaped, labelText, labelValuePairs } from "./facts.ts";
import { factKeyOf, headerField } from "./vocab.ts";
import { isEmptyValue, parseNumber } from "./values.ts";
import { tidyCjkSpaces } from "./text-key.ts";

/**
 * A header-block row of one cell, standing under a label the row above printed with no value
 * beside it (… | 未能完成原因 over 因受疫情影响，…): that label's value.
 */
export function readValueBelow(draft: Draft, row: Row): boolean {
  const filled = row.cells.filter((c) => !isEmptyValue(c.text));
  if (!draft.valuesBelow?.length || filled.length !== 1) return false;
  const cell = filled[0]!;
  if (isLabelShaped(cell.text) || !takeValueBelow(draft, cell)) return false;
  draft.valuesBelow = undefined;
  return true;
}

/**
 * A header-block row whose label is the one merged down from the pair above (中长期绩效目标 over two rows,
 * 1.… then 2.…): its one value is the next line of that pair's value.
 */
export function readMergedLabelLine(draft: Draft, row: Row): boolean {
  const filled = row.cells.filter((c) => !isEmptyValue(c.text));
  const last = draft.form.facts[draft.form.facts.length - 1];
  if (filled.length !== 1 || !last || !last.value) return false;
  // (A label awaiting its value, 已实施情况: under the label's goal text, is a pair of its own, left blank.)
  if (AWAITING_VALUE.test(filled[0]!.text)) return false;
  const label = row.inherited?.find((c) => labelText(c.text) === last.label && c.col < filled[0]!.col);
  // (Text that prints a merged cell once gives the next line no label at all; it goes on the value's numbered list.)
  if (!label && (row.exact || row.inherited?.length || !continuesNumbering(last.value, filled[0]!.text))) return false;
  last.value = `${last.value}\n${tidyCjkSpaces(filled[0]!.text)}`;
  const goal = draft.form.goals[draft.form.goals.length - 1];
  if (goal && goal.actual === null && goal.expected !== null && last.value.startsWith(goal.expected)) goal.expected = last.value;
  return true;
}

/** A label and its colon, nothing after it (已实施情况:, 未实施情况及原因:). */
const AWAITING_VALUE = /^[^:：\d]{2,20}[:：]\s*$/u;

/** 2.… after a value whose last line starts 1.…: the next item of its numbered list. */
function continuesNumbering(value: string, text: string): boolean {
  const number = (line: string) => Number(/^\s*[(（]?(\d{1,2})[.、．)）]/.exec(line)?.[1] ?? NaN);
  const lines = value.split("\n");
  return number(text) === number(lines[lines.length - 1]!) + 1;
}

/** The value of a label above in the cell's column, given to that label; whether there was one. */
function takeValueBelow(draft: Draft, cell: RowCell, lastOfLooseRow = false): boolean {
  // (In text that prints merged cells once, columns do not line up: a score's label last on its row over a figure
  // last on the next, 自评得分 over 100.)
  const above = draft.valuesBelow?.find((l) => cell.col >= l.col && cell.col < l.col + l.colSpan)
    ?? (lastOfLooseRow ? draft.valuesBelow?.find((l) => l.last && (factKeyOf(l.fact.label) === "totalScore" || headerField(l.fact.label) === "score")) : undefined);
  if (!above) return false;
  above.fact.value = tidyCjkSpaces(cell.text);
  const key = factKeyOf(above.fact.label);
  if (key) applyFact(draft.form, key, above.fact.value);
  return true;
}

/**
 * A row of pairs ending in a figure under a label the row above printed without its value
 * (省级财政部门 | 四川省财政厅 | 省级主管部门 | 四川省市场监管局 | 100 under … | 自评得分): the figure is
 * that label's, and the row without it is read as pairs.
 */
export function withoutValueBelow(draft: Draft, row: Row): Row {
  const last = row.cells[row.cells.length - 1];
  if (!draft.valuesBelow?.length || row.cells.length < 3 || !last || parseNumber(last.text) === null) return row;
  const rest = { ...row, cells: row.cells.slice(0, -1), allCells: row.allCells.filter((c) => c !== last) };
  // (Only where the rest of the row reads as pairs: the figure is taken from the row, not from a row of data.)
  if (labelValuePairs(rest.cells, true) === null || !takeValueBelow(draft, last, !row.exact)) return row;
  return rest;
}

/** A header row of words naming a column of names and one of targets, and no amounts. */
export function isNamedTargetsHeader(row: Row): boolean {
  if (row.kind !== "cells" || row.cells.length < 2 || row.cells.some((c) => parseNumber(c.text) !== null)) return false;
  const fields = row.cells.map((c) => headerField(c.text));
  return fields.includes("name") && fields.includes("target") && !fields.some((f) => f === "budget" || f === "executed" || f === "initialBudget");
}

/**
 * 指标类型 | 绩效指标 | 绩效目标 | 绩效标准: the indicators' block word (or the items' own, 考核指标) and, right of
 * it, the goals' word over their columns, three cells at least and no level or target header — a target form's
 * grid whose items stand under 绩效指标 and their targets under 绩效目标 (not a goals block, which names no
 * indicators).
 */
export function isGoalWordedGrid(row: Row): boolean {
  if (row.kind !== "cells" || row.cells.length < 3 || row.cells.some((c) => parseNumber(c.text) !== null)) return false;
  const fields = row.cells.map((c) => headerField(c.text));
  // (考核指标 | 绩效目标: the items' own word before the goals' as well.)
  const label = fields.findIndex((f) => f === "label" || f === "name");
  const goal = fields.indexOf("goal");
  const regular = fields.some((f) => f === "level1" || f === "level2" || f === "target" || f === "goalActual" || f === "budget");
  return label >= 0 && goal > label && !regular && fields.filter((f) => f === "label" || f === "name").length === 1;
}

/** A header-block cell that names points (自评得分, 分值) over the column it stands in. */
export function notePointCaptions(d: Draft, row: Row): void {
  const heads = d.captionHeads;
  d.captionHeads = new Map(row.cells.map((c) => [c.col, c.text]));
  for (const c of row.cells) {
    // (A label wrapped in a narrow column goes on in the same column on the row below: 自评得 over 分.)
    const wrapped = heads?.get(c.col);
    const text = wrapped !== undefined && headerField(wrapped) === null && isPointsLabel(wrapped + c.text) ? wrapped + c.text : c.text;
    if (isPointsLabel(text)) {
      (d.pointCaptions ??= new Map()).set(c.col, text);
      // (Text that prints merged cells once keeps no columns: such a label last on its row heads the last column.)
      if (!row.exact && c === row.cells[row.cells.length - 1]) d.pointCaptions.set(LAST_COLUMN, text);
    }
  }
}

const isPointsLabel = (text: string) => {
  const field = headerField(text);
  return (field === "score" || field === "weight") && isLabelShaped(text);
};

/** Cells of a captioned indicator header at least (levels, name, a value, the points). */
const INDICATOR_HEADER_CELLS = 4;
/** Cells of a captioned goals header at least (预期目标 | 目标实际完成情况 | 20; layout text prints its label on the next line). */
export const GOALS_HEADER_CELLS = 3;

/** The points a captioned header row prints for its part, as the goals block's 分值 or 得分 by the caption over them. */
export function notePartPoints(form: Form, row: Row, captioned: Row): void {
  captioned.cells.forEach((c, i) => {
    const figure = parseNumber(row.cells[i]!.text);
    if (figure === null || c.text === row.cells[i]!.text) return;
    if (headerField(c.text) === "weight") form.goalsWeight ??= figure;
    else form.goalsScore ??= figure;
  });
}

/** The key of a points label printed last on its row, in text without columns. */
const LAST_COLUMN = -1;

/** The points caption over a row's cell: its column's, or in text without columns the one last on its row when the cell ends the row. */
export function pointCaptionOf(d: Draft, row: Row, cell: RowCell): string | undefined {
  const captions = d.pointCaptions;
  return captions?.get(cell.col) ?? (!row.exact && cell === row.cells[row.cells.length - 1] ? captions?.get(LAST_COLUMN) : undefined);
}

/** The row with its last cells that are figures in a captioned column replaced by their caption, or null. */
export function withPointCaptions(d: Draft, row: Row, minCells = INDICATOR_HEADER_CELLS): Row | null {
  const captions = d.pointCaptions;
  if (!captions || row.kind !== "cells" || row.cells.length < minCells) return null;
  const cells = [...row.cells];
  let replaced = 0;
  for (let i = cells.length - 1; i >= 0 && parseNumber(cells[i]!.text) !== null; i--) {
    const caption = pointCaptionOf(d, row, cells[i]!);
    if (!caption) return null;
    cells[i] = { ...cells[i]!, text: caption };
    replaced++;
  }
  return replaced > 0 ? { ...row, cells } : null;
}

