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
 * Level-1 labels that declare their weights (产出指标(50 分), 效益指标(30 分)) are
 * also put back where the rows' weights add up to them exactly
 * (byDeclaredWeights).
 * Before these, the level-2 labels of such a block are put back by meaning
 * (text-stream-level-groups.ts), and then a level-1 label on each row whose
 * level 2 stands under it and under no other label of the table
 * (withParentLevel1).
 */
import type { StreamCell } from "./text-stream-paragraph.ts";
import { columnPlace } from "./text-stream-header.ts";
import { declaredWeight, isLevelWord, isStreamValueCell, isWordCell, key, levelStem as stem } from "./text-stream-words.ts";
import { POINTS_SLACK, addsUpTo, withFloatingLevel2, type IndicatorRow } from "./text-stream-level-groups.ts";

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

type Level = 1 | 2;
/** Which level a level word names, or "either". */
export function levelOf(text: string): Level | "either" | null {
  if (!isLevelWord(text)) return null;
  const s = stem(text);
  if (EITHER.test(s)) return "either";
  return LEVEL1_ONLY.test(s) ? 1 : 2;
}
/**
 * Cells that are level labels printed together apart from their rows, not a
 * row (数量指标 | 质量指标 | 产出指标(50 分) | 时效指标 | 绩效指标): words only, three
 * different level words or more, or two different level-1 words. One row holds
 * one label of each level (a table of two halves, 长期 and 年度, the same level 2
 * twice: 产出指标 | 数量指标 | 数量指标); a row with a name may start with the label
 * of a group left empty above it (经济效益指标 | 效益指标 | 社会效益指标 | 保证单位正常运转 | …).
 */
export function isLevelBlock(row: readonly { text: string }[]): boolean {
  if (!row.every((c) => isWordCell(c.text))) return false;
  const words = row.filter((c) => levelOf(c.text) !== null);
  const distinct = (cells: readonly { text: string }[]) => new Set(cells.map((c) => stem(c.text))).size;
  return distinct(words) >= 3 || distinct(words.filter((c) => levelOf(c.text) === 1)) >= 2;
}

/** Whether a level-2 word may stand under a level-1 word. */
const standsUnder = (level2: string, level1: string) => PARENT.some(([child, parent]) => child.test(stem(level2)) && parent.test(stem(level1)));

/** The templates' order of the level-1 groups (决策, 过程, 产出, 效益 of a scorecard; 产出, 成本, 效益, 满意度). */
const LEVEL1_ORDER: [RegExp, number][] = [
  [/^(?:决策|投入)$/, 0], [/^(?:过程|管理)$/, 1], [/^产出$/, 2], [/^成本$/, 3], [/^(?:效益|效果)$/, 4], [/^(?:服务对象)?满意度$/, 5],
];
const level1Rank = (text: string) => LEVEL1_ORDER.find(([re]) => re.test(stem(text)))?.[1] ?? null;

/**
 * Each indicator row's weight, read where the header puts its 分值 column,
 * counted from the row's end: the cells before it may have run together (严格执行相关制
 * 达成预期度规定指标, a target and an actual wrapped side by side, one cell), those
 * after it are figures (得分). A last column of reasons left blank prints no cell.
 * Null where the cell there is no figure.
 */
function rowWeight(row: readonly StreamCell[], levels: number, header: readonly StreamCell[]): number | null {
  let places = header.map((c) => columnPlace(c.text));
  const last = row[row.length - 1]!;
  if (places[places.length - 1] === 9 && isStreamValueCell(last.text)) places = places.slice(0, -1);
  const weightAt = places.indexOf(7);
  if (weightAt < 0 || places.slice(weightAt + 1).some((p) => p !== 8)) return null;
  const at = row.length - (places.length - weightAt);
  if (at <= levels) return null;
  const t = key(row[at]!.text).replace(/分$/, "");
  return /^\d+(?:\.\d+)?$/.test(t) ? Number(t) : null;
}

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
  const first = indicatorRowsOf(rows, stray);
  if (!first) return [...rows];
  // The level-2 labels put back by meaning first (text-stream-level-groups.ts); then the level 1.
  const header = first.namesAt < 0 ? null : rows[first.namesAt]!;
  const weightOf = (r: IndicatorRow) => header ? rowWeight(rows[r.at]!, r.levels.length, header) : null;
  const withLevel2 = withFloatingLevel2(rows, first.indicatorRows, first.loose, weightOf);
  return withBlockLevel1(withParentLevel1(withLevel2, stray), stray);
}

