/**
 * Measurement of the pipeline against the real published forms of fixtures/real
 * (see fixtures/real/FORMAT.md): one fixture, one rendered file → extract,
 * normalize and the report rules → a field-by-field comparison with the
 * hand-written fixtures/real/expect/ID.json.
 *
 * What counts (only keys the expectation prints are compared; a key it omits is
 * not a field):
 * - forms: each expected form is matched to an actual one of the same kind and
 *   project name (or agency), else to the same project name, else to the next
 *   unmatched actual form in order. Unmatched actual forms are phantom forms;
 *   expected forms left without one are missed forms (all their fields wrong).
 * - form fields: kind, fiscalYear, projectName, agency, projectCode, moneyUnit,
 *   totalScore, grade, asOfMonth.
 * - facts: one field per expected label; right when a fact with the same label
 *   (spaces, colons and full-width punctuation folded) has the same value
 *   (whitespace removed, compatibility characters folded); an expected empty
 *   value is also right when the form has no such fact.
 * - numbers the expectation wrote as text the model cannot hold are not compared.
 * - funding: lines matched by source label; the line's presence is one field,
 *   then budget, executed, rate, weight, score, initialBudget, forecast
 *   (numbers in the printed unit, FundingLine.budget etc.).
 * - indicators: matched by name, in order; the indicator's presence is one field,
 *   then level1, level2, target, actual, weight, score, reason, level1Weight,
 *   valueType, unit, scoringRule and the monitoring fields actualToDate,
 *   forecast, likelihood, deviationCause.
 * - findings: each expected {form, rule} is a hit when the rule fired on the
 *   matched form; when the expectation lists no finding, every error/warning
 *   finding is a false alarm (info is ignored).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { extractBytes, foldCompatibilityCharacters } from "@jixiao/extract";
import { level1Of, level2Of, normalizeDocument, type Finding, type Form, type FundingLine, type Indicator, type NormalizedDocument } from "@jixiao/normalize";
// report depends on normalize, not the other way round: reach its source directly.
import { checkDocument } from "../../report/src/check.ts";

export const REAL = fileURLToPath(new URL("../../../fixtures/real/", import.meta.url));

/** The rendered carriers of a fixture, as `format` → path pattern under fixtures/real (`%` = ID). */
export const REAL_FORMATS = {
  "pdf/lo": "pdf/lo/%.pdf",
  "pdf/chromium": "pdf/chromium/%.pdf",
  docx: "docx/%.docx",
  xlsx: "xlsx/%.xlsx",
  xls: "xls/%.xls",
  "text/pdftotext-layout": "text/%.pdftotext-layout.txt",
  "text/pdftotext": "text/%.pdftotext.txt",
  "text/web": "text/%.web.txt",
  "text/pdftotext-layout-chromium": "text/%.chromium.pdftotext-layout.txt",
} as const;
export type RealFormat = keyof typeof REAL_FORMATS;
export const REAL_FORMAT_NAMES = Object.keys(REAL_FORMATS) as RealFormat[];

/**
 * Formats measured apart from the families' thresholds, each against a floor of its own
 * (real-forms-format-floors.json): `pdftotext -layout` of the Chromium PDF, whose narrow columns
 * keep one space between cells and put a CJK cell's words several characters off their column.
 * It stands for the text of producers the fixtures' LibreOffice text does not resemble.
 */
export const FLOOR_FORMATS: ReadonlySet<RealFormat> = new Set<RealFormat>(["text/pdftotext-layout-chromium"]);

/** Fields and forms right over every run of one format, summed over its families. */
export function formatTotals(results: readonly RealFormResult[], format: RealFormat): { fields: Tally; forms: Tally } {
  const families = familyTotals(results.filter((r) => r.format === format));
  const sum = (k: "fields" | "forms") => families.reduce((a, f) => ({ right: a.right + f[k].right, total: a.total + f[k].total }), tally());
  return { fields: sum("fields"), forms: sum("forms") };
}

/** The family of a negative fixture (a publication with no form: `forms: []`). */
export const NEGATIVE = "negative";

// ---------------------------------------------------------------- expectations

export interface ExpectedFunding {
  source: string;
  initialBudget?: number | null;
  budget?: number | null;
  executed?: number | null;
  rate?: number | null;
  weight?: number | null;
  score?: number | null;
  forecast?: number | null;
  [other: string]: unknown;
}

