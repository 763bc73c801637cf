/**
 * funding_identity on real funding blocks, each relation at its tolerance and
 * with what the finding cites (the whole's row, then every part):
 * - 黔南's 黔南州DIP支付方式改革… block: 228 = 财政拨款 228 (其中: 上级补助 228,
 *   本级安排 blank) + 其他资金 blank; and its other block where 财政拨款: 0 sits
 *   over 本级安排: 1320 — one finding, not two;
 * - 重庆's 计划生育家庭特别扶助制度补助资金: 321.25 against 166 + 136 + 20.25;
 * - 衡阳's 资金总额 1,426.26 = 基本支出 1,326.26 + 项目支出 100.00;
 * - 忻州's 结转结余 2.4 = 8.65 − 6.25;
 * - 棠溪镇's 委托业务项目: 年度资金总额 0 over 本年财政拨款 89.974, next to a
 *   cost target ≤90万元;
 * - a 项目支出绩效目标表 whose year's amount (1018.55) sits under its
 *   medium-term total.
 */
import type { Form, FundingLine, NormalizedDocument } from "@jixiao/normalize";
import { FUNDING_BLOCK_KEY, WHOLE_TERM_KEY } from "@jixiao/normalize";
import { describe, expect, it } from "vitest";
import { documentContext, inputsOf } from "../src/context.ts";
import { fundingIdentity } from "../src/rules/funding_identity.ts";
import { form } from "./forms.ts";

type Line = Partial<FundingLine> & { source: string };
const run = (...forms: Form[]) => {
  const doc: NormalizedDocument = { forms, narrative: [], sideTables: [], warnings: [] };
  return fundingIdentity.check(documentContext(doc));
};
const cited = (f: ReturnType<typeof run>[number] | undefined) => inputsOf(f!).map((r) => ("source" in r ? r.source : r.name));

const DIP = "黔南州DIP支付方式改革第三方服务采购项目";
const selfEval = (funding: Line[], projectName = DIP, extra: Partial<Parameters<typeof form>[1]> = {}) => form(1, { kind: "project_self_eval", projectName, funding, ...extra });

/** 黔南's block as printed: amounts 年初预算数 / 全年预算数 / 全年执行数. */
function dip(change: Partial<Record<string, Partial<FundingLine>>> = {}): Form {
  const lines: Line[] = [
    { source: "年度资金总额:", initialBudget: 228, budget: 228, executed: 181.82 },
    { source: "财政拨款", initialBudget: 228, budget: 228, executed: 181.82 },
    { source: "其中: 上级补助", sourceKind: "superior", initialBudget: 228, budget: 228, executed: 181.82 },
    { source: "本级安排" },
    { source: "其他资金" },
  ];
  return selfEval(lines.map((l) => ({ ...l, ...(change[l.source] ?? {}) })));
}

