/**
 * narrative_mismatch on 忻州's 医药招采与基金监管工作经费 self-evaluation
 * (/work/shared/seeds/xinzhou-2022-selfeval-report-annex1.pdf.txt): the table
 * prints 8.65 万元 budgeted, 6.25 executed, 2.4 left, 72.26 %, 7.23 points
 * for execution, 95.23 in all, 优; its narrative (line 72) says “2022 年项目预算
 * 8.65 万元，实际执行 2.4 万元” — the balance taken for the execution. Each
 * kind of figure against its column, the finding in full, which form a
 * sentence belongs to, and the figures the rule must leave alone.
 */
import type { Form, NarrativeLine } from "@jixiao/normalize";
import { describe, expect, it } from "vitest";
import { findingsOf, form } from "./forms.ts";

const XINZHOU = "医药招采与基金监管工作经费";
const SAID = "根据预算批复指标，在工作中按照实际需要列支，各项工作顺利开展，为参保人员提供优质高效服务。2022 年项目预算 8.65 万元，实际执行 2.4 万元。";
const SCORED = "综合考虑预算执行情况得分 7.23 分、产出、效益、服务对象满意度各方面因素，指标完成情况得分 88 分，最终评分结果：医药招采与基金监管工作经费项目绩效自评价结果为：总得分 95.23 分，属于“优”。";

type Extra = Partial<Parameters<typeof form>[1]>;
type Line = Parameters<typeof form>[1]["funding"] extends (infer L)[] | undefined ? Partial<L> : never;

/** 忻州's form; its funding line's numbers replaceable. */
function xinzhou(line: Line = {}, extra: Extra = {}, seq = 1): Form {
  return form(seq, {
    kind: "project_self_eval",
    projectName: XINZHOU,
    fiscalYear: 2022,
    totalScore: 95.23,
    grade: "优",
    funding: [{ source: "资金总额:", initialBudget: 8.65, budget: 8.65, executed: 6.25, balance: 2.4, executionRate: 0.7226, executionRateText: "72.26", score: 7.23, ...line }],
    ...extra,
  });
}
const at72 = (text: string): NarrativeLine[] => [{ page: 1, line: 72, text }];
const said = (forms: Form | Form[], text: string) => findingsOf(forms, "narrative_mismatch", at72(text));

describe("忻州's narrative as printed", () => {
  it("实际执行2.4万元 against 6.25: the finding in full, naming the balance it equals", () => {
    expect(said(xinzhou(), SAID)).toEqual([
      {
        formSeq: 1,
        indicatorSeq: null,
        fundingSeq: 1,
        rule: "narrative_mismatch",
        severity: "warning",
        message: `文字部分写“实际执行2.4万元”，而表中全年执行数为6.25万元，与表中结转结余2.4万元相同，疑将结余当作执行数（第72行，${XINZHOU}）`,
        expected: 6.25,
        observed: 2.4,
        page: 1,
        params: { figure: "executed", snippet: "实际执行2.4万元", line: 72, gradeBands: undefined },
      },
    ]);
  });

  it("with no balance printed, 2.4 is recognised as 8.65 − 6.25", () => {
    const [f] = said(xinzhou({ balance: null }), SAID);
    expect(f!.message).toBe(`文字部分写“实际执行2.4万元”，而表中全年执行数为6.25万元，恰为预算数减执行数的余额，疑将结余当作执行数（第72行，${XINZHOU}）`);
  });

  it("an execution that is neither the balance nor the remainder gets no hint", () => {
    const [f] = said(xinzhou(), "2022 年项目预算 8.65 万元，实际执行 3.1 万元。");
    expect(f!.message).toBe(`文字部分写“实际执行3.1万元”，而表中全年执行数为6.25万元（第72行，${XINZHOU}）`);
    expect(said(xinzhou({ balance: null, budget: null }), "实际执行 3.1 万元。")[0]!.message).toBe(`文字部分写“实际执行3.1万元”，而表中全年执行数为6.25万元（第72行，${XINZHOU}）`);
  });

  it("the scores and grade of line 64 agree with the table", () => {
    expect(said(xinzhou(), SCORED)).toEqual([]);
  });

  it("6.25 executed as the table says, and 8.65 budgeted, agree", () => {
    expect(said(xinzhou(), "2022 年项目预算 8.65 万元，实际执行 6.25 万元。")).toEqual([]);
    expect(said(xinzhou(), "2022 年项目预算 86500 元，实际执行 62500 元。")).toEqual([]);
  });
});

