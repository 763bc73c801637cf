/**
 * department_total_mismatch — warning — a department's project list
 * (分项绩效项目清单) sums to something other than the department's printed
 * totals: its 项目支出 line, or the 项目支出 its narrative states (its total line when
 * the list names 基本支出 among its items). Sums of n
 * two-decimal numbers are allowed n half-cents of rounding (高邑: 19 projects
 * adding to 3528.45 against 3528.46 is not a finding).
 */
import { keyOf, type Finding, type Form } from "@jixiao/normalize";
import { formLabel, formWhere, tail, whereText, type Place } from "../context.ts";
import { yuanPer } from "../funding.ts";
import { narrativeFigures, narrativeSentences } from "../narrative-figures.ts";
import { columnDecimals, show, sumAgrees } from "../rounding.ts";
import { mainLine } from "../funding.ts";
import { defineRule } from "./rule.ts";

type Column = "budget" | "executed" | "initialBudget";
const COLUMN_NAMES: Record<Column, string> = { budget: "全年预算数", executed: "全年执行数", initialBudget: "年初预算数" };

function projectsOf(forms: Form[], dept: Form): Form[] {
  const listed = forms.filter((f) => f.kind === "project_list" && f.parentSeq === dept.seq);
  if (listed.length > 0 || dept.kind !== "department_targets") return listed;
  return forms.filter((f) => f.kind === "project_targets");
}

/** The projects' amounts in the department's unit; null when any project lacks the column. */
function amounts(projects: Form[], column: Column, unit: Form["moneyUnit"]): number[] | null {
  const out: number[] = [];
  for (const p of projects) {
    const v = mainLine(p)?.[column];
    if (v == null) return null;
    out.push((v * yuanPer(p.moneyUnitEffective ?? p.moneyUnit)) / yuanPer(unit));
  }
  return out;
}

interface Reference {
  value: number;
  column: Column;
  said: string;
  place: Place;
  page: number | null;
}

export const departmentTotalMismatch = defineRule("department_total_mismatch", "warning", (ctx, report) => {
  const found: Finding[] = [];
  const departments = ctx.doc.forms.filter((f) => f.kind === "department_self_eval" || f.kind === "department_targets");
  for (const dept of departments) {
    const projects = projectsOf(ctx.doc.forms, dept);
    if (projects.length === 0) continue;
    const unit = dept.moneyUnitEffective ?? dept.moneyUnit ?? "万元";
    const refs: Reference[] = [];
    // A list that names the department's 基本支出 among its items (年度履职目标 | … | 基本支出 | 110.61) is all of
    // its money: it adds up to the total, not to 项目支出.
    const whole = projects.some((p) => /^基本支出$/.test(keyOf(p.projectName ?? "")));
    for (const line of dept.funding.filter((l) => (whole ? l.sourceKind === "total" : /项目支出/.test(keyOf(l.source))))) {
      for (const column of ["budget", "executed"] as const) {
        const v = line[column];
        if (v !== null) refs.push({ value: v, column, said: `表中${line.source}${COLUMN_NAMES[column]}${v}${unit}`, place: line, page: line.page });
      }
    }
    // The narrative speaks for the department only when the document has one department form.
    if (departments.length === 1) {
      for (const n of narrativeSentences(ctx.doc.narrative)) {
        for (const fig of narrativeFigures(n.text)) {
          // A 项目支出 figure always carries its unit: the pattern that reads it requires 万元 or 元.
          if (fig.kind !== "projectSpending") continue;
          const value = (fig.value * yuanPer(fig.unit)) / yuanPer(unit);
          const column: Column = fig.basis === "actual" ? "executed" : fig.basis === "initial" ? "initialBudget" : "budget";
          refs.push({ value, column, said: `文字部分“${fig.snippet}”`, place: n, page: n.page });
        }
      }
    }
    for (const ref of refs) {
      // Lists often print one amount column: the year's spending is then compared with the budgets listed.
      const column = ref.column === "executed" && amounts(projects, "executed", unit) === null ? "budget" : ref.column;
      const parts = amounts(projects, column, unit);
      if (!parts) continue;
      const decimals = columnDecimals([ref.value, ...projects.map((p) => mainLine(p)![column]!)]);
      if (sumAgrees(ref.value, parts, decimals)) continue;
      const sum = parts.reduce((s, p) => s + p, 0);
      found.push(
        report({
          form: dept,
          message:
            `分项项目${projects.length}个的${COLUMN_NAMES[column]}合计${show(sum, decimals)}${unit}，与${ref.said}不一致` +
            tail(whereText(ctx, ref.place) ?? formWhere(ctx, dept), formLabel(dept)),
          expected: ref.value,
          observed: sum,
          page: ref.page,
          params: { projects: projects.length, column, tolerance: (projects.length + 1) * 0.5 * 10 ** -decimals },
        }),
      );
    }
  }
  return found;
});