describe("funding_identity: 财政拨款 and its 其中 lines, the total and its sources", () => {
  it("黔南 as printed agrees: a blank 本级安排 and a blank 其他资金 are parts with nothing in them", () => {
    expect(run(dip())).toEqual([]);
  });
  it("上级补助 executing 180.82 of 财政拨款's 181.82: one finding on 财政拨款, citing its parts; the total is not blamed again", () => {
    const found = run(dip({ "其中: 上级补助": { executed: 180.82 } }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: "funding_identity", severity: "warning", formSeq: 1, fundingSeq: 2, indicatorSeq: null, expected: 180.82, observed: 181.82 });
    expect(found[0]!.params).toEqual({ identity: "财政拨款 = 上级补助＋本级安排", column: "executed" });
    expect(found[0]!.message).toBe(`财政拨款全年执行数为181.82，但其组成上级补助＋本级安排合计为180.82（第1页，${DIP}）`);
    expect(cited(found[0])).toEqual(["财政拨款", "其中: 上级补助", "本级安排"]);
  });
  it("黔南's other block: 财政拨款: 0 over 本级安排: 1320 and 上级补助: 0 is one finding at the first column", () => {
    const found = run(selfEval([
      { source: "年度资金总额:", initialBudget: 1320, budget: 1320, executed: 1282.91 },
      { source: "财政拨款:", initialBudget: 0, budget: 0, executed: 0 },
      { source: "本级安排:", initialBudget: 1320, budget: 1320, executed: 1282.91 },
      { source: "其中:上级补助:", sourceKind: "superior", initialBudget: 0, budget: 0, executed: 0 },
      { source: "其他资金" },
    ]));
    expect(found.map((f) => [f.fundingSeq, f.params?.column, f.expected, f.observed])).toEqual([[2, "budget", 1320, 0]]);
    expect(found[0]!.message).toBe(`财政拨款全年预算数为0，但其组成本级安排:＋上级补助:合计为1320（第1页，${DIP}）`);
  });
  it("a total of 238 over 财政拨款 228 and a blank 其他资金: the total, citing both", () => {
    const found = run(dip({ "年度资金总额:": { budget: 238 } }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ fundingSeq: 1, expected: 228, observed: 238, params: { identity: "年度资金总额: = 财政拨款＋其他资金", column: "budget" } });
    expect(found[0]!.message).toBe(`年度资金总额全年预算数为238，但其组成财政拨款＋其他资金合计为228（第1页，${DIP}）`);
    expect(cited(found[0])).toEqual(["年度资金总额:", "财政拨款", "其他资金"]);
  });
  it("within rounding (3 half-cents for two parts): 228 against 227.98 + 0.01 agrees, against 227.97 + 0.01 it does not", () => {
    expect(run(dip({ "其中: 上级补助": { budget: 227.98 }, 本级安排: { budget: 0.01, initialBudget: 0, executed: 0 } }))).toEqual([]);
    expect(run(dip({ "其中: 上级补助": { budget: 227.97 }, 本级安排: { budget: 0.01, initialBudget: 0, executed: 0 } }))).toHaveLength(1);
  });
  it("中央补助 under 财政拨款 is its part too, and 地方资金", () => {
    const found = run(selfEval([
      { source: "年度资金总额", budget: 228 },
      { source: "财政拨款", budget: 228 },
      { source: "其中：中央补助", budget: 200 },
      { source: "地方资金", budget: 18 },
    ]));
    expect(found.map((f) => [f.params?.identity, f.expected])).toEqual([["财政拨款 = 中央补助＋地方资金", 218]]);
  });
  it("a second 财政拨款 line (其中：本年财政拨款) is no source of the total beside 财政拨款", () => {
    expect(run(selfEval([
      { source: "年度资金总额", budget: 89.974 },
      { source: "财政拨款", budget: 89.974 },
      { source: "其中：本年财政拨款", budget: 89.974 },
      { source: "其他资金" },
    ], "委托业务项目"))).toEqual([]);
  });
  it("重庆: 321.25 against 中央补助 166 + 市级资金 136 + 本级资金 20.25 = 322.25", () => {
    const P = "计划生育家庭特别扶助制度补助资金";
    const found = run(form(1, { kind: "transfer_self_eval", projectName: P, funding: [
      { source: "年度预算资金总额:", budget: 321.25 },
      { source: "其中:中央补助", budget: 166 },
      { source: "市级资金", budget: 136 },
      { source: "本级资金(包括结转结余)", budget: 20.25 },
    ] }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ expected: 322.25, observed: 321.25, params: { identity: "年度预算资金总额: = 中央补助＋市级资金＋本级资金(包括结转结余)", column: "budget" } });
    expect(found[0]!.message).toBe(`年度预算资金总额全年预算数为321.25，但其组成中央补助＋市级资金＋本级资金(包括结转结余)合计为322.25（第1页，${P}）`);
  });
  it("重庆's sources as the sheet names them (block / line): only a leading 其中 is dropped from a part's name", () => {
    const B = "计划生育家庭特别扶助制度补助资金(万元) / ";
    const [f] = run(form(1, { kind: "transfer_self_eval", projectName: "计划生育家庭特别扶助制度补助资金", funding: [
      { source: `${B}年度预算资金总额:`, budget: 321.25 },
      { source: `${B}其中:中央补助`, budget: 166 },
      { source: `${B}市级资金`, budget: 136 },
      { source: `${B}本级资金(包括结转结余)`, budget: 20.25 },
    ] }));
    expect(f!.message).toBe(`${B}年度预算资金总额全年预算数为321.25，但其组成${B}其中:中央补助＋${B}市级资金＋${B}本级资金(包括结转结余)合计为322.25（第1页，计划生育家庭特别扶助制度补助资金）`);
  });
  it("重庆's checklist prints four blocks, each with its own total: only the one that does not add up is flagged", () => {
    const block = (head: string, total: number | null, parts: (number | null)[]) =>
      [["年度预算资金总额:", total], ["其中:中央补助", parts[0]], ["市级资金", parts[1]], ["本级资金(包括结转结余)", parts[2]]].map(([line, budget]) => (
        { source: `${head} / ${line}`, budget: budget as number | null, extra: { [FUNDING_BLOCK_KEY]: head } }));
    const S = "计划生育家庭特别扶助制度补助资金(万元)";
    const found = run(form(1, { kind: "transfer_self_eval", projectName: "中央对地方转移支付计划生育服务项目", funding: [
      ...block("计划生育转移支付资金合计(万元)", 1084.25, [668, 343, 73.25]),
      ...block("农村部分计划生育家庭奖励扶助制度补助资金(万元)", 763, [502, 208, 53]),
      ...block(S, 321.25, [166, 136, 20.25]),
      ...block("2023年绩效调整资金(万元)", null, [null, null, null]),
    ] }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ expected: 322.25, observed: 321.25 });
    expect(found[0]!.message).toBe(`${S} / 年度预算资金总额全年预算数为321.25，但其组成中央补助＋市级资金＋本级资金(包括结转结余)合计为322.25（第1页，中央对地方转移支付计划生育服务项目）`);
    expect(cited(found[0])).toEqual([`${S} / 年度预算资金总额:`, `${S} / 其中:中央补助`, `${S} / 市级资金`, `${S} / 本级资金(包括结转结余)`]);
  });
  it("a 财政拨款 printed as 其中：财政拨款 keeps its name whole", () => {
    const [f] = run(form(1, { kind: "project_targets", projectName: "特殊困难群体参保资助资金", funding: [
      { source: "本年度项目金额", budget: 1018.55 },
      { source: "其中：财政拨款", budget: 1018.55 },
      { source: "上级补助", sourceKind: "superior", budget: 1000 },
      { source: "本级安排", budget: 0 },
    ] }));
    expect(f!.message).toBe("其中：财政拨款全年预算数为1018.55，但其组成上级补助＋本级安排合计为1000（第1页，特殊困难群体参保资助资金）");
  });
  it("棠溪镇: 年度资金总额 0 / 0 / 0 over 本年财政拨款 90 / 89.974 / 89.974 is flagged once (not for its cost target: a self-evaluation)", () => {
    const found = run(selfEval([
      { source: "年度资金总额", initialBudget: 0, budget: 0, executed: 0, weight: 10, score: 0 },
      { source: "其中:本年财政拨款", initialBudget: 90, budget: 89.974, executed: 89.974 },
      { source: "上年结转资金" },
      { source: "其他资金" },
    ], "委托业务项目", { indicators: [{ level1: "产出指标", level2: "成本指标", name: "项目总成本", targetText: "≤90万元", actualText: "90" }] }));
    expect(found.map((f) => [f.params?.column, f.expected, f.observed])).toEqual([["budget", 89.974, 0]]);
    expect(found[0]!.message).toBe("年度资金总额全年预算数为0，但其组成本年财政拨款＋上年结转资金＋其他资金合计为89.97（第1页，委托业务项目）");
  });
});

