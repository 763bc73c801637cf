// Entry of a pool worker. Worker threads start without the parent's loaders
// (the pool passes execArgv: [] so `pnpm jixiao`, vitest and plain node behave
// alike), so the worker registers tsx itself before importing the TypeScript
// pipeline.
import { register } from "tsx/esm/api";

register();
// tsx turns source maps on; Node then keeps a parsed map of every transformed module,
// pdf.js's 2 MB build included: ~60 MB of heap and ~80 MB of RSS per worker, and slower loading.
// Reasons for failed files are one line anyway, so TypeScript line numbers are not needed here.
process.setSourceMapsEnabled(false);
const { default: parseTask } = await import("./parse-worker.ts");

export default parseTask;
