/**
 * Reading the data rows of each form part, once its header is known.
 */
import type { Form, FundingLine, Indicator } from "./model.ts";
import type { Row, RowCell } from "./rows.ts";
import type { Draft, LevelState } from "./draft.ts";
import type { Field } from "./vocab.ts";
import { alignRow, type Alignment, type Column } from "./align.ts";
import type { ExtraColumn, HeaderModel } from "./headers.ts";
import { fundingLine } from "./funding-line.ts";
import { fit } from "./fit.ts";
import { addFact, isLabelShaped, isOfWhichMarker, labelText } from "./facts.ts";
import { isPlaceName } from "./headers.ts";
import { isQualifiedLevel1, level1Of, level2Of, splitDeclaredWeight, namesOtherMoney, sourceKindOf, hasDeclaredWeight, headerField, headerKey } from "./vocab.ts";
import { comparatorFromValueType, isBlankCell, parseGrade, isUnitAlone, parseNumber, parseRate, parseValue, isEmptyValue, isValueTypeText } from "./values.ts";
import { keyOf, tidyCjkSpaces } from "./text-key.ts";

export function align(draft: Draft, row: Row, exclude: Set<Field> = new Set()): Alignment<Field> {
  const header = draft.header;
  const named = (header?.columns ?? []).filter((c) => !exclude.has(c.field));
  // Columns under headers that map to no field keep their cells from sliding into a neighbour's.
  // (Not a header printed twice, as the 三级指标 of a side-by-side medium-term block:
  // its cells may belong under the named column.)
  const namedHeaders = new Set(named.map((c) => headerKey(header?.labels.get(c.col) ?? "")));
  // Headers of four characters or more: shorter ones are mostly pieces of a header that text
  // extraction wrapped (数, 执行), and in a funding block only those among its amounts
  // (历年结余结转 between 年初预算 and 小计): left of them sit the pieces of its block label.
  // A region's name (新罗区) under 区域目标值 is a whole header however short.
  const firstAmount = Math.min(...named.filter((c) => AMOUNT_COLUMNS.has(c.field)).map((c) => c.col));
  // (A funding block's source columns hold their amounts in place wherever they stand: source-columns.ts reads them.)
  const isSource = (e: ExtraColumn) => header?.sourceColumns.includes(e) === true;
  const unnamed = (header?.extras ?? [])
    .filter((e) => isSource(e) || ((keyOf(e.header).length >= MIN_UNNAMED_HEADER || isPlaceName(e.header)) && (header?.kind !== "funding" || e.col > firstAmount))).filter((e) => !named.some((c) => c.col === e.col) && !(headerField(e.header) !== null && namedHeaders.has(headerKey(e.header))))
    .map((e) => ({ col: e.col, field: "extra" as const, passThrough: true }));
  const columns = [...named, ...unnamed, ...strayNumberSlots(header, named, row)].sort((a, b) => a.col - b.col);
  const covered = new Map((row.inherited ?? []).flatMap((c) => Array.from({ length: Math.max(1, c.colSpan) }, (_, k) => [c.col + k, c.text] as const)));
  // A grid that writes its merged cells out prints the header's block label (预算资金（万元）, 绩效指标)
  // again on every line under it: that copy is the header, not the line's data.
  const repeated = (c: RowCell) => row.exact === true && header?.labels.get(c.col) !== undefined && keyOf(c.text) === keyOf(header.labels.get(c.col)!);
  const cells = row.cells.some(repeated) ? row.cells.filter((c) => !repeated(c)) : row.cells;
  // A copied row that prints every cell stands where printed under a header that prints every
  // cell too, as many and none blank (a blank header slot is a copy whose rows do not line up).
  const inPlace = row.exact === true || (row.printedInFull === true && header?.printedWidth === row.allCells.length && header.blanks.length === 0);
  // (In a grid read as printed, a row copied in full under its header or one laid out by columns, each cell
  // where its column is, a weight may be printed as its share of the hundred points, 20% under 权重.)
  // (Laid out by columns, only an indicator's weight: a funding line's rate, 100% beside its points, is no points.)
  const placed = !inPlace && placedByColumn(row);
  const asPoints = inPlace ? (f: Field) => POINT_FIELDS.has(f) : row.laidOut === true && header?.kind === "indicators" ? (f: Field) => f === "weight" : null;
  const pointsFit = asPoints ? (f: Field, t: string) => (asPoints(f) && percentPoints(t) !== null ? PERCENT_POINTS_FIT : fit(f, t)) : fit;
  // (执行率(%) over bare figures, 100 | 10: each is a percent, fitting as 100% would, not points beside the rate. Not
  // an amount beside it, 2546673.98: no rate is ten times over.)
  const percentRate = named.some((c) => c.field === "rate" && /%/.test(header?.labels.get(c.col) ?? ""));
  const asPercent = (t: string) => { const v = parseNumber(t); return v !== null && Math.abs(v) <= MAX_PERCENT; };
  const fitting = percentRate ? (f: Field, t: string) => (f === "rate" && asPercent(t) ? fit(f, `${t}%`) : pointsFit(f, t)) : pointsFit;
  return alignRow(cells, columns, fitting, { vacant: row.vacant, exact: inPlace, placed, covered });
}

/** The largest share a rate column's bare figure is read as (1000%): beyond it, an amount strayed under it. */
const MAX_PERCENT = 1000;

/**
 * Text laid out by columns leaves a column's slot empty where a row prints nothing (pdftotext -layout);
 * text that prints each cell in turn (copied from a web page) has a cell, blank or not, in every slot.
 */
export function placedByColumn(row: Row): boolean {
  const cols = row.allCells.map((c) => c.col).sort((a, b) => a - b);
  return cols.some((c, i) => i > 0 && c !== cols[i - 1]! + 1);
}

/**
 * A blank header slot of a text grid holding a number, when every number column right of it already
 * has its number exactly below it on the row: that number is one the text printed one space after the
 * words before it (扣 0.5 | 5 | 5 under | 分值 | 自评得分), and stays there rather than pushing the
 * row's values one column right (0.5 as the weight, a score as the reason).
 */
function strayNumberSlots(header: HeaderModel | null, named: readonly Column<Field>[], row: Row): Column<Field>[] {
  if (!header || row.exact || header.blanks.length === 0) return [];
  const at = (col: number) => row.cells.find((c) => c.col === col);
  return header.blanks.filter((b) => {
    if (parseNumber(at(b)?.text) === null) return false;
    const right = named.filter((c) => c.col > b && NUMBER_FIELDS.has(c.field));
    return right.length > 0 && right.every((c) => parseNumber(at(c.col)?.text) !== null);
  }).map((col) => ({ col, field: "extra" as const, passThrough: true }));
}

