/**
 * money_unit_suspect, the parts boundaries-weights-units.test.ts leaves: the
 * finding for a unit the normalizer changed when the form has no funding line,
 * no budget or no reason; and another table of the same project that agrees
 * with the form only once its own unit is swapped — 忻州's 医药招采与基金监管工作经费
 * (8.65 万元 budgeted, 6.25 executed, /work/shared/seeds/xinzhou-2022-selfeval-report-annex1.pdf.txt)
 * next to a 预算执行情况表 or a second copy of the form printing the same
 * figures under 元.
 */
import type { Form, NormalizedDocument, SideTable } from "@jixiao/normalize";
import { describe, expect, it } from "vitest";
import { documentContext, inputsOf } from "../src/context.ts";
import { checkDocument } from "../src/index.ts";
import { moneyUnitSuspect } from "../src/rules/money_unit_suspect.ts";
import { documentOf, findingsOf, form } from "./forms.ts";

const XINZHOU = "医药招采与基金监管工作经费";
const DUCHA = "定点医疗机构督查经费";
const REASON = "成本指标“督查经费”写作≤80万元，与表头声明的元不符，金额按万元计";

describe("a unit the normalizer changed", () => {
  const changed = (input: Partial<Parameters<typeof form>[1]>) =>
    findingsOf(form(1, { kind: "project_self_eval", projectName: DUCHA, moneyUnit: "元", moneyUnitEffective: "万元", moneyUnitReason: REASON, ...input }), "money_unit_suspect");

  it("the finding in full, on the form's main line and that line's page", () => {
    const found = changed({ pageFrom: 1, pageTo: 2, funding: [{ source: "年度资金总额", budget: 80, page: 2 }] });
    expect(found).toEqual([
      {
        formSeq: 1,
        indicatorSeq: null,
        fundingSeq: 1,
        rule: "money_unit_suspect",
        severity: "warning",
        message: `表头金额单位为元，但金额应为万元（全年预算数80）：${REASON}（第2页，${DUCHA}）`,
        expected: null,
        observed: 80,
        page: 2,
        params: { declared: "元", effective: "万元", reason: REASON },
      },
    ]);
  });

  it("no funding line: the form's pages, no budget cited", () => {
    const [f] = changed({ pageFrom: 1, pageTo: 2, funding: [] });
    expect(f).toMatchObject({ fundingSeq: null, observed: null, page: 1 });
    expect(f!.message).toBe(`表头金额单位为元，但金额应为万元：${REASON}（第1–2页，${DUCHA}）`);
  });

  it("a line without a budget, and no reason given", () => {
    const [f] = changed({ moneyUnitReason: null, funding: [{ source: "年度资金总额", executed: 80 }] });
    expect(f).toMatchObject({ fundingSeq: 1, observed: null, params: { declared: "元", effective: "万元", reason: null } });
    expect(f!.message).toBe(`表头金额单位为元，但金额应为万元（第1页，${DUCHA}）`);
  });

  it("nothing when either unit is unknown or both agree", () => {
    const line = [{ source: "年度资金总额", budget: 80 }];
    expect(changed({ moneyUnit: null, funding: line })).toEqual([]);
    expect(changed({ moneyUnitEffective: null, funding: line })).toEqual([]);
    expect(changed({ moneyUnitEffective: "元", funding: line })).toEqual([]);
  });
});

