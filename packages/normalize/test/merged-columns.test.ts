/**
 * 重庆 2021 部门整体绩效自评表 (西部(重庆)科学城 融媒体中心): a grid with no level columns whose
 * 指标性质 is merged down runs of rows (定量指标 over nine, 定性指标 over four), a 绩效指标 label
 * merged down the whole grid, and an execution line printed under its block label with no label
 * of its own (its 年初预算数 misread O).
 */
import { describe, expect, it } from "vitest";
import { normalizeDocument } from "@jixiao/normalize";
import { checkDocument } from "../../report/src/check.ts";
import { extractedFixture } from "./fixture-documents.ts";
import type { RealFormat } from "./real-forms.ts";

const ID = "chongqing-2021-department-self-eval-2";

describe.each(["docx", "xlsx", "xls", "pdf/chromium", "text/web"] as RealFormat[])("重庆 2021 部门整体绩效自评表 (%s)", (format) => {
  it("gives every row of a merged 指标性质 run its type, and each row its own values", async () => {
    const form = normalizeDocument(await extractedFixture(ID, format)).forms[0]!;
    const row = (name: string) => form.indicators.find((i) => i.name === name)!;
    // (The copy breaks off in a 20th row, 公共服务, whose cells are cut: the 19 whole rows are asserted.)
    expect(form.indicators.slice(0, 19).map((i) => i.valueType)).toEqual([...Array(9).fill("定量指标"), ...Array(4).fill("定性指标"), ...Array(6).fill("定量指标")]);
    expect([row("财政供养人员控制率").targetText, row("财政供养人员控制率").actualText]).toEqual(["100%", "92%"]);
    expect([row("预算调整率").targetText, row("预算调整率").actualText]).toEqual(["3%", "0"]);
    expect([row("资产管理安全").targetText, row("资产管理安全").actualText]).toEqual(["好", "好"]);
    // 得分系数(%) is kept, not taken for the achieved value.
    expect(row("政府采购执行率").extra["得分系数(%)"]).toBe("100%");
  });
});

describe.each(["docx", "xlsx", "pdf/chromium"] as RealFormat[])("重庆 2021: the execution line under its merged block label (%s)", (format) => {
  it("is named by 部门预算执行情况, its O left in extra rather than taken for the line's name", async () => {
    const form = normalizeDocument(await extractedFixture(ID, format)).forms[0]!;
    expect(form.funding.map((l) => [l.source, l.executionRate, l.weight, l.score])).toEqual([["部门预算执行情况", 0.76, 10, 7.6]]);
  });
  it("keeps 无 under 年初绩效目标 as the form's answer", async () => {
    const form = normalizeDocument(await extractedFixture(ID, format)).forms[0]!;
    expect(form.facts.find((f) => f.label === "年初绩效目标")?.value).toBe("无");
  });
});

describe("lower-is-better indicators by name (重庆 2021, docx)", () => {
  it("reads a bare target of 预算调整率, 结转结余率 and the 控制率 rows as a ceiling, so meeting it is no shortfall", async () => {
    const doc = normalizeDocument(await extractedFixture(ID, "docx"));
    const flagged = checkDocument(doc).filter((f) => f.rule === "indicator_score_formula" || f.rule === "missing_reason").map((f) => f.message.match(/“(.+?)”/)?.[1]);
    expect([...new Set(flagged)].sort()).toEqual(["党性教育培训次数", "政府采购执行率"]);
  });
});
