/**
 * level1_weight_mismatch — warning — a declared 一级指标 weight such as
 * 产出指标(60分) differs from the sum of the weights of its indicators. Declared
 * 二级指标 weights (高邑's 预算执行(25)) are checked the same way.
 */
import type { Form, Indicator } from "@jixiao/normalize";
import { formLabel, tail, whereText, type DocumentContext } from "../context.ts";
import { agrees, show } from "../rounding.ts";
import { isMonitoring } from "../families.ts";
import { defineRule } from "./rule.ts";

interface Group {
  level: 1 | 2;
  name: string;
  declared: number;
  members: Indicator[];
}

function groups(form: Form): Group[] {
  const out: Group[] = [];
  const byKey = new Map<string, Group>();
  for (const ind of form.indicators) {
    const keys: [1 | 2, string | null, number | null][] = [
      [1, ind.level1, ind.level1Weight],
      [2, ind.level2 && `${ind.level1 ?? ""}/${ind.level2}`, ind.level2Weight],
    ];
    for (const [level, key, declared] of keys) {
      if (!key) continue;
      let g = byKey.get(`${level}:${key}`);
      if (!g) {
        if (declared === null) continue;
        g = { level, name: level === 1 ? ind.level1! : ind.level2!, declared, members: [] };
        byKey.set(`${level}:${key}`, g);
        out.push(g);
      }
      g.members.push(ind);
    }
  }
  return out;
}

function range(ctx: DocumentContext, members: Indicator[]): string | null {
  const first = whereText(ctx, members[0]!);
  const last = whereText(ctx, members[members.length - 1]!);
  return first === last || !last ? first : `${first}至${last}`;
}

export const level1WeightMismatch = defineRule("level1_weight_mismatch", "warning", (ctx, report) => {
  // Where 分值 are printed (a target form may print them too); a monitoring form has none.
  return ctx.doc.forms.filter((form) => !isMonitoring(form)).flatMap((form) =>
    groups(form).flatMap((g) => {
      if (g.members.some((i) => i.weight === null)) return [];
      // Without its total row a form may be cut short: its last group may have lost rows.
      if (form.missing.includes("total") && g.members.includes(form.indicators[form.indicators.length - 1]!)) return [];
      const sum = g.members.reduce((s, i) => s + i.weight!, 0);
      if (agrees(g.declared, sum)) return [];
      return [
        report({
          form,
          // About the group, not its first indicator: the page is where the group starts.
          page: g.members[0]!.page,
          message:
            `${g.level === 1 ? "一级指标" : "二级指标"}${g.name}声明${g.declared}分，但其下${g.members.length}项指标分值合计为${show(sum)}分` +
            tail(range(ctx, g.members), formLabel(form)),
          expected: g.declared,
          observed: sum,
          params: { level: g.level, name: g.name, indicators: g.members.length },
          inputs: g.members,
        }),
      ];
    }),
  );
});
