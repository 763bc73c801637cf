import Database from "better-sqlite3";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { FISCAL_YEAR_SOURCES, FORM_KINDS, SEVERITIES, SOURCE_KINDS, Comparator } from "@jixiao/normalize";
import { describe, expect, it } from "vitest";
import { MIGRATIONS, SCHEMA_VERSION, StoreError, migrate, openConnection, openStore, schemaVersion } from "../src/index.ts";
import { readContract } from "./contract.ts";
import { dbPath, tempDir } from "./temp.ts";

const CONTRACT_COPY = fileURLToPath(new URL("./contract/data-model.md", import.meta.url));
/** The shared original, when this checkout sits next to it. */
const CONTRACT_SHARED = fileURLToPath(new URL("../../../../shared/spec/data-model.md", import.meta.url));
const contract = readContract(CONTRACT_COPY);

const dir = tempDir();

function columnsOf(db: Database.Database, table: string): string[] {
  return (db.pragma(`table_xinfo(${table})`) as { name: string }[]).map((c) => c.name);
}

function objects(db: Database.Database, type: string): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = ? ORDER BY name").all(type) as { name: string }[]).map(
    (r) => r.name,
  );
}

describe("migrations", () => {
  it("create the whole schema on an empty file and record its version", () => {
    const store = openStore(dbPath(dir));
    expect(schemaVersion(store.db)).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
    expect(objects(store.db, "table")).toEqual(expect.arrayContaining(["documents", "forms", "narrative", "side_tables"]));
    expect(store.db.pragma("foreign_key_check")).toEqual([]);
    store.close();
  });

  it("re-opening an up-to-date file changes nothing", () => {
    const file = dbPath(dir);
    openStore(file).close();
    const db = new Database(file);
    const before = db.prepare("SELECT type, name, sql FROM sqlite_master ORDER BY name").all();
    db.close();
    const store = openStore(file);
    expect(migrate(store.db)).toEqual([]);
    expect(store.db.prepare("SELECT type, name, sql FROM sqlite_master ORDER BY name").all()).toEqual(before);
    store.close();
  });

  it("bring an older database up to date and keep its rows (FTS indexes them too)", () => {
    const file = dbPath(dir);
    const db = openConnection(file);
    expect(migrate(db, MIGRATIONS.slice(0, 1))).toEqual([1]);
    db.prepare(
      "INSERT INTO documents (id, path, sha256, format, size_bytes, status, ingested_at, pipeline_version) VALUES (1, 'a.txt', ?, 'txt', 1, 'ok', 'x', '0')",
    ).run("a".repeat(64));
    db.prepare("INSERT INTO forms (id, document_id, seq, kind) VALUES (1, 1, 1, 'project_self_eval')").run();
    db.prepare("INSERT INTO indicators (form_id, seq, name) VALUES (1, 1, '参保群众对医保服务满意度')").run();
    db.close();

    const store = openStore(file);
    expect(schemaVersion(store.db)).toBe(SCHEMA_VERSION);
    expect(store.db.prepare("SELECT count(*) AS n FROM v_forms").get()).toEqual({ n: 1 });
    expect(store.db.prepare("SELECT rowid FROM indicators_fts WHERE indicators_fts MATCH '满意度'").all()).toHaveLength(1);
    store.close();
  });

  it("refuse a database written by a newer version, saying which versions", () => {
    const file = dbPath(dir);
    openStore(file).close();
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => openStore(file)).toThrow(StoreError);
    expect(() => openStore(file)).toThrow(
      new RegExp(`schema version is ${SCHEMA_VERSION + 1}, but this jixiao knows versions up to ${SCHEMA_VERSION}`),
    );
    expect(() => openStore(file, { readonly: true })).toThrow(/newer version/);
  });

  it("a failing step rolls back with its version bump", () => {
    const db = openConnection(":memory:");
    const broken = [...MIGRATIONS.slice(0, 1), { version: 2, name: "broken", up: (d: Database.Database) => d.exec("CREATE TABLE t (x); SELECT nope FROM t;") }];
    expect(() => migrate(db, broken)).toThrow(/no such column/);
    expect(schemaVersion(db)).toBe(1);
    expect(objects(db, "table")).not.toContain("t");
    db.close();
  });

  it("read-only opening never migrates: it refuses a file without the schema", () => {
    const file = dbPath(dir);
    new Database(file).close();
    expect(() => openStore(file, { readonly: true })).toThrow(/expected a jixiao database, found no jixiao schema/);
    expect(() => openStore(dbPath(dir), { readonly: true })).toThrow(/found no such file/);
  });

  it("refuse a file that is not SQLite with a clear reason", () => {
    const file = `${dbPath(dir)}.txt`;
    writeFileSync(file, "项目名称\t医疗服务与保障能力提升补助资金\n".repeat(200));
    expect(() => openStore(file)).toThrow(/not a database/);
    expect(() => openStore(`${dir}/no/such/dir/x.sqlite`)).toThrow(/x\.sqlite: could not open as a SQLite database: .*directory does not exist/);
  });
});

