/**
 * What one pool worker does with one file: the pure pipeline (extract →
 * normalize → check), no database. The main thread usually read and hashed
 * the bytes already and transfers them; large files are read here instead,
 * so the main thread never holds them.
 */
import type { MessagePort } from "node:worker_threads";
import { processBytes, processFile, type FileResult } from "./process-file.ts";

export interface ParseTask {
  path: string;
  /** The file's bytes, transferred; absent when the worker should read the file itself. */
  bytes?: Uint8Array;
  mtimeMs: number | null;
  /** Told when this worker starts the file, so the time limit counts parsing, not waiting for a worker to boot. */
  started?: MessagePort;
}

/** Tells the pool this worker has the file now (its time limit starts). */
export async function announceStart(task: ParseTask): Promise<void> {
  if (!task.started) return;
  task.started.postMessage("started");
  // Let the message leave before parsing starts: a parser stuck in a loop would otherwise hold it back.
  await new Promise((resolve) => setImmediate(resolve));
  task.started.close();
  task.started = undefined;
}

export default async function parseTask(task: ParseTask): Promise<FileResult> {
  await announceStart(task);
  if (task.bytes) return processBytes(task.path, task.bytes, task.mtimeMs);
  return processFile(task.path);
}
