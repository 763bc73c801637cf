/**
 * Bad PDFs end in an ExtractError with a one-line reason (fixtures/broken,
 * made by scripts/fixtures/make-broken.sh), a scan is reported page by page,
 * and the limits (pages, time) hold.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { ExtractError, extractBytes } from "../src/index.ts";
import { extractPdf } from "../src/pdf/index.ts";

const BROKEN = new URL("../../../fixtures/broken/", import.meta.url).pathname;
const read = (name: string) => readFileSync(`${BROKEN}${name}`);

async function failure(p: Promise<unknown>): Promise<ExtractError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(ExtractError);
  const e = err as ExtractError;
  expect(e.message).not.toMatch(/\n/);
  return e;
}

describe("broken PDFs", () => {
  it("refuses a zero-byte file as empty", async () => {
    expect((await failure(extractBytes(read("empty.pdf"), { fileName: "empty.pdf", format: "pdf" }))).code).toBe("empty");
  });

  it("refuses a password-protected file as encrypted", async () => {
    const e = await failure(extractBytes(read("encrypted.pdf"), { fileName: "encrypted.pdf" }));
    expect(e.code).toBe("encrypted");
    expect(e.message).toMatch(/^encrypted: expected a readable PDF, found one that needs a password/);
  });

  it("reads a file with only an owner password (no password needed to open it)", async () => {
    const doc = await extractBytes(read("encrypted-owner-only.pdf"), { fileName: "encrypted-owner-only.pdf" });
    expect(doc.blocks.filter((b) => b.kind === "table").length).toBeGreaterThan(0);
  });

  it("refuses a truncated file as corrupt, saying what was found", async () => {
    const e = await failure(extractBytes(read("truncated.pdf"), { fileName: "truncated.pdf" }));
    expect(e.code).toBe("corrupt");
    expect(e.message).toMatch(/^corrupt: expected a valid PDF, found .+/);
  });

  it("refuses a page whose content stream is a deflate bomb, within memory", async () => {
    const before = process.memoryUsage().arrayBuffers;
    const e = await failure(extractBytes(read("flate-bomb.pdf"), { fileName: "flate-bomb.pdf" }));
    expect(e.code).toBe("too_large");
    expect(e.message).toMatch(/^too_large: expected PDF streams of a readable size, found a FlateDecode stream that inflates to more than 64 MiB \(page 1 of 2\)$/);
    // The 300 MiB of page 1 were never held: what stays allocated is far below it.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(100 * 1024 * 1024);
  });

  it("reports a page without a text layer, when OCR is off", async () => {
    const doc = await extractBytes(read("image-only.pdf"), { fileName: "image-only.pdf", ocr: { mode: "off" } });
    expect(doc.pages[0]!.hasText).toBe(false);
    expect(doc.warnings).toContain("第1页无文字层(扫描件?)");
  });

  it("refuses more pages than the cap, and stops at the time limit", async () => {
    const bytes = readFileSync(new URL("../../../fixtures/pdf/lo/stress-long-reason.pdf", import.meta.url).pathname);
    const tooMany = await failure(extractPdf(bytes, { pdf: { maxPages: 1 } }));
    expect(tooMany.code).toBe("too_large");
    expect(tooMany.message).toMatch(/^too_large: expected at most 1 pages, found \d+/);
    const slow = await failure(extractPdf(bytes, { pdf: { timeLimitMs: 1 } }));
    expect(slow.code).toBe("timeout");
  });
});
