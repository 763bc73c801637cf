/**
 * The rules on the other families (rules.md, "Rules for the other families"):
 * each form is built like the national template it stands for, and each rule
 * is shown firing on one changed number and quiet on the form as it should be
 * printed, with the boundary values.
 */
import { describe, expect, it } from "vitest";
import type { Form } from "@jixiao/normalize";
import { RULES } from "../src/index.ts";
import { RULE_TITLES } from "../src/report/labels.ts";
import { lostCode } from "../src/rules/code_precision_lost.ts";
import { findingsOf, form } from "./forms.ts";

const SCORE_RULES = ["total_score_mismatch", "weights_not_100", "level1_weight_mismatch", "score_exceeds_weight", "grade_mismatch", "indicator_score_formula", "qualitative_band", "execution_score_mismatch"];

// ---- 中央对地方转移支付区域绩效自评表 --------------------------------------------

/** 中央对地方转移支付区域绩效自评表: funding by source, targets and 全年实际值, no 分值/得分, no total. */
function transfer(change: { funding?: Partial<Record<string, object>>; indicators?: Partial<Record<string, object>>; form?: Partial<Form> } = {}): Form {
  const funding = [
    { source: "年度资金总额", budget: 1200, executed: 1100.5, executionRate: 0.9171, executionRateText: "91.71%" },
    { source: "其中：中央补助", budget: 1000, executed: 950 },
    { source: "地方资金", budget: 150, executed: 120.5 },
    { source: "其他资金", budget: 50, executed: 30 },
  ].map((l) => ({ ...l, ...(change.funding?.[l.source] ?? {}) }));
  const indicators = [
    { level1: "产出指标", level2: "数量指标", name: "家庭医生签约服务人数", targetText: "≥12万人", actualText: "12.6万人" },
    { level1: "产出指标", level2: "质量指标", name: "基层医疗卫生机构门急诊占比", targetText: "≥60%", actualText: "58.2%", reason: "受疫情后就诊习惯变化影响，下一步加强基层能力建设" },
    { level1: "效益指标", level2: "社会效益指标", name: "居民健康素养水平", targetText: "≥25%", actualText: "26.1%" },
    { level1: "满意度指标", level2: "服务对象满意度指标", name: "服务对象满意度", targetText: "≥90%", actualText: "92%" },
  ].map((i) => ({ ...i, ...(change.indicators?.[i.name] ?? {}) }));
  return form(1, {
    kind: "transfer_self_eval",
    title: "中央对地方转移支付区域绩效自评表",
    projectName: "基本公共卫生服务补助资金",
    funding,
    indicators,
    ...change.form,
  });
}

