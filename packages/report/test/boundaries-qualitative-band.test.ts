/**
 * qualitative_band: the whole finding under 黔南's own bands (100–80 / 80–50 /
 * 50–0 %, the note printed on its 医疗服务与保障能力提升补助资金 form), the
 * expected score on each side of a band, and the indicators the rule must
 * leave alone (no score, no weight, a quantitative target, a target form).
 */
import type { Form } from "@jixiao/normalize";
import { describe, expect, it } from "vitest";
import { findingsOf, form } from "./forms.ts";

const PROJECT = "医疗服务与保障能力提升补助资金";
const AT = `（第1页，${PROJECT}）`;
/** 黔南's own note: 100-80%(含80%)、80-50%(含50%)、50-0%. */
const QN_BANDS_NOTE = "4. 定性指标根据指标完成情况分为: 达成预期指标、部分达成预期指标且具有一定效果、未达成预期指标且效果较差三档, 分别按照该指标对应分值权重区间100-80%(含80%)、80-50%(含50%)、50-0%合理选择权重确定得分。";

interface Ind {
  target?: string;
  actual: string;
  weight?: number | null;
  score: number | null;
}
function qiannan({ target = "有效保障", actual, weight = 5, score }: Ind, notes: string[] = [QN_BANDS_NOTE], kind: Form["kind"] = "project_self_eval"): Form {
  return form(1, { kind, projectName: PROJECT, notes, indicators: [{ name: "政策知晓率", level1: "效益指标", targetText: target, actualText: actual, weight, score }] });
}
const banded = (f: Form) => findingsOf(f, "qualitative_band");

describe("under 黔南's bands", () => {
  it("未达成预期指标 scoring 3 of 5 (60 %, above 50 %): the finding in full, the bands from the note", () => {
    expect(banded(qiannan({ actual: "未达成预期指标", score: 3 }))).toEqual([
      {
        formSeq: 1,
        indicatorSeq: 1,
        fundingSeq: null,
        rule: "qualitative_band",
        severity: "warning",
        message: `“政策知晓率”完成情况为“未达成预期指标”，应得分值的0%–50%（0–2.5分），实际得分3分${AT}`,
        expected: 2.5,
        observed: 3,
        page: 1,
        params: { source: "form_note", rating: "unmet", implied: false, band: [0, 0.5] },
      },
    ]);
  });

  it("部分达成预期指标 between 2.5 and 4 of 5: 2.5 and 4 are within; 2.4 expects 2.5, 4.1 expects 4", () => {
    expect(banded(qiannan({ actual: "部分达成预期指标", score: 2.5 }))).toEqual([]);
    expect(banded(qiannan({ actual: "部分达成预期指标", score: 4 }))).toEqual([]);
    const [below] = banded(qiannan({ actual: "部分达成预期指标", score: 2.4 }));
    expect(below).toMatchObject({ expected: 2.5, observed: 2.4, params: { rating: "partial", band: [0.5, 0.8] } });
    expect(below!.message).toBe(`“政策知晓率”完成情况为“部分达成预期指标”，应得分值的50%–80%（2.5–4分），实际得分2.4分${AT}`);
    const [above] = banded(qiannan({ actual: "部分达成预期指标", score: 4.1 }));
    expect(above).toMatchObject({ expected: 4, observed: 4.1 });
  });

  it("an achieved value equal to its target (有效保障) reads as achieved: 3.9 of 5 is below 4", () => {
    const [f] = banded(qiannan({ actual: "有效保障", score: 3.9 }));
    expect(f).toMatchObject({ expected: 4, observed: 3.9, params: { source: "form_note", rating: "achieved", implied: true, band: [0.8, 1] } });
    expect(f!.message).toBe(`“政策知晓率”完成值与指标值相同（“有效保障”），视为达成预期指标，应得分值的80%–100%（4–5分），实际得分3.9分${AT}`);
  });

  it("without the note, the national bands, marked as such", () => {
    const [f] = banded(qiannan({ actual: "未达成预期指标", score: 3.1 }, []));
    expect(f).toMatchObject({ expected: 3, params: { source: "national_default", band: [0, 0.6] } });
  });
});

describe("indicators left alone", () => {
  it("no score, no weight, a weight of 0", () => {
    expect(banded(qiannan({ actual: "未达成预期指标", score: null }))).toEqual([]);
    expect(banded(qiannan({ actual: "未达成预期指标", score: 3, weight: null }))).toEqual([]);
    expect(banded(qiannan({ actual: "未达成预期指标", score: 3, weight: 0 }))).toEqual([]);
  });

  it("a quantitative target, or an achieved value that names no rating", () => {
    expect(banded(qiannan({ target: "≥90%", actual: "95%", score: 1 }))).toEqual([]);
    expect(banded(qiannan({ actual: "基本保障", score: 1 }))).toEqual([]);
  });

  it("a target form's numbers are no scores", () => {
    expect(banded(qiannan({ actual: "未达成预期指标", score: 3 }, [QN_BANDS_NOTE], "project_targets"))).toEqual([]);
  });
});
