/**
 * Pool workers read spreadsheets with SheetJS in their own thread (no nested
 * spreadsheet worker). What contains a file that tricks a parser into changing
 * the built-in objects is the pool worker itself: it checks them after every
 * file and ends if they changed, so the next file gets a fresh worker.
 */
import { afterAll, describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { extractBytes } from "@jixiao/extract";
import { closeSheetWorker } from "../../extract/src/sheet/worker-host.ts";
import { ParsePool, type ParseOutcome } from "../src/pool.ts";
import { changedBuiltins, fingerprintBuiltins } from "../src/builtins-guard.ts";
import { FIXTURES, MISBEHAVING_WORKER } from "./bulk-helpers.ts";

const TEXT = readFileSync(join(FIXTURES, "text/hengyang-2023-targets.xlsx.txt"));

function parse(pool: ParsePool, path: string, bytes: Uint8Array): Promise<ParseOutcome> {
  return pool.parse({ path, bytes: Uint8Array.from(bytes), mtimeMs: null }, new AbortController().signal);
}

afterAll(closeSheetWorker);

describe("built-ins fingerprint", () => {
  it("finds an added Object.prototype key and a replaced Array.prototype.push, and nothing when nothing changed", () => {
    const before = fingerprintBuiltins();
    expect(changedBuiltins(before)).toEqual([]);
    const push = Array.prototype.push;
    try {
      (Object.prototype as Record<string, unknown>).polluted = 1;
      Array.prototype.push = function (...xs: unknown[]) { return push.apply(this, xs); };
      expect(changedBuiltins(before)).toEqual(["Object.prototype.polluted", "Array.prototype.push"]);
    } finally {
      delete (Object.prototype as Record<string, unknown>).polluted;
      Array.prototype.push = push;
    }
    expect(changedBuiltins(before)).toEqual([]);
  });
});

describe("a file that pollutes a prototype in a pool worker", () => {
  it("fails with its own reason and cannot affect the next file, which gets a fresh worker", async () => {
    const pool = new ParsePool({ threads: 1, fileTimeoutMs: 60_000, workerHeapMb: 256, entry: MISBEHAVING_WORKER });
    try {
      const polluted = await parse(pool, "/in/a-pollute.txt", TEXT);
      expect(polluted).toEqual({
        kind: "failed",
        reason: "corrupt: expected a file that parses without touching JavaScript's built-in objects, found one that changed them while it was read (prototype pollution); its worker was replaced",
      });
      const next = await parse(pool, "/in/b-probe.txt", TEXT);
      expect(next.kind).toBe("parsed");
      expect(next.kind === "parsed" && next.result.doc?.forms.length).toBe(6);
    } finally {
      await pool.close();
    }
  });

  it("would reach the next file if the worker went on (the probe sees a pollution left outside the check)", async () => {
    // The same single worker reads both: pollution made outside the checked window survives to the probe.
    const pool = new ParsePool({ threads: 1, fileTimeoutMs: 60_000, workerHeapMb: 256, entry: new URL("./workers/pollute-unchecked-worker.mjs", import.meta.url) });
    try {
      expect((await parse(pool, "/in/a-pollute.txt", TEXT)).kind).toBe("parsed");
      const next = await parse(pool, "/in/b-probe.txt", TEXT);
      expect(next).toMatchObject({ kind: "failed", reason: expect.stringContaining("saw Object.prototype.jixiaoPolluted (by a-pollute.txt) left by an earlier file") });
    } finally {
      await pool.close();
    }
  });
});

describe("workbooks read in the pool worker", () => {
  const workbooks = ["xlsx", "xls"].flatMap((d) => readdirSync(join(FIXTURES, d)).map((f) => join(FIXTURES, d, f)))
    .concat(readdirSync(join(FIXTURES, "ooxml-cases")).filter((f) => /\.xlsx?$/.test(f)).map((f) => join(FIXTURES, "ooxml-cases", f)));

  it("give the same document or the same one-line reason as the spreadsheet worker, and leave the built-ins alone", async () => {
    const pool = new ParsePool({ threads: 2, fileTimeoutMs: 60_000, workerHeapMb: 256 });
    try {
      const inPool = await Promise.all(workbooks.map((p) => parse(pool, p, readFileSync(p))));
      for (const [i, path] of workbooks.entries()) {
        const outcome = inPool[i]!;
        expect(outcome.kind, path).toBe("parsed");
        if (outcome.kind !== "parsed") continue;
        const bytes = readFileSync(path);
        const here = await extractBytes(bytes, { fileName: path }).then(
          (doc) => ({ pages: doc.pageCount, blocks: doc.blocks.length, warnings: doc.warnings }),
          (e: Error) => ({ error: e.message }),
        );
        const { meta, doc } = outcome.result;
        if ("error" in here) expect(meta.error, path).toBe(here.error);
        else expect({ pages: meta.pages, warnings: meta.warnings.filter((w) => /^xlsx?:/.test(w)) }, path).toEqual({ pages: here.pages, warnings: here.warnings });
        if (!("error" in here)) expect(doc, path).toBeTruthy();
      }
    } finally {
      await pool.close();
    }
  });
});
