/**
 * money_unit_suspect — warning — the declared unit (万元/元) contradicts the
 * magnitudes. The normalizer decides the effective unit from the amounts, the
 * form's cost indicators, the narrative and other tables, and says why in
 * moneyUnitReason; here a declared ≠ effective unit becomes a finding, and so
 * does another table of the same project whose amounts only agree with the
 * form once its own unit is swapped (8.65 in a 元 table next to 8.65 万元).
 *
 * When the normalizer kept the declared unit, the amounts are also held
 * against the form's own 成本 indicators here: 本年度项目金额（万元）10,185,500
 * next to a cost target ≤1018.55万元 is 1018.55万元 written in 元 — the cost
 * target matches the amount only once the amount is read in the other unit,
 * and no amount matches a cost target as declared.
 */
import { formLabel, formWhere, tail, whereText } from "../context.ts";
import { formFigures, pairings, swappedUnitAgrees } from "../project-figures.ts";
import { mainLine } from "../funding.ts";
import type { Finding, Form, FundingLine, Indicator, MoneyUnit } from "@jixiao/normalize";
import { isCostIndicator, moneyValue } from "../money.ts";
import { yuanPer } from "../funding.ts";
import { defineRule } from "./rule.ts";
import { identities } from "./funding_identity.ts";
import { columnDecimals, sumAgrees } from "../rounding.ts";

/** Relative tolerance when an amount is matched with a cost target (the normalizer's own). */
const MATCH_TOLERANCE = 0.005;
const close = (a: number, b: number) => Math.abs(a - b) <= Math.max(Math.abs(b) * MATCH_TOLERANCE, 0.005);

const AMOUNT_COLUMNS = [
  ["budget", "全年预算数"],
  ["initialBudget", "年初预算数"],
  ["executed", "全年执行数"],
] as const;

export interface ScaledCostEvidence {
  line: FundingLine;
  column: (typeof AMOUNT_COLUMNS)[number][0];
  amount: number;
  indicator: Indicator;
  targetText: string;
  declared: MoneyUnit;
  /** The unit the amount is really in. */
  actual: MoneyUnit;
}

/** The form's declared unit and the other one, when the normalizer kept the declared unit (else it is a finding already). */
function keptUnits(form: Form): { declared: MoneyUnit; other: MoneyUnit } | null {
  const declared = form.moneyUnit;
  if (!declared || (form.moneyUnitEffective !== null && form.moneyUnitEffective !== declared)) return null;
  return { declared, other: declared === "万元" ? "元" : "万元" };
}

/**
 * An amount that equals a cost target of the same form only after a
 * 10,000× shift, while no amount equals a cost target as declared.
 */
export function scaledCostEvidence(form: Form): ScaledCostEvidence | null {
  const units = keptUnits(form);
  if (!units) return null;
  const { declared, other } = units;
  const amounts = form.funding.flatMap((line) =>
    AMOUNT_COLUMNS.flatMap(([column]) => ((line[column] ?? 0) > 0 ? [{ line, column, amount: line[column]! }] : [])),
  );
  const costs = form.indicators.flatMap((indicator) => {
    if (!isCostIndicator(indicator)) return [];
    const targetText = indicator.adjustedTargetText ?? indicator.targetText;
    const money = moneyValue(targetText);
    // The cost target in the declared unit: ≤1018.55万元 is 1018.55 in a 万元 table.
    return money && money.value > 0 ? [{ indicator, targetText: targetText!, value: (money.value * yuanPer(money.unit)) / yuanPer(declared) }] : [];
  });
  if (amounts.some((a) => costs.some((c) => close(a.amount, c.value)))) return null;
  const scale = yuanPer(declared) / yuanPer(other);
  for (const a of amounts) {
    // (Compared at the amount's own size: shrunk 10,000×, any two small amounts would pass the rounding floor, 65.66 against 75元.)
    const c = costs.find((c) => close(a.amount, c.value * scale));
    if (c) return { ...a, indicator: c.indicator, targetText: c.targetText, declared, actual: other };
  }
  return null;
}

/** Share of the whole a part must make once scaled to count as the one cell written in the other unit. */
const MIN_SCALED_SHARE = 0.01;

export interface ScaledPartEvidence {
  whole: FundingLine;
  line: FundingLine;
  amount: number;
  declared: MoneyUnit;
  actual: MoneyUnit;
}

/**
 * A part of the block that makes its whole add up only when read in the other unit: 基本支出 7242318 in a block
 * labelled 单位:万元 whose 合计 968.1918 is 724.2318 + 243.96 — that one cell was written in 元 (or lost its point).
 * Only when the parts do not add up as printed, and exactly one part, scaled 10,000×, closes the sum.
 */