export interface ExpectedIndicator {
  level1?: string | null;
  level2?: string | null;
  name: string;
  target?: string | null;
  actual?: string | null;
  weight?: number | null;
  score?: number | null;
  reason?: string | null;
  actualToDate?: string | null;
  forecast?: string | null;
  likelihood?: string | null;
  deviationCause?: string | null;
  valueType?: string | null;
  unit?: string | null;
  level1Weight?: number | null;
  scoringRule?: string | null;
  [other: string]: unknown;
}

export interface ExpectedForm {
  kind: string;
  title?: string;
  fiscalYear?: number | null;
  projectName?: string | null;
  agency?: string | null;
  projectCode?: string | null;
  facts?: Record<string, string>;
  funding?: ExpectedFunding[];
  moneyUnit?: string | null;
  indicators?: ExpectedIndicator[];
  totalScore?: number | null;
  grade?: string | null;
  asOfMonth?: number | null;
  [other: string]: unknown;
}

export interface Expectation {
  source: string;
  province: string;
  publisher?: string;
  part?: string;
  forms: ExpectedForm[];
  findings: { form: number; rule: string; why?: string }[];
}

/** Fixture IDs that have both their HTML and their expectation, sorted. */
export function listRealFixtures(root = REAL): string[] {
  const dir = `${root}expect/`;
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -".json".length))
    .filter((id) => existsSync(`${root}html/${id}.html`))
    .sort();
}

export function readExpectation(id: string, root = REAL): Expectation {
  return JSON.parse(readFileSync(`${root}expect/${id}.json`, "utf8")) as Expectation;
}

export function renderedPath(id: string, format: RealFormat, root = REAL): string {
  return root + REAL_FORMATS[format].replace("%", id);
}

/** Formats rendered for this fixture (files present). */
export function renderedFormats(id: string, root = REAL): RealFormat[] {
  return REAL_FORMAT_NAMES.filter((f) => existsSync(renderedPath(id, f, root)));
}

/** The family a fixture's forms belong to: its first form's kind, or "negative". */
export function familyOf(expect: Expectation): string {
  return expect.forms[0]?.kind ?? NEGATIVE;
}

// ---------------------------------------------------------------- comparison keys

/** Values: whitespace removed, compatibility characters (Kangxi radicals, full-width digits) folded. */
export function valueKey(s: unknown): string {
  if (s === null || s === undefined) return "";
  return foldCompatibilityCharacters(String(s)).replace(/[\s\u3000\u00a0]+/g, "");
}

const FULL_TO_HALF: Record<string, string> = {
  "（": "(", "）": ")", "，": ",", "；": ";", "【": "[", "】": "]", "［": "[", "］": "]",
  "＜": "<", "＞": ">", "＝": "=", "％": "%", "．": ".", "〔": "[", "〕": "]",
};

/** Labels: as valueKey, then full-width punctuation folded and colons removed. */
export function labelKey(s: unknown): string {
  return valueKey(s).replace(/[（），；【】［］＜＞＝％．〔〕]/g, (c) => FULL_TO_HALF[c] ?? c).replace(/[:：]/g, "");
}

const unnumbered = (s: string): string => labelKey(s).replace(/^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十\d]+\)|\d+[、.](?!\d))/, "");

const numEq = (a: number | null | undefined, b: number | null | undefined): boolean => {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
};
const textEq = (a: unknown, b: unknown): boolean => valueKey(a) === valueKey(b);

/** A target printed over three columns (指标性质 ≥ | 指标值 95 | 度量单位 %) reads as ≥95%. */
function splitTarget(i: Indicator): string | null {
  if (i.targetText === null) return null;
  const sign = i.valueType && /^[≥≤=<>＞＜＝]+$/.test(i.valueType.trim()) ? i.valueType.trim() : "";
  const unit = i.unit && !i.targetText.endsWith(i.unit) ? i.unit : "";
  return `${sign}${i.targetText}${unit}`;
}

/** A declared weight printed in a label (相关性(5分), 产出指标（50分）) is the weight, not the name: the model keeps it apart. */
// (Also points with a note on them, 目标完成情况(50分,附加分5分): stored as the level 目标完成情况 weighing 50.)
const withoutWeight = (s: string): string => labelKey(s).replace(/\(?\d+(?:\.\d+)?分?\)?$|\d+(?:\.\d+)?分$|\(\d+(?:\.\d+)?分[,;][^()]*\)$/, "");
const nameKey = (s: string): string => withoutWeight(s) || labelKey(s);

