/**
 * `jixiao ingest` end to end on the seed fixtures: idempotent re-runs, changed
 * and moved files, and bad input that fails alone.
 */
import { describe, expect, it, beforeAll } from "vitest";
import { mkdtempSync, copyFileSync, writeFileSync, readFileSync, renameSync, mkdirSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { execFileSync, spawnSync } from "node:child_process";
import Database from "better-sqlite3";
import { ingest } from "../src/ingest.ts";
import type { FileEvent } from "../src/progress.ts";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const TEXT = join(ROOT, "fixtures/text");
const quiet = { out: () => {} };

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "jixiao-cli-"));
}

function counts(db: string) {
  const d = new Database(db, { readonly: true });
  const one = (sql: string) => (d.prepare(sql).pluck().get() as number);
  const r = {
    documents: one("select count(*) from documents"),
    forms: one("select count(*) from forms"),
    indicators: one("select count(*) from indicators"),
    funding: one("select count(*) from funding"),
    runs: one("select count(*) from ingest_runs"),
  };
  d.close();
  return r;
}

describe("ingest of the four seed documents", () => {
  const dir = tempDir();
  const db = join(dir, "seeds.sqlite");
  let first: Awaited<ReturnType<typeof ingest>>;
  beforeAll(async () => {
    first = await ingest([TEXT], { db, ...quiet });
  });

  it("stores every form of every document", () => {
    expect(first).toMatchObject({ filesSeen: 4, filesNew: 4, filesFailed: 0, forms: 16 + 20 + 6 + 1 });
    const c = counts(db);
    expect(c).toMatchObject({ documents: 4, forms: 43 });
    const d = new Database(db, { readonly: true });
    const kinds = d.prepare("select kind, count(*) n from forms group by kind order by kind").all();
    expect(kinds).toEqual([
      { kind: "department_self_eval", n: 1 }, { kind: "department_targets", n: 1 }, { kind: "project_list", n: 19 },
      { kind: "project_self_eval", n: 17 }, { kind: "project_targets", n: 5 },
    ]);
    const xz = d.prepare("select f.total_score, u.budget_yuan, u.executed_yuan from forms f join funding u on u.form_id = f.id and u.source_kind = 'total' where f.project_name = '医药招采与基金监管工作经费'").get();
    expect(xz).toEqual({ total_score: 95.23, budget_yuan: 86500, executed_yuan: 62502.5 });
    const first17 = d.prepare("select count(*) from indicators i join forms f on f.id = i.form_id where f.project_name = '医疗服务与保障能力提升补助资金'").pluck().get();
    expect(first17).toBe(17);
    d.close();
  });

  it("adds nothing when the same files are ingested again, and records the run", async () => {
    const before = counts(db);
    const again = await ingest([TEXT], { db, ...quiet });
    expect(again).toMatchObject({ filesSeen: 4, filesNew: 0, filesChanged: 0, filesUnchanged: 4, forms: 0 });
    const after = counts(db);
    expect(after).toMatchObject({ ...before, runs: before.runs + 1 });
  });

  it("--force re-reads identical files and stores the same rows once", async () => {
    const before = counts(db);
    const forced = await ingest([TEXT], { db, force: true, ...quiet });
    expect(forced.forms).toBe(43);
    expect(counts(db)).toMatchObject({ documents: 4, forms: before.forms, indicators: before.indicators });
  });
});

describe("a file that changes, moves, or is copied", () => {
  it("replaces the rows of a changed file and keeps one document for it", async () => {
    const dir = tempDir();
    const db = join(dir, "x.sqlite");
    const file = join(dir, "xinzhou.txt");
    copyFileSync(join(TEXT, "xinzhou-2022-selfeval-report-annex1.pdf.txt"), file);
    await ingest([file], { db, ...quiet });
    // The total is corrected from 95.23 to 96.23 in a new version of the file.
    writeFileSync(file, readFileSync(file, "utf8").replace("95.23\t优", "96.23\t优"));
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const s = await ingest([file], { db, ...quiet });
    expect(s).toMatchObject({ filesChanged: 1, filesNew: 0 });
    const d = new Database(db, { readonly: true });
    expect(d.prepare("select count(*) from documents").pluck().get()).toBe(1);
    expect(d.prepare("select total_score from forms").pluck().all()).toEqual([96.23]);
    d.close();
  });

  it("updates the path of a moved file without re-storing its rows", async () => {
    const dir = tempDir();
    const db = join(dir, "m.sqlite");
    const a = join(dir, "a.txt");
    copyFileSync(join(TEXT, "hengyang-2023-targets.xlsx.txt"), a);
    await ingest([a], { db, ...quiet });
    mkdirSync(join(dir, "archive"));
    const b = join(dir, "archive", "b.txt");
    renameSync(a, b);
    const s = await ingest([dir], { db, ...quiet });
    expect(s).toMatchObject({ filesUnchanged: 1, filesNew: 0, forms: 0 });
    const d = new Database(db, { readonly: true });
    expect(d.prepare("select path from documents").pluck().all()).toEqual([b]);
    expect(d.prepare("select count(*) from forms").pluck().get()).toBe(6);
    d.close();
  });
});

