/**
 * Level labels of an indicator table that plain `pdftotext` printed apart
 * from their rows. A level cell merged down a run of rows is drawn once, in
 * the middle of the run; pdftotext often prints such cells of the level
 * columns together, as a block before or after the rows they label
 * (数量指标 | 产出指标 | 质量指标 | 时效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 |
 * 七氟丙烷式灭火装置及药剂 | 10 套 | 烟感、温感控制设备 | 160 个 …), while a level
 * cell one row high may stay in its row (社会效益指标 | 对维护基建市场公平的影响程度 |
 * 效果明显 | …). Which rows a label of the block spans is lost with the layout,
 * but where the table has a single label at a level (产出指标 above, its only
 * level 1), no row prints one of that level, and every level-2 word of the
 * table stands under it in the templates (数量, 质量, 时效 under 产出; not 社会效益
 * or a 满意度指标 that may head a group of its own), every row is that label's.
 * Only then is it put back, as a row of labels before the first indicator
 * row, which the normalize stage carries down as it does a merged cell: a
 * level put on the wrong rows would check their weights against the wrong total.
 */
import type { StreamCell } from "./text-stream-paragraph.ts";
import { columnPlace } from "./text-stream-header.ts";
import { isLevelWord, isStreamValueCell, isWordCell, key } from "./text-stream-words.ts";

/** Words of both levels (成本指标 a level 2 of 产出 or a level 1 of its own; 满意度指标 a level 1 or a level 2). */
const EITHER = /^(?:成本|满意度)$/;
/** Words only of the first level. */
const LEVEL1_ONLY = /^(?:决策|投入|过程|管理|产出|效益|效果)$/;
/** The level-1 group each level-2 word stands under in the templates. */
const PARENT: [RegExp, RegExp][] = [
  [/^(?:产出)?(?:数量|质量|时效|进度|成本)$/, /^产出$/],
  [/^(?:经济|社会|生态环境)成本$/, /^成本$/],
  [/^(?:经济效益|社会效益|生态效益|环境效益|可持续影响|可持续发展)$/, /^(?:效益|效果)$/],
  [/^(?:服务对象|社会公众)满意度$/, /^(?:服务对象)?满意度$/],
];

/** A level word's stem: 产出指标(40分) → 产出. */
const stem = (text: string) => key(text).replace(/\(\d+(?:\.\d+)?分?\)$/, "").replace(/指标$/, "");

type Level = 1 | 2;
/** Which level a level word names, or "either". */
function levelOf(text: string): Level | "either" | null {
  if (!isLevelWord(text)) return null;
  const s = stem(text);
  if (EITHER.test(s)) return "either";
  return LEVEL1_ONLY.test(s) ? 1 : 2;
}
/** Whether a level-2 word may stand under a level-1 word. */
const standsUnder = (level2: string, level1: string) => PARENT.some(([child, parent]) => child.test(stem(level2)) && parent.test(stem(level1)));

/**
 * The number of level cells an indicator row starts with (those printed in place), or null when
 * the row is no indicator row: after them a name (text that is no column word, label or value),
 * then at least one more cell, none of them a column word.
 */
function leadingLevels(cells: readonly StreamCell[]): number | null {
  let n = 0;
  while (n < cells.length && isLevelWord(cells[n]!.text)) n++;
  const name = cells[n];
  // ((20 分*执行率): a column word's qualifier that reading order cut off, no name.)
  if (!name || isWordCell(name.text) || isStreamValueCell(name.text) || /^\(.*\)$/.test(key(name.text))) return null;
  const rest = cells.slice(n + 1);
  if (rest.length === 0 || rest.some((c) => isWordCell(c.text))) return null;
  return n;
}

/**
 * The table's rows, with a row of labels before its first indicator row where
 * the labels of its first group at a level were printed apart from the rows
 * (see the head comment). stray: the table's cells left out of its rows.
 */
export function withBlockLevels(rows: readonly StreamCell[][], stray: readonly StreamCell[]): StreamCell[][] {
  // Only under a header with level columns (一级指标, 二级指标).
  const levelsAt = rows.findIndex((r) => r.some((c) => { const p = columnPlace(c.text); return p === 0 || p === 1; }));
  if (levelsAt < 0) return [...rows];
  // The rows start under the names' column word (三级指标), which reading order may print after a row
  // of other cells (数量指标 | 2021 年完成保鲜库钢构主体安装、封顶; between 二级指标 and 三级指标).
  const namesAt = rows.findIndex((r, i) => i >= levelsAt && r.some((c) => columnPlace(c.text) === 2));
  const headerAt = namesAt < 0 ? levelsAt : namesAt;
  const indicatorRows: { at: number; levels: StreamCell[] }[] = [];
  const loose: StreamCell[] = stray.filter((c) => isLevelWord(c.text));
  rows.forEach((r, i) => {
    const n = i > headerAt ? leadingLevels(r) : null;
    if (n !== null) indicatorRows.push({ at: i, levels: r.slice(0, n) });
    else loose.push(...r.filter((c) => isLevelWord(c.text)));
  });
  if (indicatorRows.length === 0 || loose.length === 0) return [...rows];

  const all = [...loose, ...indicatorRows.flatMap((r) => r.levels)];
  const distinct = (level: Level | "either") => new Set(all.filter((c) => levelOf(c.text) === level).map((c) => stem(c.text)));
  const level1s = distinct(1), level2s = distinct(2), either = distinct("either");
  /** The table's one label of a level, printed apart from the rows, where no row prints one of that level. */
  const single = (level: Level): StreamCell | null => {
    if ((level === 1 ? level1s : level2s).size !== 1) return null;
    if (indicatorRows.some((r) => r.levels.some((c) => levelOf(c.text) === level))) return null;
    return loose.find((c) => levelOf(c.text) === level) ?? null;
  };
  // The level 1: every level-2 word of the table stands under it (成本指标 as a level 2 of 产出 too).
  let level1 = single(1);
  if (level1 && ![...all.filter((c) => levelOf(c.text) === 2), ...all.filter((c) => levelOf(c.text) === "either")].every((c) => standsUnder(c.text, level1!.text))) level1 = null;
  // The level 2: under the table's one level 1, if it has one, and no word of either level beside it.
  let level2 = single(2);
  if (level2 && (either.size > 0 || level1s.size > 1 || (level1s.size === 1 && !standsUnder(level2.text, all.find((c) => levelOf(c.text) === 1)!.text)))) level2 = null;
  const labels = [level1, level2].filter((c): c is StreamCell => c !== null);
  if (labels.length === 0) return [...rows];
  const at = indicatorRows[0]!.at;
  const anchor = rows[at]![0]!;
  const labelRow = labels.map((c) => ({ ...c, line: anchor.line, page: anchor.page }));
  return [...rows.slice(0, at), labelRow, ...rows.slice(at)];
}
