/**
 * level1_weight_mismatch — warning — a declared 一级指标 weight such as
 * 产出指标(60分) differs from the sum of the weights of its indicators. Declared
 * 二级指标 weights (高邑's 预算执行(25)) are checked the same way. On rows read
 * from text, where a group's rows are guessed from where its label sits, a
 * mismatch that moving the groups' boundaries would resolve for every group
 * is not reported (fitsMovedBoundaries), nor one whose level's labels were read
 * unevenly, some with points and some without (unevenlyRead), nor any on a form
 * read from text that lost its total (a copy cut short).
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

/**
 * Whether the groups of a level, read from text, would each hold their declared weight with their
 * boundaries moved along the indicators: in order, every running total of the declared weights is a
 * running total of the indicators' weights, and the last is their sum. Text keeps no merged cells
 * (pdftotext prints a group's label halfway down its rows, a web page's copy drops the span), so where
 * a group starts and ends is read from where its label sits; when moving those boundaries makes every
 * group agree, the mismatch is in the reading, not in the form.
 */
function fitsMovedBoundaries(form: Form, level: 1 | 2): boolean {
  // (The indicators under a label of this level; a row without a weight, a sub-heading's, adds none.)
  const inds = form.indicators.filter((i) => (level === 1 ? i.level1 : i.level2) !== null);
  if (inds.some((i) => i.line === null)) return false;
  const declared: number[] = [];
  const seen = new Set<string>();
  for (const i of inds) {
    const key = level === 1 ? i.level1! : `${i.level1 ?? ""}/${i.level2}`;
    const weight = level === 1 ? i.level1Weight : i.level2Weight;
    if (seen.has(key)) continue;
    seen.add(key);
    if (weight === null) return false;
    declared.push(weight);
  }
  const running = (xs: number[]) => xs.map(((s) => (x: number) => (s += x))(0));
  const byIndicator = running(inds.map((i) => i.weight ?? 0));
  const byGroup = running(declared);
  let from = 0;
  for (const total of byGroup) {
    from = byIndicator.findIndex((t, k) => k >= from && agrees(total, t));
    if (from < 0) return false;
    from++;
  }
  return from === byIndicator.length;
}

/**
 * Whether a level's groups were read unevenly from text: some of its labels declare points and others, read as
 * labels of the same level, declare none (决策过程 (8分) read whole, its neighbour's 决策 依据 split at a space into
 * 决策 | 依据). A template declares points for all its groups of a level or for none; the groups' members are the
 * reading's guess, not the form's.
 */
function unevenlyRead(form: Form, level: 1 | 2): boolean {
  const inds = form.indicators.filter((i) => i.line !== null && (level === 1 ? i.level1 : i.level2) !== null);
  const declared = inds.map((i) => (level === 1 ? i.level1Weight : i.level2Weight));
  return declared.some((w) => w !== null) && declared.some((w) => w === null);
}

export const level1WeightMismatch = defineRule("level1_weight_mismatch", "warning", (ctx, report) => {
  // Where 分值 are printed (a target form may print them too); a monitoring form has none. (Not on a form read from
  // text that lost its total: a copy cut short, whose groups text placed by guess, can hold no group's whole.)
  const cutText = (form: Form) => form.missing.includes("total") && form.indicators.some((i) => i.line !== null);
  return ctx.doc.forms.filter((form) => !isMonitoring(form) && !cutText(form)).flatMap((form) =>
    groups(form).flatMap((g) => {
      if (unevenlyRead(form, g.level)) return [];
      if (g.members.some((i) => i.weight === null)) return [];
      // Without its total row a form may be cut short: its last group may have lost rows.
      if (form.missing.includes("total") && g.members.includes(form.indicators[form.indicators.length - 1]!)) return [];
      const sum = g.members.reduce((s, i) => s + i.weight!, 0);
      if (agrees(g.declared, sum)) return [];
      if (fitsMovedBoundaries(form, g.level)) return [];
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