describe("two copies of one file", () => {
  it("keeps one stored path across runs and reports the other file as a copy, not a move", async () => {
    const dir = tempDir();
    const db = join(dir, "dup.sqlite");
    for (const sub of ["a", "b"]) {
      mkdirSync(join(dir, sub));
      copyFileSync(join(TEXT, "xinzhou-2022-selfeval-report-annex1.pdf.txt"), join(dir, sub, "x.txt"));
    }
    const events: FileEvent[] = [];
    const progress = { start() {}, end() {}, file: (e: FileEvent) => events.push(e) };
    const first = await ingest([dir], { db, progress });
    const stored = () => {
      const d = new Database(db, { readonly: true });
      const paths = d.prepare("select path from documents").pluck().all();
      d.close();
      return paths;
    };
    const kept = stored();
    expect(kept).toHaveLength(1);
    expect(first).toMatchObject({ filesNew: 1, filesUnchanged: 1, filesMoved: 0, forms: 1 });
    for (let run = 0; run < 2; run++) {
      events.length = 0;
      const again = await ingest([dir], { db, progress });
      expect(again).toMatchObject({ filesUnchanged: 2, filesMoved: 0, filesParsed: 0 });
      expect(stored()).toEqual(kept);
      const copy = events.find((e) => e.path !== kept[0]);
      expect(copy).toMatchObject({ outcome: "unchanged", duplicateOf: kept[0] });
    }
  });
});

describe("bad input fails alone, with one clear line", () => {
  it("records empty, binary and missing files as failed and stores every good file", async () => {
    const dir = tempDir();
    const db = join(dir, "bad.sqlite");
    const inbox = join(dir, "inbox");
    mkdirSync(inbox);
    writeFileSync(join(inbox, "empty.txt"), "");
    writeFileSync(join(inbox, "image.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89, 0, 0, 0, 0, 0, 0]));
    copyFileSync(join(TEXT, "qiannan-2023-project-selfeval.pdf.txt"), join(inbox, "qiannan.txt"));
    const lines: string[] = [];
    const s = await ingest([inbox, join(dir, "does-not-exist.pdf")], { db, out: (l) => lines.push(l) });
    expect(s.filesFailed).toBe(3);
    expect(s.filesNew).toBe(1);
    expect(s.forms).toBe(16);
    const d = new Database(db, { readonly: true });
    const failed = d.prepare("select path, status, error from documents where status = 'failed' order by path").all() as { path: string; error: string }[];
    expect(failed.map((f) => f.path.split("/").pop())).toEqual(["does-not-exist.pdf", "empty.txt", "image.txt"]);
    for (const f of failed) expect(f.error).toMatch(/^[^\n]{10,}$/);
    expect(failed[0]!.error).toMatch(/not found/);
    expect(failed[1]!.error).toMatch(/empty/);
    expect(failed[2]!.error).toMatch(/not text/);
    expect(d.prepare("select count(*) from forms").pluck().get()).toBe(16);
    d.close();
    expect(lines.filter((l) => l.startsWith("FAILED"))).toHaveLength(3);
  });

  it("the command exits 1 when some files failed, 0 when all were stored, 2 on bad arguments", () => {
    const dir = tempDir();
    const db = join(dir, "exit.sqlite");
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [join(ROOT, "packages/cli/bin/jixiao.js"), ...args], { cwd: ROOT, encoding: "utf8" }); // the command as installed
    const ok = run("ingest", join(TEXT, "xinzhou-2022-selfeval-report-annex1.pdf.txt"), "--db", db);
    expect(ok.status).toBe(0);
    expect(ok.stderr).toMatch(/1 files: 1 new/);
    const bad = run("ingest", join(dir, "missing.txt"), join(TEXT, "hengyang-2023-targets.xlsx.txt"), "--db", db);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/missing\.txt: not found/);
    expect(run("ingest", join(TEXT)).status).toBe(2);
  });
});

describe("inspect", () => {
  it("prints the grids and the forms it built, and JSON for machines", () => {
    const file = join(TEXT, "xinzhou-2022-selfeval-report-annex1.pdf.txt");
    const out = execFileSync(process.execPath, ["--import", "tsx", join(ROOT, "packages/cli/src/main.ts"), "inspect", file], { cwd: ROOT, encoding: "utf8" });
    expect(out).toContain("== form 1: project_self_eval");
    expect(out).toContain("│资金总额:│8.65│");
    const json = JSON.parse(execFileSync(process.execPath, ["--import", "tsx", join(ROOT, "packages/cli/src/main.ts"), "inspect", file, "--json"], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20 }));
    expect(json.normalized.forms[0].projectName).toBe("医药招采与基金监管工作经费");
    expect(json.extracted.format).toBe("txt");
  });
});
