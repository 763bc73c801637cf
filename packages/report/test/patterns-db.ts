/**
 * A small archive for the report's patterns across years and agencies: two
 * agencies, 2021–2023, the same project printed with a year prefix and
 * different punctuation each year, a same-named project in the other agency,
 * self-evaluations graded 优 with low execution, and forms with errors
 * (grade_mismatch: 优 printed under a total below 90).
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import { openStore } from "@jixiao/store";
import { checkDocument } from "../src/index.ts";
import { documentOf, form } from "./forms.ts";

export const EDU = "甲县教育局";
export const HEALTH = "乙县卫生健康局";

interface Row {
  agency: string;
  year: number;
  name: string;
  budget: number;
  executed: number;
  score: number;
  grade: string;
}

/** Budget and executed in 万元; the rate is executed / budget. */
export const ROWS: Row[] = [
  { agency: EDU, year: 2021, name: "2021年“学生资助”资金", budget: 100, executed: 95, score: 95, grade: "优" },
  { agency: EDU, year: 2022, name: "2022年度 \"学生资助\" 资金", budget: 120, executed: 60, score: 92, grade: "优" }, // flagged: 优, 50 %
  { agency: EDU, year: 2023, name: "学生资助资金", budget: 130, executed: 117, score: 85, grade: "优" }, // error: 85 is 良
  { agency: HEALTH, year: 2022, name: "学生资助资金", budget: 10, executed: 4, score: 80, grade: "良" }, // low, but not 优: not flagged
  { agency: HEALTH, year: 2021, name: "2021年公共卫生服务", budget: 200, executed: 110, score: 88, grade: "优" }, // flagged by grade (55 %), and an error
  { agency: HEALTH, year: 2022, name: "公共卫生服务", budget: 200, executed: 116, score: 90, grade: "优" }, // flagged (58 %)
  { agency: HEALTH, year: 2023, name: "</script><img src=x onerror=alert(1)>公共卫生服务", budget: 50, executed: 50, score: 98, grade: "优" },
];

/** Whether the store links forms to projects (forms.project_id, added by a later migration). */
export function hasProjectIds(db: { prepare(sql: string): { all(): unknown[] } }): boolean {
  return (db.prepare("SELECT name FROM pragma_table_info('forms')").all() as { name: string }[]).some((c) => c.name === "project_id");
}

function meta(path: string, content: string) {
  return { path, sha256: createHash("sha256").update(content).digest("hex"), format: "txt" as const, sizeBytes: Buffer.byteLength(content), pages: 1, status: "ok" as const, error: null };
}

/**
 * One document per agency and year, each form a project self-evaluation.
 * `unlinked`: forms.project_id (when the store has it) cleared, so the report
 * falls back to its own key of agency + normalised name.
 */
export function buildPatternsDatabase(dir: string, { unlinked = false } = {}): string {
  const file = join(dir, unlinked ? "patterns-unlinked.sqlite" : "patterns.sqlite");
  const store = openStore(file);
  try {
    const docs = new Map<string, Row[]>();
    for (const r of ROWS) docs.set(`${r.agency}/${r.year}`, [...(docs.get(`${r.agency}/${r.year}`) ?? []), r]);
    for (const [key, rows] of docs) {
      const forms = rows.map((r, i) =>
        form(i + 1, {
          kind: "project_self_eval",
          fiscalYear: r.year,
          agency: r.agency,
          projectName: r.name,
          totalScore: r.score,
          grade: r.grade,
          funding: [{ source: "年度资金总额", budget: r.budget, executed: r.executed, budgetYuan: r.budget * 10000, executedYuan: r.executed * 10000 }],
        }),
      );
      const doc = documentOf(forms);
      store.saveDocument(meta(`archive/${key}.pdf.txt`, key), doc, checkDocument(doc), "report-test");
    }
    if (unlinked && hasProjectIds(store.db)) store.db.exec("UPDATE forms SET project_id = NULL");
  } finally {
    store.close();
  }
  return file;
}
