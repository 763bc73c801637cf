/**
 * The pool holds the run's memory (main process and workers, shared code
 * counted once) to its limit: two files that each fit alone but not together
 * are both read, the second again alone; a file that does not fit alone fails
 * with a one-line reason. The *hog* files of the test worker hold 400 MB
 * outside their heap, which --worker-memory does not see.
 */
import { describe, expect, it } from "vitest";
import { copyFileSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ParsePool, residentMemory, type ParseOutcome } from "../src/pool.ts";
import { FIXTURES, MISBEHAVING_WORKER, tempDir } from "./bulk-helpers.ts";

const PATH = join(FIXTURES, "text/hengyang-2023-targets.xlsx.txt");
const DIR = tempDir();

function file(name: string): string {
  const path = join(DIR, `${name}.txt`);
  copyFileSync(PATH, path);
  return path;
}

const parse = (pool: ParsePool, name: string): Promise<ParseOutcome> => pool.parse({ path: file(name), mtimeMs: null }, new AbortController().signal);

/** This process and its worker processes, as the pool counts them, in MB. */
function runMemoryMb(): number {
  const kids = readdirSync(`/proc/${process.pid}/task`).flatMap((t) => readFileSync(`/proc/${process.pid}/task/${t}/children`, "latin1").split(" ").filter(Boolean).map(Number));
  const all = [residentMemory("self"), ...kids.map((p) => residentMemory(p))];
  return all.reduce((a, m) => a + m.anonMb, 0) + Math.max(...all.map((m) => m.fileMb));
}

describe.runIf(process.platform === "linux")("the run's memory limit", () => {
  it("reads two files that fit only one at a time, the second again alone; fails one that does not fit alone", async () => {
    // What two booted workers (loading the pipeline through tsx) hold before any file.
    const warm = new ParsePool({ threads: 2, fileTimeoutMs: 60_000, workerHeapMb: 256, memoryMb: 100_000, entry: MISBEHAVING_WORKER });
    let base: number;
    try {
      await Promise.all([parse(warm, "w1"), parse(warm, "w2")]);
      base = runMemoryMb();
    } finally {
      await warm.close();
    }
    const pool = new ParsePool({ threads: 2, fileTimeoutMs: 60_000, workerHeapMb: 256, memoryMb: Math.round(base + 550), entry: MISBEHAVING_WORKER });
    try {
      const [a, b] = await Promise.all([parse(pool, "a-hog"), parse(pool, "b-hog")]);
      expect(a.kind, JSON.stringify(a)).toBe("parsed");
      expect(b.kind, JSON.stringify(b)).toBe("parsed");
      if (a.kind === "parsed") expect(a.result.doc?.forms).toHaveLength(6);
    } finally {
      await pool.close();
    }
    const small = new ParsePool({ threads: 2, fileTimeoutMs: 60_000, workerHeapMb: 256, memoryMb: Math.round(base + 200), entry: MISBEHAVING_WORKER });
    try {
      const [hog, plain] = await Promise.all([parse(small, "c-hog"), parse(small, "d-plain")]);
      expect(plain.kind).toBe("parsed");
      expect(hog).toMatchObject({ kind: "failed", reason: expect.stringMatching(/^too large: expected the file to be read within the run's \d+ MB of memory, found its worker at \d+ MB beside \d+ MB for the main process \(stopped at \d+ MB, 24 MB below the limit for growth between two readings\), with no other file being read; its worker was stopped$/) });
    } finally {
      await small.close();
    }
  }, 180_000);
});
