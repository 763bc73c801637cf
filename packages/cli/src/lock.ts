/**
 * One writer per database: `<db>.lock` holds the pid, host and start time of
 * the run writing it. The file is created atomically with its content (write a
 * private temp file, then link(2), which fails if the lock exists), so a reader
 * of the lock never sees it empty. A lock left by a dead process on this host
 * (kill -9, power loss) is taken over; one from another host is reported, since
 * we cannot tell whether that run is alive.
 */
import { linkSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";

export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
}

/** Another run holds the database: the run cannot start (exit code 2). */
export class LockBusyError extends Error {
  constructor(
    readonly lockFile: string,
    readonly holder: LockHolder | null,
    waitedMs: number,
  ) {
    const who = holder ? `pid ${holder.pid} on ${holder.host}, started ${holder.startedAt}` : "an unreadable lock file";
    super(
      `expected no other ingest run writing this database, found one holding ${lockFile} (${who})` +
        (waitedMs > 0 ? ` after waiting ${Math.round(waitedMs / 1000)} s` : "") +
        `; if that run is gone, delete the lock file`,
    );
    this.name = "LockBusyError";
  }
}

/** How often a waiting run looks at the lock again. */
const LOCK_POLL_MS = 200;

export interface DatabaseLock {
  readonly file: string;
  /** The lock was left by a dead process and taken over (its run never finished). */
  readonly tookOverStale: boolean;
  release(): void;
}

export function lockFileOf(db: string): string {
  return `${db}.lock`;
}

/**
 * Takes the lock, waiting up to `waitMs` for a live holder to finish. The first
 * attempt is synchronous, so of two runs started back to back the first holds it.
 */
export async function acquireLock(db: string, waitMs = 0): Promise<DatabaseLock> {
  const file = lockFileOf(db);
  const me: LockHolder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  const started = Date.now();
  let tookOverStale = false;
  for (;;) {
    if (tryCreate(file, me)) return held(file, me, tookOverStale);
    const holder = readHolder(file);
    if (holder && isDeadHere(holder)) {
      // Remove it only if it is still that dead holder's lock (another waiter may have replaced it).
      if (sameHolder(readHolder(file), holder)) {
        try {
          unlinkSync(file);
          tookOverStale = true;
        } catch {
          /* someone else removed it first */
        }
      }
      continue;
    }
    const waited = Date.now() - started;
    if (waited >= waitMs) throw new LockBusyError(file, holder, waited);
    await sleep(Math.min(LOCK_POLL_MS, waitMs - waited));
  }
}

function held(file: string, me: LockHolder, tookOverStale: boolean): DatabaseLock {
  let released = false;
  return {
    file,
    tookOverStale,
    release() {
      if (released) return;
      released = true;
      if (sameHolder(readHolder(file), me)) {
        try {
          unlinkSync(file);
        } catch {
          /* already gone */
        }
      }
    },
  };
}

function tryCreate(file: string, me: LockHolder): boolean {
  const temp = `${file}.${me.pid}.${Math.random().toString(36).slice(2)}`;
  try {
    writeFileSync(temp, `${JSON.stringify(me)}\n`);
  } catch (e) {
    throw new Error(`expected to create the lock file ${file} next to the database, found ${(e as NodeJS.ErrnoException).code ?? String(e)} (does the folder exist, and is it writable?)`);
  }
  try {
    linkSync(temp, file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw e;
  } finally {
    unlinkSync(temp);
  }
}

export function readHolder(file: string): LockHolder | null {
  try {
    const h = JSON.parse(readFileSync(file, "utf8")) as LockHolder;
    return typeof h.pid === "number" && typeof h.host === "string" ? h : null;
  } catch {
    return null;
  }
}

function isDeadHere(h: LockHolder): boolean {
  if (h.host !== hostname()) return false;
  try {
    process.kill(h.pid, 0);
    return false;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === "ESRCH";
  }
}

function sameHolder(a: LockHolder | null, b: LockHolder): boolean {
  return a !== null && a.pid === b.pid && a.host === b.host && a.startedAt === b.startedAt;
}