describe("an amount matching a cost target only in the other unit, and the normalizer's own decision", () => {
  /** 特殊困难群体参保资助资金: 本年度项目金额 10,185,500 under a 万元 header, next to a cost target ≤1018.55万元. */
  const targets = (moneyUnitEffective: "元" | "万元" | null, moneyUnitReason: string | null = null) =>
    findingsOf(form(1, {
      kind: "project_targets", projectName: "特殊困难群体参保资助资金", moneyUnit: "万元", moneyUnitEffective, moneyUnitReason,
      funding: [{ source: "本年度项目金额", budget: 10_185_500 }],
      indicators: [{ level1: "成本指标", level2: "经济成本指标", name: "项目总成本", targetText: "≤1018.55万元" }],
    }), "money_unit_suspect");

  it("when the normalizer already read the amounts as 元, its finding is the only one", () => {
    const found = targets("元", "成本指标“项目总成本”写作≤1018.55万元，金额按元计");
    expect(found.map((f) => f.params)).toEqual([{ declared: "万元", effective: "元", reason: "成本指标“项目总成本”写作≤1018.55万元，金额按元计" }]);
  });

  it("the column the amount stands in is named, the line's trailing colon dropped; an adjusted target is the one compared", () => {
    const found = (line: { initialBudget?: number; executed?: number }, adjustedTargetText: string | null = null) =>
      findingsOf(form(1, {
        kind: "project_targets", projectName: "特殊困难群体参保资助资金",
        funding: [{ source: "本年度项目金额：", ...line }],
        indicators: [{ level1: "成本指标", level2: "经济成本指标", name: "项目总成本", targetText: "≤1000万元", adjustedTargetText }],
      }), "money_unit_suspect");
    const [executed] = found({ executed: 10_185_500 }, "≤1018.55万元");
    expect(executed).toMatchObject({ observed: 10_185_500, params: { column: "executed", indicator: "项目总成本" } });
    expect(executed!.message).toBe("表头金额单位为万元，本年度项目金额全年执行数为10185500，而成本指标“项目总成本”的指标值为≤1018.55万元，金额应为元（第1页，特殊困难群体参保资助资金）");
    const [initial] = found({ initialBudget: 10_000_000 });
    expect(initial!.message).toBe("表头金额单位为万元，本年度项目金额年初预算数为10000000，而成本指标“项目总成本”的指标值为≤1000万元，金额应为元（第1页，特殊困难群体参保资助资金）");
    expect(found({ executed: 10_185_500 })).toEqual([]);
  });

  it("an amount of 0 (年初预算数 0, as 四川's forms print it) matches no cost target, not even a tiny one (≤50元 is 0.005万元)", () => {
    const found = findingsOf(form(1, {
      kind: "project_targets", projectName: "特殊困难群体参保资助资金",
      funding: [{ source: "本年度项目金额", initialBudget: 0, budget: 10_185_500 }],
      indicators: [
        { level1: "成本指标", level2: "经济成本指标", name: "项目总成本", targetText: "≤1018.55万元" },
        { level1: "成本指标", level2: "经济成本指标", name: "单次资助成本", targetText: "≤50元" },
      ],
    }), "money_unit_suspect");
    expect(found.map((f) => [f.params?.reason, f.params?.column, f.observed])).toEqual([["cost_indicator_scaled", "budget", 10_185_500]]);
  });

  it("one amount matching a cost target as declared clears the form, though another matches it scaled", () => {
    const found = findingsOf(form(1, {
      kind: "project_targets", projectName: "特殊困难群体参保资助资金",
      funding: [{ source: "本年度项目金额", initialBudget: 10_185_500, budget: 1018.55 }],
      indicators: [
        { level1: "成本指标", level2: "经济成本指标", name: "单次资助成本", targetText: "≤50元" },
        { level1: "成本指标", level2: "经济成本指标", name: "项目总成本", targetText: "≤1018.55万元" },
      ],
    }), "money_unit_suspect");
    expect(found).toEqual([]);
  });

  it("the finding rests on the cost indicator as well as the funding line", () => {
    const f = form(1, {
      kind: "project_targets", projectName: "特殊困难群体参保资助资金",
      funding: [{ source: "本年度项目金额", budget: 10_185_500 }],
      indicators: [{ level1: "成本指标", level2: "经济成本指标", name: "项目总成本", targetText: "≤1018.55万元" }],
    });
    const [finding] = moneyUnitSuspect.check(documentContext(documentOf([f])));
    expect(inputsOf(finding!)).toEqual([f.funding[0], f.indicators[0]]);
  });

  it("an effective unit left unknown does not hide the cost evidence", () => {
    expect(targets(null).map((f) => f.params?.reason)).toEqual(["cost_indicator_scaled"]);
    expect(targets("万元").map((f) => f.params?.reason)).toEqual(["cost_indicator_scaled"]);
  });
});

