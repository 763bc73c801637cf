// Entry of a pool worker. Worker threads start without the parent's loaders
// (the pool passes execArgv: [] so `pnpm jixiao`, vitest and plain node behave
// alike), so the worker registers tsx itself before importing the TypeScript
// pipeline.
import { register } from "tsx/esm/api";

register();
const { default: parseTask } = await import("./parse-worker.ts");

export default parseTask;
