/**
 * The borderless stress form (fixtures/html/stress-borderless.html printed
 * without any rules by LibreOffice and Chromium, scripts/fixtures) yields the
 * same form facts as its DOCX, where the grid is explicit: the PDF's table is
 * found from text alignment alone.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { extractBytes } from "@jixiao/extract";
import { normalizeDocument } from "@jixiao/normalize";
import { FIXTURES } from "./seeds.ts";
import { documentFacts } from "./facts.ts";

const read = async (rel: string) => {
  const file = `${FIXTURES}${rel}`;
  return normalizeDocument(await extractBytes(readFileSync(file), { fileName: file }), { fileName: file });
};

describe.each(["pdf/lo", "pdf/chromium"])("stress-borderless.pdf by %s", (dir) => {
  it("gives the DOCX's funding, indicators, total and grade", async () => {
    const [pdf, docx] = await Promise.all([read(`${dir}/stress-borderless.pdf`), read("docx/stress-borderless.docx")]);
    const facts = documentFacts(pdf);
    expect(facts).toEqual(documentFacts(docx));
    expect(facts).toHaveLength(1);
    const f = facts[0]!;
    expect([f.budget, f.executed, f.totalScore, f.grade, f.indicators.length]).toEqual([228, 181.82, 98, "优", 17]);
    expect(f.indicators[2]).toBe("产出指标|深化医保支付方式改革工作|4项改革工作(DIP支付方式改革、床日付费改革、门诊病种支付方式改革、紧密型县域医共体总额付费改革)|4项|4|4");
    expect(pdf.forms[0]!.funding.map((l) => [l.sourceKind, l.budget, l.executed])).toEqual(
      docx.forms[0]!.funding.map((l) => [l.sourceKind, l.budget, l.executed]),
    );
  });
});
