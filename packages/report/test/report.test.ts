/**
 * The HTML / JSON / CSV reports over the seed fixtures' database, and the
 * re-check of stored documents. Numbers shown are compared with SQL counts.
 */
import { statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openStore } from "@jixiao/store";
import { describe, expect, it } from "vitest";
import { recheckStore, renderReport, reportCsv, reportJson, renderHtmlReport } from "../src/index.ts";
import { checkedSeed, SEEDS } from "./pipeline.ts";
import { buildLabelDatabase, buildLargeDatabase, buildSeedDatabase, tempDir } from "./seed-db.ts";

const dir = tempDir();
const dbPath = buildSeedDatabase(dir);

function count(sql: string): number {
  const store = openStore(dbPath, { readonly: true });
  try {
    return (store.db.prepare(sql).get() as { n: number }).n;
  } finally {
    store.close();
  }
}

describe("HTML report of the seed fixtures", () => {
  const html = renderHtmlReport(dbPath);

  it("is self-contained: no external script, stylesheet, image or font", () => {
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?(https?:)?\/\//i);
    expect(html).toContain("<script>");
  });

  it("shows the summary numbers the database holds", () => {
    const card = (key: string) => Number(html.match(new RegExp(`data-summary="${key}"><span class="n">(\\d+)<`))?.[1]);
    expect(card("documents")).toBe(count("SELECT count(*) n FROM documents"));
    expect(card("forms")).toBe(count("SELECT count(*) n FROM v_forms"));
    expect(card("findings")).toBe(count("SELECT count(*) n FROM v_findings"));
    expect(card("error")).toBe(count("SELECT count(*) n FROM findings WHERE severity = 'error'"));
    expect(card("warning")).toBe(count("SELECT count(*) n FROM findings WHERE severity = 'warning'"));
    const normalized = Object.keys(SEEDS).reduce((n, seed) => n + checkedSeed(seed as keyof typeof SEEDS).doc.forms.length, 0);
    expect(card("forms")).toBe(normalized);
  });

  it("has one table row per form and every finding's message, escaped, with its place", () => {
    expect(html.match(/<tr id="form-\d+"/g)).toHaveLength(count("SELECT count(*) n FROM forms"));
    expect(html).toContain("总分99.8与各项得分之和93.85不一致");
    expect(html).toContain("文字部分写“实际执行2.4万元”");
    expect(html.match(/<tr data-finding="\d+"/g)).toHaveLength(count("SELECT count(*) n FROM findings"));
    // Each form's block names its source file; each flagged row says where to look in it.
    expect(html).toMatch(/<summary><b>城乡居民基本医疗保险<\/b> <span class="path">fixtures\/text\/qiannan-2023-project-selfeval\.pdf\.txt 第6张表/);
    expect(html).toMatch(/总分99\.8与各项得分之和93\.85不一致[^<]*<\/td><td class="n">99\.8<\/td><td class="n">93\.85<\/td><td><\/td><td>第\d+行<\/td>/);
  });

  it("draws the three charts with a mark per bin, per scored form and per rule", () => {
    for (const chart of ["execution-rate", "score-rate", "findings-rule"]) expect(html).toContain(`data-chart="${chart}"`);
    const points = html.match(/<circle class="mark"/g) ?? [];
    expect(points.length).toBe(count("SELECT count(*) n FROM v_forms WHERE kind IN ('project_self_eval','department_self_eval','project_list') AND coalesce(execution_rate, execution_rate_computed) IS NOT NULL AND total_score IS NOT NULL"));
    const rules = count("SELECT count(DISTINCT rule) n FROM findings");
    expect(new Set([...html.matchAll(/data-rule="([a-z0-9_]+)" data-severity/g)].map((m) => m[1])).size).toBe(rules);
  });

  it("escapes what documents say", () => {
    expect(html).not.toContain("<b>undefined");
    expect(html).not.toMatch(/>null</);
  });
});

