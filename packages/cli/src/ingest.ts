/**
 * `jixiao ingest`: every file through the pipeline into one SQLite file.
 *
 * The main thread walks, stats, reads and hashes (p-limit bounds the file I/O),
 * decides what needs parsing, and is the only writer: one transaction per
 * document. Parsing runs in a pool of worker threads (pool.ts). A file whose size
 * and mtime match its stored row is skipped without reading; a file whose content
 * is already stored (moved, touched) only has its path updated; only new or
 * changed content is parsed. Documents stored by an older pipeline version, and
 * failed ones, are parsed again. A user vocabulary (--vocab, or jixiao.vocab.json
 * beside the database) is part of the pipeline version stored with each
 * document, so changing it re-reads the archive once.
 */
import { existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import pLimit from "p-limit";
import { openStore, StoreError, type Store, type RunStats, type StoredDocument } from "@jixiao/store";
import { walk, type WalkEntry } from "./walk.ts";
import { withoutSchemaDump } from "./schema-reason.ts";
import { failedResult, formatOf, MAX_FILE_BYTES, oneLine, sha256, unreadableResult, type DocFormat, type FileResult } from "./file-result.ts";
import { DEFAULT_FILE_TIMEOUT_MS, DEFAULT_WORKER_HEAP_MB, defaultConcurrency, ParsePool } from "./pool.ts";
import { acquireLock } from "./lock.ts";
import { FileRefusal, hashRegularFile, notRegularReason, readRegularFile, tooLargeReason } from "./read-regular.ts";
import { fsPathOf } from "./fs-names.ts";
import { escapeControls } from "./safe-text.ts";
import { jsonLinesProgress, textProgress, type FileEvent, type Progress } from "./progress.ts";
import type { OcrMode } from "@jixiao/extract/ocr-modes";
import { pipelineVersionFor } from "./version.ts";
import { resolveVocab, vocabText, type VocabSource } from "./vocab-file.ts";
import { workerBundle } from "./worker-bundle.ts";

/** Files stat'ed, read or hashed at once on the main thread. */
export const IO_CONCURRENCY = 4;
/**
 * Larger files are hashed by streaming and read by their worker, so the main
 * process never holds them whole (worker processes get bytes as a copy; pool.ts
 * sends none above this). At 32 MB, two large workbooks held the main process
 * at 159 MB.
 */
export const INLINE_BYTES_LIMIT = 1024 * 1024;
/**
 * The ingest connection's SQLite page cache, in MB: SQLite's own default
 * rather than better-sqlite3's 16 MB. A run writes each document once and looks
 * rows up by indexed path and hash, so a larger cache buys it little, and the
 * main process's memory counts toward the run's limit (pool.ts RUN_MEMORY_MB).
 */
export const INGEST_SQLITE_CACHE_MB = 2;

export interface IngestOptions {
  db: string;
  /** Re-read every file, even when its size, mtime or content is already stored. */
  force?: boolean;
  /** JSON lines on stdout (when no `progress` is given). */
  json?: boolean;
  /** Stop taking new files after the first failed one. */
  failFast?: boolean;
  /** Where text progress lines go (stderr by default), when neither `progress` nor `json` is given. */
  out?: (line: string) => void;
  progress?: Progress;
  /** Worker threads parsing at once (default: the machine's cores). */
  concurrency?: number;
  include?: string[];
  exclude?: string[];
  fileTimeoutMs?: number;
  workerHeapMb?: number;
  /** Resident memory of the run, main process and workers together (pool.ts RUN_MEMORY_MB by default). */
  memoryMb?: number;
  /** How long to wait for another run's lock before giving up (default 0: give up at once). */
  lockWaitMs?: number;
  /** Aborting it stops the run: no new files, files in flight dropped, the run recorded as interrupted. */
  signal?: AbortSignal;
  /** The pool's worker module (tests use one that hangs or crashes on purpose). */
  workerEntry?: URL;
  /**
   * A vocabulary file (jixiao.vocab.json format) tried before the built-in
   * vocabulary; false for none. Absent: jixiao.vocab.json in the database's
   * folder, when there is one.
   */
  vocab?: string | false;
  /** Which PDF pages are read by OCR: auto (without a text layer, the default), off, force (docs/ocr.md). */
  ocr?: OcrMode;
}

/**
 * What a run did: the counts stored in `ingest_runs` (the store's RunStats;
 * filesUnchanged includes moved files), and what only the caller sees.
 */
export interface IngestSummary extends Omit<RunStats, "status" | "error"> {
  runId: number;
  status: "ok" | "interrupted";
  filesMoved: number;
  /** Files parsed in this run (not skipped as unchanged). */
  filesParsed: number;
  /** Pages of the files parsed in this run. */
  pages: number;
  /** Of those, the pages read by OCR. */
  ocrPages?: number;
  failed: { path: string; error: string }[];
  /** Symbolic links the walk did not follow (loops, folders already walked, broken links): not files, so no rows. */
  skipped: { path: string; reason: string }[];
  /** Why the run stopped before the end, if it did. */
  stoppedBy: string | null;
  seconds: number;
  /** The user vocabulary this run read with, if any. */
  vocabulary: { path: string; id: string; from: VocabSource["from"] } | null;
}

/** Stored by this pipeline version (vocabulary included) and not failed: nothing to gain from reading it again. */
function isCurrent(d: StoredDocument, version: string): boolean {
  return d.status !== "failed" && d.pipelineVersion === version;
}

export async function ingest(paths: string[], opts: IngestOptions): Promise<IngestSummary> {
  // Before the lock and the database: a bad vocabulary file stops the run with nothing touched (VocabFileError, exit 2).
  const vocab = resolveVocab(opts.vocab, opts.db);
  const lock = await acquireLock(opts.db, opts.lockWaitMs ?? 0);
  let store: Store;
  try {
    store = openStore(opts.db, { cacheMb: INGEST_SQLITE_CACHE_MB });
  } catch (e) {
    lock.release();
    throw e;
  }
  try {
    closeAbandonedRuns(store);
    return await new IngestRun(store, opts, vocab).run(paths);
  } finally {
    store.close();
    lock.release();
  }
}

/** Runs still 'running' while we hold the lock were killed (kill -9, power loss): say so. */
function closeAbandonedRuns(store: Store): void {
  store.db
    .prepare("UPDATE ingest_runs SET status = 'interrupted', finished_at = ?, error = ? WHERE status = 'running'")
    .run(new Date().toISOString(), "the run ended without finishing (its process was killed); the next run resumed its work");
}

class IngestRun {
  private readonly progress: Progress;
  private readonly force: boolean;
  private readonly io = pLimit(IO_CONCURRENCY);
  private readonly threads: number;
  private readonly parseSlots: ReturnType<typeof pLimit>;
  /** The parse pool, once the first file that needs parsing has started it. */
  private pool: Promise<ParsePool> | null = null;
  /** Aborted on interrupt: drops the files in flight. */
  private readonly stop = new AbortController();
  /** Set by --fail-fast: take no new files, but finish the ones in flight. */
  private noMoreFiles = false;
  private fatal: unknown = null;
  private readonly s: IngestSummary;
  private readonly started = Date.now();
  /** Stored with every document: the pipeline's version, plus the vocabulary's id when one is used. */
  private readonly version: string;

  constructor(
    private readonly store: Store,
    private readonly opts: IngestOptions,
    private readonly vocab: VocabSource | null = null,
  ) {
    this.version = pipelineVersionFor(vocab?.id, opts.ocr);
    this.progress =
      opts.progress ??
      (opts.json ? jsonLinesProgress((l) => process.stdout.write(l)) : textProgress(opts.out ?? ((l) => process.stderr.write(`${l}\n`))));
    this.force = opts.force ?? false;
    this.threads = Math.max(1, opts.concurrency ?? defaultConcurrency());
    this.parseSlots = pLimit(this.threads);
    this.s = {
      runId: store.startRun(this.version), status: "ok", filesSeen: 0, filesNew: 0, filesChanged: 0,
      filesUnchanged: 0, filesMoved: 0, filesFailed: 0, filesParsed: 0, pages: 0, ocrPages: 0, forms: 0, findings: 0,
      failed: [], skipped: [], stoppedBy: null, seconds: 0,
      vocabulary: vocab ? { path: vocab.where, id: vocab.id, from: vocab.from } : null,
    };
  }

  async run(paths: string[]): Promise<IngestSummary> {
    const onAbort = () => {
      this.s.stoppedBy = String((this.opts.signal?.reason as Error | undefined)?.message ?? "interrupted");
      this.stop.abort();
    };
    if (this.opts.signal?.aborted) onAbort();
    this.opts.signal?.addEventListener("abort", onAbort, { once: true });
    try {
      if (this.vocab) {
        const { where, id, from } = this.vocab;
        this.progress.notice?.(`vocabulary ${where} (${id}, ${from === "--vocab" ? "from --vocab" : "found beside the database"})`, { vocabulary: { path: where, id, from } });
      }
      const entries = await this.collect(paths);
      this.progress.start(entries.length);
      let next = 0;
      const lane = async () => {
        while (!this.stop.signal.aborted && !this.noMoreFiles && next < entries.length) {
          const entry = entries[next++]!;
          try {
            await this.handle(entry);
          } catch (e) {
            // The database itself failed (disk full, locked for too long): the run cannot go on.
            this.fatal ??= e;
            this.stop.abort();
          }
        }
      };
      await Promise.all(Array.from({ length: this.threads + IO_CONCURRENCY }, lane));
      await (await this.pool)?.close();
      this.progress.end();
      if (this.fatal) throw this.fatal;
      this.s.status = this.stop.signal.aborted ? "interrupted" : "ok";
      this.s.seconds = (Date.now() - this.started) / 1000;
      this.finish(this.s.status, this.s.stoppedBy);
      return this.s;
    } catch (e) {
      await (await this.pool)?.close();
      this.s.seconds = (Date.now() - this.started) / 1000;
      this.finish("failed", (e as Error).message);
      throw e;
    } finally {
      this.opts.signal?.removeEventListener("abort", onAbort);
    }
  }

  private finish(status: "ok" | "interrupted" | "failed", error: string | null): void {
    const s = this.s;
    this.store.finishRun(s.runId, {
      status, filesSeen: s.filesSeen, filesNew: s.filesNew, filesChanged: s.filesChanged,
      filesUnchanged: s.filesUnchanged, filesFailed: s.filesFailed, forms: s.forms, findings: s.findings, error,
    });
  }

  /** The whole list first: it gives the progress bar its total, and 10,000 paths are small. */
  private async collect(paths: string[]): Promise<WalkEntry[]> {
    const seen = new Set<string>();
    const entries: WalkEntry[] = [];
    for await (const e of walk(paths, { include: this.opts.include, exclude: this.opts.exclude })) {
      if (this.stop.signal.aborted) break;
      if (e.skipped) {
        this.s.skipped.push({ path: e.path, reason: e.skipped });
        continue;
      }
      if (seen.has(e.path)) continue;
      seen.add(e.path);
      entries.push(e);
    }
    return entries;
  }

  private async handle(entry: WalkEntry): Promise<void> {
    const t0 = Date.now();
    const path = entry.path;
    // The bytes of the name, when they are not `path` (a GBK name): what is opened.
    const fsPath = entry.fsPath ?? path;
    if (entry.error) return this.record(unreadableResult(path, entry.error), t0);
    let st;
    try {
      st = await this.io(() => stat(fsPath));
    } catch (e) {
      return this.record(unreadableResult(path, ioReason(e, path)), t0);
    }
    // Replaced by a pipe or a device since the walk: never opened.
    if (!st.isFile()) return this.record(unreadableResult(path, notRegularReason(st)), t0);
    const atPath = this.store.findDocumentByPath(path);
    if (!this.force && atPath && isCurrent(atPath, this.version) && atPath.sizeBytes === st.size && atPath.mtimeMs === st.mtimeMs) {
      return this.unchanged({ path, outcome: "unchanged", format: atPath.format, ms: Date.now() - t0 });
    }
    if (st.size > MAX_FILE_BYTES) return this.record(unreadableResult(path, tooLargeReason(st.size, MAX_FILE_BYTES)), t0);

    let bytes: Uint8Array | undefined;
    let content: { sha256: string; format: DocFormat };
    try {
      content = await this.io(async () => {
        if (st.size > INLINE_BYTES_LIMIT) {
          const h = await hashRegularFile(fsPath, MAX_FILE_BYTES);
          return { sha256: h.sha256, format: formatOf(h.head, path) };
        }
        bytes = (await readRegularFile(fsPath, MAX_FILE_BYTES)).bytes;
        return { sha256: sha256(bytes), format: formatOf(bytes, path) };
      });
    } catch (e) {
      return this.record(unreadableResult(path, e instanceof FileRefusal ? e.message : ioReason(e, path)), t0);
    }

    const known = this.store.findDocumentBySha(content.sha256);
    if (!this.force && known && isCurrent(known, this.version)) {
      if (isCopyOf(known, path)) return this.copy(known, path, t0);
      return this.moved(known, path, st.mtimeMs, t0);
    }

    const parsed = await this.parseSlots(async () => (await this.parsePool()).parse({ path, bytes, mtimeMs: st.mtimeMs }, this.stop.signal));
    if (parsed.kind === "cancelled") return;
    this.s.filesParsed++;
    const result =
      parsed.kind === "parsed"
        ? parsed.result
        : failedResult({ path, ...content, sizeBytes: st.size, mtimeMs: st.mtimeMs }, parsed.reason);
    this.record(result, t0);
  }

  private parsePool(): Promise<ParsePool> {
    // Started on the first file that needs parsing: a run over an unchanged archive starts no worker.
    return (this.pool ??= this.startPool());
  }

  private async startPool(): Promise<ParsePool> {
    // A test's substitute worker module runs as it is; the real one runs bundled (worker-bundle.ts).
    const bundle = this.opts.workerEntry
      ? null
      : await workerBundle(undefined, undefined, (reason) => process.emitWarning(`${reason}; workers load the TypeScript sources through tsx instead`, "JixiaoWorkerBundle"));
    return new ParsePool({
      threads: this.threads,
      fileTimeoutMs: this.opts.fileTimeoutMs ?? DEFAULT_FILE_TIMEOUT_MS,
      workerHeapMb: this.opts.workerHeapMb ?? DEFAULT_WORKER_HEAP_MB,
      memoryMb: this.opts.memoryMb,
      entry: this.opts.workerEntry,
      bundle: bundle?.url,
      vocab: this.vocab ? vocabText(this.vocab) : undefined,
      ocr: this.opts.ocr,
    });
  }

  /** Content already stored under another path (or the same file touched): only path and mtime are updated. */
  private moved(known: StoredDocument, path: string, mtimeMs: number, t0: number): void {
    this.store.saveDocument(
      { path, sha256: known.sha256, format: known.format, sizeBytes: known.sizeBytes, pages: known.pages, status: known.status, error: known.error, mtimeMs, warnings: known.warnings },
      null, [], this.version,
    );
    const moved = known.path !== path;
    if (moved) this.s.filesMoved++;
    this.unchanged({ path, outcome: "unchanged", moved, format: known.format, ms: Date.now() - t0 });
  }

  /** A copy of a stored document: logged as such, the stored row and path left alone. */
  private copy(stored: StoredDocument, path: string, t0: number): void {
    this.unchanged({ path, outcome: "unchanged", duplicateOf: stored.path, format: stored.format, ms: Date.now() - t0 });
  }

  private unchanged(e: FileEvent): void {
    this.s.filesSeen++;
    this.s.filesUnchanged++;
    this.progress.file(e);
  }

  private record(result: FileResult, t0: number): void {
    // Reasons and warnings quote file and zip entry names: one line, no control characters (safe-text.ts).
    if (result.meta.error) result.meta.error = oneLine(withoutSchemaDump(result.meta.error));
    result.meta.warnings = result.meta.warnings.map(escapeControls);
    const prior = this.store.findDocumentBySha(result.meta.sha256);
    // Two copies of one file parsed side by side: the first stored keeps the row (as on later runs).
    if (!this.force && prior && isCurrent(prior, this.version) && isCopyOf(prior, result.meta.path)) return this.copy(prior, result.meta.path, t0);
    // Same bytes stored by an older pipeline, or stored as failed: this result replaces that one.
    const reprocess = this.force || (prior !== undefined && !isCurrent(prior, this.version));
    let saved;
    try {
      saved = this.store.saveDocument(result.meta, result.doc, result.findings, this.version, { reprocess });
    } catch (e) {
      // The store refuses what the pipeline produced (StoreError): that file fails, the run goes on.
      // Anything else is the database failing, which ends the run.
      if (!(e instanceof StoreError)) throw e;
      result = failedResult({ ...result.meta, mtimeMs: result.meta.mtimeMs ?? null }, `not storable: ${e.message}`);
      saved = this.store.saveDocument(result.meta, null, [], this.version, { reprocess: true });
    }
    const m = result.meta;
    const s = this.s;
    s.filesSeen++;
    s.pages += m.pages ?? 0;
    if (m.ocrPages?.length) s.ocrPages = (s.ocrPages ?? 0) + m.ocrPages.length;
    s.forms += saved.forms;
    s.findings += saved.findings;
    if (m.status === "failed") {
      s.filesFailed++;
      s.failed.push({ path: m.path, error: m.error ?? "failed" });
      if (this.opts.failFast && !this.noMoreFiles) {
        this.noMoreFiles = true;
        s.stoppedBy = `--fail-fast: ${m.path} failed`;
      }
    } else if (saved.outcome === "new") s.filesNew++;
    else if (saved.outcome === "changed") s.filesChanged++;
    else s.filesUnchanged++;
    this.progress.file({
      path: m.path, outcome: m.status === "failed" ? "failed" : saved.outcome, status: m.status, format: m.format,
      pages: m.pages, forms: saved.forms, findings: saved.findings, ms: Date.now() - t0, error: m.error,
      ...(m.ocrPages?.length ? { ocrPages: m.ocrPages.length } : {}),
    });
  }
}

/**
 * Whether `path` holds a copy of the stored document rather than the document
 * moved there: the stored path still exists. Taking the row would flip the
 * stored path between the copies on every run.
 */
function isCopyOf(stored: StoredDocument, path: string): boolean {
  return stored.path !== path && existsSync(fsPathOf(stored.path));
}

function ioReason(e: unknown, path: string): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === "ENOENT" ? `not found: no file at ${path}` : `unreadable: expected a readable file, found ${code ?? String(e)}`;
}

