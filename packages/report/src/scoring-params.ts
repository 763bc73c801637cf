/**
 * The scoring parameters a form prescribes in its own 注/备注 notes, or the
 * national defaults (财预〔2020〕10号 and the vendor systems) when it has none.
 * Regions differ: 黔南 bands its qualitative indicators 100–80 / 80–50 / 50–0 %,
 * 广西 and the national systems 100–80 / 80–60 / 60–0 %.
 */
import { keyOf, type Form } from "@jixiao/normalize";

export type ReverseFormula = "target_over_actual" | "one_minus_overrun";

export interface GradeBand {
  grade: "优" | "良" | "中" | "差";
  /** Lowest total (inclusive) that earns this grade. */
  min: number;
}

export interface ScoringParams {
  /** 'form_note' when any parameter below was read from the form's notes. */
  source: "form_note" | "national_default";
  /** Lower bounds, as fractions of the weight, of 达成预期指标 and 部分达成预期指标. */
  qualitativeBands: { achieved: number; partial: number };
  /** Reverse (≤) indicators: A/B × weight, or (1 − (B−A)/A) × weight. */
  reverseFormula: ReverseFormula;
  /** Weight of the budget-execution item when the form prints none. */
  executionWeight: number;
  grades: GradeBand[];
  /** Which parameters the note set, for the reader of a finding. */
  fromNote: string[];
}

export const NATIONAL_QUALITATIVE_BANDS = { achieved: 0.8, partial: 0.6 } as const;
export const NATIONAL_EXECUTION_WEIGHT = 10;
/** 优 ≥ 90 (90 itself is 优), 良 80–89.99, 中 60–79.99, 差 < 60. */
export const NATIONAL_GRADES: readonly GradeBand[] = [
  { grade: "优", min: 90 },
  { grade: "良", min: 80 },
  { grade: "中", min: 60 },
  { grade: "差", min: -Infinity },
];

export const NATIONAL_DEFAULTS: ScoringParams = {
  source: "national_default",
  qualitativeBands: { ...NATIONAL_QUALITATIVE_BANDS },
  reverseFormula: "target_over_actual",
  executionWeight: NATIONAL_EXECUTION_WEIGHT,
  grades: [...NATIONAL_GRADES],
  fromNote: [],
};

const DASH = "[-–—~～至到]";

/** 100-80%(含80%)、80-50%(含50%)、50-0% → { achieved: 0.8, partial: 0.5 }. */
function qualitativeBands(note: string): ScoringParams["qualitativeBands"] | null {
  if (!/定性|达成预期/.test(note)) return null;
  const re = new RegExp(`100%?${DASH}(\\d+(?:\\.\\d+)?)%?.*?(\\d+(?:\\.\\d+)?)%?${DASH}(\\d+(?:\\.\\d+)?)%?.*?(\\d+(?:\\.\\d+)?)%?${DASH}0%?`);
  const m = note.match(re);
  if (!m) return null;
  const achieved = Number(m[1]) / 100;
  const partial = Number(m[3]) / 100;
  // The pattern captures digits only, so neither bound can be negative.
  if (!(achieved > partial && achieved <= 1)) return null;
  return { achieved, partial };
}

/** 反向指标 … 年度指标值(A)/实际完成值(B) → A/B; … 1-(B-A)/A → one minus the overrun. */
function reverseFormula(note: string): ReverseFormula | null {
  if (!/反向|≤|<=/.test(note)) return null;
  if (/1-\(?(?:实际完成值|B)(?:\(B\))?-(?:年度指标值|A)/.test(note)) return "one_minus_overrun";
  if (/(?:年度指标值\(A\)|指标值|A)\/(?:实际完成值\(B\)|实际完成值|B)/.test(note)) return "target_over_actual";
  return null;
}

/** 预算资金执行率10分 / 预算执行率(10分). */
function executionWeight(note: string): number | null {
  const m = note.match(/预算(?:资金)?执行率\(?(\d+(?:\.\d+)?)分/);
  return m ? Number(m[1]) : null;
}

/** 90分(含)以上为优, 80(含)-90分为良 …: the lowest score of each grade. */
function gradeBands(note: string): GradeBand[] | null {
  const bands: GradeBand[] = [];
  const re = /(\d+(?:\.\d+)?)分?(?:\(含\)?\)?|\(含\d+分?\))?(?:以上|及以上|-\d+(?:\.\d+)?分?)?(?:的)?为["“]?(优|良|中|差)/g;
  for (const m of note.matchAll(re)) bands.push({ grade: m[2] as GradeBand["grade"], min: Number(m[1]) });
  if (bands.length < 2) return null;
  const sorted = bands.filter((b) => b.grade !== "差").sort((a, b) => b.min - a.min);
  return [...sorted, { grade: "差", min: -Infinity }];
}

/** Parameters for one form: its own notes where they say something, national defaults elsewhere. */
export function scoringParamsOf(form: Pick<Form, "notes">): ScoringParams {
  const params: ScoringParams = { ...NATIONAL_DEFAULTS, qualitativeBands: { ...NATIONAL_QUALITATIVE_BANDS }, grades: [...NATIONAL_GRADES], fromNote: [] };
  for (const raw of form.notes) {
    const note = keyOf(raw);
    const bands = qualitativeBands(note);
    if (bands) {
      params.qualitativeBands = bands;
      params.fromNote.push("qualitativeBands");
    }
    const reverse = reverseFormula(note);
    if (reverse) {
      params.reverseFormula = reverse;
      params.fromNote.push("reverseFormula");
    }
    const weight = executionWeight(note);
    if (weight !== null) {
      params.executionWeight = weight;
      params.fromNote.push("executionWeight");
    }
    const grades = gradeBands(note);
    if (grades) {
      params.grades = grades;
      params.fromNote.push("grades");
    }
  }
  if (params.fromNote.length > 0) params.source = "form_note";
  return params;
}

/** The band a total falls in. */
export function gradeOfTotal(total: number, grades: readonly GradeBand[]): GradeBand["grade"] {
  return (grades.find((g) => total >= g.min) ?? grades[grades.length - 1]!).grade;
}

/** 优秀 → 优, 良好 → 良, 中等 → 中 (合格 says only ≥ 60: not compared), 不合格/较差 → 差, 一等…四等 → 优…差; null for anything else. */
export function canonicalGrade(printed: string | null): GradeBand["grade"] | null {
  const k = keyOf(printed).replace(/^["“]|["”]$/g, "");
  if (/^(优秀?|一等|A级?)$/.test(k)) return "优";
  if (/^(良好?|二等|B级?)$/.test(k)) return "良";
  if (/^(中等?|三等|C级?)$/.test(k)) return "中";
  if (/^(差|较差|不合格|四等|D级?)$/.test(k)) return "差";
  return null;
}
