/**
 * Tables that hold many projects: a 绩效目标表 with one block of rows per
 * project (rows of one project may break across pages, the project's own row
 * printed in the middle of its block), and a department's 分项绩效项目清单.
 */
import type { Form } from "./model.ts";
import { fundingLine } from "./funding-line.ts";
import type { Row } from "./rows.ts";
import { newDraft, touch, type Draft } from "./draft.ts";
import { align, factsUnderHeader, readIndicatorRow } from "./sections.ts";
import { addFact } from "./facts.ts";
import type { Field } from "./vocab.ts";
import { level1Of, level2Of, sourceKindOf } from "./vocab.ts";
import { isEmptyValue, isUnprintedNumber, parseNumber } from "./values.ts";
import { keyOf, tidyCjkSpaces } from "./text-key.ts";

const PROJECT_FIELDS: Field[] = [
  "unitCode", "projectName", "direction", "goal", "budget",
  "incomeFiscal", "incomeFund", "incomeSpecial", "incomeOther", "basicSpending", "projectSpending",
];
const PROJECT_FIELD_SET = new Set<Field>(PROJECT_FIELDS);

const AMOUNT_LABELS: [Field, string][] = [
  ["budget", "资金总额"],
  ["incomeFiscal", "一般公共预算"],
  ["incomeFund", "政府性基金拨款"],
  ["incomeSpecial", "财政专户管理资金"],
  ["incomeOther", "其他资金"],
  ["basicSpending", "基本支出"],
  ["projectSpending", "项目支出"],
];

export interface TargetsState {
  container: Draft;
  current: Draft | null;
  /** Level-1 labels already seen in the current project: seeing one again starts the next project. */
  seenLevel1: Set<string>;
  hasProjectRow: boolean;
  lastLevel1: string | null;
  projects: Draft[];
  /** The table prints the level-1 label on every row rather than once per group. */
  labelsPerRow: boolean;
}

export function newTargetsState(container: Draft): TargetsState {
  return { container, current: null, seenLevel1: new Set(), hasProjectRow: false, lastLevel1: null, projects: [], labelsPerRow: false };
}

function startProject(st: TargetsState, row: Row): Draft {
  const c = st.container;
  const d = newDraft(c.form.kind, c.form.title, row);
  d.container = false;
  d.header = c.header;
  d.form.agency = c.form.agency;
  d.form.moneyUnit = c.form.moneyUnit;
  d.form.fiscalYear = c.form.fiscalYear;
  d.form.fillDate = c.form.fillDate;
  // What the table prints above its rows (金额单位：元, 填报单位) is printed for every project in it.
  d.form.facts = c.form.facts.map((f) => ({ ...f }));
  st.current = d;
  st.seenLevel1 = new Set();
  st.hasProjectRow = false;
  st.lastLevel1 = null;
  st.projects.push(d);
  return d;
}

/** A row that names a project or unit: it carries a unit code, or a name with an amount. */
function isProjectRow(draft: Draft, row: Row): boolean {
  const a = align(draft, row);
  const code = a.byField.get("unitCode");
  if (draft.header?.columns.some((c) => c.field === "unitCode")) return Boolean(code && /^\d{3,}$/.test(keyOf(code.text)));
  // No code column: a name with an amount, where the name is not an indicator label.
  const name = a.byField.get("projectName");
  const amount = a.byField.get("budget") ?? a.byField.get("projectSpending") ?? tooWideAmount(draft, row);
  return Boolean(name && amount && !level1Of(name.text) && !level2Of(name.text));
}

/**
 * ### in the amount column: a spreadsheet printed with that column too narrow for the number (井研's
 * 预算数 of 3,309,840.00). The amount is not on the page, but it was printed: the row still names a project.
 */
function tooWideAmount(draft: Draft, row: Row): Row["allCells"][number] | undefined {
  const cols = new Set((draft.header?.columns ?? []).filter((c) => c.field === "budget" || c.field === "projectSpending").map((c) => c.col));
  return row.allCells.find((c) => cols.has(c.col) && isUnprintedNumber(c.text));
}

