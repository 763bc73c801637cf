/**
 * `jixiao ingest --ocr`: a scanned PDF (fixtures/broken/image-only.pdf, a
 * 150-dpi render of a one-form PDF without any text layer) is read by OCR in
 * the pool's workers under auto, stored with documents.ocr, ocr_pages and the
 * rows' ocr_confidence; under off it stays a partial scan, and the next auto
 * run reads it again (the OCR mode is part of the stored pipeline version).
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { ingest } from "../src/ingest.ts";

const SCAN = fileURLToPath(new URL("../../../fixtures/broken/image-only.pdf", import.meta.url));

interface DocRow { status: string; error: string | null; ocr: number; ocr_pages: string | null; pipeline_version: string }

function stored(db: string): { doc: DocRow; forms: number; confidences: (number | null)[] } {
  const d = new Database(db, { readonly: true });
  try {
    return {
      doc: d.prepare("select status, error, ocr, ocr_pages, pipeline_version from documents").get() as DocRow,
      forms: d.prepare("select count(*) from forms").pluck().get() as number,
      confidences: d.prepare("select ocr_confidence from indicators union all select ocr_confidence from funding").pluck().all() as (number | null)[],
    };
  } finally {
    d.close();
  }
}

describe("ingest --ocr", () => {
  it("off leaves a scan partial; auto then reads it again, by OCR, with confidences", async () => {
    const db = join(mkdtempSync(join(tmpdir(), "jixiao-ocr-")), "ocr.sqlite");
    const off = await ingest([SCAN], { db, out: () => {}, ocr: "off" });
    expect(off.ocrPages ?? 0).toBe(0);
    const before = stored(db);
    expect(before.doc).toMatchObject({ status: "partial", ocr: 0, ocr_pages: null });
    expect(before.doc.pipeline_version).toMatch(/\+ocr\.off$/);
    expect(before.doc.error).toMatch(/^第1页无文字层/);

    const lines: string[] = [];
    const auto = await ingest([SCAN], { db, out: (l) => lines.push(l) });
    expect(auto.filesChanged + auto.filesNew).toBe(1);
    expect(auto.ocrPages).toBe(1);
    expect(lines.join("\n")).toMatch(/1 pages by OCR/);
    const after = stored(db);
    expect(after.doc).toMatchObject({ status: "ok", error: null, ocr: 1, ocr_pages: "[1]" });
    expect(after.doc.pipeline_version).not.toMatch(/\+ocr/);
    expect(after.forms).toBe(1);
    expect(after.confidences.length).toBeGreaterThan(0);
    for (const c of after.confidences) {
      expect(c).not.toBeNull();
      expect(c!).toBeGreaterThan(0);
      expect(c!).toBeLessThanOrEqual(1);
    }
  }, 300_000);
});
