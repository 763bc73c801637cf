/**
 * missing_reason on real rows, at the edges of "short", "missed" and "no
 * reason":
 * - 安徽's 临时救助 自评表: 扶贫临时救助标准 <=5300元/户 achieved 5830元/户 at
 *   full score (10 of 10) with the 未完成原因 cell empty;
 * - 黔南's 医保基金收支平衡: 14 of 15, with and without its reason
 *   (职工医保基金年度结余未达到年度指标值);
 * - the cells that say nothing (无, ——, --, /, 不适用, blank);
 * - the national 绩效目标执行监控表 template: 医疗救助人次 ≥5000人次 with its
 *   完成目标可能性 and 全年预计完成值.
 */
import type { Form } from "@jixiao/normalize";
import { describe, expect, it } from "vitest";
import { findingsOf, form } from "./forms.ts";
import { ANHUI_RELIEF } from "./real-rows.ts";

type IndicatorInput = NonNullable<Parameters<typeof form>[1]["indicators"]>[number];
const RULE = "missing_reason";
const TAIL = "，但未填写未完成原因，表内也无偏差说明";

const RELIEF = ANHUI_RELIEF.row.name;
/** 安徽's transfer self-evaluation 临时救助, the one row. */
const anhui = (change: Partial<IndicatorInput> = {}, extra: Partial<Form> = {}) =>
  findingsOf(form(1, { kind: "transfer_self_eval", projectName: ANHUI_RELIEF.projectName, ...extra, indicators: [{ ...ANHUI_RELIEF.row, ...change }] }), RULE);

const BALANCE = "医保基金收支平衡";
/** 黔南's 医保基金收支平衡 row: 15 points, 14 given. */
const qiannan = (change: Partial<IndicatorInput> = {}, extra: Partial<Form> = {}) =>
  findingsOf(form(1, {
    kind: "project_self_eval", projectName: "黔南州DIP支付方式改革第三方服务采购项目", ...extra,
    indicators: [{
      level1: "效益指标", level2: "经济效益指标", name: BALANCE, targetText: "实现医保基金年度结余5%-10%",
      actualText: "城乡医保基金年度结余7%，职工医保基金年度结余15%", weight: 15, score: 14, ...change,
    }],
  }), RULE);

describe("missing_reason on a self-evaluation", () => {
  it("安徽: 5830元/户 against <=5300元/户 at full score, no reason: the target, as printed, and both values", () => {
    const [f, ...rest] = anhui();
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: RULE, severity: "warning", formSeq: 1, indicatorSeq: 1, fundingSeq: null, expected: 5300, observed: 5830 });
    expect(f!.params).toEqual({ scoreBelowWeight: false, targetMissed: true });
    expect(f!.message).toBe(`“${RELIEF}”实际完成5830元/户未达到指标值<=5300元/户${TAIL}（第1页，临时救助）`);
  });
  it("the adjusted target is the one cited", () => {
    const [f] = anhui({ adjustedTargetText: "<=5500元/户" });
    expect(f!.message).toBe(`“${RELIEF}”实际完成5830元/户未达到指标值<=5500元/户${TAIL}（第1页，临时救助）`);
    expect(f!.expected).toBe(5500);
  });
  it("5300元/户 meets <=5300元/户", () => {
    expect(anhui({ actualText: "5300元/户" })).toEqual([]);
  });
  it("黔南: 14 of 15 with no reason says the score; with its reason, or a 偏差原因 category, nothing", () => {
    const [f, ...rest] = qiannan({ reason: "" });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ expected: 15, observed: 14, params: { scoreBelowWeight: true } });
    expect(f!.message).toBe(`“${BALANCE}”得分14分低于分值15分${TAIL}（第1页，黔南州DIP支付方式改革第三方服务采购项目）`);
    expect(qiannan({ reason: "职工医保基金年度结余未达到年度指标值" })).toEqual([]);
    expect(qiannan({ deviationCause: "经费保障" })).toEqual([]);
  });
  it("short and missed: the score is what the message says and what it compares", () => {
    const [f] = anhui({ score: 9 });
    expect(f).toMatchObject({ expected: 10, observed: 9, params: { scoreBelowWeight: true, targetMissed: true } });
    expect(f!.message).toBe(`“${RELIEF}”得分9分低于分值10分${TAIL}（第1页，临时救助）`);
  });
  it("full score is not short (15 of 15); 14.99 is", () => {
    expect(qiannan({ score: 15 })).toEqual([]);
    expect(qiannan({ score: 14.99 }).map((f) => f.observed)).toEqual([14.99]);
  });
  it("no score or no weight is not short", () => {
    expect(qiannan({ score: null })).toEqual([]);
    expect(qiannan({ weight: null })).toEqual([]);
  });
  it.each(["", " ", "无", "——", "—", "--", "-", "/", "不适用"])("%j is no reason", (reason) => {
    expect(anhui({ reason })).toHaveLength(1);
    expect(anhui({ deviationCause: reason })).toHaveLength(1);
  });
  it("a reason starting with 无 is a reason", () => {
    expect(anhui({ reason: "无法按标准控制：2019年物价上涨，救助标准相应提高" })).toEqual([]);
  });
  it("the form's own explanation of deviations (高邑's 偏差和采取的措施) covers every row, unless it says 无", () => {
    expect(anhui({}, { deviation: "部分指标因物价上涨未达到，已调整救助标准" })).toEqual([]);
    expect(anhui({}, { deviation: "无" })).toHaveLength(1);
  });
  it("a scorecard's or a target form's rows owe no reason", () => {
    expect(findingsOf(form(1, { kind: "evaluation_scorecard", indicators: [{ name: BALANCE, weight: 15, score: 14 }] }), RULE)).toEqual([]);
    expect(findingsOf(form(1, { kind: "project_targets", indicators: [{ name: "医疗救助人次", targetText: "≥5000人次", likelihood: "有可能", forecastText: "4800人次" }] }), RULE)).toEqual([]);
  });
});

