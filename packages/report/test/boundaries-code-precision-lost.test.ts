/**
 * code_precision_lost at the edges of what a double can hold: the 21-digit
 * code 440306231391501… as a spreadsheet shows it (4.403062313915E+20,
 * 440306231391501000000), written each way the rule reads — mantissa without
 * a fraction, explicit sign, no "+" in the exponent, leading zeros, ".00" —
 * and the codes it must leave alone (忻州's 303001, 2^53 − 1, a digit past
 * what a double keeps). Then where the code is found (the 项目编码 field, a
 * fact labelled 编码/代码, a column of a funding or indicator row) and what
 * the finding says: label, value as shown, digits kept, digits the code has,
 * page and place.
 */
import type { Form, FormFact, NormalizedDocument } from "@jixiao/normalize";
import { describe, expect, it } from "vitest";
import { documentContext } from "../src/context.ts";
import { codePrecisionLost, lostCode } from "../src/rules/code_precision_lost.ts";
import { documentOf, form } from "./forms.ts";

const PROJECT = "特殊困难群体参保资助资金";
const SHOWN = "4.403062313915E+20";
type FormInput = Parameters<typeof form>[1];
const run = (doc: NormalizedDocument) => codePrecisionLost.check(documentContext(doc));

function fact(seq: number, label: string, value: string, field: string | null = null, page: number | null = 2, line: number | null = null): FormFact {
  return { seq, label, value, field, page, line };
}

/** A target form over pages 1–2 (so findings cite pages), with the given code cells. */
function targets(extra: Partial<FormInput> = {}): Form {
  return form(1, { kind: "project_targets", projectName: PROJECT, pageFrom: 1, pageTo: 2, ...extra });
}

const message = (label: string, value: string, shown: number, length: number, where: string) =>
  `${label}显示为${value}，是按数字存储的编码：只保留了${shown}位有效数字，而编码有${length}位，完整编码无法从本文件读出（${where}，${PROJECT}）`;

describe("lostCode: scientific notation", () => {
  it("4.403062313915E+20 shows 13 of 21 digits; the same in lower case, with a sign, without the '+'", () => {
    expect(lostCode(SHOWN)).toEqual({ shown: 13, length: 21 });
    expect(lostCode("4.403062313915e+20")).toEqual({ shown: 13, length: 21 });
    expect(lostCode("+4.403062313915E+20")).toEqual({ shown: 13, length: 21 });
    expect(lostCode("4.403062313915E20")).toEqual({ shown: 13, length: 21 });
    expect(lostCode(" 4.403062313915E+20 ")).toEqual({ shown: 13, length: 21 });
  });
  it("a mantissa without a fraction (4E+20) shows 1 digit of 21", () => {
    expect(lostCode("4E+20")).toEqual({ shown: 1, length: 21 });
  });
  it("a two-digit integer part counts both digits: 44.03062313915E+19 is 13 of 21", () => {
    expect(lostCode("44.03062313915E+19")).toEqual({ shown: 13, length: 21 });
  });
  it("an integer part ending in 0 keeps that 0: 40.3E+19 is 3 of 21", () => {
    expect(lostCode("40.3E+19")).toEqual({ shown: 3, length: 21 });
  });
  it("leading zeros are no digits: 00.5E+3 is 1 of 3, 0.0044E+3 is 2 of 3", () => {
    expect(lostCode("00.5E+3")).toEqual({ shown: 1, length: 3 });
    expect(lostCode("0.0044E+3")).toEqual({ shown: 2, length: 3 });
  });
  it("all 15 digits shown of a 15-digit code is the whole code; a 16th digit is not", () => {
    expect(lostCode("4.40306231391501E+14")).toBeNull();
    expect(lostCode("4.40306231391501E+15")).toEqual({ shown: 15, length: 16 });
  });
  it("more digits than a double keeps cannot all be the code's: 4.4030623139150123E+16 keeps 15 of 17", () => {
    expect(lostCode("4.4030623139150123E+16")).toEqual({ shown: 15, length: 17 });
  });
  it("text around the number is no float rendering", () => {
    expect(lostCode(`编码${SHOWN}`)).toBeNull();
    expect(lostCode(`${SHOWN}号`)).toBeNull();
    expect(lostCode("4.403062313915X+20")).toBeNull();
  });
});

