/**
 * `jixiao ingest`: every file through the pipeline into one SQLite file, one
 * transaction per document, a line per file and a summary at the end.
 */
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { openStore, type Store } from "@jixiao/store";
import { walk } from "./walk.ts";
import { processFile, unreadableResult, type FileResult } from "./process-file.ts";
import { PIPELINE_VERSION } from "./version.ts";

export interface IngestOptions {
  db: string;
  force?: boolean;
  json?: boolean;
  failFast?: boolean;
  /** Where progress lines go (stderr by default, so stdout stays clean for --json). */
  out?: (line: string) => void;
}

export interface IngestSummary {
  runId: number;
  filesSeen: number;
  filesNew: number;
  filesChanged: number;
  filesUnchanged: number;
  filesFailed: number;
  forms: number;
  findings: number;
  failed: { path: string; error: string }[];
  seconds: number;
}

export async function ingest(paths: string[], opts: IngestOptions): Promise<IngestSummary> {
  const out = opts.out ?? ((l: string) => process.stderr.write(`${l}\n`));
  const started = Date.now();
  const store = openStore(opts.db);
  const runId = store.startRun(PIPELINE_VERSION);
  const s: IngestSummary = {
    runId, filesSeen: 0, filesNew: 0, filesChanged: 0, filesUnchanged: 0, filesFailed: 0,
    forms: 0, findings: 0, failed: [], seconds: 0,
  };
  try {
    for await (const entry of walk(paths)) {
      s.filesSeen++;
      const path = resolve(entry.path);
      if (!entry.error && !opts.force && (await unchangedOnDisk(store, path))) {
        s.filesUnchanged++;
        report(out, opts, { path, outcome: "unchanged" });
        continue;
      }
      const result = entry.error ? unreadableResult(path, entry.error) : await processFile(path);
      const saved = saveResult(store, result, opts.force ?? false);
      if (result.meta.status === "failed") {
        s.filesFailed++;
        s.failed.push({ path, error: result.meta.error ?? "failed" });
      } else if (saved.outcome === "new") s.filesNew++;
      else if (saved.outcome === "changed") s.filesChanged++;
      else s.filesUnchanged++;
      s.forms += saved.forms;
      s.findings += saved.findings;
      report(out, opts, {
        path, outcome: result.meta.status === "failed" ? "failed" : saved.outcome, status: result.meta.status,
        forms: saved.forms, findings: saved.findings, error: result.meta.error,
      });
      if (opts.failFast && result.meta.status === "failed") break;
    }
    s.seconds = (Date.now() - started) / 1000;
    store.finishRun(runId, {
      status: "ok", filesSeen: s.filesSeen, filesNew: s.filesNew, filesChanged: s.filesChanged,
      filesUnchanged: s.filesUnchanged, filesFailed: s.filesFailed, forms: s.forms, findings: s.findings,
    });
  } catch (e) {
    store.finishRun(runId, {
      status: "failed", filesSeen: s.filesSeen, filesNew: s.filesNew, filesChanged: s.filesChanged,
      filesUnchanged: s.filesUnchanged, filesFailed: s.filesFailed, forms: s.forms, findings: s.findings,
      error: (e as Error).message,
    });
    throw e;
  } finally {
    store.close();
  }
  return s;
}

/** Size and mtime as stored: the file was not touched since, so its hash need not be computed. */
async function unchangedOnDisk(store: Store, path: string): Promise<boolean> {
  const known = store.findDocumentByPath(path);
  if (!known || known.mtimeMs === null || known.status === "failed") return false;
  try {
    const s = await stat(path);
    return s.size === known.sizeBytes && s.mtimeMs === known.mtimeMs;
  } catch {
    return false;
  }
}

function saveResult(store: Store, r: FileResult, force: boolean) {
  // --force re-stores even identical bytes, replacing the stored copy in the same transaction.
  return store.saveDocument(r.meta, r.doc, r.findings, PIPELINE_VERSION, { reprocess: force });
}

interface FileLine {
  path: string;
  outcome: string;
  status?: string;
  forms?: number;
  findings?: number;
  error?: string | null;
}

function report(out: (l: string) => void, opts: IngestOptions, line: FileLine): void {
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(line)}\n`);
    return;
  }
  if (line.outcome === "failed") out(`FAILED     ${line.path}: ${line.error}`);
  else if (line.outcome === "unchanged") out(`unchanged  ${line.path}`);
  else out(`${line.outcome.padEnd(10)} ${line.path}: ${line.forms} forms, ${line.findings} findings${line.status === "partial" ? ` (partial: ${line.error})` : ""}`);
}

export function summaryText(s: IngestSummary): string {
  const lines = [
    `${s.filesSeen} files: ${s.filesNew} new, ${s.filesChanged} changed, ${s.filesUnchanged} unchanged, ${s.filesFailed} failed; ${s.forms} forms, ${s.findings} findings in ${s.seconds.toFixed(1)} s`,
  ];
  if (s.failed.length) {
    lines.push("failed:");
    for (const f of s.failed) lines.push(`  ${f.path}: ${f.error}`);
  }
  return lines.join("\n");
}