/** Characters an unmapped header needs to hold its column's cells in place (指标性质, 历年结余结转). */
const MIN_UNNAMED_HEADER = 4;
/** The amount columns of a money block (年初预算数, 全年预算数, 全年执行数 …). */
const AMOUNT_COLUMNS = new Set<Field>(["initialBudget", "declaredBudget", "budget", "executed", "balance", "executedToDate", "forecastExecuted"]);
/** Columns whose cells are numbers: amounts, points and rates. */
const NUMBER_FIELDS = new Set<Field>([...AMOUNT_COLUMNS, "weight", "score", "level1Weight", "level2Weight", "rate"]);

/**
 * In text that prints a merged cell once (copied from a web page), a row one printed cell short of
 * the indicator row above, with no 指标性质 of its own, lacks the 指标性质 that row printed (定量指标
 * merged down a run of rows): its cells take the row above's slots in order, skipping that one,
 * and the 指标性质 is carried down. (The slots are the printed row's: besideGridLabel may move
 * both rows one further right, alike.)
 */
function withValueTypeCarried(draft: Draft, row: Row): { row: Row; carried: { col: number; text: string } | null } {
  const slot = draft.valueTypeSlot;
  if (row.exact || !slot || row.kind !== "cells" || row.cells.some((c) => isValueTypeText(c.text))) return { row, carried: null };
  // (Text laid out by columns, pdftotext -layout's, leaves a column's slot empty where the row prints
  // nothing: each cell already stands under its header, whatever the row's width.)
  if (placedByColumn(row)) return { row, carried: carriedInPlace(draft, row, slot) };
  if (row.allCells.length + 1 !== slot.width) return { row, carried: null };
  // (Its cells take the slots in order, skipping the carried one, however the text placed the short row.)
  const moved = new Map<RowCell, RowCell>();
  let next = 0;
  for (const c of [...row.allCells].sort((x, y) => x.col - y.col)) {
    if (next === slot.col) next++;
    moved.set(c, { ...c, col: next++ });
  }
  const cells = row.cells.map((c) => moved.get(c) ?? c);
  const allCells = [...moved.values(), { col: slot.col, colSpan: 1, text: "" }].sort((x, y) => x.col - y.col);
  return { row: { ...row, cells, allCells }, carried: { col: slot.col, text: slot.text } };
}

/**
 * In text laid out by columns, a row with nothing under 指标性质 takes the one a row above printed (定量指标
 * merged down a run of rows, printed once on one of them), while its target is of that kind: a figure for
 * 定量, words for 定性 (高, 好 under a 定性指标 printed further down their run), or is left blank. Its cells
 * stay where they stand.
 */
function carriedInPlace(draft: Draft, row: Row, slot: NonNullable<Draft["valueTypeSlot"]>): { col: number; text: string } | null {
  if (row.cells.some((c) => c.col === slot.col)) return null;
  const targetCol = draft.header?.columns.find((c) => c.field === "target")?.col;
  const target = row.cells.find((c) => c.col === targetCol)?.text;
  // (A row that prints no target, “三公经费控制率 between two 定量 rows, is of the run it stands in.)
  if (target === undefined) return { col: slot.col, text: slot.text };
  const figure = /\d/.test(target);
  const agrees = /定量/.test(slot.text) ? figure : /定性/.test(slot.text) ? !figure : false;
  return agrees ? { col: slot.col, text: slot.text } : null;
}

/**
 * In copied text, an indicator row one printed cell short of the header whose first cell is the label
 * merged down the whole grid, in a grid with no level columns (绩效指标 | 指标名称 | 计量单位 | …): that
 * label is the cell the row lacks, so its cells stand one slot further right, under their own headers.
 */
function besideGridLabel(draft: Draft, row: Row): Row {
  const header = draft.header;
  const besideLevels = besideLevelledGrid(draft, row);
  if (besideLevels !== row) return besideLevels;
  if (row.exact || row.kind !== "cells" || !header || header.printedWidth === null || row.allCells.length !== header.printedWidth - 1) return row;
  if (headerField(header.labels.get(0) ?? "") !== "label" || headerField(row.allCells[0]?.text ?? "") === "label") return row;
  // (Where level columns follow the label, their own merged cells make the rows' widths vary: the levels'
  // own reading of copied text (level2Col) places those.)
  if (header.columns.some((c) => c.field === "level1" || c.field === "level2")) return row;
  // (Each of its cells is then in its own header's slot, as in a grid whose columns are the printed ones.)
  return placedFrom(row, 1);
}

/** A copied row's cells placed in turn from a slot on, as a grid whose columns are the printed ones places them. */
function placedFrom(row: Row, first: number): Row {
  const moved = new Map([...row.allCells].sort((x, y) => x.col - y.col).map((c, i) => [c, { ...c, col: i + first }]));
  return { ...row, cells: row.cells.map((c) => moved.get(c) ?? c), allCells: [...moved.values()], exact: true };
}

/**
 * In copied text, a row under a goals word merged down beside a grid of levels (绩效目标完成情况 | 一级指标 | 二级指标 |
 * 三级指标 | 指标值 | 完成值 | 权重 | 得分, the word printed once, on the header's line): every row lacks that cell, and a
 * group's later rows their level's too, so a row's cells are the header's last ones — each row printed in full, its
 * blanks kept — and stand there. (Only where the goals word heads the grid's first column: a column merged down
 * on the right would break this, and no such template prints one beside its levels.)
 */
function besideLevelledGrid(draft: Draft, row: Row): Row {
  const header = draft.header;
  if (!row.copied || row.kind !== "cells" || !header || header.printedWidth === null) return row;
  const first = headerField(header.labels.get(0) ?? "");
  // (The word names the goals, their outcome, or no column at all: 绩效目标完成情况 heads nothing the grid fills.)
  const blockWord = first === null || first === "goal" || first === "goalActual" || first === "label";
  if (!blockWord || !header.columns.some((c) => c.field === "level1") || header.columns.some((c) => c.col === 0)) return row;
  const offset = header.printedWidth - row.allCells.length;
  return offset < 1 ? row : placedFrom(row, offset);
}

/** The text of a cell merged down from a row above over this row's column of the field, if any. */
function mergedDownInto(draft: Draft, row: Row, field: Field): string | null {
  const col = draft.header?.columns.find((c) => c.field === field)?.col;
  if (col === undefined) return null;
  const cell = row.inherited?.find((c) => col >= c.col && col < c.col + Math.max(1, c.colSpan));
  return cell ? tidyCjkSpaces(cell.text) : null;
}

const text = (a: Alignment<Field>, f: Field): string | null => {
  const c = a.byField.get(f);
  return c ? tidyCjkSpaces(c.text) : null;
};
const number = (a: Alignment<Field>, f: Field): number | null => {
  const t = a.byField.get(f)?.text;
  return parseNumber(t) ?? (POINT_FIELDS.has(f) ? percentPoints(t) : null);
};

