/**
 * What one pool worker process does with one file: the pure pipeline
 * (extract → normalize → check), no database. The main thread usually read
 * and hashed the bytes already and sends them; large files are read here
 * instead, so the main thread never holds them.
 */
import { parseSheetsInThisThread } from "@jixiao/extract";
import { compileVocabulary, type Vocabulary } from "@jixiao/normalize";
import { changedBuiltins, fingerprintBuiltins } from "./builtins-guard.ts";
import type { FileResult } from "./file-result.ts";
import { processBytes, processFile } from "./process-file.ts";
import { BUILTINS_CHANGED_EXIT_CODE, DEFAULT_FILES_PER_WORKER, poolWorkerData, RETIRED_EXIT_CODE, type PoolProcessMessage } from "./worker-exits.ts";

// This process is already the containment the spreadsheet worker would give
// (heap and memory ceilings, time limit, replaced after a crash; built-ins
// checked after every file, below), so SheetJS runs here: a nested worker per
// pool worker cost ~50 MB of RSS each and a copy of every workbook.
parseSheetsInThisThread();

export interface ParseTask {
  path: string;
  /** The file's bytes, transferred; absent when the worker should read the file itself. */
  bytes?: Uint8Array;
  mtimeMs: number | null;
  /** Told when this worker starts the file, so the time limit counts parsing, not waiting for a worker to boot (parse-process.mjs). */
  started?: { postMessage(m: "started"): void; close(): void };
}

/** Tells the pool this worker has the file now (its time limit starts). */
export async function announceStart(task: ParseTask): Promise<void> {
  if (!task.started) return;
  task.started.postMessage("started");
  // Let the message leave before parsing starts: a parser stuck in a loop would otherwise hold it back.
  await new Promise((resolve) => setImmediate(resolve));
  task.started.close();
  task.started = undefined;
}

const poolData = poolWorkerData();
const filesPerWorker = poolData?.filesPerWorker ?? DEFAULT_FILES_PER_WORKER;
/** The user's vocabulary, compiled once per worker (the main thread checked the file already). */
const vocabulary: Vocabulary | undefined = poolData?.vocab
  ? compileVocabulary(JSON.parse(poolData.vocab.text), poolData.vocab.where, poolData.vocab.id)
  : undefined;
let filesRead = 0;

export default async function parseTask(task: ParseTask): Promise<FileResult> {
  // Retire before touching the file: the pool hands it, unread, to a fresh worker.
  if (filesRead >= filesPerWorker) return retire();
  filesRead++;
  await announceStart(task);
  const ocr = { mode: poolData?.ocr ?? "auto", onPage: tellOcrPage } as const;
  return withBuiltinsChecked(() => (task.bytes ? processBytes(task.path, task.bytes, task.mtimeMs, vocabulary, ocr) : processFile(task.path, vocabulary, ocr)));
}

/** The pool extends the file's time limit for each page recognised, and counts them (worker-exits.ts). */
function tellOcrPage(page: number): void {
  process.send?.({ type: "ocr-page", page } satisfies PoolProcessMessage);
}

function retire(): Promise<never> {
  process.exit(RETIRED_EXIT_CODE);
  return new Promise(() => {}); // the process is stopping; nothing after exit() may run
}

/**
 * Runs `parse`, then ends this process if the built-in objects changed meanwhile:
 * a parser tricked into writing to Object.prototype (and the like) would taint
 * every later file read here. The pool reports the file as failed for it
 * (BUILTINS_CHANGED_EXIT_CODE) and starts a fresh worker for the next one.
 */
export async function withBuiltinsChecked<T>(parse: () => Promise<T>): Promise<T> {
  const before = fingerprintBuiltins();
  const result = await parse();
  if (changedBuiltins(before).length > 0) process.exit(BUILTINS_CHANGED_EXIT_CODE);
  return result;
}
