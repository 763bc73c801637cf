/**
 * The normalize stage's orchestrator: read the row stream of one extracted
 * document and build its forms.
 */
import type { ExtractedDocument } from "@jixiao/extract";
import type { Form, FormKind, NarrativeLine, NormalizedDocument, SideTable } from "./model.ts";
import { NormalizedDocument as NormalizedDocumentSchema, pageUnitOf } from "./model.ts";
import { toRows, type Row, type RowCell } from "./rows.ts";
import { newDraft, touch, applyFact, factFromLine, type Draft } from "./draft.ts";
import { classifyHeader, buildHeader, isHeaderContinuation, type SectionKind } from "./headers.ts";
import { readFundingRow, readGoalsRow, readIndicatorRow, readLevelLine, readTotalRow } from "./sections.ts";
import { newTargetsState, readTargetsRow, finishTargets, readProjectListRow, type TargetsState } from "./containers.ts";
import { titleKind, factKeyOf, isTotalLabel, isGradeLabel } from "./vocab.ts";
import { parseFiscalYear, parseGrade } from "./values.ts";
import { keyOf, tidyCjkSpaces } from "./text-key.ts";
import { finishForm } from "./finish.ts";
import { resolveMoneyUnits } from "./money-unit.ts";

export interface NormalizeHints {
  /** File name, used for a fiscal year when the document prints none. */
  fileName?: string;
}

interface State {
  forms: Form[];
  narrative: NarrativeLine[];
  sideTables: SideTable[];
  warnings: string[];
  draft: Draft | null;
  section: SectionKind | null;
  targets: TargetsState | null;
  /** Facts printed before any form (report title year, agency). */
  docYear: number | null;
  /** A funding table outside any form (the report's 预算执行情况): read as a side table. */
  side: Draft | null;
  lastTitle: string | null;
}

export function normalizeDocument(doc: ExtractedDocument, hints: NormalizeHints = {}): NormalizedDocument {
  const st: State = {
    forms: [], narrative: [], sideTables: [], warnings: [], draft: null, section: null, targets: null,
    docYear: null, side: null, lastTitle: null,
  };
  for (const row of toRows(doc)) readRow(st, row);
  closeDraft(st);
  closeSide(st);
  const fileYear = hints.fileName ? parseFiscalYear(hints.fileName.replace(/.*[\\/]/, "").replace(/(\d{4})/, "$1年")) : null;
  st.forms.forEach((f, i) => {
    f.seq = i + 1;
    f.fiscalYear ??= st.docYear ?? fileYear;
  });
  gradeFromNarrative(st.forms, st.narrative);
  // project_list rows point at their department form by seq: renumbered above.
  resolveMoneyUnits(st.forms, st.sideTables);
  return NormalizedDocumentSchema.parse({
    forms: st.forms, narrative: st.narrative, sideTables: st.sideTables, warnings: st.warnings,
    // A spreadsheet's "pages" are its sheets: locations must say so.
    ...(pageUnitOf(doc.format) === "sheet" ? { pageUnit: "sheet" as const } : {}),
  });
}

function readRow(st: State, row: Row): void {
  const single = row.kind === "text" ? row.text : row.cells.length === 1 ? row.cells[0]!.text : null;
  const tk = single ? titleKind(single) : null;
  if (tk) {
    startForm(st, tk, single!, row);
    return;
  }
  if (row.kind === "text") readTextLine(st, row);
  else readCellsRow(st, row);
}

function startForm(st: State, kind: FormKind, title: string, row: Row): void {
  const parent = kind === "project_list" ? lastDepartmentSeq(st) : null;
  closeDraft(st);
  closeSide(st);
  const d = newDraft(kind, title, row);
  d.form.fiscalYear ??= st.docYear;
  if (kind === "project_list" && parent !== null) {
    const p = st.forms[parent - 1]!;
    d.form.agency = p.agency;
    d.form.fiscalYear = p.fiscalYear;
  }
  d.parentSeq = parent;
  st.draft = d;
  st.section = null;
  st.lastTitle = title;
}

function lastDepartmentSeq(st: State): number | null {
  const open = st.draft && !st.draft.container && st.draft.form.kind === "department_self_eval" ? st.draft : null;
  if (open) return st.forms.length + 1; // it will be pushed when closed, next
  for (let i = st.forms.length - 1; i >= 0; i--) if (st.forms[i]!.kind === "department_self_eval") return i + 1;
  return null;
}

function closeDraft(st: State): void {
  const d = st.draft;
  if (!d) return;
  if (st.targets) {
    for (const f of finishTargets(st.targets)) st.forms.push(finishForm(f));
    st.targets = null;
  } else if (d.untitled && d.form.funding.length === 0 && d.form.totalScore === null) {
    // A table of indicators inside a narrative report (its 绩效指标完成情况), not a form.
    st.warnings.push(`第${d.form.pageFrom ?? "?"}页：无标题、无资金和总分的指标表未作为表单读取`);
  } else if (!d.container && hasContent(d)) {
    st.forms.push(finishForm(d.form));
  }
  st.draft = null;
  st.section = null;
}

