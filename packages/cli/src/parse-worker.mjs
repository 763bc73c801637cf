// The worker module of a pool worker process (parse-process.mjs imports it).
// Worker processes start without the parent's loaders (the pool passes its own
// execArgv, so `pnpm jixiao`, vitest and plain node behave alike). The pool
// usually hands over a bundle of the pipeline as plain JavaScript
// (worker-bundle.ts); without one, the worker registers tsx itself before
// importing the TypeScript pipeline.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

await preloadPdfJsNatively();

// The pool's data for this worker (worker-exits.ts: POOL_WORKER_ENV, read here without a TypeScript loader).
const poolData = process.env.JIXIAO_POOL_WORKER ? JSON.parse(process.env.JIXIAO_POOL_WORKER).data : null;
const { default: parseTask } = poolData?.bundle ? await import(poolData.bundle) : await importThroughTsx();

export default parseTask;

async function importThroughTsx() {
  const { register } = await import("tsx/esm/api");
  register();
  // tsx turns source maps on; Node then keeps a parsed map of every transformed module,
  // pdf.js's 2 MB build included: ~60 MB of heap and ~80 MB of RSS per worker, and slower loading.
  // Reasons for failed files are one line anyway, so TypeScript line numbers are not needed here.
  process.setSourceMapsEnabled(false);
  return import("./parse-worker.ts");
}

/**
 * pdf.js's two bundles are plain ESM. Loaded before tsx is registered, they are
 * compiled by Node as they are; loaded through tsx, each worker held ~230 MB more
 * RSS and took ~1 s longer over its first PDF (measured on the fixtures). The
 * extract stage's own `import "pdfjs-dist/..."` then finds them in the module
 * cache; the worker bundle registers itself as globalThis.pdfjsWorker, which
 * pdf.js uses instead of importing it again. pdf.js's bundled core-js replaces
 * Array.prototype.push with a slower JavaScript one: the native one is put back,
 * as the extract stage does after its own loads. If pdf.js cannot be found from
 * the extract package, nothing is preloaded and the extract stage loads it as usual.
 */
async function preloadPdfJsNatively() {
  let fromExtract;
  try {
    fromExtract = createRequire(import.meta.resolve("@jixiao/extract"));
  } catch {
    return;
  }
  const nativePush = Array.prototype.push;
  try {
    for (const bundle of ["pdfjs-dist/legacy/build/pdf.mjs", "pdfjs-dist/legacy/build/pdf.worker.mjs"]) {
      await import(pathToFileURL(fromExtract.resolve(bundle)).href);
    }
  } catch {
    // Left to the extract stage, which reports a broken pdf.js per file.
  } finally {
    if (Array.prototype.push !== nativePush) {
      Object.defineProperty(Array.prototype, "push", { value: nativePush, writable: true, configurable: true, enumerable: false });
    }
  }
}
