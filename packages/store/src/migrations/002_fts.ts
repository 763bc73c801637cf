/**
 * Full-text search in the layout sqlite-utils writes (`sqlite-utils enable-fts
 * --create-triggers`), which Datasette detects and offers as a search box: an
 * external-content FTS5 table `<table>_fts` with content=[<table>], kept in
 * sync by triggers `<table>_ai`, `<table>_ad`, `<table>_au`.
 *
 * tokenize='trigram': unicode61 treats a run of Chinese characters as a single
 * token, so 满意度 would never match 服务对象满意度; trigram indexes every
 * 3-character window, so any substring of 3+ characters matches.
 */
import type { Migration } from "./migration.ts";

/** The SQL that sets up one table's FTS; later steps reuse it for new tables (its output for a given table must never change). */
export function ftsSql(table: string, columns: readonly string[]): string {
  const fts = `${table}_fts`;
  const cols = columns.map((c) => `[${c}]`).join(", ");
  const values = (prefix: string) => columns.map((c) => `${prefix}.[${c}]`).join(", ");
  return `
CREATE VIRTUAL TABLE [${fts}] USING FTS5 (
    ${cols},
    tokenize='trigram',
    content=[${table}],
    content_rowid='id'
);
CREATE TRIGGER [${table}_ai] AFTER INSERT ON [${table}] BEGIN
  INSERT INTO [${fts}] (rowid, ${cols}) VALUES (new.id, ${values("new")});
END;
CREATE TRIGGER [${table}_ad] AFTER DELETE ON [${table}] BEGIN
  INSERT INTO [${fts}] ([${fts}], rowid, ${cols}) VALUES ('delete', old.id, ${values("old")});
END;
CREATE TRIGGER [${table}_au] AFTER UPDATE ON [${table}] BEGIN
  INSERT INTO [${fts}] ([${fts}], rowid, ${cols}) VALUES ('delete', old.id, ${values("old")});
  INSERT INTO [${fts}] (rowid, ${cols}) VALUES (new.id, ${values("new")});
END;
-- Index rows that existed before this step.
INSERT INTO [${fts}] ([${fts}]) VALUES ('rebuild');
`;
}

export const fullTextSearch: Migration = {
  version: 2,
  name: "full-text search on indicators and goals",
  up: (db) => {
    db.exec(ftsSql("indicators", ["name", "reason", "target_text", "actual_text"]));
    db.exec(ftsSql("goals", ["expected", "actual"]));
  },
};