/** The columns of a level's or an indicator's points. */
const POINT_FIELDS: ReadonlySet<Field> = new Set<Field>(["weight", "level1Weight", "level2Weight"]);
/** How well a share of the hundred points fits a points column: below a figure of points (3). */
const PERCENT_POINTS_FIT = 2;
/** 20% as points out of the hundred: 20 (never more than the whole). */
function percentPoints(text: string | null | undefined): number | null {
  const m = keyOf(text ?? "").match(/^(\d{1,3}(?:\.\d+)?)%$/);
  return m && Number(m[1]) <= 100 ? Number(m[1]) : null;
}

/**
 * The row's cells that no canonical column took, under the header they sit
 * below (指标解释, 中期指标值, 备注 …): nothing printed in a row is dropped.
 * A cell under no header at all is kept by its column number.
 */
export function extraOf(draft: Draft, cells: readonly RowCell[], skip: ReadonlySet<RowCell> = new Set(),
  underColumn: ReadonlyMap<RowCell, number> = new Map()): Record<string, string> {
  const extra: Record<string, string> = {};
  const extras = draft.header?.extras ?? [];
  for (const c of cells) {
    if (skip.has(c) || isEmptyValue(c.text)) continue;
    // The column the alignment put it under (a row shifted by a merged cell copied text left out), else its own slot.
    const placed = underColumn.get(c);
    const under = (placed !== undefined ? extras.find((e) => e.col === placed) : undefined)
      ?? extras.find((e) => c.col >= e.col && c.col < e.col + e.colSpan)
      ?? extras.find((e) => e.col >= c.col && e.col < c.col + Math.max(1, c.colSpan));
    // A header printed as __proto__ or constructor stays a plain key, not the object's prototype.
    // (Else the header over its own column, when the cell fits that column's field no better than none: 共性指标 under
    // 指标类型, a column read as the values' type elsewhere.)
    const own = draft.header?.labels?.get(c.col);
    const key = safeKey(under ? under.header : own ? tidyCjkSpaces(own) : `第${c.col + 1}列`);
    const text = tidyCjkSpaces(c.text);
    extra[key] = extra[key] ? `${extra[key]}\n${text}` : text;
  }
  return extra;
}

const RESERVED_KEYS = new Set(["__proto__", "constructor", "prototype"]);
const safeKey = (k: string): string => (RESERVED_KEYS.has(k) ? `「${k}」` : k);

/** A tick in a cell: √, ✓, ✔, ☑, ■, ●, 是, 有, Y. */
const TICK = /^[√✓✔☑■●是有Yy]/;

/** The row's cells under a group's flag columns (经费保障 …, 确定能 …), each with its column's header. */
function underFlags(columns: readonly ExtraColumn[], cells: readonly RowCell[]): { header: string; cell: RowCell }[] {
  return cells.flatMap((cell) => {
    const col = columns.find((e) => cell.col >= e.col && cell.col < e.col + e.colSpan);
    return col ? [{ header: col.header, cell }] : [];
  });
}

/** 确定能 | 有可能 | 完全不可能 with a tick under one: that column's answer (a mark after it is kept in the row's extra). */
function tickedLikelihood(draft: Draft, cells: readonly RowCell[], used: Set<RowCell>): string | null {
  for (const { header, cell } of underFlags(draft.header?.likelihoodColumns ?? [], cells)) {
    used.add(cell);
    if (TICK.test(keyOf(cell.text))) return header;
  }
  return null;
}

/** 经费保障 | 制度保障 | … with a tick (√, ✓, 是, ■) under one: that column names the cause. */
function tickedCause(draft: Draft, cells: readonly RowCell[], used: Set<RowCell>): string | null {
  const ticked = underFlags(draft.header?.causeColumns ?? [], cells).flatMap(({ header, cell }) => {
    used.add(cell);
    const k = keyOf(cell.text);
    return TICK.test(k) ? [header] : /^[否无×xX]$/.test(k) ? [] : [`${header}:${tidyCjkSpaces(cell.text)}`];
  });
  return ticked.length ? ticked.join("、") : null;
}

// ---- funding -----------------------------------------------------------------

/**
 * A funding line of copied text under a header that starts with the block's label
 * (项目资金（元） | | 年初预算数 | 全年预算数 …), merged down beside the lines in the printed
 * form and so missing from them: the line is one slot short, blanks included, and each of
 * its cells belongs one column further right (a blank 年初预算数 stays blank).
 */
export function besideBlockLabel(draft: Draft, row: Row): Row {
  const header = draft.header;
  if (row.exact || row.kind !== "cells" || !header || header.printedWidth === null) return row;
  if (row.allCells.length !== header.printedWidth - 1 || headerField(header.labels.get(0) ?? "") !== "fundLabel") return row;
  const first = row.allCells[0];
  if (!first || first.col !== 0 || parseNumber(first.text) !== null || headerField(first.text) === "fundLabel") return row;
  const moved = new Map(row.allCells.map((c) => [c, { ...c, col: c.col + 1 }]));
  const vacant = new Set(row.allCells.filter((c) => isEmptyValue(c.text)).map((c) => c.col + 1));
  return { ...row, cells: row.cells.map((c) => moved.get(c) ?? c), allCells: [...moved.values()], vacant };
}

const GOAL_FIELDS = new Set<Field>(["goal", "goalActual"]);

/** Amount columns one printed figure may be merged over. */
const MERGED_AMOUNT_FIELDS = new Set<Field>(["initialBudget", "budget", "executed"]);

/**
 * One figure merged over two amount columns (预算数(A) | 执行数(B) over 864.2, a
 * department that spent what it was given): in an exact grid it is each
 * column's, as printed, not only the one the alignment put it under.
 */
function spreadMergedAmounts(draft: Draft, row: Row, byField: Map<Field, RowCell>): void {
  if (!row.exact || !draft.header) return;
  for (const cell of [...byField.values()]) {
    if ((cell.colSpan ?? 1) < 2 || parseNumber(cell.text) === null) continue;
    for (const column of draft.header.columns) {
      if (!MERGED_AMOUNT_FIELDS.has(column.field) || byField.has(column.field)) continue;
      if (column.col >= cell.col && column.col < cell.col + (cell.colSpan ?? 1)) byField.set(column.field, cell);
    }
  }
}

/** A line of a money block split by purpose: 基本支出, (2)项目支出, 其中:项目支出. */
const PURPOSE_OF_MONEY = /(?:基本支出|项目支出)$/u;

