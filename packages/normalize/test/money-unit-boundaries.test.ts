/**
 * The money-unit inference (money-unit.ts) at each of its thresholds, one
 * piece of evidence at a time: a form that declares no unit (1,000,000 元),
 * the 元 plausibility floor (1,000 元), a cost indicator within the 0.5 %
 * match tolerance and just outside it, another table of the same project, and
 * the precise yuan figures taken from that table within half a printed cent.
 * Amounts are the seed forms' own where they have them: 黔南's 元-declared
 * 督查经费 (80 with ≤80万元), 忻州's 8.65 / 6.25 / 2.4 万元 next to 86,500 /
 * 62,502.5 / 23,997.5 元.
 */
import { describe, expect, it } from "vitest";
import { AMOUNT_MATCH_TOLERANCE, MAX_PLAUSIBLE_BUDGET_WAN, MIN_PLAUSIBLE_BUDGET_YUAN } from "../src/money-unit.ts";
import { effectiveUnit, resolved, sideTable } from "./money-unit-forms.ts";

describe("a form that declares no unit: 万元 unless the amount reaches 1,000,000", () => {
  it("999,999.99 is read as 万元, with no reason to report", () => {
    const form = resolved({ declared: null, budget: 999_999.99 });
    expect(form.moneyUnitEffective).toBe("万元");
    expect(form.moneyUnitReason).toBeNull();
  });
  it("1,000,000 and 1,000,000.01 are read as 元, and the reason names the amount", () => {
    expect(effectiveUnit({ declared: null, budget: 1_000_000.01 })).toBe("元");
    const form = resolved({ declared: null, budget: 1_000_000 });
    expect(form.moneyUnitEffective).toBe("元");
    expect(form.moneyUnitReason).toBe("未声明金额单位，金额1000000按元计");
    expect(form.funding[0]!.budgetYuan).toBe(1_000_000);
  });
  it("amounts far below the threshold (1,000 and 10,000, 228 as in 黔南) stay 万元", () => {
    for (const budget of [228, 1000, 10_000, 999_000]) expect(effectiveUnit({ declared: null, budget }), String(budget)).toBe("万元");
  });
  it("the executed amount decides when no budget is printed; no amount at all decides nothing", () => {
    expect(effectiveUnit({ declared: null, executed: 1_200_000 })).toBe("元");
    expect(effectiveUnit({ declared: null, executed: 181.82 })).toBe("万元");
    const none = resolved({ declared: null });
    expect([none.moneyUnitEffective, none.moneyUnitReason, none.funding[0]!.budgetYuan]).toEqual([null, null, null]);
  });
});

describe("the 元 plausibility floor: a 元 form whose budget is below 1,000 is in 万元", () => {
  it("is 1,000 元", () => {
    expect(MIN_PLAUSIBLE_BUDGET_YUAN).toBe(1000);
  });
  it("999.99 and 80 (黔南's 督查经费, here without its cost indicator) declared 元 are read as 万元, with the reason", () => {
    expect(effectiveUnit({ declared: "元", budget: 999.99 })).toBe("万元");
    const form = resolved({ declared: "元", budget: 80 });
    expect(form.moneyUnitEffective).toBe("万元");
    expect(form.moneyUnitReason).toBe("表头声明元，但预算数80不足1000元，金额按万元计");
    expect(form.funding[0]!.budgetYuan).toBe(800_000);
  });
  it("1,000 and 1,000.01 declared 元 stay 元", () => {
    for (const budget of [1000, 1000.01]) {
      const form = resolved({ declared: "元", budget });
      expect([form.moneyUnitEffective, form.moneyUnitReason], String(budget)).toEqual(["元", null]);
    }
  });
  it("does not apply to a form declaring 万元, however small (8.65 as in 忻州, 0.5)", () => {
    for (const budget of [8.65, 0.5]) expect(effectiveUnit({ declared: "万元", budget }), String(budget)).toBe("万元");
  });
  it("a budget of 0 keeps the declared unit (nothing to judge by)", () => {
    expect(effectiveUnit({ declared: "元", budget: 0 })).toBe("元");
  });
});

describe("the 万元 plausibility ceiling: a 万元 budget of 10 billion yuan or more is in 元", () => {
  it("is 1,000,000 万元", () => {
    expect(MAX_PLAUSIBLE_BUDGET_WAN).toBe(1_000_000);
  });
  it("宁德's 2,751,417.82 under 资金结构（万元） on a department form is read as 元, with the reason", () => {
    const form = resolved({ declared: "万元", budget: 2_751_417.82, kind: "department_self_eval" });
    expect(form.moneyUnitEffective).toBe("元");
    expect(form.moneyUnitReason).toBe("表头声明万元，但预算数2751417.82万元达100亿元以上，金额按元计");
    expect(form.funding[0]!.budgetYuan).toBe(2_751_417.82);
  });
  it("1,000,000 is read as 元 and 999,999.99 stays 万元", () => {
    expect(effectiveUnit({ declared: "万元", budget: 1_000_000 })).toBe("元");
    expect(effectiveUnit({ declared: "万元", budget: 999_999.99 })).toBe("万元");
  });
  it("does not apply to transfer forms: a province's share of a central transfer can be that large", () => {
    for (const kind of ["transfer_self_eval", "transfer_targets"] as const) {
      expect(effectiveUnit({ declared: "万元", budget: 2_751_417.82, kind }), kind).toBe("万元");
    }
  });
});

