/**
 * The indicator-by-indicator score rules at their edges: qualitative bands
 * (national 80 / 60 %, 黔南's 80 / 50 %) exactly at, just below and just above
 * each bound; reverse indicators at B = A and one step past it, under both
 * reverse formulas; positive and equality indicators at B = A.
 */
import { describe, expect, it } from "vitest";
import { bandOf } from "../src/rules/qualitative_band.ts";
import { expectedScore } from "../src/rules/indicator_score_formula.ts";
import { NATIONAL_QUALITATIVE_BANDS } from "../src/scoring-params.ts";
import type { Quantitative } from "../src/indicator-kind.ts";
import { findingsOf, form } from "./forms.ts";

const PROJECT = "医疗服务与保障能力提升补助资金";
/** 黔南's own note: 100-80%(含80%)、80-50%(含50%)、50-0%. */
const QN_BANDS_NOTE = "4. 定性指标根据指标完成情况分为: 达成预期指标、部分达成预期指标且具有一定效果、未达成预期指标且效果较差三档, 分别按照该指标对应分值权重区间100-80%(含80%)、80-50%(含50%)、50-0%合理选择权重确定得分。";
/** 黔南's reverse formula: A/B. */
const QN_REVERSE_NOTE = "若定量指标为反向指标(即指标值为≤*), 则得分计算方法应用年度指标值(A)/实际完成值(B)*该指标分值。";
const OVERRUN_NOTE = "反向指标（即指标值为≤*）得分=（1-（实际完成值-年度指标值）/年度指标值）*该指标分值。";

interface Ind {
  target: string;
  actual: string;
  weight?: number;
  score: number;
  scoringRule?: string | null;
}
function findings(rule: string, ind: Ind, notes: string[] = [], kind: "project_self_eval" | "evaluation_scorecard" = "project_self_eval") {
  const { target, actual, weight = 10, score, scoringRule = null } = ind;
  return findingsOf(form(1, { kind, projectName: PROJECT, notes, indicators: [{ name: "政策知晓率", level1: "效益指标", targetText: target, actualText: actual, weight, score, scoringRule }] }), rule);
}
const band = (actual: string, score: number, notes: string[] = [], weight = 10) => findings("qualitative_band", { target: "有效保障", actual, weight, score }, notes);
const formula = (target: string, actual: string, score: number, notes: string[] = [], weight = 10) => findings("indicator_score_formula", { target, actual, weight, score }, notes);

describe("qualitative bands, national (100–80 / 80–60 / 60–0 %)", () => {
  it("bands as fractions of the weight", () => {
    expect(bandOf("achieved", NATIONAL_QUALITATIVE_BANDS)).toEqual([0.8, 1]);
    expect(bandOf("partial", NATIONAL_QUALITATIVE_BANDS)).toEqual([0.6, 0.8]);
    expect(bandOf("unmet", NATIONAL_QUALITATIVE_BANDS)).toEqual([0, 0.6]);
  });
  it.each([
    ["达成预期指标", 8], ["达成预期指标", 10], ["达成预期指标", 9.99], ["部分达成预期指标", 6], ["部分达成预期指标", 8], ["未达成预期指标", 0], ["未达成预期指标", 6],
  ])("%s scoring %d of 10 is within its band", (actual, score) => {
    expect(band(actual, score)).toEqual([]);
  });
  it.each([
    ["达成预期指标", 7.99, 8], ["达成预期指标", 10.01, 10], ["部分达成预期指标", 5.99, 6], ["部分达成预期指标", 8.01, 8], ["未达成预期指标", 6.01, 6],
  ])("%s scoring %d of 10 is outside it (expected %d)", (actual, score, expected) => {
    const [f] = band(actual, score);
    expect(f).toMatchObject({ severity: "warning", observed: score, params: { source: "national_default" } });
    expect(f!.expected).toBeCloseTo(expected, 12);
  });
  it("the message names the band in percent and in points", () => {
    const [f] = band("部分达成预期指标", 5.99);
    expect(f!.message).toBe(`“政策知晓率”完成情况为“部分达成预期指标”，应得分值的60%–80%（6–8分），实际得分5.99分（第1页，${PROJECT}）`);
    expect(f!.params).toMatchObject({ rating: "partial", implied: false, band: [0.6, 0.8] });
  });
  it("an achieved value equal to its target reads as 达成预期指标 (有效保障 / 有效保障)", () => {
    expect(band("有效保障", 8)).toEqual([]);
    const [f] = band("有效保障", 7.99);
    expect(f!.message).toBe(`“政策知晓率”完成值与指标值相同（“有效保障”），视为达成预期指标，应得分值的80%–100%（8–10分），实际得分7.99分（第1页，${PROJECT}）`);
    expect(f!.params).toMatchObject({ rating: "achieved", implied: true });
  });
  it("an achieved value that says nothing of the rating, a weight of 0, or a scorecard is not banded", () => {
    expect(band("基本保障", 1)).toEqual([]);
    expect(band("达成预期指标", 0, [], 0)).toEqual([]);
    expect(findings("qualitative_band", { target: "有效保障", actual: "达成预期指标", score: 1 }, [], "evaluation_scorecard")).toEqual([]);
  });
});

