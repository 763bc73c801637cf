/**
 * The parsing pool: worker threads (piscina) each running the pure pipeline on
 * one file at a time, with a wall-time limit and a heap ceiling per file. A file
 * that times out or crashes its worker comes back as a one-line reason; piscina
 * replaces the terminated worker and the run goes on.
 */
import { availableParallelism } from "node:os";
import { setFlagsFromString } from "node:v8";
import { MessageChannel, type TransferListItem } from "node:worker_threads";
import { Piscina } from "piscina";
import type { ParseTask } from "./parse-worker.ts";
import type { FileResult } from "./file-result.ts";
import { BUILTINS_CHANGED_EXIT_CODE, DEFAULT_FILES_PER_WORKER, exitedWith, RETIRED_EXIT_CODE, type PoolWorkerData } from "./worker-exits.ts";

/** Wall time one file may take in its worker before the worker is stopped. */
export const DEFAULT_FILE_TIMEOUT_MS = 120_000;
/** V8 old-generation heap of a worker: a form needs tens of MB; a file that needs more is refused. */
export const DEFAULT_WORKER_HEAP_MB = 256;
/**
 * V8 commits a worker's whole young generation, and a small one costs CPU:
 * objects still alive at each scavenge are copied and promoted, and the old
 * generation then fills and is marked more often. On the 108 fixture PDFs
 * (2 workers) 12 MB cost ~19% more CPU seconds than 24 MB for ~18 MB less RSS.
 * 24 fits the 400 MB target because the workers run the bundled pipeline
 * (worker-bundle.ts, ~30 MB less each than through tsx): 800 files of the mixed
 * bench archive peaked at 351 MB (with tsx workers: 397 MB at 24, 382 MB at 12).
 */
const WORKER_YOUNG_GENERATION_MB = 24;
/**
 * How much a heap may grow past what its last full collection kept, in percent.
 * V8 derives it from the heap ceiling and allows ~30% for a 256 MB one: a
 * worker keeping ~40 MB alive ran a full collection every ~13 MB of promoted
 * objects, 22 per worker over the 108 fixture PDFs. Each collection also drops
 * the optimised code of every closure not alive at that moment (V8 holds it
 * weakly), and TurboFan compiles it again: one worker reading those PDFs
 * compiled 1,600 times for 511 functions, ~11 s of CPU, two thirds of it
 * recompiling. At 50 that worker ran 24 full collections instead of 33 and
 * compiled 1,332 times instead of 1,601; interleaved bench runs (2 cores,
 * bundled command) took ~5-10% less CPU for ~10 MB more RSS, and the
 * 2,000-file mixed archive peaked at 355-363 MB. 100 peaked at 406 MB there,
 * and a 32 MB young generation on top of 50 at 394 MB: too close to 400 MB.
 */
const HEAP_GROWING_PERCENT = 50;
/** Time a worker may take to boot (load pdf.js and the bundled pipeline, or register tsx) before the file it was given counts as hung. */
const WORKER_BOOT_ALLOWANCE_MS = 60_000;

export const WORKER_ENTRY = new URL("./parse-worker.mjs", import.meta.url);

export function defaultConcurrency(): number {
  return Math.max(1, availableParallelism());
}

export interface PoolOptions {
  threads: number;
  fileTimeoutMs: number;
  workerHeapMb: number;
  /** Files a worker reads before it is replaced (default DEFAULT_FILES_PER_WORKER). */
  filesPerWorker?: number;
  /** The worker module (tests substitute one that misbehaves on purpose). */
  entry?: URL;
  /** The bundled pipeline the worker module runs (worker-bundle.ts); without it the worker loads the TypeScript through tsx. */
  bundle?: URL;
  /** The user's vocabulary (vocab-file.ts), passed to every worker as text and compiled there once. */
  vocab?: PoolWorkerData["vocab"];
}

export type ParseOutcome =
  | { kind: "parsed"; result: FileResult }
  /** The file could not be parsed: timeout, memory ceiling, crash. */
  | { kind: "failed"; reason: string }
  /** The run is stopping: the file was dropped unread, the next run reads it. */
  | { kind: "cancelled" };