/**
 * Level labels are stored by their canonical names (产出 → 产出指标, 满意度指标 →
 * 服务对象满意度指标, as data-model.md says); a label that is only a weight ((20分))
 * names no level.
 */
function levelEq(level: "level1" | "level2", want: unknown, got: unknown): boolean {
  if (textEq(want, got)) return true;
  if (typeof want !== "string") return false;
  const canon = (level === "level1" ? level1Of(want) : level2Of(want))?.name ?? withoutWeight(want);
  return canon === "" ? got === null || got === undefined : valueKey(canon) === valueKey(got);
}
/** A numeric field the expectation wrote as text the model cannot hold ("(0-20)分") is not compared. */
const comparableNumber = (v: unknown): boolean => v === null || typeof v === "number";

// ---------------------------------------------------------------- results

export interface Tally {
  right: number;
  total: number;
}
const tally = (): Tally => ({ right: 0, total: 0 });

export interface Mismatch {
  /** Where: `kind`, `facts.项目名称`, `funding[年度资金总额].budget`, `indicators[3 名称].target` … */
  field: string;
  expected: unknown;
  actual: unknown;
}

export interface FormResult {
  /** 1-based index in the expectation. */
  expected: number;
  kind: string;
  /** The actual form's seq, or null when the form was missed. */
  actualSeq: number | null;
  actualKind: string | null;
  matchedBy: "kind+name" | "name" | "order" | null;
  fields: Tally;
  mismatches: Mismatch[];
  /**
   * Indicators the form read that match none expected: pieces of wrapped cells read as rows of their own,
   * or rows an expectation of a partial copy leaves out. Fields do not count them; compared across the
   * formats of one fixture they show what a format adds that is not there.
   */
  extraIndicators: number;
}

export interface FindingResult {
  hits: number;
  misses: number;
  falseAlarms: number;
  missed: { form: number; rule: string }[];
  /** rule@formSeq (severity) of each false alarm. */
  alarms: string[];
}

export interface RealFormResult {
  id: string;
  format: RealFormat;
  file: string;
  /** The fixture's family (first expected kind, or "negative"). */
  family: string;
  /** Extraction/normalization failure, when the file could not be read at all. */
  error: string | null;
  ms: number;
  fields: Tally;
  /** Field tallies per expected kind (a fixture may hold forms of several kinds). */
  fieldsByKind: Record<string, Tally>;
  forms: { expected: number; actual: number; matched: number; kindRight: number; phantom: number; missed: number };
  findings: FindingResult;
  perForm: FormResult[];
  /** Actual forms matched to no expected form: seq, kind, project name. */
  phantoms: { seq: number; kind: string; projectName: string | null }[];
}

// ---------------------------------------------------------------- pipeline

export interface PipelineRun {
  doc: NormalizedDocument;
  findings: Finding[];
}

/** One file through the real pipeline: extractBytes → normalizeDocument → checkDocument. */
export async function runPipeline(file: string): Promise<PipelineRun> {
  const extracted = await extractBytes(readFileSync(file), { fileName: file });
  const doc = normalizeDocument(extracted, { fileName: file });
  return { doc, findings: checkDocument(doc) };
}

// ---------------------------------------------------------------- matching

function matchForms(expected: ExpectedForm[], actual: Form[]): { form: Form | null; by: FormResult["matchedBy"] }[] {
  const used = new Set<number>();
  const out: { form: Form | null; by: FormResult["matchedBy"] }[] = expected.map(() => ({ form: null, by: null }));
  const nameOf = (f: { projectName?: string | null; agency?: string | null }) => labelKey(f.projectName) || labelKey(f.agency);
  const pass = (by: "kind+name" | "name", ok: (e: ExpectedForm, a: Form) => boolean) => {
    expected.forEach((e, i) => {
      if (out[i]!.form) return;
      const a = actual.find((a, j) => !used.has(j) && ok(e, a));
      if (a) {
        used.add(actual.indexOf(a));
        out[i] = { form: a, by };
      }
    });
  };
  const sameName = (e: ExpectedForm, a: Form) => {
    const en = nameOf(e);
    return en !== "" && (en === labelKey(a.projectName) || en === labelKey(a.agency));
  };
  pass("kind+name", (e, a) => e.kind === a.kind && sameName(e, a));
  pass("name", sameName);
  // By order: each remaining expected form takes the first unused actual form after the
  // previous expected form's match (else any unused one).
  let after = -1;
  expected.forEach((_, i) => {
    const m = out[i]!.form;
    if (m) {
      after = actual.indexOf(m);
      return;
    }
    let j = actual.findIndex((_, k) => k > after && !used.has(k));
    if (j < 0) j = actual.findIndex((_, k) => !used.has(k));
    if (j >= 0) {
      used.add(j);
      out[i] = { form: actual[j]!, by: "order" };
      after = j;
    }
  });
  return out;
}

