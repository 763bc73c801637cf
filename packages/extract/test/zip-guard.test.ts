/**
 * Zip containers are untrusted: a bomb, a header that lies about its size, a
 * file that is not a zip, a truncated download, an absurd entry count. Each
 * must end in one ExtractError line, before anything big is allocated.
 */
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { extractBytes, ExtractError } from "../src/index.ts";
import { readZipDirectory, inflateEntry, ZIP_LIMITS } from "../src/zip-guard.ts";

const CASES = new URL("../../../fixtures/ooxml-cases/", import.meta.url);
const read = (name: string) => readFileSync(new URL(name, CASES));
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

async function refusal(bytes: Uint8Array, fileName: string, format?: string): Promise<ExtractError> {
  const err = await extractBytes(bytes, { fileName, ...(format ? { format } : {}) }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ExtractError);
  expect((err as ExtractError).message).not.toContain("\n");
  return err as ExtractError;
}

/** bomb.xlsx with the padding entry's declared size rewritten to `size` (local and central headers). */
function lyingBomb(size: number): Buffer {
  const bytes = Buffer.from(read("bomb.xlsx"));
  const name = Buffer.from("xl/media/padding.bin");
  bytes.writeUInt32LE(size, bytes.indexOf(name) - 30 + 22);
  bytes.writeUInt32LE(size, bytes.lastIndexOf(name) - 46 + 24);
  return bytes;
}

describe("zip guard", () => {
  it("refuses a 300 KB workbook that inflates to 300 MB, by its directory alone", async () => {
    const bomb = read("bomb.xlsx");
    expect(bomb.length).toBeLessThan(400 * 1024);
    const err = await refusal(bomb, "bomb.xlsx");
    expect(err.code).toBe("zip_bomb");
    expect(err.message).toMatch(/^zip bomb: expected a compression ratio of at most 200:1 in an XLSX, found xl\/media\/padding\.bin at \d+:1 \(0\.3 MB inflating to 300\.0 MB\)$/);
  });

  it("stops inflating an entry whose header understates its size", async () => {
    const err = await refusal(lyingBomb(1000), "liar.xlsx");
    expect(err.code).toBe("zip_bomb");
    expect(err.message).toBe("zip bomb: expected xl/media/padding.bin in the XLSX to inflate to its declared 1000 bytes, found a valid stream going past 1049576 bytes");
  });

  it("calls damaged deflate data damaged, not a zip bomb (issue 14, item 8)", async () => {
    // scripts/fixtures/make-hostile-inputs.py: 64 bytes in the middle of the sheet's deflate data overwritten.
    const dir = mkdtempSync(join(tmpdir(), "jixiao-zip-"));
    execFileSync("python3", [join(ROOT, "scripts/fixtures/make-hostile-inputs.py"), dir, "corrupt-deflate.xlsx"]);
    const err = await refusal(readFileSync(join(dir, "corrupt-deflate.xlsx")), "damaged.xlsx");
    expect(err.code).toBe("corrupt");
    expect(err.message).toMatch(/^corrupt: expected xl\/worksheets\/sheet1\.xml to inflate to its declared 170808 bytes, found (at least )?\d+ bytes: the XLSX is damaged|^corrupt: expected deflate data in xl\/worksheets\/sheet1\.xml .*damaged/);
    expect(err.message).not.toMatch(/bomb|\n/);
  });

  it("caps inflation at the caller's limit too", () => {
    const docx = read("cases.docx");
    const entry = readZipDirectory(docx, "DOCX").get("word/document.xml")!;
    expect(Buffer.from(inflateEntry(docx, entry, "DOCX")).toString("utf8")).toContain("纵向合并三行");
    expect(() => inflateEntry(docx, entry, "DOCX", 100)).toThrowError(/^too large: expected word\/document\.xml to inflate to at most 0\.0 MB, found more$/);
  });

  it("refuses a DOCX that is not a zip, saying what it found", async () => {
    const err = await refusal(Buffer.from("项目支出绩效自评表\t2023\n"), "form.docx", "docx");
    expect(err.code).toBe("corrupt");
    expect(err.message).toMatch(/^corrupt: expected a DOCX \(zip\) file, found 33 bytes starting e9 a1 b9/);
    const xls = read("cases.xls");
    expect((await refusal(xls, "form.docx", "docx")).message).toBe("corrupt: expected a DOCX (zip) file, found an OLE2 container (legacy .doc/.xls or an encrypted Office file)");
  });

  it("refuses a truncated DOCX", async () => {
    const docx = read("cases.docx");
    const err = await refusal(docx.subarray(0, docx.length - 200), "cut.docx", "docx");
    expect(err.code).toBe("corrupt");
    expect(err.message).toMatch(/^corrupt: expected /);
  });

  it("refuses more entries than the limit", () => {
    const docx = read("cases.docx");
    const count = readZipDirectory(docx, "DOCX").size;
    expect(count).toBeGreaterThan(5);
    expect(() => readZipDirectory(docx, "DOCX", { ...ZIP_LIMITS, maxEntries: 5 })).toThrowError(
      `zip bomb: expected at most 5 entries in a DOCX, found ${count}`,
    );
  });
});
