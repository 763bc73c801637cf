/**
 * Money blocks printed in shapes no funding header announces, each from a real
 * template that read none of its money before:
 * - 遂宁 安居区 区域绩效目标自评表: pairs named by the fields themselves
 *   (预算数： | 2.38 | 执行数： | 2.38), one column of pairs per field, a source per row below;
 * - 南岳区 雨露计划申报表: sources across under a group (本年度预计投入 | 财政资金 over
 *   中央 | 省级 | 市级资金 | 本级 | 其他), the amounts on the row under them;
 * - 武川 绩效目标申报表: the amount inside the label's cell (年度资金总额:50万) and after
 *   the fund's name in the value's (中央衔接推进乡村振兴补助资金(…)50);
 * - 岳阳 南湖新区 2016 自评报告: four columns of pairs (计划安排资金 | 170 | 实际到位资金 | 170 |
 *   实际支出 | 179.6 | 结余 | 0), one with no funding field (到位), over 其中 rows left blank
 *   in places, in the table under the report's cover lines (项目名称：优 抚 …);
 * - 海南 服务贸易 自评表: three columns of pairs (计划投资额 | 570 | 实际到位资金 | 398.88 |
 *   实际使用情况 | 395.86), 其中： merged down beside the lines of two of them and the third
 *   broken down by nobody.
 */
import { describe, expect, it } from "vitest";
import { normalizeDocument } from "@jixiao/normalize";
import { checkDocument } from "../../report/src/check.ts";
import { statedAmount } from "../src/facts.ts";
import { keyOf } from "../src/text-key.ts";
import { extractedFixture } from "./fixture-documents.ts";
import type { RealFormat } from "./real-forms.ts";

const STRUCTURED: RealFormat[] = ["docx", "xlsx", "xls", "pdf/lo", "pdf/chromium"];

const lines = (form: { funding: { source: string; budget: number | null; executed: number | null; score: number | null }[] }) =>
  form.funding.map((l) => [l.source, l.budget, l.executed, l.score]);

describe.each([...STRUCTURED, "text/web", "text/pdftotext-layout"] as RealFormat[])("遂宁 安居区: 预算数 and 执行数 as pairs, a column of pairs each (%s)", (format) => {
  it("reads the block's line with its points and one line per source with both amounts", async () => {
    const form = normalizeDocument(await extractedFixture("sichuan-2021-transfer-self-eval-3", format)).forms[0]!;
    expect(lines(form)).toEqual([
      ["预算执行情况", 2.38, 2.38, 20],
      ["其中:中央补助", 2.38, 2.38, null],
      ["地方资金/其他", null, null, null],
    ]);
    // Nothing printed is lost: the pairs stay facts.
    expect(form.facts.find((f) => f.label === "预算数")?.value).toBe("2.38");
  });
});

describe.each([...STRUCTURED, "text/web"] as RealFormat[])("南岳区: sources across under 财政资金, amounts on the row below (%s)", (format) => {
  it("reads one line per source, the year's whole among them, and the money adds up", async () => {
    const doc = normalizeDocument(await extractedFixture("hunan-2023-project-targets", format));
    const form = doc.forms[0]!;
    expect(form.funding.map((l) => [l.source.replace(/\(万元\)$/, ""), l.sourceKind, l.budget])).toEqual([
      ["本年度预计投入", "total", 7],
      ["中央", "central", 0],
      ["省级", "superior", 7],
      ["市级资金", "other", 0],
      ["本级", "local", 0],
      ["其他", "other", 0],
    ]);
    expect(checkDocument(doc).filter((f) => f.rule === "funding_identity")).toEqual([]);
    // 中长期绩效目标 merged over its two numbered rows is read whole after the money block too.
    expect(form.facts.find((f) => f.label === "中长期绩效目标")?.value).toMatch(/^1\.就读.*\n2\.补助标准/s);
  });
});

describe.each([...STRUCTURED, "text/web", "text/pdftotext-layout"] as RealFormat[])("武川: amounts in the label's cell and after the fund's name (%s)", (format) => {
  it("reads 年度资金总额 50 and 其中:财政拨款 50, and keeps the fund's name as printed", async () => {
    const form = normalizeDocument(await extractedFixture("neimenggu-2021-project-targets-2", format)).forms[0]!;
    expect(lines(form).slice(0, 2)).toEqual([["年度资金总额", 50, null, null], ["财政拨款", 50, null, null]]);
    expect(form.funding[1]!.budgetText).toBe("中央衔接推进乡村振兴补助资金(少数民族发展任务)50");
  });
});