describe("unrecognised labels across the archive", () => {
  const labelled = buildLabelDatabase(dir);
  const html = renderHtmlReport(labelled);

  it("lists each label once, most frequent first, with its count, files and escaped text", () => {
    const section = html.slice(html.indexOf('<section id="unrecognized-labels">'), html.indexOf("</section>", html.indexOf('<section id="unrecognized-labels">')));
    const rows = [...section.matchAll(/<tr data-label="([^"]*)"><td>([^<]*(?:<(?!\/td>)[^<]*)*)<\/td><td class="n">(\d+)<\/td><td class="n">(\d+)<\/td>/g)].map((m) => [m[2], Number(m[3]), Number(m[4])]);
    expect(rows).toEqual([
      ["项目属性", 3, 3],
      ["&lt;b&gt;分配方式&lt;/b&gt;", 1, 1],
    ]);
    expect(section).not.toContain("<b>分配方式");
    expect(section).toContain("labels-1.pdf.txt");
  });
  it("the JSON carries the same list, and the CSV one row per unrecognised label", () => {
    const json = JSON.parse(reportJson(labelled));
    expect(json.unrecognizedLabels.map((r: { label: string; count: number }) => [r.label, r.count])).toEqual([
      ["项目属性", 3],
      ["<b>分配方式</b>", 1],
    ]);
    expect(reportCsv(labelled).split("\r\n").filter((r) => r.includes(",unrecognized_label,info,"))).toHaveLength(4);
  });
  it("the seed archive lists what the normalizer could not map, or says every label was recognised", () => {
    const seedHtml = renderHtmlReport(dbPath);
    const n = count("SELECT count(*) n FROM findings WHERE rule = 'unrecognized_label'");
    expect(seedHtml).toContain(n === 0 ? "所有标签均已识别" : "未识别的标签（");
  });
});

describe("machine formats", () => {
  it("JSON carries the same counts, and each form its findings", () => {
    const json = JSON.parse(reportJson(dbPath));
    expect(json.summary.forms).toBe(count("SELECT count(*) n FROM forms"));
    expect(json.forms.reduce((s: number, f: { findings: unknown[] }) => s + f.findings.length, 0)).toBe(count("SELECT count(*) n FROM findings"));
    const residents = json.forms.find((f: { projectName: string }) => f.projectName === "城乡居民基本医疗保险");
    expect(residents.findings.map((x: { rule: string }) => x.rule)).toContain("total_score_mismatch");
  });

  it("CSV has a header and one row per finding, quoting messages with commas", () => {
    const csv = reportCsv(dbPath);
    expect(csv.startsWith("\uFEFFpath,form_seq,")).toBe(true);
    const rows = csv.trim().split("\r\n");
    expect(rows).toHaveLength(count("SELECT count(*) n FROM findings") + 1);
    expect(rows.find((r) => r.includes("total_score_mismatch"))).toMatch(/,error,.*,99\.8,93\.85,/);
    expect(renderReport(dbPath, "csv")).toBe(csv);
  });
});

describe("jixiao check: re-running the rules over stored rows", () => {
  it("gives back the findings made at ingest, after they were deleted", () => {
    const before = count("SELECT count(*) n FROM findings");
    expect(before).toBeGreaterThan(0);
    const store = openStore(dbPath);
    try {
      store.db.exec("DELETE FROM findings");
      const result = recheckStore(store);
      expect(result.documents).toBe(4);
      expect(result.findings).toBe(before);
    } finally {
      store.close();
    }
    expect(count("SELECT count(*) n FROM findings WHERE rule = 'total_score_mismatch'")).toBe(1);
  });
});

describe("a report of 1,000 forms", () => {
  it("stays under 5 MB", () => {
    const large = buildLargeDatabase(dir, 1000);
    const html = renderHtmlReport(large);
    const out = join(dir, "large.html");
    writeFileSync(out, html);
    const store = openStore(large, { readonly: true });
    const forms = (store.db.prepare("SELECT count(*) n FROM forms").get() as { n: number }).n;
    store.close();
    expect(forms).toBeGreaterThanOrEqual(1000);
    expect(statSync(out).size).toBeLessThan(5 * 1024 * 1024);
  });
});
