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
  readonly up: (db: Database.Database) => void;
}
