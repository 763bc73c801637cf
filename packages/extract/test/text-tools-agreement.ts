/**
 * How much of what the PDF path reads from a committed PDF the text path reads
 * from pdftotext's text of it (fixtures/text-tools): the forms in order, and
 * of each form its project name, agency, total score and year, and each
 * indicator of the PDF's form found by name in the text's, with its levels,
 * target, actual, weight and score. The PDF path reads these templates
 * exactly (their own tests say so), so this measures the text readers on
 * templates that are not the real-form fixtures they were tuned on.
 */
import { readFileSync } from "node:fs";
import { extractBytes } from "@jixiao/extract";
import { normalizeDocument, type Form } from "@jixiao/normalize";

const FIXTURES = new URL("../../../fixtures/", import.meta.url);

/** Each committed PDF and the stem of its text files (<stem>.layout.txt, <stem>.raw.txt). */
export const TEXT_TOOL_CASES: readonly [pdf: string, stem: string][] = [
  ["lo/qiannan-2023-project-selfeval", "lo-qiannan-2023-project-selfeval"],
  ["chromium/qiannan-2023-project-selfeval", "chromium-qiannan-2023-project-selfeval"],
  ["lo/stress-borderless", "lo-stress-borderless"],
  ["lo/xinzhou-2022-selfeval-report-annex1", "lo-xinzhou-2022-selfeval-report-annex1"],
  ["lo/hengyang-2023-targets", "lo-hengyang-2023-targets"],
  ["lo/gaoyi-2021-department-selfeval-report", "lo-gaoyi-2021-department-selfeval-report"],
];

export async function formsOf(path: string): Promise<Form[]> {
  const file = new URL(path, FIXTURES);
  const doc = await extractBytes(readFileSync(file), { fileName: file.pathname });
  return normalizeDocument(doc, { fileName: file.pathname }).forms;
}

const squash = (v: unknown) => (typeof v === "string" ? v.replace(/\s+/g, "") : v);
const FORM_FIELDS = ["projectName", "agency", "totalScore", "fiscalYear"] as const;
const INDICATOR_FIELDS = ["name", "level1", "level2", "targetText", "actualText", "weight", "score"] as const;

export interface FieldAgreement { right: number; total: number; missed: string[] }

/** The PDF's fields that the text's forms (compared in order) hold with the same value. */
export function fieldAgreement(pdf: readonly Form[], text: readonly Form[]): FieldAgreement {
  const out: FieldAgreement = { right: 0, total: 0, missed: [] };
  const count = (same: boolean, what: string) => {
    out.total++;
    if (same) out.right++;
    else out.missed.push(what);
  };
  pdf.forEach((f, i) => {
    const g = text[i];
    for (const k of FORM_FIELDS) count(g !== undefined && squash(f[k]) === squash(g[k]), `form ${i + 1} ${k}`);
    for (const ind of f.indicators) {
      const h = g?.indicators.find((x) => squash(x.name) === squash(ind.name));
      for (const k of INDICATOR_FIELDS) count(h !== undefined && squash(h[k]) === squash(ind[k]), `form ${i + 1} ${squash(ind.name)} ${k}`);
    }
  });
  return out;
}
