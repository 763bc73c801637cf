/** The store: one SQLite file holding every ingested document, behind a small API. */
import type Database from "better-sqlite3";
import { Finding, NormalizedDocument } from "@jixiao/normalize";
import { z } from "zod";
import { openConnection, type OpenOptions } from "./connection.ts";
import { StoreError } from "./errors.ts";
import { loadDocument, loadFindings } from "./load.ts";
import { assertNotNewer, migrate } from "./migrate.ts";
import { SCHEMA_VERSION } from "./migrations/index.ts";
import { linkDocumentProjects, prepareProjectStatements, projectsOfDocument, type ProjectStatements } from "./projects.ts";
import { insertContent, insertFindings, storedRowIds } from "./save.ts";
import { prepareStatements, type Row, type Statements } from "./statements.ts";
import { DocumentMeta, type RunStats, type SaveResult, type StoredDocument, type StoredRun } from "./types.ts";

const Findings = z.array(Finding);

function toStoredDocument(row: Row): StoredDocument {
  return {
    id: row.id as number,
    path: row.path as string,
    sha256: row.sha256 as string,
    format: row.format as StoredDocument["format"],
    sizeBytes: row.size_bytes as number,
    pages: row.pages as number | null,
    status: row.status as StoredDocument["status"],
    error: row.error as string | null,
    ingestedAt: row.ingested_at as string,
    pipelineVersion: row.pipeline_version as string,
    mtimeMs: row.mtime_ms as number | null,
    warnings: JSON.parse(row.warnings as string) as string[],
    ocr: row.ocr === 1,
    ocrPages: typeof row.ocr_pages === "string" ? (JSON.parse(row.ocr_pages) as number[]) : null,
  };
}

function toStoredRun(row: Row): StoredRun {
  return {
    id: row.id as number,
    status: row.status as StoredRun["status"],
    startedAt: row.started_at as string,
    finishedAt: row.finished_at as string | null,
    pipelineVersion: row.pipeline_version as string,
    filesSeen: row.files_seen as number,
    filesNew: row.files_new as number,
    filesChanged: row.files_changed as number,
    filesUnchanged: row.files_unchanged as number,
    filesFailed: row.files_failed as number,
    forms: row.forms as number,
    findings: row.findings as number,
    error: row.error as string | null,
  };
}

