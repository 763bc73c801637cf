/**
 * A form reads the same whatever carried it: every seed document rebuilt as
 * DOCX, XLSX and XLS (LibreOffice) and as PDF (LibreOffice and Chromium) must
 * yield the same forms, amounts, totals, grades and indicator rows as its
 * extracted text.
 */
import { describe, expect, it } from "vitest";
import { readFileSync, existsSync } from "node:fs";
import { extractBytes } from "@jixiao/extract";
import { normalizeDocument } from "@jixiao/normalize";
import { FIXTURES, normalizeSeed, QIANNAN, GAOYI, HENGYANG, XINZHOU } from "./seeds.ts";
import { documentFacts } from "./facts.ts";

const SEEDS = [QIANNAN, GAOYI, HENGYANG, XINZHOU];
const CARRIERS = ["docx/%.docx", "xlsx/%.xlsx", "xls/%.xls", "pdf/lo/%.pdf", "pdf/chromium/%.pdf"];

const cases = SEEDS.flatMap((seed) => {
  const stem = seed.replace(/\.(pdf|xlsx)\.txt$/, "");
  return CARRIERS.map((c) => [seed, `${FIXTURES}${c.replace("%", stem)}`] as const);
});

describe.each(cases)("%s as %s", (seed, file) => {
  it("yields the same facts as the extracted text", async () => {
    expect(existsSync(file), `fixture ${file} is committed`).toBe(true);
    const expected = documentFacts(normalizeSeed(seed));
    const doc = normalizeDocument(await extractBytes(readFileSync(file), { fileName: file }), { fileName: file });
    expect(documentFacts(doc)).toEqual(expected);
  });
});