function hasContent(d: Draft): boolean {
  const f = d.form;
  return f.indicators.length > 0 || f.funding.length > 0 || f.totalScore !== null || f.projectName !== null;
}

// ---- narrative lines ---------------------------------------------------------------

function readTextLine(st: State, row: Row): void {
  const d = st.draft;
  const text = row.text;
  const k = keyOf(text);
  if (!d) {
    st.docYear ??= /年度?/.test(k) && k.length <= 80 ? parseFiscalYear(text) : null;
    st.narrative.push({ page: row.page, line: row.line, text });
    return;
  }
  touch(d, row);
  if (/^(注|备注|说明|填表说明)\s*[:：.．、]/.test(text) || (d.inNotes && /^\d+\s*[.．、]/.test(text))) {
    d.inNotes = true;
    d.form.notes.push(tidyCjkSpaces(text));
    return;
  }
  if (d.inNotes && d.form.notes.length > 0 && !/[:：]/.test(text.slice(0, 8))) {
    // A note wrapped onto the next line.
    d.form.notes[d.form.notes.length - 1] += text;
    return;
  }
  // (2023年度) under the title.
  if (k.length <= 14 && /^\(?\d[\d,]{3,4}年度?\)?$/.test(k.replace(/\s/g, ""))) {
    d.form.fiscalYear ??= parseFiscalYear(text);
    return;
  }
  const facts = factFromLine(text);
  if (facts.length > 0) {
    for (const { key, value } of facts) applyFact(d.form, key, value);
    return;
  }
  if (st.section === "indicators" && readLevelLine(d, text)) return;
  // A bare agency line under a title (衡阳市医疗保障局) before any table.
  if (!d.form.agency && d.form.funding.length === 0 && d.form.indicators.length === 0 && /(局|委|办|院|中心|政府|厅|部|所|站|会|室|处|队)$/.test(k) && k.length <= 30) {
    d.form.agency = tidyCjkSpaces(text);
    return;
  }
  st.narrative.push({ page: row.page, line: row.line, text });
}

// ---- table rows --------------------------------------------------------------------

function readCellsRow(st: State, row: Row): void {
  // Sub-header rows first: 目标申报数 | 预算编制数 would otherwise read as a new header.
  const d = st.side ?? st.draft;
  if (d && d.headerRows.length > 0 && isHeaderContinuation(row)) {
    d.headerRows.push(row);
    d.header = buildHeader(d.header!.kind, d.headerRows);
    if (d.header.moneyUnit) d.form.moneyUnit ??= d.header.moneyUnit;
    return;
  }
  if (d) d.headerRows = [];
  const header = classifyHeader(row);
  if (header) {
    startSection(st, header, row);
    return;
  }
  if (st.side) {
    if (readSideRow(st, row)) return;
    closeSide(st);
  }
  const draft = st.draft;
  if (!draft) return;
  touch(draft, row);
  draft.inNotes = false;
  const first = row.cells[0]!;
  if (isTotalLabel(first.text)) {
    const rest = readTotalRow(draft, row.cells);
    if (rest) draft.form.grade ??= parseGrade(rest);
    draft.closed = true;
    st.section = null;
    return;
  }
  if (isGradeLabel(first.text)) {
    draft.form.grade ??= row.cells.slice(1).map((c) => parseGrade(c.text)).find((g) => g) ?? tidyCjkSpaces(row.cells[1]?.text ?? "") ?? null;
    return;
  }
  if (/偏差|存在的?主要?问题|改进措施/.test(keyOf(first.text)) && row.cells.length >= 2) {
    const said = row.cells.slice(1).map((c) => tidyCjkSpaces(c.text)).join("\n");
    draft.form.deviation = draft.form.deviation ? `${draft.form.deviation}\n${said}` : said;
    return;
  }
  if (readFactsRow(st, draft, row)) return;
  switch (st.section) {
    case "funding": {
      const line = readFundingRow(draft, row);
      if (line) draft.form.funding.push(line);
      return;
    }
    case "goals":
      readGoalsRow(draft, row);
      return;
    case "indicators": {
      if (draft.closed) return;
      const ind = readIndicatorRow(draft, row);
      if (ind) draft.form.indicators.push(ind);
      return;
    }
    case "targets":
      if (st.targets) readTargetsRow(st.targets, row);
      return;
    case "projectList": {
      const f = readProjectListRow(draft, row, draft.parentSeq);
      if (f) st.forms.push(finishForm(f));
      return;
    }
    default:
      return;
  }
}

