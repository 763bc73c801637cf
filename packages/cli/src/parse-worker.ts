/**
 * What one pool worker does with one file: the pure pipeline (extract →
 * normalize → check), no database. The main thread usually read and hashed
 * the bytes already and transfers them; large files are read here instead,
 * so the main thread never holds them.
 */
import { processBytes, processFile, type FileResult } from "./process-file.ts";

export interface ParseTask {
  path: string;
  /** The file's bytes, transferred; absent when the worker should read the file itself. */
  bytes?: Uint8Array;
  mtimeMs: number | null;
}

export default async function parseTask(task: ParseTask): Promise<FileResult> {
  if (task.bytes) return processBytes(task.path, task.bytes, task.mtimeMs);
  return processFile(task.path);
}