/** One line of the funding block: 年度资金总额 228 228 181.82 10分 79.74% 8. */
export function readFundingRow(draft: Draft, row: Row): FundingLine | null {
  const a = align(draft, besideBlockLabel(draft, row));
  let source = text(a, "source");
  const labelCells: RowCell[] = [];
  // The line's label under the block label's column, when it names money (其中:中央财政资金(万元)), before any
  // word left in no column (a 佐证材料 note).
  const blockCell = a.byField.get("fundLabel");
  if (!source && blockCell && namesMoneySource(blockCell.text) && !isBlockLabel(blockCell.text)) {
    source = tidyCjkSpaces(blockCell.text);
    labelCells.push(blockCell);
  }
  if (!source) {
    // No 资金来源 column (忻州, 高邑): the label is the first unplaced word cell, or
    // the cell under the block label's column when it names a source (资金总额:).
    // (A share left in no column, 100.00% under 预算到位(D/C×100%), is no label.)
    // (Nor is a unit alone, (万元 — the tail of a block label 年度预算申请(万元) that text printed beside the line.)
    // (Nor a mark with no word in it printed in an exact grid under an amount's own column: an amount misread, O for 0.)
    const underAmount = (c: RowCell) => row.exact === true && !/[\u3400-\u9fff]/.test(c.text) && isUnderAmountColumn(draft, c);
    const words = a.unassigned.filter((c) => parseNumber(c.text) === null && parseRate(c.text) === null && !isUnitAlone(c.text) && !underAmount(c));
    // 资金情况（万元） | 年度资金总额： | 30 …: the block's label, where text put it on the block's first row, names no line.
    // (So is a piece of it, 项目资 | 金(万 | 元) wrapped down beside the lines, before a word that names money:
    // 项目资 | 年度资金总额 | 1100 …. A piece is a few characters, words among them, or the points the label declares,
    // 预算执行情况 | (10分); not an item's number, ②.)
    const isPiece = (text: string) => (/[\u4e00-\u9fff]/.test(text) && keyOf(text).length <= LABEL_PIECE) || /^\(\d+(?:\.\d+)?分\)$/.test(keyOf(text));
    const pieceOfLabel = (first: RowCell, second: RowCell) => isPiece(first.text) && !namesMoneySource(first.text) && namesMoneySource(second.text);
    const besideLabel = words.length > 1 && (isBlockLabel(words[0]!.text) || pieceOfLabel(words[0]!, words[1]!));
    let label = besideLabel ? words[1] : words[0];
    // 其中 | 中央补助 | …: a bare 其中 (merged down the parts it introduces) names no source;
    // the word after it does.
    const next = label && isOfWhichMarker(label.text) ? a.unassigned.find((c) => c.col > label!.col && parseNumber(c.text) === null) : undefined;
    if (label) labelCells.push(label);
    if (label && next) {
      labelCells.push(next);
      label = { ...next, text: `${label.text} ${next.text}` };
    }
    const underBlock = text(a, "fundLabel");
    source = label ? tidyCjkSpaces(label.text) : underBlock && !/项目资金|预算安排|执行进度|资金情况/.test(underBlock) ? underBlock : null;
    // The block's one line, under its label merged down beside it (部门预算执行情况 over the header and the line).
    const merged = row.inherited?.find((c) => headerField(c.text) === "fundLabel");
    if (!source && merged && draft.form.funding.length === 0) source = tidyCjkSpaces(merged.text);
  }
  // A row of one word whose amounts are left blank (其他资金 | | |): the aligner put the
  // word under a text column (差异原因); left of every amount it is the line's label.
  if (!source && row.cells.length === 1 && namesMoneySource(row.cells[0]!.text)) source = tidyCjkSpaces(row.cells[0]!.text);
  spreadMergedAmounts(draft, row, a.byField);
  const amounts = (["initialBudget", "budget", "executed", "balance", "executedToDate", "forecastExecuted"] as const).map((f) => a.byField.get(f));
  const noNumbers = amounts.every((c) => !c) && !a.byField.get("rate") && !a.byField.get("score");
  if (!source && noNumbers) return null;
  // (项目资金 | (万元) on a line of its own between the block's lines: its label, which -layout text printed where its
  // merged cell's middle fell, no line of money.)
  if (noNumbers && source && isBlockLabel(source) && draft.form.funding.length > 0) return null;
  // 年度总体目标 | 43.2 | 37.24: a goals row that prints the money it aimed at is no source of money.
  if (source && GOAL_FIELDS.has(headerField(source) ?? "extra")) return null;
  // A row of words only is a funding line when it names a source (本级安排, 其他资金 left
  // blank); a heading such as 二、工作整体完成情况 is not.
  // (社会资金, 社会资本: money from outside the public purse, a source as 其他资金 is.)
  // (Nor a purpose the block splits its money by, (2)项目支出 under (1)基本支出, left blank.)
  if (noNumbers && source && sourceKindOf(source) === "other" && !namesOtherMoney(source) && !PURPOSE_OF_MONEY.test(source)) return null;
  // (Nor is prose, 部门职能概述 | (一)负责…。(二)…: the next part of the form, a label and its text, whatever words
  // of money the text holds.)
  // (A long label explaining what a source includes, 其他资金(万元,自有资金、社会资本…等), is still a source.)
  if (noNumbers && source && /[。；;]/.test(source)) return null;
  source = withoutWrappedBlockLabel((source ?? "资金").replace(/^-+/, "").replace(/[:：]$/, ""));
  const raw = (f: Field) => a.byField.get(f)?.text ?? null;
  const used = new Set<RowCell>([...a.byField.values()]);
  const sourceCell = a.unassigned.find((c) => tidyCjkSpaces(c.text).replace(/^-+/, "").replace(/[:：]$/, "") === source);
  if (sourceCell) used.add(sourceCell);
  for (const c of labelCells) if (source === tidyCjkSpaces(c.text) || labelCells.length > 1) used.add(c);
  const extra = extraOf(draft, a.unassigned, used, a.underColumn);
  return {
    ...fundingLine(draft.form.funding.length + 1, source, sourceKindOf(source), number(a, "budget"), raw("budget"),
      number(a, "executed"), raw("executed"), number(a, "balance"), raw("balance")),
    initialBudget: number(a, "initialBudget"),
    initialBudgetText: raw("initialBudget"),
    executionRate: parseRate(raw("rate")),
    executionRateText: raw("rate"),
    // The block's header may declare the item's points (预算执行情况（20分）): they weigh its first line.
    weight: number(a, "weight") ?? (draft.form.funding.length === 0 ? draft.header?.declaredWeight ?? null : null),
    score: number(a, "score"),
    executedToDate: number(a, "executedToDate"),
    executedToDateText: raw("executedToDate"),
    forecastExecuted: number(a, "forecastExecuted"),
    forecastExecutedText: raw("forecastExecuted"),
    extra,
    ocrConfidence: row.ocrConfidence ?? null,
    page: row.page,
    line: row.line,
  };
}

/** A cell in the column of one of the money block header's amounts (全年预算数, 全年执行数 …). */
export function isUnderAmountColumn(draft: Draft, c: RowCell): boolean {
  return (draft.header?.columns ?? []).some((h) => h.col === c.col && AMOUNT_COLUMNS.has(h.field));
}

