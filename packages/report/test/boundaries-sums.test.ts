/**
 * The rules that add printed numbers up, at the tolerance and one digit past
 * it: 总分 against the scores, 分值 against 100, 得分 against 分值, and the
 * funding block's identities (衡阳's 1,426.26 = 1,326.26 + 100.00, 忻州's
 * 结转余 2.4 = 8.65 − 6.25).
 */
import { describe, expect, it } from "vitest";
import { findingsOf, form } from "./forms.ts";

const PROJECT = "医疗服务与保障能力提升补助资金";
const AT = `（第1页，${PROJECT}）`;

/** 黔南's 医疗服务… form: indicators 50 + 40 = 90 points, the execution item 8 of 10 for 181.82 / 228. */
function scored(totalScore: number, indicatorScores: [number, number] = [50, 40], executionScore: number | null = 8) {
  return form(1, {
    kind: "project_self_eval",
    projectName: PROJECT,
    totalScore,
    indicators: [
      { name: "医保基层服务覆盖率", weight: 50, score: indicatorScores[0] },
      { name: "参保群众满意度", weight: 40, score: indicatorScores[1] },
    ],
    funding: [{ source: "年度资金总额", budget: 228, executed: 181.82, weight: 10, score: executionScore }],
  });
}

describe("total_score_mismatch", () => {
  it("98 for 50 + 40 + 8 agrees; 97 and 99 are flagged, with the parts in the message", () => {
    expect(findingsOf(scored(98), "total_score_mismatch")).toEqual([]);
    const [f] = findingsOf(scored(97), "total_score_mismatch");
    expect(f).toMatchObject({ severity: "error", expected: 98, observed: 97, params: { indicators: 2, indicatorSum: 90, fundingScore: 8 } });
    expect(f!.message).toBe(`总分97与各项得分之和98不一致${AT}：绩效指标得分90＋预算执行率得分8`);
    expect(findingsOf(scored(99), "total_score_mismatch")).toHaveLength(1);
  });
  it("one decimal printed: 95.6 for 90 + 5.64 agrees (rounded), 95.7 does not", () => {
    expect(findingsOf(scored(95.6, [50, 40], 5.64), "total_score_mismatch")).toEqual([]);
    expect(findingsOf(scored(95.7, [50, 40], 5.64), "total_score_mismatch")).toHaveLength(1);
    expect(findingsOf(scored(95.5, [50, 40], 5.64), "total_score_mismatch")).toHaveLength(1);
  });
  it("a total summed before the execution score was rounded to 8 (90 + 7.9746 = 97.97) agrees; 97.96 and 97.99 do not", () => {
    expect(findingsOf(scored(97.97), "total_score_mismatch")).toEqual([]);
    expect(findingsOf(scored(97.96), "total_score_mismatch")).toHaveLength(1);
    expect(findingsOf(scored(97.99), "total_score_mismatch")).toHaveLength(1);
  });
  it("the exact-score excuse needs a printed score that itself agrees: 9 for 7.97 excuses nothing", () => {
    expect(findingsOf(scored(97.97, [50, 40], 9), "total_score_mismatch")).toHaveLength(1);
  });
  it("without an execution score the indicators alone make the sum", () => {
    expect(findingsOf(scored(90, [50, 40], null), "total_score_mismatch")).toEqual([]);
    const [f] = findingsOf(scored(98, [50, 40], null), "total_score_mismatch");
    expect(f!.message).toBe(`总分98与各项得分之和90不一致${AT}：绩效指标得分90`);
  });
});

