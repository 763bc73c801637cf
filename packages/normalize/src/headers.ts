/**
 * Recognising header rows and turning one or more of them into a column model
 * (which field each grid column holds).
 */
import type { Row } from "./rows.ts";
import type { Column } from "./align.ts";
import { headerField, headerKey, HEADER_CHILDREN, level1Of, isGoalsHeader, MONTHS_TO_DATE, sourceKindOf, type Field } from "./vocab.ts";
import { parseGrade, parseMoneyUnit, parseNumber } from "./values.ts";
import { endsWithColon, keyOf } from "./text-key.ts";

export type SectionKind = "funding" | "indicators" | "goals" | "targets" | "projectList";

const INDICATOR_FIELDS = new Set<Field>(["level1", "level2", "level1Weight", "level2Weight", "name", "target", "adjustedTarget", "actual", "weight", "score", "reason", "scoringRule", "valueType", "unit", "description",
  "actualToDate", "forecast", "likelihood", "deviationCause"]);
/** Columns holding an indicator's values: a header with one of them is a grid of indicators, not of labels (nor a checklist). */
export const VALUE_FIELDS = new Set<Field>(["target", "adjustedTarget", "actual", "weight", "score", "actualToDate", "forecast"]);
const FUNDING_FIELDS = new Set<Field>(["source", "initialBudget", "declaredBudget", "budget", "executed", "balance", "rate", "executedToDate", "forecastExecuted"]);

/** A header cell that maps to no canonical column: its cells go to the row's `extra`. */
export interface ExtraColumn {
  col: number;
  colSpan: number;
  /** The header as printed (parent and child joined with /, 年度指标值/中期). */
  header: string;
}

export interface HeaderModel {
  kind: SectionKind;
  columns: Column<Field>[];
  extras: ExtraColumn[];
  /** 经费保障 | 制度保障 | …: sub-columns of a 偏差原因 group, ticked in a row. */
  causeColumns: ExtraColumn[];
  /** 确定能 | 有可能 | 完全不可能: sub-columns of a 完成目标可能性 group, one ticked in a row. */
  likelihoodColumns: ExtraColumn[];
  /** The N of a 1–N月 column (monitoring forms). */
  asOfMonth: number | null;
  /** Points the block's header declares for the execution item: 预算执行情况（万元）（20分）, 得分（20分*执行率）. */
  declaredWeight: number | null;
  /** Each column's header as printed (spaces removed): the label of its cells as facts. */
  labels: Map<number, string>;
  /** Money unit declared in a header cell: 项目资金（万元）, 全年预算数(元). */
  moneyUnit: "元" | "万元" | null;
  /** Cells of the first header row, blanks included, in copied text (whose merged cells print once); null in an exact grid. */
  printedWidth: number | null;
  /** Slots between the header's first and last cells that no header cell covers, in a grid rebuilt from text (sections.ts). */
  blanks: number[];
  /** 来源 | 中央 | 省、地 | 本级 | 其他 | 合计 | 执行数: a funding block whose sources are columns (source-columns.ts). */
  sourceColumns: ExtraColumn[];
}

function fieldsOf(row: Row): Field[] {
  return row.cells.map((c) => headerField(c.text)).filter((f): f is Field => f !== null);
}

/** Characters of a goals header's other cells at most (预期目标, 实际完成情况, 年度总体目标完成情况). */
const GOAL_HEADER_WORDS = 12;