/** 资金情况（万元）, 预算执行情况: the label of a whole funding block, not of one of its lines. */
function isBlockLabel(text: string): boolean {
  // (项目资金(万元) beside 年度资金总额: the block's label as the vocabulary names it, too.)
  // (Not a block label the cell runs on into a line's, 资金投入情况 其中:中央财政资金(万元): a line's label has a colon.)
  // (收入构成 | 支出构成 merged down beside their lines: what the money is made of, a block's label too.)
  return /(情况|资金来源|构成)(\((万元|元)\))?$/.test(keyOf(text)) || (headerField(text) === "fundLabel" && !/[:：]/.test(text));
}

/**
 * 项目资金(万3、国有资本经营预算元): a line's label that layout text ran into the block label wrapped round it (项目资金(万
 * over it, 元) after it), as the line's label alone; any other label as it is.
 */
function withoutWrappedBlockLabel(source: string): string {
  const m = /^(\S{2,10}?)[(（]万(\S+?)元[)）]$/u.exec(source);
  return m && isBlockLabel(`${m[1]}(万元)`) && /[\u4e00-\u9fff]{2}/u.test(m[2]!) ? m[2]! : source;
}

/** Characters of a block label's piece that text wrapped onto a line of its own, 项目资 or 金(万. */
const LABEL_PIECE = 4;

/** 其他资金, 地方资金（万元）, 上年结转, 其中：财政拨款, 下达资金总额: a label that names where money comes from. */
function namesMoneySource(text: string): boolean {
  const k = keyOf(text).replace(/\((万元|元)\)$/, "");
  // (基本支出, 项目支出: the money split by what it is spent on, lines as sources are.)
  return k.length <= 20 && parseNumber(k) === null && (sourceKindOf(k) !== "other" || /(资金|拨款|经费|补助|结转|其他|基本支出|项目支出)$/.test(k));
}

// ---- goals -------------------------------------------------------------------

/**
 * A row's cells as facts under their columns' printed headers (中期目标 | 年度目标, 单位名称 | 预算数 …);
 * whether the row went on with the paragraphs of the row above.
 */
export function factsUnderHeader(draft: Draft, row: Row): boolean {
  const labels = draft.header?.labels;
  if (!labels) return false;
  // 总体目标 | 中期目标 | 年度目标 over a row of two values: the first header is the group's
  // label, merged down beside its values in the printed form (lost in copied text). It is a
  // group label when it means nothing of its own or means what another column means
  // (年度总体目标完成情况 | 预期目标 | 目标实际完成情况; 总体目标 | 年度目标).
  const cols = [...labels.keys()].sort((a, b) => a - b);
  const groupLabel = () => {
    const first = headerField(labels.get(cols[0]!)!);
    return first === null || cols.slice(1).some((c) => headerField(labels.get(c)!) === first);
  };
  const shift = row.cells.length === cols.length - 1 && row.kind === "cells" && !row.exact && cols.length >= 2
    && row.cells.every((c, i) => c.col === cols[i]) && groupLabel() ? 1 : 0;
  // (Layout text prints a paragraph a line per row: a line right under one whose sentence goes on is its next line.)
  const labelOf = (c: RowCell) => {
    const at = shift ? cols[cols.indexOf(c.col) + shift] : undefined;
    return (at !== undefined ? labels.get(at) : undefined) ?? labels.get(c.col) ?? [...labels.entries()].find(([col]) => col >= c.col && col < c.col + c.colSpan)?.[1];
  };
  // (Every cell of the line under an open paragraph of its column: a row with other cells is a row of its own.)
  const adjacent = !row.exact && draft.openGoals !== undefined && row.line !== null && row.line === draft.openGoals.line + 1;
  const open = adjacent && row.cells.every((c) => isEmptyValue(c.text) || draft.openGoals!.facts.has(labelOf(c) ?? "")) ? draft.openGoals!.facts : null;
  // (Only a goal's paragraph goes on so: 年度目标, 实际完成情况; not a name or a unit over its column.)
  const isGoalColumn = (label: string) => { const f = headerField(label); return f !== null && GOAL_FIELDS.has(f); };
  const facts = new Map<string, Form["facts"][number]>();
  for (const c of row.cells) {
    const label = labelOf(c);
    // (无 under 年初绩效目标 is the form's answer, kept as printed; only a blank or a dash is nothing.)
    if (!label || isBlankCell(c.text)) continue;
    const goesOn = isGoalColumn(label) ? open?.get(label) : undefined;
    if (goesOn) goesOn.value = joinWrapped(goesOn.value, tidyCjkSpaces(c.text));
    else addFact(draft.form, label, tidyCjkSpaces(c.text), null, row.page, row.line);
    facts.set(label, goesOn ?? draft.form.facts[draft.form.facts.length - 1]!);
  }
  const stillOpen = new Map([...facts].filter(([label, f]) => isGoalColumn(label) && !SENTENCE_END.test(f.value)));
  draft.openGoals = !row.exact && row.line !== null && stillOpen.size > 0 ? { line: row.line, facts: stillOpen } : undefined;
  return open !== null;
}

/** A heading numbered by a Chinese numeral (一、投入目标, 二、管理目标). */
const GROUP_HEADING = /^[一二三四五六七八九十]+[、.．]\S{2,12}$/;
/** A numbered group's heading inside a group (1.数量目标, 2、质量指标): a group's word ends it. */
const SUB_GROUP_HEADING = /^\d{1,2}[、.．]\S{0,8}(?:目标|指标)$/;
/** A paragraph's last character when its sentence is done. */
const SENTENCE_END = /[。；;！!？?]$/;
/** The lines of one paragraph: CJK joined as they are, Latin words with a space. */
const joinWrapped = (a: string, b: string) => (/[\u3400-\u9fff，。、；：,.;:%)）]$/.test(a) || /^[\u3400-\u9fff，。、；：,.;:%(（]/.test(b) ? a + b : `${a} ${b}`);

export function readGoalsRow(draft: Draft, row: Row): void {
  // Under a caption alone on its row (年度绩效目标 across the table), a row of a label and its text
  // (*年度绩效总目标 | 保证林业局职能实现…) is that label's fact, and its text the goal.
  const captionOnly = draft.header !== null && draft.header.labels.size === 1;
  const [label, ...rest] = row.cells;
  if (captionOnly && label && rest.length > 0 && isLabelShaped(label.text) && rest.some((c) => !isEmptyValue(c.text))) {
    const said = tidyCjkSpaces(rest.map((c) => c.text).filter((t) => !isEmptyValue(t)).join("\n"));
    addFact(draft.form, labelText(label.text), said, null, row.page, row.line);
    draft.form.goals.push({ expected: said, actual: null });
    return;
  }
  const wentOn = factsUnderHeader(draft, row);
  const a = align(draft, row);
  let expected = text(a, "goal");
  let actual = text(a, "goalActual");
  // (Copied text prints the block's merged label once, on the header's line: a row of two texts under
  // 预期目标 | 目标实际完成情况 is one of each, whatever slots the label and the points took.)
  const fields = new Set(draft.header?.columns.map((c) => c.field));
  if (!row.exact && row.inherited === undefined && row.cells.length === 2 && fields.has("goal") && fields.has("goalActual") && (!expected || !actual)) {
    [expected, actual] = row.cells.map((c) => tidyCjkSpaces(c.text)) as [string, string];
  }
  // (The next line of the goals above, as their facts took it.)
  const last = draft.form.goals[draft.form.goals.length - 1];
  if (last && wentOn && (expected || actual)) {
    if (expected) last.expected = last.expected ? joinWrapped(last.expected, expected) : expected;
    if (actual) last.actual = last.actual ? joinWrapped(last.actual, actual) : actual;
    return;
  }
  if (!expected && !actual) {
    const only = row.cells.map((c) => c.text).join("\n");
    if (only) draft.form.goals.push({ expected: tidyCjkSpaces(only), actual: null });
    return;
  }
  draft.form.goals.push({ expected, actual });
}

