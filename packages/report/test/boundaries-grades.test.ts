/**
 * grade_mismatch at both edges of every band (79.99 / 80 / 80.01 …), under
 * the national bands and under bands a form's own note sets, and the notes'
 * scoring parameters read at their edges.
 */
import { describe, expect, it } from "vitest";
import { canonicalGrade, gradeOfTotal, NATIONAL_DEFAULTS, NATIONAL_GRADES, scoringParamsOf } from "../src/scoring-params.ts";
import { findingsOf, form } from "./forms.ts";

const PROJECT = "医疗服务与保障能力提升补助资金";
/** A project self-evaluation printing only its total and its grade. */
const graded = (totalScore: number, grade: string, notes: string[] = []) =>
  findingsOf(form(1, { kind: "project_self_eval", projectName: PROJECT, totalScore, grade, notes }), "grade_mismatch");
/** Where the finding points: the form's page and project. */
const AT = `（第1页，${PROJECT}）`;

describe("national bands: 优 ≥ 90, 良 80–89.99, 中 60–79.99, 差 < 60", () => {
  it.each([
    [90.01, "优"], [90, "优"], [89.99, "良"], [82, "良"], [80.01, "良"], [80, "良"], [79.99, "中"], [60.01, "中"], [60, "中"], [59.99, "差"], [0, "差"], [100, "优"],
  ])("a total of %d is %s, and printed so it raises nothing", (total, grade) => {
    expect(gradeOfTotal(total, NATIONAL_GRADES)).toBe(grade);
    expect(graded(total, grade)).toEqual([]);
  });

  it.each([
    [90, "良", "优", "90分（含）以上为优"],
    [89.99, "优", "良", "80（含）至90分为良"],
    [82, "中", "良", "80（含）至90分为良"],
    [80, "中", "良", "80（含）至90分为良"],
    [79.99, "良", "中", "60（含）至80分为中"],
    [60, "差", "中", "60（含）至80分为中"],
    [59.99, "中", "差", "60分以下为差"],
  ])("a total of %d printed %s is flagged: it is %s (%s)", (total, printed, expected, band) => {
    const [f] = graded(total, printed);
    expect(f).toMatchObject({ rule: "grade_mismatch", severity: "error", observed: total });
    expect(f!.message).toBe(`绩效结论为“${printed}”，但总分${total}分按${band}应为“${expected}”${AT}`);
    expect(f!.params).toMatchObject({ printed, expectedGrade: expected, source: "national_default" });
  });

  it("the printed grade's other spellings are compared the same way (优秀, 良好, 一等 …, “良”)", () => {
    expect(graded(82, "良好")).toEqual([]);
    expect(graded(82, "二等")).toEqual([]);
    expect(graded(82, "“良”")).toHaveLength(0);
    expect(graded(82, "优秀")).toHaveLength(1);
    expect(graded(59, "不合格")).toEqual([]);
    expect(graded(59, "较差")).toEqual([]);
    expect(graded(59, "D级")).toEqual([]);
    expect(graded(70, "三等")).toEqual([]);
    expect(graded(70, "C")).toEqual([]);
    expect(graded(95, "A级")).toEqual([]);
  });

  it("合格 (≥ 60 only), an unknown grade or a missing total is not compared", () => {
    expect(graded(50, "合格")).toEqual([]);
    expect(graded(50, "尚可")).toEqual([]);
    expect(findingsOf(form(1, { kind: "project_self_eval", totalScore: null, grade: "优", indicators: [{ name: "x", weight: 10, score: 1 }] }), "grade_mismatch")).toEqual([]);
  });

  it("a target form (no scores) is not graded", () => {
    expect(findingsOf(form(1, { kind: "project_targets", totalScore: 50, grade: "优" }), "grade_mismatch")).toEqual([]);
  });

  it("canonical grades", () => {
    expect(["优", "优秀", "一等", "A", "A级"].map(canonicalGrade)).toEqual(["优", "优", "优", "优", "优"]);
    expect(["良", "良好", "二等", "B", "B级"].map(canonicalGrade)).toEqual(["良", "良", "良", "良", "良"]);
    expect(["中", "中等", "三等", "C", "C级"].map(canonicalGrade)).toEqual(["中", "中", "中", "中", "中"]);
    expect(["差", "较差", "不合格", "四等", "D", "D级"].map(canonicalGrade)).toEqual(["差", "差", "差", "差", "差", "差"]);
    expect([null, "", "合格", "优良", "AB", "一等奖"].map(canonicalGrade)).toEqual([null, null, null, null, null, null]);
    // Whole words only, quotes only around the grade.
    expect(["较优", "良好率", "适中", "中等偏上", "偏差", "差额", '良"好', "良”好"].map(canonicalGrade)).toEqual([null, null, null, null, null, null, null, null]);
    expect(["“良”", '"优秀"', "“中等"].map(canonicalGrade)).toEqual(["良", "优", "中"]);
  });
});