/** Zod's first issue as "path: message", for one-line errors. */
function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join(".") || "(root)"}: ${issue.message}` : error.message;
}

function validate<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new StoreError(`${what} is not valid: ${firstIssue(result.error)}`);
  return result.data;
}

export class Store {
  private readonly st: Statements;
  private readonly ps: ProjectStatements;

  constructor(
    /** The connection, for queries the API does not cover. */
    readonly db: Database.Database,
    readonly file: string,
  ) {
    this.st = prepareStatements(db);
    this.ps = prepareProjectStatements(db);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  findDocumentBySha(sha256: string): StoredDocument | undefined {
    const row = this.st.documentBySha.get(sha256);
    return row && toStoredDocument(row);
  }

  findDocumentByPath(path: string): StoredDocument | undefined {
    const row = this.st.documentByPath.get(path);
    return row && toStoredDocument(row);
  }

  getDocument(id: number): StoredDocument | undefined {
    const row = this.st.documentById.get(id);
    return row && toStoredDocument(row);
  }

  listDocuments(): StoredDocument[] {
    return this.st.listDocuments.all().map(toStoredDocument);
  }

  /**
   * Stores one file's result in a single transaction:
   * - the same content is already stored → only its path (and mtime) is updated: 'unchanged';
   * - another content is stored under this path → it is deleted with all its rows and the new one inserted: 'changed';
   * - otherwise the document is inserted: 'new'.
   * If anything fails, nothing of this document is written and a previously stored version stays.
   *
   * options.reprocess: store this result even when the same content is stored (a newer pipeline
   * re-read the file); the old rows are replaced in the same transaction: 'changed'.
   */
  saveDocument(
    meta: DocumentMeta,
    doc: NormalizedDocument | null,
    findings: readonly Finding[],
    pipelineVersion: string,
    options: SaveOptions = {},
  ): SaveResult {
    const m = validate(DocumentMeta, meta, `document meta for ${meta.path}`);
    const content = doc === null ? null : validate(NormalizedDocument, doc, `normalized document ${m.path}`);
    const checkedFindings = validate(Findings, findings, `findings of ${m.path}`);
    if (content === null && checkedFindings.length > 0) {
      throw new StoreError(`${m.path}: ${checkedFindings.length} findings given for a document with no normalized content`);
    }
    const st = this.st;
    const ps = this.ps;
    const save = this.db.transaction((): SaveResult => {
      let same = st.documentBySha.get(m.sha256);
      const atPath = st.documentByPath.get(m.path);
      // Projects of the rows about to be deleted: re-linked (or deleted when left empty) after the insert.
      const previousProjects: number[] = [];
      // Whatever is stored under this path with other content is an older version of this file.
      let replaced = atPath && atPath.sha256 !== m.sha256 ? (atPath.id as number) : null;
      if (replaced !== null) {
        previousProjects.push(...projectsOfDocument(ps, replaced));
        st.deleteDocument.run(replaced);
      }
      if (same && options.reprocess) {
        // With two stale rows (this content elsewhere, other content here), report the one this content had.
        replaced = same.id as number;
        previousProjects.push(...projectsOfDocument(ps, replaced));
        st.deleteDocument.run(replaced);
        same = undefined;
      }
      if (same) {
        st.moveDocument.run(m.path, m.mtimeMs ?? null, same.id);
        // The other content that was under this path may have been some projects' last forms.
        linkDocumentProjects(ps, null, previousProjects);
        return { outcome: "unchanged", documentId: same.id as number, replacedDocumentId: replaced, forms: 0, findings: 0 };
      }
      const documentId = Number(
        st.insertDocument.run({
          path: m.path,
          sha256: m.sha256,
          format: m.format,
          size_bytes: m.sizeBytes,
          pages: m.pages,
          status: m.status,
          error: m.error,
          ingested_at: new Date().toISOString(),
          pipeline_version: pipelineVersion,
          mtime_ms: m.mtimeMs ?? null,
          warnings: JSON.stringify(m.warnings ?? []),
          normalize_warnings: content === null ? null : JSON.stringify(content.warnings),
          ocr: m.ocr || (m.ocrPages?.length ?? 0) > 0 ? 1 : 0,
          ocr_pages: m.ocrPages?.length ? JSON.stringify(m.ocrPages) : null,
        }).lastInsertRowid,
      );
      if (content !== null) {
        const ids = insertContent(st, documentId, content, m.path);
        insertFindings(st, ids, checkedFindings, m.path);
      }
      linkDocumentProjects(ps, content === null ? null : documentId, previousProjects);
      return {
        outcome: replaced === null ? "new" : "changed",
        documentId,
        replacedDocumentId: replaced,
        forms: content?.forms.length ?? 0,
        findings: checkedFindings.length,
      };
    });
    // IMMEDIATE takes the write lock up front, so a concurrent writer makes us wait (busy_timeout)
    // instead of failing when a read transaction tries to upgrade.
    return save.immediate();
  }

  /** Replaces all findings of a stored document (e.g. after re-running the rules over stored rows). */
  replaceFindings(documentId: number, findings: readonly Finding[]): number {
    const checked = validate(Findings, findings, `findings of document ${documentId}`);
    const replace = this.db.transaction(() => {
      const document = this.st.documentById.get(documentId);
      if (!document) throw new StoreError(`expected a stored document with id ${documentId} to replace findings of, found none`);
      this.st.deleteFindingsOfDocument.run(documentId);
      insertFindings(this.st, storedRowIds(this.st, documentId), checked, String(document.path));
      return checked.length;
    });
    return replace.immediate();
  }

  /** Deletes a document and, by cascade, all its rows (e.g. to force a re-ingest). */
  deleteDocument(documentId: number): boolean {
    const remove = this.db.transaction(() => {
      const previousProjects = projectsOfDocument(this.ps, documentId);
      const deleted = this.st.deleteDocument.run(documentId).changes > 0;
      linkDocumentProjects(this.ps, null, previousProjects);
      return deleted;
    });
    return remove.immediate();
  }

  /** The canonical model as it was saved; a document saved without content comes back empty. */
  loadDocument(documentId: number): NormalizedDocument {
    return this.db.transaction(() => loadDocument(this.st, documentId))();
  }

  loadFindings(documentId: number): Finding[] {
    return loadFindings(this.st, documentId);
  }

  startRun(pipelineVersion: string): number {
    return Number(this.st.insertRun.run(new Date().toISOString(), pipelineVersion).lastInsertRowid);
  }

  finishRun(id: number, stats: RunStats): void {
    const changes = this.st.finishRun.run({
      id,
      finished_at: new Date().toISOString(),
      status: stats.status,
      files_seen: stats.filesSeen,
      files_new: stats.filesNew,
      files_changed: stats.filesChanged,
      files_unchanged: stats.filesUnchanged,
      files_failed: stats.filesFailed,
      forms: stats.forms,
      findings: stats.findings,
      error: stats.error ?? null,
    }).changes;
    if (changes === 0) throw new StoreError(`expected a running ingest run with id ${id} to finish, found none`);
  }

  getRun(id: number): StoredRun | undefined {
    const row = this.st.runById.get(id);
    return row && toStoredRun(row);
  }
}

export interface StoreOptions extends OpenOptions {}

export interface SaveOptions {
  /** Replace the stored rows even when the same content is already stored. */
  reprocess?: boolean;
}

/**
 * Opens (creating if needed) a jixiao database and brings its schema up to
 * date. Read-only connections never migrate: they refuse a database whose
 * schema is not exactly the one this code knows.
 */
export function openStore(file: string, options: StoreOptions = {}): Store {
  const db = openConnection(file, options);
  try {
    if (options.readonly) {
      const version = assertNotNewer(db, SCHEMA_VERSION, file);
      if (version < SCHEMA_VERSION) {
        throw new StoreError(
          version === 0
            ? `${file}: expected a jixiao database, found no jixiao schema (user_version 0)`
            : `${file}: database schema version is ${version}, this jixiao needs ${SCHEMA_VERSION}; open it once read-write (e.g. jixiao ingest) to migrate it`,
        );
      }
    } else {
      migrate(db);
    }
    return new Store(db, file);
  } catch (e) {
    db.close();
    if (e instanceof StoreError) throw e;
    throw new StoreError(`${file}: could not open the jixiao database: ${(e as Error).message}`);
  }
}
