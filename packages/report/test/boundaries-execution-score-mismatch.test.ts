/**
 * execution_score_mismatch beyond the score's edges (boundaries-execution.test.ts):
 * the excuse of a score computed from the form's own rounded rate, which
 * only a weight larger than 10 separates from the amounts' range (黔南's
 * 1282.91 / 1320 = 97.19 % with its rate printed truncated as 97.1 %, the item
 * given 20 points: 0.971 × 20 = 19.42, while 1282.91 / 1320 × 20 lies in
 * 19.4379…19.4381, which 19.42 does not stand for); what
 * the finding records about its weight; and the lines and families it does
 * not score.
 */
import type { Form, FundingLine, NormalizedDocument } from "@jixiao/normalize";
import { describe, expect, it } from "vitest";
import { documentContext } from "../src/context.ts";
import { executionScoreMismatch } from "../src/rules/execution_score_mismatch.ts";
import { form } from "./forms.ts";

const PROJECT = "医疗服务与保障能力提升补助资金";
const NOTE = "预算执行率20分";
const run = (f: Form) => {
  const doc: NormalizedDocument = { forms: [f], narrative: [], sideTables: [], warnings: [] };
  return executionScoreMismatch.check(documentContext(doc));
};

/** 黔南's 年度资金总额 line (228 / 181.82), with the rate as printed. */
function qiannan(line: Partial<FundingLine>, extra: Partial<Form> = {}): Form {
  const rate = line.executionRateText ?? null;
  const executionRate = rate === null ? null : Number(rate.replace("%", "")) / 100;
  return form(1, {
    kind: "project_self_eval", projectName: PROJECT, ...extra,
    funding: [{ source: "年度资金总额", budget: 228, executed: 181.82, executionRate, executionRateText: rate, weight: 10, ...line }],
  });
}

describe("execution_score_mismatch: the form's own rounded rate", () => {
  it("19.42 for 97.1% × 20 agrees through the printed rate (the amounts alone give 19.4379…19.4381); 19.41 does not", () => {
    const dip = (score: number) => qiannan({ budget: 1320, executed: 1282.91, executionRateText: "97.1%", weight: 20, score });
    expect(run(dip(19.42))).toEqual([]);
    expect(run(dip(19.41))).toHaveLength(1);
  });
  it("15.93 agrees with neither, and is flagged against the amounts' rate", () => {
    const [f, ...rest] = run(qiannan({ executionRateText: "79.7%", weight: 20, score: 15.93 }));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: "execution_score_mismatch", severity: "error", fundingSeq: 1, observed: 15.93 });
    expect(f!.expected).toBeCloseTo((181.82 / 228) * 20, 12);
    expect(f!.params).toEqual({ source: "printed", weight: 20, formula: "min(B/A,1)×分值" });
    expect(f!.message).toBe(`预算执行率得分填报为15.93分，按执行率79.75%×分值20分计算应为15.95分（第1页，${PROJECT}，年度资金总额）`);
  });
  it("a printed rate that disagrees with the amounts excuses nothing (78.7% × 20 = 15.74)", () => {
    expect(run(qiannan({ executionRateText: "78.7%", weight: 20, score: 15.74 }))).toHaveLength(1);
  });
});

describe("execution_score_mismatch: what the finding records of the weight", () => {
  it("no printed weight: the national 10, said to be the national default", () => {
    const [f] = run(qiannan({ weight: null, score: 7 }));
    expect(f!.params).toEqual({ source: "national_default", weight: 10, formula: "min(B/A,1)×分值" });
  });
  it("no printed weight under the form's note (预算执行率20分): 20, said to come from the note", () => {
    const [f] = run(qiannan({ weight: null, score: 14 }, { notes: [NOTE] }));
    expect(f!.expected).toBeCloseTo((181.82 / 228) * 20, 12);
    expect(f!.params).toEqual({ source: "form_note", weight: 20, formula: "min(B/A,1)×分值" });
  });
});

describe("execution_score_mismatch: what it does not score", () => {
  it("a line without its executed amount", () => {
    expect(run(qiannan({ executed: null, score: 3 }))).toEqual([]);
  });
  it("a monitoring form's 1–6月 execution or a target form, even with 分值 and 得分 printed", () => {
    const line = { source: "年度资金总额", budget: 100, executed: 45.5, weight: 10, score: 3 };
    expect(run(form(1, { kind: "project_monitoring", projectName: "城乡医疗救助补助资金", asOfMonth: 6, funding: [line] }))).toEqual([]);
    expect(run(form(1, { kind: "project_targets", projectName: "城乡医疗救助补助资金", funding: [line] }))).toEqual([]);
    expect(run(form(1, { kind: "project_self_eval", projectName: "城乡医疗救助补助资金", funding: [line] }))).toHaveLength(1);
  });
});
