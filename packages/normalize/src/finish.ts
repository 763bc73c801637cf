/**
 * Last touches on a form once all its rows are read: rows the page layout put
 * under the wrong group, the fiscal year when only the body mentions it, and
 * which required parts are missing.
 */
import { isPlaceName } from "./headers.ts";
import type { Form, Indicator } from "./model.ts";
import { familyOf, type FormPart } from "./families.ts";
import { activeVocabulary } from "./vocabulary.ts";
import { projectFromTitle } from "./title-project.ts";
import { factKeyOf, level2Of } from "./vocab.ts";
import { keyOf } from "./text-key.ts";
import { indicatorsFromEnumeratedFacts } from "./enumerated-indicators.ts";

/** Families about one project: a form of these that prints no 项目名称 may name it in its title. */
const PROJECT_KINDS = new Set<Form["kind"]>(["project_self_eval", "transfer_self_eval", "project_targets", "transfer_targets", "project_monitoring"]);

export function finishForm(form: Form): Form {
  indicatorsFromEnumeratedFacts(form);
  form.kind = familyByContent(form);
  // Analysts group by agency: a form that prints only 主管部门/实施单位 is filed under it.
  form.agency ??= form.implementer ?? form.supervisor;
  if (PROJECT_KINDS.has(form.kind)) form.projectName ??= projectFromTitle(form.title);
  regroupMisplacedRows(form, "level2");
  regroupMisplacedRows(form, "level1");
  demoteCompletingGroups(form);
  // A monitoring form measures against 年初预算数; so does any form that prints no other budget.
  if (form.kind === "project_monitoring" || form.kind === "department_monitoring" || form.funding.every((l) => l.budget === null)) budgetFromInitial(form);
  form.missing = missingParts(form);
  return form;
}

/**
 * A transfer-payment form titled only 绩效目标表 or 绩效自评表 names itself by
 * its header block: a 中央主管部门, or 财政部门 and 主管部门 at more than one
 * level of government (省级财政部门, 区县主管部门 …).
 */
function familyByContent(form: Form): Form["kind"] {
  if (form.kind === "project_self_eval" && (isScoreSheet(form) || isEvaluationSummary(form))) return "evaluation_scorecard";
  const labels = form.facts.map((f) => f.label.replace(/\s/g, ""));
  const transfer = labels.some((l) => /中央主管部门|转移支付/.test(l))
    || (labels.some((l) => /财政部门$/.test(l)) && labels.filter((l) => /主管部门$/.test(l)).length >= 1 && labels.some((l) => /^(省|市|区|县|区县|市县|自治区)级?/.test(l)));
  // Or its money: 中央补助 beside 地方资金, the split of a transfer payment.
  const sources = form.funding.map((l) => l.source.replace(/\s/g, ""));
  const split = sources.some((s) => /中央(财政)?(补助|资金)/.test(s)) && sources.some((s) => /^(其中:?)?地方(财政)?资金/.test(s));
  // Or a 主管部门 of a named level of government (县级主管部门) whose money is a higher
  // level's subsidy (中央、省、市补助县级资金): a special transfer to that level.
  // (Or the higher levels' own money, 中央财政 | 省级财政 under a 省级主管部门: 四川's 普惠金融 专项资金.)
  const leveled = labels.some((l) => /^(省|市|区|县|区县|市县|州|旗)级主管部门$/.test(l))
    && sources.some((s) => (/补助|上级/.test(s) && /中央|省|市|上级/.test(s)) || /^(其中:?)?中央(财政|资金)/.test(s));
  // Or its targets split by the places the money goes to (西坪镇尧山村 | 桃舟乡吾培村 | …, each a column of
  // values): a target form of money handed down to them.
  const regional = form.kind === "project_targets" && form.indicators.some((i) => Object.keys(i.extra ?? {}).filter(isPlaceName).length >= 2);
  if (!transfer && !split && !leveled && !regional) return form.kind;
  if (form.kind === "project_self_eval") return "transfer_self_eval";
  if (form.kind === "project_targets") return "transfer_targets";
  return form.kind;
}

/**
 * The summary table of an evaluation report (贵州's 概要): the evaluator who signs it (评价机构) and the result
 * it gave (评价分值, 评价得分, 评价等级) among its pairs — an evaluation's form, not the unit's own self-evaluation.
 */
function isEvaluationSummary(form: Form): boolean {
  const labels = form.facts.map((f) => keyOf(f.label));
  return labels.some((l) => factKeyOf(l) === "evaluator" && /^评价/.test(l)) && labels.some((l) => /^评价(?:分值|得分|总分|等级|结论)$/.test(l));
}

