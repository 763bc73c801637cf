/**
 * cross_table_mismatch on 忻州's 医药招采与基金监管工作经费项目: the 自评表 in
 * 万元 (8.65 / 6.25 / 2.4, 72.26 %, 7.23) against the report's 预算执行情况
 * table in 元 (86,500 / 62,502.5 / 23,997.5, 72.26, 7.23, text line 45).
 * Each field changed on the other side gives one finding naming both values
 * with their units (rates as percentages, scores without a unit); a table whose
 * amounts agree only with its unit swapped leaves its amounts to
 * money_unit_suspect but still has its rate and score compared.
 */
import type { Form, NormalizedDocument, SideTable } from "@jixiao/normalize";
import { describe, expect, it } from "vitest";
import { documentContext } from "../src/context.ts";
import { crossTableMismatch } from "../src/rules/cross_table_mismatch.ts";
import { form } from "./forms.ts";

const XZ = "医药招采与基金监管工作经费项目";
const run = (forms: Form[], sideTables: SideTable[] = []) => {
  const doc: NormalizedDocument = { forms, narrative: [], sideTables, warnings: [] };
  return crossTableMismatch.check(documentContext(doc));
};

function selfEval(seq = 1, extra: Partial<Form> = {}): Form {
  return form(seq, {
    kind: "project_self_eval",
    projectName: XZ,
    ...extra,
    funding: [
      { source: "年度资金总额", budget: 8.65, executed: 6.25, balance: 2.4, executionRate: 0.7226, executionRateText: "72.26%", weight: 10, score: 7.23 },
      { source: "市县级财政资金", budget: 8.65, executed: 6.25, balance: 2.4 },
    ],
  });
}

/** The report's 预算执行情况 table as 忻州 prints it, on page 2 at line 45 of the text. */
function side(change: Partial<SideTable> = {}): SideTable {
  return { page: 2, line: 45, moneyUnit: "元", projectName: XZ, budget: 86500, executed: 62502.5, balance: 23997.5, executionRate: 0.7226, score: 7.23, ...change };
}

describe("cross_table_mismatch against the report's 元 table", () => {
  it("忻州 as printed agrees", () => {
    expect(run([selfEval()], [side()])).toEqual([]);
  });
  it("64,502.5 元 executed (21,997.5 结转结余) against 6.25 / 2.4 万元: two findings, each naming both sides", () => {
    const found = run([selfEval()], [side({ executed: 64502.5, balance: 21997.5 })]);
    expect(found.map((f) => [f.params, f.expected, f.observed])).toEqual([
      [{ field: "executed", formUnit: "万元", otherUnit: "元" }, 6.25, 64502.5],
      [{ field: "balance", formUnit: "万元", otherUnit: "元" }, 2.4, 21997.5],
    ]);
    expect(found[0]).toMatchObject({ rule: "cross_table_mismatch", severity: "warning", formSeq: 1, fundingSeq: 1, indicatorSeq: null, page: 2 });
    expect(found[0]!.message).toBe(`全年执行数：自评表为6.25万元，预算执行情况表为64502.5元，换算后不一致（第2页，${XZ}）`);
    expect(found[1]!.message).toBe(`结转结余：自评表为2.4万元，预算执行情况表为21997.5元，换算后不一致（第2页，${XZ}）`);
  });
  it("a 全年预算数 of 96,500 元 against 8.65 万元; in a one-page text the table's line is cited", () => {
    const [f, ...rest] = run([selfEval()], [side({ page: 1, budget: 96500 })]);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ expected: 8.65, observed: 96500, page: 1, params: { field: "budget" } });
    expect(f!.message).toBe(`全年预算数：自评表为8.65万元，预算执行情况表为96500元，换算后不一致（第45行，${XZ}）`);
  });
  it("the rate as a percentage without unit: 72.26% against 73.26%", () => {
    const [f, ...rest] = run([selfEval()], [side({ executionRate: 0.7326 })]);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ expected: 0.7226, observed: 0.7326, params: { field: "rate", formUnit: "万元", otherUnit: "元" } });
    expect(f!.message).toBe(`执行率：自评表为72.26%，预算执行情况表为73.26%，换算后不一致（第2页，${XZ}）`);
  });
  it("the score without unit: 7.23 against 7.32", () => {
    const [f, ...rest] = run([selfEval()], [side({ score: 7.32 })]);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ expected: 7.23, observed: 7.32, params: { field: "score" } });
    expect(f!.message).toBe(`得分：自评表为7.23，预算执行情况表为7.32，换算后不一致（第2页，${XZ}）`);
  });
  it("a table without a unit prints its amounts bare (6.45 against 6.25 万元)", () => {
    const [f, ...rest] = run([selfEval()], [side({ moneyUnit: null, budget: 8.65, executed: 6.45, balance: 2.2 })]);
    expect(rest.map((x) => x.params?.field)).toEqual(["balance"]);
    expect(f).toMatchObject({ params: { field: "executed", formUnit: "万元", otherUnit: null } });
    expect(f!.message).toBe(`全年执行数：自评表为6.25万元，预算执行情况表为6.45，换算后不一致（第2页，${XZ}）`);
  });
});

describe("cross_table_mismatch when the other table's unit is the wrong one", () => {
  it("8.65 / 6.25 / 2.4 under 元 agree once read as 万元: no amount finding (money_unit_suspect's)", () => {
    expect(run([selfEval()], [side({ budget: 8.65, executed: 6.25, balance: 2.4 })])).toEqual([]);
  });
  it("but its rate and score are still compared (73.26% and 7.32 against 72.26% and 7.23)", () => {
    const found = run([selfEval()], [side({ budget: 8.65, executed: 6.25, balance: 2.4, executionRate: 0.7326, score: 7.32 })]);
    expect(found.map((f) => f.params?.field)).toEqual(["rate", "score"]);
  });
});

describe("cross_table_mismatch between two forms of the same project", () => {
  it("the second 自评表 printing 6.35 executed, from its first page", () => {
    const other = form(2, {
      kind: "project_self_eval", projectName: XZ, pageFrom: 3, pageTo: 3,
      funding: [{ source: "年度资金总额", budget: 8.65, executed: 6.35, executionRate: 0.7226, executionRateText: "72.26%", score: 7.23, page: 3 }],
    });
    const [f, ...rest] = run([selfEval(), other]);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ formSeq: 1, fundingSeq: 1, expected: 6.25, observed: 6.35, page: 3, params: { field: "executed", formUnit: "万元", otherUnit: "万元" } });
    expect(f!.message).toBe(`全年执行数：自评表为6.25万元，同一项目的另一张表为6.35万元，换算后不一致（第3页，${XZ}）`);
  });
  it("a form without funding rows has nothing to compare", () => {
    expect(run([form(1, { kind: "project_self_eval", projectName: XZ })], [side({ executed: 64502.5 })])).toEqual([]);
  });
});
