/**
 * End to end: the text pdftotext makes from a committed PDF
 * (fixtures/text-tools, scripts/fixtures/make-text-tools.sh) through extract
 * and normalize, against the PDF itself through the same stages. Forms are
 * compared in order; the counts below are what reads today (the rest is
 * indicator names cut where their cells wrap, and totals or amounts on lines
 * pdftotext merged with a neighbouring row), so a change that reads less
 * fails here. Before column layout was read, -layout text gave no form at all.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { extractBytes } from "@jixiao/extract";
import { normalizeDocument, type Form } from "@jixiao/normalize";
import { TEXT_TOOL_CASES, fieldAgreement, formsOf } from "./text-tools-agreement.ts";

const FIXTURES = new URL("../../../fixtures/", import.meta.url);

async function forms(path: string): Promise<Form[]> {
  const file = new URL(path, FIXTURES);
  const doc = await extractBytes(readFileSync(file), { fileName: file.pathname });
  return normalizeDocument(doc, { fileName: file.pathname }).forms;
}

const squash = (s: string | null) => (s === null ? null : s.replace(/\s+/g, ""));
const money = (f: Form) => {
  const t = f.funding.find((l) => l.sourceKind === "total") ?? f.funding[0];
  return [t?.budget ?? null, t?.executed ?? null];
};

/** How many forms of the text agree with the PDF's form at the same place, fact by fact. */
function agreement(pdf: Form[], text: Form[]) {
  const same = (fact: (f: Form) => unknown) => pdf.filter((f, i) => text[i] && JSON.stringify(fact(f)) === JSON.stringify(fact(text[i]!))).length;
  return {
    forms: text.length,
    kinds: same((f) => f.kind),
    names: same((f) => squash(f.projectName)),
    totals: same((f) => f.totalScore),
    money: same(money),
  };
}

const CASES: [string, string, { forms: number; kinds: number; names: number; totals: number; money: number }][] = [
  ["lo/qiannan-2023-project-selfeval", "lo-qiannan-2023-project-selfeval", { forms: 16, kinds: 16, names: 15, totals: 14, money: 16 }],
  ["chromium/qiannan-2023-project-selfeval", "chromium-qiannan-2023-project-selfeval", { forms: 16, kinds: 16, names: 16, totals: 14, money: 16 }],
  ["lo/stress-borderless", "lo-stress-borderless", { forms: 1, kinds: 1, names: 1, totals: 1, money: 1 }],
  ["lo/xinzhou-2022-selfeval-report-annex1", "lo-xinzhou-2022-selfeval-report-annex1", { forms: 1, kinds: 1, names: 1, totals: 1, money: 0 }],
];

describe.each(CASES)("pdftotext -layout of pdf/%s.pdf", (pdf, text, floor) => {
  it("yields the PDF's forms, with at least today's share of names, totals and amounts", async () => {
    const a = agreement(await forms(`pdf/${pdf}.pdf`), await forms(`text-tools/${text}.layout.txt`));
    expect(a.forms).toBe(floor.forms);
    expect(a.kinds).toBe(floor.kinds);
    expect(a.names).toBeGreaterThanOrEqual(floor.names);
    expect(a.totals).toBeGreaterThanOrEqual(floor.totals);
    expect(a.money).toBeGreaterThanOrEqual(floor.money);
  });
});

describe("the 黔南 -layout text", () => {
  it("reads the funding line of every form the PDF reads it for", async () => {
    const pdf = await forms("pdf/lo/qiannan-2023-project-selfeval.pdf");
    const text = await forms("text-tools/lo-qiannan-2023-project-selfeval.layout.txt");
    expect(text.map(money).filter((m, i) => JSON.stringify(m) !== JSON.stringify(money(pdf[i]!)))).toHaveLength(0);
    expect(money(text[0]!)).toEqual([228, 181.82]);
  });
});

/**
 * Field by field (text-tools-agreement.ts): of the PDF's header facts and indicators, at least as many
 * as read today, for -layout and plain text (scripts/text-tools-score.ts prints them).
 */
const FIELD_FLOORS: Record<string, { layout: number; raw: number }> = {
  "lo-qiannan-2023-project-selfeval": { layout: 954, raw: 364 },
  "chromium-qiannan-2023-project-selfeval": { layout: 547, raw: 48 },
  "lo-stress-borderless": { layout: 120, raw: 22 },
  "lo-xinzhou-2022-selfeval-report-annex1": { layout: 17, raw: 1 },
  "lo-hengyang-2023-targets": { layout: 132, raw: 37 },
  "lo-gaoyi-2021-department-selfeval-report": { layout: 223, raw: 31 },
};

