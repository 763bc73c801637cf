/**
 * Schema versioning with PRAGMA user_version: the database records the last
 * migration step applied; opening it applies the steps after that one, each in
 * its own transaction together with the version bump, so a crash mid-way
 * leaves the database at the last complete step.
 */
import type Database from "better-sqlite3";
import { StoreError } from "./errors.ts";
import { MIGRATIONS, type Migration } from "./migrations/index.ts";

export function schemaVersion(db: Database.Database): number {
  return db.pragma("user_version", { simple: true }) as number;
}

/** Steps must be numbered 1, 2, 3 … in order, or user_version means nothing. */
function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new StoreError(
        `migration list out of order: expected version ${i + 1} at position ${i + 1}, found ${m.version} ('${m.name}')`,
      );
    }
  });
}

/** Refuse a database written by newer code: its schema may mean things this code does not know. */
export function assertNotNewer(db: Database.Database, known: number, file: string): number {
  const version = schemaVersion(db);
  if (version > known) {
    throw new StoreError(
      `${file}: database schema version is ${version}, but this jixiao knows versions up to ${known}; ` +
        `upgrade jixiao to open it (it was written by a newer version)`,
    );
  }
  return version;
}

/**
 * Brings the database to the last step of `migrations`. Returns the versions
 * applied. Each step runs under BEGIN IMMEDIATE so two processes opening the
 * same new file do not both migrate it: the second waits (busy_timeout), then
 * sees the bumped version and skips the step.
 */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
  file = db.name,
): number[] {
  assertOrdered(migrations);
  const target = migrations.length;
  assertNotNewer(db, target, file);
  const applied: number[] = [];
  for (const step of migrations) {
    const run = db.transaction(() => {
      const current = assertNotNewer(db, target, file);
      if (current >= step.version) return;
      step.up(db);
      if (step.foreignKeysOff) assertForeignKeysHold(db, step, file);
      // user_version is part of the database header, so it commits or rolls back with the step.
      db.pragma(`user_version = ${step.version}`);
      applied.push(step.version);
    });
    if (schemaVersion(db) < step.version) {
      if (step.foreignKeysOff) withForeignKeysOff(db, step, file, () => run.immediate());
      else run.immediate();
    }
  }
  return applied;
}

/** Runs fn with foreign_keys OFF on this connection, restoring the setting after. */
function withForeignKeysOff(db: Database.Database, step: Migration, file: string, fn: () => void): void {
  const wasOn = db.pragma("foreign_keys", { simple: true }) === 1;
  db.pragma("foreign_keys = OFF");
  try {
    // Inside an open transaction the pragma does nothing, and the step's DROP TABLE would cascade.
    if (db.pragma("foreign_keys", { simple: true }) !== 0) {
      throw new StoreError(
        `${file}: migration ${step.version} ('${step.name}') rebuilds tables and needs foreign keys off, ` +
          `which SQLite cannot do inside an open transaction; open the database outside a transaction to migrate it`,
      );
    }
    fn();
  } finally {
    if (wasOn) db.pragma("foreign_keys = ON");
  }
}

function assertForeignKeysHold(db: Database.Database, step: Migration, file: string): void {
  const violations = db.pragma("foreign_key_check") as { table: string; rowid: number; parent: string }[];
  const first = violations[0];
  if (first) {
    throw new StoreError(
      `${file}: migration ${step.version} ('${step.name}') would leave ${violations.length} rows pointing at missing rows, ` +
        `e.g. ${first.table} rowid ${first.rowid} → ${first.parent}; nothing was changed`,
    );
  }
}
