/**
 * ocr_low_confidence: a row whose numbers the rules read, recognized by OCR
 * below 0.8, is listed — funding lines and indicators each with their own
 * wording and row — and a row printing no number is not, whatever its
 * confidence. 河北's 暖通改造经费 rows (fixtures/real/expect/hebei-2019-project-self-eval.json).
 */
import type { Form, FundingLine, Indicator } from "@jixiao/normalize";
import { describe, expect, it } from "vitest";
import { findingsOf, form } from "./forms.ts";

const PROJECT = "办公宿舍楼、食堂及餐厅暖通改造经费";
const AT = `（第1页，${PROJECT}）`;

function hebei(line: Partial<FundingLine>, ind: Partial<Indicator> = {}): Form {
  return form(1, {
    kind: "project_self_eval",
    projectName: PROJECT,
    funding: [{ source: "年度资金总额", ...line }],
    indicators: [{ name: "指标1学生满意度", ...ind }],
  });
}
const listed = (f: Form) => findingsOf(f, "ocr_low_confidence");

describe("rows read below 0.8", () => {
  it("a funding line read at 0.62: the finding in full, on the line", () => {
    expect(listed(hebei({ budget: 43.2, executed: 37.24, ocrConfidence: 0.62 }))).toEqual([
      {
        formSeq: 1,
        indicatorSeq: null,
        fundingSeq: 1,
        rule: "ocr_low_confidence",
        severity: "info",
        message: `资金行“年度资金总额”的数字由OCR识别，置信度0.62，低于0.8，可能有识读错误，涉及该行的核对结果需对照原件${AT}`,
        expected: 0.8,
        observed: 0.62,
        page: 1,
        params: { ocrConfidence: 0.62, threshold: 0.8 },
      },
    ]);
  });

  it("an indicator read at 0.55: on the indicator, named as one", () => {
    expect(listed(hebei({}, { weight: 10, score: 10, ocrConfidence: 0.55 }))).toEqual([
      {
        formSeq: 1,
        indicatorSeq: 1,
        fundingSeq: null,
        rule: "ocr_low_confidence",
        severity: "info",
        message: `指标“指标1学生满意度”的数字由OCR识别，置信度0.55，低于0.8，可能有识读错误，涉及该行的核对结果需对照原件${AT}`,
        expected: 0.8,
        observed: 0.55,
        page: 1,
        params: { ocrConfidence: 0.55, threshold: 0.8 },
      },
    ]);
  });

  it("0.8 itself, or no OCR at all, lists nothing", () => {
    expect(listed(hebei({ budget: 43.2, ocrConfidence: 0.8 }, { weight: 10, ocrConfidence: 0.8 }))).toEqual([]);
    expect(listed(hebei({ budget: 43.2, ocrConfidence: null }, { weight: 10, ocrConfidence: null }))).toEqual([]);
  });
});

describe("which numbers count", () => {
  it.each<[string, Partial<FundingLine>]>([
    ["年初预算数", { initialBudget: 43.2 }],
    ["全年预算数", { budget: 43.2 }],
    ["全年执行数", { executed: 37.24 }],
    ["结转结余", { balance: 5.96 }],
    ["执行率", { executionRate: 0.86, executionRateText: "0.86" }],
    ["分值", { weight: 10 }],
    ["得分", { score: 9 }],
    ["1–N月执行数", { executedToDate: 37.24 }],
    ["预计全年执行数", { forecastExecuted: 43.2 }],
  ])("a funding line printing only its %s is listed", (_name, numbers) => {
    expect(listed(hebei({ ...numbers, ocrConfidence: 0.62 }))).toHaveLength(1);
  });

  it.each<[string, Partial<Indicator>]>([
    ["分值", { weight: 10 }],
    ["得分", { score: 10 }],
    ["指标值", { targetText: "≥90%" }],
    ["实际完成值", { actualText: "95%" }],
    ["一级指标分值", { level1Weight: 30 }],
  ])("an indicator printing only its %s is listed", (_name, numbers) => {
    expect(listed(hebei({}, { ...numbers, ocrConfidence: 0.55 }))).toHaveLength(1);
  });

  it("rows printing no number (a heading, a line of text) are not listed, however low their confidence", () => {
    expect(listed(hebei({ ocrConfidence: 0.3 }, { targetText: "有效保障", actualText: "有效保障", ocrConfidence: 0.3 }))).toEqual([]);
  });
});
