// Entry of a pool worker process (pool.ts forks it). It imports the worker
// module named in JIXIAO_POOL_WORKER (parse-worker.mjs, or a test's), then reads
// one file per message from the pool: `{ type: "task", task }` in, "started"
// and then the result or the error out (worker-exits.ts: PoolProcessMessage).
// Whatever the module does — a heap V8 cannot grow, a native crash, exit() —
// ends this process only; the pool records the file and starts another.
const { entry } = JSON.parse(process.env.JIXIAO_POOL_WORKER ?? "{}");
if (!entry || !process.send) {
  console.error("parse-process.mjs: expected to be forked by the parse pool (JIXIAO_POOL_WORKER and an IPC channel), found neither");
  process.exit(2);
}

const { default: parseTask } = await import(entry);

const send = (message) => new Promise((resolve) => process.send(message, undefined, undefined, () => resolve()));

process.on("message", async (message) => {
  if (message?.type !== "task") return;
  const task = message.task;
  task.started = { postMessage: () => void process.send({ type: "started" }), close() {} };
  let reply;
  try {
    reply = { type: "done", result: await parseTask(task) };
  } catch (e) {
    reply = { type: "error", message: String(e?.message ?? e) };
  }
  try {
    await send(reply);
  } catch (e) {
    // A result the channel cannot carry is the file's failure, not the worker's.
    await send({ type: "error", message: `the result could not be sent back (${String(e?.message ?? e).split("\n")[0]})` });
  }
});
// The pool is gone (its process ended): nothing left to read for.
process.on("disconnect", () => process.exit(0));