describe("funding_identity: which columns", () => {
  it("a part printing its spending but not its budget was misread there: only the spending is compared", () => {
    const found = run(dip({ 其他资金: { executed: 10 } }));
    expect(found.map((f) => [f.params?.column, f.expected, f.observed])).toEqual([["executed", 191.82, 181.82]]);
  });
  it("a missing budget of a part that prints its spending is not taken as 0 (238 = 228 + 其他资金's unread 10)", () => {
    expect(run(dip({ "年度资金总额:": { budget: 238, executed: 191.82 }, 其他资金: { executed: 10 } }))).toEqual([]);
  });
  it("a total whose parts are all blank (only 年度资金总额 printed) is not compared", () => {
    expect(run(dip({ 财政拨款: { initialBudget: null, budget: null, executed: null }, "其中: 上级补助": { initialBudget: null, budget: null, executed: null } }))).toEqual([]);
  });
  it("a column no part prints is not compared (the total's 年初预算数 300)", () => {
    const lines: Line[] = [{ source: "年度资金总额", initialBudget: 300, budget: 228 }, { source: "财政拨款", budget: 228 }, { source: "其他资金", budget: 0 }];
    expect(run(selfEval(lines))).toEqual([]);
  });
  it("a total printing no 年初预算数 is not compared in that column, though its parts print one", () => {
    expect(run(dip({ "年度资金总额:": { initialBudget: null } }))).toEqual([]);
  });
  it("a whole's full-width colon is dropped too (财政拨款：)", () => {
    const [f] = run(dip({ 财政拨款: { source: "财政拨款：" }, "其中: 上级补助": { executed: 180.82 } }));
    expect(f!.message).toBe(`财政拨款全年执行数为181.82，但其组成上级补助＋本级安排合计为180.82（第1页，${DIP}）`);
  });
  it("年初预算数 is named in the message", () => {
    const [f] = run(dip({ "年度资金总额:": { initialBudget: 238 } }));
    expect(f!.params).toMatchObject({ column: "initialBudget" });
    expect(f!.message).toBe(`年度资金总额年初预算数为238，但其组成财政拨款＋其他资金合计为228（第1页，${DIP}）`);
  });
  it("a monitoring form's 1–6月执行数 and 全年预计执行数; without a month, 截至目前", () => {
    const monitoring = (asOfMonth: number | null, forecast: number) => form(1, {
      kind: "project_monitoring", projectName: "城乡医疗救助补助资金", asOfMonth,
      funding: [
        { source: "年度资金总额", budget: 100, executedToDate: 45.5, forecastExecuted: forecast },
        { source: "其中：中央补助", budget: 60, executedToDate: 30, forecastExecuted: 58 },
        { source: "地方资金", budget: 40, executedToDate: 15, forecastExecuted: 40 },
      ],
    });
    const [toDate] = run(monitoring(6, 98));
    expect(toDate!.params).toEqual({ identity: "年度资金总额 = 中央补助＋地方资金", column: "executedToDate" });
    expect(toDate!.message).toBe("年度资金总额1–6月执行数为45.5，但其组成中央补助＋地方资金合计为45（第1页，城乡医疗救助补助资金）");
    expect(run(monitoring(null, 98))[0]!.message).toBe("年度资金总额截至目前执行数为45.5，但其组成中央补助＋地方资金合计为45（第1页，城乡医疗救助补助资金）");
    const forecast = form(1, { kind: "project_monitoring", projectName: "城乡医疗救助补助资金", funding: [
      { source: "年度资金总额", budget: 100, forecastExecuted: 98 },
      { source: "其中：中央补助", budget: 60, forecastExecuted: 57.5 },
      { source: "地方资金", budget: 40, forecastExecuted: 40 },
    ] });
    const [f] = run(forecast);
    expect(f!.params).toMatchObject({ column: "forecastExecuted" });
    expect(f!.message).toBe("年度资金总额全年预计执行数为98，但其组成中央补助＋地方资金合计为97.5（第1页，城乡医疗救助补助资金）");
  });
});

