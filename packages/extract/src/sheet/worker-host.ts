/**
 * Runs spreadsheet parsing in one reusable worker_thread with a heap limit and
 * a per-file time limit. Starting a worker and loading SheetJS costs ~150 ms,
 * so the worker is kept between files (unref'd while idle so it never holds
 * the process open) and replaced after any failure or after a number of jobs.
 * Jobs are serialised: one worker, one file at a time.
 */
import { Worker } from "node:worker_threads";
import { ExtractError } from "../errors.ts";
import { withArticle } from "../zip-guard.ts";
import type { SheetLimits, WorkbookDump, WorkerReply, WorkerRequest } from "./dump.ts";
import { classifyParserError } from "./parser-errors.ts";

export const SHEET_WORKER_LIMITS = {
  /** Heap of the worker; a form workbook needs tens of MB. */
  maxOldGenerationSizeMb: 512,
  maxYoungGenerationSizeMb: 48,
  /** Wall time for one workbook before the worker is killed. */
  timeoutMs: 20_000,
  /** Fresh worker after this many files, so a slow leak cannot accumulate. */
  maxJobsPerWorker: 200,
};

const WORKER_URL = new URL("./parse-worker.mjs", import.meta.url);

let worker: Worker | undefined;
let jobsOnWorker = 0;
let nextId = 1;
let queue: Promise<unknown> = Promise.resolve();

function spawn(): Worker {
  const w = new Worker(WORKER_URL, {
    resourceLimits: {
      maxOldGenerationSizeMb: SHEET_WORKER_LIMITS.maxOldGenerationSizeMb,
      maxYoungGenerationSizeMb: SHEET_WORKER_LIMITS.maxYoungGenerationSizeMb,
    },
    // No inherited loaders or flags: the worker is plain ESM.
    execArgv: [],
    stdout: false,
    stderr: false,
  });
  w.unref();
  // A worker that dies between jobs must not be handed the next one.
  w.once("exit", () => {
    if (worker === w) worker = undefined;
  });
  w.on("error", () => undefined); // reported through the job's own listener, if a job is running
  jobsOnWorker = 0;
  return w;
}

function discard(w: Worker): void {
  if (worker === w) worker = undefined;
  void w.terminate();
}

/** How long an idle worker asked to leave may take before it is terminated. */
const CLOSE_GRACE_MS = 2_000;

/**
 * Stop the idle worker (tests, benchmarks, shutdown), with the code it exited with: it is asked to leave and
 * ends by itself (0), terminated (1) only if it has not within CLOSE_GRACE_MS. Terminating a thread whose
 * isolate V8 still has tasks for can abort the whole process on Node 20 (NodePlatform::ForIsolate's assertion,
 * seen once at a test file's end); an idle worker has no reason to be killed.
 */
export async function closeSheetWorker(): Promise<number | null> {
  const w = worker;
  worker = undefined;
  if (!w) return null;
  const exited = new Promise<number>((resolve) => w.once("exit", resolve));
  w.postMessage({ close: true } satisfies WorkerRequest);
  const timer = setTimeout(() => void w.terminate(), CLOSE_GRACE_MS);
  const code = await exited;
  clearTimeout(timer);
  return code;
}

function runJob(bytes: Uint8Array, limits: SheetLimits, what: string): Promise<WorkbookDump> {
  const w = (worker ??= spawn());
  const id = nextId++;
  return new Promise<WorkbookDump>((resolve, reject) => {
    const cleanup = () => {
      clearTimeout(timer);
      w.off("message", onMessage);
      w.off("error", onError);
      w.off("exit", onExit);
      w.unref();
    };
    const fail = (err: ExtractError) => {
      cleanup();
      discard(w);
      reject(err);
    };
    const onMessage = (reply: WorkerReply) => {
      if (reply.id !== id) return;
      cleanup();
      if (++jobsOnWorker >= SHEET_WORKER_LIMITS.maxJobsPerWorker) discard(w);
      if (reply.ok) resolve(reply.dump);
      else if (reply.tooLarge) reject(new ExtractError(reply.message, "too_large"));
      else reject(classifyParserError(reply.message, what));
    };
    const onError = (err: Error & { code?: string }) => {
      if (err.code === "ERR_WORKER_OUT_OF_MEMORY") {
        fail(new ExtractError(`too large: expected ${withArticle(what)} that parses in ${SHEET_WORKER_LIMITS.maxOldGenerationSizeMb} MB, found one that exhausted the parser's memory`, "too_large"));
      } else {
        fail(new ExtractError(`corrupt: expected a readable ${what}, found one that crashed the parser (${err.message.split("\n")[0]})`, "corrupt"));
      }
    };
    const onExit = (code: number) => fail(new ExtractError(`corrupt: expected a readable ${what}, found one that stopped the parser (exit ${code})`, "corrupt"));
    const timer = setTimeout(() => {
      fail(new ExtractError(`timeout: expected ${withArticle(what)} to parse within ${SHEET_WORKER_LIMITS.timeoutMs / 1000} s, found it still parsing`, "timeout"));
    }, SHEET_WORKER_LIMITS.timeoutMs);
    w.on("message", onMessage);
    w.on("error", onError);
    w.on("exit", onExit);
    w.ref();
    // A private copy is transferred, so the caller's buffer stays usable. (Not
    // bytes.slice(): on a Buffer that is a view, and transferring it would detach
    // the caller's memory.)
    const copy = new Uint8Array(bytes.byteLength);
    copy.set(bytes);
    const req: WorkerRequest = { id, bytes: copy, limits };
    w.postMessage(req, [copy.buffer]);
  });
}

/** Parse a workbook in the worker; calls are queued so only one runs at a time. */
export function parseWorkbookContained(bytes: Uint8Array, limits: SheetLimits, what: string): Promise<WorkbookDump> {
  const job = queue.then(() => runJob(bytes, limits, what));
  queue = job.catch(() => undefined);
  return job;
}
