/**
 * A form being read: the canonical Form plus the reading state (current
 * section and its columns, the 一级/二级 labels to fill down).
 */
import type { Form, FormKind, MoneyUnit } from "./model.ts";
import type { HeaderModel } from "./headers.ts";
import type { Row } from "./rows.ts";
import type { ChecklistFundingState } from "./checklist-funding.ts";
import type { CostTableState } from "./cost-table.ts";
import type { FieldPairsState, StackedPairsState } from "./field-pairs-funding.ts";
import { factKeyOf, isGradeLabel, type FactKey } from "./vocab.ts";
import { ENUMERATOR, isLabelShaped, isMoneyText, labelAfterComma, labelWordAfterSpace, TICK_BOXES, type FactFunding } from "./facts.ts";
import { isKnownLabel } from "./vocab.ts";
import { keyOf, tidyCjkSpaces } from "./text-key.ts";
import { parseDate, parseFiscalYear, parseMoneyUnit, parseNumber } from "./values.ts";

export interface LevelState {
  level1: string | null;
  level1Weight: number | null;
  level2: string | null;
  level2Weight: number | null;
  /**
   * The form's level-1 labels are stage labels (实施效果指标) over the usual level-1
   * words (产出指标, 效益指标), which are its level 2: seen once in a row that
   * prints both, where text extraction lost the columns that say so.
   */
  nested?: boolean;
  /** The column of the row cell the level 2 was last read from, in a grid that lost its merged cells. */
  level2Col?: number;
}

export interface Draft {
  form: Form;
  header: HeaderModel | null;
  /** Rows of a multi-row header still being collected. */
  headerRows: Row[];
  levels: LevelState;
  /** Reading the 注/备注 lines at the bottom of the form. */
  inNotes: boolean;
  /** The total row was read: later rows belong to the form's tail (analysis, contacts). */
  closed: boolean;
  /** Containers (a targets table, a project list) hold projects rather than being one form. */
  container: boolean;
  /** Started from a table header with no title line: kept only if it has funding or a total. */
  untitled?: boolean;
  /**
   * The money block of an untitled grid, read as a table of its own above it (parse.ts, startSection):
   * no evidence of a form by itself, since a report prints its own money and indicator tables so.
   */
  adoptedFunding?: boolean;
  /**
   * Untitled, but opened by the project or unit it is about (项目名称 | X, 部门名称 | X as a
   * table's first row): an indicator grid under it is that form's, kept without funding or total.
   */
  tiedTo?: "project" | "department";
  /** Lines naming a project or a department read after the form's content, until the next row says whose they are. */
  held?: Row[];
  /** The header-block label that opened an untitled form's table (项目名称, 主管部门 …). */
  openedBy?: FactKey;
  /** A project list: the department form its projects belong to. */
  parentSeq: number | null;
  /** Amounts printed as label：value (本年度项目金额：120): the funding when no funding table follows. */
  factFunding: FactFunding[];
  /** Years its own cells speak of (2023年度申报预算), for a form whose header prints none. */
  textYears: number[];
  /** Money units its header block and funding rows declare (资金情况(万元), 单位：元), for a form no column reads one from. */
  textUnits: MoneyUnit[];
  /** The last indicator's numbers are merged cells reaching down to this grid row of this table. */
  spanned: { table: number; untilRow: number } | null;
  /** A checklist's funding block being read (see checklist-funding.ts). */
  checklistFunding?: ChecklistFundingState;
  /** A cost table of the header block being read (see cost-table.ts). */
  costTable?: CostTableState;
  /** A project list in extracted text: name pieces waiting for their row, and the last project's tail lines to come. */
  listPieces?: { pending: string[]; last: Form | null; tails: number; lastLine: string | null; shortTaken: boolean };
  /** Who and what the lines over the form name (单位名称:…, 实施主体:…), taken where the form's own cells name none. */
  captionFields?: { key: FactKey; value: string }[];
  /** A department form's own list of spending items (年度履职目标: 支出项目名称 | 预算金额), one project_list form each. */
  items?: Form[];
  /** Labels of points (自评得分, 分值) the header block prints over a column of figures, by column. */
  pointCaptions?: Map<number, string>;
  /** Header-block cells of the row before, by column: the head of a points label wrapped onto the next row (自评得 / 分). */
  captionHeads?: Map<number, string>;
  /** Years the narrative lines read while this form was open speak of (a report page's only year). */
  narrativeYears?: number[];
  /** The last indicator row of copied text that printed its 指标性质: its printed width, that cell's slot and text. */
  valueTypeSlot?: { width: number; col: number; text: string };
  /** The table the current section's header row belongs to. */
  sectionTable?: number | null;
  /** A funding block of pairs named by their fields (预算数： | 2.38 | 执行数： | 2.38) being read (field-pairs-funding.ts). */
  fieldPairs?: FieldPairsState;
  /**
   * The form's year so far is the document's (a line outside any form gave it) or its title's (2019年210青少年
   * 校园足球扶持资金绩效目标表, a year that may be the project's name): the form's own year line replaces it.
   */
  provisionalYear?: boolean;
  /** An indicator grid's level header words (一级指标, 三级指标) were read as lines of the form's text. */
  sawLevelHeaders?: boolean;
  /**
   * A money block's label on a line of its own in text that lost its columns (资金使用情况(万元) after 资金情况's
   * pairs), with the column of pairs its lines stand for: the pairs under it are that block's, as they are
   * beside it in the printed form.
   */
  textMoneyBlock?: { label: string; column: number };
  /** A block of field pairs stacked down its rows (field-pairs-funding.ts). */
  stackedPairs?: StackedPairsState;
  /** A goals row of layout text whose paragraphs go on (no sentence ended): its line, and its facts by label. */
  openGoals?: { line: number; facts: Map<string, Form["facts"][number]> };
  /** Labels of the header block's last row printed with no value beside them, whose value may stand under them. */
  valuesBelow?: { col: number; colSpan: number; fact: Form["facts"][number]; last: boolean }[];
}