export function summaryText(s: IngestSummary): string {
  const moved = s.filesMoved ? ` (${s.filesMoved} moved)` : "";
  const rate = s.seconds > 0 && s.pages > 0 ? `, ${(s.pages / s.seconds).toFixed(1)} pages/s${s.ocrPages ? ` (${s.ocrPages} pages read by OCR)` : ""}` : "";
  const lines = [
    `${s.filesSeen} files: ${s.filesNew} new, ${s.filesChanged} changed, ${s.filesUnchanged} unchanged${moved}, ${s.filesFailed} failed; ${s.forms} forms, ${s.findings} findings in ${s.seconds.toFixed(1)} s${rate}`,
  ];
  if (s.status === "interrupted") lines.push(`interrupted (${s.stoppedBy}): the next run resumes where this one stopped`);
  else if (s.stoppedBy) lines.push(`stopped early: ${s.stoppedBy}`);
  if (s.skipped.length) {
    lines.push("skipped symbolic links:");
    for (const k of s.skipped) lines.push(`  ${k.path}: ${k.reason}`);
  }
  if (s.failed.length) {
    lines.push("failed:");
    for (const f of s.failed) lines.push(`  ${f.path}: ${f.error}`);
  }
  // Paths and reasons come from file and zip entry names: an ESC in one must not drive the terminal.
  return lines.map(escapeControls).join("\n");
}