/**
 * A project self-evaluation titled 自评表 that prints only weights and scores,
 * with no target or actual value anywhere, is a score sheet of an evaluation
 * framework when it prints the rule each score follows (评分标准) or its levels
 * are the framework's for projects (决策 or 项目决策 …). A department's 自评表
 * of the same shape (高邑's, the seeds: 指标解释, 评分标准, 分值, 得分 under
 * 投入/过程/产出/效果) stays a department self-evaluation: it is the form the
 * department files, scored by the framework.
 */
function isScoreSheet(form: Form): boolean {
  const rows = form.indicators;
  if (rows.length < 3 || rows.some((i) => i.targetText || i.actualText || i.adjustedTargetText)) return false;
  if (rows.filter((i) => i.weight !== null).length * 2 < rows.length) return false;
  return rows.some((i) => i.scoringRule) || rows.some((i) => i.level1 !== null && /决策/.test(i.level1));
}

/**
 * A monitoring form that prints only 年初预算数 measures its 1–N月 execution
 * against it: that is the year's budget as far as the form knows.
 */
function budgetFromInitial(form: Form): void {
  for (const l of form.funding) {
    if (l.budget !== null || l.initialBudget === null) continue;
    l.budget = l.initialBudget;
    l.budgetText = l.initialBudgetText;
  }
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
    // A level printed only as its weight ((10分) over (10)) has no name to tell two
    // such groups apart once read: its rows stay where the page put them.
    if (declared === null || !g.rows[0]![level]) continue;
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
      return w !== null && !!h.rows[0]![level] && round(w - sum(h.rows)) === excess;
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

/**
 * The printed groups of a level: runs of consecutive rows under the same label
 * and weight. A template that prints a level only as its weight ((20分), (10分))
 * leaves the name empty, so two such groups differ only by weight and place.
 */
/**
 * A level-2 word read as a level 1 (成本指标(10分) where text lost the merged
 * 项目产出(30分) cell beside it): when the level 1 before it declares a weight
 * that its rows fall short of by exactly this group's weight, and this group
 * prints no level 2 of its own, it is that level 1's next level 2. Weights
 * decide, so a template whose 成本指标 really is a level 1 (产出, 成本, 效益 …,
 * each weighing what its rows add up to) keeps it.
 */
export function demoteCompletingGroups(form: Form): void {
  const groups = groupsOf(form.indicators, "level1");
  for (let gi = 1; gi < groups.length; gi++) {
    const parent = groups[gi - 1]!.rows[0]!;
    const g = groups[gi]!;
    const declared = parent.level1Weight;
    const own = g.rows[0]!.level1Weight;
    if (declared === null || own === null || !parent.level1 || !g.rows[0]!.level1) continue;
    if (g.rows.some((r) => r.level2 !== null) || !level2Of(g.rows[0]!.level1)) continue;
    const before = sum(groups[gi - 1]!.rows);
    if (before >= declared || round(before + own) !== declared || sum(g.rows) !== own) continue;
    for (const r of g.rows) {
      r.level2 = r.level1;
      r.level2Weight = r.level1Weight;
      r.level1 = parent.level1;
      r.level1Weight = declared;
    }
    // The parent's run now includes these rows: a further group may complete it too.
    groups[gi - 1]!.rows.push(...g.rows);
    groups.splice(gi, 1);
    gi--;
  }
}

function groupsOf(rows: Indicator[], level: Level): { key: string; rows: Indicator[] }[] {
  const out: { key: string; rows: Indicator[] }[] = [];
  for (const r of rows) {
    const key = level === "level1" ? `${r.level1}|${r.level1Weight}` : `${r.level1}|${r.level1Weight}/${r.level2}|${r.level2Weight}`;
    const last = out[out.length - 1];
    if (last && last.key === key) last.rows.push(r);
    else out.push({ key, rows: [r] });
  }
  return out;
}

const sum = (rows: Indicator[]) => round(rows.reduce((s, r) => s + (r.weight ?? 0), 0));
const round = (v: number) => Math.round(v * 1e6) / 1e6;

/** The parts its family prints (families.ts, or the user's vocabulary) that the form lacks. */
function missingParts(form: Form): string[] {
  const required = activeVocabulary().required.get(form.kind) ?? familyOf(form.kind).required;
  const has: Record<FormPart, boolean> = {
    funding: form.funding.length > 0,
    indicators: form.indicators.length > 0,
    total: form.totalScore !== null,
  };
  return required.filter((part) => !has[part]);
}