describe("funding_identity: 基本支出 + 项目支出 (衡阳)", () => {
  const hengyang = (projectSpending: number, basic: number | null = 1326.26) => form(1, {
    kind: "department_targets", agency: "衡阳市医疗保障局",
    funding: [
      { source: "资金总额", budget: 1426.26 },
      { source: "一般公共预算", budget: 1426.26 },
      ...(basic === null ? [] : [{ source: "基本支出", budget: basic }]),
      { source: "项目支出", budget: projectSpending },
    ],
  });
  it("1,426.26 = 1,326.26 + 100.00 agrees; 110.00 is flagged, citing both purposes", () => {
    expect(run(hengyang(100))).toEqual([]);
    const found = run(hengyang(110));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ fundingSeq: 1, observed: 1426.26, params: { identity: "资金总额 = 基本支出＋项目支出", column: "budget" } });
    expect(found[0]!.expected).toBeCloseTo(1436.26, 9);
    expect(found[0]!.message).toBe("资金总额全年预算数为1426.26，但其组成基本支出＋项目支出合计为1436.26（第1页，衡阳市医疗保障局整体支出绩效目标表）");
    expect(cited(found[0])).toEqual(["资金总额", "基本支出", "项目支出"]);
  });
  it("a 项目支出 line alone is no split of the total", () => {
    expect(run(hengyang(100, null))).toEqual([]);
  });
  it("财政拨款 short of its 本级安排 and a purpose split that does not add up are two findings", () => {
    const found = run(form(1, { kind: "department_self_eval", agency: "衡阳市医疗保障局", funding: [
      { source: "资金总额", budget: 1426.26 },
      { source: "财政拨款", budget: 1426.26 },
      { source: "其中：本级安排", budget: 1326.26 },
      { source: "基本支出", budget: 1326.26 },
      { source: "项目支出", budget: 110 },
    ] }));
    expect(found.map((f) => f.params?.identity)).toEqual(["财政拨款 = 本级安排", "资金总额 = 基本支出＋项目支出"]);
  });
});