describe("transfer_self_eval (no 分值/得分)", () => {
  it("gets no score rule and no extraction_partial for lacking a total, even when 'total' is listed missing", () => {
    const found = findingsOf(transfer({ form: { missing: ["total"] } }));
    expect(found.filter((f) => SCORE_RULES.includes(f.rule) || f.rule === "extraction_partial")).toEqual([]);
    expect(found).toEqual([]);
  });
  it("execution_rate_mismatch fires on 92.71% for 1100.5 / 1200 = 91.708%, not on 91.71%", () => {
    const [f] = findingsOf(transfer({ funding: { 年度资金总额: { executionRate: 0.9271, executionRateText: "92.71%" } } }), "execution_rate_mismatch");
    expect(f).toMatchObject({ severity: "error", observed: 0.9271 });
    expect(f!.message).toContain("按全年执行数1100.5÷全年预算数1200计算应为91.71%");
    expect(findingsOf(transfer(), "execution_rate_mismatch")).toEqual([]);
  });
  it("funding_identity fires when 中央补助 + 地方资金 + 其他资金 = 1210 against 年度资金总额 1200; not on 1000 + 150 + 50", () => {
    const [f] = findingsOf(transfer({ funding: { 地方资金: { budget: 160 } } }), "funding_identity");
    expect(f).toMatchObject({ severity: "warning", observed: 1200, expected: 1210 });
    expect(f!.message).toContain("中央补助＋地方资金＋其他资金");
    expect(findingsOf(transfer(), "funding_identity")).toEqual([]);
  });
  it("missing_reason fires for a quantitative target missed with no reason (≥12万人, 11.8万人)", () => {
    const [f] = findingsOf(transfer({ indicators: { 家庭医生签约服务人数: { actualText: "11.8万人" } } }), "missing_reason");
    expect(f).toMatchObject({ severity: "warning", expected: 12, observed: 11.8, params: { targetMissed: true, scoreBelowWeight: false } });
  });
  it("missing_reason stays quiet at the boundary (12万人 for ≥12万人), and when the reason is given (58.2% for ≥60%)", () => {
    expect(findingsOf(transfer({ indicators: { 家庭医生签约服务人数: { actualText: "12万人" } } }), "missing_reason")).toEqual([]);
    expect(findingsOf(transfer(), "missing_reason")).toEqual([]);
  });
  it("when a province's transfer form does print 分值/得分, the score rules apply to them", () => {
    const scored = transfer({
      form: { totalScore: 98.17 },
      indicators: {
        家庭医生签约服务人数: { weight: 30, score: 30 },
        基层医疗卫生机构门急诊占比: { weight: 20, score: 19 },
        居民健康素养水平: { weight: 20, score: 20 },
        服务对象满意度: { weight: 20, score: 20 },
      },
      funding: { 年度资金总额: { weight: 10, score: 9.17 } },
    });
    expect(findingsOf(scored).filter((f) => SCORE_RULES.includes(f.rule))).toEqual([]);
    const [f] = findingsOf({ ...scored, totalScore: 99.17 }, "total_score_mismatch");
    expect(f).toMatchObject({ observed: 99.17 });
    expect(f!.expected).toBeCloseTo(98.17, 9);
  });
});

// ---- 绩效评价指标体系（评分表） ------------------------------------------------------

function scorecard(change: { indicators?: Partial<Record<string, object>>; form?: Partial<Form> } = {}): Form {
  const indicators = [
    { level1: "决策", level1Weight: 20, level2: "项目立项", name: "立项依据充分性", weight: 10, score: 10, scoringRule: "依据充分得满分，否则酌情扣分" },
    { level1: "决策", level1Weight: 20, level2: "绩效目标", name: "绩效目标合理性", weight: 10, score: 8, scoringRule: "目标明确合理得满分" },
    { level1: "过程", level1Weight: 20, level2: "资金管理", name: "预算执行率", weight: 20, score: 18, scoringRule: "执行率×分值" },
    { level1: "产出", level1Weight: 40, level2: "产出数量", name: "实际完成率", weight: 40, score: 36, scoringRule: "完成率×分值" },
    { level1: "效益", level1Weight: 20, level2: "项目效益", name: "服务对象满意度", weight: 20, score: 17, scoringRule: "满意度×分值" },
  ].map((i) => ({ ...i, ...(change.indicators?.[i.name] ?? {}) }));
  return form(1, {
    kind: "evaluation_scorecard",
    title: "城乡居民医疗救助资金重点绩效评价指标体系评分表",
    projectName: "城乡居民医疗救助资金",
    totalWeight: 100,
    totalScore: 89,
    grade: "良",
    indicators,
    ...change.form,
  });
}

