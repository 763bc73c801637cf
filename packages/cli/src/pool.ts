/**
 * The parsing pool: worker processes, each running the pure pipeline on one
 * file at a time, with a wall-time limit, a heap ceiling and a ceiling on its
 * whole memory per file. A file that times out, exhausts its worker or crashes
 * it comes back as a one-line reason; the worker is replaced and the run goes on.
 *
 * Processes, not worker threads: V8 ends the whole *process* when a heap runs
 * out inside one allocation it cannot grow past (a 46 MB line split into 23
 * million cells asks for one 180 MB array; `FATAL ERROR: Reached heap limit`,
 * exit 134). In a worker thread that took the main thread, the database
 * connection and the run down with it, and every later run died on the same
 * file; Node's ERR_WORKER_OUT_OF_MEMORY only covers heaps that fill slowly. A
 * worker process that aborts takes nothing with it. It costs ~25 MB more per
 * worker (PSS; ~60 MB of RSS counted twice for the code both map) than a
 * thread, measured in docs/performance.md.
 */
import { fork, type ChildProcess } from "node:child_process";
import { availableParallelism } from "node:os";
import { readFileSync } from "node:fs";
import { OCR_PAGE_ALLOWANCE_MS, type OcrMode } from "@jixiao/extract/ocr-modes";
import type { ParseTask } from "./parse-worker.ts";
import type { FileResult } from "./file-result.ts";
import {
  BUILTINS_CHANGED_EXIT_CODE, DEFAULT_FILES_PER_WORKER, POOL_WORKER_ENV, RETIRED_EXIT_CODE,
  type PoolProcessMessage, type PoolWorkerData,
} from "./worker-exits.ts";

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
/** What each worker process runs: it imports the worker module (WORKER_ENTRY, or a test's) and answers the pool's messages. */
const PROCESS_HOST = new URL("./parse-process.mjs", import.meta.url);
/**
 * Resident memory of the whole run, main process and workers together (the
 * README's target), the code they all map counted once (see checkMemory). --worker-memory caps only a worker's V8 heap: the file's
 * bytes, inflated zip parts and pdf.js's typed arrays are ArrayBuffers outside
 * it, and V8's code and each process's own start-up memory come on top. So
 * the pool reads every worker's resident memory while files are read: when the
 * sum passes this less MEMORY_HEADROOM_MB, idle workers are ended first, then the largest busy worker
 * is stopped and its file read again alone, once the others are done; a file
 * that passes it alone fails as too large. The formats bound what a file may
 * expand to before parsing it (zip-guard.ts, sheet/xlsx-precheck.ts), so this
 * is a backstop that forms never reach.
 */
export const RUN_MEMORY_MB = 400;
/**
 * What a worker recognising a scanned page holds beyond a text file's needs:
 * the ONNX runtime, its two models and a page's activations (~450 MB at the
 * detector's 1,600 px; docs/ocr.md). The run's memory limit grows by this
 * while any worker reads a scan or holds the runtime from one (its memory is
 * not given back), once: a second scan read beside the first may then take
 * the run over its limit and wait to be read alone — with the allowance from
 * its start, as a file known to need OCR. 400: the pool acts at 776 MB
 * (400 + 400 − MEMORY_HEADROOM_MB), so a run with OCR stays within the
 * README's 800 MB, memory read between polls included. With 500 two workers
 * reading scans peaked at 811–834 MB on bench phase 6; with 420 at 770–804 MB;
 * with 400 at 776–799 MB, 1.1–1.2 pages/s against 1.2–1.3 at 420 on the same
 * machine (a scan read again alone when both workers peak at once;
 * docs/performance.md).
 */
export const OCR_MEMORY_MB = 400;
/**
 * Larger files are not sent to their worker, which reads them itself: two
 * 32 MB workbooks sent at once held the main process at 219 MB (the bytes,
 * their serialized copies, the pipe's buffers).
 */
