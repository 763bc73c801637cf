/**
 * The normalize stage's orchestrator: read the row stream of one extracted
 * document and build its forms.
 */
import type { ExtractedDocument } from "@jixiao/extract";
import type { Form, FormKind, FundingLine, Indicator, NarrativeLine, NormalizedDocument, SideTable } from "./model.ts";
import { NormalizedDocument as NormalizedDocumentSchema, pageUnitOf } from "./model.ts";
import { toRows, withWrittenOutLabelsInherited, type Row, type RowCell } from "./rows.ts";
import { joinStackedHeaders } from "./stacked-headers.ts";
import { markGroupedMoneyHeaders, readGroupedMoneyRow } from "./grouped-money-header.ts";
import { readSourceColumnsRow } from "./source-columns.ts";
import { pairLabelRuns } from "./text-label-runs.ts";
import { newDraft, noteDeclaredUnits, soleDeclaredUnit, touch, applyFact, factFromLine, type Draft } from "./draft.ts";
import { classifyHeader, buildHeader, isHeaderContinuation, monthsInTitle, spreadFlatGroups, type SectionKind } from "./headers.ts";
import { MONITORING_KINDS } from "./families.ts";
import { align, extraOf, isUnderAmountColumn, readFundingRow, readGoalsRow, readIndicatorRow, readLevelLine, readTotalRow } from "./sections.ts";
import { newTargetsState, readTargetsRow, finishTargets, readProjectListRow, type TargetsState } from "./containers.ts";
import { headerField, titleKind, factKeyOf, isTotalLabel, isGradeLabel, isOtherTableTitle, isKnownLabel, looksLikePerformanceTitle, level1Of, level2Of, TITLE_PREFIX, type FactKey } from "./vocab.ts";
import { readChecklistFunding, repeatsCurrentItem } from "./checklist-funding.ts";
import { readFieldPairsRow } from "./field-pairs-funding.ts";
import { readCostTableRow } from "./cost-table.ts";
import { fundingFromFacts, isLabelShaped, isMoneyGroup, isMoneyLabel, labelText, labelValuePairs, recordFact, splitColonCell, withBracketedParts } from "./facts.ts";
import { mostFrequent, yearOfPath } from "./year.ts";
import { withVocabulary, type Vocabulary } from "./vocabulary.ts";
import { isEmptyValue, isUnitAlone, parseFiscalYear, parseGrade, parseMoneyUnit, parseNumber } from "./values.ts";
import { endsWithColon, keyOf, tidyCjkSpaces } from "./text-key.ts";
import { finishForm } from "./finish.ts";
import { resolveMoneyUnits } from "./money-unit.ts";
import { GOALS_HEADER_CELLS, isGoalWordedGrid, isNamedTargetsHeader, notePartPoints, notePointCaptions, readMergedLabelLine, readValueBelow, withoutValueBelow, withPointCaptions } from "./header-block-values.ts";
import { coverFromLine, coverPairs, formFromCover, opensCoveredForm, reportFamily, type ReportCover } from "./report-cover.ts";
import { hasOwnContent, namesAnotherForm } from "./form-boundaries.ts";

export interface NormalizeHints {
  /** File path, used for a fiscal year when the document prints none (its name, then its folders). */
  fileName?: string;
  /** A user's vocabulary (jixiao --vocab), tried before the built-in one. */
  vocabulary?: Vocabulary;
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
  /** The title of a table that is not a form (收入支出决算总表) was the last title seen. */
  foreignTable: boolean;
  /** The last title line of a performance form whose family is unknown, until a form starts. */
  unknownTitle: string | null;
  /** The year a form's sheet is named by (2021年 项目自评), for a form that prints none. */
  sheetYears: Map<Form, number>;
  /** The sheet the current draft is read from. */
  sheet: string | null;
  /** A self-evaluation report's cover, with the pairs printed outside any form (report-cover.ts). */
  cover: ReportCover | null;
  /** Forms read before the current cover (0, or the forms closed by a later report's title): a cover is the next form's. */
  coverBase: number;
  /** The last line of text read, for a report title wrapped over two lines. */
  prevText: string | null;
  /** The last narrative line read outside a form (the first line of a wrapped report title). */
  lastLine: string | null;
  /** A heading naming a project's targets (3岁以下婴幼儿照护服务项目项目绩效目标), for the target form under it. */
  projectHeading: { name: string; page: number } | null;
  /** label：value lines just read outside any form: the next form's, if its title follows them (报表编号：…). */
  pending: { label: string; value: string; page: number; line: number | null }[];
  /**
   * The last line of label：value pairs outside any form that names a project or a department
   * (部门编码：316 部门名称：浮梁县林业局 联系人：王媛), with its page: an indicator grid with no title
   * below it on that page is that project's or department's form.
   */
  naming: { pairs: { label: string; value: string; page: number; line: number | null }[]; key: "projectName" | "agency" } | null;
  /**
   * Untitled indicator trees with no money, total or naming row (a report's 绩效指标 table): no form
   * while the document holds forms of its own, the only record of one when it holds none.
   */
  reportGrids: Draft[];
  /** The table the last row of cells came from, to tell a table's first row. */
  lastTable: number | null;
  /** The last row of cells read, as printed: a label written out on the next row repeats one of its cells. */
  lastCells: Row | null;
  /** Indicators the open form held when the current table began: those after were read from this table. */
  indicatorsBeforeTable: number;
  /** The row before, when it held words only and headed nothing: the first row of a header the next may finish. */
  wordsAbove: Row | null;
  /** Whether the row being read is the first of its table. */
  firstOfTable: boolean;
  /** The form the current untitled draft was split from (namesAnotherForm): a draft that ends with no content is its footer. */
  splitFrom: Form | null;
}

export function normalizeDocument(doc: ExtractedDocument, hints: NormalizeHints = {}): NormalizedDocument {
  return withVocabulary(hints.vocabulary, () => normalizeWithVocabulary(doc, hints));
}

