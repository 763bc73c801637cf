/** The SQL queries the README shows analysts must run on a real database and answer something. */
import { describe, expect, it, beforeAll } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { ingest } from "../src/ingest.ts";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const queries = [...readFileSync(join(ROOT, "README.md"), "utf8").matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe("README queries", () => {
  const db = join(mkdtempSync(join(tmpdir(), "jixiao-readme-")), "readme.sqlite");
  beforeAll(async () => {
    await ingest([join(ROOT, "fixtures/text")], { db, out: () => {} });
  });

  it("has five queries", () => {
    expect(queries).toHaveLength(5);
  });

  it.each(queries.map((q) => [q.split("\n")[0]!, q]))("%s", (_title, sql) => {
    const d = new Database(db, { readonly: true });
    const rows = d.prepare(sql).all();
    d.close();
    expect(rows.length).toBeGreaterThan(0);
  });
});
