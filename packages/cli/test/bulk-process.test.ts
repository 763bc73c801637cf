/**
 * The ingest command as a process: SIGINT mid-run then a re-run, kill -9 mid-run
 * then an integrity check and a re-run, and an analyst's queries during a load.
 */
import { describe, expect, it } from "vitest";
import { copyFileSync, existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { spawn } from "node:child_process";
import { openStore } from "@jixiao/store";
import { ingest } from "../src/ingest.ts";
import { lockFileOf } from "../src/lock.ts";
import { FIXTURES, ROOT, formsPerFile, query, startCli, tempDir, textArchive } from "./bulk-helpers.ts";

const quiet = { out: () => {} };

/** Every stored document has exactly the forms its source holds: none is half-stored. */
function expectWholeDocuments(db: string, expected: Map<string, number>): Map<string, number> {
  const stored = formsPerFile(db);
  for (const [file, forms] of stored) expect([file, forms]).toEqual([file, expected.get(file)]);
  return stored;
}

/** The CLI loading 24 seed-text copies, once it has stored `files` of them. */
async function cliMidRun(files: number) {
  const dir = tempDir();
  const db = join(dir, "run.sqlite");
  const archive = join(dir, "archive");
  const expected = textArchive(archive, 6);
  const cli = startCli("ingest", archive, "--db", db);
  await cli.fileLines(files);
  return { db, archive, expected, cli };
}

describe("interrupting a run", () => {
  it("SIGINT stops taking files, records the run as interrupted, exits 130; the next run resumes", async () => {
    const { db, archive, expected, cli } = await cliMidRun(3);
    cli.child.kill("SIGINT");
    expect(await cli.exit).toEqual({ code: 130, signal: null });
    expect(cli.stderr()).toMatch(/interrupted \(interrupted by SIGINT\): the next run resumes/);
    const runs = query<{ status: string; files_new: number; error: string }>(db, "select status, files_new, error from ingest_runs");
    expect(runs).toHaveLength(1);
    expect(runs[0]!.status).toBe("interrupted");
    const stored = expectWholeDocuments(db, expected);
    expect(stored.size).toBe(runs[0]!.files_new);
    expect(stored.size).toBeGreaterThanOrEqual(3);
    expect(stored.size).toBeLessThan(expected.size);
    expect(existsSync(lockFileOf(db))).toBe(false);

    const resumed = await ingest([archive], { db, ...quiet });
    expect(resumed).toMatchObject({ status: "ok", filesNew: expected.size - stored.size, filesUnchanged: stored.size, filesParsed: expected.size - stored.size });
    expect(formsPerFile(db)).toEqual(expected);
  }, 60_000);

  it("kill -9 mid-run leaves a sound database with no half-stored document; the next run finishes the work", async () => {
    const { db, archive, expected, cli } = await cliMidRun(4);
    cli.child.kill("SIGKILL");
    expect(await cli.exit).toEqual({ code: null, signal: "SIGKILL" });
    expect(query(db, "pragma integrity_check")).toEqual([{ integrity_check: "ok" }]);
    expect(query(db, "pragma foreign_key_check")).toEqual([]);
    const stored = expectWholeDocuments(db, expected);
    expect(stored.size).toBeLessThan(expected.size);
    expect(query(db, "select status from ingest_runs")).toEqual([{ status: "running" }]);
    expect(existsSync(lockFileOf(db))).toBe(true);

    const resumed = await ingest([archive], { db, ...quiet });
    expect(resumed).toMatchObject({ status: "ok", filesNew: expected.size - stored.size, filesFailed: 0 });
    expect(formsPerFile(db)).toEqual(expected);
    expect(query(db, "select status from ingest_runs order by id")).toEqual([{ status: "interrupted" }, { status: "ok" }]);
  }, 60_000);
});

describe("an analyst querying during a load", () => {
  it("never sees an error or a half-stored document", async () => {
    const dir = tempDir();
    const db = join(dir, "live.sqlite");
    const archive = join(dir, "archive");
    textArchive(archive, 4);
    copyFileSync(join(FIXTURES, "xlsx/qiannan-2023-project-selfeval.xlsx"), join(archive, "qiannan.xlsx"));
    copyFileSync(join(FIXTURES, "docx/gaoyi-2021-department-selfeval-report.docx"), join(archive, "gaoyi.docx"));
    openStore(db).close();
    const stopFile = join(dir, "stop");
    const reader = spawn(process.execPath, [join(ROOT, "packages/cli/test/workers/db-reader.cjs"), db, stopFile], { cwd: join(ROOT, "packages/cli") });
    let out = "";
    reader.stdout.on("data", (d: Buffer) => (out += d.toString()));
    const done = new Promise<void>((resolve) => reader.on("exit", () => resolve()));
    await new Promise<void>((resolve) => reader.stdout.once("data", () => resolve()));

    const s = await ingest([archive], { db, ...quiet });
    writeFileSync(stopFile, "");
    await done;
    expect(s).toMatchObject({ filesNew: 18, filesFailed: 0 });
    const seen = JSON.parse(out.split("\n")[1]!) as { polls: number; errors: string[]; states: string[]; documentCounts: number[] };
    expect(seen.errors).toEqual([]);
    // The reader ran alongside the load: it saw the database grow.
    expect(seen.polls).toBeGreaterThan(10);
    expect(new Set(seen.documentCounts).size).toBeGreaterThan(3);
    // Every state of a document it saw is the document's final state.
    const final = new Set(
      query<Record<string, unknown>>(db, `
        select d.sha256 || ':' || d.status || ':' ||
          (select count(*) from forms f where f.document_id = d.id) || ':' ||
          (select count(*) from indicators i join forms f on f.id = i.form_id where f.document_id = d.id) || ':' ||
          (select count(*) from funding u join forms f on f.id = u.form_id where f.document_id = d.id) || ':' ||
          (select count(*) from findings x join forms f on f.id = x.form_id where f.document_id = d.id) k
        from documents d`).map((r) => r.k as string),
    );
    expect(final.size).toBe(18);
    for (const state of seen.states) expect(final.has(state), state).toBe(true);
  }, 60_000);
});