describe.each(TEXT_TOOL_CASES)("the fields of pdf/%s.pdf in its pdftotext text", (pdf, stem) => {
  it.each(["layout", "raw"] as const)("%s text holds at least today's share of the PDF's fields", async (kind) => {
    const a = fieldAgreement(await formsOf(`pdf/${pdf}.pdf`), await formsOf(`text-tools/${stem}.${kind}.txt`));
    expect(a.total).toBeGreaterThan(0);
    expect(a.right).toBeGreaterThanOrEqual(FIELD_FLOORS[stem]![kind]);
  });
});

describe("the 黔南 -layout text's indicator names", () => {
  it("reads a name set at the top of its row, its first line on the row's value line, whole (医保信息平台数据 / 信息标准化管理应 / 用)", async () => {
    const [f] = await formsOf("text-tools/lo-qiannan-2023-project-selfeval.layout.txt");
    expect(f!.indicators.find((i) => i.name === "医保信息平台数据信息标准化管理应用")).toMatchObject({ targetText: "≥90%", actualText: "90%", weight: 4, score: 4 });
    // A line of word values (及时有效拨付 | 及时有效拨付) right over its row's line of numbers (| 10 | 10) is no
    // row's line of its own: both wrap round that line.
    const fifth = (await formsOf("text-tools/lo-qiannan-2023-project-selfeval.layout.txt"))[4]!;
    expect(fifth.indicators.find((i) => i.name === "及时保障离休干部、伤残人员待遇")).toMatchObject({ targetText: "及时有效拨付款项", weight: 10, score: 10 });
    // The next row's name, centred on its own value line, stays its own.
    expect(f!.indicators.map((i) => i.name)).toContain("定点医疗机构监督检查覆盖率");
  });
});

describe("the 黔南 -layout text's indicator table over a page break", () => {
  it("reads page 2's rows under page 1's header, and its first rows in the group the break cut", async () => {
    const [f] = await formsOf("text-tools/lo-qiannan-2023-project-selfeval.layout.txt");
    // 定点医疗机构监督检查覆盖率 opens page 2, under 数量指标 (产出指标) merged over the break.
    expect(f!.indicators.find((i) => i.name === "定点医疗机构监督检查覆盖率")).toMatchObject({ level1: "产出指标", level2: "数量指标", targetText: "=100%", weight: 4 });
    expect(f!.indicators.find((i) => i.name === "医保重要政策知晓率")).toMatchObject({ level1: "效益指标", level2: "社会效益指标", score: 15 });
  });
});

describe("the 高邑 -layout text's 分项绩效项目清单", () => {
  it("yields the PDF's projects, each name whole: no line of a wrapped name or goal is a project", async () => {
    const names = (forms: Form[]) => forms.filter((f) => f.kind === "project_list").map((f) => f.projectName);
    const pdf = names(await formsOf("pdf/lo/gaoyi-2021-department-selfeval-report.pdf"));
    expect(pdf.length).toBeGreaterThan(10);
    expect(names(await formsOf("text-tools/lo-gaoyi-2021-department-selfeval-report.layout.txt"))).toEqual(pdf);
  });
});

/** Plain pdftotext (text-stream.ts): what reads today; no form the PDF does not have. */
const RAW_CASES: [string, string, { forms: number; kinds: number; names: number; money: number }][] = [
  ["lo/qiannan-2023-project-selfeval", "lo-qiannan-2023-project-selfeval", { forms: 13, kinds: 13, names: 6, money: 1 }],
  ["chromium/qiannan-2023-project-selfeval", "chromium-qiannan-2023-project-selfeval", { forms: 16, kinds: 16, names: 16, money: 2 }],
  ["lo/stress-borderless", "lo-stress-borderless", { forms: 1, kinds: 1, names: 0, money: 0 }],
  ["lo/xinzhou-2022-selfeval-report-annex1", "lo-xinzhou-2022-selfeval-report-annex1", { forms: 1, kinds: 1, names: 0, money: 1 }],
];

describe.each(RAW_CASES)("plain pdftotext (no -layout) of pdf/%s.pdf", (pdf, text, floor) => {
  it("yields no more forms than the PDF, of its kinds, with at least today's names and amounts", async () => {
    const p = await forms(`pdf/${pdf}.pdf`);
    const a = agreement(p, await forms(`text-tools/${text}.raw.txt`));
    expect(a.forms).toBeLessThanOrEqual(p.length);
    expect(a.forms).toBeGreaterThanOrEqual(floor.forms);
    expect(a.kinds).toBeGreaterThanOrEqual(floor.kinds);
    expect(a.names).toBeGreaterThanOrEqual(floor.names);
    expect(a.money).toBeGreaterThanOrEqual(floor.money);
  });
});

describe("the 黔南 plain pdftotext (chromium)", () => {
  it("reads the first form's project name and funding line", async () => {
    const [f] = await forms("text-tools/chromium-qiannan-2023-project-selfeval.raw.txt");
    expect(f!.projectName).toBe("医疗服务与保障能力提升补助资金");
    expect(money(f!)).toEqual([228, 181.82]);
  });
});