const RESCUE = "医疗救助人次";
/** The national 绩效目标执行监控表: 医疗救助人次 ≥5000人次, 2600 by June. */
const monitoring = (change: Partial<IndicatorInput> = {}, extra: Partial<Form> = {}) =>
  findingsOf(form(1, {
    kind: "project_monitoring", projectName: "城乡医疗救助补助资金", asOfMonth: 6, ...extra,
    indicators: [{ level1: "产出指标", level2: "数量指标", name: RESCUE, targetText: "≥5000人次", actualToDateText: "2600人次", forecastText: "5200人次", likelihood: "确定能", ...change }],
  }), RULE);
const MTAIL = "，但未填写偏差原因，表内也无偏差说明（第1页，城乡医疗救助补助资金）";

describe("missing_reason on a monitoring form", () => {
  it("完成目标可能性 有可能 (as printed, spaces and all) with no 偏差原因", () => {
    const [f, ...rest] = monitoring({ likelihood: " 有可能 " });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: RULE, severity: "warning", indicatorSeq: 1, expected: 5000, observed: 5200 });
    expect(f!.params).toEqual({ likelihood: " 有可能 ", likelihoodDoubtful: true, forecastMissed: false });
    expect(f!.message).toBe(`“${RESCUE}”完成目标可能性为“有可能”${MTAIL}`);
  });
  it("完全不可能 and 能部分完成 are doubtful too; without a forecast nothing is compared", () => {
    const [f] = monitoring({ likelihood: "完全不可能", forecastText: null });
    expect(f).toMatchObject({ expected: null, observed: null, params: { likelihoodDoubtful: true, forecastMissed: false } });
    expect(monitoring({ likelihood: "能部分完成" })).toHaveLength(1);
  });
  it.each(["确定能", "确定", "能", "肯定能", "能完成", "能够完成", "确定能完成", "是", "—", ""])("%j with the forecast on target raises nothing", (likelihood) => {
    expect(monitoring({ likelihood })).toEqual([]);
  });
  // (Text laid out by columns may put another column's figure or note under 完成目标可能性: 40% beside 按进度执行,已使用约.)
  // (Nor the header's list of the answers, on a row of its own in layout text.)
  it.each(["40%", "按进度执行", "2023年底", "(确定能、有可能、不可能)", "确定能/有可能/完全不可能"])("%j under the likelihood is no answer: nothing", (likelihood) => {
    expect(monitoring({ likelihood })).toEqual([]);
  });
  it("no likelihood and no forecast: nothing", () => {
    expect(monitoring({ likelihood: null, forecastText: null })).toEqual([]);
    expect(monitoring({ likelihood: null, forecastText: "—" })).toEqual([]);
  });
  it("a forecast of 4800人次 misses ≥5000人次 even at 确定能", () => {
    const [f] = monitoring({ forecastText: " 4800人次 " });
    expect(f).toMatchObject({ expected: 5000, observed: 4800 });
    expect(f!.params).toEqual({ likelihood: "确定能", likelihoodDoubtful: false, forecastMissed: true });
    expect(f!.message).toBe(`“${RESCUE}”全年预计完成4800人次未达到指标值≥5000人次${MTAIL}`);
    const [adjusted] = monitoring({ forecastText: "4800人次", adjustedTargetText: "≥4900人次" });
    expect(adjusted!.message).toBe(`“${RESCUE}”全年预计完成4800人次未达到指标值≥4900人次${MTAIL}`);
  });
  it("doubtful and missed: the likelihood is what the message says", () => {
    const [f] = monitoring({ likelihood: "有可能", forecastText: "4800人次" });
    expect(f!.params).toEqual({ likelihood: "有可能", likelihoodDoubtful: true, forecastMissed: true });
    expect(f!.message).toBe(`“${RESCUE}”完成目标可能性为“有可能”${MTAIL}`);
  });
  it("a forecast exactly on target (5000人次), or a reason, a cause, or the form's explanation: nothing", () => {
    expect(monitoring({ forecastText: "5000人次" })).toEqual([]);
    expect(monitoring({ forecastText: "4800人次", reason: "上级资金下达滞后" })).toEqual([]);
    expect(monitoring({ forecastText: "4800人次", deviationCause: "经费保障" })).toEqual([]);
    expect(monitoring({ forecastText: "4800人次" }, { deviation: "受政策调整影响，救助人次低于预期" })).toEqual([]);
  });
});