/** 项目名称 | X ; 主管部门及代码 | [187]… | 实施单位 | … : label cells followed by values. */
function readFactsRow(st: State, draft: Draft, row: Row): boolean {
  const cells = row.cells.flatMap(splitGluedLabel);
  const firstKey = factKeyOf(cells[0]!.text);
  if (!firstKey || cells.length < 2 || firstKey === "agency" && st.section !== null) return false;
  if (firstKey === "projectName" && !draft.container && (draft.form.indicators.length > 0 || draft.closed)) {
    // A new project block without a new title: the next form of the same kind.
    const kind = draft.form.kind;
    const title = draft.form.title;
    const carried = { agency: draft.form.agency, fiscalYear: draft.form.fiscalYear, fillDate: draft.form.fillDate };
    closeDraft(st);
    const next = newDraft(kind, title, row);
    Object.assign(next.form, carried);
    st.draft = next;
    draft = next;
  }
  for (let i = 0; i < cells.length; i++) {
    const key = factKeyOf(cells[i]!.text);
    if (!key) continue;
    const value = cells[i + 1];
    if (value && !factKeyOf(value.text)) {
      applyFact(draft.form, key, value.text);
      i++;
    }
  }
  return true;
}

function startSection(st: State, kind: SectionKind, row: Row): void {
  if (!st.draft && kind === "funding") {
    // A funding table outside any form: the report's own 预算执行情况.
    closeSide(st);
    const side = newDraft("project_self_eval", null, row);
    side.header = buildHeader(kind, [row]);
    side.headerRows = [row];
    side.form.moneyUnit = side.header.moneyUnit;
    st.side = side;
    return;
  }
  if (!st.draft) {
    // A form table with no title line before it.
    const inferred: FormKind = kind === "projectList" ? "project_list" : kind === "targets" ? "project_targets" : "project_self_eval";
    startForm(st, inferred, "", row);
    st.draft!.form.title = null;
    st.draft!.untitled = true;
  }
  const d = st.draft!;
  d.header = buildHeader(kind, [row]);
  d.headerRows = [row];
  if (d.header.moneyUnit) d.form.moneyUnit ??= d.header.moneyUnit;
  st.section = kind;
  touch(d, row);
  if (kind === "targets" && !st.targets) st.targets = newTargetsState(d);
}

// ---- side tables (a report's own budget table) -----------------------------------------------

function readSideRow(st: State, row: Row): boolean {
  const side = st.side!;
  const line = readFundingRow(side, row);
  if (!line) return false;
  side.form.funding.push(line);
  return true;
}

function closeSide(st: State): void {
  const side = st.side;
  if (!side) return;
  st.side = null;
  const total = side.form.funding.find((l) => l.sourceKind === "total") ?? side.form.funding[0];
  if (!total) return;
  st.sideTables.push({
    page: total.page ?? 1,
    line: total.line,
    moneyUnit: side.form.moneyUnit,
    projectName: projectFromReportTitle(st),
    budget: total.budget,
    executed: total.executed,
    balance: total.balance,
    executionRate: total.executionRate,
    score: total.score,
  });
}

/** 2022 年度医药招采与基金监管工作经费绩效自评分析报告 → 医药招采与基金监管工作经费. */
function projectFromReportTitle(st: State): string | null {
  for (const n of st.narrative.slice(0, 12)) {
    const k = keyOf(n.text);
    const m = k.match(/^(?:\d{4}年度?)?(.+?)(?:项目)?(?:支出)?绩效自?评[价分]?.*报告$/);
    if (m && m[1]) return m[1];
  }
  return null;
}


/**
 * A self-evaluation report states its grade in prose (综合绩效评价等级为优秀) while
 * its form has no 结论 row: when exactly one self-evaluation form lacks a grade
 * and the prose states exactly one, that is the form's grade.
 */
function gradeFromNarrative(forms: Form[], narrative: NarrativeLine[]): void {
  const open = forms.filter((f) => f.grade === null && (f.kind === "project_self_eval" || f.kind === "department_self_eval"));
  if (open.length !== 1) return;
  // Lines are joined first: a PDF may wrap 等级为优 | 秀 across two lines.
  const prose = narrative.map((n) => keyOf(n.text)).join("");
  const stated = [...prose.matchAll(/(?:评价|绩效|自评)等[级次]为?["“]?(优秀|良好|优|良|中等|中|差|不合格|合格)/g)].map((m) => m[1]!);
  if (new Set(stated).size === 1) open[0]!.grade = stated[0]!;
}

/**
 * A borderless table can join a label and its value into one cell
 * (实施单位黔南…局): split it back when the cell starts with a fact label.
 */
function splitGluedLabel(cell: RowCell): RowCell[] {
  const k = keyOf(cell.text);
  if (factKeyOf(k)) return [cell];
  for (let n = 2; n <= Math.min(8, k.length - 2); n++) {
    const key = factKeyOf(k.slice(0, n));
    if (key && key !== "agency") {
      return [{ ...cell, text: k.slice(0, n) }, { ...cell, text: k.slice(n).replace(/^[:：]/, "") }];
    }
  }
  return [cell];
}
