/** `jixiao inspect --svg DIR` draws each PDF page's detected cells so a person can check the table finder. */
import { describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { inspect } from "../src/inspect.ts";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

describe("inspect --svg", () => {
  it("writes one SVG per page, with the form's table cells and its words", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-svg-"));
    const text = await inspect(join(ROOT, "fixtures/pdf/lo/xinzhou-2022-selfeval-report-annex1.pdf"), { svg: dir });
    expect(text).toContain("医药招采与基金监管工作经费");
    const files = readdirSync(dir).sort();
    expect(files.length).toBeGreaterThanOrEqual(4);
    expect(files[0]).toBe("page-001.svg");
    const all = files.map((f) => readFileSync(join(dir, f), "utf8"));
    expect(all.every((s) => s.startsWith("<svg") || s.startsWith("<?xml"))).toBe(true);
    const withTotal = all.find((s) => s.includes("95.23"));
    expect(withTotal, "the page with the 总分 row").toBeDefined();
    expect((withTotal!.match(/<rect/g) ?? []).length).toBeGreaterThan(20);
  });

  it("refuses --svg for a file that is not a PDF, saying what it found", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-svg-"));
    await expect(inspect(join(ROOT, "fixtures/text/xinzhou-2022-selfeval-report-annex1.pdf.txt"), { svg: dir })).rejects.toThrow(/expected a PDF, found txt/);
  });
});
