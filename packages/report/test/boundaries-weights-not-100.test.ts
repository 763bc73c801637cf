/**
 * weights_not_100 on two real forms: 河北's 暖通改造经费 (nine indicators of
 * 10 points and the funding item's 10: 100, fixtures/real/expect/hebei-2019-project-self-eval.json)
 * and 中江县's 水标尺 form, whose indicators make 100 alone next to a printed
 * funding 分值 of 10 (110, a real finding: sichuan-2022-project-self-eval.json).
 * The whole finding, the rows it rests on, the execution weight the form does
 * not print, and the forms and rows the rule must leave alone.
 */
import type { Form } from "@jixiao/normalize";
import { describe, expect, it } from "vitest";
import { documentContext, inputsOf } from "../src/context.ts";
import { weightsNot100 } from "../src/rules/weights_not_100.ts";
import { documentOf, findingsOf, form } from "./forms.ts";

const HEBEI = "办公宿舍楼、食堂及餐厅暖通改造经费";
const HEBEI_INDICATORS: [string, number][] = [
  ["指标1工程资金金额", 9], ["指标1工程完工率", 10], ["指标2工程验收合格率", 10], ["指标1项目完成及时率", 10], ["指标1成本控制率", 10],
  ["指标1安全率", 10], ["指标1学校发展能力", 10], ["指标1长期使用性", 10], ["指标1学生满意度", 10],
];
const ZHONGJIANG = "中江县农业水价综合改革精准补贴和节水奖励项目小型水库水标尺制作安装";
const ZHONGJIANG_WEIGHTS: [string, number][] = [
  ["安装坡面水标尺", 10], ["水标尺宽度", 10], ["项目(工程)验收合格率", 20], ["及时(按期)开工率", 10], ["及时(按期)完工率", 10],
  ["项目计划总投资", 10], ["受益脱贫(含监测对象)户人口数", 10], ["群众生产生活条件改善状况", 10], ["受益脱贫(含监测对象)户满意度", 10],
];

type Extra = Partial<Omit<Form, "funding" | "indicators">> & { indicators?: Parameters<typeof form>[1]["indicators"] };

/** 河北's form, each indicator weighted 10, the funding item weighted as given. */
function hebei(fundingWeight: number | null, extra: Extra = {}): Form {
  return form(1, {
    kind: "project_self_eval",
    projectName: HEBEI,
    indicators: HEBEI_INDICATORS.map(([name, score]) => ({ name, weight: 10, score })),
    funding: [{ source: "年度资金总额", initialBudget: 43.2, budget: 43.2, executed: 37.24, executionRate: 0.86, executionRateText: "0.86", weight: fundingWeight, score: 9 }],
    ...extra,
  });
}
function zhongjiang(fundingWeight: number | null, kind: Form["kind"] = "project_self_eval"): Form {
  return form(1, {
    kind,
    projectName: ZHONGJIANG,
    indicators: ZHONGJIANG_WEIGHTS.map(([name, weight]) => ({ name, weight, score: weight })),
    funding: [{ source: "年度资金总额", weight: fundingWeight, score: fundingWeight }],
  });
}
/** 中江县's indicators less the first `dropped`, next to an execution line printing its rate but no 分值. */
function rateOnly(kind: Form["kind"], dropped: number): Form {
  return form(1, {
    kind,
    projectName: ZHONGJIANG,
    indicators: ZHONGJIANG_WEIGHTS.slice(dropped).map(([name, weight]) => ({ name, weight, score: weight })),
    funding: [{ source: "年度资金总额", budget: 10, executed: 10, executionRate: 1, executionRateText: "100%" }],
  });
}
const flagged = (f: Form) => findingsOf(f, "weights_not_100");
const checked = (f: Form) => weightsNot100.check(documentContext(documentOf([f])));

