/**
 * How a pool worker process and the pool talk: what the worker is told at
 * start, the messages it sends, and how it ends itself on purpose, so the pool
 * can tell these exits from crashes. Shared by the worker (parse-worker.ts,
 * parse-process.mjs) and the pool (pool.ts).
 */
import type { OcrMode } from "@jixiao/extract/ocr-modes";
import type { FileResult } from "./file-result.ts";


/** A file changed the built-in objects while it was read: that file fails, the next gets a fresh worker. */
export const BUILTINS_CHANGED_EXIT_CODE = 86;
/** The worker read its share of files and ends before touching the next one, which the pool gives to a fresh worker. */
export const RETIRED_EXIT_CODE = 87;

/**
 * Files a pool worker reads before it is replaced. A worker's RSS creeps up
 * over a long run (~20 MB over 1,000 files each on the mixed bench archive:
 * code, heap fragmentation); a fresh one costs about a second of CPU to boot.
 */
export const DEFAULT_FILES_PER_WORKER = 400;

/** What the pool tells its workers, as JSON in this environment variable: `{ entry, data }` (see poolWorkerData). */
export const POOL_WORKER_ENV = "JIXIAO_POOL_WORKER";

/** What the pool tells its workers. */
export interface PoolWorkerData {
  filesPerWorker: number;
  /** URL of the bundled pipeline to import instead of registering tsx (see worker-bundle.ts). */
  bundle?: string;
  /** The user's vocabulary file (text and id): each worker compiles it once (vocab-file.ts). */
  vocab?: { where: string; text: string; id: string };
  /** Which PDF pages are read by OCR (--ocr; default auto). */
  ocr?: OcrMode;
}

/** This process's PoolWorkerData, or null outside a pool worker. */
export function poolWorkerData(): PoolWorkerData | null {
  const raw = process.env[POOL_WORKER_ENV];
  return raw ? (JSON.parse(raw) as { data: PoolWorkerData }).data : null;
}

/** What a worker process sends the pool about the file it was given (the pool sends `{ type: "task", task }`). */
export type PoolProcessMessage =
  /** It has the file now: its time limit starts. */
  | { type: "started" }
  /** It starts recognising a scanned page: the file's time limit grows by OCR_PAGE_ALLOWANCE_MS. */
  | { type: "ocr-page"; page: number }
  | { type: "done"; result: FileResult }
  /** The worker module threw (the process is fine and takes the next file). */
  | { type: "error"; message: string };
