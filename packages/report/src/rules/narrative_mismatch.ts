/**
 * narrative_mismatch — warning — the narrative says something like
 * "全年项目预算8.65万元，执行4.95万元" and the numbers differ from the table's.
 * A sentence is matched to the form whose project it names, else to the
 * document's only self-evaluation form. Budget, execution and rate are read
 * by meaning (narrative-figures.ts): 年初预算安排资金120万元，实际支出98.5万元,
 * 已拨付…, 全年执行数为…; a figure dated to another year is left alone.
 * A line of the document's list of projects that names a form's project and
 * its amount (古昌镇…绿化美化项目100万元) is checked against that form's budget,
 * whatever its family.
 */
import { keyOf, type Finding, type Form } from "@jixiao/normalize";
import { formLabel, paramsOf, tail, whereText, type DocumentContext } from "../context.ts";
import { executionLine, mainLine } from "../funding.ts";
import { reportsActuals } from "../families.ts";
import { narrativeFigures, narrativeSentences, type NarrativeFigure, type Sentence } from "../narrative-figures.ts";
import { amountsAgree } from "../project-figures.ts";
import { agrees } from "../rounding.ts";
import { canonicalGrade } from "../scoring-params.ts";
import { defineRule, type Report } from "./rule.ts";

function formOfSentence(forms: Form[], sentence: Sentence): Form | null {
  const text = sentence.text;
  const named = forms.filter((f) => f.projectName && text.includes(keyOf(f.projectName)));
  if (named.length === 1) return named[0]!;
  return forms.length === 1 ? forms[0]! : null;
}

function bothWays(a: number, b: number): boolean {
  return agrees(a, b) || agrees(b, a);
}

interface Compared {
  name: string;
  table: string;
  agree: boolean;
  expected: number | null;
  observed: number | null;
  hint?: string;
}

function compare(form: Form, fig: NarrativeFigure): Compared | null {
  const line = mainLine(form);
  const unit = form.moneyUnitEffective ?? form.moneyUnit;
  // Money figures always carry the unit they were printed in (narrative-figures.ts reads none without one).
  const money = (name: string, value: number | null | undefined): Compared | null =>
    value == null ? null : { name, table: `${value}${unit ?? ""}`, agree: amountsAgree(fig.value, fig.unit, value, unit), expected: value, observed: fig.value };
  switch (fig.kind) {
    case "budget":
      return money("全年预算数", line?.budget);
    case "initialBudget":
      return money("年初预算数", line?.initialBudget);
    case "executed": {
      const c = money("全年执行数", line?.executed);
      // A hint is read only on a disagreement (the caller drops figures that agree), so it is not asked here.
      if (c && line?.balance != null && amountsAgree(fig.value, fig.unit, line.balance, unit)) {
        c.hint = `，与表中结转结余${line.balance}${unit ?? ""}相同，疑将结余当作执行数`;
      } else if (c && line?.budget != null && line.executed != null) {
        const left = line.budget - line.executed;
        if (amountsAgree(fig.value, fig.unit, left, unit)) c.hint = `，恰为预算数减执行数的余额，疑将结余当作执行数`;
      }
      return c;
    }
    case "rate": {
      const rate = executionLine(form)?.executionRate;
      if (rate == null) return null;
      return { name: "执行率", table: `${+(rate * 100).toFixed(4)}%`, agree: bothWays(fig.value, rate * 100), expected: rate, observed: fig.value / 100 };
    }
    case "executionScore": {
      const score = executionLine(form)?.score;
      if (score == null) return null;
      return { name: "预算执行率得分", table: `${score}分`, agree: bothWays(fig.value, score), expected: score, observed: fig.value };
    }
    case "totalScore":
      if (form.totalScore === null) return null;
      return { name: "总分", table: `${form.totalScore}分`, agree: bothWays(fig.value, form.totalScore), expected: form.totalScore, observed: fig.value };
    case "grade": {
      const table = canonicalGrade(form.grade);
      // Every grade word narrative-figures.ts reads (优秀, 良好, 中等 …) has a canonical grade: only the table's may be unknown.
      const said = canonicalGrade(fig.word);
      if (!table) return null;
      return { name: "绩效结论", table: `“${form.grade}”`, agree: table === said, expected: null, observed: null };
    }
    default:
      return null;
  }
}

/** 古昌镇大青冈村乡村振兴绿化美化项目100万元: a line of a list that names a project and one amount, nothing else. */
const NAMED_AMOUNT = /^(.+?)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(万元|元|万)$/;

/**
 * A line of the document's own list of projects naming a form's project with its amount (the department's list above
 * the forms it files): the money the form budgets, at the year's start or as adjusted, whatever the form's family.
 */
function listedAmounts(ctx: DocumentContext, report: Report): Finding[] {
  const found: Finding[] = [];
  for (const line of ctx.doc.narrative) {
    const m = keyOf(line.text).match(NAMED_AMOUNT);
    if (!m) continue;
    const forms = ctx.doc.forms.filter((f) => f.projectName && keyOf(f.projectName) === m[1]);
    if (forms.length !== 1) continue;
    const form = forms[0]!;
    const main = mainLine(form);
    const unit = form.moneyUnitEffective ?? form.moneyUnit;
    const value = Number(m[2]!.replace(/,/g, ""));
    const said = m[3] === "元" ? "元" : "万元";
    const printed = [main?.budget, main?.initialBudget].filter((v): v is number => v != null);
    if (printed.length === 0 || printed.some((v) => amountsAgree(value, said, v, unit))) continue;
    found.push(report({
      form,
      funding: main,
      message: `文字部分写“${keyOf(line.text)}”，而表中全年预算数为${printed[0]}${unit ?? ""}` + tail(whereText(ctx, line), formLabel(form)),
      expected: printed[0]!,
      observed: value,
      page: line.page,
      params: { figure: "budget", snippet: keyOf(line.text), line: line.line },
    }));
  }
  return found;
}

export const narrativeMismatch = defineRule("narrative_mismatch", "warning", (ctx, report) => {
  // Forms stating the year's actuals (self-evaluations, transfer-payment self-evaluations), not targets or 1–N月 monitoring.
  const forms = ctx.doc.forms.filter(reportsActuals);
  const found: Finding[] = listedAmounts(ctx, report);
  for (const line of narrativeSentences(ctx.doc.narrative)) {
    const form = formOfSentence(forms, line);
    if (!form) continue;
    for (const fig of narrativeFigures(line.text)) {
      // A figure the text dates to another year (2021年预算…) is not this form's.
      if (fig.year != null && form.fiscalYear !== null && fig.year !== form.fiscalYear) continue;
      const c = compare(form, fig);
      if (!c || c.agree) continue;
      found.push(
        report({
          form,
          funding: fig.kind === "totalScore" || fig.kind === "grade" ? null : mainLine(form),
          message: `文字部分写“${fig.snippet}”，而表中${c.name}为${c.table}${c.hint ?? ""}` + tail(whereText(ctx, line), formLabel(form)),
          expected: c.expected,
          observed: c.observed,
          page: line.page,
          params: { figure: fig.kind, snippet: fig.snippet, line: line.line, gradeBands: fig.kind === "grade" ? paramsOf(ctx, form).source : undefined },
        }),
      );
    }
  }
  return found;
});