describe("funding_identity: 结转结余 = 全年预算数 − 全年执行数 (忻州)", () => {
  const balance = (b: number, budget: number | null = 8.65, executed: number | null = 6.25) =>
    run(selfEval([{ source: "年度资金总额", budget, executed, balance: b }], "医药招采与基金监管工作经费项目"));
  it("2.4 agrees; 2.41 is flagged, 2.39 too", () => {
    expect(balance(2.4)).toEqual([]);
    const [f, ...rest] = balance(2.41);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ fundingSeq: 1, observed: 2.41, params: { identity: "结转结余 = A − B", decimals: 2 } });
    expect(f!.expected).toBeCloseTo(2.4, 9);
    expect(f!.message).toBe("资金结转结余填报为2.41，按全年预算数8.65－全年执行数6.25计算应为2.4（第1页，医药招采与基金监管工作经费项目，年度资金总额）");
    expect(balance(2.39)).toHaveLength(1);
  });
  it("whole amounts: 23,998 against 86,500 − 62,502 agrees at their precision, 23,999 does not", () => {
    expect(balance(23998, 86500, 62502)).toEqual([]);
    const [f] = balance(23999, 86500, 62502);
    expect(f!.params).toEqual({ identity: "结转结余 = A − B", decimals: 0 });
  });
  it("nothing to compute without the budget or the spending", () => {
    expect(balance(2.41, null)).toEqual([]);
    expect(balance(2.41, 8.65, null)).toEqual([]);
  });
});