/**
 * Level-1 labels printed apart from the rows put in front of the rows whose
 * level 2 stands under them in the frameworks (数量指标 → 产出指标, 社会效益指标 →
 * 效益指标): only where the table's level-1 labels hold one parent for the
 * level 2 of every row that prints no level 1, the rows of each level 1 come in one run, and a level 1 that
 * declares its weight (产出指标(50 分)) is what its rows' weights add up to.
 * Anything less certain leaves the rows as they were.
 */
function withParentLevel1(rows: readonly StreamCell[][], stray: readonly StreamCell[]): StreamCell[][] {
  const found = indicatorRowsOf(rows, stray);
  if (!found || found.namesAt < 0) return [...rows];
  const { namesAt, indicatorRows, loose } = found;
  // (Under a header row with both level columns: rows as wide as it, where a row of two levels fits.)
  const header = rows[namesAt]!;
  const places = header.map((c) => columnPlace(c.text));
  if (!places.includes(0) || !places.includes(1)) return [...rows];
  const level1s = loose.filter((c) => levelOf(c.text) === 1);
  if (level1s.length === 0) return [...rows];
  const printsLevel1 = (r: IndicatorRow) => r.levels.some((c) => levelOf(c.text) === 1);
  const level2Of = (r: IndicatorRow) => r.levels.find((c) => levelOf(c.text) === 2 || levelOf(c.text) === "either");
  const parentOf = (r: IndicatorRow): StreamCell | null => {
    if (printsLevel1(r)) return null;
    const level2 = level2Of(r);
    if (!level2) return null;
    const parents = level1s.filter((l) => standsUnder(level2.text, l.text));
    return new Set(parents.map((p) => stem(p.text))).size === 1 ? parents[0]! : null;
  };
  const parents = indicatorRows.map(parentOf);
  if (parents.every((p) => p === null)) return [...rows];
  // Every row that names its level 2 and not its level 1 gets one: the level 1 put on a row is carried
  // down to the rows after it, which must not be under another (效益指标 printed elsewhere).
  if (indicatorRows.some((r, k) => parents[k] === null && level2Of(r) && !printsLevel1(r))) return [...rows];
  // Each level 1's rows in one run: once another level 1 has started, it does not come back.
  const seen: string[] = [];
  for (const p of parents) {
    if (!p) continue;
    const k = stem(p.text);
    if (seen.includes(k) && seen[seen.length - 1] !== k) return [...rows];
    if (!seen.includes(k)) seen.push(k);
  }
  // A declared weight is what the weights of its rows add up to (rows that print that level 1 in place too).
  for (const l of new Set(parents.filter((p) => p !== null))) {
    const declared = declaredWeight(l.text);
    if (declared === null) continue;
    const mine = indicatorRows.filter((r, k) => parents[k] === l || r.levels.some((c) => levelOf(c.text) === 1 && stem(c.text) === stem(l.text)));
    if (!addsUpTo(mine.map((r) => rowWeight(rows[r.at]!, r.levels.length, header)), declared)) return [...rows];
  }
  const out = rows.map((r) => [...r]);
  indicatorRows.forEach((r, k) => {
    const p = parents[k];
    if (!p) return;
    const anchor = rows[r.at]![0]!;
    out[r.at] = [{ ...p, line: anchor.line, page: anchor.page }, ...rows[r.at]!];
  });
  return out;
}

/** The table's indicator rows and the level words printed apart from them, or null when it has no level columns. */
function indicatorRowsOf(rows: readonly StreamCell[][], stray: readonly StreamCell[]) {
  // Only under a header with level columns (一级指标, 二级指标).
  const levelsAt = rows.findIndex((r) => r.some((c) => { const p = columnPlace(c.text); return p === 0 || p === 1; }));
  if (levelsAt < 0) return null;
  // The rows start under the names' column word (三级指标), which reading order may print after a row
  // of other cells (数量指标 | 2021 年完成保鲜库钢构主体安装、封顶; between 二级指标 and 三级指标).
  // (Or after every row: 三级指标 | 4 | 得分 last, the rows under the level columns' words before it.)
  let namesAt = rows.findIndex((r, i) => i >= levelsAt && r.some((c) => columnPlace(c.text) === 2));
  if (namesAt >= 0 && !rows.some((r, i) => i > namesAt && leadingLevels(r) !== null)) namesAt = -1;
  const headerAt = namesAt < 0 ? levelsAt : namesAt;
  const indicatorRows: IndicatorRow[] = [];
  const loose: StreamCell[] = stray.filter((c) => isLevelWord(c.text));
  rows.forEach((r, i) => {
    const n = i > headerAt ? leadingLevels(r) : null;
    if (n !== null) indicatorRows.push({ at: i, levels: r.slice(0, n) });
    else loose.push(...r.filter((c) => isLevelWord(c.text)));
  });
  return { namesAt, indicatorRows, loose };
}