// ---- indicators ----------------------------------------------------------------

/**
 * A text line inside the indicator table that is a level-1 label whose merged
 * cell the extractor printed as narrative: 过程（执行） then （40）.
 */
export function readLevelLine(draft: Draft, line: string): boolean {
  const k = keyOf(line);
  const weightOnly = k.match(/^\((\d+(?:\.\d+)?)分?\)$/);
  if (weightOnly && draft.levels.level1 && draft.levels.level1Weight === null) {
    draft.levels.level1Weight = Number(weightOnly[1]);
    return true;
  }
  const l1 = level1Of(line);
  if (l1 && k.length <= 16) {
    setLevel1(draft.levels, l1.name, l1.weight);
    return true;
  }
  return false;
}

/**
 * 产出指标 | 指标1:物业管理面积 | 6500平方米 under 指标类型 | 绩效指标 | 绩效目标: in a grid with no level column, a
 * column headed as the values' type whose cell holds a level word (not 定量, 正向) is the grid's level — 产出指标 its
 * level 1, 数量指标 its level 2 — the template's word for the kind of indicator. The column is read so from then on.
 */
function levelsHeadedAsType(draft: Draft, row: Row): void {
  const columns = draft.header?.columns;
  const typed = columns?.find((c) => c.field === "valueType");
  const name = columns?.find((c) => c.field === "name");
  if (!columns || !typed || !name || typed.col > name.col || columns.some((c) => c.field === "level1" || c.field === "level2")) return;
  // (Such a word fits no value type, so the row's alignment leaves it aside: the cells before the names are read.)
  const held = row.cells.find((c) => c.col < name.col && !isValueTypeText(c.text) && (level1Of(c.text) || level2Of(c.text)));
  if (held) typed.field = level1Of(held.text) ? "level1" : "level2";
}

function setLevel1(levels: LevelState, name: string, weight: number | null): void {
  const same = levels.level1 === name;
  if (!same) {
    levels.level2 = null;
    levels.level2Weight = null;
  }
  levels.level1 = name || null;
  levels.level1Weight = weight ?? (same ? levels.level1Weight : null);
}

function canonicalLevel2(label: string): { name: string; weight: number | null } {
  const l2 = level2Of(label);
  if (l2) return l2;
  return splitDeclaredWeight(label);
}

/**
 * One indicator row. Level labels present in the row update the fill-down
 * state; rows that only carry labels (a 二级指标 with no indicator) update it
 * and yield nothing.
 */
