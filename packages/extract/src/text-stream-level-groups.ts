/**
 * Level-2 labels of an indicator table that plain `pdftotext` printed apart
 * from their rows (数量指标 | 质量指标 | 产出指标(50 分) | 时效指标 | 成本指标 …, after
 * the rows), put back on the rows by meaning and order.
 *
 * A level-2 cell merged down a run of rows is drawn once; reading order loses
 * which rows it spans, but keeps the labels in the order they stand down the
 * page. An indicator's own words say which group it belongs to, in every
 * template: a count (项目数量, 50 个) is 数量, a rate or a compliance (合格率,
 * 合规性) 质量, a deadline (及时性, 2022 年 12 月) 时效, money (总成本, ≤90 万元)
 * 成本, and so on (GROUP_SIGNS). Rows whose words name exactly one group take
 * that group's label where the labels' order allows it: every row so placed
 * must come at or after the label of the row before it. A row whose words name
 * no group (or several) takes a label only between two placed rows of the same
 * label (the merged cell spans it). Anything less certain — a row that names a
 * group out of order, a declared weight its rows do not add up to — leaves the
 * table as it was: a level put on the wrong rows is a wrong fact, and the
 * normalize stage checks weights against it.
 *
 * The labels are put in front of their rows, as a row that prints its level 2
 * in place reads (社会效益指标 | 对维护基建市场公平的影响程度 | 效果明显 | …).
 */
import type { StreamCell } from "./text-stream-paragraph.ts";
import { declaredWeight, isLevelWord, key, levelStem as stem } from "./text-stream-words.ts";

/** Slack in comparing sums of points. */
export const POINTS_SLACK = 1e-6;

/** Whether rows' weights, every one read, add up to a label's declared weight. */
export const addsUpTo = (weights: readonly (number | null)[], declared: number) =>
  weights.every((w) => w !== null) && Math.abs(weights.reduce((sum: number, w) => sum + w!, 0) - declared) <= POINTS_SLACK;

interface GroupSigns {
  /** The group's label stems. */
  label: RegExp;
  /** Words of an indicator's name that put it in the group. */
  name: RegExp;
  /** Words that do when no other group's word is in the name (a rate: 合格率, but 成本核算率 is a cost's). */
  weak?: RegExp;
  /** Shapes of its target that do. */
  target?: RegExp;
}

/**
 * The level-2 groups of the national frameworks and what their indicators
 * say. Where a name holds words of two groups, the one nearer its end wins,
 * then the first listed; 满意 and 及时 win wherever they stand (DECISIVE). A bare 满意度指标 is
 * no label here: it is as often the level 1 over a 服务对象满意度指标.
 */
const GROUP_SIGNS: readonly [string, GroupSigns][] = [
  ["满意度", { label: /^(?:服务对象|社会公众|群众|受益对象)满意度$/, name: /满意/ }],
  ["可持续影响", { label: /^可持续(?:影响|发展)$/, name: /可持续|长效|持续/ }],
  ["时效", { label: /^(?:产出)?(?:时效|进度)$/, name: /及时|时效|时限|按时|进度|期限|周期|完成时间|工期/, target: /\d{4}\s*年\s*\d{1,2}\s*月|\d{1,2}\s*月(?:底|末|份)?(?:前|之前)|年底|年末|工作日|[天日]内/ }],
  ["成本", { label: /^(?:产出)?成本$/, name: /成本|费用|经费|补助标准|单价|造价/, target: /元/ }],
  ["经济效益", { label: /^经济效益$/, name: /经济|增收|收入|产值|创收/ }],
  ["生态效益", { label: /^(?:生态|环境)效益$/, name: /生态|环境|绿化|污染|节能|减排|排放|水质|植被/ }],
  ["社会效益", { label: /^社会效益$/, name: /社会|群众|民生|就业|公平|稳定/ }],
  ["质量", { label: /^(?:产出)?质量$/, name: /合格|达标|质量|规范|合规|准确|完好|完整/, weak: /率/ }],
  ["数量", {
    label: /^(?:产出)?数量$/,
    name: /数量|人数|户数|个数|次数|人次|场次|面积|里程|长度|规模|[数量]$/,
    target: /^[^\d%％率]{0,3}\d+(?:\.\d+)?\s*(?:个|人|次|户|家|所|台|套|件|份|项|场|本|公里|千米|米|亩|平方米|辆|座|处|批|册|条|间|张|篇|期|门|头|株|吨|班|课时|学时)/,
  }],
];

/** The group a level-2 label names, or null. */
const groupOfLabel = (text: string) => GROUP_SIGNS.find(([, s]) => s.label.test(stem(text)))?.[0] ?? null;

/** Where the last match of a pattern in a text ends, or -1. */
function lastMatchEnd(re: RegExp, text: string): number {
  let end = -1;
  for (const m of text.matchAll(new RegExp(re.source, "g"))) end = Math.max(end, m.index! + m[0].length);
  return end;
}

/** Words that name their group wherever they stand in a name (群众满意率, 及时(按期)开工率). */
const DECISIVE: readonly [RegExp, string][] = [[/满意/, "满意度"], [/及时|按时|按期|时限|时效/, "时效"]];

