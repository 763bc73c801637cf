/**
 * A pool worker is replaced after its share of files: it ends before touching
 * the next file, which a fresh worker then reads from disk (the bytes sent to
 * the retired worker went with it).
 */
import { describe, expect, it } from "vitest";
import { copyFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ParsePool, type ParseOutcome } from "../src/pool.ts";
import { sha256 } from "../src/file-result.ts";
import { FIXTURES, tempDir } from "./bulk-helpers.ts";

const PATH = join(FIXTURES, "text/hengyang-2023-targets.xlsx.txt");
const TEXT = readFileSync(PATH);
// Pollutes Object.prototype for *pollute* files outside the built-ins check, so that a probe
// file tells whether it runs in the same worker as the polluting file or in a fresh one.
const POLLUTE_UNCHECKED = new URL("./workers/pollute-unchecked-worker.mjs", import.meta.url);

const DIR = tempDir();

/** A copy of the text on disk under a name that tells the test worker what to do. */
function parse(pool: ParsePool, name: string): Promise<ParseOutcome> {
  const path = join(DIR, `${name}.txt`);
  copyFileSync(PATH, path);
  return pool.parse({ path, bytes: Uint8Array.from(TEXT), mtimeMs: null }, new AbortController().signal);
}

describe("pool worker replacement", () => {
  it("gives the file after a worker's share to a fresh worker, which reads it from disk", async () => {
    const pool = new ParsePool({ threads: 1, fileTimeoutMs: 60_000, workerHeapMb: 256, filesPerWorker: 2, entry: POLLUTE_UNCHECKED });
    try {
      expect((await parse(pool, "a-pollute")).kind).toBe("parsed");
      // Second file, same worker: it still carries the first file's pollution.
      expect(await parse(pool, "b-probe")).toMatchObject({ kind: "failed", reason: expect.stringContaining("saw Object.prototype.jixiaoPolluted") });
      // Third file: the worker has read its two and retires; a fresh, clean worker reads the file.
      const third = await parse(pool, "c-probe");
      expect(third.kind).toBe("parsed");
      if (third.kind !== "parsed") return;
      expect(third.result.doc?.forms).toHaveLength(6);
      expect(third.result.meta.sha256).toBe(sha256(TEXT));
    } finally {
      await pool.close();
    }
  });
});