export function newDraft(kind: FormKind, title: string | null, row: Row | null): Draft {
  return {
    form: {
      seq: 1,
      kind,
      // (项目绩效目标表：: a title printed as a label over its table; the colon is no part of it.)
      title: title ? tidyCjkSpaces(title).replace(/\s*[:：]$/, "") : null,
      fiscalYear: title ? parseFiscalYear(title) : null,
      fiscalYearSource: title && parseFiscalYear(title) !== null ? "printed" : null,
      agency: null,
      supervisor: null,
      supervisorCode: null,
      implementer: null,
      projectName: null,
      projectCode: null,
      asOfMonth: null,
      fillDate: null,
      moneyUnit: null,
      moneyUnitEffective: null,
      moneyUnitReason: null,
      totalWeight: null,
      goalsWeight: null,
      goalsScore: null,
      totalScore: null,
      grade: null,
      pageFrom: row?.page ?? null,
      pageTo: row?.page ?? null,
      lineFrom: row?.line ?? null,
      lineTo: row?.line ?? null,
      funding: [],
      indicators: [],
      goals: [],
      deviation: null,
      notes: [],
      missing: [],
      parentSeq: null,
      facts: [],
      unrecognizedLabels: [],
    },
    header: null,
    headerRows: [],
    levels: { level1: null, level1Weight: null, level2: null, level2Weight: null },
    inNotes: false,
    closed: false,
    container: kind === "project_list" || kind === "project_targets" || kind === "department_targets",
    parentSeq: null,
    factFunding: [],
    textYears: [],
    textUnits: [],
    spanned: null,
  };
}

/** The money units declared among a row's texts outside the indicators (资金情况(万元), 单位：元). */
export function noteDeclaredUnits(draft: Draft, texts: readonly string[]): void {
  for (const t of texts) {
    const unit = parseMoneyUnit(t);
    if (unit) draft.textUnits.push(unit);
  }
}

/**
 * The one unit the form's own rows declare, for a form whose columns named none (plain text that lost the money
 * block's header: 资金情况(万元) 年度资金总额: on a line of its own); null when none, or two disagree.
 */
export function soleDeclaredUnit(draft: Draft): MoneyUnit | null {
  const units = new Set(draft.textUnits);
  return units.size === 1 ? [...units][0]! : null;
}

export function touch(draft: Draft, row: Row): void {
  const f = draft.form;
  f.pageFrom ??= row.page;
  f.pageTo = Math.max(f.pageTo ?? row.page, row.page);
  if (row.line !== null) {
    f.lineFrom ??= row.line;
    f.lineTo = Math.max(f.lineTo ?? row.line, row.line);
  }
}

/** Split a supervisor cell: [187]黔南…局, 303-忻州市医疗保障局, 187 黔南… → code and name. */
export function splitCode(text: string): { code: string | null; name: string } {
  const t = tidyCjkSpaces(text);
  const m = t.match(/^[[【(（]?\s*(\d{2,})\s*[\]】)）]?\s*[-—_:：\s]?\s*(.*)$/);
  if (m && m[2]) return { code: m[1]!, name: m[2].trim() };
  return { code: null, name: t };
}

/** Words shaped as a label that end as the vocabulary's labels do (项目负责人及联系电话, 主要内容). */
const isKnownLabelWord = (text: string) => isLabelShaped(text) && isKnownLabel(text);