/** Classify a row as the header of a form part, or null. */
export function classifyHeader(row: Row, underIndicatorHeader = false, inIndicatorSection = underIndicatorHeader): SectionKind | null {
  if (row.kind !== "cells") return null;
  // Headers hold words; a row with an amount in it (预算数： 3686.55) is data.
  if (row.cells.some((c) => parseNumber(c.text) !== null)) return null;
  const fields = new Set(fieldsOf(row));
  const count = (set: Set<Field>) => [...fields].filter((f) => set.has(f)).length;
  // 绩效指标 spanning the level columns, whose 一级/二级/三级指标 sit on the header's next row.
  const hasLevels = fields.has("level1") || fields.has("level2") || fields.has("name") || fields.has("label");
  // A unit code beside a unit name is a budget/target table even before its
  // amount and goal columns appear (they may sit on the header's second row).
  const names = fields.has("unitCode") || fields.has("projectName");
  // (序号 | 项目名称 | 预算数 … is a department's project list; with indicator columns beside the
  // project's — 序号 | 项目名称 | 一级指标 | 二级指标 | 三级指标 — it is a table of project targets.)
  if (!fields.has("seq") && ((names && (fields.has("goal") || fields.has("budget"))) || (fields.has("unitCode") && fields.has("projectName")))) {
    return "targets";
  }
  if (fields.has("seq") && fields.has("projectName")) return hasLevels && count(INDICATOR_FIELDS) >= 3 ? "targets" : "projectList";
  // (一级指标 | 二级指标 | 指标 under 评价指标, the points merged down beside them: the bare word after the levels heads
  // the names, as 三级指标 would.)
  const namesAfterLevels = row.cells.some((c, i) => i > 0 && /^指标$/.test(headerKey(c.text)) && /^level[12]$/.test(headerField(row.cells[i - 1]!.text) ?? ""));
  // (三级指标 names only an indicator's own column: beside one more of a grid's, 三级指标 | 指标值 with no level
  // columns, it heads an indicator grid — not inside another indicator grid, where it is a wrapped line of that
  // grid's header, 期) | 三级指标(年度) | 指标值(年度) in -layout text.)
  const namedThird = !inIndicatorSection && row.cells.some((c) => /^三级指标/.test(headerKey(c.text)));
  if (hasLevels && count(INDICATOR_FIELDS) + (namesAfterLevels && !fields.has("name") ? 1 : 0) >= (namedThird ? 2 : 3)) return "indicators";
  // 指标 | 指标值 | 完成值 | 分值 | 得分, 序号 | 指标 | 目标值 | 完成值: the bare word heads the items, values beside them.
  // (Not right under an indicator header: there it is that header's wrapped second line, 一级 / 指标 | 年度 / 指标值.)
  const bareItems = row.cells.some((c, i) => /^指标$/.test(headerKey(c.text)) && VALUE_FIELDS.has(headerField(row.cells[i + 1]?.text ?? "") as Field));
  // (Two value columns of one field count twice: 指标 | 年度目标值 | 实施周期目标值.)
  const indicatorCells = row.cells.filter((c) => INDICATOR_FIELDS.has(headerField(c.text) as Field)).length;
  if (!hasLevels && bareItems && !underIndicatorHeader && count(FUNDING_FIELDS) === 0 && indicatorCells >= 2) return "indicators";
  // 项目权重 | 评价内容 | 分值 | 自评分 | 评价标准: a scored grid with no level or name header, whose items stand
  // in columns no entry names left of the points (a scorecard's 评价内容, 考核内容).
  if (!hasLevels && count(FUNDING_FIELDS) === 0 && fields.has("weight") && fields.has("score") && unnamedBeforeValues(row).length > 0) return "indicators";
  // (Or a target beside what was achieved, 评价内容 | 绩效内容 | 绩效目标值 | 实际完成值 | 累计完成率: the items in the
  // columns before them that no entry names.)
  // (实际完成情况 there is the items' actual, as beside any target.)
  if (!hasLevels && count(FUNDING_FIELDS) === 0 && fields.has("target") && (fields.has("actual") || fields.has("goalActual")) && unnamedBeforeValues(row).length > 0) return "indicators";
  // (Or one amount column after a money block's label first: 部门总体资金情况 | 总体资金情况 单位:万元 | 当年金额 | 占比 ….)
  // (…or sources across after it: 专项资金情况 | 本年度预计投入 | 财政资金 | 其他, whose amounts stand under them.)
  // (A money label ending in a colon, 资金总额：, awaits its value beside it: a pair, no column header.)
  const amountCells = row.cells.filter((c) => !endsWithColon(c.text) && FUNDING_FIELDS.has(headerField(c.text) as Field));
  const amountHeaders = new Set(amountCells.map((c) => headerField(c.text))).size;
  const underBlockLabel = headerField(row.cells[0]!.text) === "fundLabel"
    && (amountHeaders >= 1 || row.cells.slice(1).filter((c) => isSourceName(c.text)).length >= 2);
  // (…or the total's name over the lines' names beside an amount column, 年度资金总额 | 金额(万元), when text printed
  // the block's label, merged down beside the lines, halfway down them and not on this row.)
  const totalOverNames = amountCells.length >= 2 && /资金总额$/.test(headerKey(amountCells[0]!.text));
  if ((amountHeaders >= 2 || underBlockLabel || totalOverNames) && !hasLevels) return "funding";
  // 年度目标 | 到2022年底，…: a goal printed beside its label is a goal, not a header.
  if (row.cells.some((c) => keyOf(c.text).length > 24)) return null;
  // (...or, right of the label and alone, any words that head no column: 年度绩效目标 | 进一步提高博物馆纪念馆运行效率和免费开放服务水平;
  // not 中期滚动目标(2019年--2021年) | 年度目标, two headers.)
  const [label, words] = row.cells;
  // (A short goal is one too when it counts what it will do: 总 体 目 标 | 开展7个小型水利工程建设.)
  if (row.cells.length === 2 && isGoalsHeader(label!.text) && (keyOf(words!.text).length > GOAL_HEADER_WORDS || /\d/.test(keyOf(words!.text))) && !isGoalsHeader(words!.text) && headerField(words!.text) === null) return null;
  // (绩效目标 | 绩效指标 | 指标值 | 完成情况: the goals word merged down beside a grid of indicators, its targets under
  // 指标值 — an indicator grid, not a goals block.)
  const at = (f: Field) => row.cells.findIndex((c) => headerField(c.text) === f);
  if (fields.has("goal") && fields.has("label") && fields.has("target") && at("goal") < at("label") && at("label") < at("target")) return "indicators";
  if (row.cells.some((c) => isGoalsHeader(c.text)) || (fields.has("goal") && fields.has("goalActual"))) return "goals";
  return null;
}

/** Columns of a header row that no entry names, left of its first value column (分值, 得分, 指标值 …). */
function unnamedBeforeValues(row: Row): number[] {
  const firstValue = row.cells.find((c) => VALUE_FIELDS.has(headerField(c.text) as Field) && !isLeadingWeight(row, c));
  return firstValue ? row.cells.filter((c) => c.col < firstValue.col && headerField(c.text) === null && !isStructuralHeader(c.text)).map((c) => c.col) : [];
}

/** A weight header first in its row, before words no entry names (项目权重 | 评价内容 | 分值): the groups' points, printed with their labels. */
function isLeadingWeight(row: Row, c: Row["cells"][number]): boolean {
  return c === row.cells[0] && headerField(c.text) === "weight" && row.cells.slice(1).some((o) => headerField(o.text) === "weight");
}

/**
 * A row continuing the header above it: sub-headers (目标申报数 / 预算编制数,
 * 一级指标 … under 绩效指标), parenthesised qualifiers ((调整后), (至2021年底)) or
 * the word 名称 repeated under each level (一级指标 | 二级指标 | 三级指标 over 名称 |
 * 名称 | 名称), which names no column of its own, the bare word 指标 beside the levels under their
 * group (评价指标 over 一级指标 | 二级指标 | 指标: the names' column), or the regions a 区域目标值 is
 * split into (新罗区 | 永定区 | …: each its own column, its values kept under its name).
 */