export function scaledPartEvidence(form: Form): ScaledPartEvidence | null {
  const units = keptUnits(form);
  if (!units) return null;
  const { declared, other } = units;
  const scale = yuanPer(other) / yuanPer(declared);
  for (const id of identities(form)) {
    const whole = id.whole.budget;
    const budgets = id.parts.map((p) => p.budget);
    if (whole === null || whole <= 0 || budgets.length < 2 || budgets.some((v) => v === null)) continue;
    const parts = budgets as number[];
    if (sumAgrees(whole, parts)) continue;
    const fits = id.parts.filter((_, i) => {
      // (A part that scaled is a sizeable share of the whole, not a rounding's worth: 6.3 shrunk to 0.00063 fits any 0.)
      if (parts[i]! * scale < whole * MIN_SCALED_SHARE) return false;
      const scaled = parts.map((v, k) => (k === i ? v * scale : v));
      return sumAgrees(whole, scaled, columnDecimals([whole, ...parts]));
    });
    if (fits.length === 1) return { whole: id.whole, line: fits[0]!, amount: fits[0]!.budget!, declared, actual: other };
  }
  return null;
}

export const moneyUnitSuspect = defineRule("money_unit_suspect", "warning", (ctx, report) => {
  const found: Finding[] = [];
  for (const form of ctx.doc.forms) {
    if (!form.moneyUnit || !form.moneyUnitEffective || form.moneyUnit === form.moneyUnitEffective) continue;
    const line = mainLine(form);
    found.push(
      report({
        form,
        funding: line,
        message:
          `表头金额单位为${form.moneyUnit}，但金额应为${form.moneyUnitEffective}` +
          (line?.budget != null ? `（全年预算数${line.budget}）` : "") +
          (form.moneyUnitReason ? `：${form.moneyUnitReason}` : "") +
          tail(line ? whereText(ctx, line) : formWhere(ctx, form), formLabel(form)),
        expected: null,
        observed: line?.budget ?? null,
        params: { declared: form.moneyUnit, effective: form.moneyUnitEffective, reason: form.moneyUnitReason },
      }),
    );
  }
  for (const form of ctx.doc.forms) {
    const e = scaledCostEvidence(form);
    if (!e) continue;
    const columnName = AMOUNT_COLUMNS.find(([c]) => c === e.column)![1];
    found.push(
      report({
        form,
        funding: e.line,
        message:
          `表头金额单位为${e.declared}，${e.line.source.replace(/[:：]$/, "")}${columnName}为${e.amount}，而成本指标“${e.indicator.name}”的指标值为${e.targetText}，金额应为${e.actual}` +
          tail(whereText(ctx, e.line), formLabel(form)),
        expected: null,
        observed: e.amount,
        params: { declared: e.declared, effective: e.actual, reason: "cost_indicator_scaled", indicator: e.indicator.name, column: e.column },
        inputs: [e.indicator],
      }),
    );
  }
  for (const form of ctx.doc.forms) {
    const e = scaledPartEvidence(form);
    if (!e) continue;
    const part = e.line.source.replace(/[:：]$/, "");
    found.push(
      report({
        form,
        funding: e.line,
        message:
          `表头金额单位为${e.declared}，${part}为${e.amount}；按${e.actual}理解（${e.amount * yuanPer(e.actual) / yuanPer(e.declared)}${e.declared}）各项才与${e.whole.source.replace(/[:：]$/, "")}${e.whole.budget}相符` +
          tail(whereText(ctx, e.line), formLabel(form)),
        expected: null,
        observed: e.amount,
        params: { declared: e.declared, effective: e.actual, reason: "part_scaled", whole: e.whole.source },
      }),
    );
  }
  for (const p of pairings(ctx.doc)) {
    const mine = formFigures(p.form);
    if (!mine || !swappedUnitAgrees(mine, p.figures)) continue;
    const otherName = p.side ? "预算执行情况表" : `另一张表（${formWhere(ctx, p.otherForm!) ?? ""}）`;
    found.push(
      report({
        form: p.form,
        funding: mainLine(p.form),
        message:
          `${otherName}标明金额单位为${p.figures.unit}，但其金额${p.figures.budget ?? p.figures.executed}只有按${p.figures.unit === "元" ? "万元" : "元"}理解才与本表（${mine.unit}）一致` +
          tail(whereText(ctx, { page: p.page, line: p.line }), formLabel(p.form)),
        expected: mine.budget,
        observed: p.figures.budget ?? p.figures.executed,
        page: p.page,
        params: { declared: p.figures.unit, formUnit: mine.unit, crossTable: true },
      }),
    );
  }
  return found;
});