describe("evaluation_scorecard", () => {
  it("is consistent as built: 10 + 8 + 18 + 36 + 17 = 89, 良", () => {
    expect(findingsOf(scorecard())).toEqual([]);
  });
  it("gets total_score_mismatch, weights_not_100, level1_weight_mismatch, score_exceeds_weight and grade_mismatch", () => {
    expect(findingsOf(scorecard({ form: { totalScore: 90, grade: "良" } }), "total_score_mismatch")[0]).toMatchObject({ expected: 89, observed: 90 });
    expect(findingsOf(scorecard({ form: { totalScore: 90, grade: "良" } }), "grade_mismatch")[0]!.message).toContain("应为“优”");
    const heavier = scorecard({ indicators: { 实际完成率: { weight: 45 } } });
    expect(findingsOf(heavier, "weights_not_100")[0]).toMatchObject({ expected: 100, observed: 105 });
    expect(findingsOf(heavier, "level1_weight_mismatch")[0]).toMatchObject({ expected: 40, observed: 45 });
    const over = scorecard({ indicators: { 绩效目标合理性: { score: 11 } }, form: { totalScore: 92, grade: "优" } });
    expect(findingsOf(over, "score_exceeds_weight")[0]).toMatchObject({ expected: 10, observed: 11, severity: "error" });
  });
  it("a score below its weight owes no 未完成原因 on a scorecard (evaluation criteria, not targets)", () => {
    expect(findingsOf(scorecard(), "missing_reason")).toEqual([]);
  });
});

// ---- 项目支出绩效目标执行监控表 ------------------------------------------------------

function monitoring(change: { funding?: object; indicators?: Partial<Record<string, object>>; form?: Partial<Form> } = {}): Form {
  const indicators = [
    { level1: "产出指标", level2: "数量指标", name: "医疗救助人次", targetText: "≥5000人次", actualToDateText: "2600人次", forecastText: "5200人次", likelihood: "确定能" },
    { level1: "产出指标", level2: "时效指标", name: "救助资金发放及时率", targetText: "≥95%", actualToDateText: "90%", forecastText: "96%", likelihood: "确定能" },
    { level1: "满意度指标", level2: "服务对象满意度指标", name: "救助对象满意度", targetText: "≥90%", actualToDateText: "—", forecastText: "92%", likelihood: "确定能" },
  ].map((i) => ({ ...i, ...(change.indicators?.[i.name] ?? {}) }));
  return form(1, {
    kind: "project_monitoring",
    title: "2023年度项目支出绩效目标执行监控表",
    projectName: "城乡医疗救助补助资金",
    asOfMonth: 6,
    funding: [{ source: "年度资金总额", initialBudget: 100, budget: 100, executedToDate: 45.5, executionRate: 0.455, executionRateText: "45.50%", forecastExecuted: 98, ...change.funding }],
    indicators,
    ...change.form,
  });
}

