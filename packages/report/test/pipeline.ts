/**
 * The seed fixtures through the real pipeline (extracted text → parseExtractedText
 * → normalizeDocument → checkDocument), and variants of them with one cell edited.
 */
import { readFileSync } from "node:fs";
import { extractFile, parseExtractedText } from "@jixiao/extract";
import { normalizeDocument, type Finding, type Form, type NormalizedDocument } from "@jixiao/normalize";
import { checkDocument } from "../src/index.ts";

export const TEXT_FIXTURES = new URL("../../../fixtures/text/", import.meta.url);

export const SEEDS = {
  qiannan: "qiannan-2023-project-selfeval.pdf.txt",
  gaoyi: "gaoyi-2021-department-selfeval-report.pdf.txt",
  hengyang: "hengyang-2023-targets.xlsx.txt",
  xinzhou: "xinzhou-2022-selfeval-report-annex1.pdf.txt",
} as const;
export type Seed = keyof typeof SEEDS;

export function seedText(seed: Seed): string {
  return readFileSync(new URL(SEEDS[seed], TEXT_FIXTURES), "utf8");
}

export interface Checked {
  doc: NormalizedDocument;
  findings: Finding[];
}

export function check(text: string, fileName: string): Checked {
  const doc = normalizeDocument(parseExtractedText(text), { fileName });
  return { doc, findings: checkDocument(doc) };
}

const cache = new Map<Seed, Checked>();
export function checkedSeed(seed: Seed): Checked {
  let c = cache.get(seed);
  if (!c) cache.set(seed, (c = check(seedText(seed), SEEDS[seed])));
  return c;
}

/**
 * The seed documents rebuilt as real files by the fixture scripts: each format
 * must lead to the same findings as the extracted text.
 */
export const SEED_FORMATS = {
  txt: { dir: "text", ext: null },
  docx: { dir: "docx", ext: "docx" },
  xlsx: { dir: "xlsx", ext: "xlsx" },
  xls: { dir: "xls", ext: "xls" },
  "pdf (LibreOffice)": { dir: "pdf/lo", ext: "pdf" },
  "pdf (Chromium)": { dir: "pdf/chromium", ext: "pdf" },
} as const;
export type SeedFormat = keyof typeof SEED_FORMATS;

/** The seed in one format through the real pipeline (extractFile → normalize → checkDocument). */
export async function checkedSeedFile(seed: Seed, format: SeedFormat): Promise<Checked> {
  if (format === "txt") return checkedSeed(seed);
  const { dir, ext } = SEED_FORMATS[format];
  const base = SEEDS[seed].replace(/\.(pdf|xlsx)\.txt$/, "");
  const url = new URL(`../../../fixtures/${dir}/${base}.${ext}`, import.meta.url);
  const doc = normalizeDocument(await extractFile(url.pathname), { fileName: url.pathname });
  return { doc, findings: checkDocument(doc) };
}

/**
 * The seed with one edit on one source line (1-based). Fails loudly when the
 * line no longer holds `from`, so a changed fixture cannot make a test vacuous.
 */
export function variant(seed: Seed, line: number, from: string, to: string): Checked {
  const lines = seedText(seed).split("\n");
  const old = lines[line - 1];
  if (old === undefined || !old.includes(from)) throw new Error(`expected line ${line} of ${SEEDS[seed]} to contain "${from}", found "${old?.slice(0, 80)}"`);
  lines[line - 1] = old.replace(from, to);
  return check(lines.join("\n"), SEEDS[seed]);
}

export function formOf(doc: NormalizedDocument, projectName: string): Form {
  const form = doc.forms.find((f) => f.projectName === projectName);
  if (!form) throw new Error(`expected a form for project ${projectName}, found ${doc.forms.map((f) => f.projectName).join(", ")}`);
  return form;
}

/** Findings of one rule on one form (by project name, or by form seq). */
export function findingsFor(c: Checked, rule: string, form?: string | number): Finding[] {
  const seq = typeof form === "string" ? formOf(c.doc, form).seq : form;
  return c.findings.filter((f) => f.rule === rule && (seq === undefined || f.formSeq === seq));
}
