/** One writer per database: a second run waits or is refused naming the holder; stale locks are taken over. */
import { describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { hostname } from "node:os";
import Database from "better-sqlite3";
import { openStore } from "@jixiao/store";
import { ingest } from "../src/ingest.ts";
import { acquireLock, LockBusyError, lockFileOf } from "../src/lock.ts";
import { FIXTURES, query, startCli, tempDir, textArchive } from "./bulk-helpers.ts";

const quiet = { out: () => {} };

describe("one writer at a time", () => {
  it("a second run started while one is running exits naming the holder; one that waits runs after it", async () => {
    const dir = tempDir();
    const db = join(dir, "lock.sqlite");
    textArchive(join(dir, "a"), 2);
    const first = ingest([join(dir, "a")], { db, ...quiet });
    const refused = await ingest([join(dir, "a")], { db, ...quiet }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(LockBusyError);
    expect((refused as Error).message).toContain(`pid ${process.pid} on ${hostname()}, started 20`);
    const waiting = ingest([join(dir, "a")], { db, lockWaitMs: 60_000, ...quiet });
    const [a, b] = await Promise.all([first, waiting]);
    expect(a).toMatchObject({ filesNew: 8, status: "ok" });
    expect(b).toMatchObject({ filesUnchanged: 8, filesParsed: 0 });
    const runs = query<{ status: string; files_new: number }>(db, "select status, files_new from ingest_runs order by id");
    expect(runs).toEqual([{ status: "ok", files_new: 8 }, { status: "ok", files_new: 0 }]);
  }, 60_000);

  it("a lock left by a dead process is taken over, and its run is closed as interrupted", async () => {
    const dir = tempDir();
    const db = join(dir, "stale.sqlite");
    openStore(db).close();
    const w = new Database(db);
    // What kill -9 leaves: a run still 'running', and its lock file.
    w.prepare("insert into ingest_runs (started_at, pipeline_version) values ('2026-01-01T00:00:00Z', 'x')").run();
    w.close();
    // A pid far above pid_max: no such process.
    writeFileSync(lockFileOf(db), JSON.stringify({ pid: 2 ** 30, host: hostname(), startedAt: "2026-01-01T00:00:00Z" }));
    const lock = await acquireLock(db);
    expect(lock.tookOverStale).toBe(true);
    lock.release();
    writeFileSync(lockFileOf(db), JSON.stringify({ pid: 2 ** 30, host: hostname(), startedAt: "2026-01-01T00:00:00Z" }));
    const s = await ingest([join(FIXTURES, "text/hengyang-2023-targets.xlsx.txt")], { db, ...quiet });
    expect(s.status).toBe("ok");
    const runs = query<{ status: string; error: string | null }>(db, "select status, error from ingest_runs order by id");
    expect(runs.map((r) => r.status)).toEqual(["interrupted", "ok"]);
    expect(runs[0]!.error).toMatch(/killed/);
  });

  it("a lock held by a live process on another host is not taken over", async () => {
    const dir = tempDir();
    const db = join(dir, "remote.sqlite");
    writeFileSync(lockFileOf(db), JSON.stringify({ pid: 1, host: "nas-7", startedAt: "2026-01-01T02:00:00Z" }));
    const e = await acquireLock(db, 300).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(LockBusyError);
    expect((e as Error).message).toMatch(/pid 1 on nas-7, started 2026-01-01T02:00:00Z\) after waiting 0 s/);
  });

  it("the command exits 2 naming the holder when another run holds the database", async () => {
    const dir = tempDir();
    const db = join(dir, "held.sqlite");
    const lock = await acquireLock(db);
    try {
      const cli = startCli("ingest", join(FIXTURES, "text"), "--db", db);
      expect(await cli.exit).toEqual({ code: 2, signal: null });
      expect(cli.stderr()).toContain(`holding ${db}.lock (pid ${process.pid} on ${hostname()}, started 20`);
    } finally {
      lock.release();
    }
  });

  it("the command exits 2 when the database's folder cannot hold the lock", async () => {
    const db = join(tempDir(), "no-such-folder", "x.sqlite");
    const cli = startCli("ingest", join(FIXTURES, "text"), "--db", db);
    expect(await cli.exit).toEqual({ code: 2, signal: null });
    expect(cli.stderr()).toContain(`expected to create the lock file ${db}.lock next to the database, found ENOENT`);
  });
});