export function isHeaderContinuation(row: Row, above: readonly Row[] = []): boolean {
  if (row.kind !== "cells" || row.cells.length === 0) return false;
  // (A label with its colon alone, 年度资金总额: over blank amounts, is a line under the header, not a piece of it.)
  if (row.cells.length === 1 && endsWithColon(row.cells[0]!.text)) return false;
  // (A header cell merged down over the rows below, written out on each of them — a workbook unmerged
  // with fill-down — repeats its words in its column: no column of its own.)
  const repeated = (c: Row["cells"][number]) => above.some((r) => r.cells.some((h) => h.col <= c.col && c.col < h.col + Math.max(1, h.colSpan) && keyOf(h.text) === keyOf(c.text)));
  // 2021年 | 2022年 under 近两年收支金额: a column per year.
  const years = row.cells.length >= 2 && row.cells.every((c) => /^(?:19|20)\d{2}年(?:度)?$/.test(keyOf(c.text)));
  // 中央 | 省级 | 市级资金 | 本级 under 财政资金: the sources a money column is split into.
  const sources = row.cells.length >= 2 && row.cells.every((c) => isSourceName(c.text));
  // (Two regions or more, alone or beside the header cells merged down and written out over them.)
  const regions = row.cells.filter((c) => isPlaceName(c.text)).length >= 2;
  // 优 | 良 | 中 | 差 under 绩效标准: the grades its standard is split into. (Layout text may print the first
  // group's label, merged down beside the rows, on that line: 产出指标 | 优 | 良 | 中 | 差; parse.ts keeps it.)
  const grades = row.cells.filter((c) => isGradeWord(c.text));
  // (Beside the header's cells merged down and written out on this row too: 指标类型 | 绩效指标 | 绩效目标 | 优 | 良 ….)
  if (grades.length >= 2 && row.cells.every((c) => grades.includes(c) || repeated(c) || (!row.exact && c === row.cells[0] && level1Of(c.text)))) return true;
  // (其他 among 经费保障 | 制度保障 | …: the group's last cause.)
  const causes = row.cells.filter((c) => headerField(c.text) === "causeFlag").length >= 2;
  const otherCause = (c: Row["cells"][number]) => causes && OTHER_CAUSE.test(headerKey(c.text));
  return years || sources || row.cells.every((c) => headerField(c.text) !== null || repeated(c) || otherCause(c) || (regions && isPlaceName(c.text)) || /^\(.*\)$/.test(keyOf(c.text)) || /^(按支出性质分|按收入性质分|年度预算申请|中期指标值|中期目标值|中期指标|年度指标|名称|指标)$/.test(headerKey(c.text)));
}

/** The points of the level whose column stands right before a points column (一级指标 | 分值): that level's weight. */
const levelPointsAfter = (left: Field | null | undefined): Field | null =>
  left === "level1" ? "level1Weight" : left === "level2" ? "level2Weight" : null;

/** 其他 (其他原因) printed among a 偏差原因 group's causes: one of them. */
const OTHER_CAUSE = /^其他(?:原因|因素)?$/;

/** 优 | 良 | 中 | 差, 优秀 | 良好 | 合格 | 不合格: the grades a standard is given for (not a letter, A级, which a row may hold). */
function isGradeWord(text: string): boolean {
  const grade = parseGrade(text);
  return grade !== null && !/[A-D]/.test(grade);
}

/** The words of the group header whose span covers a column (绩效标准 over 优 … 差). */
function groupOver(groups: readonly { col: number; colSpan: number; text: string }[], col: number): string | null {
  const group = groups.find((g) => g.col <= col && col < g.col + g.colSpan);
  return group ? tidyHeader(group.text) : null;
}

/**
 * 新罗区, 上杭县, 漳平市: the regions a 区域目标值 column is split into, one sub-column each; down to the towns
 * and villages a county's share goes to (笏石街道办, 西坪镇尧山村).
 */
export function isPlaceName(text: string): boolean {
  // (A village or community has a name of two characters at least before its word: 尧山村, not 农村.)
  return /^[\u3400-\u9fff]{1,8}(省|市|区|县|旗|州|盟|镇|乡|街道|街道办|街道办事处|苏木|嘎查)$|^[\u3400-\u9fff]{2,8}(村|社区)$/.test(keyOf(text));
}

/**
 * The sub-headers a group header of a two-row header stands over: 绩效指标 over
 * 一级/二级/三级指标, 年度指标值 over 指标性质 | 指标值 | 度量单位.
 */
const GROUP_CHILDREN: [Field, ReadonlySet<Field>][] = [
  ["label", new Set<Field>(["level1", "level2", "name", "level1Weight", "level2Weight"])],
  ["target", new Set<Field>(["valueType", "target", "adjustedTarget", "unit"])],
  // (A monitoring form's 偏差原因分析 over 经费保障 | 制度保障 | … | 原因说明, 完成目标可能性 over 确定能 | 有可能 | 完全不可能.)
  ["reason", new Set<Field>(["causeFlag", "reason", "deviationCause"])],
  ["likelihood", new Set<Field>(["likelihoodFlag"])],
];

/** Headers of the items or their levels. */
const ITEM_HEADERS: ReadonlySet<Field> = new Set<Field>(["name", "level1", "level2"]);

/** No field: the sub-headers a grades group takes are told by their words (isGradeWord). */
const GRADES: ReadonlySet<Field> = new Set<Field>();

/**
 * A two-row header copied from a web page keeps no spans: 绩效指标 | 年度指标值 |
 * 实际完成值 | 分值 … over 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位,
 * each cell one slot. Put each group header's sub-headers where it stands and
 * the headers that spanned both rows after them, as the data rows print them.
 * (Grids with real spans, or rows whose cells already sit apart, are left alone.)
 */
