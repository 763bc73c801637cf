/**
 * Every broken input of fixtures/broken ends with a one-line reason and the
 * right status, and the good files of the same run are stored.
 */
import { describe, expect, it, beforeAll } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { ingest } from "../src/ingest.ts";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

const EXPECTED: [string, "failed" | "partial" | "ok", RegExp][] = [
  ["empty.pdf", "failed", /^empty file/],
  ["empty.docx", "failed", /^empty file/],
  ["empty.xlsx", "failed", /^empty file/],
  ["empty.txt", "failed", /^empty file/],
  ["binary.txt", "failed", /^not text/],
  ["truncated.pdf", "failed", /^corrupt/],
  ["encrypted.pdf", "failed", /^encrypted/],
  ["password-protected.xlsx", "failed", /^encrypted/],
  ["password-protected.xls", "failed", /^encrypted/],
  ["not-a-zip.docx", "failed", /^corrupt: expected a DOCX \(zip\)/],
  ["zip-bomb.docx", "failed", /^zip bomb/],
  // Read with --ocr off: what a scan is when nothing recognises it (OCR itself: ocr-ingest.test.ts).
  ["image-only.pdf", "partial", /^第1页无文字层/],
  // Text whose fonts lost their Unicode maps is no text: no form of control characters, and the reason why.
  ["undecodable-text.pdf", "partial", /^第1页的内容无法解析（文字层无法解码: 字体未给出字符的Unicode映射.*未找到表单$/],
  ["flate-bomb.pdf", "failed", /^too_large: .*inflates to more than 64 MiB/],
];

describe("fixtures/broken", () => {
  const db = join(mkdtempSync(join(tmpdir(), "jixiao-broken-")), "broken.sqlite");
  let summary: Awaited<ReturnType<typeof ingest>>;
  beforeAll(async () => {
    summary = await ingest([join(ROOT, "fixtures/broken"), join(ROOT, "fixtures/text/hengyang-2023-targets.xlsx.txt")], { db, out: () => {}, ocr: "off" });
  });

  it.each(EXPECTED)("%s is %s with a one-line reason", (name, status, reason) => {
    const d = new Database(db, { readonly: true });
    const row = d.prepare("select status, error from documents where path like ?").get(`%/broken/${name}`) as { status: string; error: string };
    d.close();
    expect(row.status).toBe(status);
    expect(row.error).toMatch(reason);
    expect(row.error).not.toMatch(/\n/);
    expect(row.error.length).toBeLessThanOrEqual(500);
  });

  it("stores the good file of the same run and counts the failures", () => {
    expect(summary.filesFailed).toBe(EXPECTED.filter((e) => e[1] === "failed").length);
    const d = new Database(db, { readonly: true });
    expect(d.prepare("select count(*) from forms f join documents x on x.id = f.document_id where x.path like '%hengyang%'").pluck().get()).toBe(6);
    expect(d.prepare("pragma integrity_check").pluck().get()).toBe("ok");
    d.close();
  });
});
