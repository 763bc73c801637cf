/**
 * score_exceeds_weight on 黄石's 海绵城市 申报工作经费 self-evaluation
 * (fixtures/real/expect/hubei-2022-project-self-eval.json: indicators scored
 * 10, the funding item 19.55 of 20): each finding in full, the row it points
 * at, and the rows and forms it must leave alone.
 */
import type { Form } from "@jixiao/normalize";
import { describe, expect, it } from "vitest";
import { findingsOf, form } from "./forms.ts";

const PROJECT = "黄石市系统化全域海绵城市示范城市的申报工作经费";

type Row = { weight?: number | null; score?: number | null };

function huangshi(satisfaction: Row, funding: Row, kind: Form["kind"] = "project_self_eval"): Form {
  return form(1, {
    kind,
    projectName: PROJECT,
    pageFrom: 1,
    pageTo: 2,
    indicators: [
      { name: "通过专家评审", weight: 10, score: 10, page: 1 },
      { name: "群众满意度", ...satisfaction, page: 2 },
    ],
    funding: [{ source: "年度财政资金总额", budget: 200, executed: 195.5, executionRate: 0.9775, executionRateText: "97.75%", ...funding, page: 1 }],
  });
}
const exceeding = (f: Form) => findingsOf(f, "score_exceeds_weight");

describe("得分 above 分值", () => {
  it("10 of 10 and 19.55 of 20, as printed, raise nothing", () => {
    expect(exceeding(huangshi({ weight: 10, score: 10 }, { weight: 20, score: 19.55 }))).toEqual([]);
  });

  it("an indicator's 10.5 of 10 is flagged on its own row and page", () => {
    expect(exceeding(huangshi({ weight: 10, score: 10.5 }, { weight: 20, score: 19.55 }))).toEqual([
      {
        formSeq: 1,
        indicatorSeq: 2,
        fundingSeq: null,
        rule: "score_exceeds_weight",
        severity: "error",
        message: `“群众满意度”得分10.5分，超过其分值10分（第2页，${PROJECT}）`,
        expected: 10,
        observed: 10.5,
        page: 2,
        params: null,
      },
    ]);
  });

  it("the funding item's 20.5 of 20 is flagged on the funding line", () => {
    expect(exceeding(huangshi({ weight: 10, score: 10 }, { weight: 20, score: 20.5 }))).toEqual([
      {
        formSeq: 1,
        indicatorSeq: null,
        fundingSeq: 1,
        rule: "score_exceeds_weight",
        severity: "error",
        message: `预算执行率得分20.5分，超过其分值20分（第1页，${PROJECT}，年度财政资金总额）`,
        expected: 20,
        observed: 20.5,
        page: 1,
        params: null,
      },
    ]);
  });

  it("both at once: the indicator first, then the funding line", () => {
    const found = exceeding(huangshi({ weight: 10, score: 10.01 }, { weight: 20, score: 20.01 }));
    expect(found.map((f) => [f.indicatorSeq, f.fundingSeq, f.observed])).toEqual([[2, null, 10.01], [null, 1, 20.01]]);
  });
});

describe("the float-noise tolerance (1e-9), inclusive", () => {
  it("a score 1e-9 above a weight of 0 is within it, on an indicator and on the funding line; 2e-9 is not", () => {
    expect(exceeding(huangshi({ weight: 0, score: 1e-9 }, { weight: 0, score: 1e-9 }))).toEqual([]);
    expect(exceeding(huangshi({ weight: 0, score: 2e-9 }, { weight: 0, score: 2e-9 })).map((f) => [f.indicatorSeq, f.fundingSeq])).toEqual([[2, null], [null, 1]]);
  });
});

describe("rows and forms left alone", () => {
  it("黄石's indicators print 得分 without 分值: nothing to compare", () => {
    expect(exceeding(huangshi({ weight: null, score: 10 }, { weight: null, score: 19.55 }))).toEqual([]);
  });

  it("a 分值 without a 得分 is not compared either", () => {
    expect(exceeding(huangshi({ weight: 10, score: null }, { weight: 20, score: null }))).toEqual([]);
  });

  it("a target form's numbers are no scores", () => {
    expect(exceeding(huangshi({ weight: 10, score: 10.5 }, { weight: 20, score: 20.5 }, "project_targets"))).toEqual([]);
  });
});