describe("bands a form's own note sets", () => {
  const NOTE = "评价等级：85分（含）以上为优，70（含）-85分为良，60（含）-70分为中，60分以下为差。";
  it("no notes: the national defaults, nothing read", () => {
    expect(scoringParamsOf({ notes: [] })).toEqual(NATIONAL_DEFAULTS);
  });
  it("are read as written", () => {
    const params = scoringParamsOf({ notes: [NOTE] });
    expect(params.grades.map((g) => [g.grade, g.min])).toEqual([["优", 85], ["良", 70], ["中", 60], ["差", -Infinity]]);
    expect(params.source).toBe("form_note");
    expect(params.fromNote).toEqual(["grades"]);
  });
  it.each([
    [85, "优"], [84.99, "良"], [70, "良"], [69.99, "中"], [60, "中"], [59.99, "差"],
  ])("%d is %s under them", (total, grade) => {
    expect(graded(total, grade, [NOTE])).toEqual([]);
  });
  it("and a total graded by the national bands instead is flagged, naming the form's band", () => {
    const [f] = graded(88, "良", [NOTE]);
    expect(f!.message).toBe(`绩效结论为“良”，但总分88分按85分（含）以上为优应为“优”${AT}`);
    expect(f!.params).toMatchObject({ source: "form_note", bands: [{ grade: "优", min: 85 }, { grade: "良", min: 70 }, { grade: "中", min: 60 }, { grade: "差", min: null }] });
    expect(graded(65, "差", [NOTE])[0]!.message).toBe(`绩效结论为“差”，但总分65分按60（含）至70分为中应为“中”${AT}`);
  });
  it("a note naming a single grade sets no bands; two are enough", () => {
    expect(scoringParamsOf({ notes: ["90分以上为优"] }).grades).toEqual(NATIONAL_DEFAULTS.grades);
    expect(scoringParamsOf({ notes: ["90分以上为优，80分以上为良"] }).grades.map((g) => [g.grade, g.min])).toEqual([["优", 90], ["良", 80], ["差", -Infinity]]);
  });
  it("bands listed from the lowest up, and a 差 with a number, come out highest first with 差 below everything", () => {
    const note = "评价等级：低于60分为差，60（含）-80分为中，80（含）-90分为良，90分（含）以上为优。";
    expect(scoringParamsOf({ notes: [note] }).grades.map((g) => [g.grade, g.min])).toEqual([["优", 90], ["良", 80], ["中", 60], ["差", -Infinity]]);
  });
  it.each([
    ["89.55分以上为优，70分以上为良", 89.55, 70],
    ["90分（含90分）以上为优，80分（含80）以上为良", 90, 80],
    ["90分及以上为“优”，75-89.5分为“良”", 90, 75],
    ["90（含）以上为优；80（含）-89.99为良", 90, 80],
    ["总分90分以上的为优，80-90分的为良", 90, 80],
  ])("grade bands as notes write them: %s", (note, top, second) => {
    expect(scoringParamsOf({ notes: [note] }).grades.slice(0, 2).map((g) => g.min)).toEqual([top, second]);
  });
  it("a total outside every band (NaN) falls to the last grade", () => {
    expect(gradeOfTotal(NaN, NATIONAL_GRADES)).toBe("差");
  });
});

