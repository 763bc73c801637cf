/**
 * Every statement the store runs, prepared once per connection: preparing is
 * the expensive part of a small INSERT, and a large ingest writes tens of
 * thousands of rows.
 */
import type Database from "better-sqlite3";
import { FINDINGS, FORMS, FORM_FACTS, FUNDING, GOALS, INDICATORS, NARRATIVE, SIDE_TABLES, insertSql } from "./columns.ts";

export type Row = Record<string, unknown>;

export function prepareStatements(db: Database.Database) {
  const p = (sql: string) => db.prepare<unknown[], Row>(sql);
  /** Rows of a per-form table for all forms of one document, grouped by form in seq order. */
  const childrenOfDocument = (table: string) =>
    p(`SELECT c.* FROM ${table} c JOIN forms f ON f.id = c.form_id WHERE f.document_id = ? ORDER BY f.seq, c.seq`);
  return {
    documentBySha: p("SELECT * FROM documents WHERE sha256 = ?"),
    documentByPath: p("SELECT * FROM documents WHERE path = ?"),
    documentById: p("SELECT * FROM documents WHERE id = ?"),
    listDocuments: p("SELECT * FROM documents ORDER BY id"),
    insertDocument: p(
      `INSERT INTO documents (path, sha256, format, size_bytes, pages, status, error, ingested_at,
         pipeline_version, mtime_ms, warnings, normalize_warnings, ocr, ocr_pages)
       VALUES (@path, @sha256, @format, @size_bytes, @pages, @status, @error, @ingested_at,
         @pipeline_version, @mtime_ms, @warnings, @normalize_warnings, @ocr, @ocr_pages)`,
    ),
    moveDocument: p("UPDATE documents SET path = ?, mtime_ms = coalesce(?, mtime_ms) WHERE id = ?"),
    deleteDocument: p("DELETE FROM documents WHERE id = ?"),

    insertForm: p(insertSql(FORMS, ["document_id", "seq"])),
    setFormParent: p("UPDATE forms SET parent_form_id = ? WHERE id = ?"),
    insertFunding: p(insertSql(FUNDING, ["form_id", "seq"])),
    insertIndicator: p(insertSql(INDICATORS, ["form_id", "seq"])),
    insertGoal: p(insertSql(GOALS, ["form_id", "seq"])),
    insertFormFact: p(insertSql(FORM_FACTS, ["form_id", "seq"])),
    insertNarrative: p(insertSql(NARRATIVE, ["document_id", "seq"])),
    insertSideTable: p(insertSql(SIDE_TABLES, ["document_id", "seq"])),
    insertFinding: p(insertSql(FINDINGS, ["form_id", "indicator_id", "funding_id"])),
    deleteFindingsOfDocument: p("DELETE FROM findings WHERE form_id IN (SELECT id FROM forms WHERE document_id = ?)"),

    formsOfDocument: p(
      `SELECT f.*, parent.seq AS parent_seq FROM forms f
       LEFT JOIN forms parent ON parent.id = f.parent_form_id
       WHERE f.document_id = ? ORDER BY f.seq`,
    ),
    fundingOfDocument: childrenOfDocument("funding"),
    indicatorsOfDocument: childrenOfDocument("indicators"),
    goalsOfDocument: childrenOfDocument("goals"),
    formFactsOfDocument: childrenOfDocument("form_facts"),
    narrativeOfDocument: p("SELECT * FROM narrative WHERE document_id = ? ORDER BY seq"),
    sideTablesOfDocument: p("SELECT * FROM side_tables WHERE document_id = ? ORDER BY seq"),
    findingsOfDocument: p(
      `SELECT x.*, f.seq AS form_seq, i.seq AS indicator_seq, fu.seq AS funding_seq
       FROM findings x
       JOIN forms f ON f.id = x.form_id
       LEFT JOIN indicators i ON i.id = x.indicator_id
       LEFT JOIN funding fu ON fu.id = x.funding_id
       WHERE f.document_id = ? ORDER BY x.id`,
    ),
    /** seq → id of the rows findings can point at. */
    formIdsOfDocument: p("SELECT id, seq FROM forms WHERE document_id = ?"),
    indicatorIdsOfDocument: p(
      "SELECT c.id, c.seq, c.form_id FROM indicators c JOIN forms f ON f.id = c.form_id WHERE f.document_id = ?",
    ),
    fundingIdsOfDocument: p(
      "SELECT c.id, c.seq, c.form_id FROM funding c JOIN forms f ON f.id = c.form_id WHERE f.document_id = ?",
    ),

    insertRun: p("INSERT INTO ingest_runs (started_at, status, pipeline_version) VALUES (?, 'running', ?)"),
    finishRun: p(
      `UPDATE ingest_runs SET finished_at = @finished_at, status = @status, files_seen = @files_seen,
         files_new = @files_new, files_changed = @files_changed, files_unchanged = @files_unchanged,
         files_failed = @files_failed, forms = @forms, findings = @findings, error = @error
       WHERE id = @id AND status = 'running'`,
    ),
    runById: p("SELECT * FROM ingest_runs WHERE id = ?"),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;
