/**
 * A workbook's "pages" are its sheets: findings in XLSX/XLS files point at
 * 第N张工作表 (tab order), never at a 第N页 a reader would look for in vain,
 * and a document read back from the store says the same.
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { extractBytes } from "@jixiao/extract";
import { normalizeDocument } from "@jixiao/normalize";
import { openStore } from "@jixiao/store";
import { checkDocument } from "../src/index.ts";

const FIXTURE = new URL("../../../fixtures/xlsx/sheet-hidden.xlsx", import.meta.url).pathname;
const PAGE_OR_SHEET = /第\d+(–\d+)?(页|张工作表)/;

describe("locations in a workbook", () => {
  it("name the sheet, in the findings and after a round trip through the store", async () => {
    const bytes = readFileSync(FIXTURE);
    const doc = normalizeDocument(await extractBytes(bytes, { fileName: "sheet-hidden.xlsx" }), { fileName: "sheet-hidden.xlsx" });
    expect(doc.pageUnit).toBe("sheet");
    const messages = checkDocument(doc).map((f) => f.message);
    const located = messages.filter((m) => PAGE_OR_SHEET.test(m));
    // The fixture's second sheet holds a form whose funding lines do not add up.
    expect(located.some((m) => m.includes("第2张工作表"))).toBe(true);
    expect(located.filter((m) => /第\d+(–\d+)?页/.test(m))).toEqual([]);

    const store = openStore(join(mkdtempSync(join(tmpdir(), "jixiao-sheets-")), "s.sqlite"));
    const { documentId } = store.saveDocument(
      { path: FIXTURE, sha256: "0".repeat(64), format: "xlsx", sizeBytes: bytes.length, pages: 3, status: "ok", error: null, mtimeMs: null, warnings: [] },
      doc, checkDocument(doc), "test",
    );
    const loaded = store.loadDocument(documentId);
    store.close();
    expect(loaded.pageUnit).toBe("sheet");
    expect(checkDocument(loaded).map((f) => f.message)).toEqual(messages);
  });
});