const SEND_BYTES_LIMIT = 1024 * 1024; // as ingest.ts INLINE_BYTES_LIMIT
/** How often the workers' resident memory is read while files are read (/proc, Linux). JIXIAO_POOL_TRACE=1 prints each time the run is over its limit. */
const MEMORY_POLL_MS = 25;
/**
 * The pool acts this far below the run's limit: memory read every
 * MEMORY_POLL_MS grows between two readings and while a stopped worker ends.
 * A worker splitting one 46 MB line (scripts/fixtures/make-hostile-inputs.py,
 * poison-line.txt) grew ~20 MB past the limit before it was gone.
 */
export const MEMORY_HEADROOM_MB = 24;
/**
 * A worker holding more of its own memory than this after a file (anonymous
 * pages: heap, buffers, malloc's arenas) is ended instead of kept, and the next
 * file gets a fresh one (~33 MB of its own; booting costs about a second of
 * CPU). On the mixed bench archive workers reached at most 107-125 MB; a file
 * that leaves more behind (a heap grown for a large workbook, fragmented malloc
 * arenas) would otherwise be carried into every later file, beside the other
 * worker's. A worker holding the OCR runtime may keep OCR_MEMORY_MB more.
 */
export const WORKER_KEEP_MB = 128;
/**
 * glibc gives each thread that allocates its own malloc arena (up to 8 per
 * core), and memory freed in one is not reused by another: a worker's V8
 * helper threads and libuv's thread pool each kept theirs. Two arenas held the
 * workers at 107-112 MB of their own memory over 228 files of the mixed bench
 * archive instead of 125-135 MB, at the same CPU time.
 */
const WORKER_MALLOC_ARENAS = "2";
/** An idle worker is ended after this long (it holds ~75 MB). */
const IDLE_TIMEOUT_MS = 60_000;
/** The last bytes of a worker's stderr kept to say why it died (V8 prints "FATAL ERROR: ..." there). */
const STDERR_TAIL_BYTES = 8 * 1024;

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
  /** Resident memory of the main process and all workers together (default RUN_MEMORY_MB). */
  memoryMb?: number;
  /** A worker's own memory past which it is replaced after a file (default WORKER_KEEP_MB). */
  workerKeepMb?: number;
  /** Which PDF pages the workers read by OCR (default auto). */
  ocr?: OcrMode;
  /** Told each time a worker starts recognising a scanned page. */
  onOcrPage?: (path: string, page: number) => void;
}

export type ParseOutcome =
  | { kind: "parsed"; result: FileResult }
  /** The file could not be parsed: timeout, memory ceiling, crash. */
  | { kind: "failed"; reason: string }
  /** The run is stopping: the file was dropped unread, the next run reads it. */
  | { kind: "cancelled" };

/** One worker process. */
interface Worker {
  child: ChildProcess;
  /** Resolves when the process has ended, with how. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The end of its stderr. */
  stderr: string;
  idleTimer?: NodeJS.Timeout;
  /**
   * Sent SIGKILL by halt(): it must not take another file. Its result for the
   * file it was stopped on can still arrive before it dies; released then, the
   * next file sent to it died with it as `crashed: ... SIGKILL`.
   */
  halted?: boolean;
  /** It has recognised a scanned page: it holds the OCR runtime (OCR_MEMORY_MB) until it ends. */
  ocr?: boolean;
}

type StopReason = "timeout" | "memory" | "deferred" | "cancelled";

/** A worker reading a file, as the memory watch sees it. */
interface Busy {
  halt(why: StopReason): void;
  /** The largest resident memory seen while it read this file, in MB. */
  peakMb: number;
  /** The main process's at that moment. */
  mainMb: number;
  /** The file has pages read by OCR: the run may hold OCR_MEMORY_MB more while it is read. */
  ocr?: boolean;
  /** Pages of the file recognised so far, each adding OCR_PAGE_ALLOWANCE_MS to its time limit. */
  ocrPages?: number;
}

export class ParsePool {
  private readonly idle: Worker[] = [];
  private readonly all = new Set<Worker>();
  private readonly waiting: ((w: Worker) => void)[] = [];
  private readonly busy = new Map<Worker, Busy>();
  /** Files wait on this before taking a worker; a file read alone closes it until it is done. */
  private gate: Promise<void> = Promise.resolve();
  private whenNoneBusy: (() => void)[] = [];
  private watch: NodeJS.Timeout | undefined;
  private closed = false;
  /** Files that had pages read by OCR: read again (deferred, alone), they are allowed OCR_MEMORY_MB from the start. */
  private readonly ocrFiles = new Set<string>();