describe("the other parameters of a note, at their edges", () => {
  it("黔南's 100-80%(含80%)、80-50%(含50%)、50-0% bands", () => {
    const note = "4. 定性指标根据指标完成情况分为: 达成预期指标、部分达成预期指标且具有一定效果、未达成预期指标且效果较差三档, 分别按照该指标对应分值权重区间100-80%(含80%)、80-50%(含50%)、50-0%合理选择权重确定得分。";
    const params = scoringParamsOf({ notes: [note] });
    expect(params.qualitativeBands).toEqual({ achieved: 0.8, partial: 0.5 });
    expect(params.fromNote).toEqual(["qualitativeBands"]);
  });
  it("decimal bands (100–85.5%, 85.5–60.5%) and bands written with ~ or 至", () => {
    expect(scoringParamsOf({ notes: ["定性指标按100%~85.5%、85.5%~60.5%、60.5%~0%确定"] }).qualitativeBands).toEqual({ achieved: 0.855, partial: 0.605 });
    expect(scoringParamsOf({ notes: ["达成预期指标100%至90%，部分达成90%至70%，未达成70%至0%"] }).qualitativeBands).toEqual({ achieved: 0.9, partial: 0.7 });
  });
  it("bands may reach 100 % and 0 %", () => {
    expect(scoringParamsOf({ notes: ["定性指标100-100%、100-60%、60-0%"] }).qualitativeBands).toEqual({ achieved: 1, partial: 0.6 });
    expect(scoringParamsOf({ notes: ["定性指标100-80%、80-0%、0-0%"] }).qualitativeBands).toEqual({ achieved: 0.8, partial: 0 });
    expect(scoringParamsOf({ notes: ["定性指标100-120%、120-60%、60-0%"] }).qualitativeBands).toEqual({ achieved: 0.8, partial: 0.6 });
  });
  it("rejects bands that do not nest (partial above achieved, or equal) and notes about something else", () => {
    const national = { achieved: 0.8, partial: 0.6 };
    expect(scoringParamsOf({ notes: ["定性指标100-50%、50-80%、80-0%"] }).qualitativeBands).toEqual(national);
    expect(scoringParamsOf({ notes: ["定性指标100-80%、80-80%、80-0%"] }).qualitativeBands).toEqual(national);
    expect(scoringParamsOf({ notes: ["定量指标100-80%、80-50%、50-0%"] }).qualitativeBands).toEqual(national);
    expect(scoringParamsOf({ notes: ["定性指标分三档"] }).qualitativeBands).toEqual(national);
  });
  it("execution weight: 预算执行率10分 / 预算资金执行率(20分)", () => {
    expect(scoringParamsOf({ notes: ["预算执行率10分"] }).executionWeight).toBe(10);
    expect(scoringParamsOf({ notes: ["预算资金执行率（20分）"] }).executionWeight).toBe(20);
    expect(scoringParamsOf({ notes: ["预算执行率12.25分"] }).executionWeight).toBe(12.25);
    expect(scoringParamsOf({ notes: ["预算执行率（12.5分）按比例得分"] })).toMatchObject({ executionWeight: 12.5, source: "form_note", fromNote: ["executionWeight"] });
    expect(scoringParamsOf({ notes: ["执行率10分"] }).executionWeight).toBe(10);
    expect(scoringParamsOf({ notes: ["执行率20分"] }).source).toBe("national_default");
  });
  it("reverse formula: 黔南's A/B; 1-(B-A)/A; a note without a formula keeps the default", () => {
    const qn = "若定量指标为反向指标(即指标值为≤*), 则得分计算方法应用年度指标值(A)/实际完成值(B)*该指标分值。";
    expect(scoringParamsOf({ notes: [qn] })).toMatchObject({ reverseFormula: "target_over_actual", fromNote: ["reverseFormula"] });
    expect(scoringParamsOf({ notes: ["反向指标得分=(1-(B-A)/A)×分值"] }).reverseFormula).toBe("one_minus_overrun");
    expect(scoringParamsOf({ notes: ["反向指标得分=（1-（实际完成值-年度指标值）/年度指标值）*该指标分值"] }).reverseFormula).toBe("one_minus_overrun");
    expect(scoringParamsOf({ notes: ["指标值为≤的，得分=A/B×分值"] }).fromNote).toEqual(["reverseFormula"]);
    expect(scoringParamsOf({ notes: ["<=类指标得分=1-(B-A)/A"] }).reverseFormula).toBe("one_minus_overrun");
    expect(scoringParamsOf({ notes: ["反向指标得分=1-B-A÷A"] }).reverseFormula).toBe("one_minus_overrun");
    expect(scoringParamsOf({ notes: ["反向指标酌情扣分"] })).toMatchObject({ reverseFormula: "target_over_actual", source: "national_default" });
    expect(scoringParamsOf({ notes: ["指标值/实际完成值"] }).source).toBe("national_default");
  });
});