describe("weights_not_100", () => {
  const weighted = (weights: number[], executionWeight: number | null, totalWeight: number | null = null) =>
    findingsOf(form(1, {
      kind: "project_self_eval", projectName: PROJECT, totalWeight,
      indicators: weights.map((weight, i) => ({ name: `指标${i + 1}`, weight, score: weight })),
      funding: [{ source: "年度资金总额", budget: 228, executed: 181.82, weight: executionWeight, score: 8 }],
    }), "weights_not_100");
  it("90 + 10 = 100 agrees; 91 + 10 and 89 + 10 do not", () => {
    expect(weighted([50, 40], 10)).toEqual([]);
    const [f] = weighted([50, 41], 10);
    expect(f).toMatchObject({ expected: 100, observed: 101, params: { indicatorSum: 91, fundingWeight: 10, fundingWeightPrinted: true, totalWeightPrinted: false } });
    expect(f!.message).toBe(`各项分值合计101分（绩效指标91分＋预算执行率10分），不等于100分${AT}`);
    expect(weighted([50, 39], 10)).toHaveLength(1);
  });
  it("黔南's execution item weighted 0: 90 + 0 = 90 is flagged", () => {
    const [f] = weighted([50, 40], 0);
    expect([f!.expected, f!.observed]).toEqual([100, 90]);
  });
  it("no printed execution weight: the national 10 completes 90; indicators making 100 alone need none", () => {
    expect(weighted([50, 40], null)).toEqual([]);
    expect(weighted([60, 40], null)).toEqual([]);
    expect(weighted([50, 41], null)).toHaveLength(1);
  });
  it("against a printed total weight", () => {
    expect(weighted([60, 40], 10, 110)).toEqual([]);
    const [f] = weighted([50, 40], 10, 110);
    expect(f!.message).toBe(`各项分值合计100分（绩效指标90分＋预算执行率10分），不等于总分栏的110分${AT}`);
  });
});

describe("score_exceeds_weight", () => {
  const one = (score: number, executionScore = 8) =>
    findingsOf(form(1, { kind: "project_self_eval", projectName: PROJECT, indicators: [{ name: "医保基层服务覆盖率", weight: 4, score }], funding: [{ source: "年度资金总额", budget: 228, executed: 181.82, weight: 10, score: executionScore }] }), "score_exceeds_weight");
  it("4 of 4 is fine; 4.01 of 4 is flagged", () => {
    expect(one(4)).toEqual([]);
    const [f] = one(4.01);
    expect(f).toMatchObject({ severity: "error", expected: 4, observed: 4.01 });
    expect(f!.message).toBe(`“医保基层服务覆盖率”得分4.01分，超过其分值4分${AT}`);
  });
  it("the execution item: 10 of 10 is fine, 10.01 is flagged", () => {
    expect(one(4, 10)).toEqual([]);
    const [f] = one(4, 10.01);
    expect(f!.message).toBe(`预算执行率得分10.01分，超过其分值10分（第1页，${PROJECT}，年度资金总额）`);
  });
});

describe("funding_identity", () => {
  const block = (lines: { source: string; budget?: number | null; executed?: number | null; balance?: number | null }[]) =>
    findingsOf(form(1, { kind: "project_self_eval", projectName: PROJECT, funding: lines }), "funding_identity");
  it("衡阳: 1,426.26 = 1,326.26 基本支出 + 100.00 项目支出; 1,426.27 agrees, 1,426.28 is flagged", () => {
    const split = (total: number) => block([{ source: "年度资金总额", budget: total }, { source: "基本支出", budget: 1326.26 }, { source: "项目支出", budget: 100 }]);
    expect(split(1426.26)).toEqual([]);
    expect(split(1426.27)).toEqual([]);
    expect(split(1426.25)).toEqual([]);
    const [f] = split(1426.28);
    expect(f).toMatchObject({ severity: "warning", observed: 1426.28, params: { column: "budget" } });
    expect(f!.expected).toBeCloseTo(1426.26, 9);
    expect(f!.message).toBe(`年度资金总额全年预算数为1426.28，但其组成基本支出＋项目支出合计为1426.26（第1页，${PROJECT}）`);
    expect(split(1426.24)).toHaveLength(1);
  });
  it("财政拨款 + 其他资金 against the total, whole amounts ± 1.5 over two parts", () => {
    const sources = (total: number) => block([{ source: "年度资金总额", budget: total }, { source: "财政拨款", budget: 200 }, { source: "其他资金", budget: 28 }]);
    expect(sources(228)).toEqual([]);
    expect(sources(229)).toEqual([]);
    expect(sources(227)).toEqual([]);
    expect(sources(230)).toHaveLength(1);
    expect(sources(226)).toHaveLength(1);
  });
  it("忻州: 结转余 2.4 = 8.65 − 6.25; 2.41 and 2.39 are flagged", () => {
    const balance = (b: number) => block([{ source: "年度资金总额", budget: 8.65, executed: 6.25, balance: b }]);
    expect(balance(2.4)).toEqual([]);
    const [f] = balance(2.41);
    expect(f!.message).toBe(`资金结转结余填报为2.41，按全年预算数8.65－全年执行数6.25计算应为2.4（第1页，${PROJECT}，年度资金总额）`);
    expect(f!.params).toMatchObject({ decimals: 2 });
    expect(balance(2.39)).toHaveLength(1);
  });
});