describe("each figure against its column", () => {
  it("the budget: 项目预算8.75万元 against 8.65", () => {
    const [f, ...rest] = said(xinzhou(), "2022 年项目预算 8.75 万元。");
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ fundingSeq: 1, expected: 8.65, observed: 8.75, params: { figure: "budget", snippet: "项目预算8.75万元" } });
    expect(f!.message).toBe(`文字部分写“项目预算8.75万元”，而表中全年预算数为8.65万元（第72行，${XINZHOU}）`);
  });

  it("the initial budget: 年初预算安排资金9.65万元 against 年初预算数 8.65; a whole 9 is 8.65 rounded", () => {
    expect(said(xinzhou(), "年初预算安排资金 9 万元。")).toEqual([]);
    const [f] = said(xinzhou(), "年初预算安排资金 9.65 万元。");
    expect(f).toMatchObject({ expected: 8.65, observed: 9.65, params: { figure: "initialBudget" } });
    expect(f!.message).toBe(`文字部分写“年初预算安排资金9.65万元”，而表中年初预算数为8.65万元（第72行，${XINZHOU}）`);
  });

  it("the rate: 72.26 % and 72.3 % agree with 72.26 %, 72.36 % does not", () => {
    expect(said(xinzhou(), "预算执行率为 72.26%。")).toEqual([]);
    expect(said(xinzhou(), "预算执行率为 72.3%。")).toEqual([]);
    expect(said(xinzhou({ executionRate: 0.723, executionRateText: "72.3" }), "预算执行率为 72.26%。")).toEqual([]);
    const [f] = said(xinzhou(), "预算执行率为 72.36%。");
    expect(f).toMatchObject({ fundingSeq: 1, expected: 0.7226, observed: 0.7236, params: { figure: "rate" } });
    expect(f!.message).toBe(`文字部分写“预算执行率为72.36%”，而表中执行率为72.26%（第72行，${XINZHOU}）`);
  });

  it("the execution score: 7.32 against 7.23", () => {
    const [f] = said(xinzhou(), "预算执行情况得分 7.32 分。");
    expect(f).toMatchObject({ fundingSeq: 1, expected: 7.23, observed: 7.32, params: { figure: "executionScore" } });
    expect(f!.message).toBe(`文字部分写“预算执行情况得分7.32分”，而表中预算执行率得分为7.23分（第72行，${XINZHOU}）`);
  });

  it("the total: 95.32 against 95.23, a finding on the form, not its funding line", () => {
    const [f] = said(xinzhou(), "总得分 95.32 分。");
    expect(f).toMatchObject({ fundingSeq: null, expected: 95.23, observed: 95.32, params: { figure: "totalScore" } });
    expect(f!.message).toBe(`文字部分写“总得分95.32分”，而表中总分为95.23分（第72行，${XINZHOU}）`);
  });

  it("the grade: 属于“良” against 优, with the bands' source recorded", () => {
    const [f] = said(xinzhou(), "总得分 95.23 分，属于“良”。");
    expect(f).toMatchObject({ fundingSeq: null, expected: null, observed: null, params: { figure: "grade", gradeBands: "national_default" } });
    // The snippet is the folded text (keyOf turns “ into ").
    expect(f!.message).toBe(`文字部分写“属于"良”，而表中绩效结论为“优”（第72行，${XINZHOU}）`);
    expect(said(xinzhou(), "总得分 95.23 分，属于“优秀”。")).toEqual([]);
  });

  it("a column the table leaves empty is not compared", () => {
    expect(said(xinzhou({ budget: null, initialBudget: null, executed: null, executionRate: null, executionRateText: null, score: null }, { totalScore: null, grade: null }),
      "年初预算安排资金 9.65 万元，项目预算 8.75 万元，实际执行 3.1 万元，预算执行率为 72.36%，预算执行情况得分 7.32 分，总得分 95.32 分，属于“良”。")).toEqual([]);
  });
});

