/**
 * The order in which the money-unit inference weighs its evidence, and what
 * each piece does to the reason: a confirmation ends the search (a later
 * table cannot overturn it), a cost indicator in the declared unit is no
 * contradiction, an unrelated table is no evidence, and the total line — not
 * the first line printed — is the one judged and refined.
 */
import { describe, expect, it } from "vitest";
import { resolved, sideTable } from "./money-unit-forms.ts";

describe("a cost indicator", () => {
  it("in the declared unit and equal to the amount keeps the unit, with no reason", () => {
    const form = resolved({ declared: "万元", budget: 80, indicators: [["≤80万元", null]] });
    expect([form.moneyUnitEffective, form.moneyUnitReason]).toEqual(["万元", null]);
  });
  it("naming an unrelated amount is no evidence: the floor then decides", () => {
    const form = resolved({ declared: "元", budget: 80, indicators: [["≤500万元", null]] });
    expect(form.moneyUnitEffective).toBe("万元");
    expect(form.moneyUnitReason).toBe("表头声明元，但预算数80不足1000元，金额按万元计");
  });
  it("confirming the declared 万元 (15,000,000元 for 1,500万元) ends the search: a 元 table printing 1500 is not consulted", () => {
    const form = resolved({ declared: "万元", budget: 1500, indicators: [["≤15000000元", null]] }, [sideTable("元", 1500)]);
    expect([form.moneyUnitEffective, form.moneyUnitReason]).toEqual(["万元", null]);
  });
});

describe("other tables, in order", () => {
  it("a 元 table confirming 1,500万元 (15,000,000) ends the search before a later one printing 1500", () => {
    expect(resolved({ declared: "万元", budget: 1500 }, [sideTable("元", 15_000_000), sideTable("元", 1500)]).moneyUnitEffective).toBe("万元");
  });
  it("a 万元 table confirming 86,500元 (8.65) ends the search before a later one printing 86500", () => {
    expect(resolved({ declared: "元", budget: 86_500 }, [sideTable("万元", 8.65), sideTable("万元", 86_500)]).moneyUnitEffective).toBe("元");
  });
  it("a table in the other unit with an unrelated amount changes nothing", () => {
    const form = resolved({ declared: "万元", budget: 8.65 }, [sideTable("元", 99_999)]);
    expect([form.moneyUnitEffective, form.moneyUnitReason]).toEqual(["万元", null]);
  });
  it("a 万元 table printing a 元 form's 80 makes it 80万元, for that reason (not the floor's)", () => {
    const form = resolved({ declared: "元", budget: 80 }, [sideTable("万元", 80)]);
    expect(form.moneyUnitEffective).toBe("万元");
    expect(form.moneyUnitReason).toBe("同一项目在本文件另一张表中以万元列示为80，金额按万元计");
  });
  it("a 万元 form below 1,000 keeps its unit with no reason", () => {
    expect(resolved({ declared: "万元", budget: 8.65 }).moneyUnitReason).toBeNull();
  });
});

describe("the total line, wherever it is printed", () => {
  it("is the amount judged: 80 in the total after 财政拨款 5,000 under a 元 header is 万元", () => {
    const form = resolved({ declared: "元", budget: 80, leadingBudget: 5000 });
    expect(form.moneyUnitEffective).toBe("万元");
    expect(form.funding.map((l) => l.budgetYuan)).toEqual([50_000_000, 800_000]);
  });
  it("is the line refined from a 元 table (忻州's 86,500 / 62,502.5), the other line keeps its own amount", () => {
    const XZ = "医药招采与基金监管工作经费";
    const form = resolved({ declared: "万元", budget: 8.65, executed: 6.25, leadingBudget: 8.65, projectName: XZ }, [sideTable("元", 86_500, { projectName: XZ, executed: 62_502.5 })]);
    expect(form.funding.map((l) => [l.source, l.budgetYuan, l.executedYuan])).toEqual([
      ["财政拨款", 86_500, null],
      ["年度资金总额", 86_500, 62_502.5],
    ]);
  });
  it("keeps the amounts the other table does not print", () => {
    const XZ = "医药招采与基金监管工作经费";
    const form = resolved({ declared: "万元", budget: 8.65, executed: 6.25, balance: 2.4, projectName: XZ }, [sideTable("元", 86_500.4, { projectName: XZ })]);
    expect(form.funding[0]).toMatchObject({ budgetYuan: 86_500.4, executedYuan: 62_500, balanceYuan: 24_000 });
  });
  it("takes the table of its own project among several, by either name containing the other", () => {
    const XZ = "医药招采与基金监管工作经费";
    const tables = (name: string) => [sideTable("元", 99_999, { projectName: "城乡居民基本医疗保险" }), sideTable(null, 86_500.3), sideTable("元", 86_500.4, { projectName: name })];
    for (const name of [XZ, "基金监管工作经费", `2022年${XZ}项目`]) {
      expect(resolved({ declared: "万元", budget: 8.65, projectName: XZ }, tables(name)).funding[0]!.budgetYuan, name).toBe(86_500.4);
    }
  });
});
