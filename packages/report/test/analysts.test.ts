/**
 * docs/analysts.md: every SQL query on the page runs against the seed
 * fixtures' database and returns rows. datasette/metadata.yml: every table,
 * view and column of the database is described.
 */
import { readFileSync } from "node:fs";
import { openStore } from "@jixiao/store";
import { afterAll, describe, expect, it } from "vitest";
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
