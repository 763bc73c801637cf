/**
 * extraction_partial: which missing parts it names and in what words, and
 * the one part it may not name — the total of a family that prints none (a
 * transfer-payment form without 分值/得分). 忻州's 医药招采与基金监管工作经费项目
 * with its funding rows lost is the case rules.test.ts cuts from the seed;
 * here every combination of parts, at the form's lines.
 */
import { describe, expect, it } from "vitest";
import type { Form } from "@jixiao/normalize";
import { findingsOf, form } from "./forms.ts";

const PROJECT = "医药招采与基金监管工作经费项目";

const partial = (missing: string[], extra: Partial<Form> = {}) =>
  findingsOf(form(1, { kind: "project_self_eval", projectName: PROJECT, missing, ...extra }), "extraction_partial");

/** 中央对地方转移支付区域绩效自评表: indicators, and 分值/得分 only when `scored`. */
const transfer = (missing: string[], scored: boolean) =>
  findingsOf(form(1, {
    kind: "transfer_self_eval",
    projectName: "基本公共卫生服务补助资金",
    missing,
    indicators: [{ name: "家庭医生签约服务人数", targetText: "≥12万人", actualText: "12.6万人", ...(scored ? { weight: 10, score: 10 } : {}) }],
  }), "extraction_partial");

describe("extraction_partial", () => {
  it("names each missing part, in the order listed, joined by 、", () => {
    const [f, ...rest] = partial(["funding", "indicators", "total"]);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: "extraction_partial", severity: "info", formSeq: 1, indicatorSeq: null, fundingSeq: null, page: 1, expected: null, observed: null });
    expect(f!.params).toEqual({ missing: ["funding", "indicators", "total"] });
    expect(f!.message).toBe(`识别到表单，但未能读取其资金情况（预算数、执行数）、绩效指标、总分，该表的相关核对未进行（第1页，${PROJECT}）`);
  });
  it("one part: the funding rows (忻州 without its 预算执行情况), or the total alone", () => {
    const [funding] = partial(["funding"]);
    expect(funding!.message).toBe(`识别到表单，但未能读取其资金情况（预算数、执行数），该表的相关核对未进行（第1页，${PROJECT}）`);
    const [total] = partial(["total"], { lineFrom: 212, lineTo: 244 });
    expect(total!.params).toEqual({ missing: ["total"] });
    expect(total!.message).toBe(`识别到表单，但未能读取其总分，该表的相关核对未进行（第212–244行，${PROJECT}）`);
  });
  it("a part this version does not name (from an older database) is named as stored", () => {
    const [f] = partial(["goals"]);
    expect(f!.message).toBe(`识别到表单，但未能读取其goals，该表的相关核对未进行（第1页，${PROJECT}）`);
  });
  it("nothing missing, nothing to say", () => {
    expect(partial([])).toEqual([]);
  });
  it("a transfer form without 分值/得分 lacks no total: nothing for 'total', only the other parts", () => {
    expect(transfer(["total"], false)).toEqual([]);
    const [f, ...rest] = transfer(["funding", "total"], false);
    expect(rest).toEqual([]);
    expect(f!.params).toEqual({ missing: ["funding"] });
    expect(f!.message).toBe("识别到表单，但未能读取其资金情况（预算数、执行数），该表的相关核对未进行（第1页，基本公共卫生服务补助资金）");
  });
  it("a transfer form printing 分值/得分 does lack its total", () => {
    const [f] = transfer(["total"], true);
    expect(f!.params).toEqual({ missing: ["total"] });
  });
  it("a form without a project name is named after its agency", () => {
    const [f] = findingsOf(form(1, { kind: "department_self_eval", missing: ["indicators"] }), "extraction_partial");
    expect(f!.message).toBe("识别到表单，但未能读取其绩效指标，该表的相关核对未进行（第1页，某县医疗保障局部门整体支出绩效自评表）");
  });
});
