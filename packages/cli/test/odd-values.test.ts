/**
 * Issue 14, items 4, 7 and 8: inputs made by scripts/fixtures/make-bad-values.py
 * (committed under fixtures/broken/). Each is stored with its true one-line
 * reason, nothing readable is lost, and no schema dump reaches documents.error.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { ExtractedDocument } from "@jixiao/extract";
import { reportCsv } from "@jixiao/report";
import { beforeAll, describe, expect, it } from "vitest";
import { ingest } from "../src/ingest.ts";
import { schemaReason, withoutSchemaDump } from "../src/schema-reason.ts";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const BROKEN = join(ROOT, "fixtures/broken");
const db = join(mkdtempSync(join(tmpdir(), "jixiao-odd-")), "odd.sqlite");

interface Doc { path: string; status: string; error: string | null; warnings: string }
const docs = new Map<string, Doc>();
const formsOf = (name: string) => {
  const d = new Database(db, { readonly: true });
  const rows = d.prepare(`select f.project_name, f.fiscal_year, f.agency, f.total_score, f.total_weight, f.grade,
      (select group_concat(i.name || '=' || coalesce(i.weight, '') || '/' || coalesce(i.score, ''), '|') from indicators i where i.form_id = f.id) scores,
      (select count(*) from indicators i where i.form_id = f.id) indicators
    from forms f join documents x on x.id = f.document_id where x.path like ? order by f.seq`).all(`%/${name}`);
  d.close();
  return rows;
};

beforeAll(async () => {
  await ingest(
    ["infinite-width.pdf", "infinite-box.pdf", "nested-arrays.pdf", "missing-content.pdf", "proto-sheet.xlsx", "formula-cells.txt"].map((n) => join(BROKEN, n))
      .concat([join(ROOT, "fixtures/pdf/lo/stress-long-reason.pdf"), join(ROOT, "fixtures/xlsx/stress-long-reason.xlsx")]),
    { db, out: () => {} },
  );
  const d = new Database(db, { readonly: true });
  for (const r of d.prepare("select path, status, error, warnings from documents").all() as Doc[]) docs.set(r.path.split("/").pop()!, r);
  d.close();
}, 120_000);

describe("item 7: a PDF number that overflows to Infinity", () => {
  it("keeps the file: the form is read as from the intact PDF, with a warning that names the bad numbers", () => {
    const doc = docs.get("infinite-width.pdf")!;
    expect(doc.status).toBe("ok");
    expect(doc.error).toBeNull();
    expect(JSON.parse(doc.warnings)).toContainEqual(expect.stringMatching(/^第1页有\d+段文字的位置或宽度不是有限数/));
    const got = formsOf("infinite-width.pdf");
    expect(got).toHaveLength(1);
    expect(got).toEqual(formsOf("pdf/lo/stress-long-reason.pdf"));
  });

  it("a page box that overflows: the page is read to the extent of its text, the document as from the intact PDF", () => {
    const doc = docs.get("infinite-box.pdf")!;
    expect(doc).toMatchObject({ status: "ok", error: null });
    expect(JSON.parse(doc.warnings)).toEqual(["第2页的页面尺寸不是有限数(PDF中的数值溢出), 按文字所及范围读取"]);
    expect(formsOf("infinite-box.pdf")).toEqual(formsOf("pdf/lo/stress-long-reason.pdf"));
  });

  it("a schema error becomes one line: expected …, found … at …", () => {
    const bad = { format: "pdf", pageCount: 1, pages: [{ number: 1 }], blocks: [{ kind: "text", page: 1, text: "单位", bbox: { x0: 1, y0: Infinity, x1: 2, y1: Infinity } }] };
    const parsed = ExtractedDocument.safeParse(bad);
    expect(parsed.success).toBe(false);
    const reason = schemaReason(parsed.error, "extract failed")!;
    expect(reason).toMatch(/^extract failed: expected a finite number, found Infinity at blocks\[0\]\.bbox\.y0 \(and \d+ more\)$/);
    // The same from the text of a dump (as a worker would send it back), even cut at 500 characters.
    const dump = `extract failed: ${parsed.error!.message}`;
    expect(withoutSchemaDump(dump)).toBe(reason);
    expect(withoutSchemaDump(dump.replace(/\s*\n\s*/g, " ").slice(0, 500))).toMatch(/^extract failed: expected a finite number, found Infinity at blocks\[0\]\.bbox\.y0/);
    expect(withoutSchemaDump("corrupt: expected a valid PDF, found no xref")).toBe("corrupt: expected a valid PDF, found no xref");
  });

  it("no documents.error holds a schema dump", () => {
    for (const d of docs.values()) expect(d.error ?? "").not.toMatch(/"code"|"expected"|invalid_type/);
  });
});

describe("item 8: reasons that name what happened", () => {
  it("text behind deeply nested arrays is no scan: the page's content could not be parsed", () => {
    const doc = docs.get("nested-arrays.pdf")!;
    expect(doc.status).toBe("partial");
    expect(doc.error).toMatch(/^第1页的内容无法解析（嵌套过深: Maximum call stack size exceeded），文字未能读取/);
    expect(doc.error).not.toMatch(/扫描件/);
    expect(doc.error).not.toMatch(/\n/);
  });

  it("a page that paints nothing (its content object is missing) is blank, not a scan", () => {
    const doc = docs.get("missing-content.pdf")!;
    expect(doc.status).toBe("partial");
    expect(doc.error).toBe("第1页是空白页（无文字、图像或线条）；未找到表单");
  });

  it("a page with an image and no text is still called a scan, when OCR is off", async () => {
    const scan = join(mkdtempSync(join(tmpdir(), "jixiao-scan-")), "scan.sqlite");
    await ingest([join(BROKEN, "image-only.pdf")], { db: scan, out: () => {}, ocr: "off" });
    const d = new Database(scan, { readonly: true });
    expect(d.prepare("select error from documents").pluck().get()).toBe("第1页无文字层（扫描件？），未能读取；未找到表单");
    d.close();
  });

  it("a sheet named __proto__ is read like any other", () => {
    const doc = docs.get("proto-sheet.xlsx")!;
    expect(doc).toMatchObject({ status: "ok", error: null });
    const got = formsOf("proto-sheet.xlsx");
    expect(got).toHaveLength(1);
    expect(got).toEqual(formsOf("xlsx/stress-long-reason.xlsx"));
  });
});

describe("item 4: report --format csv neutralises formulas", () => {
  it("writes the dangerous project name and agency with a leading quote, quoted; numbers stay numbers", () => {
    const rows = reportCsv(db).replace(/^\uFEFF/, "").trim().split("\r\n");
    const row = rows.find((r) => r.includes("formula-cells.txt"))!;
    expect(row).toBeDefined();
    expect(row).toContain(`,"'@SUM(1+1)*cmd|' /C calc'!A0","'=HYPERLINK(""http://example.invalid/x"",""点击查看"")",`);
    // Every field: none starts with = + - @ tab or CR unless quoted behind a ' or a plain number.
    for (const r of rows) {
      const fields = r.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((f) => f.replace(/,$/, ""));
      for (const f of fields) {
        const inner = f.startsWith('"') ? f.slice(1, -1).replace(/""/g, '"') : f;
        if (/^[=+\-@\t\r]/.test(inner)) expect(inner).toMatch(/^[+-]?[\d.,]+%?$/);
      }
    }
  });
});
