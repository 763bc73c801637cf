import type Database from "better-sqlite3";

/**
 * One step of the schema history. Steps are never edited once released: a
 * database created by an old version must end up identical to a fresh one, so
 * a change is always a new step appended to the list.
 */
export interface Migration {
  /** The PRAGMA user_version the database has after this step. */
  readonly version: number;
  readonly name: string;
  /**
   * The step rebuilds a table others point at (SQLite's 12-step ALTER): it runs
   * with foreign_keys OFF, or dropping the old table would cascade-delete the
   * rows pointing at it. migrate() turns them off around the step's
   * transaction (the pragma is a no-op inside one) and refuses to commit while
   * PRAGMA foreign_key_check reports a violation.
   */
  readonly foreignKeysOff?: boolean;
  readonly up: (db: Database.Database) => void;
}