describe("the schema keeps the contract (data-model.md)", () => {
  const store = openStore(dbPath(dir));
  const db = store.db;

  // A clean clone has only the copy; next to /work/shared the copy must not have drifted.
  it.skipIf(!existsSync(CONTRACT_SHARED))("the contract copy is the shared contract", () => {
    expect(readFileSync(CONTRACT_COPY, "utf8")).toBe(readFileSync(CONTRACT_SHARED, "utf8"));
  });

  it("has every table with every column the contract names", () => {
    expect(contract.tables.size).toBe(8);
    expect(contract.tables.get("form_facts")).toEqual(["id", "form_id", "seq", "label", "value", "field", "page"]);
    for (const [table, columns] of contract.tables) {
      expect(columns.length, `contract columns of ${table}`).toBeGreaterThan(1);
      expect(columnsOf(db, table), table).toEqual(expect.arrayContaining(columns));
    }
  });

  it("has the contract's views with the columns it names", () => {
    expect([...contract.views.keys()]).toEqual(["v_forms", "v_findings"]);
    for (const [view, columns] of contract.views) {
      expect(objects(db, "view")).toContain(view);
      expect(columnsOf(db, view)).toEqual(expect.arrayContaining(columns));
    }
    expect(columnsOf(db, "v_forms")).toEqual(
      expect.arrayContaining(["path", "fiscal_year", "agency", "project_name", "grade", "error_findings", "warning_findings"]),
    );
    expect(columnsOf(db, "v_findings")).toEqual(expect.arrayContaining(["indicator_name", "path", "page", "rule", "message"]));
  });

  it("allows exactly the enum values the contract lists", () => {
    expect(contract.enums.size).toBeGreaterThanOrEqual(6);
    for (const [key, values] of contract.enums) {
      const [table, column] = key.split(".") as [string, string];
      const sql = (db.prepare("SELECT sql FROM sqlite_master WHERE name = ?").get(table) as { sql: string }).sql;
      const definition = sql.split("\n").find((l) => l.trim().startsWith(column + " "));
      const allowed = [...(/CHECK \(\w+ IN \(([^)]*)\)\)/.exec(definition ?? "")?.[1] ?? "").matchAll(/'([^']+)'/g)].map((m) => m[1]);
      expect(allowed, key).toEqual(values);
    }
  });

  it("the enums of the canonical model are the contract's", () => {
    expect(contract.enums.get("forms.kind")).toEqual([...FORM_KINDS]);
    expect(contract.enums.get("funding.source_kind")).toEqual([...SOURCE_KINDS]);
    expect(contract.enums.get("findings.severity")).toEqual([...SEVERITIES]);
    expect(contract.enums.get("indicators.comparator")).toEqual(Comparator.options);
    expect(contract.enums.get("forms.fiscal_year_source")).toEqual([...FISCAL_YEAR_SOURCES]);
  });

  it("indexes the contract's look-up columns and every foreign key", () => {
    const leadingColumns = (table: string) =>
      (db.pragma(`index_list(${table})`) as { name: string }[]).map(
        (ix) => (db.pragma(`index_info(${ix.name})`) as { seqno: number; name: string }[]).find((c) => c.seqno === 0)?.name,
      );
    expect(contract.indexed).toEqual(["forms.fiscal_year", "forms.agency", "forms.project_name", "findings.rule"]);
    for (const key of contract.indexed) {
      const [table, column] = key.split(".") as [string, string];
      expect(leadingColumns(table), key).toContain(column);
    }
    let foreignKeys = 0;
    for (const table of objects(db, "table")) {
      for (const fk of db.pragma(`foreign_key_list(${table})`) as { from: string; table: string; on_delete: string }[]) {
        foreignKeys++;
        expect(leadingColumns(table), `${table}.${fk.from} → ${fk.table}`).toContain(fk.from);
        // Deleting a document must take everything of it along; forms only point at their
        // project (derived from the forms), which must never delete a form.
        const onDelete = `${table}.${fk.from}` === "forms.project_id" ? "SET NULL" : "CASCADE";
        expect(fk.on_delete, `${table}.${fk.from}`).toBe(onDelete);
      }
    }
    expect(foreignKeys).toBe(12);
    for (const [key, target] of contract.foreignKeys) {
      const [table, column] = key.split(".") as [string, string];
      const fk = (db.pragma(`foreign_key_list(${table})`) as { from: string; table: string; on_delete: string }[]).find(
        (f) => f.from === column,
      );
      expect(fk?.table, key).toBe(target.table);
      if (target.cascade) expect(fk?.on_delete).toBe("CASCADE");
    }
  });

  it("sets up full-text search the way sqlite-utils does, so Datasette detects it", () => {
    for (const [table, fts] of [["indicators", "indicators_fts"], ["goals", "goals_fts"], ["form_facts", "form_facts_fts"]] as const) {
      // Datasette's detect_fts_sql (datasette/utils/__init__.py).
      const detected = db
        .prepare(
          `SELECT name FROM sqlite_master WHERE rootpage = 0 AND (
             sql LIKE '%VIRTUAL TABLE%USING FTS%content="${table}"%'
             OR sql LIKE '%VIRTUAL TABLE%USING FTS%content=[${table}]%'
             OR (tbl_name = '${table}' AND sql LIKE '%VIRTUAL TABLE%USING FTS%'))`,
        )
        .all();
      expect(detected).toEqual([{ name: fts }]);
      expect(objects(db, "trigger")).toEqual(expect.arrayContaining([`${table}_ai`, `${table}_ad`, `${table}_au`]));
    }
    expect(columnsOf(db, "indicators_fts")).toEqual(expect.arrayContaining(["name", "reason", "target_text", "actual_text"]));
    expect(columnsOf(db, "goals_fts")).toEqual(expect.arrayContaining(["expected", "actual"]));
    expect(columnsOf(db, "form_facts_fts")).toEqual(expect.arrayContaining(["label", "value"]));
  });

  it("configures connections: WAL, foreign keys, NORMAL sync, the busy timeout asked for", () => {
    const other = openStore(store.file, { busyTimeoutMs: 1234 });
    expect(other.db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(other.db.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(other.db.pragma("synchronous", { simple: true })).toBe(1);
    expect(other.db.pragma("busy_timeout", { simple: true })).toBe(1234);
    other.close();
  });
});