function withBlockLevel1(rows: readonly StreamCell[][], stray: readonly StreamCell[]): StreamCell[][] {
  const found = indicatorRowsOf(rows, stray);
  if (!found) return [...rows];
  const { namesAt, indicatorRows, loose } = found;
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
  if (labels.length === 0) {
    const header = namesAt < 0 ? null : rows[namesAt]!;
    return header ? byDeclaredWeights(rows, indicatorRows, all, header) : [...rows];
  }
  const at = indicatorRows[0]!.at;
  const anchor = rows[at]![0]!;
  const labelRow = labels.map((c) => ({ ...c, line: anchor.line, page: anchor.page }));
  return [...rows.slice(0, at), labelRow, ...rows.slice(at)];
}

/**
 * Level-1 labels that declare their weights (产出指标(50 分), 效益指标(30 分)) put
 * back over the rows whose weights add up to them: the groups in the templates'
 * order, each the run of rows after the one before it whose weights sum to its
 * own. Only where every level 1 of the table declares a weight, every
 * indicator row's weight is read, the sums come out exact and use up every
 * row, and what the rows print of their levels agrees (a row's own level 1
 * starts its group; its level 2 stands under it).
 */
function byDeclaredWeights(rows: readonly StreamCell[][], indicatorRows: readonly { at: number; levels: StreamCell[] }[], all: readonly StreamCell[], header: readonly StreamCell[]): StreamCell[][] {
  const level1 = (c: StreamCell) => levelOf(c.text) === 1 || (levelOf(c.text) === "either" && declaredWeight(c.text) !== null);
  const words = all.filter(level1);
  // 成本指标 without a weight: a level 2 of 产出; 满意度指标 without one may be a group that declares none.
  if (all.some((c) => levelOf(c.text) === "either" && declaredWeight(c.text) === null && stem(c.text) !== "成本")) return [...rows];
  const groups = new Map<string, { word: StreamCell; weight: number; rank: number }>();
  for (const c of words) {
    const weight = declaredWeight(c.text), rank = level1Rank(c.text);
    if (weight === null || rank === null) return [...rows];
    const seen = groups.get(stem(c.text));
    if (seen && seen.weight !== weight) return [...rows];
    groups.set(stem(c.text), { word: c, weight, rank });
  }
  const ordered = [...groups.values()].sort((a, b) => a.rank - b.rank);
  if (ordered.length < 2 || new Set(ordered.map((g) => g.rank)).size !== ordered.length) return [...rows];
  const weights = indicatorRows.map((r) => rowWeight(rows[r.at]!, r.levels.length, header));
  if (weights.some((w) => w === null)) return [...rows];
  const starts: number[] = [];
  let i = 0;
  for (const g of ordered) {
    starts.push(i);
    let sum = 0;
    while (i < weights.length && sum < g.weight - POINTS_SLACK) sum += weights[i++]!;
    if (i === starts[starts.length - 1] || Math.abs(sum - g.weight) > POINTS_SLACK) return [...rows];
  }
  if (i !== weights.length) return [...rows];
  // What the rows print of their levels agrees with the groups.
  const groupOf = (k: number) => ordered[starts.filter((s) => s <= k).length - 1]!;
  const agrees = indicatorRows.every((r, k) => r.levels.every((c) => {
    const g = groupOf(k);
    if (level1(c)) return stem(c.text) === stem(g.word.text) && starts.includes(k);
    return standsUnder(c.text, g.word.text);
  }));
  if (!agrees) return [...rows];
  const out: StreamCell[][] = [];
  rows.forEach((r, at) => {
    const k = indicatorRows.findIndex((x) => x.at === at);
    if (k >= 0 && starts.includes(k) && !indicatorRows[k]!.levels.some(level1)) {
      const anchor = r[0]!;
      out.push([{ ...groupOf(k).word, line: anchor.line, page: anchor.page }]);
    }
    out.push([...r]);
  });
  return out;
}