describe("qualitative bands from 黔南's note (100–80 / 80–50 / 50–0 %)", () => {
  it.each([["部分达成预期指标", 5], ["部分达成预期指标", 8], ["未达成预期指标", 5], ["达成预期指标", 8]])("%s scoring %d of 10 is within", (actual, score) => {
    expect(band(actual, score, [QN_BANDS_NOTE])).toEqual([]);
  });
  it.each([["部分达成预期指标", 4.99], ["未达成预期指标", 5.01], ["达成预期指标", 7.99]])("%s scoring %d of 10 is outside", (actual, score) => {
    const [f] = band(actual, score, [QN_BANDS_NOTE]);
    expect(f!.params).toMatchObject({ source: "form_note" });
  });
  it("50 % is outside the national partial band", () => {
    expect(band("部分达成预期指标", 5)).toHaveLength(1);
  });
  it("a weight of 3 (黔南's 有效保障 rows): 1.5 is 部分达成 at 50 %", () => {
    expect(band("部分达成预期指标", 1.5, [QN_BANDS_NOTE], 3)).toEqual([]);
    expect(band("部分达成预期指标", 1.49, [QN_BANDS_NOTE], 3)).toHaveLength(1);
  });
});

describe("reverse (≤) indicators at B = A and past it", () => {
  it("B = A and B below A score the full weight under either formula", () => {
    for (const notes of [[], [QN_REVERSE_NOTE], [OVERRUN_NOTE]]) {
      expect(formula("≤5个", "5个", 10, notes), notes.join()).toEqual([]);
      expect(formula("≤5个", "4个", 10, notes), notes.join()).toEqual([]);
      expect(formula("≤5个", "5个", 9, notes), notes.join()).toHaveLength(1);
    }
  });
  it("A/B: ≤5个 with 8个 expects 6.25; 6.3 and 6.2 are flagged, 6.25 and 6.3 (one decimal, rounded) agree", () => {
    expect(formula("≤5个", "8个", 6.25, [QN_REVERSE_NOTE])).toEqual([]);
    expect(formula("≤5个", "8个", 6.3, [QN_REVERSE_NOTE])).toEqual([]);
    expect(formula("≤5个", "8个", 6.26, [QN_REVERSE_NOTE])).toHaveLength(1);
    const [f] = formula("≤5个", "8个", 6.4, [QN_REVERSE_NOTE]);
    expect(f!.expected).toBeCloseTo(6.25, 12);
    expect(f!.params).toMatchObject({ direction: "negative", formula: "A/B×分值", reverseFormula: "target_over_actual", source: "form_note" });
  });
  it("1 − (B − A)/A: ≤5个 with 6个 expects 8; with 10个 or more, 0", () => {
    expect(formula("≤5个", "6个", 8, [OVERRUN_NOTE])).toEqual([]);
    const [f] = formula("≤5个", "6个", 8.5, [OVERRUN_NOTE]);
    expect(f!.expected).toBeCloseTo(8, 12);
    expect(f!.params).toMatchObject({ formula: "(1−(B−A)/A)×分值", reverseFormula: "one_minus_overrun" });
    expect(formula("≤5个", "10个", 0, [OVERRUN_NOTE])).toEqual([]);
    expect(formula("≤5个", "12个", 0, [OVERRUN_NOTE])).toEqual([]);
    expect(formula("≤5个", "12个", 1, [OVERRUN_NOTE])).toHaveLength(1);
  });
  it("expected scores, directly", () => {
    const q = (direction: Quantitative["direction"], target: number, actual: number, targetMax: number | null = null): Quantitative =>
      ({ kind: "quantitative", direction, comparator: direction === "negative" ? "<=" : direction === "equal" ? "=" : ">=", target, targetMax, actual, unit: null, impliedCeiling: false });
    expect(expectedScore(q("negative", 5, 5), 10, "target_over_actual")).toEqual({ score: 10, formula: "B≤A得满分" });
    expect(expectedScore(q("negative", 5, 5), 10, "one_minus_overrun")).toEqual({ score: 10, formula: "B≤A得满分" });
    expect(expectedScore(q("negative", 0, 1), 10, "one_minus_overrun")).toBeNull();
    expect(expectedScore(q("negative", 0, 1), 10, "target_over_actual")).toEqual({ score: 0, formula: "A/B×分值" });
    expect(expectedScore(q("equal", 12, 12), 10, "target_over_actual")).toEqual({ score: 10, formula: "B=A得满分" });
    expect(expectedScore(q("equal", 12, 11), 12, "target_over_actual")).toEqual({ score: 11, formula: "min(B/A,1)×分值" });
    expect(expectedScore(q("positive", 90, 90), 10, "target_over_actual")).toEqual({ score: 10, formula: "min(B/A,1)×分值" });
    expect(expectedScore(q("positive", 90, 99), 10, "target_over_actual")).toEqual({ score: 10, formula: "min(B/A,1)×分值" });
    expect(expectedScore(q("positive", 0, 0), 10, "target_over_actual")).toEqual({ score: 10, formula: "B≥A得满分" });
    expect(expectedScore(q("positive", 0, -1), 10, "target_over_actual")).toBeNull();
    expect(expectedScore(q("positive", 5, 7, 10), 4, "target_over_actual")).toEqual({ score: 4, formula: "区间内得满分" });
    expect(expectedScore(q("positive", 5, 5, 10), 4, "target_over_actual")).toEqual({ score: 4, formula: "区间内得满分" });
    expect(expectedScore(q("positive", 5, 10, 10), 4, "target_over_actual")).toEqual({ score: 4, formula: "区间内得满分" });
    expect(expectedScore(q("positive", 5, 4.99, 10), 4, "target_over_actual")).toBeNull();
    expect(expectedScore(q("positive", 5, 10.01, 10), 4, "target_over_actual")).toBeNull();
  });
});

