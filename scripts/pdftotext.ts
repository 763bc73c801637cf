/**
 * Poppler's `pdftotext -layout` as the benches' yardstick: one thread, the
 * files one after another. The machine's speed drifts, so jixiao's PDF times
 * are reported against it, measured in the same minute.
 */
import { execFileSync, spawnSync } from "node:child_process";

/** Seconds `pdftotext -layout` takes over `files`. */
export function pdftotextSeconds(files: readonly string[]): number {
  const t = performance.now();
  for (const f of files) execFileSync("pdftotext", ["-layout", f, "-"], { maxBuffer: 1 << 30 });
  return (performance.now() - t) / 1000;
}

/** Whether `pdftotext` is installed. */
export function hasPdftotext(): boolean {
  return !spawnSync("pdftotext", ["-v"]).error;
}