describe("another table of the same project, in the other unit", () => {
  /** 忻州's form as printed, in 万元 (or in 元, for the swap the other way). */
  const xinzhou = (seq: number, extra: Partial<Parameters<typeof form>[1]> = {}): Form =>
    form(seq, {
      kind: "project_self_eval",
      projectName: XINZHOU,
      funding: [{ source: "资金总额", initialBudget: 8.65, budget: 8.65, executed: 6.25, balance: 2.4, executionRate: 0.7226, executionRateText: "72.26", score: 7.23 }],
      ...extra,
    });
  const side = (t: Partial<SideTable>): SideTable => ({ page: 3, line: null, moneyUnit: "元", projectName: XINZHOU, budget: 8.65, executed: 6.25, balance: 2.4, executionRate: null, score: null, ...t });
  const withSide = (f: Form, t: SideTable): NormalizedDocument => ({ ...documentOf([f]), sideTables: [t] });
  const suspect = (doc: NormalizedDocument) => checkDocument(doc).filter((f) => f.rule === "money_unit_suspect");

  it("a 预算执行情况表 in 元 printing 8.65 / 6.25: the finding in full, at the table's page", () => {
    expect(suspect(withSide(xinzhou(1), side({})))).toEqual([
      {
        formSeq: 1,
        indicatorSeq: null,
        fundingSeq: 1,
        rule: "money_unit_suspect",
        severity: "warning",
        message: `预算执行情况表标明金额单位为元，但其金额8.65只有按万元理解才与本表（万元）一致（第3页，${XINZHOU}）`,
        expected: 8.65,
        observed: 8.65,
        page: 3,
        params: { declared: "元", formUnit: "万元", crossTable: true },
      },
    ]);
  });

  it("a table printing only the executed 6.25 cites that", () => {
    const [f] = suspect(withSide(xinzhou(1), side({ budget: null })));
    expect(f).toMatchObject({ expected: 8.65, observed: 6.25 });
    expect(f!.message).toBe(`预算执行情况表标明金额单位为元，但其金额6.25只有按万元理解才与本表（万元）一致（第3页，${XINZHOU}）`);
  });

  it("the swap the other way: a 万元 table printing the 元 amounts of a 元 form", () => {
    const yuan = xinzhou(1, { moneyUnit: "元", moneyUnitEffective: "元", funding: [{ source: "资金总额", budget: 86500, executed: 62500 }] });
    const [f] = suspect(withSide(yuan, side({ moneyUnit: "万元", budget: 86500, executed: 62500, balance: null })));
    expect(f!.message).toBe(`预算执行情况表标明金额单位为万元，但其金额86500只有按元理解才与本表（元）一致（第3页，${XINZHOU}）`);
    expect(f!.params).toEqual({ declared: "万元", formUnit: "元", crossTable: true });
  });

  it("nothing when the table agrees as declared, or the form has no funding line to compare", () => {
    expect(suspect(withSide(xinzhou(1), side({ moneyUnit: "万元" })))).toEqual([]);
    expect(suspect(withSide(xinzhou(1, { funding: [] }), side({})))).toEqual([]);
  });

  it("a second copy of the form, in 元 on page 4: named by its place", () => {
    const copy = xinzhou(2, { moneyUnit: "元", moneyUnitEffective: "元", pageFrom: 4, pageTo: 4 });
    const found = checkDocument(documentOf([xinzhou(1), copy])).filter((f) => f.rule === "money_unit_suspect");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ formSeq: 1, fundingSeq: 1, expected: 8.65, observed: 8.65, page: 4, params: { declared: "元", formUnit: "万元", crossTable: true } });
    expect(found[0]!.message).toBe(`另一张表（第4页）标明金额单位为元，但其金额8.65只有按万元理解才与本表（万元）一致（第4页，${XINZHOU}）`);
  });
});

// 广水市人民政府办公室 2021 部门整体支出绩效目标申报表 (fixtures/real hubei-2021-department-targets): 支出构成 in a block
// labelled 单位:万元 prints 基本支出 7242318 beside 项目支出 243.96 under a 合计 of 968.1918.
describe("one part written in the other unit", () => {
  const GUANGSHUI = "广水市人民政府办公室";
  const block = (basic: number, whole = 968.1918, unit: "万元" | "元" = "万元") => findingsOf(form(1, { kind: "department_targets", agency: GUANGSHUI, moneyUnit: unit, moneyUnitEffective: null, funding: [
    { source: "合计", sourceKind: "total", budget: whole },
    { source: "基本支出", sourceKind: "other", budget: basic },
    { source: "项目支出", sourceKind: "other", budget: 243.96 },
  ] }), "money_unit_suspect");

  it("is found when that part, read in 元, makes the whole add up", () => {
    const [f] = block(7242318);
    expect(f).toMatchObject({ fundingSeq: 2, observed: 7242318, params: { declared: "万元", effective: "元", reason: "part_scaled", whole: "合计" } });
    expect(f!.message).toContain("基本支出为7242318；按元理解（724.2318万元）各项才与合计968.1918相符");
  });

  it("is not found when the parts add up as printed, when no one part closes the sum, or when the whole is 0", () => {
    expect(block(724.2318)).toEqual([]);
    expect(block(7250000)).toEqual([]);
    expect(block(7242318, 0)).toEqual([]);
  });

  it("in a 元 block, a part written in 万元 is found the same way", () => {
    const [f] = findingsOf(form(1, { kind: "department_targets", moneyUnit: "元", moneyUnitEffective: null, funding: [
      { source: "合计", sourceKind: "total", budget: 9681918 },
      { source: "基本支出", sourceKind: "other", budget: 724.2318 },
      { source: "项目支出", sourceKind: "other", budget: 2439600 },
    ] }), "money_unit_suspect");
    expect(f).toMatchObject({ fundingSeq: 2, params: { declared: "元", effective: "万元" } });
  });
});