describe("lostCode: digit strings", () => {
  it("440306231391501000000 (what a double prints) keeps 15 of 21, also as .00 and with leading zeros", () => {
    expect(lostCode("440306231391501000000")).toEqual({ shown: 15, length: 21 });
    expect(lostCode("440306231391501000000.00")).toEqual({ shown: 15, length: 21 });
    expect(lostCode("440306231391501000000.0")).toEqual({ shown: 15, length: 21 });
    expect(lostCode("00440306231391501000000")).toEqual({ shown: 15, length: 21 });
  });
  it("a code kept as text is whole: 440306231391501234567, 忻州's 303001, 303-忻州市医疗保障局", () => {
    expect(lostCode("440306231391501234567")).toBeNull();
    expect(lostCode("303001")).toBeNull();
    expect(lostCode("303-忻州市医疗保障局")).toBeNull();
    expect(lostCode("")).toBeNull();
    expect(lostCode(null)).toBeNull();
  });
  it("2^53 − 1 is still exact; 2^53 is where integers stop being exact", () => {
    expect(lostCode(String(Number.MAX_SAFE_INTEGER))).toBeNull();
    expect(lostCode("9007199254740992")).toEqual({ shown: 16, length: 16 });
  });
  it("text before or after the digits, or another fraction than zeros, is no code", () => {
    expect(lostCode("编码440306231391501000000")).toBeNull();
    expect(lostCode("440306231391501000000号")).toBeNull();
    expect(lostCode("440306231391501000000.5")).toBeNull();
  });
});

describe("code_precision_lost: which cells, and what the finding says", () => {
  it("the 项目编码 field alone: labelled 项目编码, at the form's pages", () => {
    const found = run(documentOf([targets({ projectCode: ` ${SHOWN} ` })]));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: "code_precision_lost", severity: "info", formSeq: 1, indicatorSeq: null, fundingSeq: null, page: 1 });
    expect(found[0]!.params).toEqual({ label: "项目编码", value: ` ${SHOWN} `, digitsShown: 13, digits: 21 });
    expect(found[0]!.message).toBe(message("项目编码", SHOWN, 13, 21, "第1–2页"));
  });
  it("the field takes the label and page of the fact that printed it (项目代码 on page 2), once", () => {
    const found = run(documentOf([targets({ projectCode: SHOWN, facts: [fact(1, "项目名称", PROJECT, "projectName", 1), fact(2, "项目代码", SHOWN)] })]));
    expect(found).toHaveLength(1);
    expect(found[0]!.page).toBe(2);
    expect(found[0]!.params).toMatchObject({ label: "项目代码" });
    expect(found[0]!.message).toBe(message("项目代码", SHOWN, 13, 21, "第2页"));
  });
  it("a fact that filled the projectCode field names it even under another label (项目编号)", () => {
    const found = run(documentOf([targets({ projectCode: SHOWN, facts: [fact(1, "项目名称", PROJECT, "projectName", 1), fact(2, "项目编号", SHOWN, "projectCode")] })]));
    expect(found.map((f) => [f.params?.label, f.page])).toEqual([["项目编号", 2]]);
    expect(found[0]!.message).toBe(message("项目编号", SHOWN, 13, 21, "第2页"));
  });
  it("a fact without page or line falls back to the form's pages", () => {
    const found = run(documentOf([targets({ facts: [fact(1, "主管部门编码", SHOWN, null, null, null)] })]));
    expect(found.map((f) => f.page)).toEqual([1]);
    expect(found[0]!.message).toBe(message("主管部门编码", SHOWN, 13, 21, "第1–2页"));
  });
  it("every distinct code fact is one finding; a fact not labelled 编码/代码 is not read (a 联系电话 shown as 1.39123E+10)", () => {
    const found = run(documentOf([targets({
      projectCode: SHOWN,
      facts: [fact(1, "项目编码", SHOWN, "projectCode"), fact(2, "主管部门代码", "4.40306231391501E+20"), fact(3, "联系电话", "1.39123E+10")],
    })]));
    expect(found.map((f) => [f.params?.label, f.params?.digitsShown, f.params?.digits])).toEqual([
      ["项目编码", 13, 21],
      ["主管部门代码", 15, 21],
    ]);
  });
  it("a 项目代码 column of a funding row and of an indicator row is read; other columns are not", () => {
    const f = targets({
      funding: [{ source: "本年度项目金额", budget: 1018.55, page: 2, extra: { 项目代码: "440306231391501000000", 联系电话: "1.39123E+10" } }],
      indicators: [{ name: "项目总成本", targetText: "≤1018.55万元", page: 2, extra: { 预算单位编码: "4.40306231391502E+20" } }],
    });
    const found = run(documentOf([f]));
    expect(found.map((x) => [x.params?.label, x.params?.value, x.page])).toEqual([
      ["项目代码", "440306231391501000000", 2],
      ["预算单位编码", "4.40306231391502E+20", 2],
    ]);
    expect(found[0]!.message).toBe(message("项目代码", "440306231391501000000", 15, 21, "第2页"));
  });
  it("whole codes raise nothing", () => {
    expect(run(documentOf([targets({ projectCode: "303001", facts: [fact(1, "预算单位代码", "303001")] })]))).toEqual([]);
    expect(run(documentOf([targets()]))).toEqual([]);
  });
});
