/**
 * cross_table_mismatch — warning — the same project appears in two tables of
 * one document (a 元 table in the report and the 万元 自评表) and the amounts,
 * rate or score differ after unit conversion. A pair that only agrees once the
 * other table's unit is swapped is money_unit_suspect instead.
 */
import { formLabel, tail, whereText } from "../context.ts";
import { differences, formFigures, pairings, swappedUnitAgrees } from "../project-figures.ts";
import { mainLine } from "../funding.ts";
import type { Finding } from "@jixiao/normalize";
import { defineRule } from "./rule.ts";

export const crossTableMismatch = defineRule("cross_table_mismatch", "warning", (ctx, report) => {
  const found: Finding[] = [];
  for (const p of pairings(ctx.doc)) {
    const mine = formFigures(p.form);
    if (!mine) continue;
    const swapped = swappedUnitAgrees(mine, p.figures);
    const otherName = p.side ? "预算执行情况表" : "同一项目的另一张表";
    for (const d of differences(mine, p.figures)) {
      if (swapped && d.field !== "rate" && d.field !== "score") continue;
      const unitOf = (u: string | null) => (d.field === "rate" || d.field === "score" || !u ? "" : u);
      const shown = (x: number) => (d.field === "rate" ? `${+(x * 100).toFixed(4)}%` : String(x));
      found.push(
        report({
          form: p.form,
          funding: mainLine(p.form),
          message:
            `${d.name}：自评表为${shown(d.form)}${unitOf(mine.unit)}，${otherName}为${shown(d.other)}${unitOf(p.figures.unit)}，换算后不一致` +
            tail(whereText(ctx, { page: p.page, line: p.line }), formLabel(p.form)),
          expected: d.form,
          observed: d.other,
          page: p.page,
          params: { field: d.field, formUnit: mine.unit, otherUnit: p.figures.unit },
        }),
      );
    }
  }
  return found;
});