export function readIndicatorRow(draft: Draft, printed: Row, exclude: Set<Field> = new Set()): Indicator | null {
  levelsHeadedAsType(draft, printed);
  const { row: carriedRow, carried } = withValueTypeCarried(draft, printed);
  const row = besideGridLabel(draft, carriedRow);
  // (Where besideGridLabel placed the row, its slots are one right of the printed row's.)
  const shifted = row === carriedRow ? 0 : 1;
  const a = align(draft, row, exclude);
  const levels = draft.levels;
  // (财政主管业务科 | —: a footer's label merged across the level columns of a grid, alone on its row, no level word,
  // nothing in the names' column nor any value: no indicator and no group.)
  const nameCol = draft.header?.columns.find((c) => c.field === "name")?.col;
  const printedText = row.cells.filter((c) => c.text.trim() !== "");
  const only = printedText.length === 1 ? printedText[0]! : null;
  if (row.exact && only && nameCol !== undefined && only.colSpan > 1 && only.col + only.colSpan <= nameCol && !level1Of(only.text) && !level2Of(only.text)) return null;
  // (产出指标： with a colon, as a template may print its labels, is the label.)
  const noColon = (t: string | null) => t?.replace(/\s*[:：]\s*$/, "") || null;
  let l1Text = noColon(text(a, "level1"));
  let l2Text = noColon(text(a, "level2"));
  // In an exact grid, a label merged across the 一级 and 二级 columns (社会公众或服务对象满意度指标 over both) is
  // printed as the level 1, whatever words it holds: a new group, not a level 2 of the group above.
  const l2Cell = a.byField.get("level2");
  const l1Column = draft.header?.columns.find((c) => c.field === "level1");
  if (row.exact && !l1Text && l2Cell && l1Column && l2Cell.col <= l1Column.col && l2Cell.col + l2Cell.colSpan > l1Column.col + 1) {
    l1Text = l2Text;
    l2Text = null;
  }
  // 一、投入目标 alone in the names' column, nothing measured beside it: the heading of the group of rows
  // under it (a template that numbers its groups instead of printing a level column), their level 1.
  const heading = !l1Text && !l2Text ? text(a, "name") : null;
  const nothingMeasured = !text(a, "target") && !text(a, "actual") && number(a, "weight") === null && number(a, "score") === null;
  if (heading && GROUP_HEADING.test(keyOf(heading)) && nothingMeasured) {
    setLevel1(levels, tidyCjkSpaces(heading), null);
    return null;
  }
  // (1.数量目标 under 三、产出目标, nothing measured beside it: the heading of a group inside that group, its level 2.)
  if (heading && levels.level1 !== null && SUB_GROUP_HEADING.test(keyOf(heading)) && nothingMeasured) {
    levels.level2 = tidyCjkSpaces(heading);
    levels.level2Weight = null;
    return null;
  }
  // 社会公众满意度 | ≥90% under 满意度指标 | 满意度指标 | 受益单位满意度 | 95%: a row whose only words name its
  // own level-2 group again, beside a value and no name, is an indicator of that group named so.
  let sameGroupName: string | null = null;
  if (l2Text && !l1Text && !text(a, "name") && text(a, "target") && levels.level2 && canonicalLevel2(l2Text).name === levels.level2) {
    sameGroupName = tidyCjkSpaces(l2Text);
    l2Text = null;
  }
  // 服务对象满意度指标 | 满意度 | 90%: a group's word and, where the row's name would be, the same group's word again
  // (a satisfaction indicator named 满意度), beside a value and no name: the second word names the indicator.
  if (l1Text && l2Text && !text(a, "name") && text(a, "target") && level1Of(l2Text) !== null && level1Of(l2Text)?.name === level1Of(l1Text)?.name) {
    sameGroupName = tidyCjkSpaces(l2Text);
    l2Text = null;
  }
  // A word of both levels (成本指标) in the column a level 2 of this table came from, in a grid whose
  // rows lost the merged cells before them (copied text): a level 2 as that one was.
  const l1At = a.byField.get("level1")?.col;
  if (l1Text && !l2Text && !row.exact && l1At !== undefined && l1At === levels.level2Col && level2Of(l1Text)) {
    l2Text = l1Text;
    l1Text = null;
  }
  // 成本指标 alone on a row inside the 产出指标 group: a level-2 group of 产出 (the
  // framework before 2021, where 成本 sits beside 数量/质量/时效), not a new level 1.
  if (l1Text && !l2Text && levels.level1 === "产出指标" && level1Of(l1Text)?.name === "成本指标" && level2Of(l1Text)) {
    l2Text = l1Text;
    l1Text = null;
  }
  // The same group in copied text with its name's column read as a level (成本指标 | 社会成本指标 |
  // 定量 | 100, no name): one column left of where they belong — level 2 and name.
  let shiftedName: string | null = null;
  if (l1Text && l2Text && !row.exact && !text(a, "name") && levels.level1 === "产出指标" && level1Of(l1Text)?.name === "成本指标" && level2Of(l1Text)) {
    shiftedName = l2Text;
    l2Text = l1Text;
    l1Text = null;
  }
  // 服务对象满意度指标(10分) alone at the head of a line of copied text, inside a group whose
  // level 1 is the framework's own word (项目效益(35分), 部门绩效情况(45分)) and already holds
  // level-2 groups: the next level-2 group of it, as the merged level-1 cell above says.
  if (l1Text && !l2Text && !row.exact && levels.level1 && levels.level2 && !level1Of(levels.level1) && level2Of(l1Text)) {
    l2Text = l1Text;
    l1Text = null;
  }
  // 实施效果指标 | 产出指标 | name … with the columns lost (web text): a stage label before the
  // level-1 word is the level 1, the word its level 2 — and so are the words of later rows.
  const l1Cell = a.byField.get("level1");
  const stage = l1Cell && !l2Text ? a.unassigned.find((c) => c.col < l1Cell.col && isQualifiedLevel1(c.text)) : undefined;
  if (l1Text && stage && !isQualifiedLevel1(l1Text)) {
    l2Text = l1Text;
    l1Text = tidyCjkSpaces(stage.text);
    levels.nested = true;
  } else if (l1Text && !l2Text && levels.nested && levels.level1 && !isQualifiedLevel1(l1Text)) {
    l2Text = l1Text;
    l1Text = null;
  }
  // 数量指标 under 一级指标 in a two-level grid (its 二级指标 column holds the indicators): the
  // template's level 1 is the usual level 2; its parent is not printed and not invented.
  // (成本指标, both a level 1 and a level 2 word, follows the 数量指标 above it.)
  const twoLevelGrid = !draft.header?.columns.some((c) => c.field === "level2");
  const levelTwoAbove = draft.form.indicators.some((i) => i.level1 === null && i.level2 !== null);
  if (l1Text && !l2Text && twoLevelGrid && level2Of(l1Text) && (!level1Of(l1Text) || levelTwoAbove)) {
    l2Text = l1Text;
    l1Text = null;
  }
  // A text row whose only words stand in the 一级指标 column, beside a target and an actual, names an
  // indicator, not a group: a group's label has no figures of its own (公猪舍(≥**平方米) | 22.8 | 22.8 | 1
  // under a header whose columns plain text scattered). Its level stays the one above it.
  let nameInLevelColumn: string | null = null;
  if (l1Text && !l2Text && !row.exact && !text(a, "name") && text(a, "target") && text(a, "actual")
    && !level1Of(l1Text) && !level2Of(l1Text) && !isQualifiedLevel1(l1Text) && !hasDeclaredWeight(l1Text)) {
    nameInLevelColumn = tidyCjkSpaces(l1Text);
    l1Text = null;
  }
  if (l1Text) {
    const l1 = level1Of(l1Text);
    // A level-1 word without a weight inside a form whose level-1 labels carry
    // declared weights (产出指标(50分) … then 成本指标 in the same column) is
    // printed where a 二级指标 belongs.
    // (Not when the row prints the level's weight in a 分值 column of its own: 过程 | 60.)
    if (l1 && l1.weight === null && levels.level1Weight !== null && !hasDeclaredWeight(l1Text) && number(a, "level1Weight") === null) {
      l2Text ??= l1Text;
    } else if (l1) setLevel1(levels, l1.name, l1.weight);
    else {
      const { name, weight } = splitDeclaredWeight(l1Text);
      setLevel1(levels, name, weight);
    }
  }
  if (l2Text) {
    const l2 = canonicalLevel2(l2Text);
    levels.level2 = l2.name || null;
    levels.level2Weight = l2.weight;
    const from = [a.byField.get("level2"), a.byField.get("level1")].find((c) => c && noColon(tidyCjkSpaces(c.text)) === l2Text);
    levels.level2Col = from?.col;
  }
  // A level's weight printed in a column of its own (merged down its group like the label).
  const w1 = number(a, "level1Weight");
  if (w1 !== null) levels.level1Weight = w1;
  const w2 = number(a, "level2Weight");
  if (w2 !== null) levels.level2Weight = w2;
  let name = text(a, "name") ?? shiftedName ?? sameGroupName ?? nameInLevelColumn;
  // 生态效益指标 | 无 | 无 | 无 | 0分: the template's slot for a kind of indicator the form has none of.
  if (name !== null && isEmptyValue(name)) return null;
  const used = new Set<RowCell>([...a.byField.values()]);
  const deviationCause = text(a, "deviationCause") ?? tickedCause(draft, a.unassigned, used);
  const likelihood = text(a, "likelihood") ?? tickedLikelihood(draft, a.unassigned, used);
  const weight = number(a, "weight");
  const score = number(a, "score");
  const target = text(a, "target");
  const actual = text(a, "actual");
  const adjusted = text(a, "adjustedTarget");
  // 指标1: | | | or …… | | |: a template's slot for one more indicator, left unfilled — no indicator.
  // (So is a row whose names' column prints only the slot's number, 目标完成程度 | 1 in a workbook that stored 1. as a
  // number: the group's label is no indicator's name.)
  const slotInNames = row.exact && nameCol !== undefined && TEMPLATE_SLOT.test(keyOf(row.cells.find((c) => c.col === nameCol)?.text ?? "-"));
  if ((slotInNames || (name !== null && TEMPLATE_SLOT.test(keyOf(name)))) && [weight, score].every((v) => v === null) && [target, actual, adjusted].every((t) => t === null || isEmptyValue(t))) return null;
  if (!name) {
    // A row with numbers but no name keeps its level label as name; a row of labels only is no indicator.
    // (A target form's row with a target and its unit and no name — 成本指标 | 社会成本指标 | 定量 |
    // 100 | % with the name column's label taken for a level — is an indicator too. A template's
    // placeholder code in an empty row, 社会成本指标 | 110001 | / | 定性, has no unit.)
    const measured = text(a, "unit");
    if (weight === null && score === null && !(target && actual) && !(target && measured && !isValueTypeText(measured))) return null;
    // (Nor a header's words with a figure that plain text printed after the rows: 三级指标 | 4.)
    if ([target, actual].some((t) => t !== null && headerField(t) !== null)) return null;
    name = levels.level2 ?? levels.level1 ?? "";
  }
  const declared = splitDeclaredWeight(name);
  if (declared.weight !== null && (weight === null || declared.weight === weight)) name = tidyCjkSpaces(printedWithout(name, declared.name));
  // (外贸进出口总额：: a name printed as a label, its colon no part of it.)
  else name = noColon(name) ?? name;
  // (指标性质 merged down a run of rows, 定量指标 over nine of them, is each row's.)
  const valueType = text(a, "valueType") ?? mergedDownInto(draft, row, "valueType") ?? carried?.text ?? null;
  if (!printed.exact) {
    const own = a.byField.get("valueType");
    const col = own ? own.col - shifted : carried?.col;
    draft.valueTypeSlot = valueType && col !== undefined ? { width: carriedRow.allCells.length, col, text: valueType } : undefined;
  }
  const tv = parseValue(target);
  const av = parseValue(actual);
  const typeComparator = comparatorFromValueType(valueType);
  const unitCol = text(a, "unit");
  let comparator = typeComparator ?? tv.comparator;
  if (comparator === null && target) comparator = "qualitative";
  return {
    seq: draft.form.indicators.length + 1,
    level1: levels.level1,
    level1Weight: levels.level1Weight,
    level2: levels.level2,
    level2Weight: levels.level2Weight,
    name,
    targetText: target,
    adjustedTargetText: adjusted,
    actualText: actual,
    comparator,
    targetValue: tv.value,
    targetValueMax: tv.valueMax,
    actualValue: av.value,
    unit: unitCol && !isEmptyValue(unitCol) ? unitCol : tv.unit ?? av.unit,
    valueType,
    weight: weight ?? (declared.weight !== null && text(a, "weight") === null ? declared.weight : null),
    score,
    reason: text(a, "reason"),
    // (A rule merged down the rows it scores, 二者择其一… over a pair of indicators, is each row's rule.)
    scoringRule: text(a, "scoringRule") ?? mergedDownInto(draft, row, "scoringRule"),
    description: text(a, "description") ?? remarkText(a),
    actualToDateText: text(a, "actualToDate"),
    forecastText: text(a, "forecast"),
    likelihood,
    deviationCause,
    extra: extraOf(draft, a.unassigned, used, a.underColumn),
    ocrConfidence: row.ocrConfidence ?? null,
    page: row.page,
    line: row.line,
  };
}