describe("the amount a money value states", () => {
  it("is a figure, or the one figure its words repeat", () => {
    expect(statedAmount("2.38 万元")).toBe(2.38);
    expect(statedAmount("50万 中央衔接推进乡村振兴补助资金50")).toBe(50);
    expect(statedAmount("中央衔接推进乡村振兴补助资金(少数民族发展任务)50")).toBe(50);
  });
  it("is none where the figures differ or are no money (a target's count)", () => {
    expect(statedAmount("中央资金100万元,省级50万元")).toBeNull();
    expect(statedAmount(">=101 人/次")).toBeNull();
    expect(statedAmount("参见附件1具体金额")).toBeNull();
  });
});

describe.each(["docx", "pdf/lo", "text/web"] as RealFormat[])("大庆 申报表 (blank): a source named by its budget, its amounts left as dashes (%s)", (format) => {
  it("keeps every source line, 政府性基金 and 财政专户 as public money and 事业基金 as the unit's own", async () => {
    const form = normalizeDocument(await extractedFixture("heilongjiang-undated-project-targets", format)).forms[0]!;
    const kinds = new Map(form.funding.map((l) => [l.source, l.sourceKind]));
    expect([kinds.get("政府性基金拨款"), kinds.get("财政专户拨款"), kinds.get("事业基金弥补差额")]).toEqual(["fiscal", "fiscal", "own"]);
    expect(form.funding.every((l) => l.budget === null)).toBe(true);
  });
});

describe.each([...STRUCTURED, "text/web"] as RealFormat[])("岳阳 2016: four columns of pairs under a report's cover (%s)", (format) => {
  it("reads the planned, spent and left-over amounts per source, keeps 到位 in extra, and finds 结余 ≠ 计划 − 支出", async () => {
    const doc = normalizeDocument(await extractedFixture("hunan-2016-project-self-eval", format));
    expect(doc.forms).toHaveLength(1);
    const form = doc.forms[0]!;
    const bare = (t: string) => t.replace(/\s*\(万元\)$/, "");
    expect(form.funding.map((l) => [bare(l.source), l.budget, l.executed, l.balance])).toEqual([
      ["计划安排资金", 170, 179.6, 0],
      ["其中:中央财政", null, null, null],
      ["省财政", 170, 170, null],
      ["市财政", null, null, null],
      ["区财政", null, null, null],
      ["其它", null, 9.6, null],
    ]);
    // 实际到位资金 names no funding field: its amounts stay on each line, under the printed label.
    const arrived = (i: number) => Object.entries(form.funding[i]!.extra).find(([k]) => k.startsWith("实际到位资金"))?.[1] ?? null;
    expect([arrived(0), arrived(2), arrived(5)]).toEqual(["170", "170", "9.6"]);
    // Its years: the report was dated 2017, the project ran 2016年1月起至2016年12月止.
    expect(form.fiscalYear).toBe(2016);
    expect(checkDocument(doc).filter((f) => f.rule === "funding_identity").length).toBeGreaterThan(0);
  });
});

describe.each([...STRUCTURED, "text/web", "text/pdftotext-layout"] as RealFormat[])("2017 食品药品监管 申报表: 其中: 省级财政 under 财政资金 (%s)", (format) => {
  it("reads the part named by the level whose public money it is as a line of its own", async () => {
    const form = normalizeDocument(await extractedFixture("unknown-2017-project-targets", format)).forms[0]!;
    expect(form.funding.map((l) => [keyOf(l.source).replace(/^其中:/, ""), l.sourceKind, l.budget])).toEqual([
      ["资金总额", "total", 35543.19],
      ["财政资金", "fiscal", 24543.19],
      ["省级财政", "superior", 24543.19],
      ["其他资金", "other", 11000],
    ]);
  });
});

// (Not text copied from the web page: its cells come without their columns, and the lines stay facts there.)
describe.each(STRUCTURED)("海南 服务贸易: columns of pairs, the last broken down by nobody (%s)", (format) => {
  it("reads each source in the columns it prints in, and finds nothing wrong", async () => {
    const doc = normalizeDocument(await extractedFixture("hainan-undated-project-scorecard", format));
    const form = doc.forms[0]!;
    expect(form.funding.map((l) => [keyOf(l.source).replace(/\(万元\)$/, ""), l.budget, l.executed])).toEqual([
      ["计划投资额", 570, 395.86],
      ["中央财政", 0, null],
      ["省财政", 570, null],
      ["市县财政", 0, null],
      ["其他", 0, null],
    ]);
    const arrived = form.funding.map((l) => Object.entries(l.extra).find(([k]) => k.startsWith("实际到位资金"))?.[1] ?? null);
    expect(arrived).toEqual(["398.88", "0", "398.88", "0", "0"]);
    expect(checkDocument(doc).filter((f) => f.severity !== "info")).toEqual([]);
  });
});
