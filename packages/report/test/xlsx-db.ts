/**
 * A database for the workbook tests: the 16 黔南 forms saved as four documents
 * of different years and agencies — one agency name full of characters a sheet
 * name cannot hold, two long names alike in their first 31 characters — and a
 * project name that a spreadsheet would run as a formula.
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import type { NormalizedDocument } from "@jixiao/normalize";
import { openStore } from "@jixiao/store";
import { checkDocument } from "../src/index.ts";
import { check, SEEDS, seedText } from "./pipeline.ts";

export const HOSTILE_PROJECT = '=HYPERLINK("http://example.invalid/x","点击查看")';
export const LONG_AGENCY = "黔南布依族苗族自治州医疗保障局城乡居民基本医疗保险基金管理中心";
export const COPIES = [
  { year: 2021, agency: "黔南州医疗保障局" },
  { year: 2022, agency: "黔南州[医保]:局/*?\\" },
  { year: 2022, agency: `${LONG_AGENCY}第一分中心` },
  { year: 2023, agency: `${LONG_AGENCY}第二分中心` },
] as const;

export function buildXlsxDatabase(dir: string): { file: string; formsPerCopy: number } {
  const file = join(dir, "xlsx.sqlite");
  const text = seedText("qiannan");
  const { doc } = check(text, SEEDS.qiannan);
  const store = openStore(file);
  try {
    COPIES.forEach((c, i) => {
      const copy: NormalizedDocument = {
        ...doc,
        forms: doc.forms.map((f, j) => ({ ...f, fiscalYear: c.year, agency: c.agency, projectName: i === 0 && j === 0 ? HOSTILE_PROJECT : f.projectName })),
      };
      const content = `${text}\n${i}`;
      store.saveDocument(
        {
          path: `archive/${c.year}/qiannan-${i}.pdf.txt`,
          sha256: createHash("sha256").update(content).digest("hex"),
          format: "txt",
          sizeBytes: Buffer.byteLength(content),
          pages: 1,
          status: "ok",
          error: null,
        },
        copy,
        checkDocument(copy),
        "report-test",
      );
    });
  } finally {
    store.close();
  }
  return { file, formsPerCopy: doc.forms.length };
}
