/**
 * Spreadsheet forms printed to PDF (fixtures/pdf/rewritten/calc-*.pdf: real
 * fixtures' workbooks printed by LibreOffice Calc, scripts/fixtures/make-rewritten-pdfs.sh).
 * Their tables break across pages under a running header (the sheet's name), and
 * a level cell merged across the break prints its text on the far side only (and a
 * clipped copy below the table): every indicator still gets the levels the form
 * prints for it, and nothing is flagged that the form does not hold.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { extractBytes } from "@jixiao/extract";
import { normalizeDocument } from "@jixiao/normalize";
import { checkDocument } from "../../report/src/check.ts";
import { readExpectation } from "./real-forms.ts";
import { keyOf } from "../src/text-key.ts";

const REWRITTEN = new URL("../../../fixtures/pdf/rewritten/", import.meta.url).pathname;

describe.each(["yunnan-2022-project-self-eval", "hunan-undated-department-scorecard", "sichuan-2020-department-scorecard", "henan-2021-project-targets"])("%s printed from its workbook", (id) => {
  it("reads every indicator under the levels the form prints, across the page break", async () => {
    const file = `${REWRITTEN}calc-${id}.pdf`;
    const doc = normalizeDocument(await extractBytes(readFileSync(file), { fileName: file, ocr: { mode: "off" } }), { fileName: file });
    const expected = readExpectation(id).forms[0]!.indicators!;
    const read = doc.forms[0]!.indicators;
    expect(read.map((i) => keyOf(i.name))).toEqual(expected.map((i) => keyOf(i.name)));
    // (A level's declared weight, 投入(15分) or 部门预算管理80分) as printed, is its level1Weight: the name is compared without it.)
    const level = (s: string | null | undefined) => keyOf(s ?? "").replace(/\(?\d+(?:\.\d+)?分\)$/, "");
    expect(read.map((i) => [level(i.level1), level(i.level2)])).toEqual(expected.map((i) => [level(i.level1), level(i.level2)]));
    const warned = checkDocument(doc).filter((f) => f.severity !== "info").map((f) => f.rule);
    expect(warned.sort()).toEqual(readExpectation(id).findings.map((f) => f.rule).sort());
  });
});

// 井研 2023 部门预算项目绩效目标申报表 printed from its workbook: the first project's 预算数 (3,309,840.00) is too wide
// for its column and prints as ###. The project is still one (its row names it beside the amount's place), with
// every indicator it prints; its amount is not on the page, so none is read, and none invented.
it("sichuan-2023-project-declaration printed with ### for an amount too wide: both projects, the first without an amount", async () => {
  const id = "sichuan-2023-project-declaration";
  const file = `${REWRITTEN}calc-${id}.pdf`;
  const doc = normalizeDocument(await extractBytes(readFileSync(file), { fileName: file, ocr: { mode: "off" } }), { fileName: file });
  const expected = readExpectation(id).forms;
  expect(doc.forms.map((f) => [f.projectName, f.indicators.length])).toEqual(expected.map((f) => [f.projectName, f.indicators!.length]));
  expect(doc.forms.map((f) => f.funding.map((l) => l.budget))).toEqual([[], [660000]]);
});

// 彭水 2024 计划生育 自评表 printed from its workbook: its budget pairs run down 自评内容 | 完成情况, block after block,
// beside 需提供的支撑材料 merged down the item. The page break cuts that merged cell, and its text prints again on the
// line heading the third block (计划生育家庭特别扶助制度补助资金(万元)): that line still heads its block.
it("chongqing-2024-transfer-self-eval printed from its workbook: every budget block, the one under the break too", async () => {
  const id = "chongqing-2024-transfer-self-eval";
  const file = `${REWRITTEN}calc-${id}.pdf`;
  const doc = normalizeDocument(await extractBytes(readFileSync(file), { fileName: file, ocr: { mode: "off" } }), { fileName: file });
  const expected = readExpectation(id).forms[0]!.funding!;
  expect(doc.forms[0]!.funding.map((l) => [keyOf(l.source), l.budget])).toEqual(expected.map((l) => [keyOf(l.source), l.budget ?? null]));
});