export function spreadFlatGroups(rows: Row[]): Row[] {
  if (rows.length !== 2) return rows;
  const [top, sub] = rows as [Row, Row];
  const flat = (r: Row) => r.cells.every((c, i) => c.colSpan <= 1 && c.col === r.cells[0]!.col + i);
  // (The sub-row may start further left: a blank header cell merged down over both rows opens the top one.)
  if (!flat(top) || !flat(sub) || top.cells[0]!.col < sub.cells[0]!.col) return rows;
  // 绩效标准 over 优 | 良 | 中 | 差: the one header naming no field over a row of grades. (评价指标 over 一级指标 |
  // 二级指标 | 三级指标: the one naming no field over a row of levels is their group, as 绩效指标 is.)
  const unnamed = top.cells.filter((c) => headerField(c.text) === null);
  const gradedBy = sub.cells.every((c) => isGradeWord(c.text)) && unnamed.length === 1 ? unnamed[0] : undefined;
  const levelsBy = sub.cells.every((c) => ITEM_HEADERS.has(headerField(c.text)!)) && unnamed.length === 1 ? unnamed[0] : undefined;
  const groupOf = (c: Row["cells"][number]) => c === gradedBy ? GRADES : c === levelsBy ? GROUP_CHILDREN[0]![1] : GROUP_CHILDREN.find(([f]) => f === headerField(c.text))?.[1];
  // 财政资金 over 中央 | 省级 | 市级资金 | 本级: public money split by the level that gives it.
  const fiscalGroup = (c: Row["cells"][number]) => isSourceName(c.text) && sourceKindOf(headerKey(c.text)) === "fiscal";
  if (!top.cells.some((c) => groupOf(c) || fiscalGroup(c))) return rows;
  const namedElsewhere = [...top.cells, ...sub.cells].some((c) => ITEM_HEADERS.has(headerField(c.text)!));
  const start = top.cells[0]!.col;
  const topCells: Row["cells"] = [];
  const subCells: Row["cells"] = [];
  let next = 0;
  let col = start;
  for (const c of top.cells) {
    const fiscal = fiscalGroup(c);
    const children = groupOf(c) ?? (fiscal ? new Set<Field>() : undefined);
    const from = col;
    // (基本指标 over 一级指标 | 二级指标 beside 具体指标 over 三级指标: a later header naming an item's column heads that
    // column's sub-header itself; the group before it takes only the others.)
    const later = top.cells.slice(top.cells.indexOf(c) + 1);
    const headedLater = (text: string) => later.some((o) => ITEM_HEADERS.has(headerField(o.text)!) && headerField(o.text) === headerField(text));
    const takes = (text: string) => (children!.has(headerField(text)!) && !headedLater(text)) || (headerField(c.text) === "target" && isPlaceName(text)) || (c === gradedBy && isGradeWord(text))
      || (children!.has("causeFlag") && OTHER_CAUSE.test(headerKey(text)))
      || (fiscal && isSourceName(text) && sourceKindOf(headerKey(text)) !== "fiscal");
    while (children && next < sub.cells.length && takes(sub.cells[next]!.text)) {
      subCells.push({ ...sub.cells[next]!, col: col++ });
      next++;
    }
    // (具体指标 itself, over 三级指标: an item's header over the sub-header of its own column.)
    if (!children && ITEM_HEADERS.has(headerField(c.text)!) && next < sub.cells.length && headerField(sub.cells[next]!.text) === headerField(c.text)) {
      subCells.push({ ...sub.cells[next]!, col: col++ });
      next++;
    }
    // 绩效指标 over nothing on the next row is merged down beside the table's rows, which
    // copied text prints without it: it takes no slot of theirs. (Unless no other header names
    // the items or their levels: then it heads their column, 指标类型 | 绩效指标 | 绩效目标.)
    if (col === from && headerField(c.text) === "label" && namedElsewhere) continue;
    if (col === from) col++;
    topCells.push({ ...c, col: from, colSpan: col - from });
  }
  // Sub-headers no group took: the header had them in their own slots.
  if (next < sub.cells.length) return rows;
  return [{ ...top, cells: topCells, allCells: topCells }, { ...sub, cells: subCells, allCells: subCells }];
}