describe("which form a sentence speaks of", () => {
  it("a figure dated to another year is not this form's; an undated form takes it", () => {
    expect(said(xinzhou(), "2021 年项目预算 8.75 万元。")).toEqual([]);
    expect(said(xinzhou({}, { fiscalYear: null }), "2021 年项目预算 8.75 万元。")).toHaveLength(1);
    expect(said(xinzhou(), "2022 年项目预算 8.75 万元。")).toHaveLength(1);
  });

  it("of two self-evaluations, the one the sentence names; none when it names neither", () => {
    const other = xinzhou({ budget: 20 }, { projectName: "医疗保障信息化建设经费" }, 2);
    const [f] = said([xinzhou(), other], "医药招采与基金监管工作经费项目预算 8.75 万元。");
    expect(f).toMatchObject({ formSeq: 1, expected: 8.65 });
    expect(said([xinzhou(), other], "2022 年项目预算 8.75 万元。")).toEqual([]);
  });

  it("a form without a project name is named by no sentence; a sentence naming two forms belongs to neither", () => {
    const unnamed = xinzhou({ budget: 20 }, { projectName: null }, 2);
    expect(said([xinzhou(), unnamed], "医药招采与基金监管工作经费项目预算 8.75 万元。").map((f) => f.formSeq)).toEqual([1]);
    const part = xinzhou({ budget: 20 }, { projectName: "基金监管工作经费" }, 2);
    expect(said([xinzhou(), part], "医药招采与基金监管工作经费项目预算 8.75 万元。")).toEqual([]);
  });

  it("a target form states no actuals", () => {
    expect(said(xinzhou({}, { kind: "project_targets" }), SAID)).toEqual([]);
  });
});

/**
 * A department's list of the projects it files, each with its amount, above the forms (荣昌区林业局 2022: 古昌镇大青冈村
 * 乡村振兴绿化美化项目100万元 over the project's 目标表, whose 年度资金总额 is 153.5184 万元).
 */
describe("a listed project's amount against its form", () => {
  const GUCHANG = "古昌镇大青冈村乡村振兴绿化美化项目";
  const targets = (budget: number, initialBudget: number | null = null) => form(1, {
    kind: "project_targets", projectName: GUCHANG, fiscalYear: 2022, moneyUnit: "万元",
    funding: [{ source: "年度资金总额", budget, initialBudget }],
  });
  it("an amount that is not the form's budget is reported, whatever the form's family", () => {
    const [f] = said(targets(153.5184), `${GUCHANG}100万元`);
    expect(f).toMatchObject({ rule: "narrative_mismatch", expected: 153.5184, observed: 100, fundingSeq: 1 });
    expect(f!.message).toBe(`文字部分写“${GUCHANG}100万元”，而表中全年预算数为153.5184万元（第72行，${GUCHANG}）`);
  });
  it("the same amount, or the budget at the year's start, or another project's line, is not", () => {
    expect(said(targets(100), `${GUCHANG}100万元`)).toEqual([]);
    expect(said(targets(153.5184, 100), `${GUCHANG}100万元`)).toEqual([]);
    expect(said(targets(153.5184), "国有岚峰林场森林防火交通工具20万元")).toEqual([]);
    // (Words after the amount make it a sentence, read by meaning or not at all.)
    expect(said(targets(153.5184), `${GUCHANG}100万元用于绿化`)).toEqual([]);
  });
});
