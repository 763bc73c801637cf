// A pool worker for the containment test's control: it pollutes Object.prototype
// for *pollute* files before the built-ins check starts (so the check cannot see
// it), showing that a pollution left in a worker does reach the next file there.
import { register } from "tsx/esm/api";

register();
const { default: misbehave } = await import("./misbehaving-worker.mjs");

export default async function polluteUnchecked(task) {
  const name = task.path.split("/").pop();
  if (name.includes("pollute")) Object.prototype.jixiaoPolluted = "by " + name;
  return misbehave({ ...task, path: task.path.replace("pollute", "plain") });
}
