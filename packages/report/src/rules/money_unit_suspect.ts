/**
 * money_unit_suspect — warning — the declared unit (万元/元) contradicts the
 * magnitudes. The normalizer decides the effective unit from the amounts, the
 * form's cost indicators, the narrative and other tables, and says why in
 * moneyUnitReason; here a declared ≠ effective unit becomes a finding, and so
 * does another table of the same project whose amounts only agree with the
 * form once its own unit is swapped (8.65 in a 元 table next to 8.65 万元).
 */
import { formLabel, formWhere, tail, whereText } from "../context.ts";
import { formFigures, pairings, swappedUnitAgrees } from "../project-figures.ts";
import { mainLine } from "../funding.ts";
import type { Finding } from "@jixiao/normalize";
import { defineRule } from "./rule.ts";

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