describe("positive and equality indicators at B = A", () => {
  it("≥75% with 75% keeps the full 4 (3.99 is flagged); with 70% expects 3.733… (70 / 75 × 4)", () => {
    expect(formula("≥75%", "75%", 4, [], 4)).toEqual([]);
    expect(formula("≥75%", "75%", 3.99, [], 4)).toHaveLength(1);
    expect(formula("≥75%", "70%", 3.73, [], 4)).toEqual([]);
    expect(formula("≥75%", "70%", 3.74, [], 4)).toHaveLength(1);
  });
  it("黔南's ≥75% achieved 60% at 4 points expects 3.2, and the message says so", () => {
    const [f] = formula("≥75%", "60%", 4, [], 4);
    expect(f!.message).toBe(`“政策知晓率”得分4分，按指标值≥75%，实际完成60%、min(B/A,1)×分值计算应为3.2分（第1页，${PROJECT}）`);
  });
  it("=12个 with 12个 keeps the full weight; with 11个 expects 11/12 of it", () => {
    expect(formula("=12个", "12个", 12, [], 12)).toEqual([]);
    expect(formula("=12个", "11个", 11, [], 12)).toEqual([]);
    expect(formula("=12个", "11个", 12, [], 12)).toHaveLength(1);
  });
  it("an indicator with its own 评（扣）分标准 is left to it; a blank one is not", () => {
    expect(findings("indicator_score_formula", { target: "≥75%", actual: "60%", weight: 4, score: 4, scoringRule: "完成得满分" })).toEqual([]);
    expect(findings("indicator_score_formula", { target: "≥75%", actual: "60%", weight: 4, score: 4, scoringRule: "  " })).toHaveLength(1);
  });
});
