/**
 * docs/analysts.md: every SQL query on the page runs against the seed
 * fixtures' database and returns rows. datasette/metadata.yml: every table,
 * view and column of the database is described.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { openStore } from "@jixiao/store";
import { afterAll, describe, expect, it } from "vitest";
import { check, SEEDS, seedText } from "./pipeline.ts";
import { buildSeedDatabase, tempDir } from "./seed-db.ts";

const ROOT = new URL("../../../", import.meta.url);
const dbPath = buildSeedDatabase(tempDir());

function sqlBlocks(markdown: string): { title: string; sql: string }[] {
  const out: { title: string; sql: string }[] = [];
  let title = "";
  const re = /^## (.+)$|^```sql\n([\s\S]*?)^```$/gm;
  for (const m of markdown.matchAll(re)) {
    if (m[1]) title = m[1];
    else out.push({ title, sql: m[2]! });
  }
  return out;
}

describe("docs/analysts.md", () => {
  const queries = sqlBlocks(readFileSync(new URL("docs/analysts.md", ROOT), "utf8"));

  it("has at least ten queries", () => {
    expect(queries.length).toBeGreaterThanOrEqual(10);
  });

  const store = openStore(dbPath, { readonly: true });
  afterAll(() => store.close());
  for (const q of queries) {
    it(`returns rows: ${q.title}`, () => {
      const rows = store.db.prepare(q.sql).all();
      expect(rows.length, q.sql).toBeGreaterThan(0);
    });
  }

  it("the grade query lists every graded form, and the sum query finds 城乡居民基本医疗保险's 99.8 against 93.85", () => {
    const grade = queries.find((q) => q.title.includes("grade disagrees"))!;
    const rows = store.db.prepare(grade.sql).all() as { agrees: number }[];
    expect(rows.length).toBe((store.db.prepare("SELECT count(*) n FROM forms WHERE total_score IS NOT NULL AND grade IS NOT NULL").get() as { n: number }).n);
    const sums = queries.find((q) => q.title.startsWith("8."))!;
    expect(store.db.prepare(sums.sql).all()).toEqual([expect.objectContaining({ project_name: "城乡居民基本医疗保险", total_score: 99.8 })]);
  });
});

/**
 * The seed database plus 黔南's self-evaluations a year earlier (the same text with every year one
 * less, and 医保政策宣传经费 printed "2022年医保政策宣传资金"): the cross-year queries (16–18) on
 * two years of one agency.
 */
function buildTwoYearDatabase(): string {
  const file = buildSeedDatabase(tempDir());
  const text = seedText("qiannan")
    .replace(/\(2, ?023年度\)/g, "(2023年度)") // printed "(2,023年度)" on most of its pages
    .replaceAll("2023", "2022")
    .replaceAll("2024", "2023")
    .replace("医保政策宣传经费", "2022年医保政策宣传资金");
  const { doc, findings } = check(text, "qiannan-2022-project-selfeval.pdf.txt");
  const store = openStore(file);
  try {
    store.saveDocument(
      {
        path: "fixtures/text/qiannan-2022-project-selfeval.pdf.txt",
        sha256: createHash("sha256").update(text).digest("hex"),
        format: "txt",
        sizeBytes: Buffer.byteLength(text),
        pages: 1,
        status: "ok",
        error: null,
      },
      doc,
      findings,
      "report-test",
    );
  } finally {
    store.close();
  }
  return file;
}

