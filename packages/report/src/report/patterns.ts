/**
 * Patterns across the archive, computed from the report's form rows: which
 * self-evaluations grade themselves 优 while spending little, how often each
 * agency's forms carry errors, and one project followed across years.
 * Pure functions over FormRow; html.ts draws them.
 */
import type { FormRow } from "./data.ts";

/** Self-evaluations: the forms in which an agency grades its own year. */
export const SELF_EVAL_KINDS: ReadonlySet<string> = new Set(["project_self_eval", "department_self_eval", "transfer_self_eval"]);

/** A self-evaluation is flagged when it grades itself 优 (or totals ≥ this) … */
export const HIGH_SCORE = 90;
/** … while its execution rate is below this. */
export const LOW_RATE = 0.6;

export const NO_AGENCY = "（未注明单位）";

export function gradesItselfExcellent(f: Pick<FormRow, "grade" | "totalScore">): boolean {
  return (f.grade !== null && f.grade.includes("优")) || (f.totalScore !== null && f.totalScore >= HIGH_SCORE);
}

/** Self-evaluations that grade themselves 优 (or ≥ 90) with an execution rate under 60 %, lowest rate first. */
export function flaggedSelfEvaluations(forms: readonly FormRow[]): FormRow[] {
  return forms
    .filter((f) => SELF_EVAL_KINDS.has(f.kind) && f.executionRate !== null && f.executionRate < LOW_RATE && gradesItselfExcellent(f))
    .sort((a, b) => a.executionRate! - b.executionRate! || (b.totalScore ?? 0) - (a.totalScore ?? 0) || a.formId - b.formId);
}

/** One agency's self-evaluations of one year: mean total score and mean execution rate. */
export interface AgencyYearPoint {
  agency: string;
  year: number | null;
  forms: number;
  /** Means over the forms that print them (null when none does). */
  meanScore: number | null;
  meanRate: number | null;
  flagged: number;
}

const mean = (xs: number[]): number | null => (xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length);

export function agencyYearPoints(forms: readonly FormRow[]): AgencyYearPoint[] {
  const flagged = new Set(flaggedSelfEvaluations(forms).map((f) => f.formId));
  const groups = new Map<string, FormRow[]>();
  for (const f of forms) {
    if (!SELF_EVAL_KINDS.has(f.kind)) continue;
    const key = JSON.stringify([f.agency ?? NO_AGENCY, f.fiscalYear]);
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.entries()]
    .map(([key, list]) => {
      const [agency, year] = JSON.parse(key) as [string, number | null];
      return {
        agency,
        year,
        forms: list.length,
        meanScore: mean(list.flatMap((f) => (f.totalScore === null ? [] : [f.totalScore]))),
        meanRate: mean(list.flatMap((f) => (f.executionRate === null ? [] : [f.executionRate]))),
        flagged: list.filter((f) => flagged.has(f.formId)).length,
      };
    })
    .sort((a, b) => a.agency.localeCompare(b.agency, "zh") || (a.year ?? 0) - (b.year ?? 0));
}

export interface AgencyErrorShare {
  agency: string;
  forms: number;
  withErrors: number;
  share: number;
}

/** Per agency, the share of its forms with at least one error: highest share first, then more forms with errors, then by name. */
export function agencyErrorShares(forms: readonly FormRow[]): AgencyErrorShare[] {
  const by = new Map<string, { forms: number; withErrors: number }>();
  for (const f of forms) {
    const agency = f.agency ?? NO_AGENCY;
    const e = by.get(agency) ?? { forms: 0, withErrors: 0 };
    e.forms += 1;
    if (f.errors > 0) e.withErrors += 1;
    by.set(agency, e);
  }
  return [...by.entries()]
    .map(([agency, e]) => ({ agency, ...e, share: e.withErrors / e.forms }))
    .sort((a, b) => b.share - a.share || b.withErrors - a.withErrors || a.agency.localeCompare(b.agency, "zh"));
}

/**
 * A project name as the same project prints it in any year: no leading year
 * (2022年 / 2022年度), full-width folded to half-width, no punctuation or spaces.
 */