/** Build the column model from a header row and its continuation rows (deeper rows win a column). */
export function buildHeader(kind: SectionKind, rows: Row[]): HeaderModel {
  const headerRows = spreadFlatGroups(rows);
  const byCol = new Map<number, { text: string; field: Field | null; colSpan: number }>();
  let moneyUnit: "元" | "万元" | null = null;
  let asOfMonth: number | null = null;
  const parents: { col: number; key: string }[] = [];
  // Header cells naming no field that span columns: the groups their sub-headers split.
  const groups: { col: number; colSpan: number; text: string }[] = [];
  headerRows.forEach((row, depth) => {
    row.cells.forEach((c, i) => {
      moneyUnit ??= parseMoneyUnit(c.text);
      const key = keyOf(c.text);
      if (/^\(.*\)$/.test(key)) {
        // (调整后) qualifies the header cell above it.
        const above = byCol.get(c.col);
        const left = row.cells[i - 1];
        if (above) {
          const text = above.text + c.text;
          byCol.set(c.col, { text, field: headerField(text) ?? above.field, colSpan: above.colSpan });
        } else if (!row.exact && left && left.col + left.colSpan === c.col && byCol.get(left.col)?.field) {
          // 执行率 (%) in text laid out by columns: the unit one space right of its word, over the figures that
          // end where it ends. The column stands where the unit does.
          const word = byCol.get(left.col)!;
          byCol.delete(left.col);
          byCol.set(c.col, { text: word.text + c.text, field: headerField(word.text + c.text) ?? word.field, colSpan: Math.max(1, c.colSpan) });
        }
        return;
      }
      if (HEADER_CHILDREN.some(([p]) => p.test(key))) parents.push({ col: c.col, key });
      const field = headerField(c.text);
      let col = c.col;
      // A sub-header printed far right of its parent group (a text layer's
      // placement of a merged cell) belongs right after its siblings: insert it
      // there and shift the columns to its right, as the data rows are.
      const parent = HEADER_CHILDREN.find(([, child]) => child.test(key));
      if (depth > 0 && parent) {
        const p = parents.find((x) => parent[0].test(x.key));
        if (p && col > p.col + 3) {
          col = p.col + 1;
          while (byCol.has(col) && HEADER_CHILDREN.some(([, ch]) => ch.test(keyOf(byCol.get(col)!.text)))) col++;
          insertColumn(byCol, col);
        }
      }
      // (A source's name under a group spanning several of them — 财政资金 over 中央 | 省级 | 本级 — heads its own column.)
      const underGroup = depth > 0 && (byCol.get(col)?.colSpan ?? 1) > 1 && byCol.get(col)!.field === null && isSourceName(c.text);
      // (A grade under the group it splits, 绩效标准 over 优 | 良 | 中 | 差, heads the group's column for that grade.)
      const gradeGroup = depth > 0 && field === null && isGradeWord(c.text) ? groupOver(groups, col) : null;
      if (gradeGroup) byCol.set(col, { text: `${gradeGroup}(${keyOf(c.text)})`, field: null, colSpan: Math.max(1, c.colSpan) });
      else if (field || !byCol.has(col) || underGroup) byCol.set(col, { text: c.text, field, colSpan: Math.max(1, c.colSpan) });
      if (field === null && c.colSpan > 1) groups.push({ col, colSpan: c.colSpan, text: c.text });
      asOfMonth ??= monthsToDate(c.text);
    });
  });
  const entries = [...byCol.entries()].sort((a, b) => a[0] - b[0]);
  // (其他 beside the causes of a 偏差原因 group: a cause too.)
  entries.forEach(([, v], i) => {
    const beside = [entries[i - 1]?.[1].field, entries[i + 1]?.[1].field];
    if (v.field === null && OTHER_CAUSE.test(headerKey(v.text)) && beside.includes("causeFlag")) v.field = "causeFlag";
  });
  // 1-7月执行数 | 全年预计执行数 over an indicator grid (the 2019 central template): each item's progress so far and
  // its forecast, as 1-7月完成值 | 全年预计完成值 would say.
  if (kind === "indicators") {
    for (const [, v] of entries) {
      if (v.field === "executedToDate") v.field = "actualToDate";
      else if (v.field === "forecastExecuted") v.field = "forecast";
    }
  }
  // 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值: each level's own weight column.
  if (entries.filter(([, v]) => v.field === "weight").length > 1) {
    entries.forEach(([, v], i) => {
      const points = levelPointsAfter(entries[i - 1]?.[1].field);
      if (v.field === "weight" && points) v.field = points;
    });
  }
  // 一级指标 | 得分 | 二级指标 | 得分 | 三级指标 | 得分 | 评价标准 | 指标说明 | 得分, no 分值 anywhere: the same score word
  // right after each level heads that level's points (投入 16, 预算配置 16, 在职人员控制率 8), the last one the scores.
  // (Not 三级指标 | 自评分 | 具体指标 | 评价标准 | 得分: the unit's own score, and the reviewer's left blank.)
  const scores = entries.filter(([, v]) => v.field === "score");
  const lastScore = scores.at(-1)?.[1];
  if (lastScore && scores.length > 1 && !entries.some(([, v]) => v.field === "weight")) {
    entries.forEach(([, v], i) => {
      // (The bare word 指标 heads the names there too, as it does right of the levels below.)
      const before = entries[i - 1]?.[1];
      const left = before && before.field === null && /^指标$/.test(headerKey(before.text)) ? "name" : before?.field;
      const points = left === "name" ? "weight" : levelPointsAfter(left);
      if (v !== lastScore && v.field === "score" && headerKey(v.text) === headerKey(lastScore.text) && points) v.field = points;
    });
  }
  // 三级指标 | 指标解释 | 指标说明 | 得分, no scoring rule's column (the 部门整体支出绩效评价指标体系 of 财预〔2013〕53号): the
  // first explains the indicator, the second gives the 评价要点 it is scored by.
  const descriptions = entries.filter(([, v]) => v.field === "description");
  if (kind === "indicators" && descriptions.length === 2 && !entries.some(([, v]) => v.field === "scoringRule")) descriptions[1]![1].field = "scoringRule";
  const columns: Column<Field>[] = entries
    .filter(([, v]) => v.field !== null && v.field !== "causeFlag" && v.field !== "likelihoodFlag")
    .map(([col, v]) => ({ col, field: v.field! }));
  // 年初指标值 beside 调整后指标值 is the initial target; alone it is the target. Nothing to do:
  // both map to 'target' and 'adjustedTarget' already. Two 'target' columns (年度指标 over
  // 年初指标) keep only the deeper one.
  // 考核指标 | 一级指标 | 二级指标 | 指标内容: a name's word left of the levels is the block's label merged
  // down beside the grid (as 绩效指标 is): the indicators come after their levels.
  const firstLevel = columns.find((c) => c.field === "level1" || c.field === "level2");
  if (kind === "indicators" && firstLevel) for (const c of columns) if (c.field === "name" && c.col < firstLevel.col) c.field = "label";
  // 一级指标 | 二级指标 | 指标 | 指标值, 指标 | 指标值 | 完成值 | 分值 | 得分: with no name header, the bare word 指标 right of
  // the levels (or heading the grid) heads the indicators — not the block's label merged down beside the grid, which
  // stands left of the levels.
  const lastLevel = Math.max(-1, ...columns.filter((c) => c.field === "level1" || c.field === "level2").map((c) => c.col));
  // (A group's points left of the levels, 分解目标 | 自评权重 | 二级指标 | 指标 | 年度指标值, are no value of the items.)
  const firstValue = Math.min(...columns.filter((c) => VALUE_FIELDS.has(c.field) && c.col > lastLevel).map((c) => c.col));
  const bare = entries.find(([col, v]) => v.field === null && /^指标$/.test(headerKey(v.text)) && col > lastLevel && col < firstValue);
  // (A 绩效指标 left of the levels is the block's label merged down beside them: it heads no names.)
  // (So in a table of projects' targets: 单位名称 | 项目名称 | … | 一级指标 | 二级指标 | 指标 | 指标性质 | 指标值.)
  if ((kind === "indicators" || kind === "targets") && bare && !columns.some((c) => c.field === "name" || (c.field === "label" && c.col > lastLevel))) {
    columns.push({ col: bare[0], field: "name" });
    columns.sort((a, b) => a.col - b.col);
  }
  // 指标内容 in a grid with no 三级指标 column is the indicator itself.
  if (kind === "indicators" && !columns.some((c) => c.field === "name")) {
    // (Not one that says how long its text may be, 指标内容(150字内): an explanation written into the form.)
    const d = columns.find((c) => c.field === "description" && !WORD_LIMIT.test(byCol.get(c.col)?.text ?? ""));
    if (d) d.field = "name";
    // 一级指标 | 二级指标 | 绩效标准 | 当年预期实现值 with no 三级指标 and no 指标内容: a grid
    // of two levels, whose 二级指标 column holds the indicators themselves.
    const l2 = columns.find((c) => c.field === "level2");
    if (!d && l2 && columns.some((c) => c.field === "level1") && columns.some((c) => VALUE_FIELDS.has(c.field))) l2.field = "name";
  }
  // 指标类型 | 绩效指标 | 绩效目标 | 绩效标准, no level and no name header: the indicators' block word heads the items
  // themselves.
  const isItem = (c: Column<Field>) => c.field === "name" || c.field === "level1" || c.field === "level2";
  const label = columns.find((c) => c.field === "label");
  if (kind === "indicators" && label && !columns.some(isItem)) label.field = "name";
  // 三级指标 | 绩效目标 | 实际完成值 (or … | 绩效指标 | 绩效目标): the goals' word right of the items, with no target
  // header, heads each item's target, as 年度指标值 would.
  const lastItem = Math.max(-1, ...columns.filter(isItem).map((c) => c.col));
  const goal = columns.find((c) => c.field === "goal" && c.col > lastItem);
  if (kind === "indicators" && lastItem >= 0 && goal && !columns.some((c) => c.field === "target")) goal.field = "target";
  // (绩效目标 | 绩效指标 | 指标值 …: a goals word left of the items, over the goal text merged down beside them, heads
  // no field of theirs: its cells are kept in each row's extra, under it.)
  const firstItem = Math.min(...columns.filter(isItem).map((c) => c.col));
  if (kind === "indicators") dropColumns(columns, (c) => c.field === "goal" && c.col < firstItem);
  // 年度绩效目标 | (blank) | 二级指标 | 三级指标 …: a header cell left blank right before the 二级指标 heads the
  // level 1 that the rows print there (产出指标 merged down its group), and the goals word first is the
  // block's label merged down beside the grid, as 绩效指标 is, not a column of goals.
  const level2 = columns.find((c) => c.field === "level2");
  if (kind === "indicators" && level2 && !columns.some((c) => c.field === "level1")) {
    const blankBefore = headerRows.some((r) => r.allCells.some((c) => c.col + Math.max(1, c.colSpan) === level2.col && c.text.trim() === ""));
    // (In text rebuilt into a grid the blank header cell is no cell at all: 二级指标 opens the header, and the
    // level 1 stands in the slot before it on the rows, 产出指标 on its group's first row.)
    const openedByLevel2 = level2.col > 0 && headerRows.length > 0 && headerRows.every((r) => !r.exact) && entries.every(([col]) => col >= level2.col);
    if ((blankBefore || openedByLevel2) && !byCol.has(level2.col - 1)) {
      columns.push({ col: level2.col - 1, field: "level1" });
      const first = columns.find((c) => c.col < level2.col - 1 && c.field === "goal");
      if (first) first.field = "label";
    } else {
      // 分解目标 | 自评权重 | 二级指标 …: a header naming no column right before the 二级指标 — or before a weight right
      // before it — heads the level 1 (管理指标, 产出指标 merged down their groups), and that weight its points.
      const before = entries.filter(([col]) => col < level2.col);
      const last = before.at(-1);
      const weighted = last?.[1].field === "weight" ? last : undefined;
      const head = weighted ? before.at(-2) : last;
      if (head && head[1].field === null && !isStructuralHeader(head[1].text) && head[0] + head[1].colSpan === (weighted?.[0] ?? level2.col)) {
        columns.push({ col: head[0], field: "level1" });
        const points = weighted && columns.find((c) => c.col === weighted[0] && c.field === "weight");
        if (points) points.field = "level1Weight";
        columns.sort((a, b) => a.col - b.col);
      }
    }
  }
  // Levels no entry names, in a grid with no level column. With no name header either (项目权重 | 评价内容 |
  // 分值 | 自评分 …), the last column no entry names before the values holds the items; a weight header
  // first, before another weight, heads their groups' labels with their points (项目决策 2分). Columns no
  // entry names left of the names (评价指标 | 评价内容 | 指标名称 …) are the levels, the outer one first (a
  // merged group over groups over the names), below a leading weight's groups.
  if (kind === "indicators" && !columns.some((c) => c.field === "level1" || c.field === "level2")) {
    let name = columns.find((c) => c.field === "name");
    const only = headerRows.length === 1 ? headerRows[0]! : undefined;
    const items = !name && only ? unnamedBeforeValues(only) : [];
    let leading: Column<Field> | undefined;
    if (only && items.length > 0 && items.length <= 3) {
      name = { col: items[items.length - 1]!, field: "name" };
      columns.push(name);
      leading = isLeadingWeight(only, only.cells[0]!) ? columns.find((c) => c.col === only.cells[0]!.col) : undefined;
      if (leading) leading.field = "level1";
    }
    const unnamedEntries = name ? entries.filter(([col, v]) => col < name!.col && v.field === null && !isStructuralHeader(v.text)) : [];
    const unnamed = unnamedEntries.map(([col]) => col);
    // (One such header over two columns, 评价内容 over 产出目标 | 数量目标: both levels, the outer one first.)
    if (unnamed.length === 1 && !leading && unnamedEntries[0]![1].colSpan === 2 && unnamed[0]! + 2 <= name!.col) unnamed.push(unnamed[0]! + 1);
    if (unnamed.length > 0 && unnamed.length <= 2) unnamed.forEach((col, i) => columns.push({ col, field: leading || i === 1 ? "level2" : "level1" }));
    columns.sort((a, b) => a.col - b.col);
  }
  // 指标值 | 实际完成情况 in an indicator grid: the row's achieved value, as 实际完成值 (the words a goals
  // block heads its outcome with).
  // (完成情况 alone, naming no field, beside a target: the same, 绩效指标 | 指标内容 | 目标值 | 完成情况 | 分值 | 得分.)
  if (kind === "indicators" && columns.some((c) => c.field === "target") && !columns.some((c) => c.field === "actual")) {
    for (const c of columns) if (c.field === "goalActual") c.field = "actual";
    const done = entries.find(([, v]) => v.field === null && headerKey(v.text) === "完成情况");
    if (done && !columns.some((c) => c.field === "actual")) columns.push({ col: done[0], field: "actual" });
    columns.sort((a, b) => a.col - b.col);
  }
  // 年度资金总额 | 金额(万元) over a money block: the total's name heads the column of the lines' names (其中…,
  // (一)财政拨款小计) when another column heads the amounts.
  const budgets = columns.filter((c) => c.field === "budget");
  if (kind === "funding" && budgets.length >= 2 && !columns.some((c) => c.field === "source")) {
    const first = budgets[0]!;
    if (/资金总额$/.test(headerKey(byCol.get(first.col)!.text))) first.field = "source";
  }
  // 目标值 | 评价指标 | 标准值 | 目标完成值 | 评价指标值: of two targets' columns, the one printed before the actual
  // is the item's target; the one after it measures a criterion beside it (kept under its header).
  const firstActual = columns.find((c) => c.field === "actual");
  if (firstActual && columns.filter((c) => c.field === "target").length > 1 && columns.some((c) => c.field === "target" && c.col < firstActual.col)) {
    dropColumns(columns, (c) => c.field === "target" && c.col > firstActual.col);
  }
  // 三级指标 | 自评分 | 具体指标 | 评价标准 | 得分: of two names' columns the level-3 header's holds the names, the other
  // describes them; of two scores' columns the self-evaluation's (自评分) is the form's, the other (left blank for
  // the reviewer) stays under its header.
  const named = columns.filter((c) => c.field === "name");
  // (Not two 三级指标, 长期 and 年度 side by side: the year's, the later one, is kept as before.)
  const level3s = named.filter((c) => /^三级/.test(headerKey(byCol.get(c.col)?.text ?? "")));
  const level3 = level3s.length === 1 ? level3s[0] : undefined;
  if (named.length > 1 && level3) for (const c of named) if (c !== level3) c.field = columns.some((o) => o.field === "description") ? "remark" : "description";
  const scored = columns.filter((c) => c.field === "score");
  const own = scored.find((c) => /^自评/.test(headerKey(byCol.get(c.col)?.text ?? "")));
  if (scored.length > 1 && own) dropColumns(columns, (c) => c.field === "score" && c !== own);
  const kept = dedupe(columns);
  const keptCols = new Set(kept.map((c) => c.col));
  const extras: ExtraColumn[] = entries
    .filter(([col, v]) => !keptCols.has(col) && v.field !== "causeFlag" && v.field !== "likelihoodFlag" && !isStructuralHeader(v.text))
    .map(([col, v]) => ({ col, colSpan: v.colSpan, header: tidyHeader(v.text) }));
  const flagColumns = (field: Field): ExtraColumn[] => entries
    .filter(([, v]) => v.field === field)
    .map(([col, v]) => ({ col, colSpan: v.colSpan, header: tidyHeader(v.text) }));
  const causeColumns = flagColumns("causeFlag");
  const likelihoodColumns = flagColumns("likelihoodFlag");
  const declaredWeight = kind === "funding" ? declaredPoints(headerRows) : null;
  const labels = new Map(entries.map(([col, v]) => [col, tidyHeader(v.text)]));
  const printedWidth = headerRows[0] && !headerRows[0].exact ? headerRows[0].allCells.length : null;
  const blanks = headerRows.some((r) => r.exact) ? [] : blankSlots(entries.map(([col, v]) => ({ col, colSpan: v.colSpan })));
  const sourceColumns = kind === "funding" ? sourceNameColumns(kept, extras) : [];
  // (其他资金 beside 合计 | 财政拨款 printed across: that source's column too, not a department's income column.)
  const incomes = sourceColumns.length ? kept.filter((c) => INCOME_FIELDS.has(c.field) && isSourceName(labels.get(c.col) ?? "")) : [];
  for (const c of incomes) {
    const e = { col: c.col, colSpan: byCol.get(c.col)?.colSpan ?? 1, header: labels.get(c.col)! };
    extras.push(e);
    sourceColumns.push(e);
  }
  const columnsKept = incomes.length ? kept.filter((c) => !incomes.includes(c)) : kept;
  return { kind, columns: columnsKept, extras, causeColumns, likelihoodColumns, moneyUnit, asOfMonth, declaredWeight, labels, printedWidth, blanks, sourceColumns };
}

