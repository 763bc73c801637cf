/**
 * Last touches on a form once all its rows are read: rows the page layout put
 * under the wrong group, the fiscal year when only the body mentions it, and
 * which required parts are missing.
 */
import type { Form, Indicator } from "./model.ts";

export function finishForm(form: Form): Form {
  // Analysts group by agency: a form that prints only 主管部门/实施单位 is filed under it.
  form.agency ??= form.implementer ?? form.supervisor;
  regroupMisplacedRows(form, "level2");
  regroupMisplacedRows(form, "level1");
  form.missing = missingParts(form);
  return form;
}

type Level = "level1" | "level2";

/**
 * A group whose rows weigh more than its declared weight, while a later group
 * weighs exactly that much less than its own: the trailing rows of the first
 * were printed on the page before the second group's label (高邑's 收入预算完成率
 * and 预算调整率 under 投入 although 预算执行(25) needs them). Only an exact
 * match on both sides moves rows, so real weight errors stay visible.
 */
export function regroupMisplacedRows(form: Form, level: Level): void {
  const weightKey = level === "level1" ? "level1Weight" : "level2Weight";
  const groups = groupsOf(form.indicators, level);
  for (let gi = 0; gi < groups.length; gi++) {
    const g = groups[gi]!;
    const declared = g.rows[0]![weightKey];
    if (declared === null) continue;
    const excess = round(sum(g.rows) - declared);
    if (excess <= 0) continue;
    // Trailing rows adding up to the excess.
    let acc = 0;
    let k = g.rows.length;
    while (k > 0 && acc < excess) acc = round(acc + (g.rows[--k]!.weight ?? 0));
    if (acc !== excess || k === 0) continue;
    const moved = g.rows.slice(k);
    const target = groups.slice(gi + 1).find((h) => {
      const w = h.rows[0]![weightKey];
      return w !== null && round(w - sum(h.rows)) === excess;
    });
    if (!target) continue;
    const model = target.rows[0]!;
    for (const r of moved) {
      r.level1 = model.level1;
      r.level1Weight = model.level1Weight;
      if (level === "level2") {
        r.level2 = model.level2;
        r.level2Weight = model.level2Weight;
      }
    }
    g.rows.splice(k);
    target.rows.push(...moved);
  }
}

function groupsOf(rows: Indicator[], level: Level): { key: string; rows: Indicator[] }[] {
  const out: { key: string; rows: Indicator[] }[] = [];
  const byKey = new Map<string, { key: string; rows: Indicator[] }>();
  for (const r of rows) {
    const key = level === "level1" ? `${r.level1}` : `${r.level1}/${r.level2}`;
    let g = byKey.get(key);
    if (!g) {
      g = { key, rows: [] };
      byKey.set(key, g);
      out.push(g);
    }
    g.rows.push(r);
  }
  return out;
}

const sum = (rows: Indicator[]) => round(rows.reduce((s, r) => s + (r.weight ?? 0), 0));
const round = (v: number) => Math.round(v * 1e6) / 1e6;

function missingParts(form: Form): string[] {
  const missing: string[] = [];
  const selfEval = form.kind === "project_self_eval" || form.kind === "department_self_eval";
  if (form.kind !== "project_list" && form.funding.length === 0) missing.push("funding");
  if (form.kind !== "project_list" && form.indicators.length === 0) missing.push("indicators");
  if (selfEval && form.totalScore === null) missing.push("total");
  return missing;
}