/**
 * The one group an indicator's words put it in: a decisive word, else the
 * word that ends its name (a Chinese name's head is its last word: 经费支出合规性
 * is a compliance, 项目总成本 a cost), else a weak word (率), else its target's shape. Null when
 * nothing says.
 */
function groupOfRow(name: string, target: string | undefined): string | null {
  const n = key(name);
  const decisive = DECISIVE.find(([re]) => re.test(n));
  if (decisive) return decisive[1];
  for (const words of ["name", "weak"] as const) {
    let best: string | null = null, bestEnd = -1;
    for (const [group, signs] of GROUP_SIGNS) {
      const end = signs[words] ? lastMatchEnd(signs[words], n) : -1;
      if (end > bestEnd) { best = group; bestEnd = end; }
    }
    if (best) return best;
  }
  const t = target === undefined ? "" : key(target);
  return GROUP_SIGNS.find(([, s]) => s.target?.test(t))?.[0] ?? null;
}

export interface IndicatorRow {
  /** The row's index in the table. */
  at: number;
  /** The level cells the row prints in place, before its name. */
  levels: StreamCell[];
}

/** Whether a level word is a level 2 of the frameworks (成本指标 too: a level 2 of 产出 before 2021). */
const isLevel2Word = (text: string) => isLevelWord(text) && groupOfLabel(text) !== null;

/**
 * The rows with the level-2 labels printed apart put in front of the rows
 * they label, or the rows unchanged (see the head comment). loose: the level
 * words of the table printed apart from its rows, in reading order.
 * weightOf: a row's weight where it can be read.
 */
export function withFloatingLevel2(
  rows: readonly StreamCell[][],
  indicatorRows: readonly IndicatorRow[],
  loose: readonly StreamCell[],
  weightOf: (row: IndicatorRow) => number | null,
): StreamCell[][] {
  const labels = loose.filter((c) => isLevel2Word(c.text));
  // 成本指标 with 经济成本指标 beside it is the level 1 of its own group (after 2021): not a label here.
  if (labels.length === 0 || loose.some((c) => /^(?:经济|社会|生态环境)成本$/.test(stem(c.text)))) return [...rows];
  const labelGroups = labels.map((c) => groupOfLabel(c.text)!);
  // The rows that print no level 2 of their own; a row that prints one ends a run of merged cells.
  const open = indicatorRows.filter((r) => !r.levels.some((c) => isLevel2Word(c.text)));
  if (open.length === 0) return [...rows];
  const breaks = new Set(indicatorRows.filter((r) => !open.includes(r)).map((r) => r.at));
  const groups = open.map((r) => {
    const cells = rows[r.at]!.slice(r.levels.length);
    // (Its target: the first cell after the name with a figure in it, ≥50 个.)
    const g = groupOfRow(cells[0]!.text, cells.slice(1).find((c) => /\d/.test(c.text))?.text);
    // A group no label of the table names: its label stands elsewhere (in place, or not printed).
    return g !== null && labelGroups.includes(g) ? g : g === null ? null : "elsewhere";
  });

  // The rows that name a group take its label: the one of the row before while the run goes on, else
  // the next label of the group after it. A row that prints its own level 2, or names a group labelled
  // elsewhere, ends the run.
  const assigned: (number | null)[] = open.map(() => null);
  let current = -1;
  let ended = false;
  for (let k = 0; k < open.length; k++) {
    const g = groups[k];
    if (k > 0 && [...breaks].some((b) => b > open[k - 1]!.at && b < open[k]!.at)) ended = true;
    if (g === "elsewhere") ended = true;
    if (g === null || g === "elsewhere") continue;
    if (current >= 0 && !ended && labelGroups[current] === g) {
      assigned[k] = current;
      continue;
    }
    const j = labelGroups.findIndex((lg, i) => i > current && lg === g);
    if (j < 0) return [...rows];
    assigned[k] = current = j;
    ended = false;
  }
  // Rows that name no group, between two rows of the same label with no row printing its own between.
  for (let k = 0; k < open.length; k++) {
    if (assigned[k] !== null || groups[k] === "elsewhere") continue;
    const before = assigned.slice(0, k).findLastIndex((a) => a !== null);
    const after = assigned.findIndex((a, i) => i > k && a !== null);
    if (before < 0 || after < 0 || assigned[before] !== assigned[after]) continue;
    if ([...breaks].some((b) => b > open[before]!.at && b < open[after]!.at)) continue;
    if (groups.slice(before + 1, after).includes("elsewhere")) continue;
    assigned[k] = assigned[before]!;
  }
  if (assigned.every((a) => a === null)) return [...rows];
  // A label that declares its weight must be what its rows' weights add up to.
  for (const [j, label] of labels.entries()) {
    const declared = declaredWeight(label.text);
    if (declared === null) continue;
    const mine = open.filter((_, k) => assigned[k] === j);
    if (mine.length === 0) continue;
    if (!addsUpTo(mine.map(weightOf), declared)) return [...rows];
  }
  const out = rows.map((r) => [...r]);
  open.forEach((r, k) => {
    const j = assigned[k];
    if (j === null || j === undefined) return;
    const anchor = rows[r.at]![r.levels.length]!;
    out[r.at] = [...r.levels, { ...labels[j]!, line: anchor.line, page: anchor.page }, ...rows[r.at]!.slice(r.levels.length)];
  });
  return out;
}