describe("project_monitoring", () => {
  it("as built raises nothing, and no score rule", () => {
    expect(findingsOf(monitoring())).toEqual([]);
  });
  it("execution_rate_mismatch reads 1–6月执行率 against 1–6月执行数 / 全年预算数 (48.50% for 45.5 / 100)", () => {
    const [f] = findingsOf(monitoring({ funding: { executionRate: 0.485, executionRateText: "48.50%" } }), "execution_rate_mismatch");
    expect(f).toMatchObject({ severity: "error", expected: 0.455, observed: 0.485, params: { asOfMonth: 6 } });
    expect(f!.message).toContain("1–6月执行率填报为48.50%，按1–6月执行数45.5÷全年预算数100计算应为45.5%");
  });
  it("falls back to the executed amount when no 1–N月执行数 is printed", () => {
    const rate = (text: string, value: number) => monitoring({ funding: { executedToDate: null, executed: 45.5, executionRate: value, executionRateText: text } });
    expect(findingsOf(rate("45.50%", 0.455), "execution_rate_mismatch")).toEqual([]);
    expect(findingsOf(rate("40%", 0.4), "execution_rate_mismatch")).toHaveLength(1);
  });
  it("forecast_exceeds_budget fires when 全年预计执行数 100.01 > 全年预算数 100 (a cent beyond rounding)", () => {
    const [f] = findingsOf(monitoring({ funding: { forecastExecuted: 100.01 } }), "forecast_exceeds_budget");
    expect(f).toMatchObject({ severity: "warning", expected: 100, observed: 100.01, fundingSeq: 1 });
    expect(f!.message).toContain("全年预计执行数100.01超过全年预算数100");
  });
  it("forecast_exceeds_budget stays quiet at 100 (equal) and at 100.004 (within the budget's rounding)", () => {
    expect(findingsOf(monitoring({ funding: { forecastExecuted: 100 } }), "forecast_exceeds_budget")).toEqual([]);
    expect(findingsOf(monitoring({ funding: { forecastExecuted: 100.004 } }), "forecast_exceeds_budget")).toEqual([]);
  });
  it("funding_identity sums the 1–6月执行数 column too: 中央补助 30 + 地方资金 15 = 45 against 45.5; not against 45.50", () => {
    const split = (local: number) =>
      form(1, {
        kind: "project_monitoring",
        asOfMonth: 6,
        funding: [
          { source: "年度资金总额", budget: 100, executedToDate: 45.5, executionRate: 0.455, executionRateText: "45.50%" },
          { source: "其中：中央补助", budget: 60, executedToDate: 30 },
          { source: "地方资金", budget: 40, executedToDate: local },
        ],
      });
    const [f] = findingsOf(split(15), "funding_identity");
    expect(f).toMatchObject({ observed: 45.5, expected: 45, params: { column: "executedToDate" } });
    expect(f!.message).toContain("年度资金总额1–6月执行数为45.5");
    expect(findingsOf(split(15.5), "funding_identity")).toEqual([]);
  });
  it("missing_reason fires when 完成目标可能性 is 有可能 and no 偏差原因 is given", () => {
    const [f] = findingsOf(monitoring({ indicators: { 医疗救助人次: { likelihood: "有可能" } } }), "missing_reason");
    expect(f).toMatchObject({ severity: "warning", indicatorSeq: 1, params: { likelihoodDoubtful: true } });
    expect(f!.message).toContain("完成目标可能性为“有可能”");
  });
  it("missing_reason fires when the forecast misses the target (全年预计 4800人次 for ≥5000人次), even at 确定能", () => {
    const [f] = findingsOf(monitoring({ indicators: { 医疗救助人次: { forecastText: "4800人次" } } }), "missing_reason");
    expect(f).toMatchObject({ expected: 5000, observed: 4800, params: { forecastMissed: true, likelihoodDoubtful: false } });
  });
  it("missing_reason stays quiet with a 偏差原因 category or text, at 确定能, and at a forecast exactly on target", () => {
    expect(findingsOf(monitoring({ indicators: { 医疗救助人次: { likelihood: "有可能", deviationCause: "经费保障" } } }), "missing_reason")).toEqual([]);
    expect(findingsOf(monitoring({ indicators: { 医疗救助人次: { likelihood: "完全不可能", reason: "上级资金下达滞后" } } }), "missing_reason")).toEqual([]);
    expect(findingsOf(monitoring({ indicators: { 医疗救助人次: { forecastText: "5000人次" } } }), "missing_reason")).toEqual([]);
  });
});

// ---- 项目支出绩效目标表 --------------------------------------------------------------

function targets(change: { funding?: Partial<Record<string, object>>; indicators?: Partial<Record<string, object>>; form?: Partial<Form> } = {}): Form {
  const funding = [
    { source: "项目总金额(中期规划)", budget: 3000 },
    { source: "本年度项目金额", budget: 1018.55 },
    { source: "其中：财政拨款", budget: 1018.55 },
  ].map((l) => ({ ...l, ...(change.funding?.[l.source] ?? {}) }));
  const indicators = [
    { level1: "产出指标", level2: "数量指标", name: "资助参保人数", targetText: "≥3.2万人" },
    { level1: "成本指标", level2: "经济成本指标", name: "项目总成本", targetText: "≤1018.55万元" },
    { level1: "满意度指标", level2: "服务对象满意度指标", name: "参保群众满意度", targetText: "≥90%" },
  ].map((i) => ({ ...i, ...(change.indicators?.[i.name] ?? {}) }));
  return form(1, { kind: "project_targets", title: "项目支出绩效目标表", projectName: "特殊困难群体参保资助资金", funding, indicators, ...change.form });
}

