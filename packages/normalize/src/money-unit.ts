/**
 * Which money unit a form really uses. Forms declare 万元 or 元 in a header, and
 * the declaration is sometimes wrong (a 项目资金（元）block holding 15, 80 and
 * 23.11 while the form's own cost indicator says ≤15万元). The effective unit is
 * decided from evidence in the same document, and all *_yuan amounts use it.
 */
import type { Form, MoneyUnit, SideTable } from "./model.ts";
import { decimalsOf, parseValue } from "./values.ts";

/** A project budget below this many yuan is implausible for a form that declares 元. */
export const MIN_PLAUSIBLE_BUDGET_YUAN = 1000;
/**
 * A budget of this many 万元 (10 billion yuan) or more is implausible for one
 * project or one department of a form that declares 万元: the amounts are yuan
 * under a wrong label (福建 宁德's 资金结构（万元） over 2,751,417.82). Transfer
 * forms are exempt: a province's share of a central transfer can be that large.
 */
export const MAX_PLAUSIBLE_BUDGET_WAN = 1_000_000;
/** Relative tolerance when matching an amount against a cost indicator or another table. */
export const AMOUNT_MATCH_TOLERANCE = 0.005;

const FACTOR: Record<MoneyUnit, number> = { "元": 1, "万元": 10_000 };

export function resolveMoneyUnits(forms: Form[], sideTables: SideTable[]): void {
  for (const form of forms) {
    const decided = decideUnit(form, sideTables);
    form.moneyUnitEffective = decided.unit;
    form.moneyUnitReason = decided.reason;
    const factor = decided.unit ? FACTOR[decided.unit] : null;
    for (const l of form.funding) {
      const y = (v: number | null) => (v === null || factor === null ? null : round2(v * factor));
      l.initialBudgetYuan = y(l.initialBudget);
      l.budgetYuan = y(l.budget);
      l.executedYuan = y(l.executed);
      l.balanceYuan = y(l.balance);
      l.executedToDateYuan = y(l.executedToDate);
      l.forecastExecutedYuan = y(l.forecastExecuted);
    }
    if (factor !== null) refineFromSideTable(form, sideTables, factor);
  }
}

/**
 * The same project printed in yuan elsewhere in the document (62,502.5 元 in
 * the report's table, 6.25 万元 in the form) carries the amounts the form
 * rounded: when they agree within the form's printed precision, keep the
 * precise yuan figures.
 */
function refineFromSideTable(form: Form, sideTables: SideTable[], factor: number): void {
  const total = form.funding.find((l) => l.sourceKind === "total");
  if (!total) return;
  const side = sideTables.find((s) => s.moneyUnit && sameProject(s.projectName, form.projectName));
  if (!side || !side.moneyUnit) return;
  const sideFactor = FACTOR[side.moneyUnit];
  if (sideFactor >= factor) return;
  const pairs: [number | null, string | null, number | null, "budgetYuan" | "executedYuan" | "balanceYuan"][] = [
    [total.budget, total.budgetText, side.budget, "budgetYuan"],
    [total.executed, total.executedText, side.executed, "executedYuan"],
    [total.balance, total.balanceText, side.balance, "balanceYuan"],
  ];
  const agree = pairs.every(([printed, text, precise]) => {
    if (printed === null || precise === null) return true;
    const halfUlp = 0.5 * 10 ** -decimalsOf(text) * factor;
    return Math.abs(printed * factor - precise * sideFactor) <= halfUlp + 1e-9;
  });
  if (!agree) return;
  for (const [printed, , precise, key] of pairs) if (printed !== null && precise !== null) total[key] = round2(precise * sideFactor);
}

function sameProject(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  return a.includes(b) || b.includes(a);
}

function decideUnit(form: Form, sideTables: SideTable[]): { unit: MoneyUnit | null; reason: string | null } {
  const declared = form.moneyUnit;
  const total = form.funding.find((l) => l.sourceKind === "total") ?? form.funding[0];
  const amount = total?.budget ?? total?.executed ?? null;
  if (declared === null) {
    // Nothing declared: 万元 is the norm for these forms, unless the magnitude says yuan.
    if (amount === null) return { unit: null, reason: null };
    return amount >= 1_000_000
      ? { unit: "元", reason: `未声明金额单位，金额${amount}按元计` }
      : { unit: "万元", reason: null };
  }
  if (amount === null || amount === 0) return { unit: declared, reason: null };
  // Evidence 1: the form's own cost indicator names the budget in 万元 (≤15万元) or 元.
  for (const ind of form.indicators) {
    for (const t of [ind.targetText, ind.actualText]) {
      const parsed = parseValue(t);
      // ≤15万 in a cost indicator means 万元.
      const v = { ...parsed, unit: parsed.unit === "万" ? ("万元" as const) : parsed.unit };
      if (v.value === null || (v.unit !== "万元" && v.unit !== "元")) continue;
      if (close(v.value, amount) && v.unit !== declared) {
        return { unit: v.unit, reason: `成本指标“${ind.name}”写作${t}，与表头声明的${declared}不符，金额按${v.unit}计` };
      }
      // The same amount written in the other unit (628084元 for 62.81万元) confirms the declaration.
      if (v.unit !== declared && close(v.value * FACTOR[v.unit], amount * FACTOR[declared])) return { unit: declared, reason: null };
    }
  }
  // Evidence 2: another table of the same project in this document (a 元 table in the report).
  for (const s of sideTables) {
    if (!s.moneyUnit || s.budget === null || (s.projectName && form.projectName && !form.projectName.includes(s.projectName) && !s.projectName.includes(form.projectName))) continue;
    if (s.moneyUnit === declared && close(s.budget, amount)) return { unit: declared, reason: null };
    if (s.moneyUnit !== declared && close(s.budget * FACTOR[s.moneyUnit], amount * FACTOR[declared])) return { unit: declared, reason: null };
    // The other table prints the same number under the other unit: believe it only when the
    // result is a plausible budget (8.65 元 is not; the 元 label is then the wrong one).
    if (s.moneyUnit !== declared && close(s.budget, amount) && amount * FACTOR[s.moneyUnit] >= MIN_PLAUSIBLE_BUDGET_YUAN) {
      return { unit: s.moneyUnit, reason: `同一项目在本文件另一张表中以${s.moneyUnit}列示为${s.budget}，金额按${s.moneyUnit}计` };
    }
  }
  // Evidence 3: magnitude alone — the total's; with no total line, of every amount the form prints: a plausible one
  // beside a small one (387664.62 beside a 10 that text misplaced) says the small one is no budget in the wrong unit.
  const judged = total?.sourceKind === "total" ? amount
    : Math.max(amount, ...form.funding.flatMap((l) => [l.initialBudget, l.budget, l.executed]).filter((v): v is number => v !== null));
  if (declared === "元" && judged < MIN_PLAUSIBLE_BUDGET_YUAN) {
    return { unit: "万元", reason: `表头声明元，但预算数${amount}不足${MIN_PLAUSIBLE_BUDGET_YUAN}元，金额按万元计` };
  }
  if (declared === "万元" && amount >= MAX_PLAUSIBLE_BUDGET_WAN && !form.kind.startsWith("transfer_")) {
    return { unit: "元", reason: `表头声明万元，但预算数${amount}万元达${MAX_PLAUSIBLE_BUDGET_WAN / 10_000}亿元以上，金额按元计` };
  }
  return { unit: declared, reason: null };
}

const close = (a: number, b: number) => Math.abs(a - b) <= Math.max(Math.abs(b) * AMOUNT_MATCH_TOLERANCE, 0.005);
const round2 = (v: number) => Math.round(v * 100) / 100;