describe("funding_identity: a target form's year against its medium-term total", () => {
  const P = "特殊困难群体参保资助资金";
  const targets = (lines: Line[], targetText = "≤1018.55万元", adjustedTargetText: string | null = null) => form(1, {
    kind: "project_targets", projectName: P, funding: lines,
    indicators: [{ level1: "成本指标", level2: "经济成本指标", name: "项目总成本", targetText, adjustedTargetText }],
  });
  it("1018.55 within 3000 is fine; 3500 over it is flagged, citing both lines", () => {
    expect(run(targets([{ source: "项目总金额(中期规划)：", budget: 3000 }, { source: "本年度项目金额：", budget: 1018.55 }]))).toEqual([]);
    const found = run(targets([{ source: "项目总金额(中期规划)：", budget: 3000 }, { source: "本年度项目金额：", budget: 3500 }]));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ fundingSeq: 2, expected: 3000, observed: 3500 });
    expect(found[0]!.params).toEqual({ identity: "年度金额 ≤ 中期（实施期）总额", medium: "项目总金额(中期规划)：", year: "本年度项目金额：" });
    expect(found[0]!.message).toBe(`本年度项目金额3500超过项目总金额(中期规划)3000（第1页，${P}）`);
    expect(cited(found[0])).toEqual(["本年度项目金额：", "项目总金额(中期规划)："]);
  });
  it("one digit past the total is beyond rounding (3000.01 over 3000.00); equal is not", () => {
    const year = (amount: number) => run(targets([{ source: "实施期资金总额", budget: 3000 }, { source: "年度资金总额", budget: amount }]));
    expect(year(3000)).toEqual([]);
    expect(year(3000.01).map((f) => f.observed)).toEqual([3000.01]);
    expect(year(3001).map((f) => f.observed)).toEqual([3001]);
  });
  it("amounts read from 年初预算数 or 全年执行数 when no 全年预算数 is printed; a medium-term line without amounts is passed over", () => {
    const found = run(targets([
      { source: "中期资金总额" },
      { source: "实施期资金总额", executed: 3000 },
      { source: "当年资金总额", initialBudget: 3500 },
    ]));
    expect(found.map((f) => [f.expected, f.observed, f.params?.medium])).toEqual([[3000, 3500, "实施期资金总额"]]);
  });
  it("beside a line naming the year, another total (资金总额) and a line the normalizer marked as the whole term are medium-term", () => {
    const found = run(targets([
      { source: "资金总额", budget: 3000 },
      { source: "当年资金总额", budget: 3500 },
      { source: "其中：财政拨款", budget: 3500 },
      { source: "往年合计", budget: 3200, extra: { [WHOLE_TERM_KEY]: "3200" } },
    ]));
    expect(found.map((f) => f.params?.medium)).toEqual(["资金总额", "往年合计"]);
  });
  it("names as printed: an ASCII colon at the end is dropped, a colon inside is kept", () => {
    const [over] = run(targets([{ source: "项目总金额:中期规划:", budget: 3000 }, { source: "其中:本年度项目金额:", budget: 3500 }]));
    expect(over!.message).toBe(`其中:本年度项目金额3500超过项目总金额:中期规划3000（第1页，${P}）`);
    const [zero] = run(targets([{ source: "其中:本年度项目金额:", budget: 0 }]));
    expect(zero!.message).toBe(`其中:本年度项目金额为0，但成本指标“项目总成本”的指标值为≤1018.55万元（第1页，${P}）`);
  });
  it("a medium-term line naming years (中期资金总额（2023-2025年度）) is not the year's line", () => {
    const found = run(targets([{ source: "中期资金总额（2023-2025年度）", budget: 3000 }, { source: "本年度资金总额", budget: 3500 }]));
    expect(found.map((f) => [f.fundingSeq, f.params?.medium])).toEqual([[2, "中期资金总额（2023-2025年度）"]]);
  });
  it("a year's line that is no total (当年财政拨款) is not the whole the sources add up to", () => {
    expect(run(targets([{ source: "项目总金额", budget: 3000 }, { source: "当年财政拨款", budget: 1018.55 }, { source: "其他资金", budget: 0 }]))).toEqual([]);
  });
  it("the year's 0 next to a positive cost target is flagged; the cost target's adjusted value is read first", () => {
    const found = run(targets([{ source: "项目总金额(中期规划)", budget: 3000 }, { source: "本年度项目金额：", budget: 0 }]));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ fundingSeq: 2, expected: null, observed: 0 });
    expect(found[0]!.params).toEqual({ identity: "年度金额 > 0 when cost targets are positive", costTargets: 1 });
    expect(found[0]!.message).toBe(`本年度项目金额为0，但成本指标“项目总成本”的指标值为≤1018.55万元（第1页，${P}）`);
    const adjusted = run(targets([{ source: "本年度项目金额", budget: 0 }], "严格控制成本", "≤1000万元"));
    expect(adjusted[0]!.message).toBe(`本年度项目金额为0，但成本指标“项目总成本”的指标值为≤1000万元（第1页，${P}）`);
  });
  it("without a year line the total line is the year's, else the first line", () => {
    const total = run(targets([{ source: "其中：财政拨款", budget: 0 }, { source: "资金总额", budget: 0 }]));
    expect(total.map((f) => [f.fundingSeq, f.params?.costTargets])).toEqual([[2, 1]]);
    const first = run(targets([{ source: "其中：财政拨款", budget: 0 }, { source: "其他资金", budget: 0 }]));
    expect(first.map((f) => f.fundingSeq)).toEqual([1]);
  });
  it("no positive money target, or no funding, or a positive amount: nothing", () => {
    expect(run(targets([{ source: "本年度项目金额", budget: 0 }], "≤0万元"))).toEqual([]);
    expect(run(targets([{ source: "本年度项目金额", budget: 0 }], "严格控制成本"))).toEqual([]);
    expect(run(targets([]))).toEqual([]);
    expect(run(targets([{ source: "本年度项目金额", budget: 1018.55 }]))).toEqual([]);
  });
});

describe("funding_identity: two totals side by side", () => {
  it("海南 服务贸易项目: 计划投资额 570 beside 实际到位资金 398.88 (both totals of their columns) is no relation of whole and part", () => {
    const hainan = selfEval([
      { source: "计划投资额(万元)", sourceKind: "total", budget: 570 },
      { source: "实际到位资金(万元)", sourceKind: "total", budget: 398.88 },
    ], "服务贸易项目");
    expect(run(hainan)).toEqual([]);
    // The same second line as a source of the first is one, and 398.88 ≠ 570 is reported.
    const asPart = selfEval([
      { source: "计划投资额(万元)", sourceKind: "total", budget: 570 },
      { source: "实际到位资金(万元)", sourceKind: "other", budget: 398.88 },
    ], "服务贸易项目");
    expect(run(asPart).map((f) => f.rule)).toEqual(["funding_identity"]);
  });
});