describe("evidence 1: the form's own cost indicator", () => {
  it("黔南's ≤80万元 against an amount of 80 under a 元 header: 万元, and the reason quotes the indicator", () => {
    const form = resolved({ declared: "元", budget: 80, indicators: [["≤80万元", "80万元"]] });
    expect(form.moneyUnitEffective).toBe("万元");
    expect(form.moneyUnitReason).toBe("成本指标“成本指标1”写作≤80万元，与表头声明的元不符，金额按万元计");
  });
  it("≤15万 (万 alone) is 万元", () => {
    expect(resolved({ declared: "元", budget: 15_000, indicators: [["≤1.5万", null]] }).moneyUnitEffective).toBe("元");
    expect(resolved({ declared: "元", budget: 15_000, indicators: [["≤15000万", null]] }).moneyUnitEffective).toBe("万元");
  });
  it("the actual value counts as well as the target", () => {
    expect(effectiveUnit({ declared: "元", budget: 23_110, indicators: [[null, "23110万元"]] })).toBe("万元");
  });
  it("matches within 0.5 % of the amount, and not one step past it", () => {
    expect(AMOUNT_MATCH_TOLERANCE).toBe(0.005);
    // 201 is 1 (0.5 % of 200) above the amount; 201.01 is past it.
    expect(effectiveUnit({ declared: "元", budget: 200_000, indicators: [["≤201000万元", null]] })).toBe("万元");
    expect(effectiveUnit({ declared: "元", budget: 200_000, indicators: [["≤201010万元", null]] })).toBe("元");
    expect(effectiveUnit({ declared: "元", budget: 200_000, indicators: [["≤199000万元", null]] })).toBe("万元");
    expect(effectiveUnit({ declared: "元", budget: 200_000, indicators: [["≤198990万元", null]] })).toBe("元");
  });
  it("small amounts match within 0.005 absolute, wider than 0.5 % of them", () => {
    expect(effectiveUnit({ declared: "万元", budget: 0.5, indicators: [["≤0.504元", null]] })).toBe("元");
    expect(effectiveUnit({ declared: "万元", budget: 0.5, indicators: [["≤0.506元", null]] })).toBe("万元");
  });
  it("the same amount in the other unit (628084元 for 62.81万元) confirms the declaration, before the floor is consulted", () => {
    const form = resolved({ declared: "万元", budget: 62.81, indicators: [["≤628084元", null]] });
    expect([form.moneyUnitEffective, form.moneyUnitReason]).toEqual(["万元", null]);
    // 元 declared, 800 元 (below the floor) confirmed by 0.08万元: the declaration stands.
    expect(effectiveUnit({ declared: "元", budget: 800, indicators: [["≤0.08万元", null]] })).toBe("元");
  });
  it("indicators in other units (人次, %) or without a value are no evidence", () => {
    expect(effectiveUnit({ declared: "元", budget: 80, indicators: [["≥80人次", "80%"], ["有效保障", null]] })).toBe("万元");
    expect(effectiveUnit({ declared: "元", budget: 5000, indicators: [["≥5000人次", "=5000"]] })).toBe("元");
  });
});

describe("evidence 2: another table of the same project", () => {
  it("忻州: 86,500 元 in the report's table confirms 8.65 万元", () => {
    const form = resolved({ declared: "万元", budget: 8.65, projectName: "医药招采与基金监管工作经费" }, [sideTable("元", 86_500, { projectName: "医药招采与基金监管工作经费" })]);
    expect([form.moneyUnitEffective, form.moneyUnitReason]).toEqual(["万元", null]);
  });
  it("the same number under the same unit confirms the declaration, even below the floor", () => {
    expect(effectiveUnit({ declared: "元", budget: 800 }, [sideTable("元", 800)])).toBe("元");
  });
  it("the same number under the other unit is believed only when it makes a budget of at least 1,000 元", () => {
    // 万元 form, 元 table printing the same 1000: 1,000 元 is plausible, so the form is in 元.
    const believed = resolved({ declared: "万元", budget: 1000 }, [sideTable("元", 1000)]);
    expect(believed.moneyUnitEffective).toBe("元");
    expect(believed.moneyUnitReason).toBe("同一项目在本文件另一张表中以元列示为1000，金额按元计");
    // 999.99 元 is not a budget: the table's 元 label is the wrong one.
    expect(effectiveUnit({ declared: "万元", budget: 999.99 }, [sideTable("元", 999.99)])).toBe("万元");
    // 忻州 with its 元 table misprinting 8.65: 8.65 元 is no budget, 8.65 万元 stands.
    expect(effectiveUnit({ declared: "万元", budget: 8.65 }, [sideTable("元", 8.65)])).toBe("万元");
    // A 元 form with a 万元 table printing the same 80: 800,000 元 is plausible.
    expect(effectiveUnit({ declared: "元", budget: 80 }, [sideTable("万元", 80)])).toBe("万元");
  });
  it("a table of another project, or one with no unit or no budget, is no evidence", () => {
    const other = sideTable("元", 1000, { projectName: "城乡居民基本医疗保险" });
    expect(effectiveUnit({ declared: "万元", budget: 1000, projectName: "医药招采与基金监管工作经费" }, [other])).toBe("万元");
    expect(effectiveUnit({ declared: "万元", budget: 1000 }, [sideTable(null, 1000)])).toBe("万元");
    expect(effectiveUnit({ declared: "万元", budget: 1000 }, [sideTable("元", null)])).toBe("万元");
    // A table whose name contains the form's (or the other way round) is the same project.
    const named = sideTable("元", 1000, { projectName: "基金监管工作经费" });
    expect(effectiveUnit({ declared: "万元", budget: 1000, projectName: "医药招采与基金监管工作经费" }, [named])).toBe("元");
    const longer = sideTable("元", 1000, { projectName: "2022年医药招采与基金监管工作经费项目" });
    expect(effectiveUnit({ declared: "万元", budget: 1000, projectName: "医药招采与基金监管工作经费" }, [longer])).toBe("元");
  });
});