export function readTargetsRow(st: TargetsState, row: Row): void {
  const header = st.container;
  const projectRow = isProjectRow(header, row);
  // Which level-1 label does the row carry (for the project-boundary test)?
  const a = align(header, row, projectRow ? new Set() : PROJECT_FIELD_SET);
  const l1Cell = a.byField.get("level1");
  const l1 = l1Cell ? level1Of(l1Cell.text)?.name ?? keyOf(l1Cell.text) : null;
  // A level-1 label seen again after another one starts the next project (衡阳 prints a
  // project's own row in the middle of its block, so that row cannot tell).
  // That holds where the label is printed once per group (a merged cell); a table that
  // prints the label on every row (产出 | 产出 | 效益 | 产出 …, 井研's list) orders its rows
  // freely, and only its project rows start projects.
  if (l1 !== null && l1 === st.lastLevel1) st.labelsPerRow = true;
  const repeats = !st.labelsPerRow && l1 !== null && st.seenLevel1.has(l1) && l1 !== st.lastLevel1;
  // A grid that writes its merged cells out prints the project's own cells on each of its rows:
  // the same project again is that project's next indicator, not a new project.
  const sameProject = projectRow && st.hasProjectRow && st.current !== null && isCurrentProject(st.current, a);
  if (sameProject) {
    st.labelsPerRow = true;
  } else if (!st.current || (projectRow && st.hasProjectRow) || repeats) startProject(st, row);
  const d = st.current!;
  touch(d, row);
  if (l1) {
    st.seenLevel1.add(l1);
    st.lastLevel1 = l1;
  }
  if (projectRow && !sameProject) {
    st.hasProjectRow = true;
    applyProjectRow(d, a);
    factsOfProjectRow(d, row, a, st.projects[st.projects.length - 2] ?? null);
  }
  const ind = readIndicatorRow(d, row, projectRow ? new Set() : PROJECT_FIELD_SET);
  if (ind && ind.name && !/^\d+$/.test(keyOf(ind.name))) d.form.indicators.push(ind);
}

/** Whether a project row names the project being read (its name, and its code where the table has one). */
function isCurrentProject(d: Draft, a: ReturnType<typeof align>): boolean {
  const name = a.byField.get("projectName")?.text;
  const current = d.form.kind === "department_targets" ? d.form.agency : d.form.projectName;
  if (!name || !current || keyOf(name) !== keyOf(current)) return false;
  const code = a.byField.get("unitCode")?.text;
  const printed = d.form.facts.find((f) => f.label === d.header?.labels.get(a.byField.get("unitCode")?.col ?? -1))?.value;
  return !code || !printed || keyOf(code) === keyOf(printed);
}

/** The project row's own cells (单位名称, 项目名称, 预算数, 年度目标) as facts, before its indicator's cells. */
function factsOfProjectRow(d: Draft, row: Row, a: ReturnType<typeof align>, previous: Draft | null): void {
  const projectCols = new Set((d.header?.columns ?? []).filter((c) => PROJECT_FIELD_SET.has(c.field)).map((c) => c.col));
  const extraCols = new Set((d.header?.extras ?? []).map((e) => e.col));
  // (A unit's name merged down beside its projects is printed for each of them.)
  const cells = [...(row.inherited ?? []), ...row.cells].sort((a, b) => a.col - b.col);
  // Copied text prints that merged name once, on its first project's line: the next project's
  // line starts further right, and the columns before its first cell are the previous project's.
  if (!row.exact && !row.inherited && previous) {
    const first = Math.min(...[...a.byField.values()].map((c) => c.col), ...a.underColumn.values());
    const before = [...projectCols, ...extraCols].filter((col) => col < first).map((col) => d.header!.labels.get(col));
    for (const f of previous.form.facts) if (before.includes(f.label)) addFact(d.form, f.label, f.value, f.field, f.page, f.line);
  }
  factsUnderHeader(d, { ...row, cells: cells.filter((c) => projectCols.has(c.col) || extraCols.has(c.col)) });
  // 单位名称 beside 项目名称: the unit that files the project.
  const unit = d.form.facts.find((x) => /^(单位名称|部门名称|预算单位|单位)$/.test(x.label));
  if (unit && d.form.kind !== "department_targets") d.form.agency ??= unit.value;
}

function applyProjectRow(d: Draft, a: ReturnType<typeof align>): void {
  const f = d.form;
  const name = a.byField.get("projectName")?.text;
  if (name) {
    if (f.kind === "department_targets") f.agency = tidyCjkSpaces(name);
    else f.projectName = tidyCjkSpaces(name);
  }
  const goal = a.byField.get("goal")?.text;
  if (goal) f.goals.push({ expected: tidyCjkSpaces(goal), actual: null });
  for (const [field, label] of AMOUNT_LABELS) {
    const cell = a.byField.get(field);
    const v = parseNumber(cell?.text);
    if (v === null) continue;
    // The column's printed header names the line (预算数, 资金总额 …).
    const printed = d.header?.labels.get(cell!.col) ?? label;
    f.funding.push(fundingLine(f.funding.length + 1, printed, field === "budget" ? "total" : sourceKindOf(label), v, cell!.text, null, null));
  }
}

