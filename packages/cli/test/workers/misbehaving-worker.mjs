// A pool worker for tests: the real pipeline, except for files whose names ask
// it to misbehave the way a bad input can make a real parser misbehave.
//   *hang*  loops forever (a parser stuck on a crafted file)
//   *oom*   allocates until the worker's heap ceiling kills it
//   *exit*  ends its thread abruptly
import { register } from "tsx/esm/api";

register();
const { default: parseTask, announceStart } = await import("../../src/parse-worker.ts");

export default async function misbehave(task) {
  await announceStart(task);
  const name = task.path.split("/").pop();
  if (name.includes("hang")) for (;;);
  if (name.includes("oom")) {
    const hog = [];
    for (;;) hog.push(new Array(1 << 20).fill(hog.length));
  }
  if (name.includes("exit")) process.exit(3);
  return parseTask(task);
}
