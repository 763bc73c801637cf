/** The four seed documents through extract (text) and normalize, as the pipeline runs them. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseExtractedText } from "@jixiao/extract";
import { normalizeDocument, type NormalizedDocument } from "@jixiao/normalize";

export const FIXTURES = fileURLToPath(new URL("../../../fixtures/", import.meta.url));

export function seedText(name: string): string {
  return readFileSync(`${FIXTURES}text/${name}`, "utf8");
}

export function normalizeSeed(name: string, text = seedText(name)): NormalizedDocument {
  return normalizeDocument(parseExtractedText(text), { fileName: name });
}

export const QIANNAN = "qiannan-2023-project-selfeval.pdf.txt";
export const GAOYI = "gaoyi-2021-department-selfeval-report.pdf.txt";
export const HENGYANG = "hengyang-2023-targets.xlsx.txt";
export const XINZHOU = "xinzhou-2022-selfeval-report-annex1.pdf.txt";
