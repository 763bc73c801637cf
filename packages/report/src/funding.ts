/** Which funding line speaks for the form, and reading its numbers. */
import { decimalsOfNumber, printedRange } from "./rounding.ts";
import type { Form, FundingLine } from "@jixiao/normalize";

/** The 'total' line (年度资金总额), else the first line: the same choice as the store's v_forms. */
export function mainLine(form: Form): FundingLine | null {
  return form.funding.find((l) => l.sourceKind === "total") ?? form.funding[0] ?? null;
}

/** The line that carries the budget-execution item's score (or rate): the total line first. */
export function executionLine(form: Form): FundingLine | null {
  const scored = (l: FundingLine) => l.score !== null || l.executionRate !== null;
  return form.funding.find((l) => l.sourceKind === "total" && scored(l)) ?? form.funding.find(scored) ?? null;
}

/** Yuan per printed unit. */
export function yuanPer(unit: "元" | "万元" | null): number {
  return unit === "元" ? 1 : 10_000;
}

/**
 * The precision amounts of a funding block are printed at: the most decimals
 * its column shows, and never coarser than a cent of 万元 for 万元 tables
 * (whole 万元 amounts such as 15 are 15.00, not 15 ± 0.5).
 */
export function amountDecimals(form: Form): number {
  const values = form.funding.flatMap((l) => [l.initialBudget, l.budget, l.executed, l.balance, l.executedToDate, l.forecastExecuted]).filter((v): v is number => v != null);
  const printed = values.reduce((d, v) => Math.max(d, decimalsOfNumber(v)), 0);
  return (form.moneyUnitEffective ?? form.moneyUnit) === "元" ? printed : Math.max(printed, 2);
}

/** B/A over the ranges the printed amounts stand for: [low, high], capped at `cap` when given. */
export function rateRange(budget: number, executed: number, decimals: number, cap = Infinity): [number, number] {
  const [aLo, aHi] = printedRange(budget, decimals);
  const [bLo, bHi] = printedRange(executed, decimals);
  const low = Math.max(0, bLo) / aHi;
  const high = aLo > 0 ? bHi / aLo : Infinity;
  return [Math.min(low, cap), Math.min(high, cap)];
}