// ---------------------------------------------------------------- per-form comparison

const FORM_FIELDS = ["kind", "fiscalYear", "projectName", "agency", "projectCode", "moneyUnit", "totalScore", "grade", "asOfMonth"] as const;
const NUMERIC_FORM_FIELDS = new Set(["fiscalYear", "totalScore", "asOfMonth"]);

const FUNDING_FIELDS: Record<string, (l: FundingLine) => number | null> = {
  initialBudget: (l) => l.initialBudget,
  budget: (l) => l.budget,
  // A monitoring form's 1–N月执行数 is what it has executed so far.
  executed: (l) => l.executed ?? l.executedToDate,
  rate: (l) => l.executionRate,
  weight: (l) => l.weight,
  score: (l) => l.score,
  forecast: (l) => l.forecastExecuted,
};

const INDICATOR_TEXT: Record<string, (i: Indicator) => string | null> = {
  level1: (i) => i.level1,
  level2: (i) => i.level2,
  target: (i) => i.targetText,
  actual: (i) => i.actualText,
  reason: (i) => i.reason,
  actualToDate: (i) => i.actualToDateText,
  forecast: (i) => i.forecastText,
  likelihood: (i) => i.likelihood,
  deviationCause: (i) => i.deviationCause,
  valueType: (i) => i.valueType,
  unit: (i) => i.unit,
  scoringRule: (i) => i.scoringRule,
};
const INDICATOR_NUM: Record<string, (i: Indicator) => number | null> = {
  weight: (i) => i.weight,
  score: (i) => i.score,
  level1Weight: (i) => i.level1Weight,
};

/** Fields of one expected form; `a` null = missed form (every field wrong). */
function compareForm(e: ExpectedForm, a: Form | null): { fields: Tally; mismatches: Mismatch[]; extraIndicators: number } {
  const fields = tally();
  const mismatches: Mismatch[] = [];
  const check = (field: string, ok: boolean, expected: unknown, actual: unknown) => {
    fields.total++;
    if (ok) fields.right++;
    else mismatches.push({ field, expected, actual });
  };

  for (const f of FORM_FIELDS) {
    if (!(f in e)) continue;
    const want = e[f] as unknown;
    const got = a ? (a as Record<string, unknown>)[f] : undefined;
    if (NUMERIC_FORM_FIELDS.has(f) && !comparableNumber(want)) continue;
    const ok = !!a && (NUMERIC_FORM_FIELDS.has(f) ? numEq(want as number | null, got as number | null) : textEq(want, got));
    check(f, ok, want, a ? got : "(missed form)");
  }

  // facts
  const usedFacts = new Set<number>();
  for (const [label, value] of Object.entries(e.facts ?? {})) {
    const key = labelKey(label);
    const facts = a?.facts ?? [];
    let j = facts.findIndex((x, k) => !usedFacts.has(k) && labelKey(x.label) === key && textEq(x.value, value));
    if (j < 0) j = facts.findIndex((x, k) => !usedFacts.has(k) && labelKey(x.label) === key);
    // (A list's number before a label, 二、自有资金, is no part of it: the model keeps the label without it.)
    if (j < 0) j = facts.findIndex((x, k) => !usedFacts.has(k) && unnumbered(x.label) === unnumbered(label));
    if (j >= 0) usedFacts.add(j);
    const got = j >= 0 ? facts[j]!.value : undefined;
    // a label printed with an empty value: right when the form has no such fact or an empty one
    const ok = j >= 0 ? textEq(got, value) : !!a && valueKey(value) === "";
    check(`facts.${label}`, ok, value, a ? got ?? "(no such label)" : "(missed form)");
  }

  // funding lines, by source label
  const usedLines = new Set<number>();
  const lines = a?.funding ?? [];
  for (const ef of e.funding ?? []) {
    const key = labelKey(ef.source);
    let j = lines.findIndex((l, k) => !usedLines.has(k) && labelKey(l.source) === key);
    // a label printed with a prefix/suffix the parser dropped or kept (其中: / 资金)
    if (j < 0) j = lines.findIndex((l, k) => !usedLines.has(k) && labelKey(l.source) !== "" && (labelKey(l.source).includes(key) || key.includes(labelKey(l.source))));
    if (j >= 0) usedLines.add(j);
    const line = j >= 0 ? lines[j]! : null;
    const where = `funding[${ef.source}]`;
    check(where, !!line, ef.source, line ? line.source : a ? "(no such line)" : "(missed form)");
    for (const [f, get] of Object.entries(FUNDING_FIELDS)) {
      if (!(f in ef) || !comparableNumber(ef[f])) continue;
      const want = ef[f] as number | null;
      const got = line ? get(line) : undefined;
      check(`${where}.${f}`, !!line && numEq(want, got), want, got);
    }
  }

  // indicators, by name in order
  const inds = a?.indicators ?? [];
  const usedInds = new Set<number>();
  let after = -1;
  (e.indicators ?? []).forEach((ei, n) => {
    const key = nameKey(ei.name ?? "");
    let j = inds.findIndex((x, k) => k > after && !usedInds.has(k) && nameKey(x.name) === key);
    if (j < 0) j = inds.findIndex((x, k) => !usedInds.has(k) && nameKey(x.name) === key);
    if (j >= 0) {
      usedInds.add(j);
      after = j;
    }
    const ind = j >= 0 ? inds[j]! : null;
    const where = `indicators[${n + 1} ${ei.name}]`;
    check(where, !!ind, ei.name, ind ? ind.name : a ? "(no such indicator)" : "(missed form)");
    for (const [f, get] of Object.entries(INDICATOR_TEXT)) {
      if (!(f in ei)) continue;
      const got = ind ? get(ind) : undefined;
      const eq = f === "level1" || f === "level2" ? levelEq(f, ei[f], got)
        : f === "target" && ind ? textEq(ei[f], got) || textEq(ei[f], splitTarget(ind)) : textEq(ei[f], got);
      check(`${where}.${f}`, !!ind && eq, ei[f], got);
    }
    for (const [f, get] of Object.entries(INDICATOR_NUM)) {
      if (!(f in ei) || !comparableNumber(ei[f])) continue;
      const got = ind ? get(ind) : undefined;
      check(`${where}.${f}`, !!ind && numEq(ei[f] as number | null, got), ei[f], got);
    }
  });
  return { fields, mismatches, extraIndicators: inds.length - usedInds.size };
}

