/** The form's own 注/备注 notes read for scoring parameters, and the national defaults otherwise. */
import { describe, expect, it } from "vitest";
import { canonicalGrade, gradeOfTotal, NATIONAL_DEFAULTS, scoringParamsOf } from "../src/scoring-params.ts";
import { checkedSeed, formOf } from "./pipeline.ts";

describe("scoring parameters", () => {
  it("reads 黔南's note: bands 100–80/80–50/50–0 %, reverse indicators A/B × weight", () => {
    const form = formOf(checkedSeed("qiannan").doc, "医疗服务与保障能力提升补助资金");
    const params = scoringParamsOf(form);
    expect(params.qualitativeBands).toEqual({ achieved: 0.8, partial: 0.5 });
    expect(params.reverseFormula).toBe("target_over_actual");
    expect(params.executionWeight).toBe(10);
    expect(params.source).toBe("form_note");
    expect(params.fromNote).toEqual(expect.arrayContaining(["qualitativeBands", "reverseFormula", "executionWeight"]));
  });

  it("falls back to the national defaults for a form without such notes (忻州's 备注 speak of columns only)", () => {
    const form = checkedSeed("xinzhou").doc.forms[0]!;
    expect(form.notes.length).toBeGreaterThan(0);
    expect(scoringParamsOf(form)).toEqual(NATIONAL_DEFAULTS);
  });

  it("reads the other regional variants: 80–60 bands, (1 − (B−A)/A) for reverse indicators, grade bands", () => {
    const params = scoringParamsOf({
      notes: [
        "定性指标分为达成预期指标、部分达成预期指标并具有一定效果、未达成预期指标且效果较差三档，分别按照该指标对应分值区间100%-80%（含）、80%-60%（含）、60%-0%合理确定分值。",
        "反向指标（即指标值为≤*）得分=（1-（实际完成值-年度指标值）/年度指标值）*该指标分值。",
        "评价等级：90分（含）以上为优，80（含）-90分为良，60（含）-80分为中，60分以下为差。",
      ],
    });
    expect(params.qualitativeBands).toEqual({ achieved: 0.8, partial: 0.6 });
    expect(params.reverseFormula).toBe("one_minus_overrun");
    expect(params.grades.map((g) => [g.grade, g.min])).toEqual([["优", 90], ["良", 80], ["中", 60], ["差", -Infinity]]);
  });

  it("grades: 90 itself is 优, 89.99 is 良; 优秀/一等 read as 优, 合格 is not compared", () => {
    expect(gradeOfTotal(90, NATIONAL_DEFAULTS.grades)).toBe("优");
    expect(gradeOfTotal(89.99, NATIONAL_DEFAULTS.grades)).toBe("良");
    expect(gradeOfTotal(59.99, NATIONAL_DEFAULTS.grades)).toBe("差");
    expect([canonicalGrade("优秀"), canonicalGrade("一等"), canonicalGrade("“良”"), canonicalGrade("合格")]).toEqual(["优", "优", "良", null]);
  });
});
