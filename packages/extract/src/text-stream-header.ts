/**
 * The order of a header row's column words as the table prints them. Plain
 * `pdftotext` emits a header's cells in the order the PDF drew them, which is
 * not always left to right (全年预算数(A) | 资金投入情况(万元) | 预算执行率(B/A) |
 * 全年执行数(B)), while the values under it come in column order; the
 * normalize stage aligns values to columns in order, so the header is put back
 * in the order the forms' own conventions fix:
 * - the row-label column of a funding table (资金投入情况 …) comes first (an
 *   indicator table's level columns keep their order: a table of two halves
 *   prints 二级指标(长期) … 二级指标(年度) …);
 * - columns keyed by letters come in letter order, a formula (B/A) after the
 *   letters it uses; the names' column (三级指标) comes before the values
 *   measured of them (年度指标值, 实际完成值); other columns keep their places.
 */
import { key } from "./text-stream-words.ts";

/** Columns that hold a row's label: the table's first columns. */
const LABEL_COLUMN = /^(?:资金投入情况|资金来源|项目资金|年度资金)/;

/** A letter-keyed column's place: A=0, B=2 …; a formula just after its last letter. */
function letterRank(text: string): number | null {
  const m = key(text).match(/\(([A-Z])(?:\/([A-Z]))?[^()]*\)$/);
  if (!m) return null;
  const a = m[1]!.charCodeAt(0) - 65, b = m[2] ? m[2].charCodeAt(0) - 65 : -1;
  return m[2] ? 2 * Math.max(a, b) + 1 : 2 * a;
}

export function orderHeader<T extends { text: string }>(cells: readonly T[]): T[] {
  const labels = cells.filter((c) => LABEL_COLUMN.test(key(c.text)));
  const rest = cells.filter((c) => !labels.includes(c));
  const keyed = rest.filter((c) => letterRank(c.text) !== null).sort((x, y) => letterRank(x.text)! - letterRank(y.text)!);
  let k = 0;
  const placed = rest.map((c) => (letterRank(c.text) === null ? c : keyed[k++]!));
  return [...labels, ...namesBeforeValues(placed)];
}

/**
 * The places of an indicator table's columns, as the national templates order
 * them: levels, name, nature, target, unit, actual, weight, score, reason.
 */
const INDICATOR_COLUMNS: [RegExp, number][] = [
  [/^一级指标/, 0], [/^二级指标/, 1], [/^(?:三级指标|(?:绩效)?指标名称|具体指标)/, 2], [/^(?:指标性质|指标方向性?|指标值类型)/, 3],
  [/^(?:年初|预期|计划|年度)?(?:指标值|目标值)(?:\(A\))?$/, 4], [/^(?:度量|计量)单位/, 5],
  [/^(?:全年)?(?:实际完成值|实际值|完成值)(?:\(B\))?$/, 6], [/^(?:分值|权重|指标分值|指标权重)/, 7], [/^(?:得分|自评得分|评分)/, 8],
  [/(?:原因|措施)/, 9],
];
/** An indicator column's place among them, or null. */
export const columnPlace = (text: string) => INDICATOR_COLUMNS.find(([re]) => re.test(text.replace(/\s+/g, "")))?.[1] ?? null;

/**
 * The names' column before the values measured of them: drawing order may put it after them (二级指标 |
 * 年度指标值 | 三级指标 | 实际完成值 …), the rows never. (Only one names' column: a table of two halves keeps its order.)
 */
function namesBeforeValues<T extends { text: string }>(cells: T[]): T[] {
  const names = cells.filter((c) => columnPlace(c.text) === 2);
  if (names.length !== 1) return cells;
  const name = names[0]!;
  // (Not before 分值: a level's points may stand before the names.)
  const firstValue = cells.findIndex((c) => columnPlace(c.text) === 4 || columnPlace(c.text) === 6);
  const at = cells.indexOf(name);
  if (firstValue < 0 || at < firstValue) return cells;
  const rest = cells.filter((c) => c !== name);
  return [...rest.slice(0, firstValue), name, ...rest.slice(firstValue)];
}
