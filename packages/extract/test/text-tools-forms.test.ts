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
  ["lo/qiannan-2023-project-selfeval", "lo-qiannan-2023-project-selfeval", { forms: 16, kinds: 16, names: 15, totals: 12, money: 15 }],
  ["chromium/qiannan-2023-project-selfeval", "chromium-qiannan-2023-project-selfeval", { forms: 16, kinds: 16, names: 16, totals: 11, money: 14 }],
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
  it("reads the funding line of every form the PDF reads it for, but one", async () => {
    const pdf = await forms("pdf/lo/qiannan-2023-project-selfeval.pdf");
    const text = await forms("text-tools/lo-qiannan-2023-project-selfeval.layout.txt");
    expect(text.map(money).filter((m, i) => JSON.stringify(m) !== JSON.stringify(money(pdf[i]!)))).toHaveLength(1);
    expect(money(text[0]!)).toEqual([228, 181.82]);
  });
});

describe("plain pdftotext (no -layout)", () => {
  it.each(["lo-qiannan-2023-project-selfeval", "lo-stress-borderless", "lo-xinzhou-2022-selfeval-report-annex1"])("%s: no form is made up", async (text) => {
    expect(await forms(`text-tools/${text}.raw.txt`)).toEqual([]);
  });
});