// ---------------------------------------------------------------- one run

/** Compares one pipeline run (or its failure) with the expectation. */
export function compareRun(
  id: string,
  format: RealFormat,
  file: string,
  expect: Expectation,
  run: PipelineRun | null,
  error: string | null = null,
  ms = 0,
): RealFormResult {
  // A department's own list of items (project_list rows pointing at their form) is part of that form, not a form.
  const actual = (run?.doc.forms ?? []).filter((f) => !(f.kind === "project_list" && f.parentSeq !== null));
  const matches = matchForms(expect.forms, actual);
  const perForm: FormResult[] = expect.forms.map((e, i) => {
    const { form, by } = matches[i]!;
    const { fields, mismatches, extraIndicators } = compareForm(e, form);
    return { expected: i + 1, kind: e.kind, actualSeq: form?.seq ?? null, actualKind: form?.kind ?? null, matchedBy: by, fields, mismatches, extraIndicators };
  });
  const matchedSeqs = new Set(perForm.map((p) => p.actualSeq).filter((s): s is number => s !== null));
  const phantoms = actual.filter((f) => !matchedSeqs.has(f.seq)).map((f) => ({ seq: f.seq, kind: f.kind, projectName: f.projectName }));

  const fields = tally();
  const fieldsByKind: Record<string, Tally> = {};
  for (const p of perForm) {
    fields.right += p.fields.right;
    fields.total += p.fields.total;
    const t = (fieldsByKind[p.kind] ??= tally());
    t.right += p.fields.right;
    t.total += p.fields.total;
  }

  const found = run?.findings ?? [];
  const findings: FindingResult = { hits: 0, misses: 0, falseAlarms: 0, missed: [], alarms: [] };
  for (const ef of expect.findings) {
    const seq = perForm[ef.form - 1]?.actualSeq ?? null;
    if (seq !== null && found.some((f) => f.rule === ef.rule && f.formSeq === seq)) findings.hits++;
    else {
      findings.misses++;
      findings.missed.push({ form: ef.form, rule: ef.rule });
    }
  }
  // An error or warning of a rule the expectation does not list for that form is a false alarm,
  // whether or not the form has other findings.
  const expectedAt = new Set(expect.findings.map((ef) => `${ef.rule}@${perForm[ef.form - 1]?.actualSeq ?? "?"}`));
  for (const f of found) {
    if (f.severity === "info" || expectedAt.has(`${f.rule}@${f.formSeq}`)) continue;
    findings.falseAlarms++;
    findings.alarms.push(`${f.rule}@${f.formSeq} (${f.severity})`);
  }

  return {
    id,
    format,
    file,
    family: familyOf(expect),
    error,
    ms,
    fields,
    fieldsByKind,
    forms: {
      expected: expect.forms.length,
      actual: actual.length,
      matched: perForm.filter((p) => p.actualSeq !== null).length,
      kindRight: perForm.filter((p) => p.actualKind === p.kind).length,
      phantom: phantoms.length,
      missed: perForm.filter((p) => p.actualSeq === null).length,
    },
    findings,
    perForm,
    phantoms,
  };
}

