/**
 * The pool workers' code as plain JavaScript, built with esbuild from the
 * TypeScript sources and rebuilt whenever one of them changes (bundle-cache.mjs).
 *
 * Why: a worker that registers tsx runs a second thread for tsx's module hooks
 * and holds every transformed module's source, ~30 MB of RSS per worker
 * (measured: 200 XLSX files peaked at 330 MB with tsx workers, 295 MB with
 * the bundle), and compiles the pipeline again in every new worker. That
 * memory is what lets the workers have a young generation large enough not to
 * spend a fifth of their CPU in the scavenger (see pool.ts). If the bundle
 * cannot be built, the workers fall back to registering tsx themselves.
 */
import { fileURLToPath } from "node:url";
import { DEFAULT_BUNDLE_DIR, ensureBundle } from "./bundle-cache.mjs";
import { firstLine } from "./pool.ts";

/** The TypeScript module the workers run (parse-worker.mjs imports it through tsx when there is no bundle). */
export const WORKER_SOURCE = fileURLToPath(new URL("./parse-worker.ts", import.meta.url));

export interface WorkerBundle {
  url: URL;
  /** Whether this call built it (false: an up-to-date bundle was found). */
  built: boolean;
}

/**
 * The URL of an up-to-date bundle of `source`, built if needed; null when it
 * cannot be built (esbuild missing or failing, folder not writable), with the
 * reason passed to `onError`.
 */
export async function workerBundle(
  source = WORKER_SOURCE,
  dir = DEFAULT_BUNDLE_DIR,
  onError: (reason: string) => void = () => {},
): Promise<WorkerBundle | null> {
  try {
    return await ensureBundle(source, dir);
  } catch (e) {
    onError(`expected to bundle the worker code into ${dir}, found: ${firstLine(String((e as Error)?.message ?? e))}`);
    return null;
  }
}
