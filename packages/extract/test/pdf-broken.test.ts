/**
 * Bad PDFs end in an ExtractError with a one-line reason (fixtures/broken,
 * made by scripts/fixtures/make-broken.sh), a scan is reported page by page,
 * and the limits (pages, time) hold.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { ExtractError, extractBytes } from "../src/index.ts";
import { extractPdf } from "../src/pdf/index.ts";
import { UNDECODABLE_REASON, isUndecodableText } from "../src/pdf/undecodable-text.ts";

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

  it("takes a text layer of control characters for no text, and says why (fonts without Unicode maps)", async () => {
    const doc = await extractBytes(read("undecodable-text.pdf"), { fileName: "undecodable-text.pdf", ocr: { mode: "off" } });
    expect(doc.pages[0]!.hasText).toBe(false);
    expect(doc.pages[0]!.textError).toBe(UNDECODABLE_REASON);
    expect(doc.blocks).toEqual([]);
    // The same form as LibreOffice printed it, its maps intact, is text.
    const printed = readFileSync(new URL("../../../fixtures/real/pdf/lo/anhui-2019-transfer-self-eval.pdf", import.meta.url).pathname);
    expect((await extractBytes(printed, { fileName: "x.pdf", ocr: { mode: "off" } })).pages[0]!.hasText).toBe(true);
  });

  it("judges a layer by the share of its characters: a few private-use ticks are text, a page of controls is not", () => {
    const glyphs = (s: string) => Array.from(s, (text) => ({ text }));
    expect(isUndecodableText(glyphs("项目属性:持续性项目\uF0FE 新增性项目\uF0A8 项目类型:一次性项目"))).toBe(false);
    expect(isUndecodableText(glyphs("\u0011\u0012\u0013\u0014 !\"#$% 2019 &'()*+"))).toBe(true);
    expect(isUndecodableText(glyphs("\u0011\u0012"))).toBe(false); // too little to judge
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
