/**
 * A worker that holds more of its own memory than it may keep after a file
 * (pool.ts WORKER_KEEP_MB, or the pool's workerKeepMb) is replaced: the next
 * file is read by a fresh process. A worker under the bound reads the next file
 * itself. The test worker names its process in each result and keeps 300 MB
 * alive after a *retain* file.
 */
import { describe, expect, it } from "vitest";
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { ParsePool, residentMemory } from "../src/pool.ts";
import { FIXTURES, tempDir } from "./bulk-helpers.ts";

const PATH = join(FIXTURES, "text/hengyang-2023-targets.xlsx.txt");
const RETAINING_WORKER = new URL("./workers/retaining-worker.mjs", import.meta.url);
const DIR = tempDir();

/** Parses a copy of the text under `name`; returns the pid of the worker process that read it. */
async function readBy(pool: ParsePool, name: string): Promise<number> {
  const path = join(DIR, `${name}.txt`);
  copyFileSync(PATH, path);
  const outcome = await pool.parse({ path, mtimeMs: null }, new AbortController().signal);
  if (outcome.kind !== "parsed") throw new Error(`expected ${name} to be parsed, found ${JSON.stringify(outcome)}`);
  expect(outcome.result.doc?.forms).toHaveLength(6);
  const pid = /^worker pid (\d+)$/.exec(outcome.result.meta.warnings.at(-1) ?? "")?.[1];
  if (!pid) throw new Error(`expected the test worker to name its pid, found warnings ${JSON.stringify(outcome.result.meta.warnings)}`);
  return Number(pid);
}

describe.runIf(process.platform === "linux")("a worker's memory after a file", () => {
  it("keeps a worker under the bound and replaces one over it", async () => {
    // What a worker (the pipeline through tsx) holds of its own after a file.
    const probe = new ParsePool({ threads: 1, fileTimeoutMs: 60_000, workerHeapMb: 256, memoryMb: 100_000, entry: RETAINING_WORKER });
    let ownMb: number;
    try {
      ownMb = residentMemory(await readBy(probe, "a-plain")).anonMb;
    } finally {
      await probe.close();
    }
    expect(ownMb).toBeGreaterThan(0);
    const pool = new ParsePool({ threads: 1, fileTimeoutMs: 60_000, workerHeapMb: 256, memoryMb: 100_000, workerKeepMb: Math.round(ownMb + 150), entry: RETAINING_WORKER });
    try {
      const first = await readBy(pool, "b-plain");
      // Under the bound: the same process reads the next file.
      expect(await readBy(pool, "c-retain")).toBe(first);
      // c-retain left 300 MB behind: that worker was ended, a fresh one reads d-plain.
      const after = await readBy(pool, "d-plain");
      expect(after).not.toBe(first);
      expect(residentMemory(first).anonMb).toBe(0);
      expect(await readBy(pool, "e-plain")).toBe(after);
    } finally {
      await pool.close();
    }
  }, 120_000);
});
