/**
 * unrecognized_label: one info finding per label the normalizer could not
 * map, placed at the page of the fact that printed it — the fact found by its
 * folded text (full-width or half-width brackets, inner spaces), not a
 * look-alike — and forms loaded from a database that predates the lists.
 */
import type { Form } from "@jixiao/normalize";
import { describe, expect, it } from "vitest";
import { findingsOf, form } from "./forms.ts";

/** 黄石's facts (fixtures/real/expect/hubei-2022-project-self-eval.json): 项目类别 and 项目属性, printed on page 2 here. */
function huangshi(labels: string[], facts: { label: string; page: number | null }[]): Form {
  return form(1, {
    kind: "project_self_eval",
    projectName: "黄石市系统化全域海绵城市示范城市的申报工作经费",
    pageFrom: 1,
    pageTo: 2,
    unrecognizedLabels: labels,
    facts: facts.map(({ label, page }, i) => ({ seq: i + 1, label, value: "1、部门预算项目 ☑ 2、市直专项", field: null, page, line: null })),
  });
}
const labelled = (f: Form) => findingsOf(f, "unrecognized_label");

describe("one info per label", () => {
  it("the finding in full: the label as printed, its fact's page", () => {
    expect(labelled(huangshi(["项目类别"], [{ label: "项目类别", page: 2 }]))).toEqual([
      {
        formSeq: 1,
        indicatorSeq: null,
        fundingSeq: null,
        rule: "unrecognized_label",
        severity: "info",
        message: "未识别的标签：项目类别",
        expected: null,
        observed: null,
        page: 2,
        params: { label: "项目类别" },
      },
    ]);
  });

  it("the fact is found by its folded text: 项目属性（说明） printed as 项目属性 (说明)", () => {
    const f = huangshi(["项目属性（说明）"], [{ label: "项目类别", page: 1 }, { label: "项目属性 (说明)", page: 2 }]);
    expect(labelled(f).map((x) => [x.message, x.page])).toEqual([["未识别的标签：项目属性（说明）", 2]]);
  });

  it("a label no fact holds, or a fact without a page, falls back to the form's first page", () => {
    expect(labelled(huangshi(["项目类别"], [{ label: "项目属性", page: 2 }]))[0]!.page).toBe(1);
    expect(labelled(huangshi(["项目类别"], [{ label: "项目类别", page: null }]))[0]!.page).toBe(1);
  });
});

describe("forms loaded from a database written before the lists existed", () => {
  it("no list of labels: nothing; no facts: the labels still reported", () => {
    const { unrecognizedLabels: _labels, ...withoutLabels } = huangshi(["项目类别"], [{ label: "项目类别", page: 2 }]);
    expect(labelled(withoutLabels as Form)).toEqual([]);
    const { facts: _facts, ...withoutFacts } = huangshi(["项目类别"], [{ label: "项目类别", page: 2 }]);
    expect(labelled(withoutFacts as Form).map((x) => [x.message, x.page])).toEqual([["未识别的标签：项目类别", 1]]);
  });
});