/** Apply one header fact (项目名称, 主管部门及代码, 单位(盖章), 填报日期 …) to the form. */
export function applyFact(form: Form, key: FactKey, value: string): void {
  const v = tidyCjkSpaces(value);
  if (!v) return;
  switch (key) {
    case "projectName":
      // (A column word under a name's label, 任务名称 | 主要内容, is the header of a list, not a name.)
      if (!(Array.from(keyOf(v)).length <= MAX_COLUMN_WORD && isKnownLabelWord(v))) form.projectName ??= v;
      break;
    case "supervisor": {
      const { code, name } = splitCode(v);
      form.supervisor ??= name;
      form.supervisorCode ??= code;
      break;
    }
    case "implementer":
      form.implementer ??= splitCode(v).name;
      break;
    case "agency": {
      const unit = parseMoneyUnit(`单位:${v}`);
      // (单位:万元、类、个: the units of a summary's money and counts, the money's first.)
      if (unit && /^(万元|元)(?:[、,/](?:[^\d、,/]{1,3}))*$/.test(keyOf(v))) form.moneyUnit ??= unit;
      else form.agency ??= v;
      break;
    }
    case "fillDate":
      form.fillDate ??= parseDate(v) ?? v;
      break;
    case "projectCode":
      // As displayed: a code is text, whatever the cell's type was.
      form.projectCode ??= v;
      break;
    case "fiscalYear": {
      const year = parseFiscalYear(/年/.test(v) ? v : `${v}年`);
      if (year !== null && form.fiscalYear === null) {
        form.fiscalYear = year;
        form.fiscalYearSource = "printed";
      }
      break;
    }
    case "moneyUnit":
      form.moneyUnit ??= parseMoneyUnit(`单位:${v}`) ?? parseMoneyUnit(v);
      break;
    case "totalScore": {
      // A score, not a remark: 98, 98分, 95.5 — nothing above the 100 points of a form.
      const score = /^\d{1,3}(?:\.\d+)?\s*分?$/.test(v) ? parseNumber(v.replace(/分$/, "")) : null;
      if (score !== null && score <= 100) form.totalScore ??= score;
      break;
    }
    default:
      break;
  }
}

/**
 * 填表人:宋云花联系电话:166…填报日期: — labels printed with no space between a
 * value and the next label: split before the longest known label that ends at
 * each later colon.
 */
export function splitRunTogetherLabels(part: string): string[] {
  const out: string[] = [];
  let rest = part;
  for (;;) {
    const first = rest.search(/[:：]/);
    const next = first < 0 ? -1 : rest.slice(first + 1).search(/[:：]/);
    if (next < 0) break;
    const between = rest.slice(first + 1, first + 1 + next);
    const cut = labelStart(between);
    if (cut === null) break;
    out.push(rest.slice(0, first + 1 + cut).replace(/[,，;；]\s*$/, ""));
    rest = rest.slice(first + 1 + cut);
  }
  out.push(rest);
  return out;
}

/** Where the label that ends `text` starts: a known label after a value, or all of it when it is only a label. */
function labelStart(text: string): number | null {
  const t = text.trimEnd();
  // (A whole word after a space that is a label is that label: 单位负责人, not its tail 负责人.)
  const word = labelWordAfterSpace(t);
  if (word) return t.length - word.length;
  // (Nor its tail when the whole word after the space ends with it: 发布机构, not 机构, in 发布时间: 2020-12-02 发布机构:.)
  const lastWord = t.match(/\s([\u3400-\u9fff]{2,10})$/)?.[1];
  // (All of it when all of it is a label: 联系电话, not its tail 电话, in 填报人:联系电话: — the first label's value is empty.)
  if (t.length <= 10 && factKeyOf(t) !== null) return 0;
  for (let len = Math.min(10, t.length - 1); len >= 2; len--) {
    // (Or a grade's label, 评价等级 in 评价分值:88.64分评价等级:良.)
    const tail = t.slice(t.length - len);
    if (factKeyOf(tail) === null && !isGradeLabel(tail)) continue;
    return lastWord && lastWord.length > len ? t.length - lastWord.length : t.length - len;
  }
  return isKnownLabelWord(t) ? 0 : labelAfterComma(t);
}

/** Characters of a column word at most (主要内容, 绩效目标): a value this short that is a label heads a column. */
const MAX_COLUMN_WORD = 6;

/** The header facts a form prints as label and value with only a gap between them, no colon. */
const GAP_PAIR_KEYS = new Set<FactKey>(["projectName", "projectCode", "supervisor", "implementer", "agency", "contact", "phone", "fillDate"]);

/**
 * "单位(盖章): 黔南州医疗保障局" → [agency, 黔南州医疗保障局]; also 金额单位：万元, and
 * any other label：value part of the line (label as printed, key null when the
 * vocabulary has no field for it).
 */
/** Characters of the value of a known label's line at most, that line being a fact (not prose). */
const MAX_KNOWN_LINE_VALUE = 30;