/**
 * Columns right of a 来源 (source) header that each name a source of money (中央, 省、地, 本级, 其他, 合计), with
 * at least two of them: the block prints its sources across, one amount under each, not one line per source.
 */
function sourceNameColumns(columns: readonly Column<Field>[], extras: readonly ExtraColumn[]): ExtraColumn[] {
  const source = columns.find((c) => c.field === "source");
  if (!source) {
    // 本年度预计投入 | 财政资金 over 中央 | 省级 | 市级资金 | 本级 | 其他: with no 来源 column and no amount column of
    // its own, a header naming sources across holds each amount under its name, the whole (本年度预计投入) among them.
    if (columns.some((c) => FUNDING_FIELDS.has(c.field))) return [];
    // (Not a first column naming the rows, 项目 | 合计 | 财政拨款 over 预算数 | 100 | 80: the rows' own words.)
    // (Only such a word: 本年度预计投入(万元) before them is the whole's amount, and stays.)
    const first = extras.findIndex((e) => !/^(?:项目|类别|名称|科目|类型|内容)$/.test(headerKey(e.header)));
    return extras.filter((e) => isSourceName(e.header)).length >= 2 ? extras.slice(Math.max(0, first)) : [];
  }
  const named = extras.filter((e) => e.col > source.col && isSourceName(e.header));
  return named.length >= 2 ? named : [];
}

