/**
 * A self-evaluation report (…绩效评价自评报告) whose forms are not in the
 * document — a copy that stops after the cover and its 基本概况 table, an
 * archive that filed the report apart from its 自评表 — still says, on its
 * cover, which department or project evaluated itself, for which year, and
 * what it printed about itself (部门(单位)名称：…, 预算编码：…, 联系人 | …).
 * Those printed pairs are a form of the report's family: nothing they print is
 * dropped. Only when the document yields no form at all, and only when the
 * report's title names a self-evaluation and its pairs name who filed it — so
 * a report that carries its forms, and a budget publication, are untouched.
 */
import type { Form, FormKind } from "./model.ts";
import type { Row } from "./rows.ts";
import { newDraft, applyFact, factFromLine } from "./draft.ts";
import { isLabelShaped, recordFact } from "./facts.ts";
import { factKeyOf, titleKind } from "./vocab.ts";
import { keyOf, tidyCjkSpaces } from "./text-key.ts";
import { mostFrequent } from "./year.ts";

/** A report title: …自评报告, …绩效自评报告(2022年度). */
const REPORT_TAIL = /自评(?:价)?报告(?:\([^()]{0,20}\))?$/;
/** Families a self-evaluation report wraps. */
const REPORT_FAMILIES = new Set<FormKind>(["project_self_eval", "department_self_eval", "transfer_self_eval"]);
/** Fact keys that say who filed the report: without one the pairs belong to no one. */
const FILER_KEYS = new Set(["agency", "projectName", "supervisor", "implementer"]);
/** A title wraps over at most this many characters on its second line. */
const MAX_TITLE = 60;

export interface CoverPair { label: string; value: string; page: number; line: number | null }

export interface ReportCover {
  kind: FormKind;
  title: string;
  page: number;
  line: number | null;
  pairs: CoverPair[];
  /** The years its table's cells speak of (项目起止时间 | 2016年1月起至2016年12月止), for a title that names none. */
  years: number[];
}

/** The family a report title wraps (部门整体支出绩效评价自评报告 → department_self_eval), or null. */
export function reportFamily(text: string): FormKind | null {
  const k = keyOf(text);
  if (k.length > MAX_TITLE || !REPORT_TAIL.test(k)) return null;
  const kind = titleKind(k.replace(REPORT_TAIL, "自评表"));
  return kind && REPORT_FAMILIES.has(kind) ? kind : null;
}

/**
 * The cover a narrative line starts, alone or as the second line of a title
 * wrapped after the line before it (岳阳市2018年度部门整体支出 / 绩效评价自评报告).
 */
export function coverFromLine(text: string, previous: string | null, row: Row): ReportCover | null {
  // The wrapped title first: its first line holds the words that name the family (部门整体).
  for (const title of [previous !== null ? previous + text : null, text]) {
    if (title === null) continue;
    const kind = reportFamily(title);
    if (kind) return { kind, title: keyOf(title), page: row.page, line: row.line, pairs: [], years: [] };
  }
  return null;
}

/** The form the cover's pairs make, or null when they name no filer. */
export function formFromCover(cover: ReportCover): Form | null {
  if (!cover.pairs.some((p) => FILER_KEYS.has(factKeyOf(p.label) ?? ""))) return null;
  const d = newDraft(cover.kind, cover.title, null);
  d.form.pageFrom = cover.page;
  d.form.pageTo = cover.page;
  for (const p of cover.pairs) recordFact(d.form, p, p.page, p.line, applyFact, d.factFunding);
  // (newDraft reads the title's year; a title with none takes the year its table's cells speak of.)
  if (d.form.fiscalYear === null && cover.years.length > 0) {
    d.form.fiscalYear = mostFrequent(cover.years);
    d.form.fiscalYearSource = "text";
  }
  return d.form;
}

/** One label：value on a cover line: 评价方式：部门(单位)绩效自评, 预 算 编 码：  906017. */
const COVER_PAIR = /^\s*([^:：]{1,20})[:：]\s*(\S.*)$/;
/** A label, a gap of two spaces or more, its value: 项目名称    优 抚. */
const COVER_SPACED_PAIR = /^\s*([^:：\s]{2,12})\s{2,}(\S.*)$/;

/**
 * The pairs a cover line prints. A cover prints one pair per line, labels
 * spaced out to the width of the longest (预 算 编 码), so a lone pair with a
 * label-shaped label counts here, where a form's body needs a known label.
 */
export function coverPairs(text: string): { label: string; value: string }[] {
  const several = factFromLine(text);
  if (several.length > 0) return several.map((f) => ({ label: tidyCjkSpaces(f.label), value: f.value.trim() }));
  const m = text.match(COVER_PAIR);
  const label = m ? tidyCjkSpaces(m[1]!) : "";
  if (m && isLabelShaped(label)) return [{ label, value: m[2]!.trim() }];
  // 项目名称    优 抚: a known label and its value set apart by a wide gap, no colon.
  const spaced = text.match(COVER_SPACED_PAIR);
  return spaced && factKeyOf(spaced[1]!) !== null ? [{ label: spaced[1]!, value: spaced[2]!.trim() }] : [];
}

/** Known header-block labels a table row prints beside their values to be the wrapped form's own block. */
const MIN_KNOWN_PAIRS = 2;

/**
 * A report's cover naming who files it (项目名称：优 抚, 项目单位：南湖新区民政局), then a table row printing
 * a form's header block (项目负责人 | 鲁明霞 | 联系电话 | 8328726): the form the report wraps opens there, so
 * its money block and indicator grid are read as a form's, not kept as the cover's loose pairs.
 */
export function opensCoveredForm(cover: ReportCover, pairs: readonly { label: string }[]): boolean {
  const keys = pairs.map((p) => factKeyOf(p.label)).filter((k) => k !== null);
  // (Who answers for the project, or who runs it: a form's header block; a budget table's 单位名称 | X names no one.)
  return cover.pairs.some((p) => FILER_KEYS.has(factKeyOf(p.label) ?? "")) && keys.length >= MIN_KNOWN_PAIRS && keys.some((k) => HEADER_BLOCK_KEYS.has(k));
}

/** Facts only a form's header block prints: who answers for the project, how to reach them, who runs it. */
const HEADER_BLOCK_KEYS: ReadonlySet<string> = new Set(["contact", "phone", "implementer", "supervisor"]);
