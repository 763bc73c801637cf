/**
 * SheetJS runs in a worker with a heap limit and a time limit. These tests
 * shrink the limits so that a real workbook overruns them, and check that the
 * overrun ends in an ExtractError and that the next file still parses.
 */
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { extractBytes, ExtractError } from "../src/index.ts";
import { closeSheetWorker, SHEET_WORKER_LIMITS } from "../src/sheet/worker-host.ts";

const QIANNAN = readFileSync(new URL("../../../fixtures/xlsx/qiannan-2023-project-selfeval.xlsx", import.meta.url));
const DEFAULTS = { ...SHEET_WORKER_LIMITS };

afterEach(async () => {
  Object.assign(SHEET_WORKER_LIMITS, DEFAULTS);
  await closeSheetWorker();
});
afterAll(closeSheetWorker);

const failure = (bytes: Uint8Array) => extractBytes(bytes, { fileName: "q.xlsx" }).then(() => undefined, (e: unknown) => e as ExtractError);

describe("spreadsheet worker containment", () => {
  // (Terminating a thread whose isolate V8 still has tasks for can abort the whole process on Node 20: an idle
  // worker is asked to leave instead, and its thread ends by itself, exit code 0 — 1 is what terminate() gives.)
  it("lets an idle worker end by itself when closed", async () => {
    await extractBytes(QIANNAN, { fileName: "q.xlsx" });
    expect(await closeSheetWorker()).toBe(0);
    expect(await closeSheetWorker()).toBeNull();
  });

  it("kills a parse that overruns its time limit, then parses the next file", async () => {
    SHEET_WORKER_LIMITS.timeoutMs = 1;
    const err = await failure(QIANNAN);
    expect(err).toBeInstanceOf(ExtractError);
    expect(err!.code).toBe("timeout");
    expect(err!.message).toBe("timeout: expected an XLSX workbook to parse within 0.001 s, found it still parsing");
    Object.assign(SHEET_WORKER_LIMITS, DEFAULTS);
    const doc = await extractBytes(QIANNAN, { fileName: "q.xlsx" });
    expect(doc.blocks.filter((b) => b.kind === "table")).toHaveLength(16);
  });

  it("turns a worker out of memory into too_large", async () => {
    SHEET_WORKER_LIMITS.maxOldGenerationSizeMb = 2;
    SHEET_WORKER_LIMITS.maxYoungGenerationSizeMb = 1;
    const err = await failure(QIANNAN);
    expect(err).toBeInstanceOf(ExtractError);
    expect(err!.code).toBe("too_large");
    expect(err!.message).toBe("too large: expected an XLSX workbook that parses in 2 MB, found one that exhausted the parser's memory");
  });

  it("leaves the caller's buffer intact (the worker gets a copy)", async () => {
    const bytes = Buffer.from(QIANNAN);
    await extractBytes(bytes, { fileName: "q.xlsx" });
    expect(bytes.length).toBe(QIANNAN.length);
    expect(bytes.equals(QIANNAN)).toBe(true);
  });
});