/** A department form's income columns (一般公共预算, 政府性基金, 财政专户, 其他资金). */
const INCOME_FIELDS: ReadonlySet<Field> = new Set<Field>(["incomeFiscal", "incomeFund", "incomeSpecial", "incomeOther"]);

/** 中央(万元), 省、地, 本级, 市县, 其他, 合计: a short header naming where money comes from, or the whole. */
function isSourceName(header: string): boolean {
  const k = headerKey(header);
  // (Not a label awaiting its value, 市：, nor a body, 县级主管部门.)
  if (endsWithColon(header) || /(部门|单位|机构)$/.test(k)) return false;
  return Array.from(k).length <= 6 && (sourceKindOf(k) !== "other" || /^(其他|省|市|县|地|区)/.test(k));
}

/** (20分) in a funding block's header cells; null when none or when they disagree. */
function declaredPoints(rows: Row[]): number | null {
  const found = new Set<number>();
  for (const r of rows) {
    for (const c of r.cells) {
      for (const m of keyOf(c.text).matchAll(/\((\d+(?:\.\d+)?)分/g)) found.add(Number(m[1]));
    }
  }
  return found.size === 1 ? [...found][0]! : null;
}

/** Group headers that label a block rather than a column: 绩效指标, 项目资金（万元）, 偏差原因分析. */
function isStructuralHeader(text: string): boolean {
  const k = keyOf(text);
  return !k || /^(绩效指标|指标|项目资金.*|资金情况.*|资金投入情况.*|年度资金.*|偏差原因(分析)?|按支出性质分|按收入性质分|年度预算申请)$/.test(k);
}

const tidyHeader = (text: string) => text.replace(/\s+/g, "");

/** (150字内), （450字以内）: a header's limit on the length of the text written under it. */
const WORD_LIMIT = /[(（]\s*\d+\s*字(?:以)?内\s*[)）]/;

/** 1-6月执行数 → 6; 截至9月底完成值 → 9. */
export function monthsToDate(text: string): number | null {
  const k = keyOf(text);
  const m = k.match(MONTHS_TO_DATE);
  if (!m) return null;
  const n = m[0].match(/(1[0-2]|[1-9]|[一二三四五六七八九十]{1,2})月/g);
  const last = n?.[n.length - 1]?.replace(/月$/, "");
  if (!last) return null;
  const v = /^\d+$/.test(last) ? Number(last) : chineseMonth(last);
  return v !== null && v >= 1 && v <= 12 ? v : null;
}

/**
 * The months a monitoring form's title says it covers (2023年1-6月…监控表, 2023年度1-9月…,
 * 截至9月底…), for a form whose columns do not say (执行数, 完成值): N, or null. The period starts
 * the title or follows its year (…年, …年度) or an opening bracket.
 */
export function monthsInTitle(title: string): number | null {
  const k = keyOf(title);
  for (let i = 0; i < k.length; i++) {
    if (i > 0 && !/[年度(]/.test(k[i - 1]!)) continue;
    const n = monthsToDate(k.slice(i));
    if (n !== null) return n;
  }
  return null;
}

function chineseMonth(s: string): number | null {
  const d = "一二三四五六七八九".indexOf(s.replace(/^十/, ""));
  if (s === "十") return 10;
  if (s.startsWith("十")) return d >= 0 ? 10 + d + 1 : null;
  return d >= 0 ? d + 1 : null;
}

function insertColumn<T>(byCol: Map<number, T>, at: number): void {
  const moved = [...byCol.entries()].filter(([c]) => c >= at).sort((a, b) => b[0] - a[0]);
  for (const [c, v] of moved) {
    byCol.delete(c);
    byCol.set(c + 1, v);
  }
}

/** One column per field: when a field repeats (a parent and its child), keep the rightmost deeper one. */
function dedupe(columns: Column<Field>[]): Column<Field>[] {
  const seen = new Map<Field, number>();
  columns.forEach((c, i) => seen.set(c.field, i));
  return columns.filter((c, i) => seen.get(c.field) === i || c.field === "label");
}

/** Leave out the columns a test picks (their headers then head extra columns). */
function dropColumns(columns: Column<Field>[], drop: (c: Column<Field>) => boolean): void {
  for (let i = columns.length - 1; i >= 0; i--) if (drop(columns[i]!)) columns.splice(i, 1);
}

/** Slots strictly inside a header's span that none of its cells covers. */
function blankSlots(cells: readonly { col: number; colSpan: number }[]): number[] {
  if (cells.length === 0) return [];
  const covered = new Set(cells.flatMap((c) => Array.from({ length: c.colSpan }, (_, k) => c.col + k)));
  const first = Math.min(...cells.map((c) => c.col));
  const last = Math.max(...cells.map((c) => c.col + c.colSpan - 1));
  const out: number[] = [];
  for (let col = first + 1; col < last; col++) if (!covered.has(col)) out.push(col);
  return out;
}