describe("project_targets", () => {
  it("as built raises nothing (and no score rule)", () => {
    expect(findingsOf(targets())).toEqual([]);
  });
  it("money_unit_suspect: 本年度项目金额（万元）10,185,500 next to 成本 ≤1018.55万元 is in 元", () => {
    const yuan = targets({ funding: { 本年度项目金额: { budget: 10185500, budgetText: "10,185,500" }, "其中：财政拨款": { budget: 10185500 }, "项目总金额(中期规划)": { budget: 30000000 } } });
    const [f] = findingsOf(yuan, "money_unit_suspect");
    expect(f).toMatchObject({ severity: "warning", observed: 10185500, params: { declared: "万元", effective: "元", indicator: "项目总成本" } });
    expect(f!.message).toContain("≤1018.55万元");
  });
  it("money_unit_suspect stays quiet on 1018.55 万元, and leaves a unit the normalizer already corrected to its own finding", () => {
    expect(findingsOf(targets(), "money_unit_suspect")).toEqual([]);
    const corrected = targets({
      form: { moneyUnitEffective: "元", moneyUnitReason: "成本指标“项目总成本”写作≤10185500元，与表头声明的万元不符，金额按元计" },
      funding: { 本年度项目金额: { budget: 10185500 } },
      indicators: { 项目总成本: { targetText: "≤10185500元" } },
    });
    const found = findingsOf(corrected, "money_unit_suspect");
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain("金额按元计");
  });
  it("funding_identity fires when the year's 3500 exceeds the medium-term 3000", () => {
    const [f] = findingsOf(targets({ funding: { 本年度项目金额: { budget: 3500 }, "其中：财政拨款": { budget: 3500 } } }), "funding_identity");
    expect(f).toMatchObject({ severity: "warning", expected: 3000, observed: 3500, fundingSeq: 2 });
    expect(f!.message).toContain("超过项目总金额(中期规划)3000");
  });
  it("funding_identity stays quiet when the year's amount equals the medium-term total (3000 = 3000)", () => {
    expect(findingsOf(targets({ funding: { 本年度项目金额: { budget: 3000 }, "其中：财政拨款": { budget: 3000 } } }), "funding_identity")).toEqual([]);
  });
  it("funding_identity fires when the year's amount is 0 while the cost target is ≤1018.55万元; not when there is no money target", () => {
    const zero = { 本年度项目金额: { budget: 0 }, "其中：财政拨款": { budget: 0 } };
    const [f] = findingsOf(targets({ funding: zero }), "funding_identity");
    expect(f).toMatchObject({ observed: 0, fundingSeq: 2 });
    expect(f!.message).toContain("项目总成本");
    expect(findingsOf(targets({ funding: zero, indicators: { 项目总成本: { targetText: "严格控制成本", level1: "成本指标" } } }), "funding_identity")).toEqual([]);
  });
});

// ---- unrecognized_label, code_precision_lost --------------------------------------

describe("unrecognized_label", () => {
  it("one info per entry, the message the label as printed, at the fact's page when the form's facts hold it", () => {
    const f = form(1, {
      kind: "transfer_self_eval",
      unrecognizedLabels: ["项目属性", "分配方式"],
      facts: [{ seq: 1, label: "分配方式", value: "因素法", field: null, page: 3, line: null }],
    });
    const found = findingsOf(f, "unrecognized_label");
    expect(found.map((x) => [x.severity, x.message, x.page])).toEqual([
      ["info", "未识别的标签：项目属性", 1],
      ["info", "未识别的标签：分配方式", 3],
    ]);
    expect(found[0]!.params).toEqual({ label: "项目属性" });
  });
  it("nothing when every label was recognised", () => {
    expect(findingsOf(form(1, { kind: "transfer_self_eval" }), "unrecognized_label")).toEqual([]);
  });
});