describe("河北: 9 × 10 + 10", () => {
  it("100 as printed agrees", () => {
    expect(flagged(hebei(10))).toEqual([]);
  });

  it("a funding 分值 of 12 (102) or 9 (99) is flagged, the finding in full", () => {
    for (const [weight, sum] of [[12, 102], [9, 99]] as const) {
      expect(flagged(hebei(weight))).toEqual([
        {
          formSeq: 1,
          indicatorSeq: null,
          fundingSeq: null,
          rule: "weights_not_100",
          severity: "warning",
          message: `各项分值合计${sum}分（绩效指标90分＋预算执行率${weight}分），不等于100分（第1页，${HEBEI}）`,
          expected: 100,
          observed: sum,
          page: 1,
          params: { indicatorSum: 90, fundingWeight: weight, fundingWeightPrinted: true, totalWeightPrinted: false },
        },
      ]);
    }
  });

  it("the finding rests on every weighted indicator and the funding line", () => {
    const f = hebei(12);
    expect(inputsOf(checked(f)[0]!)).toEqual([...f.indicators, f.funding[0]]);
  });

  it("no printed funding 分值: the national 10 completes the 90; one indicator more (101) is flagged, the 10 marked as not printed", () => {
    expect(flagged(hebei(null))).toEqual([]);
    const f = hebei(null, { indicators: [...HEBEI_INDICATORS.map(([name, score]) => ({ name, weight: 10, score })), { name: "指标2安全率", weight: 1, score: 1 }] });
    const [finding] = checked(f);
    expect(finding!.params).toEqual({ indicatorSum: 91, fundingWeight: 10, fundingWeightPrinted: false, totalWeightPrinted: false });
    expect(finding!.message).toBe(`各项分值合计101分（绩效指标91分＋预算执行率10分），不等于100分（第1页，${HEBEI}）`);
    expect(inputsOf(finding!)).toEqual([...f.indicators, f.funding[0]]);
  });

  it("a printed total weight is the one to reach: 100 against 总分栏的110 is flagged, 100 against 100 is not", () => {
    expect(flagged(hebei(10, { totalWeight: 100 }))).toEqual([]);
    const [f] = flagged(hebei(10, { totalWeight: 110 }));
    expect(f).toMatchObject({ expected: 110, observed: 100, params: { totalWeightPrinted: true } });
    expect(f!.message).toBe(`各项分值合计100分（绩效指标90分＋预算执行率10分），不等于总分栏的110分（第1页，${HEBEI}）`);
  });

  it("a heading row with neither 分值 nor 得分 is no input", () => {
    const f = hebei(12, { indicators: [{ name: "产出指标" }, ...HEBEI_INDICATORS.map(([name, score]) => ({ name, weight: 10, score }))] });
    expect(inputsOf(checked(f)[0]!)).toEqual([...f.indicators.slice(1), f.funding[0]]);
  });
});

describe("中江县: indicators making 100 alone", () => {
  it("with a printed funding 分值 of 10 they make 110, as the real form does", () => {
    const [f] = flagged(zhongjiang(10));
    expect(f).toMatchObject({ expected: 100, observed: 110, params: { indicatorSum: 100, fundingWeight: 10, fundingWeightPrinted: true } });
    expect(f!.message).toBe(`各项分值合计110分（绩效指标100分＋预算执行率10分），不等于100分（第1页，${ZHONGJIANG}）`);
  });

  it("with no funding 分值 printed, a project form scores no separate execution item: 100 agrees", () => {
    expect(flagged(zhongjiang(null))).toEqual([]);
  });

  it("a transfer-payment form gets no default execution weight: 90 without it is flagged and rests on the indicators alone", () => {
    const f = rateOnly("transfer_self_eval", 1);
    const [finding] = checked(f);
    expect(finding).toMatchObject({ expected: 100, observed: 90, params: { indicatorSum: 90, fundingWeight: 0, fundingWeightPrinted: null, totalWeightPrinted: false } });
    expect(finding!.message).toBe(`各项分值合计90分（绩效指标90分＋预算执行率0分），不等于100分（第1页，${ZHONGJIANG}）`);
    expect(inputsOf(finding!)).toEqual(f.indicators);
  });

  it("a project form's execution line printing no 分值, next to indicators short of 100, is cited with the default 10", () => {
    const f = rateOnly("project_self_eval", 2);
    const [finding] = checked(f);
    expect(finding).toMatchObject({ expected: 100, observed: 90, params: { indicatorSum: 80, fundingWeight: 10, fundingWeightPrinted: false } });
    expect(inputsOf(finding!)).toEqual([...f.indicators, f.funding[0]]);
  });
});

describe("forms and rows the rule does not sum", () => {
  it("a part the normalizer could not read (funding, indicators, the total row) leaves the weights alone", () => {
    expect(flagged(hebei(12, { missing: ["funding"] }))).toEqual([]);
    expect(flagged(hebei(12, { missing: ["indicators"] }))).toEqual([]);
    expect(flagged(hebei(12, { missing: ["total"] }))).toEqual([]);
    expect(flagged(hebei(12, { missing: ["grade"] }))).toHaveLength(1);
  });

  it("黄石's indicators print 得分 without 分值: the weights cannot be summed", () => {
    const huangshi = hebei(20, { indicators: [{ name: "通过专家评审", score: 10 }, { name: "群众满意度", score: 10 }] });
    expect(flagged(huangshi)).toEqual([]);
    expect(flagged(hebei(12, { indicators: [...HEBEI_INDICATORS.map(([name, score]) => ({ name, weight: 10, score })), { name: "群众满意度", score: 10 }] }))).toEqual([]);
  });

  it("no weighted indicator at all: nothing to sum, even with a funding 分值", () => {
    expect(flagged(hebei(20, { indicators: [] }))).toEqual([]);
  });

  it("a form that is no score sheet (project list, targets) is not summed", () => {
    expect(flagged(hebei(12, { kind: "project_list" }))).toEqual([]);
    expect(flagged(hebei(12, { kind: "project_targets" }))).toEqual([]);
    expect(flagged(zhongjiang(10, "project_monitoring"))).toEqual([]);
  });
});