function normalizeWithVocabulary(doc: ExtractedDocument, hints: NormalizeHints): NormalizedDocument {
  const st: State = {
    forms: [], narrative: [], sideTables: [], warnings: [], draft: null, section: null, targets: null,
    docYear: null, side: null, lastTitle: null, foreignTable: false, sheetYears: new Map(), sheet: null, unknownTitle: null,
    cover: null, coverBase: 0, prevText: null, lastLine: null, pending: [], projectHeading: null, naming: null, reportGrids: [], lastTable: null, lastCells: null, indicatorsBeforeTable: 0, wordsAbove: null, splitFrom: null, firstOfTable: false,
  };
  // (Plain extracted text prints a header block's labels and values column by column.)
  const rows = markGroupedMoneyHeaders(joinStackedHeaders(joinWrappedTitles(toRows(doc))));
  for (const row of doc.format === "txt" ? pairLabelRuns(rows) : rows) readRow(st, row);
  closeDraft(st);
  closeSide(st);
  const fromCover = st.forms.length === st.coverBase && st.cover ? formFromCover(st.cover) : null;
  if (st.forms.length === 0) st.forms.push(...formsFromReportGrids(st, fromCover));
  else if (fromCover) st.forms.push(finishForm(fromCover));
  else for (const d of st.reportGrids) st.warnings.push(`第${d.form.pageFrom ?? "?"}页：无标题、无资金和总分的指标表未作为表单读取`);
  const path = hints.fileName ? yearOfPath(hints.fileName) : { file: null, folder: null };
  st.forms.forEach((f, i) => {
    f.seq = i + 1;
    // A monitoring form's period printed in its title only (2023年1-6月…监控表 over 执行数 columns).
    if (f.asOfMonth === null && MONITORING_KINDS.has(f.kind) && f.title) f.asOfMonth = monthsInTitle(f.title);
    if (f.fiscalYear !== null) {
      f.fiscalYearSource ??= "printed";
      return;
    }
    const sheetYear = st.sheetYears.get(f) ?? null;
    const [year, source] = st.docYear !== null ? [st.docYear, "document" as const]
      : sheetYear !== null ? [sheetYear, "sheet" as const]
      : path.file !== null ? [path.file, "file_name" as const]
      : path.folder !== null ? [path.folder, "folder" as const] : [null, null];
    f.fiscalYear = year;
    f.fiscalYearSource = source;
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

/** The last characters of a title a page may wrap onto a line of their own (…项目自评 / 表). */
const TITLE_TAIL = 6;

/**
 * A title wrapped onto a second line (2022年度…项目自评 / 表, …绩效目标 / 申报表) is one
 * line again: the words of a line alone name no form until their last characters join them.
 */
function joinWrappedTitles(rows: Row[]): Row[] {
  const out: Row[] = [];
  for (const row of rows) {
    const prev = out[out.length - 1];
    if (prev && prev.kind === "text" && row.kind === "text" && row.page === prev.page && keyOf(row.text).length <= TITLE_TAIL
      && titleKind(prev.text) === null && titleKind(prev.text + row.text) !== null) {
      out[out.length - 1] = { ...prev, text: prev.text + row.text };
      continue;
    }
    out.push(row);
  }
  return out;
}

function readRow(st: State, row: Row): void {
  if (row.sheet !== undefined && row.sheet !== st.sheet) {
    // A form does not run from one sheet into the next.
    if (st.sheet !== null) {
      closeDraft(st);
      closeSide(st);
    }
    st.sheet = row.sheet;
  }
  const single = row.kind === "text" ? row.text : row.cells.length === 1 ? row.cells[0]!.text : null;
  const tk = single ? titleKind(single) : null;
  if (tk) {
    // (Lines held after the form before that name another project or department were printed over this title.)
    detachHeldNamingAnother(st, [], true);
    startForm(st, tk, single!, row);
    return;
  }
  // A self-evaluation report's title (…绩效评价自评报告, or wrapped over two lines: 岳阳市2018年度部门整体支出 /
  // 绩效评价自评报告) after a form: the form has ended; the report's cover starts, the next form's.
  const prevText = st.prevText;
  st.prevText = row.kind === "text" ? row.text : null;
  const wrappedTitle = row.kind === "text" && prevText !== null && reportFamily(prevText + row.text) !== null;
  const reportTitle = row.kind === "text" && (reportFamily(row.text) !== null || wrappedTitle);
  if (st.draft && reportTitle) {
    closeDraft(st);
    closeSide(st);
    st.cover = null;
    st.coverBase = st.forms.length;
    st.lastLine = wrappedTitle ? prevText : null;
    readTextLine(st, row);
    return;
  }
  if (single && looksLikePerformanceTitle(single)) {
    // 项目支出绩效运行情况表: a performance form of a family the vocabulary does not name.
    endAtTitle(st, row, single);
    st.unknownTitle = single;
    return;
  }
  // (Plain text may print such a title and its year line, 财政评审报告 | ( 2020 年度), as a row of two.)
  const titled = single ?? (row.cells.length === 2 && isYearLine(keyOf(row.cells[1]!.text)) ? row.cells[0]!.text : null);
  if (titled && isOtherTableTitle(titled)) {
    // 收入支出决算总表, 政府采购情况表: a table that is not a form ends the form before it.
    endAtTitle(st, row, titled);
    st.foreignTable = true;
    return;
  }
  if (row.kind === "text") readTextLine(st, row);
  else readCellsRow(st, row);
}

/** A title line that starts no known form: the form before it ends, the line is kept as narrative. */
function endAtTitle(st: State, row: Row, title: string): void {
  closeDraft(st);
  closeSide(st);
  st.narrative.push({ page: row.page, line: row.line, text: title });
}

/**
 * A form whose title names no family the vocabulary knows: it keeps that
 * title as printed (listed as unrecognised, so a vocabulary entry can name its
 * family) or none, and is kept at its end only with evidence of its own.
 */
function startUntitled(st: State, kind: FormKind, row: Row): void {
  const title = st.unknownTitle;
  startForm(st, kind, "", row);
  const d = st.draft!;
  d.untitled = true;
  d.form.title = title ? tidyCjkSpaces(title) : null;
  if (d.form.title) d.form.unrecognizedLabels.push(d.form.title);
}

function startForm(st: State, kind: FormKind, title: string, row: Row): void {
  const parent = kind === "project_list" ? lastDepartmentSeq(st) : null;
  closeDraft(st);
  closeSide(st);
  const d = newDraft(kind, title, row);
  d.provisionalYear = d.form.fiscalYear !== null;
  // 报表编号：510000_0013zp printed above the title is the form's.
  // (A caption's 单位名称:塘湖镇政府 over the table yields to the form's own 单位名称 | 塘湖镇人民政府 cell, and so does
  // any field a line above the title names: (3)实施主体:蒙城县卫生健康委员会 to the form's 实施单位 | 卫健委.)
  const fromCaption = (form: Form, key: FactKey, value: string) =>
    WHO_AND_WHAT.has(key) ? void (d.captionFields ??= []).push({ key, value }) : applyFact(form, key, value);
  for (const p of st.pending) if (p.page === row.page) recordFact(d.form, p, p.page, p.line, fromCaption, d.factFunding);
  st.pending = [];
  if (d.form.fiscalYear === null && st.docYear !== null) {
    d.form.fiscalYear = st.docYear;
    d.form.fiscalYearSource = "document";
    d.provisionalYear = true;
  }
  // A publication of targets project by project names each project in a heading over its table.
  if ((kind === "project_targets" || kind === "transfer_targets") && st.projectHeading?.page === row.page) d.form.projectName ??= st.projectHeading.name;
  st.projectHeading = null;
  // The open department draft counted on may have closed empty (not a form): then there is no parent.
  const p = parent !== null ? st.forms[parent - 1] : undefined;
  if (kind === "project_list" && p) {
    d.form.agency = p.agency;
    d.form.fiscalYear = p.fiscalYear;
  }
  d.parentSeq = p ? parent : null;
  st.draft = d;
  st.section = null;
  st.lastTitle = title;
  st.foreignTable = false;
  st.unknownTitle = null;
  st.naming = null;
}

/**
 * The form a report's cover wraps, opened at its table (opensCoveredForm): under the report's title, with the
 * cover's pairs and years. The cover stays, for a report whose table turns out to hold no form.
 */
function startCoveredForm(st: State, cover: ReportCover, row: Row): void {
  st.pending = [];
  startForm(st, cover.kind, cover.title, row);
  const d = st.draft!;
  for (const p of cover.pairs) recordFact(d.form, p, p.page, p.line, applyFact, d.factFunding);
  d.textYears.push(...cover.years);
  d.form.pageFrom = cover.page;
}

/** The fields naming who files a form and what it is about, which its own cells name better than a line above it. */
const WHO_AND_WHAT: ReadonlySet<FactKey> = new Set<FactKey>(["agency", "implementer", "supervisor", "projectName", "projectCode"]);

function lastDepartmentSeq(st: State): number | null {
  const open = st.draft && !st.draft.container && st.draft.form.kind === "department_self_eval" ? st.draft : null;
  if (open) return st.forms.length + 1; // it will be pushed when closed, next
  for (let i = st.forms.length - 1; i >= 0; i--) if (st.forms[i]!.kind === "department_self_eval") return i + 1;
  return null;
}

function closeDraft(st: State): void {
  const d = st.draft;
  if (!d) return;
  if (d.held) releaseHeld(st, d);
  const splitFrom = st.splitFrom;
  st.splitFrom = null;
  if (splitFrom && d.untitled && !hasOwnContent(d.form)) {
    // The table that looked like the next form's header block held no form: the footer of the one before.
    for (const f of d.form.facts) splitFrom.facts.push({ ...f, seq: splitFrom.facts.length + 1 });
    if (d.form.agency) splitFrom.agency ??= d.form.agency;
    st.draft = null;
    st.section = null;
    return;
  }
  for (const { key, value } of d.captionFields ?? []) applyFact(d.form, key, value);
  if (d.form.funding.length === 0 && d.factFunding.length > 0) d.form.funding.push(...fundingFromFacts(d.factFunding));
  else d.form.funding.push(...purposeSplitFromFacts(d));
  if (d.form.fiscalYear === null && d.textYears.length > 0) {
    d.form.fiscalYear = mostFrequent(d.textYears);
    d.form.fiscalYearSource = "text";
  }
  d.form.moneyUnit ??= soleDeclaredUnit(d);
  if (st.targets) {
    for (const f of finishTargets(st.targets)) st.forms.push(finishForm(f));
    st.targets = null;
  } else if (d.untitled && (d.form.funding.length === 0 || d.adoptedFunding) && d.form.totalScore === null && !isWeightedScorecard(d.form) && !(d.tiedTo && d.form.indicators.length > 0)) {
    // A table of indicators inside a narrative report (its 绩效指标完成情况), not a form — unless the
    // document holds no form of its own (formsFromReportGrids).
    // (So is a grid under its own money block, however short: a form where the document holds no other.)
    if (isIndicatorTree(d.form) || (d.adoptedFunding && d.form.indicators.length > 0)) st.reportGrids.push(d);
    else st.warnings.push(`第${d.form.pageFrom ?? "?"}页：无标题、无资金和总分的指标表未作为表单读取`);
  } else if (d.tiedTo === "department" && d.form.indicators.length === 0) {
    // 单位名称 | X over budget columns and no indicator: a budget or final-accounts table, not a form.
    st.warnings.push(`第${d.form.pageFrom ?? "?"}页：无标题、无指标的单位表未作为表单读取`);
  } else if ((hasContent(d) && (!d.container || (d.form.kind !== "project_list" && (d.form.indicators.length > 0 || d.form.projectName !== null)))) || isPairedForm(d.form)) {
    // A target-form title whose table turned out to hold one form (a 申报表: a
    // label：value block and one indicator grid) is that form.
    if (d.tiedTo && d.form.title === null) d.form.kind = untitledKind(d);
    st.forms.push(finishForm(d.form));
    const sheetYear = st.sheet ? yearOfPath(st.sheet).file : null;
    if (sheetYear !== null) st.sheetYears.set(d.form, sheetYear);
    const parentSeq = st.forms.length;
    for (const item of d.items ?? []) st.forms.push(finishForm({ ...item, parentSeq, agency: d.form.agency, fiscalYear: d.form.fiscalYear, moneyUnit: item.moneyUnit ?? d.form.moneyUnit }));
  }
  st.draft = null;
  st.section = null;
}

/**
 * A report's indicator tables, in a document that holds no form of its own (a page of a 自评报告 cut
 * from its forms): each the form it reports, with the cover's pairs where the report printed them.
 * A document that holds forms keeps its report's tables as narrative: they repeat those forms.
 */
function formsFromReportGrids(st: State, cover: Form | null): Form[] {
  if (st.reportGrids.length === 0) return cover ? [finishForm(cover)] : [];
  return st.reportGrids.map((d, i) => {
    const form = cover && i === 0 ? { ...cover, indicators: d.form.indicators, pageTo: d.form.pageTo } : d.form;
    // (The year the report's own text speaks of: 于2020年初向财政局进行资金申报.)
    const years = [...d.textYears, ...(d.narrativeYears ?? [])];
    form.fiscalYear ??= st.docYear ?? (years.length > 0 ? mostFrequent(years) : null);
    if (form.fiscalYear !== null) form.fiscalYearSource ??= "text";
    if (!cover || i > 0) form.kind = untitledKind(d);
    st.warnings.push(`第${d.form.pageFrom ?? "?"}页：文中无表单，无标题的指标表按表单读取`);
    return finishForm(form);
  });
}

/**
 * Levels, names and targets on three rows or more, and on most of its rows (layout text may glue a
 * row's cells): the tree of a form's indicators, not a list that mentions some.
 */
function isIndicatorTree(form: Form): boolean {
  const full = form.indicators.filter((i) => (i.level1 !== null || i.level2 !== null) && i.name && i.targetText !== null);
  return full.length >= MIN_TREE_ROWS && full.length >= TREE_SHARE * form.indicators.length;
}
const MIN_TREE_ROWS = 3;
const TREE_SHARE = 2 / 3;

/**
 * The family of a form that printed no title at all, by what it holds: nothing achieved
 * (no 实际完成值, 得分, 执行数 or 1–N月 figures) is a target form; otherwise a self-evaluation.
 */
function untitledKind(d: Draft): FormKind {
  const f = d.form;
  if (f.kind !== "project_self_eval" && f.kind !== "department_self_eval") return f.kind;
  // (Opened by its department's name or 主管部门, the header block went on to name a project: a project's form.)
  if (f.kind === "department_self_eval" && f.projectName !== null && d.tiedTo === "department" && d.openedBy === "supervisor") f.kind = "project_self_eval";
  const achieved = f.indicators.some((i) => i.actualText !== null || i.actualToDateText !== null || i.score !== null)
    || f.funding.some((l) => l.executed !== null || l.executedToDate !== null) || f.totalScore !== null;
  if (achieved) return f.kind;
  return f.kind === "project_self_eval" ? "project_targets" : "department_targets";
}

/**
 * An untitled scoring sheet (一级/二级/三级指标 with 分值, no target or achieved
 * column) is a form by its own structure: its weights are its evidence.
 */
function isWeightedScorecard(form: Form): boolean {
  return form.kind === "evaluation_scorecard" && form.indicators.filter((i) => i.weight !== null).length >= 3;
}

/**
 * A titled target form whose indicator grid could not be read (text that lost
 * its columns) is still that form when its label：value block printed its
 * facts and an amount: the form exists, and is reported as partial.
 */
const MIN_FORM_FACTS = 3;
/** Lines with an amount a titled form's money block has at least to be that form by itself. */
const MIN_FUNDED_LINES = 2;
/** Labels a titled form with no money, indicator or named subject has at least to be kept (isScrambledForm). */
const MIN_SCRAMBLED_FACTS = 8;
/**
 * A heading that names a project's (or a fund's) targets, in a publication of targets project by
 * project: 3岁以下婴幼儿照护服务项目项目绩效目标, 农村危房改造补助资金绩效目标.
 */
const PROJECT_TARGETS_HEADING = /^(.{2,40}?(?:项目|资金|经费|工程|补助))(?:项目)?绩效目标$/;
/** A whole unit's form: 部门整体 self-evaluation, targets or monitoring. */
const isDepartmentKind = (kind: FormKind) => kind.startsWith("department_");
/** 基本支出 / 项目支出 (and 其中:基本支出). */
const PURPOSE_LINE = /^(?:其中:)?(基本支出|项目支出)$/;

/**
 * A department's money split by purpose, printed as label：amount pairs beside
 * its funding block's columns (按支出性质分:1925.67 | 其中:基本支出:900.47 |
 * 项目支出:1025.20): lines of the block, so that the split is checked against
 * its total, unless the block prints such lines itself.
 */
function purposeSplitFromFacts(d: Draft): FundingLine[] {
  if (!isDepartmentKind(d.form.kind) || !d.form.funding.some((l) => l.sourceKind === "total")) return [];
  const purpose = (source: string) => PURPOSE_LINE.exec(keyOf(source))?.[1];
  if (d.form.funding.some((l) => purpose(l.source))) return [];
  const lines = d.factFunding.map((f) => f.line).filter((l) => purpose(l.source) && l.budget !== null);
  if (new Set(lines.map((l) => purpose(l.source))).size !== 2 || lines.length !== 2) return [];
  return lines.map((l, i) => ({ ...l, seq: d.form.funding.length + i + 1 }));
}

function isPairedForm(form: Form): boolean {
  // (A department's target form that a page prints only the head of — its pairs and the department they name —
  // is that form too: 部门(单位)名称 | 广水市教育局 | 填报人 | … before the cut.)
  const tied = form.funding.length > 0 || (isDepartmentKind(form.kind) && form.agency !== null);
  // (So is one under its family's title whose money block was read, lines with amounts, whatever its pairs lost:
  // Chromium's narrow text read 部门(单位) | 广水市教育局 | 名称 as one cell, leaving no pair that names it.)
  const funded = form.funding.filter((f) => f.budget !== null || f.executed !== null).length >= MIN_FUNDED_LINES;
  return form.title !== null && (funded || (form.facts.length >= MIN_FORM_FACTS && (tied || isScrambledForm(form))));
}

/**
 * A form under its family's title whose cells came in an order no row can be
 * rebuilt from (plain pdftotext of a dense table: 项目名称 | 填报日期:2022年8月10日,
 * 广水市交通运输局位 | 95, 一级指标 | 二级指标): its own labels, the one that names
 * its subject among them, are what is left of it. It is the form the title
 * announces, kept with what could be read (and reported as partial), not dropped.
 */
function isScrambledForm(form: Form): boolean {
  return form.facts.length >= MIN_SCRAMBLED_FACTS && form.facts.some((f) => f.field === "project_name" || f.field === "agency");
}

/** The header words of an indicator grid's levels and names: 一级指标, 二级指标, 三级指标. */
const LEVEL_HEADER_FIELDS = new Set<string>(["level1", "level2", "name"]);

function hasContent(d: Draft): boolean {
  const f = d.form;
  // (A department's form under its own title that names its department is one even where the page
  // breaks off before its money and indicators, as a project's form that names its project is.)
  return f.indicators.length > 0 || f.funding.length > 0 || f.totalScore !== null || f.projectName !== null
    || (!d.untitled && f.title !== null && isDepartmentKind(f.kind) && f.agency !== null)
    // (A family's title over its levels' header words whose rows could not be read, plain text's scorecard: a form, partial.)
    || (!d.untitled && f.title !== null && d.sawLevelHeaders === true);
}

// ---- narrative lines ---------------------------------------------------------------

/** (2023年度), 2023年 alone on a line or in a cell of its own: the year a form is of. */
function isYearLine(k: string): boolean {
  return k.length <= 14 && /^\(?\d[\d,]{3,4}年度?\)?$/.test(k.replace(/\s/g, ""));
}

function readTextLine(st: State, row: Row, hold = true): void {
  const d = st.draft;
  const text = row.text;
  const k = keyOf(text);
  // 单位名称：塘湖镇政府 after a form with content of its own: the form's footer, or the next form's header line
  // when a table of another project or department follows. Held until the next row says which.
  if (d && hold && !st.side && hasOwnContent(d.form) && factFromLine(text).some((f) => f.key === "projectName" || f.key === "agency")) {
    (d.held ??= []).push(row);
    return;
  }
  if (d?.held) releaseHeld(st, d);
  // A heading naming a project's targets (3岁以下婴幼儿照护服务项目项目绩效目标) after a form: the form has ended.
  if (d && hasOwnContent(d.form) && PROJECT_TARGETS_HEADING.test(k.replace(TITLE_PREFIX, ""))) {
    closeDraft(st);
    readTextLine(st, row);
    return;
  }
  if (!d) {
    // (Not the date a report was written, 报告日期:2017 年7 月 15 日: the year after the one it accounts for, often.)
    st.docYear ??= /年度?/.test(k) && k.length <= 80 && !FILING_DATE.test(k) ? parseFiscalYear(text) : null;
    const heading = PROJECT_TARGETS_HEADING.exec(k.replace(TITLE_PREFIX, ""));
    if (heading) st.projectHeading = { name: heading[1]!, page: row.page ?? 1 };
    noteCoverLine(st, row, text);
    st.narrative.push({ page: row.page, line: row.line, text });
    return;
  }
  touch(d, row);
  // (一级指标 / 二级指标 / 三级指标 on lines of their own, as plain text prints a grid column by column: the form's
  // indicator header, though its rows may not be read.)
  if (LEVEL_HEADER_FIELDS.has(headerField(text) ?? "")) d.sawLevelHeaders = true;
  (d.narrativeYears ??= []).push(...yearsInCells({ ...row, cells: [{ col: 0, colSpan: 1, text }] }));
  if (st.section !== "indicators") noteDeclaredUnits(d, [text]);
  // (资金使用情况(万元) alone on its line after a block of money pairs: the next column of pairs, under its label —
  // what was spent of each line above, fundingFromFacts.)
  if (st.section === null && !d.closed && !row.exact && d.factFunding.length > 0 && isLabelShaped(text) && /^(?:资金|经费|预算)(?:使用|支出|执行)情况(?:\((?:万元|元)\))?$/.test(k)) {
    d.textMoneyBlock = { label: text, column: Math.max(...d.factFunding.map((f) => f.column)) + 1 };
    st.narrative.push({ page: row.page, line: row.line, text });
    return;
  }
  // (Text that lost its columns prints the value under a row's last label as a line of its own.)
  if (st.section === null && !d.closed && d.valuesBelow?.length === 1 && readValueBelow(d, { ...row, kind: "cells", cells: [{ col: d.valuesBelow[0]!.col, colSpan: 1, text }], allCells: [] })) return;
  d.valuesBelow = undefined;
  // (And the next item of a numbered value whose label was merged down beside it: 中长期绩效目标's 2.….)
  const line = { ...row, kind: "cells" as const, cells: [{ col: 1, colSpan: 1, text }], allCells: [] };
  if ((st.section === null || st.section === "funding") && !d.closed && readMergedLabelLine(d, line)) return;
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
  // (Its own, over a year an earlier sheet's line gave the document — a workbook's 2019 监控表 after its 2020 目标表 —
  // or one its title printed: 2019年210青少年校园足球扶持资金绩效目标表 over (2020年度).)
  if (isYearLine(k)) {
    if (d.provisionalYear) [d.form.fiscalYear, d.form.fiscalYearSource] = [null, null];
    d.provisionalYear = false;
    d.form.fiscalYear ??= parseFiscalYear(text);
    return;
  }
  if (isLabelShaped(text) && factKeyOf(text) === "projectName") {
    // 单位名称/项目名称 left blank on a line of its own (a spreadsheet row whose other
    // cells are empty) opens the next form just as the same label in a table row does.
    readFactsRow(st, d, { ...row, kind: "cells", cells: [{ col: 0, colSpan: 1, text }], allCells: [] });
    return;
  }
  // 项目总得分99分, 自评总分：95.5 on a line of its own: the form's total, printed outside its table.
  if (readTotalLine(d, row, text)) return;
  const facts = factFromLine(text);
  if (facts.length > 0) {
    for (const f of facts.flatMap(withBracketedParts)) recordFact(d.form, f, row.page, row.line, applyFact, d.factFunding);
    return;
  }
  if (readHeaderLine(st, row)) return;
  if (st.section === "indicators" && readLevelLine(d, text)) return;
  // 总体目标 | 年度目标 over one long cell: copied text prints that cell as a line of its own.
  if (st.section === "goals" && d.form.goals.length === 0 && !d.closed) {
    const cells = [{ col: 0, colSpan: 1, text }];
    readGoalsRow(d, { ...row, kind: "cells", cells, allCells: cells });
    return;
  }
  // A bare agency line under a title (衡阳市医疗保障局) before any table.
  if (!d.form.agency && d.form.funding.length === 0 && d.form.indicators.length === 0 && /(局|委|办|院|中心|政府|厅|部|所|站|会|室|处|队)$/.test(k) && k.length <= 30) {
    d.form.agency = tidyCjkSpaces(text);
    return;
  }
  st.narrative.push({ page: row.page, line: row.line, text });
}

/** 项目总得分99分, 自评总分：95.5: a line (or a cell across a table) giving the form's total; false when it is not one. */
function readTotalLine(d: Draft, row: Row, text: string): boolean {
  const total = text.match(/^\s*(\S{0,10}?(?:总分|总得分|综合得分))\s*[:：]?\s*(\d{1,3}(?:\.\d+)?)\s*分?\s*$/);
  if (!total || !isTotalLabel(total[1]!)) return false;
  recordFact(d.form, { label: total[1]!, value: text.slice(text.indexOf(total[2]!)).trim() }, row.page, row.line, applyFact, d.factFunding);
  d.form.totalScore ??= Number(total[2]);
  return true;
}

/**
 * 项目年度目标1:乡村道路建设养护项目 in one cell across the whole table, at the top of a page's table of
 * indicators: the caption of what follows, a label：value pair of the form, not an indicator.
 */
function readCaptionPair(draft: Draft, row: Row): boolean {
  const columns = draft.header?.columns ?? [];
  if (row.cells.length !== 1 || columns.length === 0) return false;
  const cell = row.cells[0]!;
  const across = cell.col <= Math.min(...columns.map((c) => c.col)) && cell.col + cell.colSpan > Math.max(...columns.map((c) => c.col));
  if (!across) return false;
  // (A numbered label, 项目年度目标1, is a label here: a caption across the table has no other reading.)
  const numbered = cell.text.match(/^\s*([\u3400-\u9fff][^:：\n。,，;；]{1,15}?\d*)\s*[:：]\s*(\S[\s\S]*)$/);
  const pair = splitColonCell(cell.text) ?? (numbered ? { label: numbered[1]!, value: numbered[2]!.trim() } : null);
  if (!pair) return false;
  recordFact(draft.form, pair, row.page, row.line, applyFact, draft.factFunding);
  return true;
}

/**
 * A header the extractor left as a line of text (一级指标 分值 二级指标 分值 三级指标 …
 * over a table whose first rows wrapped too much to be read as one): its words,
 * one column each, are the header of the table that follows.
 */
const MIN_HEADER_LINE_WORDS = 4;
function readHeaderLine(st: State, row: Row): boolean {
  const words = row.text.trim().split(/\s+/);
  if (words.length < MIN_HEADER_LINE_WORDS || !words.every((w) => headerField(w) !== null)) return false;
  const cells = words.map((text, col) => ({ col, colSpan: 1, text }));
  const header: Row = { ...row, kind: "cells", cells, allCells: cells };
  const kind = classifyHeader(header);
  if (kind !== "indicators") return false;
  startSection(st, kind, header);
  return true;
}

/**
 * A report title before any form opens a cover; label：value lines after it are its pairs.
 * Any run of label：value lines is held for a form whose title comes right after it.
 */
function noteCoverLine(st: State, row: Row, text: string): void {
  const pairs = coverPairs(text);
  if (pairs.length > 0) st.pending.push(...pairs.map((p) => ({ ...p, page: row.page, line: row.line })));
  else if (!isCaption(text)) st.pending = [];
  const key = pairs.map((p) => factKeyOf(p.label)).find((k) => k === "projectName" || k === "agency");
  const placed = pairs.map((p) => ({ ...p, page: row.page, line: row.line }));
  if (key) st.naming = { pairs: placed, key };
  // (Pairs on later lines of the page, 联系电话：…, are the same block's.)
  else if (st.naming && st.naming.pairs[0]!.page === row.page) st.naming.pairs.push(...placed);
  if (st.forms.length === st.coverBase) {
    const cover = st.cover === null ? coverFromLine(text, st.lastLine, row) : null;
    if (cover) st.cover = cover;
    else if (st.cover) for (const f of pairs) st.cover.pairs.push({ ...f, page: row.page, line: row.line });
  }
  st.lastLine = text;
}

/** Characters of a caption at most (概要, 基本情况): a heading over the rows that follow, which keeps the pairs above. */
const MAX_CAPTION = 8;
const isCaption = (text: string): boolean => isLabelShaped(text) && Array.from(keyOf(text)).length <= MAX_CAPTION;

/** A row of label | value cells outside any form, after a report's title: the cover's pairs. */
function noteCoverRow(st: State, row: Row): void {
  // A table's own first rows above the header block of a form that prints no title (评价分值:88.64分评价等级:良,
  // 金额单位:万元 in a merged cell across the table, a caption 概要 between) are held for that form, as lines of
  // text above a form are.
  const printed = printedCells(row);
  // (Or its pair cut into cells, 评价类型:项目实施过程评价□ | 项目完成结果评价■, a line the PDF read as a row.)
  const held = printed.length === 1 ? coverPairs(printed[0]!.text)
    : /[:：]/.test(printed[0]?.text ?? "") ? (labelValuePairs(printed, false) ?? []).map((p) => ({ label: p.label, value: p.value })) : [];
  if (held.length) st.pending.push(...held.map((p) => ({ ...p, page: row.page, line: row.line })));
  else if (!(printed.length === 1 && isCaption(printed[0]!.text))) st.pending = [];
  if (!st.cover || st.forms.length > st.coverBase || st.side) return;
  for (const p of labelValuePairs(printed, true) ?? []) st.cover.pairs.push({ label: p.label, value: p.value, page: row.page, line: row.line });
  st.cover.years.push(...yearsInCells(row));
}

// ---- table rows --------------------------------------------------------------------

/**
 * A grid that writes its merged cells out (a workbook unmerged with fill-down) prints the block label of the
 * part's header (年度预算申请(万元) merged down beside the money block) again on each of its lines: that copy is
 * the header's, not the line's, whose own cells (其中: 一般公共预算:1873.66万元 | 其中:基本支出:…) are read as
 * they would be without it. (A row of nothing but copies, a header repeated, stays as it is.)
 */
function withoutHeaderCopies(draft: Draft, row: Row): Row {
  const labels = draft.header?.labels;
  if (!row.exact || !labels) return row;
  const copy = (c: Row["cells"][number]) => labels.get(c.col) !== undefined && keyOf(c.text) === keyOf(labels.get(c.col)!);
  // (The copies lead the row, where the merged label stood; a header's word further right is the next header's own.)
  let lead = 0;
  while (lead < row.cells.length && copy(row.cells[lead]!)) lead++;
  if (lead === 0 || lead === row.cells.length) return row;
  return { ...row, cells: row.cells.slice(lead) };
}

/**
 * 评价指标 | 分值 | 评价内容及评分标准 | 备注 right above 一级指标 | 二级指标 | 三级指标, in text copied from a web page
 * (no spans): the row above, no header by itself, is the header's first row — its word naming no field the group
 * over the levels, its other words the columns spanning both rows (spreadFlatGroups places them).
 */
function groupHeaderAbove(above: Row, row: Row): Row | null {
  if (above.table !== row.table || above.gridRow === undefined || row.gridRow !== above.gridRow + 1) return null;
  if (!above.cells.some((c) => headerField(c.text) !== null)) return null;
  const spread = spreadFlatGroups([above, row]);
  return spread.length === 2 && spread[0] !== above ? above : null;
}

/** Words that qualify an amount's column (年初 | 全年 over 预算数 | 预算数 | 执行数). */
const AMOUNT_QUALIFIER = /^(?:年初|全年|调整后|本年|上年|当年|年度|实际|预计|累计)$/;

/**
 * 年初 | 全年 | 全年 right above 预算数 | 预算数 | 执行数, in text laid out by columns (a narrow header cell's words
 * wrapped onto two lines): each word heads the column under it with its own, 年初预算数 apart from 全年预算数. Only a
 * row of such words alone, each over a column word (its column or the next) that it makes another column word.
 */
function withQualifiersAbove(above: Row, row: Row): Row {
  if (row.exact || above.table !== row.table || above.gridRow === undefined || row.gridRow !== above.gridRow + 1) return row;
  if (!above.cells.every((c) => AMOUNT_QUALIFIER.test(keyOf(c.text)))) return row;
  const taken = new Set<Row["cells"][number]>();
  const cells = row.cells.map((c) => {
    const q = above.cells.find((a) => !taken.has(a) && Math.abs(a.col - c.col) <= 1 && headerField(a.text + c.text) !== null);
    if (!q) return c;
    taken.add(q);
    return { ...c, text: `${keyOf(q.text)}${c.text}` };
  });
  return taken.size === above.cells.length ? { ...row, cells, text: cells.map((c) => c.text).join(" ") } : row;
}

/** The columns of an indicator grid a header cell merged down over its rows may head. */
const MERGED_DOWN_HEADS: ReadonlySet<string> = new Set(["target", "adjustedTarget", "actual", "weight", "score", "scoringRule", "description", "reason", "remark", "unit", "valueType"]);

/**
 * 一级指标 | 二级指标 | 三级指标 under 评价指标, beside 分值 | 评价内容及评分标准 | 备注 merged down over both header rows
 * (an exact grid): those cells head their columns on this row too. The row above, whose 评价指标 names no field, was
 * no header by itself, so this row opens the grid and would read no points and no rule without them.
 */
function withHeadersMergedDown(row: Row): Row {
  if (!row.exact || !row.inherited?.length) return row;
  const overlaps = (c: Row["cells"][number]) => row.cells.some((o) => o.col < c.col + c.colSpan && c.col < o.col + o.colSpan);
  const heads = row.inherited.filter((c) => MERGED_DOWN_HEADS.has(headerField(c.text) ?? "") && !overlaps(c));
  if (heads.length === 0) return row;
  const cells = [...row.cells, ...heads].sort((a, b) => a.col - b.col);
  return { ...row, cells, allCells: [...row.allCells.filter((c) => !heads.some((h) => h.col === c.col)), ...heads].sort((a, b) => a.col - b.col) };
}

function readCellsRow(st: State, printed: Row): void {
  st.firstOfTable = printed.table !== null && printed.table !== st.lastTable;
  st.lastTable = printed.table;
  const above = st.lastCells;
  st.lastCells = printed;
  if (st.firstOfTable) st.indicatorsBeforeTable = st.draft?.form.indicators.length ?? 0;
  // (The form's own year line stands over its table: a year line after the table's first row names no form's year.)
  if (st.draft) st.draft.provisionalYear = false;
  // (Above any part's header, or in a money block: a block label written out on each of its rows is read as merged.)
  let row = st.section === null || st.section === "funding" ? withWrittenOutLabelsInherited(printed, above) : printed;
  // Sub-header rows first: 目标申报数 | 预算编制数 would otherwise read as a new header.
  const d = st.side ?? st.draft;
  // (Under a goals header, a full header of another part — 一级指标 | 二级指标 … under
  // 总体目标 — starts that part instead.)
  const own = d && d.headerRows.length > 0 && d.header?.kind === "goals" ? classifyHeader(row) : null;
  if (d && d.headerRows.length > 0 && isHeaderContinuation(row, d.headerRows) && (own === null || own === "goals")) {
    // (A group's label printed on the header's last line opens the first group.)
    if (!row.exact && row.cells.length > 1 && level1Of(row.cells[0]!.text)) readLevelLine(d, row.cells[0]!.text);
    d.headerRows.push(row);
    d.header = buildHeader(d.header!.kind, d.headerRows);
    if (d.header.moneyUnit) d.form.moneyUnit ??= d.header.moneyUnit;
    noteHeader(d);
    return;
  }
  const underIndicatorHeader = d !== null && d.headerRows.length > 0 && d.header?.kind === "indicators";
  if (d) d.headerRows = [];
  if (d) row = withoutHeaderCopies(d, row);
  // (Under a target form's own title, a grid headed with the goals' word, which alone would head goals.)
  if (d && !d.untitled && d.form.title !== null && /targets$/.test(d.form.kind) && isGoalWordedGrid(row)) {
    startSection(st, "indicators", row);
    return;
  }
  const header = classifyHeader(row, underIndicatorHeader, underIndicatorHeader || st.section === "indicators");
  const wordsAbove = st.wordsAbove;
  st.wordsAbove = header === null && !row.exact && row.cells.every((c) => parseNumber(c.text) === null) ? row : null;
  if (header) {
    startSection(st, header, header === "indicators" ? withHeadersMergedDown(row) : header === "funding" && wordsAbove ? withQualifiersAbove(wordsAbove, row) : row);
    const group = header === "indicators" && wordsAbove ? groupHeaderAbove(wordsAbove, row) : null;
    if (group && st.draft) {
      st.draft.headerRows = [group, row];
      st.draft.header = buildHeader(header, st.draft.headerRows);
      noteHeader(st.draft);
    }
    return;
  }
  // Under a target form's own title, a grid of named goals and their targets (绩效目标名称 | 目标值 | 评价指标 |
  // 标准值): its indicators, though it has fewer indicator columns than an untitled grid needs.
  // (Also after the form's goals or money block: 总体目标 | 年度目标 over …, then 绩效指标 | 三级指标 | 指标值.)
  if (d && !d.untitled && d.form.title !== null && /targets$/.test(d.form.kind) && st.section !== "indicators" && isNamedTargetsHeader(row)) {
    startSection(st, "indicators", row);
    return;
  }
  // An indicator header whose points column has no word of its own, only the points of the part
  // (一级指标 | … | 实际完成指标值 | 50) under a label the header block printed over that column (自评得分).
  const captioned = d ? withPointCaptions(d, row) : null;
  if (captioned && classifyHeader(captioned) === "indicators") {
    startSection(st, "indicators", captioned);
    return;
  }
  // (A goals header scored the same way, 年度目标完成情况 | 预期目标 | 目标实际完成情况 | 20: the goals block's points.)
  const goalsCaptioned = d && st.draft === d ? withPointCaptions(d, row, GOALS_HEADER_CELLS) : null;
  if (d && goalsCaptioned && classifyHeader(goalsCaptioned) === "goals") {
    notePartPoints(d.form, row, goalsCaptioned);
    startSection(st, "goals", goalsCaptioned);
    return;
  }
  if (d && st.section === null) notePointCaptions(d, row);
  if (st.side) {
    if (readSideRow(st, row)) return;
    closeSide(st);
  }
  // A table that opens with another project's or department's name (单位名称 | 塘湖镇人民政府 after a form of
  // 黄石市文物局, or under such a line): the form before has ended, though no title line stands between them.
  const open = st.draft;
  if (open && !st.side && (open.held || st.firstOfTable)) {
    // (Only in a grid read as printed: text extracted out of reading order puts a form's rows before its title.)
    const opens = row.exact === true && row.cells.length >= 2 ? openingKey(row) : null;
    const identity = opens !== null && OPENING_TIES.has(opens) ? openingPairs(row) : [];
    const count = st.forms.length;
    if (st.firstOfTable && detachHeldNamingAnother(st, identity)) st.splitFrom = st.forms[count] ?? null;
    else if (open.held) releaseHeld(st, open);
  }
  const opening = !st.draft && !st.foreignTable && row.cells.length >= 2 ? openingKey(row) : null;
  if (opening !== null && OPENING_TIES.has(opening)) {
    // 项目名称 | X (部门名称 | X, 主管部门 | X, 项目编码 | X) opening a table with no title line: the header block
    // of a form, whose parts decide at its end whether it is one (an indicator grid, funding, a total).
    const tie = OPENING_TIES.get(opening)!;
    startUntitled(st, tie === "project" ? "project_self_eval" : "department_self_eval", row);
    st.draft!.tiedTo = tie;
    st.draft!.openedBy = opening;
  } else if (!st.draft && !st.foreignTable && st.cover && st.forms.length === st.coverBase && opensCoveredForm(st.cover, labelValuePairs(printedCells(row), true) ?? [])) {
    startCoveredForm(st, st.cover, row);
  }
  const draft = st.draft;
  if (!draft) {
    // (2022年度) in a cell of its own above the form's table (a page's text laid out as one grid): the year, as
    // the same line of text is.
    if (row.cells.length === 1 && isYearLine(keyOf(row.cells[0]!.text))) st.docYear ??= parseFiscalYear(row.cells[0]!.text);
    noteCoverRow(st, row);
    return;
  }
  touch(draft, row);
  draft.inNotes = false;
  const first = row.cells[0]!;
  // 列次 | 0 | 1 | 2 …: the numbers of the columns, under a header that numbers them; no data.
  if (isColumnNumbers(row)) return;
  // 合计 inside a funding block is its total line, not the form's total score; nor is the 合计
  // of a table in the form's header block (项目预算成本构成's cost lines), which is no form's end.
  // (项目总得分99分 alone in a cell across the table, a workbook's caption row: the total, as the same line of text is.)
  if (row.cells.length === 1 && st.section === null && readTotalLine(draft, row, first.text)) return;
  const headerBlockSum = st.section === null && /^(合计|总计|小计):?$/.test(keyOf(first.text));
  if (isTotalLabel(first.text) && st.section !== "funding" && !headerBlockSum) {
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
  // The form's own account of deviations; a label left blank (偏差或不能完成目标原因分析 | —) is still no indicator.
  if (/偏差|存在的?主要?问题|改进措施|建议或举措|相关建议/.test(keyOf(first.text)) && (row.cells.length >= 2 || (st.section === "indicators" && isLabelShaped(first.text)))) {
    const said = row.cells.slice(1).map((c) => tidyCjkSpaces(c.text)).join("\n");
    if (said) draft.form.deviation = draft.form.deviation ? `${draft.form.deviation}\n${said}` : said;
    return;
  }
  // (Not an indicator's: a scoring rule names plans of other years, XX市2009年产业发展导向目录, and a target the
  // year after the form's, 项目完成时间 2023年底 on 宁夏's 2022 form.)
  if (st.section !== "indicators") {
    draft.textYears.push(...yearsInCells(row));
    noteDeclaredUnits(draft, row.cells.map((c) => c.text));
  }
  if (st.section !== null && isNoteRow(row)) {
    draft.form.notes.push(tidyCjkSpaces(row.cells.map((c) => c.text).join("：").replace(/^(说明|注|备注|填表说明)[:：]+/, "$1：")));
    return;
  }
  // A block label declaring the unit of the amounts beside it (资金结构（万元）) in the header
  // block or the funding block; an indicator named 项目总成本（万元） declares nothing.
  if (st.section === null || st.section === "funding") {
    // (Or the unit alone, the block label's tail that text printed beside its line: (万元.)
    for (const c of row.cells) if ((/\((万元|元)\)$/.test(keyOf(c.text)) && isLabelShaped(c.text)) || isUnitAlone(c.text)) draft.form.moneyUnit ??= parseMoneyUnit(c.text);
  }
  // A checklist's budget pairs (自评内容 | 完成情况) before its labels with colons are read as facts.
  if (st.section === "indicators" && !draft.closed && readChecklistFunding(draft, row)) return;
  // A cost table in the header block (项目预算成本构成 | 金额 | … down to its 合计).
  if (st.section === null && !draft.closed && readCostTableRow(draft, row)) return;
  if (st.section === null && !draft.closed && readFieldPairsRow(draft, row)) return;
  if (!draft.closed && readGroupedMoneyRow(draft, row)) return;
  if (st.section === null && !draft.closed && readValueBelow(draft, row)) return;
  // (Also after a funding block, whose section goes on until another part's header: 中长期绩效目标 over 1.… and 2.…)
  if ((st.section === null || st.section === "funding") && !draft.closed && readMergedLabelLine(draft, row)) return;
  const pairsRow = st.section === null && !draft.closed ? withoutValueBelow(draft, row) : row;
  draft.valuesBelow = undefined;
  // (年度资金总额： | 300 under the block's 全年预算数 column: a line of the money block whose label ends in a colon,
  // not a pair of the header block.)
  // (Or with its amounts left blank, 年度资金总额: | | | in a blank template: a line of the block all the same.)
  const amountUnderHeader = st.section === "funding" && row.exact === true && (row.cells.some((c) => parseNumber(c.text) !== null
    && isUnderAmountColumn(draft, c)) || (endsWithColon(first.text) && row.cells.slice(1).every((c) => isEmptyValue(c.text))));
  if (!amountUnderHeader && pairsRow !== row && readFactsRow(st, draft, pairsRow)) return;
  if (!amountUnderHeader && readFactsRow(st, draft, row)) return;
  switch (st.section) {
    case "funding": {
      const across = readSourceColumnsRow(draft, row);
      if (across) {
        draft.form.funding.push(...across);
        return;
      }
      const line = readFundingRow(draft, row);
      if (line) draft.form.funding.push(line);
      else keepRowAsFact(draft, row);
      return;
    }
    case "goals":
      readGoalsRow(draft, row);
      return;
    case "indicators": {
      if (draft.closed) return;
      // 项目名称 | 资金计划 | 资金到位情况 opening another table: the header of a table that is no part of the grid.
      if (opensAnotherTable(draft, row)) {
        st.section = null;
        return;
      }
      if (readCaptionPair(draft, row)) return;
      if (continuesIndicator(draft, row)) return;
      if (continuesBracketedName(draft, row)) return;
      if (repeatsCurrentItem(draft, row)) {
        keepNewWithIndicatorAbove(draft, row);
        return;
      }
      const ind = readIndicatorRow(draft, row);
      if (ind && isWrappedTextLine(draft, row, ind)) {
        keepWithIndicatorAbove(draft, row);
        return;
      }
      if (ind) {
        draft.form.indicators.push(ind);
        draft.spanned = spanOf(row);
      } else keepUnderMergedIndicator(draft, row);
      return;
    }
    case "targets":
      if (st.targets) readTargetsRow(st.targets, row);
      return;
    case "projectList": {
      const f = readProjectListRow(draft, row, draft.parentSeq);
      // (A department form's own list goes after the form, pointing at it, when the form closes.)
      if (f && isDepartmentKind(draft.form.kind)) (draft.items ??= []).push(f);
      else if (f) st.forms.push(finishForm(f));
      return;
    }
    default:
      return;
  }
}

/**
 * 项目名称 | X ; 主管部门及代码 | [187]… | 实施单位 | … ; 项目编码：123 : label cells
 * followed by values. In the form's header block (before its first table
 * header) any label-shaped word is a label; further down only a known one
 * or one ending in a colon starts such a row.
 */
function readFactsRow(st: State, draft: Draft, row: Row): boolean {
  // (项目名称: 食品药品监管事业发展专项 单位:万元 alone in a cell across the table, a workbook's caption row: read as
  // the line of text it is, each of its pairs — spaced apart as on a line; 填报单位(盖章):单位负责人:谭呈祥, run
  // together, is split by the labels below.)
  const lineFacts = row.cells.length === 1 && st.section === null && /[:：][^:：]*\s[^:：]*[:：]/.test(row.cells[0]!.text.trim()) ? factFromLine(row.cells[0]!.text) : [];
  if (lineFacts.length >= 2) {
    for (const f of lineFacts.flatMap(withBracketedParts)) recordFact(draft.form, f, row.page, row.line, applyFact, draft.factFunding);
    return true;
  }
  // Blank cells stay: a label followed by one is printed with its value left empty (其他资金 | ).
  const cells = splitTrailingLabels(printedCells(row).flatMap(splitGluedLabel));
  const firstKey = factKeyOf(cells[0]!.text);
  if (firstKey === "agency" && st.section !== null) return false;
  const headerBlock = st.section === null && !draft.closed;
  // (其中：财政拨款 is a part of the amount above, not a label with a colon.)
  if (!headerBlock && !firstKey && !/[:：]/.test(cells[0]!.text.replace(/^\s*其中\s*[:：]/, ""))) return false;
  // 数量指标： | 维修次数 | 2280次 inside the indicator table: a level label with a colon, not a pair.
  const firstLabel = labelText(cells[0]!.text);
  if (st.section === "indicators" && !firstKey && (level1Of(firstLabel) || level2Of(firstLabel))) return false;
  // (项目立项情况 | 项目立项的依据 | 机关、学校…: where the pairs do not read from the first cell, that cell may be the
  // label of a block of pairs, merged down beside them in the printed form and lost in copied text.)
  // (资金情况(万元)： | 资金总额 | 100 | 其中:财政拨款 | 100: a money block's label printed with a colon before its pairs is
  // still their block's label, not a label left blank.)
  const moneyBlockFirst = headerBlock && cells.length >= 3 && endsWithColon(cells[0]!.text) && isMoneyLabel(labelText(cells[0]!.text))
    && isLabelShaped(cells[1]!.text) && parseNumber(cells[1]!.text) === null ? labelValuePairs(cells.slice(1), headerBlock) : null;
  const pairs = moneyBlockFirst ?? labelValuePairs(cells, headerBlock)
    ?? (headerBlock && cells.length >= 3 && isLabelShaped(cells[0]!.text) && factKeyOf(cells[0]!.text) === null ? labelValuePairs(cells.slice(1), headerBlock) : null);
  if (!pairs) return false;
  // 项目资金（万元） | 总计 | 24.998: under a block label that names money, a bare total word is the money's total.
  const moneyBlock = pairs[0]!.cell !== cells[0] && isMoneyLabel(cells[0]!.text);
  // 一般公共预算拨款 | 小计 | 1800, then 市本级 | 1800 under it merged down: the lines of that group of money.
  const groupCell = pairs[0]!.cell !== cells[0] ? cells[0] : row.inherited?.filter((c) => c.col < pairs[0]!.cell.col).at(-1);
  const moneyGroup = groupCell && isMoneyGroup(groupCell.text) ? groupCell.text : null;
  if (pairs.some((p) => factKeyOf(p.label) === "projectName") && !draft.container && (draft.form.indicators.length > 0 || draft.closed)) {
    // A new project block without a new title: the next form of the same kind.
    const kind = draft.form.kind;
    const title = draft.form.title;
    const carried = { agency: draft.form.agency, fiscalYear: draft.form.fiscalYear, fiscalYearSource: draft.form.fiscalYearSource, fillDate: draft.form.fillDate };
    closeDraft(st);
    const next = newDraft(kind, title, row);
    Object.assign(next.form, carried);
    st.draft = next;
    draft = next;
  }
  // 项目总投资 | 20万元 | 中央补助安排 | 0 | 省级财政安排 | 0 | 其他资金 | 20万元: a whole and its parts along one row
  // are one column of amounts, not columns side by side.
  const along = pairs.length >= 3 && isMoneyLabel(pairs[0]!.label) && /总|合计/.test(keyOf(pairs[0]!.label)) &&
    pairs.slice(1).every((p) => isMoneyLabel(p.label) && !/总|合计/.test(keyOf(p.label)));
  const valuesBelow: NonNullable<Draft["valuesBelow"]> = [];
  pairs.forEach((p, column) => {
    // (The block label its column of pairs stands under: the row's last cell before the pair that is no pair's.)
    const block = cells.filter((c) => c.col < p.cell.col && !pairs.some((o) => o.cell === c)).at(-1);
    const blockLabel = block && /资金|金额|预算|经费/.test(keyOf(block.text)) && !pairs.some((o) => o.value === block.text) ? block.text : null;
    const textBlock = row.exact ? undefined : draft.textMoneyBlock;
    const at = (along ? 0 : column) + (textBlock?.column ?? 0);
    for (const q of withBracketedParts(p)) recordFact(draft.form, q, row.page, row.line, applyFact, draft.factFunding, at, moneyBlock, moneyGroup, blockLabel ?? textBlock?.label ?? null);
    const fact = draft.form.facts[draft.form.facts.length - 1];
    // (A label after a pair of the row, not one opening the row: 其他依据 | over 需要说明的其他问题 | is two labels.)
    if (headerBlock && column > 0 && isEmptyValue(p.value) && fact && fact.value === "") valuesBelow.push({ col: p.cell.col, colSpan: p.cell.colSpan, fact, last: column === pairs.length - 1 });
  });
  draft.valuesBelow = valuesBelow;
  // A unit declared by a block label the pairs hang under (资金情况（万元）).
  for (const c of row.cells) if (/\((万元|元)\)/.test(keyOf(c.text))) draft.form.moneyUnit ??= parseMoneyUnit(c.text);
  return true;
}

/**
 * The first row of a table other than the indicator grid's, holding only words and opening with a
 * label the vocabulary knows (项目名称 | 中央、省、市(州)、县级财政资金 | 资金计划 | 资金到位情况 after a
 * report's indicator table): a header of its own, no indicator.
 */
function opensAnotherTable(d: Draft, row: Row): boolean {
  if (row.table === null || d.sectionTable === null || d.sectionTable === undefined || row.table === d.sectionTable || row.gridRow !== 0) return false;
  return row.cells.length >= 3 && factKeyOf(row.cells[0]!.text) !== null && row.cells.every((c) => isLabelShaped(c.text) && parseNumber(c.text) === null);
}

/** A row numbering the columns above it: 列次/栏次, or nothing but three or more consecutive whole numbers. */
function isColumnNumbers(row: Row): boolean {
  const cells = /^(列次|栏次)$/.test(keyOf(row.cells[0]!.text)) ? row.cells.slice(1) : row.cells;
  const numbers = cells.filter((c) => /^\d{1,2}$/.test(keyOf(c.text))).map((c) => Number(keyOf(c.text)));
  if (cells.length !== row.cells.length) return numbers.length > 0;
  return numbers.length >= MIN_COLUMN_NUMBERS && numbers.length === cells.length && numbers.every((n, i) => i === 0 || n === numbers[i - 1]! + 1);
}
const MIN_COLUMN_NUMBERS = 3;

/**
 * Lines held back from the open form (see readTextLine) that name another project or department: the form ends
 * before them and they are read outside it, as the next form's preamble. Whether the draft was closed.
 */
function detachHeldNamingAnother(st: State, opening: readonly { label: string; value: string }[] = [], atTitle = false): boolean {
  const d = st.draft;
  if (!d || st.side) return false;
  const held = d.held ?? [];
  // (Before a table, a held line counts only against a name the form has: text extracted out of reading order
  // prints a form's 项目名称 line after its indicators. Right before a title, or in a table's first row, it names
  // the next form unless it names this one.)
  if (!namesAnotherForm(d.form, held.flatMap((r) => factFromLine(r.text)), atTitle) && !namesAnotherForm(d.form, opening, true)) return false;
  d.held = undefined;
  closeDraft(st);
  for (const r of held) readTextLine(st, r, false);
  return true;
}

/** Lines held back from a form (see readTextLine) that turned out to be its own: read into it now. */
function releaseHeld(st: State, d: Draft): void {
  const held = d.held ?? [];
  d.held = undefined;
  for (const r of held) readTextLine(st, r, false);
}

/** The label | value pairs of a row that could open a form's header block. */
function openingPairs(row: Row): { label: string; value: string }[] {
  return labelValuePairs(printedCells(row), false) ?? [];
}

/**
 * The header-block labels that open a form's table when no title line names it, and what each ties the form
 * to: a project (项目名称, 项目编码, 实施单位) or, until a project's name turns up, a department (单位名称, 主管部门).
 */
const OPENING_TIES = new Map<FactKey, "project" | "department">([
  ["projectName", "project"], ["projectCode", "project"], ["implementer", "project"], ["agency", "department"], ["supervisor", "department"],
]);

/**
 * What a row opening a form's header block names first: its first cell's label (项目名称 | X), or in
 * a row of label：value pairs the first label naming a project or a department (部门编码： | 316 |
 * 部门名称： | 浮梁县林业局 | 联系人： | 王媛).
 */
function openingKey(row: Row): FactKey | null {
  const first = factKeyOf(row.cells[0]!.text);
  if (first !== null) return first;
  const named = (labelValuePairs(printedCells(row), false) ?? []).map((p) => factKeyOf(p.label));
  return named.find((k) => k !== null && OPENING_TIES.has(k)) ?? null;
}

/** The row's cells from its first printed one on, blank cells included. */
function printedCells(row: Row): RowCell[] {
  const first = row.allCells.indexOf(row.cells[0]!);
  return first >= 0 ? row.allCells.slice(first) : row.cells;
}

/**
 * A row no part of the form could read (资金管理情况's 分配科学性 | 资金分配科学 |
 * 暂无): kept as a fact under its first cell, so nothing printed is lost.
 */
function keepRowAsFact(draft: Draft, row: Row): void {
  const [first, ...rest] = row.cells;
  if (!first || rest.length === 0 || !isLabelShaped(first.text)) return;
  recordFact(draft.form, { label: first.text, value: rest.map((c) => c.text).join(" | ") }, row.page, row.line, applyFact, draft.factFunding);
}

/** How far down a row's merged cells reach (分值 and 得分 merged over the lines of a wrapped name). */
function spanOf(row: Row): Draft["spanned"] {
  if (row.table === null || row.gridRow === undefined) return null;
  // Only number cells count: merged level labels span whole groups of indicators.
  const span = Math.max(1, ...row.cells.filter((c) => parseNumber(c.text) !== null).map((c) => c.rowSpan ?? 1));
  return span > 1 ? { table: row.table, untilRow: row.gridRow + span - 1 } : null;
}

/**
 * A grid row under the merged number cells of the indicator above it, holding
 * only words (the second line of 财政供养人员 / 控制率, of a 评分标准): the same
 * indicator's text, continued. Appended to it instead of read as an indicator.
 */
function continuesIndicator(draft: Draft, row: Row): boolean {
  const s = draft.spanned;
  const prev = draft.form.indicators[draft.form.indicators.length - 1];
  if (!s || !prev || row.table !== s.table || row.gridRow === undefined || row.gridRow > s.untilRow) return false;
  if (row.cells.some((c) => parseNumber(c.text) !== null)) return false;
  const a = align(draft, row);
  if (a.byField.has("level1") || a.byField.has("level2")) return false;
  for (const [field, cell] of a.byField) {
    const text = tidyCjkSpaces(cell.text);
    if (field === "name") prev.name = joinWrapped(prev.name, text);
    else if (field === "scoringRule" || field === "description" || field === "reason") {
      prev[field] = prev[field] ? `${prev[field]}\n${text}` : text;
    } else if (field === "target" || field === "actual") {
      const key = field === "target" ? "targetText" : "actualText";
      prev[key] = prev[key] ? joinWrapped(prev[key]!, text) : text;
    }
  }
  // Cells under columns no field names (a checklist's 自评内容 | 完成情况, one pair per line
  // of the item): kept in the indicator's extra under their header, line by line.
  appendExtra(prev, extraOf(draft, a.unassigned, new Set(), a.underColumn));
  return true;
}

/**
 * In text, a line holding only the end of a name whose bracket the indicator above left open (上一轮退耕还林补助面积(万
 * over 亩), in a grid whose values were left blank): that name's next line, not an indicator. Nothing measured stands
 * on either line, so no value tells the rows apart; the brackets do.
 */
function continuesBracketedName(draft: Draft, row: Row): boolean {
  const prev = draft.form.indicators.at(-1);
  if (row.exact || !prev || row.cells.length !== 1 || parseNumber(row.cells[0]!.text) !== null) return false;
  const measured = (i: Indicator) => i.targetText !== null || i.actualText !== null || i.weight !== null || i.score !== null;
  const text = tidyCjkSpaces(row.cells[0]!.text);
  if (measured(prev) || !(opensUnclosed(prev.name) || closesUnopened(text))) return false;
  prev.name = joinWrapped(prev.name, text);
  return true;
}

/** Whether text opens a bracket it does not close: a wrapped cell's first line. */
function opensUnclosed(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (/[(（\[【]/.test(ch)) depth++;
    else if (/[)）\]】]/.test(ch)) depth = Math.max(0, depth - 1);
  }
  return depth > 0;
}

/**
 * A row with no indicator of its own under an indicator whose name is merged
 * down over it (预算编制科学性 over two 自评内容 | 完成情况 lines of a checklist):
 * its cells are that indicator's, kept in its extra under their headers.
 */
function keepUnderMergedIndicator(draft: Draft, row: Row): void {
  const prev = draft.form.indicators.at(-1);
  if (!prev || !(row.inherited ?? []).some((c) => tidyCjkSpaces(c.text) === prev.name)) return;
  keepWithIndicatorAbove(draft, row);
}

/**
 * A line of layout text that only carries the wrapped words of the rows around
 * it (分,扣完为止。 under a 评分标准), read as an indicator of its own: in a
 * sheet whose indicators carry 分值, a row with no number of any kind whose
 * "name" is a piece of a sentence, or closes a bracket it did not open (数]×100%,
 * the last line of a formula). Its cells go to the indicator above.
 */
function isWrappedTextLine(draft: Draft, row: Row, ind: Indicator): boolean {
  if (row.exact || !draft.form.indicators.length || !draft.header?.columns.some((c) => c.field === "weight")) return false;
  const noValues = ind.weight === null && ind.score === null && ind.targetText === null && ind.actualText === null;
  return noValues && (/[，,。；;]/.test(ind.name) || closesUnopened(ind.name));
}

/** Whether text closes a bracket before opening one: the tail of a wrapped cell. */
function closesUnopened(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (/[(（\[【]/.test(ch)) depth++;
    else if (/[)）\]】]/.test(ch) && --depth < 0) return true;
  }
  return false;
}

function keepWithIndicatorAbove(draft: Draft, row: Row): void {
  appendExtra(draft.form.indicators.at(-1)!, extraOf(draft, row.cells));
}

/** The same, leaving out what the indicator already holds under that header (a merged cell's copy). */
function keepNewWithIndicatorAbove(draft: Draft, row: Row): void {
  const ind = draft.form.indicators.at(-1)!;
  const fresh = Object.entries(extraOf(draft, row.cells)).filter(([key, text]) => !(ind.extra[key] ?? "").split("\n").includes(text));
  appendExtra(ind, Object.fromEntries(fresh));
}

/** More lines of an indicator's unmapped cells: each under its header, after what it already holds. */
function appendExtra(ind: Indicator, extra: Record<string, string>): void {
  for (const [key, text] of Object.entries(extra)) ind.extra[key] = ind.extra[key] ? `${ind.extra[key]}\n${text}` : text;
}

/** Lines of one wrapped cell: CJK joins without a space. */
const joinWrapped = (a: string, b: string): string => (/[\u3400-\u9fff]$/.test(a) && /^[\u3400-\u9fff“]/.test(b) ? a + b : `${a} ${b}`);

/** What a header tells the form beyond its columns: the months it covers, the headers no column knows. */
function noteHeader(d: Draft): void {
  const h = d.header!;
  d.form.asOfMonth ??= h.asOfMonth;
  for (const e of h.extras) {
    // A numbered heading (一、预算执行情况) or a sentence is no label.
    if (!isLabelShaped(e.header) || isKnownLabel(e.header) || d.form.unrecognizedLabels.includes(e.header)) continue;
    d.form.unrecognizedLabels.push(e.header);
  }
}

/** 说明 | 请在此处简要说明…, 注：…, 其他需要说明事项 | 无 : a note row at the foot of a form, not an indicator. */
function isNoteRow(row: Row): boolean {
  const k = keyOf(row.cells[0]!.text);
  // 其他需要说明事项 | 无 at the foot of the indicator table: the form's remark, no indicator.
  return row.cells.length <= 2 && (/^(说明|注|备注|填表说明|注释)(:|$)/.test(k) || /^其他需要?说明的?(事项|问题|情况)(:|$)/.test(k));
}

/**
 * 2023年度, 2023年 (not a date such as 2024年2月26日): years a form's own cells speak of; and the year of a
 * period within one year (项目起止时间 | 2016年1月起至2016年12月止), which is the year the form accounts for.
 */
function yearsInCells(row: Row): number[] {
  const out: number[] = [];
  for (const c of row.cells) {
    for (const m of c.text.matchAll(/((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)/g)) out.push(Number(m[1]));
    for (const m of c.text.matchAll(WITHIN_ONE_YEAR)) out.push(Number(m[1]));
  }
  return out;
}

/** 报告日期:2017年7月15日, 填报时间：2024年2月5日: the day a form or report was filed. */
const FILING_DATE = /(?:日期|时间)[:：]?\d{4}年\d{1,2}月(?:\d{1,2}日)?$/;

/** 2016年1月起至2016年12月止, 2021年1月1日-2021年12月31日: months of one year, from and to. */
const WITHIN_ONE_YEAR = /((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月[^年]{0,8}?(?:至|到|-|—|－|~|～)\s*\1\s*年\s*\d{1,2}\s*月/g;

/**
 * An untitled indicator grid under a line of pairs naming its project or department on the same
 * page, with no form between (部门名称：浮梁县林业局 over 一级指标 | 二级指标 | 三级指标 …): the
 * form of that project or department, its pairs the form's facts.
 */
function tieToNamingLine(st: State, naming: State["naming"], kind: SectionKind, row: Row): void {
  const d = st.draft;
  if (!naming || !d || kind !== "indicators" || d.tiedTo || naming.pairs[0]!.page !== row.page) return;
  d.tiedTo = naming.key === "projectName" ? "project" : "department";
  if (d.tiedTo === "department" && d.form.kind === "project_self_eval") d.form.kind = "department_self_eval";
  const recorded = new Set(d.form.facts.map((f) => `${f.label}\u0000${f.line}`));
  for (const p of naming.pairs) if (!recorded.has(`${labelText(p.label)}\u0000${p.line}`)) recordFact(d.form, p, p.page, p.line, applyFact, d.factFunding);
}

function startSection(st: State, kind: SectionKind, row: Row): void {
  const header = buildHeader(kind, [row]);
  // An untitled form's indicator table followed by another with other columns (a 部门 sheet, then a
  // 项目 sheet with 单位名称/项目名称 over its header): the next form. A header a page break repeats
  // has the same columns.
  const open = st.draft;
  const fields = (h: { columns: { field: string }[] }) => h.columns.map((c) => c.field).sort().join(",");
  const repeated = open?.header?.kind === kind && fields(header) === fields(open.header);
  if (open && open.untitled && kind === "indicators" && open.form.indicators.length > 0 && open.header?.kind === "indicators") {
    if (!repeated) {
      closeDraft(st);
      startUntitled(st, open.form.kind, row);
    }
  }
  // A target form's grid read (nothing achieved, nothing scored), then a table of its own whose indicator header
  // scores or reports what was achieved (一级指标 | … | 评分标准 | 分值 | 自评得分): another family's form, untitled.
  // (Not the same header again, which a page break repeats over a blank score sheet's next rows.)
  const targetGrid = open !== null && !open.untitled && !repeated && kind === "indicators" && open.header?.kind === "indicators"
    && open.form.indicators.length > 0 && open.form.indicators.every((i) => i.actualText === null && i.score === null);
  if (targetGrid && st.firstOfTable && header.columns.some((c) => c.field === "score" || c.field === "actual")) closeDraft(st);
  // (…or that weighs its items, 一级指标 | … | 分值 | 评价内容及评分标准 under 评价指标: a score sheet. What its table
  // printed above that header, the header's group row, was read into the target form's grid before: taken back out.)
  if (open && targetGrid && st.draft === open && open.form.indicators.every((i) => i.weight === null)
    && open.sectionTable != null && row.table !== null && row.table !== open.sectionTable
    && header.columns.some((c) => c.field === "weight" || c.field === "scoringRule")) {
    open.form.indicators.splice(Math.min(st.indicatorsBeforeTable, open.form.indicators.length));
    if (open.form.indicators.length > 0) closeDraft(st);
  }
  if (!st.draft && kind === "funding") {
    // A funding table outside any form: the report's own 预算执行情况.
    closeSide(st);
    const side = newDraft("project_self_eval", null, row);
    side.header = header;
    side.headerRows = [row];
    side.sectionTable = row.table;
    side.form.moneyUnit = side.header.moneyUnit;
    st.side = side;
    return;
  }
  if (!st.draft) {
    // A form table with no title line before it needs evidence of its own: a
    // project list only beside its department form, a targets table only with
    // indicator columns, and never under the title of a table that is no form
    // (the rows of a 收入支出决算总表 are not projects).
    const hasIndicatorColumns = header.columns.some((c) => c.field === "level1" || c.field === "level2" || c.field === "name");
    if (kind === "projectList" && (st.foreignTable || lastDepartmentSeq(st) === null)) return;
    if (kind === "targets" && !hasIndicatorColumns) return;
    if (st.foreignTable && kind !== "indicators") return;
    // An indicator grid with no target or achieved column is a scoring sheet (评价指标体系): 指标, 分值, 评分标准, 得分;
    // so is one that prints each indicator's target and its points but nothing achieved (年度工作目标 | 评分标准 | 权数 | 考评得分).
    const has = (...fields: string[]) => header.columns.some((c) => fields.includes(c.field));
    const scoring = kind === "indicators" && !has("actual") && (!has("target", "adjustedTarget") || (has("weight") && has("score") && has("scoringRule")));
    const inferred: FormKind = kind === "projectList" ? "project_list" : kind === "targets" ? "project_targets"
      : scoring ? "evaluation_scorecard" : "project_self_eval";
    // (Starting the form forgets the naming line: it is read first.)
    const naming = st.naming;
    // A funding block read as a table of its own, then an indicator grid in the same table (预算执行情况 over
    // 一级指标 | 二级指标 … with no title line): the grid's money. (Both are what a report prints too: the grid
    // with its money is a form only where the document holds none of its own, as the report's grids are.)
    const ownFunding = kind === "indicators" && st.side && st.side.form.funding.length > 0 && st.side.sectionTable === row.table ? st.side : null;
    if (ownFunding) st.side = null;
    startUntitled(st, inferred, row);
    if (ownFunding) {
      st.draft!.adoptedFunding = true;
      st.draft!.form.funding.push(...ownFunding.form.funding);
      st.draft!.form.moneyUnit ??= ownFunding.form.moneyUnit;
      st.draft!.form.pageFrom = ownFunding.form.pageFrom ?? st.draft!.form.pageFrom;
    }
    tieToNamingLine(st, naming, kind, row);
  }
  const d = st.draft!;
  // A header of names and amounts with no indicator column inside a department's form (年度履职目标 |
  // 部门职能 | 年度目标任务 | 支出项目名称 | 预算金额): the department's list of spending items, not projects' targets.
  // (Not a unit's target table, 单位编码 | 单位名称 | 年度预算申请 over its sub-headers: group headers over columns
  // say the indicator columns may come on the header's next row.)
  const noIndicatorColumns = !header.columns.some((c) => c.field === "level1" || c.field === "level2" || c.field === "name" || c.field === "unitCode");
  // (The row's first cell, its block's label, may be merged across two columns, 年度履职目标 over 序号 too: no group.)
  const grouped = row.kind === "cells" && row.cells.some((c, i) => i > 0 && c.colSpan > 1);
  if (kind === "targets" && noIndicatorColumns && !grouped && isDepartmentKind(d.form.kind)) {
    kind = "projectList";
    header.kind = kind;
  }
  d.header = header;
  d.headerRows = [row];
  d.sectionTable = row.table;
  if (d.header.moneyUnit) d.form.moneyUnit ??= d.header.moneyUnit;
  noteHeader(d);
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
const GLUED_KEYS = new Set(["projectName", "supervisor", "implementer", "fillDate", "projectCode"]);
/** What a label may end with after a fact label's words: 主管部门 + 编码 is one label (主管部门编码), not 主管部门 = 编码. */
const LABEL_TAIL = /^(?:编码|代码|编号|名称|电话|地址|负责人|联系人)$/;

/**
 * 项目名称 | 农桥建设专项资金 预算功能科目 | 2130701: text that lost its columns keeps one space between a
 * value and the next label, whose value follows. Split where a known label (its meaning by what it
 * ends with: …科目, …电话) ends the value of a known label before it and a value comes after it.
 */
function splitTrailingLabels(cells: RowCell[]): RowCell[] {
  return cells.flatMap((c, i) => {
    const before = cells[i - 1], after = cells[i + 1];
    const m = c.text.match(/^(.*\S)\s+(\S{2,12})$/);
    if (!m || !before || !after || factKeyOf(before.text) === null || isEmptyValue(after.text) || isKnownLabel(after.text)) return [c];
    const [, value, label] = m;
    return isKnownLabel(label!) && isLabelShaped(label!) && factKeyOf(value!) === null ? [{ ...c, text: value! }, { ...c, text: label! }] : [c];
  });
}

function splitGluedLabel(cell: RowCell): RowCell[] {
  const k = keyOf(cell.text);
  if (factKeyOf(k)) return [cell];
  // 转移支付(项目)名称 医疗救助补助资金: extracted text keeps one space between a label and its value.
  const spaced = cell.text.match(/^\s*(\S{2,16})\s+(\S.*)$/);
  const spacedKey = spaced ? factKeyOf(spaced[1]!) : null;
  if (spaced && spacedKey && GLUED_KEYS.has(spacedKey) && !LABEL_TAIL.test(keyOf(spaced[2]!)) && factKeyOf(spaced[2]!) === null) {
    return [{ ...cell, text: spaced[1]! }, { ...cell, text: spaced[2]!.trim() }];
  }
  // 下达中央预算内投资(万元) 2350: an amount's label, its unit in brackets, and the amount.
  if (spaced && /\((?:万元|元|亿元)\)$/.test(keyOf(spaced[1]!)) && isLabelShaped(spaced[1]!) && parseNumber(spaced[2]!) !== null) {
    return [{ ...cell, text: spaced[1]! }, { ...cell, text: spaced[2]!.trim() }];
  }
  // Only labels that name a party or the project (项目名称, 实施单位 …): a short word such as
  // 年度 starts many labels (年度主要目标, 年度预算执行率) and is no label glued to a value.
  for (let n = 4; n <= Math.min(8, k.length - 2); n++) {
    const key = factKeyOf(k.slice(0, n));
    // (项目实施单位/项目负责人, 主管部门及代码, 主管部门编码: two labels joined or a label's own word, not a label and its value.)
    if (key && GLUED_KEYS.has(key) && !/^[/／、及和与(]/.test(k.slice(n)) && !LABEL_TAIL.test(k.slice(n))) {
      return [{ ...cell, text: k.slice(0, n) }, { ...cell, text: k.slice(n).replace(/^[:：]/, "") }];
    }
  }
  return [cell];
}
