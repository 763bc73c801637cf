/**
 * indicator_score_formula on the real rows the fixtures flag, with everything
 * the finding records:
 * - 安徽's 临时救助: 扶贫临时救助标准 <=5300元/户 achieved 5830元/户 scored 10 of
 *   10 — a reverse indicator, A/B × 10 = 9.09;
 * - 云南's 野生菌加工车间: 配套烘干杀菌设备及包装设备购置及安装, target 550 (a
 *   bare number, read as =) achieved 20, scored 9.3 of 9.3 — min(20/550, 1) ×
 *   9.3 = 0.34;
 * and the rows the rule must leave alone (no score, no weight, a qualitative
 * target, its own 评分标准, a scorecard's criteria).
 */
import type { Form } from "@jixiao/normalize";
import { describe, expect, it } from "vitest";
import { findingsOf, form } from "./forms.ts";
import { ANHUI_RELIEF } from "./real-rows.ts";

type IndicatorInput = NonNullable<Parameters<typeof form>[1]["indicators"]>[number];
const RULE = "indicator_score_formula";

const RELIEF = ANHUI_RELIEF.row.name;
/** 安徽's transfer self-evaluation 临时救助, the one row. */
const anhui = (change: Partial<IndicatorInput> = {}, extra: Partial<Form> = {}) =>
  findingsOf(form(1, { kind: "transfer_self_eval", projectName: ANHUI_RELIEF.projectName, ...extra, indicators: [{ ...ANHUI_RELIEF.row, ...change }] }), RULE);

const DRYER = "配套烘干杀菌设备及包装设备购置及安装";
const YUNNAN = "南华县乡村振兴示范园罗家屯社区野生菌加工车间建设项目(续建)";
const yunnan = (change: Partial<IndicatorInput> = {}, kind: Form["kind"] = "project_self_eval") =>
  findingsOf(form(1, {
    kind, projectName: YUNNAN,
    indicators: [{ level1: "产出指标", level2: "数量指标", name: DRYER, targetText: "550", actualText: "20", weight: 9.3, score: 9.3, ...change }],
  }), RULE);

describe("indicator_score_formula: a reverse indicator (安徽)", () => {
  it("10 for 5830 against <=5300 (A/B × 10 = 9.09): the finding cites target, achieved value, formula and where the formula comes from", () => {
    const [f, ...rest] = anhui();
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: RULE, severity: "warning", formSeq: 1, indicatorSeq: 1, fundingSeq: null, observed: 10 });
    expect(f!.expected).toBeCloseTo((5300 / 5830) * 10, 12);
    expect(f!.params).toEqual({
      source: "national_default", direction: "negative", formula: "A/B×分值", target: 5300, actual: 5830, weight: 10, impliedCeiling: false, reverseFormula: "target_over_actual",
    });
    expect(f!.message).toBe(`“${RELIEF}”得分10分，按指标值<=5300元/户，实际完成5830元/户、A/B×分值计算应为9.09分（第1页，临时救助）`);
  });
  it("9.09 and 9.1 agree with 9.0909…; 9.08 does not", () => {
    expect(anhui({ score: 9.09 })).toEqual([]);
    expect(anhui({ score: 9.1 })).toEqual([]);
    expect(anhui({ score: 9.08 })).toHaveLength(1);
  });
  it("the adjusted target is the one read and cited", () => {
    const [f] = anhui({ adjustedTargetText: "<=5500元/户" });
    expect(f!.expected).toBeCloseTo((5500 / 5830) * 10, 12);
    expect(f!.message).toBe(`“${RELIEF}”得分10分，按指标值<=5500元/户，实际完成5830元/户、A/B×分值计算应为9.43分（第1页，临时救助）`);
  });
  it("the form's note may prescribe 1 − (B − A)/A: 10 × (1 − 530/5300) = 9", () => {
    const [f] = anhui({}, { notes: ["反向指标（即指标值为≤*）得分=（1-（实际完成值-年度指标值）/年度指标值）*该指标分值。"] });
    expect(f!.expected).toBeCloseTo(9, 12);
    expect(f!.params).toMatchObject({ source: "form_note", formula: "(1−(B−A)/A)×分值", reverseFormula: "one_minus_overrun" });
  });
});

describe("indicator_score_formula: a bare target (云南)", () => {
  it("9.3 for 20 of 550: min(20/550, 1) × 9.3 = 0.34", () => {
    const [f, ...rest] = yunnan();
    expect(rest).toEqual([]);
    expect(f!.expected).toBeCloseTo((20 / 550) * 9.3, 12);
    expect(f!.params).toEqual({
      source: "national_default", direction: "equal", formula: "min(B/A,1)×分值", target: 550, actual: 20, weight: 9.3, impliedCeiling: false, reverseFormula: "target_over_actual",
    });
    expect(f!.message).toBe(`“${DRYER}”得分9.3分，按指标值550，实际完成20、min(B/A,1)×分值计算应为0.34分（第1页，${YUNNAN}）`);
  });
  it("550 achieved keeps the full 9.3", () => {
    expect(yunnan({ actualText: "550" })).toEqual([]);
  });
  it("nothing without a score or a weight, with a qualitative target, or with the row's own 评分标准", () => {
    expect(yunnan({ score: null })).toEqual([]);
    expect(yunnan({ weight: null })).toEqual([]);
    expect(yunnan({ targetText: "按期完成", actualText: "未完成" })).toEqual([]);
    expect(yunnan({ scoringRule: "完成550台套得满分，每少1台套扣0.1分" })).toEqual([]);
  });
  it("a blank 评分标准 is none; no 评分标准 at all is none either", () => {
    expect(yunnan({ scoringRule: "" })).toHaveLength(1);
    expect(yunnan({ scoringRule: null })).toHaveLength(1);
  });
  it("a scorecard's 评分标准 govern its rows, and a target form has no actuals to score", () => {
    expect(yunnan({}, "evaluation_scorecard")).toEqual([]);
    expect(yunnan({}, "project_targets")).toEqual([]);
  });
});
