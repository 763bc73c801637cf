/**
 * What documents say reaches every output inert: HTML (esc on markup in project
 * names, agencies, indicator names, reasons and file paths), CSV and XLSX
 * (formula prefixes quoted), JSON (control characters escaped, the text
 * parsed back unchanged). esc itself is tested in escape.test.ts; the HTML is
 * also rendered in Chromium, and its DOM checked, by browser.test.ts.
 */
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { esc } from "../src/report/escape.ts";
import { renderHtmlReport, reportCsv, reportJson, reportXlsx } from "../src/index.ts";
import { buildHostileDatabase } from "./hostile-db.ts";
import { CONTROL_PROJECT, FORMULA_PROJECTS, MARKUP_AGENCY, MARKUP_INDICATOR, MARKUP_PATH, MARKUP_PROJECT, MARKUP_REASON } from "./payloads.ts";
import { tempDir } from "./seed-db.ts";

const MARKUP = [MARKUP_PROJECT, MARKUP_AGENCY, MARKUP_INDICATOR, MARKUP_REASON, MARKUP_PATH];

describe("every output of a database full of payloads", () => {
  const db = buildHostileDatabase(tempDir("jixiao-hostile-"));

  it("HTML: no payload appears unescaped, every one appears escaped", () => {
    const html = renderHtmlReport(db);
    for (const payload of MARKUP) {
      expect(html, payload).not.toContain(payload);
      expect(html, payload).toContain(esc(payload));
    }
    expect(html).not.toMatch(/<img src=x|<iframe|<svg onload|<b onmouseover|<script>window/);
  });

  it("JSON: parses back to the payloads exactly, with no raw control character in its text", () => {
    const text = reportJson(db);
    // JSON.stringify leaves DEL, the C1 controls (\x9b is CSI to some terminals) and U+2028 raw; the report prints JSON to stdout.
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202e]/);
    const json = JSON.parse(text) as { forms: { projectName: string; agency: string }[]; documents: { path: string }[] };
    const names = json.forms.map((f) => f.projectName);
    expect(names).toContain(CONTROL_PROJECT);
    expect(names).toContain(MARKUP_PROJECT);
    for (const p of FORMULA_PROJECTS) expect(names).toContain(p);
    expect(json.documents.map((d) => d.path)).toEqual([MARKUP_PATH]);
  });

  it("CSV: a field a spreadsheet would run starts with a quote, inside quotes; markup is left as text", () => {
    const csv = reportCsv(db);
    const quoted = (s: string) => `"'${s.replace(/"/g, '""')}"`;
    for (const p of FORMULA_PROJECTS) expect(csv, p).toContain(`,${quoted(p)},`);
    // No unquoted field begins with a formula character.
    for (const line of csv.split("\r\n")) expect(line.split(",").filter((f) => /^[=+@\t]/.test(f))).toEqual([]);
  });

  it("XLSX: formula-like text is a string cell with the quote prefix, and no cell holds a formula", async () => {
    const book = XLSX.read(await reportXlsx(db), { type: "array", cellFormula: true });
    const cells = book.SheetNames.flatMap((n) => Object.entries(book.Sheets[n]!).filter(([k]) => !k.startsWith("!")).map(([, c]) => c as XLSX.CellObject));
    expect(cells.filter((c) => c.f !== undefined)).toEqual([]);
    const texts = cells.filter((c) => c.t === "s").map((c) => String(c.v));
    for (const p of FORMULA_PROJECTS) {
      expect(texts, p).toContain(`'${p}`);
      expect(texts, p).not.toContain(p);
    }
  });
});