export function factFromLine(text: string): { key: FactKey | null; label: string; value: string }[] {
  const out: { key: FactKey | null; label: string; value: string }[] = [];
  // 项目名称 省级第七批水利专项资金: a label cell and its value cell that text extraction put on one line with a gap
  // between them, and no colon (a line of the header block whose table text did not keep as cells).
  const gap = /[:：]/.test(text) ? null : text.match(/^\s*(\S{2,16})\s+(\S.{0,59}?)\s*$/);
  const gapKey = gap ? factKeyOf(gap[1]!) : null;
  // (Two such pairs side by side, wide gaps between all four cells: 项目名称   干渠防渗改造项目      实施单位   乌恰县农村供水站.)
  // (Each label known, or ending as labels do, 项目负责人及联系电话; no value a label itself.)
  const isLabel = (t: string) => factKeyOf(t) !== null || isKnownLabelWord(t);
  const wide = gap ? text.trim().split(/\s{2,}|\t/) : [];
  // (A narrow last pair keeps one space between its label and value: 项目负责人及联系电话 沈飞. An odd count of
  // cells has one such cell; it is split where a label ends it.)
  const cells = wide.length % 2 === 0 ? wide : wide.flatMap((c, i) => {
    const m = i % 2 === 0 ? c.match(/^(\S+) (\S.*)$/) : null;
    return m && isLabel(m[1]!) ? [m[1]!, m[2]!] : [c];
  });
  if (gapKey && GAP_PAIR_KEYS.has(gapKey) && cells.length >= 4 && cells.length % 2 === 0) {
    const pairs = Array.from({ length: cells.length / 2 }, (_, i) => ({ key: factKeyOf(cells[2 * i]!), label: cells[2 * i]!, value: cells[2 * i + 1]! }));
    if (pairs.every((p) => isLabel(p.label) && !isLabel(p.value.split(/\s+/)[0]!))) return pairs;
  }
  if (gap && gapKey && GAP_PAIR_KEYS.has(gapKey) && !parseMoneyUnit(`单位:${gap[2]}`) && factKeyOf(gap[2]!.split(/\s+/)[0]!) === null) {
    return [{ key: gapKey, label: gap[1]!, value: gap[2]! }];
  }
  // Several facts on one line: 填报单位：X    单位：万元
  // (A field's options spaced apart, 评价类型:项目实施过程评价□   项目完成结果评价■, are its one value.)
  const parts = text.split(/\s{2,}|\t/).flatMap(splitRunTogetherLabels).reduce<string[]>((acc, part) => {
    const prev = acc[acc.length - 1];
    if (prev !== undefined && TICK_BOXES.test(prev) && TICK_BOXES.test(part) && !/[:：]/.test(part)) acc[acc.length - 1] = `${prev} ${part.trim()}`;
    else acc.push(part);
    return acc;
  }, []);
  for (const part of parts) {
    const m = part.replace(ENUMERATOR, "").match(/^\s*([^:：]{1,14})[:：]\s*(.*)$/);
    if (!m) continue;
    const key = factKeyOf(m[1]!);
    // 项目单位(盖章):单位:万元 — a money unit run into the value.
    const unit = m[2]!.match(/^(.*?)\s*((?:金额)?单位[:：]\s*(?:万元|元))$/);
    if (unit && key !== "moneyUnit") {
      if (key && unit[1]) out.push({ key, label: m[1]!, value: unit[1] });
      else if (!key && unit[1] && isLabelShaped(m[1]!)) out.push({ key: null, label: m[1]!, value: unit[1] });
      out.push({ key: "moneyUnit", label: "单位", value: unit[2]!.replace(/^.*[:：]/, "") });
      continue;
    }
    if (key) out.push({ key, label: m[1]!, value: m[2]! });
    else if (/单位/.test(m[1]!) && parseMoneyUnit(`单位:${m[2]}`)) out.push({ key: "moneyUnit", label: m[1]!, value: m[2]! });
    else if (isLabelShaped(m[1]!) && m[2]!.trim()) out.push({ key: null, label: m[1]!, value: m[2]! });
  }
  // A line of prose with one colon (目标：…) is not a header block: only known labels count then, or an amount of
  // money (三、其他：3683.3970万元, a line of a money block written out).
  // (Nor a label the vocabulary understands before a short value, 填报类型:整体□ 区域√ 项目□.)
  const knownShort = (f: { label: string; value: string }) => isKnownLabel(f.label) && Array.from(f.value.trim()).length <= MAX_KNOWN_LINE_VALUE && !/[。；;]/.test(f.value);
  return out.some((f) => f.key !== null || knownShort(f)) || out.length >= 2 || out.some((f) => isMoneyText(f.value)) ? out : [];
}
