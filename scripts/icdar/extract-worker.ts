/**
 * Worker thread for scripts/bench-pdf.ts: extracts the PDFs it is sent and
 * answers with the page count (the bench measures wall time across workers).
 */
import { parentPort } from "node:worker_threads";
import { readFileSync } from "node:fs";
import { extractPdf } from "../../packages/extract/src/pdf/index.ts";

parentPort!.on("message", async (file: string) => {
  try {
    const doc = await extractPdf(readFileSync(file));
    parentPort!.postMessage({ file, pages: doc.pageCount });
  } catch (err) {
    parentPort!.postMessage({ file, pages: 0, error: String(err) });
  }
});