describe("code_precision_lost", () => {
  it("fires on a 项目编码 shown as 4.403062313915E+20 (13 of 21 digits) and on a fact 4.40306231391501E+20", () => {
    const f = form(1, {
      kind: "project_targets",
      projectCode: "4.403062313915E+20",
      facts: [
        { seq: 1, label: "项目编码", value: "4.403062313915E+20", field: "projectCode", page: 1, line: null },
        { seq: 2, label: "主管部门代码", value: "4.40306231391501E+20", field: null, page: 1, line: null },
      ],
    });
    const found = findingsOf(f, "code_precision_lost");
    expect(found.map((x) => [x.severity, x.params?.label, x.params?.digitsShown, x.params?.digits])).toEqual([
      ["info", "项目编码", 13, 21],
      ["info", "主管部门代码", 15, 21],
    ]);
    expect(found[0]!.message).toContain("4.403062313915E+20");
  });
  it("reads what a double prints: 440306231391501000000 is a lost code, 440306231391501234567 and 303001 are whole", () => {
    expect(lostCode("440306231391501000000")).toEqual({ shown: 15, length: 21 });
    expect(lostCode("440306231391501234567")).toBeNull();
    expect(lostCode("303001")).toBeNull();
    expect(lostCode("4403062313915012")).toBeNull(); // 16 digits below 2^53: exact
    expect(lostCode("4.40306231391501E+14")).toBeNull(); // 15 digits shown of 15: the whole code
  });
  it("does not fire on a code kept as text", () => {
    const f = form(1, { kind: "project_targets", projectCode: "440306231391501234567", facts: [{ seq: 1, label: "项目代码", value: "440306231391501234567", field: "projectCode", page: 1, line: null }] });
    expect(findingsOf(f, "code_precision_lost")).toEqual([]);
  });
});

// ---- ocr_low_confidence ------------------------------------------------------------

describe("ocr_low_confidence", () => {
  const misread = (ocrConfidence: number | null) => transfer({ funding: { 年度资金总额: { executionRate: 0.9271, executionRateText: "92.71%", ocrConfidence } } });

  it("an error on a row OCR read at 0.62 is a warning with the confidence, and the row is listed (info)", () => {
    const found = findingsOf(misread(0.62));
    const rate = found.find((f) => f.rule === "execution_rate_mismatch")!;
    expect(rate).toMatchObject({ severity: "warning", params: { ocrConfidence: 0.62, downgradedFrom: "error" } });
    expect(rate.message).toContain("置信度0.62");
    const [info] = found.filter((f) => f.rule === "ocr_low_confidence");
    expect(info).toMatchObject({ severity: "info", fundingSeq: 1, observed: 0.62 });
  });
  it("at 0.8 (not below) and without OCR the error stays an error and nothing is listed", () => {
    for (const c of [0.8, null]) {
      const found = findingsOf(misread(c));
      expect(found.find((f) => f.rule === "execution_rate_mismatch")!.severity).toBe("error");
      expect(found.filter((f) => f.rule === "ocr_low_confidence")).toEqual([]);
    }
  });
  it("a total summed over a low-confidence indicator is downgraded too", () => {
    const card = scorecard({ form: { totalScore: 90, grade: "优" }, indicators: { 实际完成率: { ocrConfidence: 0.55 } } });
    const [total] = findingsOf(card, "total_score_mismatch");
    expect(total).toMatchObject({ severity: "warning", params: { ocrConfidence: 0.55 } });
    // grade_mismatch rests on the printed total alone, not on the low-confidence row.
    expect(findingsOf(scorecard({ form: { totalScore: 89, grade: "优" }, indicators: { 实际完成率: { ocrConfidence: 0.55 } } }), "grade_mismatch")[0]!.severity).toBe("error");
  });
});

describe("the report names every rule in Chinese", () => {
  it("has a title for each slug", () => {
    for (const r of RULES) expect(RULE_TITLES[r.slug], r.slug).toBeTruthy();
  });
});