/** One fixture in one rendered format through the pipeline, compared with its expectation. */
export async function measureReal(id: string, format: RealFormat, root = REAL): Promise<RealFormResult> {
  const expect = readExpectation(id, root);
  const file = renderedPath(id, format, root);
  const t0 = performance.now();
  let run: PipelineRun | null = null;
  let error: string | null = null;
  try {
    run = await runPipeline(file);
  } catch (e) {
    error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }
  return compareRun(id, format, file.slice(root.length), expect, run, error, Math.round(performance.now() - t0));
}

/** Every fixture × every rendered format present. */
export async function measureAll(opts: { root?: string; ids?: string[]; formats?: RealFormat[]; onResult?: (r: RealFormResult) => void } = {}): Promise<RealFormResult[]> {
  const root = opts.root ?? REAL;
  const out: RealFormResult[] = [];
  for (const id of opts.ids ?? listRealFixtures(root)) {
    for (const format of renderedFormats(id, root)) {
      if (opts.formats && !opts.formats.includes(format)) continue;
      const r = await measureReal(id, format, root);
      opts.onResult?.(r);
      out.push(r);
    }
  }
  return out;
}

// ---------------------------------------------------------------- totals

export interface FamilyTotals {
  family: string;
  runs: number;
  fields: Tally;
  /**
   * Forms: right = expected forms matched to an actual form of the right kind,
   * total = expected forms + phantom forms. For the negative family, right = runs
   * without a phantom form, total = runs.
   */
  forms: Tally;
  phantom: number;
  missed: number;
  findings: { hits: number; misses: number; falseAlarms: number };
  errors: number;
}

/** Totals per family (fields counted by each form's own kind; forms and findings by the fixture's family). */
export function familyTotals(results: RealFormResult[]): FamilyTotals[] {
  const by = new Map<string, FamilyTotals>();
  const get = (family: string) => {
    let t = by.get(family);
    if (!t) by.set(family, (t = { family, runs: 0, fields: tally(), forms: tally(), phantom: 0, missed: 0, findings: { hits: 0, misses: 0, falseAlarms: 0 }, errors: 0 }));
    return t;
  };
  for (const r of results) {
    const fam = get(r.family);
    fam.runs++;
    if (r.error) fam.errors++;
    for (const [kind, t] of Object.entries(r.fieldsByKind)) {
      const k = get(kind);
      k.fields.right += t.right;
      k.fields.total += t.total;
    }
    for (const p of r.perForm) {
      const k = get(p.kind);
      k.forms.total++;
      if (p.actualKind === p.kind) k.forms.right++;
      if (p.actualSeq === null) k.missed++;
    }
    if (r.family === NEGATIVE) {
      fam.forms.total++;
      if (r.forms.phantom === 0) fam.forms.right++;
    } else fam.forms.total += r.forms.phantom;
    fam.phantom += r.forms.phantom;
    fam.findings.hits += r.findings.hits;
    fam.findings.misses += r.findings.misses;
    fam.findings.falseAlarms += r.findings.falseAlarms;
  }
  return [...by.values()].sort((a, b) => (a.family === NEGATIVE ? 1 : 0) - (b.family === NEGATIVE ? 1 : 0) || a.family.localeCompare(b.family));
}

export const ratio = (t: Tally): number => (t.total === 0 ? 1 : t.right / t.total);
/** A measured ratio rounded down to 2 decimals: what a threshold may be set to. */
export const floor2 = (x: number): number => Math.floor(x * 100 + 1e-9) / 100;