  constructor(private readonly o: PoolOptions) {}

  get threads(): number {
    return this.o.threads;
  }

  /** Resident memory of the run, main process and workers, in MB. */
  get memoryMb(): number {
    return this.o.memoryMb ?? RUN_MEMORY_MB;
  }

  /**
   * Reads the workers' memory; over the limit, ends idle workers, then stops
   * the largest busy one. The run's memory is what its processes hold alone
   * (anonymous pages: heaps, buffers) plus the files they map, counted once:
   * every process maps the same node binary and much the same code, which a
   * sum of RSS would count once per worker (~45 MB each).
   */
  private checkMemory(): void {
    const main = residentMemory("self");
    const mainMb = main.anonMb + main.fileMb;
    let anon = main.anonMb;
    let file = main.fileMb;
    let largest: [Worker, number] | null = null;
    let stopping = false;
    for (const w of this.all) {
      // A worker already sent SIGKILL frees its memory within milliseconds (and reads as 0 once gone).
      if (w.halted) {
        stopping = true;
        continue;
      }
      const m = residentMemory(w.child.pid);
      anon += m.anonMb;
      file = Math.max(file, m.fileMb);
      const mb = m.anonMb + m.fileMb;
      const b = this.busy.get(w);
      if (!b) continue;
      if (mb > b.peakMb) {
        b.peakMb = mb;
        b.mainMb = mainMb;
      }
      if (!largest || mb > largest[1]) largest = [w, mb];
    }
    const ocr = [...this.busy.values()].some((b) => b.ocr) || [...this.all].some((w) => w.ocr && !w.halted);
    const limit = this.memoryMb - MEMORY_HEADROOM_MB + (ocr ? OCR_MEMORY_MB : 0);
    // Over while a stopped worker is still ending: wait for it rather than stop another.
    if (anon + file <= limit || !largest || stopping) return;
    if (process.env.JIXIAO_POOL_TRACE) process.stderr.write(`pool: ${Math.round(anon + file)} MB > ${Math.round(limit)} (main ${Math.round(mainMb)}, largest ${Math.round(largest[1])}, busy ${this.busy.size}, idle ${this.idle.length})\n`);
    if (this.idle.length > 0) {
      for (const w of [...this.idle]) this.kill(w);
      return;
    }
    this.busy.get(largest[0])!.halt(this.busy.size > 1 ? "deferred" : "memory");
  }

  private setBusy(w: Worker, b: Busy | null): void {
    if (b) this.busy.set(w, b);
    else this.busy.delete(w);
    if (this.busy.size > 0 && !this.watch) {
      this.watch = setInterval(() => this.checkMemory(), MEMORY_POLL_MS);
      this.watch.unref();
    } else if (this.busy.size === 0) {
      clearInterval(this.watch);
      this.watch = undefined;
      for (const f of this.whenNoneBusy.splice(0)) f();
    }
  }

