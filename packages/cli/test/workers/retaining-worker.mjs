// A pool worker for tests: the real pipeline, which also names the process in
// each result's warnings (`worker pid N`), so a test can tell whether two files
// were read by the same worker process. A *retain* file leaves 300 MB behind
// in the worker after it is read (a Buffer kept alive), as a file that grows a
// worker's heap or malloc arenas for good would.
import { register } from "tsx/esm/api";

register();
const { default: parseTask } = await import("../../src/parse-worker.ts");

const kept = [];

export default async function retain(task) {
  const name = task.path.split("/").pop();
  const result = await parseTask(task);
  if (name.includes("retain")) kept.push(Buffer.alloc(300 << 20, 1));
  result.meta.warnings.push(`worker pid ${process.pid}`);
  return result;
}