/** An unfilled slot's name: an ellipsis, or a numbered 指标1: with nothing after it. */
const TEMPLATE_SLOT = /^(?:[…⋯.。·]{2,}|…|指标\s*\d{1,2}\s*[:：]?|\d{1,2}[.、]?)$/;

function remarkText(a: Alignment<Field>): string | null {
  const r = text(a, "remark");
  return r && parseNumber(r) === null ? r : null;
}

// ---- totals ------------------------------------------------------------------

/**
 * 总分 100 98, 合计 100 97, 总 分 95.23 优: the last two numbers are weight and score; one number is the score,
 * unless the table has points and no score column (总分 | 100 under a scorecard's 分值).
 * A row that names its score's slot (总分 | 100 | 得分 | 92) says which is which: the numbers before the slot
 * are the points, those after it the score; a slot left blank (总分 | 100 | 得分 | ) is a total not yet scored.
 */
export function readTotalRow(draft: Draft, printed: RowCell[]): string | null {
  const f = draft.form;
  const cells = printed.flatMap(scoreAndGradeApart);
  const slot = cells.findIndex((c, i) => i > 0 && headerField(c.text) === "score");
  if (slot > 0) {
    const before = numbersIn(cells.slice(1, slot));
    const after = numbersIn(cells.slice(slot + 1));
    if (before.length) f.totalWeight = before[before.length - 1]!;
    if (after.length) f.totalScore = after[0]!;
    return textsIn(cells.slice(slot + 1))[0] ?? null;
  }
  const nums = numbersIn(cells.slice(1));
  if (nums.length >= 2) {
    f.totalWeight = nums[nums.length - 2]!;
    f.totalScore = nums[nums.length - 1]!;
  } else if (nums.length === 1) {
    if (scoresNothing(draft)) f.totalWeight = nums[0]!;
    else f.totalScore = nums[0]!;
  }
  return textsIn(cells.slice(1))[0] ?? null;
}

/** A table of points with no score column (a scorecard's 分值 alone, a target form's weights): its total is their sum. */
function scoresNothing(draft: Draft): boolean {
  const columns = draft.header?.columns ?? [];
  return columns.some((c) => c.field === "weight") && !columns.some((c) => c.field === "score") && draft.form.indicators.some((i) => i.weight !== null) && draft.form.indicators.every((i) => i.score === null);
}

/**
 * 96优, 100 96: figures and a grade that text laid out by columns ran into one cell (a score one space from its
 * grade), as the cells they were printed in; any other cell as it is.
 */
function scoreAndGradeApart(cell: RowCell): RowCell[] {
  const parts = cell.text.trim().split(/\s+|(?<=\d)(?=[^\d.%\s])/);
  if (parts.length < 2 || !parts.every((p) => parseNumber(p) !== null || parseGrade(p) !== null)) return [cell];
  return parts.map((text) => ({ ...cell, text }));
}

const numbersIn = (cells: RowCell[]): number[] => cells.map((c) => parseNumber(c.text)).filter((v): v is number => v !== null);
const textsIn = (cells: RowCell[]): string[] => cells.filter((c) => c.text && parseNumber(c.text) === null).map((c) => c.text);

/** A weight printed after a name: (3), （3分）, 3分. */
const PRINTED_WEIGHT = /\s*(?:[(（]\s*\d+(?:\.\d+)?\s*分?\s*[)）]|\d+(?:\.\d+)?\s*分)\s*$/u;

/**
 * A name without its printed weight, as printed (“三公经费”变动率 of “三公经费”变动率(3), its quotes and full-width
 * marks kept), when cutting the weight off the printed text gives the name the weight was split from; else that name.
 */
function printedWithout(printed: string, name: string): string {
  const cut = printed.replace(PRINTED_WEIGHT, "");
  return keyOf(cut) === name ? cut : name;
}