describe("docs/analysts.md across years (queries 16–18) on two years of 黔南", () => {
  const queries = sqlBlocks(readFileSync(new URL("docs/analysts.md", ROOT), "utf8"));
  const byNumber = (n: number) => queries.find((q) => q.title.startsWith(`${n}.`))!;
  const store = openStore(buildTwoYearDatabase(), { readonly: true });
  afterAll(() => store.close());

  it("16 follows 医疗服务与保障能力提升补助资金 through 2022 and 2023, apart from its （上年结转） money", () => {
    const rows = store.db.prepare(byNumber(16).sql).all() as Record<string, unknown>[];
    // 181.82 ÷ 228 is 79.75%; the form printed 79.74%.
    expect(rows.filter((r) => r.name === "医疗服务与保障能力提升补助资金")).toEqual([
      expect.objectContaining({ fiscal_year: 2022, basis_kind: "project_self_eval", budget_wan: 228, executed_wan: 181.82, execution_rate_pct: 79.75, printed_rate_pct: 79.74, total_score: 98, grade: "优" }),
      expect.objectContaining({ fiscal_year: 2023, basis_kind: "project_self_eval", budget_wan: 228, executed_wan: 181.82, execution_rate_pct: 79.75, printed_rate_pct: 79.74, total_score: 98, grade: "优" }),
    ]);
    expect(rows.filter((r) => String(r.name).includes("上年结转")).map((r) => r.fiscal_year)).toEqual([2022, 2023]);
  });

  it("17 finds 黔南's projects graded 优 in both years while spending under 60% each year", () => {
    const rows = store.db.prepare(byNumber(17).sql).all() as Record<string, unknown>[];
    expect(rows).toEqual([expect.objectContaining({ agency: "黔南州医疗保障局", projects: 6, first_year: 2022, last_year: 2023, most_years: 2 })]);
    const listed = String(rows[0]!.projects_best_rate);
    for (const name of ["医保政策宣传经费 (0.0%)", "离休伤残干部单独统筹医疗款 (56.4%)", "医疗救助资金第三方审计业务费用 (40.0%)"]) {
      expect(listed).toContain(name);
    }
    expect(listed).not.toContain("医疗服务与保障能力提升补助资金");
  });

  it("18 shows 2022年医保政策宣传资金 and 医保政策宣传经费 linked as one project", () => {
    const rows = store.db.prepare(byNumber(18).sql).all() as Record<string, unknown>[];
    expect(rows[0]).toMatchObject({ match_method: "agency_name", name: "医保政策宣传经费", first_year: 2022, last_year: 2023, years: 2, forms: 2, printed_names: 2 });
    expect(String(rows[0]!.names_printed).split(",").sort()).toEqual(["2022年医保政策宣传资金", "医保政策宣传经费"]);
    // Every 黔南 project is seen in both years; the other seeds' in one.
    expect(rows.filter((r) => r.agency === "黔南州医疗保障局").every((r) => r.years === 2)).toBe(true);
    expect(rows.filter((r) => r.agency !== "黔南州医疗保障局").every((r) => r.years === 1)).toBe(true);
  });
});

/** Tables and their columns as written in metadata.yml (databases → jixiao → tables → NAME → columns → COLUMN). */
function describedColumns(yaml: string): Map<string, Set<string>> {
  const tables = new Map<string, Set<string>>();
  let table: string | null = null;
  let inColumns = false;
  for (const line of yaml.split("\n")) {
    const t = line.match(/^ {6}([a-z_]+):/);
    if (t) {
      table = t[1]!;
      tables.set(table, new Set());
      inColumns = false;
      continue;
    }
    if (/^ {8}columns:/.test(line)) {
      inColumns = true;
      continue;
    }
    if (/^ {8}\S/.test(line)) inColumns = false;
    const c = line.match(/^ {10}([a-z0-9_]+): \S/);
    if (table && inColumns && c) tables.get(table)!.add(c[1]!);
  }
  return tables;
}

describe("datasette/metadata.yml", () => {
  const yaml = readFileSync(new URL("datasette/metadata.yml", ROOT), "utf8");
  const described = describedColumns(yaml);
  const store = openStore(dbPath, { readonly: true });
  afterAll(() => store.close());
  const objects = store.db
    .prepare("SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string; type: string }[];

  it("names the database and the search tables", () => {
    expect(yaml).toMatch(/^databases:\n {2}jixiao:/m);
    expect(yaml).toContain("fts_table: indicators_fts");
  });

  for (const { name } of objects) {
    it(`describes ${name} and every column of it`, () => {
      expect(described.has(name), `${name} is not in metadata.yml`).toBe(true);
      if (/_fts_/.test(name)) return; // FTS5 shadow tables: hidden, no columns to explain
      const columns = (store.db.prepare(`SELECT name FROM pragma_table_info(?)`).all(name) as { name: string }[]).map((c) => c.name);
      expect(columns.filter((c) => !described.get(name)!.has(c)), `columns of ${name} not described`).toEqual([]);
    });
  }
});