  private spawn(): Worker {
    const data: PoolWorkerData = { filesPerWorker: this.o.filesPerWorker ?? DEFAULT_FILES_PER_WORKER, bundle: this.o.bundle?.href, vocab: this.o.vocab, ocr: this.o.ocr };
    const child = fork(PROCESS_HOST, [], {
      // No inherited loaders or flags (tsx's, vitest's): the entry imports the bundle or registers tsx itself.
      execArgv: [
        `--max-old-space-size=${this.o.workerHeapMb}`,
        // V8's young generation is three semi-spaces' worth (two semi-spaces and the new large-object space).
        `--max-semi-space-size=${Math.max(1, Math.round(WORKER_YOUNG_GENERATION_MB / 3))}`,
        `--heap-growing-percent=${HEAP_GROWING_PERCENT}`,
      ],
      env: {
        ...process.env,
        MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? WORKER_MALLOC_ARENAS,
        [POOL_WORKER_ENV]: JSON.stringify({ entry: (this.o.entry ?? WORKER_ENTRY).href, data }),
      },
      serialization: "advanced",
      // stdout is the progress stream under --json: nothing a parser prints may reach it.
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    const w: Worker = {
      child,
      stderr: "",
      exited: new Promise((resolve) => {
        child.once("exit", (code, signal) => resolve({ code, signal }));
        // Could not start at all (fork failed): reported like an exit.
        child.once("error", () => resolve({ code: child.exitCode, signal: child.signalCode }));
      }),
    };
    child.stderr!.setEncoding("utf8");
    child.stderr!.on("data", (chunk: string) => {
      w.stderr = (w.stderr + chunk).slice(-STDERR_TAIL_BYTES);
    });
    void w.exited.then(() => this.forget(w));
    this.all.add(w);
    return w;
  }

  private forget(w: Worker): void {
    clearTimeout(w.idleTimer);
    this.all.delete(w);
    const i = this.idle.indexOf(w);
    if (i >= 0) this.idle.splice(i, 1);
  }

  private async acquire(): Promise<Worker> {
    for (;;) {
      const w = this.idle.pop();
      if (!w) break;
      clearTimeout(w.idleTimer);
      if (w.child.exitCode === null && w.child.signalCode === null && w.child.connected) {
        hold(w, true);
        return w;
      }
    }
    if (this.all.size < this.o.threads) {
      const w = this.spawn();
      hold(w, true);
      return w;
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(w: Worker): void {
    const next = this.waiting.shift();
    if (next) return next(w);
    if (this.closed) return this.kill(w);
    hold(w, false);
    w.idleTimer = setTimeout(() => this.kill(w), IDLE_TIMEOUT_MS);
    w.idleTimer.unref();
    this.idle.push(w);
  }

  /** A worker that ended or was stopped: whoever waits for one gets a fresh one. */
  private replace(w: Worker): void {
    this.forget(w);
    const next = this.waiting.shift();
    if (next) {
      const fresh = this.spawn();
      hold(fresh, true);
      next(fresh);
    }
  }

  /** Whether a worker that just finished a file holds more of its own memory than it may keep (WORKER_KEEP_MB). */
  private holdsTooMuch(w: Worker): boolean {
    const own = residentMemory(w.child.pid).anonMb;
    // The OCR runtime is kept on purpose (see OCR_MEMORY_MB): loading it again for every scan costs seconds.
    const over = own > (this.o.workerKeepMb ?? WORKER_KEEP_MB) + (w.ocr ? OCR_MEMORY_MB : 0);
    if (over && process.env.JIXIAO_POOL_TRACE) process.stderr.write(`pool: worker ${w.child.pid} keeps ${Math.round(own)} MB after a file: replaced\n`);
    return over;
  }

  private kill(w: Worker): void {
    this.forget(w);
    w.child.kill("SIGKILL");
  }

  /** Parses one file; `stop` drops it (the worker is stopped if it already started). */
  async parse(task: Omit<ParseTask, "started">, stop: AbortSignal): Promise<ParseOutcome> {
    for (let gate; gate !== this.gate; ) await (gate = this.gate);
    if (stop.aborted) return { kind: "cancelled" };
    const w = await this.acquire();
    if (stop.aborted) {
      this.release(w);
      return { kind: "cancelled" };
    }
    const outcome = await this.run(w, task, stop);
    // The worker ended before reading the file. A fresh worker reads it.
    if (outcome === "retired") return this.parse(task, stop);
    if (outcome === "deferred") return this.parseAlone(task, stop);
    return outcome;
  }

  /** Reads a file with no other file being read: it took the run past its memory beside others. */
  private async parseAlone(task: Omit<ParseTask, "started">, stop: AbortSignal): Promise<ParseOutcome> {
    const earlier = this.gate;
    let open!: () => void;
    this.gate = new Promise((resolve) => (open = resolve));
    try {
      await earlier;
      if (this.busy.size > 0) await new Promise<void>((resolve) => this.whenNoneBusy.push(resolve));
      for (;;) {
        if (stop.aborted) return { kind: "cancelled" };
        const outcome = await this.run(await this.acquire(), task, stop);
        // A worker that retired instead: the next one reads it (still alone: the gate is ours).
        if (outcome === "retired") continue;
        // Alone, a stop for memory is final (run() reports it as failed); "deferred" cannot happen.
        return outcome === "deferred" ? { kind: "failed", reason: this.memoryReason(0, 0) } : outcome;
      }
    } finally {
      open();
    }
  }

  private run(w: Worker, task: Omit<ParseTask, "started">, stop: AbortSignal): Promise<ParseOutcome | "retired" | "deferred"> {
    const { fileTimeoutMs } = this.o;
    return new Promise((resolve) => {
      let settled = false;
      let stoppedFor: StopReason | null = null;
      const finish = (outcome: ParseOutcome | "retired" | "deferred", keep: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.setBusy(w, null);
        stop.removeEventListener("abort", onAbort);
        w.child.off("message", onMessage);
        if (keep && !w.halted && !this.holdsTooMuch(w)) this.release(w);
        else if (keep) {
          // Stopped, but its answer came first: the file is done, the worker is not reused.
          // Or it keeps too much after the file: it ends, and the next file gets a fresh one.
          if (!w.halted) this.kill(w);
          this.replace(w);
        }
        resolve(outcome);
      };
      const halt = (why: StopReason) => {
        stoppedFor ??= why;
        w.halted = true;
        w.child.kill("SIGKILL");
      };
      const watched: Busy = { halt, peakMb: 0, mainMb: 0, ocr: this.ocrFiles.has(task.path) || w.ocr === true };
      this.setBusy(w, watched);
      // The limit starts when the worker takes the file (a new worker boots first, which takes seconds);
      // the fallback covers a worker that never gets that far.
      let timer = setTimeout(() => halt("timeout"), fileTimeoutMs + WORKER_BOOT_ALLOWANCE_MS);
      const onAbort = () => halt("cancelled");
      stop.addEventListener("abort", onAbort, { once: true });
      let due = 0;
      const onMessage = (m: PoolProcessMessage) => {
        if (m.type === "started") {
          clearTimeout(timer);
          due = Date.now() + fileTimeoutMs;
          timer = setTimeout(() => halt("timeout"), fileTimeoutMs);
        } else if (m.type === "ocr-page") {
          // A scanned page takes seconds to recognise: the file's limit grows with each one.
          clearTimeout(timer);
          due += OCR_PAGE_ALLOWANCE_MS;
          timer = setTimeout(() => halt("timeout"), Math.max(0, due - Date.now()));
          watched.ocr = true;
          w.ocr = true;
          this.ocrFiles.add(task.path);
          watched.ocrPages = (watched.ocrPages ?? 0) + 1;
          this.o.onOcrPage?.(task.path, m.page);
        } else if (m.type === "done") {
          finish({ kind: "parsed", result: m.result }, true);
        } else if (m.type === "error") {
          // The worker module threw: its process is fine and takes the next file.
          finish({ kind: "failed", reason: `crashed: expected the worker to return the file's result, found an error: ${firstLine(m.message)}` }, true);
        }
      };
      w.child.on("message", onMessage);
      void w.exited.then(({ code, signal }) => {
        if (settled) return;
        this.replace(w);
        if (stoppedFor === "cancelled" || (stop.aborted && stoppedFor === null)) return finish({ kind: "cancelled" }, false);
        if (code === RETIRED_EXIT_CODE) return finish("retired", false);
        if (stoppedFor === "deferred") return finish("deferred", false);
        finish({ kind: "failed", reason: this.exitReason(w, code, signal, stoppedFor, watched) }, false);
      });
      // Bytes cross to a process as a copy, serialized in the main process first: a large file is
      // read again by its worker (from the page cache) instead. A worker that died meanwhile
      // cannot take it: its exit, above, says why.
      const sent = task.bytes && task.bytes.byteLength > SEND_BYTES_LIMIT ? { ...task, bytes: undefined } : task;
      w.child.send({ type: "task", task: sent }, () => {});
    });
  }

  private memoryReason(workerMb: number, mainMb: number): string {
    return `too large: expected the file to be read within the run's ${this.memoryMb} MB of memory, found its worker at ${Math.round(workerMb)} MB beside ${Math.round(mainMb)} MB for the main process (stopped at ${this.memoryMb - MEMORY_HEADROOM_MB} MB, ${MEMORY_HEADROOM_MB} MB below the limit for growth between two readings), with no other file being read; its worker was stopped`;
  }

  private exitReason(w: Worker, code: number | null, signal: NodeJS.Signals | null, stoppedFor: StopReason | null, watched: Busy): string {
    const o = this.o;
    if (stoppedFor === "timeout") {
      const ocr = watched.ocrPages ? ` + ${OCR_PAGE_ALLOWANCE_MS / 1000} s for each of its ${watched.ocrPages} OCR pages` : "";
      return `timeout: expected the file to be read within ${o.fileTimeoutMs / 1000} s${ocr}, found it still being read; its worker was stopped`;
    }
    if (stoppedFor === "memory") return this.memoryReason(watched.peakMb, watched.mainMb);
    if (code === BUILTINS_CHANGED_EXIT_CODE) {
      return "corrupt: expected a file that parses without touching JavaScript's built-in objects, found one that changed them while it was read (prototype pollution); its worker was replaced";
    }
    const fatal = /FATAL ERROR: ([^\n]*)/.exec(w.stderr)?.[1]?.trim();
    if (fatal && /heap limit|heap out of memory|allocation failed/i.test(fatal)) {
      return `too large: expected the file to be read within the worker's ${o.workerHeapMb} MB heap, found it exhausted (V8: ${firstLine(fatal)}); its worker was replaced`;
    }
    const how = signal ? `was killed by ${signal}` : `exited with code: ${code}`;
    const said = fatal ?? lastLine(w.stderr);
    return `crashed: expected the worker to return the file's result, found its process ${how}${said ? ` (${firstLine(said)})` : ""}; its worker was replaced`;
  }

  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.all];
    for (const w of all) {
      // An idle worker is unref'd: its exit must still be waited for.
      hold(w, true);
      this.kill(w);
    }
    await Promise.all(all.map((w) => w.exited));
  }
}

/** A busy worker keeps the run alive; an idle one must not hold the process open. */
function hold(w: Worker, busy: boolean): void {
  const c = w.child as ChildProcess & { channel?: { ref(): void; unref(): void } };
  if (busy) {
    c.ref();
    c.channel?.ref();
  } else {
    c.unref();
    c.channel?.unref();
  }
  (w.child.stderr as unknown as { ref?(): void; unref?(): void } | null)?.[busy ? "ref" : "unref"]?.();
}

/**
 * Resident memory of a process in MB: its own (anonymous and shared-memory
 * pages) and mapped files (Linux /proc; elsewhere only this process's RSS is
 * known, and a worker counts 0: its heap ceiling then still holds).
 */
export function residentMemory(pid: number | "self" | undefined): { anonMb: number; fileMb: number } {
  try {
    if (pid === undefined) return { anonMb: 0, fileMb: 0 };
    const status = readFileSync(`/proc/${pid}/status`, "latin1");
    const kb = (field: string) => Number(new RegExp(`${field}:\\s*(\\d+)`).exec(status)?.[1] ?? 0);
    return { anonMb: (kb("RssAnon") + kb("RssShmem")) / 1024, fileMb: kb("RssFile") / 1024 };
  } catch {
    return pid === "self" ? { anonMb: process.memoryUsage.rss() / 1024 / 1024, fileMb: 0 } : { anonMb: 0, fileMb: 0 };
  }
}

function lastLine(s: string): string {
  const lines = s.split("\n").map((l) => l.trim()).filter((l) => l !== "");
  return lines[lines.length - 1] ?? "";
}

/** The first line of an error message, bounded: reasons are one line in `documents.error` and in warnings. */
export function firstLine(s: string): string {
  return s.split("\n")[0]!.slice(0, 300);
}