export function normalizeProjectName(name: string): string {
  return name
    .normalize("NFKC")
    .replace(/^[\s\p{P}]*(19|20)\d{2}\s*年度?/u, "")
    .replace(/[\s\p{P}\p{S}]+/gu, "")
    .toLowerCase();
}

/** The stable key of a form's project: the store's project_id when it has one, else agency + normalised name. */
export function projectKeyOf(f: FormRow): string | null {
  if (f.projectId !== undefined && f.projectId !== null) return `id:${f.projectId}`;
  return nameKeyOf(f);
}

function nameKeyOf(f: FormRow): string | null {
  if (!f.projectName) return null;
  const name = normalizeProjectName(f.projectName);
  return name === "" ? null : `name:${(f.agency ?? "").normalize("NFKC").replace(/\s+/g, "")}|${name}`;
}

/** One year of a project: the numbers of its main form that year, the findings of all its forms that year. */
export interface ProjectYear {
  year: number | null;
  /** Form ids of that year, the main one (whose numbers are shown) first. */
  forms: number[];
  kind: string;
  budgetWan: number | null;
  executedWan: number | null;
  rate: number | null;
  score: number | null;
  grade: string | null;
  errors: number;
  warnings: number;
  infos: number;
}

export interface ProjectHistory {
  key: string;
  /** How forms were linked: by the store's projects table, or by agency + normalised name. */
  method: "project_id" | "name";
  agency: string;
  name: string;
  years: ProjectYear[];
}

/** The form whose numbers speak for the year: a self-evaluation first, then a form with actuals, then any. */
function mainRank(f: FormRow): number {
  if (SELF_EVAL_KINDS.has(f.kind)) return 0;
  if (f.kind === "project_list" || f.kind === "evaluation_scorecard") return 1;
  return 2;
}

/** Every project with its forms grouped by year (oldest first); projects sorted by agency, then name. */
export function projectHistories(forms: readonly FormRow[]): ProjectHistory[] {
  // A form the store left unlinked joins the linked project of its agency and name, when exactly one has them.
  const linked = new Map<string, Set<string>>();
  for (const f of forms) {
    const name = nameKeyOf(f);
    if (name !== null && f.projectId !== undefined && f.projectId !== null) linked.set(name, (linked.get(name) ?? new Set()).add(`id:${f.projectId}`));
  }
  const by = new Map<string, FormRow[]>();
  for (const f of forms) {
    let key = projectKeyOf(f);
    const adopted = key !== null && key.startsWith("name:") ? linked.get(key) : undefined;
    if (adopted !== undefined && adopted.size === 1) key = [...adopted][0]!;
    if (key !== null) by.set(key, [...(by.get(key) ?? []), f]);
  }
  return [...by.entries()]
    .map(([key, list]): ProjectHistory => {
      const years = new Map<number | null, FormRow[]>();
      for (const f of list) years.set(f.fiscalYear, [...(years.get(f.fiscalYear) ?? []), f]);
      const rows = [...years.entries()]
        .sort((a, b) => (a[0] ?? Infinity) - (b[0] ?? Infinity))
        .map(([year, fs]): ProjectYear => {
          const sorted = [...fs].sort((a, b) => mainRank(a) - mainRank(b) || a.formId - b.formId);
          const main = sorted[0]!;
          return {
            year,
            forms: sorted.map((f) => f.formId),
            kind: main.kind,
            budgetWan: main.budgetWan,
            executedWan: main.executedWan,
            rate: main.executionRate,
            score: main.totalScore,
            grade: main.grade,
            errors: fs.reduce((s, f) => s + f.errors, 0),
            warnings: fs.reduce((s, f) => s + f.warnings, 0),
            infos: fs.reduce((s, f) => s + f.infos, 0),
          };
        });
      // The latest year's printing names the project.
      const latest = [...list].sort((a, b) => (b.fiscalYear ?? -Infinity) - (a.fiscalYear ?? -Infinity) || a.formId - b.formId)[0]!;
      return { key, method: key.startsWith("id:") ? "project_id" : "name", agency: latest.agency ?? NO_AGENCY, name: latest.projectName ?? "", years: rows };
    })
    .sort((a, b) => a.agency.localeCompare(b.agency, "zh") || a.name.localeCompare(b.name, "zh") || a.key.localeCompare(b.key));
}
