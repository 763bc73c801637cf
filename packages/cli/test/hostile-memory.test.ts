/**
 * Issue 14, items 1, 6 and 8: inputs that exhaust or outgrow a worker, and
 * damaged zip data. Each is made at test time by
 * scripts/fixtures/make-hostile-inputs.py (some are tens of MB) and read by the
 * command as installed, beside a good file that must be stored. The run ends
 * with exit 1, every file has a row with a true one-line reason, and the run is
 * recorded as finished; a second run does not die on the same files.
 */
import { describe, expect, it, beforeAll } from "vitest";
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { execFileSync, spawnSync } from "node:child_process";
import { FIXTURES, ROOT, query, tempDir } from "./bulk-helpers.ts";

const CLI = join(ROOT, "packages/cli/bin/jixiao.js");
const MAKE = join(ROOT, "scripts/fixtures/make-hostile-inputs.py");

function make(dir: string, ...names: string[]): void {
  mkdirSync(dir, { recursive: true });
  execFileSync("python3", [MAKE, dir, ...names]);
}

function ingest(dir: string, db: string, ...flags: string[]) {
  return spawnSync(process.execPath, [CLI, "ingest", dir, "--db", db, ...flags], { cwd: ROOT, encoding: "utf8", timeout: 240_000 });
}

type Row = { path: string; status: string; error: string | null };
const rows = (db: string) => new Map(query<Row>(db, "select path, status, error from documents").map((r) => [r.path.split("/").pop()!, r]));
const runs = (db: string) => query<{ status: string; finished_at: string | null }>(db, "select status, finished_at from ingest_runs order by id");

function expectFinishedRuns(db: string, n: number): void {
  const r = runs(db);
  expect(r).toHaveLength(n);
  for (const run of r) {
    expect(run.status).toBe("ok");
    expect(run.finished_at).not.toBeNull();
  }
}

describe("a text file whose one line exhausts a worker's heap in one allocation (item 1)", () => {
  const dir = tempDir();
  const inbox = join(dir, "inbox");
  const small = join(dir, "small");
  beforeAll(() => {
    make(inbox, "poison-line.txt");
    copyFileSync(join(FIXTURES, "text/hengyang-2023-targets.xlsx.txt"), join(inbox, "hengyang.txt"));
    make(small, "poison-line-8m.txt");
    copyFileSync(join(FIXTURES, "text/hengyang-2023-targets.xlsx.txt"), join(small, "hengyang.txt"));
  });

  it("is recorded as failed when V8 aborts its worker at the heap ceiling; the run finishes, twice", () => {
    // An 8 MB line and a small heap: V8 reaches the heap ceiling (FATAL ERROR: Reached heap limit,
    // SIGABRT) before the run's memory limit is near. In a worker thread this took the whole run down.
    const db = join(dir, "heap.sqlite");
    for (let run = 1; run <= 2; run++) {
      const r = ingest(small, db, "--worker-memory", "64");
      expect(r.status, r.stderr).toBe(1);
      const got = rows(db);
      expect(got.get("hengyang.txt")).toMatchObject({ status: "ok", error: null });
      expect(got.get("poison-line-8m.txt")!.status).toBe("failed");
      expect(got.get("poison-line-8m.txt")!.error).toMatch(/^too large: expected the file to be read within the worker's 64 MB heap, found it exhausted \(V8: .*heap.*\); its worker was replaced$/);
      expectFinishedRuns(db, run);
    }
  }, 300_000);

  it("is recorded as failed at the default heap, stopped by the run's memory limit", () => {
    const db = join(dir, "default.sqlite");
    const r = ingest(inbox, db);
    expect(r.status, r.stderr).toBe(1);
    const got = rows(db);
    expect(got.get("hengyang.txt")).toMatchObject({ status: "ok", error: null });
    // Whichever ceiling it meets first, the reason says which, on one line.
    expect(got.get("poison-line.txt")!.error).toMatch(/^too large: expected the file to be read within (the run's 400 MB of memory, found its worker at \d+ MB|the worker's 256 MB heap, found it exhausted)[^\n]*$/);
    expectFinishedRuns(db, 1);
    expect(r.stderr).toContain("1 failed");
  }, 300_000);
});

describe("workbooks that declare more than they may expand to, and damaged zip data (items 6, 8)", () => {
  const dir = tempDir();
  const inbox = join(dir, "inbox");
  const db = join(dir, "sheets.sqlite");
  let status: number | null;
  beforeAll(() => {
    make(inbox, "huge-sst.xlsx", "sst-count.xlsx", "sst-lying.xlsx", "big-parts.xlsx", "corrupt-deflate.xlsx");
    copyFileSync(join(FIXTURES, "xlsx/hengyang-2023-targets.xlsx"), join(inbox, "hengyang.xlsx"));
    const r = ingest(inbox, db);
    status = r.status;
  }, 300_000);

  it("stores the good workbook and finishes the run with exit 1", () => {
    expect(status).toBe(1);
    expect(rows(db).get("hengyang.xlsx")).toMatchObject({ status: "ok", error: null });
    expectFinishedRuns(db, 1);
  });

  it("refuses a 32 MB workbook of 3 million shared strings by its declared count, before parsing it", () => {
    expect(rows(db).get("huge-sst.xlsx")).toEqual(expect.objectContaining({
      status: "failed",
      error: "too large: expected at most 500,000 shared strings in a workbook (one per filled cell), found xl/sharedStrings.xml declaring 3,000,003 distinct strings",
    }));
    expect(rows(db).get("sst-count.xlsx")!.error).toBe("too large: expected at most 500,000 shared strings in a workbook (one per filled cell), found xl/sharedStrings.xml declaring 600,003 distinct strings");
    expect(rows(db).get("sst-lying.xlsx")!.error).toBe("too large: expected at most 500,000 shared strings in a workbook (one per filled cell), found xl/sharedStrings.xml declaring 50,000,000 distinct strings");
  });

  it("refuses a workbook whose parts inflate past the bound, whatever its counts claim", () => {
    expect(rows(db).get("big-parts.xlsx")).toEqual(expect.objectContaining({
      status: "failed",
      error: expect.stringMatching(/^too large: expected the parts of a workbook to inflate to at most 24\.0 MB, found 30\.\d MB declared, xl\/sharedStrings\.xml 30\.\d MB of it$/),
    }));
  });

  it("calls damaged deflate data damaged, not a zip bomb", () => {
    const row = rows(db).get("corrupt-deflate.xlsx")!;
    expect(row.status).toBe("failed");
    expect(row.error).toMatch(/^corrupt: .*xl\/worksheets\/sheet1\.xml.*damaged/);
    expect(row.error).not.toMatch(/bomb|\n/);
  });
});
