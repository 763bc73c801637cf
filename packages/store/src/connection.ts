/** Opening a SQLite connection with the settings every jixiao connection uses. */
import Database from "better-sqlite3";
import { existsSync } from "node:fs";
import { StoreError } from "./errors.ts";

/** How long a connection waits for another process's write lock before failing with SQLITE_BUSY. */
export const DEFAULT_BUSY_TIMEOUT_MS = 5_000;

export interface OpenOptions {
  /** Open for reading only: no migrations, no writes; the file must exist. */
  readonly?: boolean;
  busyTimeoutMs?: number;
  /**
   * The connection's page cache in MB (SQLite's cache_size). Without it, better-sqlite3's build
   * default: 16 MB, held in the process's malloc heap once filled.
   */
  cacheMb?: number;
}

export function openConnection(file: string, options: OpenOptions = {}): Database.Database {
  const readonly = options.readonly ?? false;
  if (readonly && file !== ":memory:" && !existsSync(file)) {
    throw new StoreError(`${file}: expected an existing jixiao database to open read-only, found no such file`);
  }
  let db: Database.Database;
  try {
    db = new Database(file, { readonly, fileMustExist: readonly });
  } catch (e) {
    throw new StoreError(`${file}: could not open as a SQLite database: ${(e as Error).message}`);
  }
  try {
    const busyTimeoutMs = Math.max(0, Math.trunc(options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS));
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    // WAL: readers see the last committed state while a writer works, and never block it.
    // The mode is stored in the file, so a read-only connection inherits it.
    if (!readonly) untilNotBusy(() => db.pragma("journal_mode = WAL"), busyTimeoutMs);
    // NORMAL is durable at checkpoints and safe against corruption in WAL mode; FULL would fsync every commit.
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    // Negative: a size in KiB rather than a number of pages.
    if (options.cacheMb !== undefined) db.pragma(`cache_size = -${Math.max(1, Math.round(options.cacheMb * 1024))}`);
  } catch (e) {
    db.close();
    throw new StoreError(`${file}: could not configure the SQLite connection: ${(e as Error).message}`);
  }
  return db;
}

/** Pause between two tries of a statement that SQLite refused as busy without waiting. */
const BUSY_RETRY_MS = 25;

/**
 * Runs `step` again while SQLite answers "database is locked", up to `timeoutMs`. Switching a
 * new file to WAL takes a lock that SQLite does not wait for with the busy handler: four processes
 * opening one new database at the same moment saw it fail at once in one of them.
 */
function untilNotBusy<T>(step: () => T, timeoutMs: number): T {
  const deadline = Date.now() + timeoutMs;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      return step();
    } catch (e) {
      const busy = (e as { code?: string }).code?.startsWith("SQLITE_BUSY") || /database is locked/.test((e as Error).message);
      if (!busy || Date.now() >= deadline) throw e;
      Atomics.wait(pause, 0, 0, BUSY_RETRY_MS);
    }
  }
}