describe("yuan amounts, and the precise figures of a 元 table within half a printed cent of 万元", () => {
  const XZ = "医药招采与基金监管工作经费";
  const xinzhou = (executed: number) =>
    resolved({ declared: "万元", budget: 8.65, executed: 6.25, balance: 2.4, projectName: XZ }, [
      sideTable("元", 86_500, { projectName: XZ, executed, balance: 23_997.5 }),
    ]).funding[0]!;

  it("忻州: 62,502.5 元 replaces 6.25 万元 × 10,000", () => {
    const line = xinzhou(62_502.5);
    expect([line.budgetYuan, line.executedYuan, line.balanceYuan]).toEqual([86_500, 62_502.5, 23_997.5]);
  });
  it("62,550 (6.25 万元 + half a cent of 万元) is still taken; 62,550.01 is not, and 62,500 stays", () => {
    expect(xinzhou(62_550).executedYuan).toBe(62_550);
    const past = xinzhou(62_550.01);
    expect([past.budgetYuan, past.executedYuan, past.balanceYuan]).toEqual([86_500, 62_500, 24_000]);
    expect(xinzhou(62_449.99).executedYuan).toBe(62_500);
  });
  it("the half-cent follows the printed decimals: 6.3 stands for 62,500–63,500", () => {
    const form = resolved({ declared: "万元", budget: 8.65, executed: 6.3, projectName: XZ }, [sideTable("元", 86_500, { projectName: XZ, executed: 62_502.5 })]);
    expect(form.funding[0]!.executedYuan).toBe(62_502.5);
  });
  it("only amounts printed on both sides are refined: the 元 table's balance fills no blank of the form, its blank balance erases none", () => {
    const blankInForm = resolved({ declared: "万元", budget: 8.65, executed: 6.25, projectName: XZ }, [
      sideTable("元", 86_500, { projectName: XZ, executed: 62_502.5, balance: 23_997.5 }),
    ]).funding[0]!;
    expect([blankInForm.budgetYuan, blankInForm.executedYuan, blankInForm.balanceYuan]).toEqual([86_500, 62_502.5, null]);
    const blankInTable = resolved({ declared: "万元", budget: 8.65, executed: 6.25, balance: 2.4, projectName: XZ }, [
      sideTable("元", 86_500, { projectName: XZ, executed: 62_502.5 }),
    ]).funding[0]!;
    expect([blankInTable.budgetYuan, blankInTable.executedYuan, blankInTable.balanceYuan]).toEqual([86_500, 62_502.5, 24_000]);
  });
  it("a table in the same unit as the form, or one of another project, changes nothing", () => {
    const same = resolved({ declared: "万元", budget: 8.65, projectName: XZ }, [sideTable("万元", 8.651, { projectName: XZ })]);
    expect(same.funding[0]!.budgetYuan).toBe(86_500);
    const other = resolved({ declared: "万元", budget: 8.65, projectName: XZ }, [sideTable("元", 86_501, { projectName: "城乡居民基本医疗保险" })]);
    expect(other.funding[0]!.budgetYuan).toBe(86_500);
    const unnamed = resolved({ declared: "万元", budget: 8.65 }, [sideTable("元", 86_501)]);
    expect(unnamed.funding[0]!.budgetYuan).toBe(86_500);
  });
  it("万元 amounts are multiplied by 10,000 and rounded to the fen; 元 amounts are kept", () => {
    expect(resolved({ declared: "万元", budget: 181.82, executed: 0.123456 }).funding[0]).toMatchObject({ budgetYuan: 1_818_200, executedYuan: 1234.56 });
    expect(resolved({ declared: "元", budget: 86_500.005 }).funding[0]!.budgetYuan).toBe(86_500.01);
  });
});