export class ParsePool {
  private readonly pool: Piscina<ParseTask, FileResult>;

  constructor(private readonly o: PoolOptions) {
    // A V8 flag: it holds for every thread of the process (the main thread's heap is small) and is read at each collection.
    setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    this.pool = new Piscina({
      filename: (o.entry ?? WORKER_ENTRY).href,
      // Workers start as files need them: piscina adds one as soon as a file waits,
      // and a run over one large PDF never boots (and holds ~100 MB for) a second.
      minThreads: 1,
      maxThreads: o.threads,
      idleTimeout: 60_000,
      // No inherited loaders or flags (tsx's, vitest's): the entry imports the bundle or registers tsx itself.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: o.workerHeapMb, maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
      workerData: { filesPerWorker: o.filesPerWorker ?? DEFAULT_FILES_PER_WORKER, bundle: o.bundle?.href, vocab: o.vocab } satisfies PoolWorkerData,
    });
    // A worker that dies between tasks is replaced by piscina; nothing to report for it.
    this.pool.on("error", () => {});
  }

  get threads(): number {
    return this.o.threads;
  }

  /** Parses one file; `stop` drops it (the worker is terminated if it already started). */
  async parse(task: Omit<ParseTask, "started">, stop: AbortSignal): Promise<ParseOutcome> {
    if (stop.aborted) return { kind: "cancelled" };
    const timeout = new AbortController();
    // The limit starts when a worker takes the file (a replaced worker boots first, which takes seconds);
    // the fallback covers a worker that never gets that far.
    let timer = setTimeout(() => timeout.abort(), this.o.fileTimeoutMs + WORKER_BOOT_ALLOWANCE_MS);
    const { port1, port2 } = new MessageChannel();
    port1.once("message", () => {
      clearTimeout(timer);
      timer = setTimeout(() => timeout.abort(), this.o.fileTimeoutMs);
    });
    const signal = AbortSignal.any([timeout.signal, stop]);
    try {
      const transferList: TransferListItem[] = [port2];
      if (task.bytes) transferList.push(ownBuffer(task));
      return { kind: "parsed", result: await this.pool.run({ ...task, started: port2 }, { signal, transferList }) };
    } catch (e) {
      if (stop.aborted) return { kind: "cancelled" };
      if (timeout.signal.aborted) {
        return { kind: "failed", reason: `timeout: expected the file to be read within ${this.o.fileTimeoutMs / 1000} s, found it still being read; its worker was stopped` };
      }
      const err = e as Error & { code?: string };
      if (exitedWith(err, RETIRED_EXIT_CODE)) {
        // The worker ended before reading the file. Its bytes went with it: a fresh worker reads the file itself.
        clearTimeout(timer);
        return this.parse({ path: task.path, mtimeMs: task.mtimeMs }, stop);
      }
      if (exitedWith(err, BUILTINS_CHANGED_EXIT_CODE)) {
        return { kind: "failed", reason: "corrupt: expected a file that parses without touching JavaScript's built-in objects, found one that changed them while it was read (prototype pollution); its worker was replaced" };
      }
      if (err.code === "ERR_WORKER_OUT_OF_MEMORY") {
        return { kind: "failed", reason: `too large: expected the file to be read within the worker's ${this.o.workerHeapMb} MB heap, found it exhausted; its worker was replaced` };
      }
      return { kind: "failed", reason: `crashed: expected the worker to return the file's result, found an error: ${firstLine(err.message ?? String(e))}` };
    } finally {
      clearTimeout(timer);
      port1.close();
    }
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}

/** Transfers need an ArrayBuffer holding exactly these bytes (a Buffer may be a view into a shared slab). */
function ownBuffer(task: { bytes?: Uint8Array }): ArrayBuffer {
  const b = task.bytes!;
  if (b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.buffer instanceof ArrayBuffer) return b.buffer;
  const copy = new Uint8Array(b.byteLength);
  copy.set(b);
  task.bytes = copy;
  return copy.buffer;
}

/** The first line of an error message, bounded: reasons are one line in `documents.error` and in warnings. */
export function firstLine(s: string): string {
  return s.split("\n")[0]!.slice(0, 300);
}
