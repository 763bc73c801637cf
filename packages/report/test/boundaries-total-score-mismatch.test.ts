/**
 * total_score_mismatch on 黄石's 海绵城市 申报工作经费 self-evaluation
 * (fixtures/real/expect/hubei-2022-project-self-eval.json): eight indicators
 * scored 10 each with no 分值 column, the funding item 19.55 of 20 for
 * 195.5 / 200, printed total 99.55. What the finding says (both parts of the
 * sum), which rows it rests on, and where the rule must stay silent.
 */
import type { Form } from "@jixiao/normalize";
import { describe, expect, it } from "vitest";
import { documentContext, inputsOf } from "../src/context.ts";
import { totalScoreMismatch } from "../src/rules/total_score_mismatch.ts";
import { documentOf, findingsOf, form } from "./forms.ts";

const PROJECT = "黄石市系统化全域海绵城市示范城市的申报工作经费";
const AT = `（第1页，${PROJECT}）`;
const INDICATORS = [
  "完成省级宣传片制作;完成实施方案的编制;完成自评估报告",
  "通过专家评审",
  "上半年完成宣传片制作;下半年完成实施方案",
  "省级宣传片制作费、申报文本编制费、自评估报告编制费",
  "统筹海绵城市项目谋划",
  "指导城市建设",
  "有利于城市生态、韧性发展",
  "群众满意度",
];

type Extra = Partial<Omit<Form, "funding" | "indicators">> & { indicators?: Parameters<typeof form>[1]["indicators"]; funding?: Parameters<typeof form>[1]["funding"] };

/** 黄石's form as printed, with the total (and anything else) replaced. */
function huangshi(totalScore: number | null, extra: Extra = {}): Form {
  return form(1, {
    kind: "project_self_eval",
    projectName: PROJECT,
    totalScore,
    indicators: INDICATORS.map((name) => ({ name, score: 10 })),
    funding: [{ source: "年度财政资金总额", budget: 200, executed: 195.5, executionRate: 0.9775, executionRateText: "97.75%", weight: 20, score: 19.55 }],
    ...extra,
  });
}
const flagged = (f: Form) => findingsOf(f, "total_score_mismatch");
/** The rule run on its own, so the rows a finding rests on can be read back. */
const checked = (f: Form) => totalScoreMismatch.check(documentContext(documentOf([f])));

describe("黄石: 80 + 19.55 against the printed total", () => {
  it("99.55 as printed agrees", () => {
    expect(flagged(huangshi(99.55))).toEqual([]);
  });

  it("99.56 and 99.54 are one cent off either way and flagged, citing both parts", () => {
    for (const total of [99.56, 99.54]) {
      const [f, ...rest] = flagged(huangshi(total));
      expect(rest).toEqual([]);
      expect(f).toEqual({
        formSeq: 1,
        indicatorSeq: null,
        fundingSeq: null,
        rule: "total_score_mismatch",
        severity: "error",
        message: `总分${total}与各项得分之和99.55不一致${AT}：绩效指标得分80＋预算执行率得分19.55`,
        expected: 99.55,
        observed: total,
        page: 1,
        params: { indicators: 8, indicatorSum: 80, fundingScore: 19.55 },
      });
    }
  });

  it("the finding rests on every scored indicator and the funding score", () => {
    const form = huangshi(99.65);
    const [f] = checked(form);
    expect(inputsOf(f!)).toEqual([...form.indicators, form.funding[0]]);
  });

  it("an unscored, unweighted funding line is neither summed, cited nor an input", () => {
    const form = huangshi(80.5, { funding: [{ source: "年度财政资金总额", budget: 200, executed: 195.5, executionRate: 0.9775, executionRateText: "97.75%" }] });
    const [f] = checked(form);
    expect(f).toMatchObject({ expected: 80, observed: 80.5, params: { indicators: 8, indicatorSum: 80, fundingScore: null } });
    expect(f!.message).toBe(`总分80.5与各项得分之和80不一致${AT}：绩效指标得分80`);
    expect(inputsOf(f!)).toEqual(form.indicators);
  });

  it("a form printed over two pages points at its last page", () => {
    const [f] = flagged(huangshi(99.65, { pageFrom: 1, pageTo: 2 }));
    expect(f!.page).toBe(2);
    expect(f!.message).toBe(`总分99.65与各项得分之和99.55不一致（第1–2页，${PROJECT}）：绩效指标得分80＋预算执行率得分19.55`);
  });
});

describe("rows that are not summed", () => {
  it("a row with neither 分值 nor 得分 (a heading) is left out of the count and the inputs", () => {
    const form = huangshi(99.65, { indicators: [{ name: "产出指标" }, ...INDICATORS.map((name) => ({ name, score: 10 }))] });
    const [f] = checked(form);
    expect(f!.params).toEqual({ indicators: 8, indicatorSum: 80, fundingScore: 19.55 });
    expect(inputsOf(f!)).toEqual([...form.indicators.slice(1), form.funding[0]]);
  });

  it("a weighted funding line without a score, like a weighted row, means the table was not fully read: nothing is said", () => {
    // (部门整体支出总额 | (20分) | 864.2 read from text whose score cell was lost: the 20 points are unknown, not 0.)
    const cut = huangshi(80.5, { funding: [{ source: "年度财政资金总额", budget: 200, executed: 195.5, executionRate: 0.9775, executionRateText: "97.75%", weight: 20 }] });
    expect(flagged(cut)).toEqual([]);
  });

  it("a funding block whose total line kept only its budget was not read: nothing is said, while one that printed its execution is summed", () => {
    // (年度财政资金总额 | 1.56 in plain pdftotext, the block's execution, rate and score lost to reading order.)
    const budgetOnly = huangshi(99.55, { funding: [{ source: "年度财政资金总额", budget: 200 }] });
    expect(flagged(budgetOnly)).toEqual([]);
    const unscored = huangshi(99.55, { funding: [{ source: "年度财政资金总额", budget: 200, executed: 195.5 }] });
    expect(flagged(unscored)).toHaveLength(1);
  });

  it("a weighted row without a score means the table was not fully read: nothing is said", () => {
    const cut = huangshi(99.65, { indicators: [...INDICATORS.map((name) => ({ name, score: 10 })), { name: "项目按期完成率", weight: 10 }] });
    expect(flagged(cut)).toEqual([]);
  });

  it("no scored indicator at all: nothing to sum, even with a funding score", () => {
    expect(flagged(huangshi(99.55, { indicators: [] }))).toEqual([]);
    expect(flagged(huangshi(99.55, { indicators: [{ name: "群众满意度" }] }))).toEqual([]);
  });
});

describe("forms the rule does not sum", () => {
  it("a part the normalizer could not read (funding, indicators) leaves the total to extraction_partial", () => {
    expect(flagged(huangshi(99.65, { missing: ["funding"] }))).toEqual([]);
    expect(flagged(huangshi(99.65, { missing: ["indicators"] }))).toEqual([]);
    expect(flagged(huangshi(99.65, { missing: ["total"] }))).toHaveLength(1);
  });

  it("a form that is no score sheet (a project list) is not summed, though it prints scores", () => {
    expect(flagged(huangshi(99.65, { kind: "project_list" }))).toEqual([]);
    expect(flagged(huangshi(99.65, { kind: "project_targets" }))).toEqual([]);
  });

  it("no printed total, nothing to compare", () => {
    expect(flagged(huangshi(null))).toEqual([]);
  });

  it("a transfer-payment self-evaluation printing scores is summed like a project's", () => {
    expect(flagged(huangshi(99.65, { kind: "transfer_self_eval" }))).toHaveLength(1);
  });
});
