/**
 * The same project's numbers as printed in different tables of one document:
 * a form's main funding line, or a side table (the report's 预算执行情况 in 元).
 * Comparing them after unit conversion finds cross-table mismatches, and a
 * table whose amounts only agree once its declared unit is swapped has the
 * wrong unit (8.65 in a 元 table next to 8.65 万元).
 */
import { keyOf, type Form, type MoneyUnit, type NormalizedDocument, type SideTable } from "@jixiao/normalize";
import { mainLine, yuanPer } from "./funding.ts";
import { agrees, decimalsOfNumber } from "./rounding.ts";

export interface Figures {
  /** Declared unit of the printed amounts. */
  unit: MoneyUnit | null;
  budget: number | null;
  executed: number | null;
  balance: number | null;
  rate: number | null;
  score: number | null;
}

export const AMOUNTS = [
  ["budget", "全年预算数"],
  ["executed", "全年执行数"],
  ["balance", "结转结余"],
] as const;
export type Amount = (typeof AMOUNTS)[number][0];

export function formFigures(form: Form): Figures | null {
  const line = mainLine(form);
  if (!line) return null;
  return {
    unit: form.moneyUnitEffective ?? form.moneyUnit,
    budget: line.budget,
    executed: line.executed,
    balance: line.balance,
    rate: line.executionRate,
    score: line.score,
  };
}

export function sideFigures(t: SideTable): Figures {
  return { unit: t.moneyUnit, budget: t.budget, executed: t.executed, balance: t.balance, rate: t.executionRate, score: t.score };
}

/**
 * Two printed amounts of the same money agree when the coarser one is the finer
 * one rounded (6.25 万元 and 62,502.5 元), or, in the same unit, either way round.
 */
export function amountsAgree(a: number, aUnit: MoneyUnit | null, b: number, bUnit: MoneyUnit | null): boolean {
  const ya = a * yuanPer(aUnit);
  const yb = b * yuanPer(bUnit);
  if (yuanPer(aUnit) === yuanPer(bUnit)) return agrees(a, b) || agrees(b, a);
  const [coarse, coarseUnit, fineYuan] = yuanPer(aUnit) > yuanPer(bUnit) ? [a, aUnit, yb] : [b, bUnit, ya];
  return agrees(coarse, fineYuan / yuanPer(coarseUnit), decimalsOfNumber(coarse));
}

export interface Difference {
  field: Amount | "rate" | "score";
  name: string;
  form: number;
  other: number;
}

/** Every amount, rate or score printed on both sides that disagrees; `otherUnit` overrides the other table's unit. */
export function differences(form: Figures, other: Figures, otherUnit: MoneyUnit | null = other.unit): Difference[] {
  const out: Difference[] = [];
  for (const [field, name] of AMOUNTS) {
    const a = form[field];
    const b = other[field];
    if (a !== null && b !== null && !amountsAgree(a, form.unit, b, otherUnit)) out.push({ field, name, form: a, other: b });
  }
  if (form.rate !== null && other.rate !== null && !(agrees(form.rate, other.rate) || agrees(other.rate, form.rate))) {
    out.push({ field: "rate", name: "执行率", form: form.rate, other: other.rate });
  }
  if (form.score !== null && other.score !== null && !(agrees(form.score, other.score) || agrees(other.score, form.score))) {
    out.push({ field: "score", name: "得分", form: form.score, other: other.score });
  }
  return out;
}

const PROJECT_KINDS = new Set<Form["kind"]>(["project_self_eval", "project_targets"]);

/** The form a side table speaks of: the project it names, else the document's only project form. */
export function formOfSideTable(doc: NormalizedDocument, t: SideTable): Form | null {
  const projects = doc.forms.filter((f) => PROJECT_KINDS.has(f.kind));
  if (t.projectName) {
    const named = projects.find((f) => f.projectName && keyOf(f.projectName) === keyOf(t.projectName));
    if (named) return named;
  }
  return projects.length === 1 ? projects[0]! : null;
}

export interface Pairing {
  form: Form;
  /** The other table: a side table, or another form of the same project. */
  side: SideTable | null;
  otherForm: Form | null;
  figures: Figures;
  page: number | null;
  line: number | null;
}

/** Every (form, other table of the same project) pair in the document. */
export function pairings(doc: NormalizedDocument): Pairing[] {
  const out: Pairing[] = [];
  for (const t of doc.sideTables) {
    const form = formOfSideTable(doc, t);
    if (form) out.push({ form, side: t, otherForm: null, figures: sideFigures(t), page: t.page, line: t.line });
  }
  const projects = doc.forms.filter((f) => PROJECT_KINDS.has(f.kind) && f.projectName);
  for (let i = 0; i < projects.length; i++) {
    for (let j = i + 1; j < projects.length; j++) {
      const [a, b] = [projects[i]!, projects[j]!];
      if (keyOf(a.projectName) !== keyOf(b.projectName) || a.kind !== b.kind) continue;
      const figures = formFigures(b);
      if (figures) out.push({ form: a, side: null, otherForm: b, figures, page: b.pageFrom, line: b.lineFrom });
    }
  }
  return out;
}

/** Would the other table agree if its declared unit were the other one? */
export function swappedUnitAgrees(form: Figures, other: Figures): boolean {
  if (other.unit === null || form.unit === null) return false;
  const swapped: MoneyUnit = other.unit === "元" ? "万元" : "元";
  const amountsPrinted = AMOUNTS.some(([f]) => form[f] !== null && other[f] !== null);
  const amountFields = (ds: Difference[]) => ds.filter((d) => d.field !== "rate" && d.field !== "score");
  return amountsPrinted && amountFields(differences(form, other)).length > 0 && amountFields(differences(form, other, swapped)).length === 0;
}
