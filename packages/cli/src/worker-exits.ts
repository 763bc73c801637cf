/**
 * How a pool worker ends itself on purpose, so the pool can tell these exits
 * from crashes. Shared by the worker (parse-worker.ts) and the pool (pool.ts).
 */

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

/** What the pool tells its workers (piscina's workerData). */
export interface PoolWorkerData {
  filesPerWorker: number;
  /** URL of the bundled pipeline to import instead of registering tsx (see worker-bundle.ts). */
  bundle?: string;
  /** The user's vocabulary file (text and id): each worker compiles it once (vocab-file.ts). */
  vocab?: { where: string; text: string; id: string };
}

export const exitedWith = (err: Error, code: number) => err.message === `worker exited with code: ${code}`;
