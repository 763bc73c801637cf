// @ts-check
/**
 * Entry of the contained spreadsheet worker: reads one workbook per message with
 * ./dump-workbook.mjs and answers with its dump or a one-line reason.
 */
import { parentPort } from "node:worker_threads";
import { dumpWorkbook, TooLarge } from "./dump-workbook.mjs";

parentPort?.on("message", (/** @type {import("./dump.ts").WorkerRequest} */ req) => {
  // Asked to leave while idle: the port closes, the loop empties, the thread ends by itself.
  if ("close" in req) {
    parentPort?.close();
    return;
  }
  try {
    parentPort?.postMessage({ id: req.id, ok: true, dump: dumpWorkbook(req.bytes, req.limits) });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    parentPort?.postMessage({ id: req.id, ok: false, message: message.split("\n")[0], tooLarge: err instanceof TooLarge });
  }
});