/** Projects of a target table, as forms; the unit's own total row (no indicators) is dropped. */
export function finishTargets(st: TargetsState): Form[] {
  return st.projects
    .filter((d) => d.form.indicators.length > 0 || d.form.projectName)
    .filter((d) => !(d.form.kind === "project_targets" && d.form.indicators.length === 0))
    .map((d) => d.form);
}

// ---- 分项绩效项目清单 ---------------------------------------------------------------

export function readProjectListRow(container: Draft, row: Row, parentSeq: number | null): Form | null {
  const a = align(container, row);
  const cell = (x: Field) => a.byField.get(x)?.text ?? null;
  const at = a.byField.get("projectName");
  let name = at?.text;
  // In extracted text a project's wrapped name comes apart into lines of their own round its row's line
  // (2020 年医疗救助 / 5 | 277.84 | … / 补助资金), and a wrapped goal's lines stand alone: a line with no
  // number and no 序号 is no project. A piece in the names' column heads the next project's name when
  // that row prints none, or ends the name of the project whose row took as many pieces from above.
  if (row.line !== null && !row.exact) {
    const pieces = (container.listPieces ??= { pending: [], last: null, tails: 0, lastLine: null, shortTaken: false });
    const figures = (["budget", "executed", "balance", "score", "seq"] as const).some((x) => parseNumber(cell(x)) !== null);
    const nameCol = container.header?.columns.find((c) => c.field === "projectName")?.col;
    // (The aligner fills the names' column with whatever words a row has: a goal's line far right is no name.)
    if (at && nameCol !== undefined && Math.abs(at.col - nameCol) > 1) name = undefined;
    if (!figures) {
      if (!name || nameCol === undefined || !at || at.col !== nameCol) return null;
      // (A piece much shorter than the last name's line, right after its row, is that name's last line: 金
      // under 县财政补贴低保、五保等贫困人口资.)
      const short = pieces.pending.length === 0 && pieces.last !== null && !pieces.shortTaken && 2 * name.length < (pieces.lastLine ?? "").length;
      if (pieces.last && (pieces.tails > 0 || short)) {
        pieces.last.projectName = tidyCjkSpaces(`${pieces.last.projectName ?? ""}${name}`);
        if (pieces.tails > 0) pieces.tails--;
        else pieces.shortTaken = true;
      } else pieces.pending.push(name);
      return null;
    }
    pieces.shortTaken = false;
    const above = pieces.pending.join("");
    pieces.tails = pieces.pending.length;
    pieces.lastLine = name ?? pieces.pending[pieces.pending.length - 1] ?? "";
    pieces.pending = [];
    name = `${above}${name ?? ""}` || undefined;
  }
  if (!name || parseNumber(name) !== null) return null;
  const d = newDraft("project_list", container.form.title, row);
  const f = d.form;
  if (container.listPieces) container.listPieces.last = f;
  f.projectName = tidyCjkSpaces(name);
  f.agency = container.form.agency;
  f.fiscalYear = container.form.fiscalYear;
  f.moneyUnit = container.form.moneyUnit;
  f.parentSeq = parentSeq;
  const line = fundingLine(1, "项目资金", "total", parseNumber(cell("budget")), cell("budget"), parseNumber(cell("executed")), cell("executed"),
    parseNumber(cell("balance")), cell("balance"));
  line.page = row.page;
  line.line = row.line;
  f.funding.push(line);
  f.totalScore = parseNumber(cell("score"));
  const goal = cell("goal");
  const done = cell("goalActual");
  if (goal || done) f.goals.push({ expected: goal ? tidyCjkSpaces(goal) : null, actual: done ? tidyCjkSpaces(done) : null });
  // What the row prints under columns with no field (部门职能) is kept under its column's header.
  for (const c of a.unassigned) {
    const label = container.header?.labels.get(a.underColumn.get(c) ?? c.col);
    if (label && c !== at && !isEmptyValue(c.text)) addFact(f, label, tidyCjkSpaces(c.text), null, row.page, row.line);
  }
  return f;
}
