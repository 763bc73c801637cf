/**
 * Patterns across the archive in the HTML report: the share of forms with
 * errors per agency, the self-evaluations graded 优 with execution under 60 %,
 * and one project's history across years (embedded JSON, and drawn in
 * headless Chromium when it is installed).
 */
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { openStore } from "@jixiao/store";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { renderHtmlReport } from "../src/index.ts";
import type { FormRow } from "../src/report/data.ts";
import { normalizeProjectName, projectHistories, projectKeyOf } from "../src/report/patterns.ts";
import { EDU, HEALTH, buildPatternsDatabase, hasProjectIds } from "./patterns-db.ts";
import { tempDir } from "./seed-db.ts";

const dir = tempDir("jixiao-report-patterns-");
// The report's own key (agency + normalised name) is tested on forms the store left unlinked; the store's links after.
const dbPath = buildPatternsDatabase(dir, { unlinked: true });
const html = renderHtmlReport(dbPath);

function rowsOf(tableId: string): string[][] {
  const start = html.indexOf(`<table id="${tableId}">`);
  expect(start, tableId).toBeGreaterThanOrEqual(0);
  const table = html.slice(start, html.indexOf("</table>", start));
  return [...table.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].slice(1).map((m) => [...m[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, "")));
}

interface EmbeddedYear {
  year: number | null;
  forms: number[];
  budgetWan: number | null;
  executedWan: number | null;
  rate: number | null;
  score: number | null;
  grade: string | null;
  errors: number;
}
interface Embedded {
  agency: string;
  name: string;
  method: string;
  years: EmbeddedYear[];
}

function embeddedProjects(page = html): Embedded[] {
  const m = page.match(/<script type="application\/json" id="project-data"[^>]*>([\s\S]*?)<\/script>/);
  expect(m).not.toBeNull();
  return JSON.parse(m![1]!).projects;
}

describe("patterns across the archive", () => {
  it("the share of forms with errors per agency, highest first, with counts", () => {
    expect(rowsOf("agency-error-table")).toEqual([
      [EDU, "3", "1", "33.3%"],
      [HEALTH, "4", "1", "25%"],
    ]);
    const bars = [...html.matchAll(/<rect class="mark" data-agency="([^"]*)" data-forms="(\d+)" data-errors="(\d+)"/g)].map((m) => [m[1], Number(m[2]), Number(m[3])]);
    expect(bars).toEqual([
      [EDU, 3, 1],
      [HEALTH, 4, 1],
    ]);
  });

  it("lists the self-evaluations graded 优 (or ≥ 90) with execution under 60 %, lowest rate first", () => {
    expect(rowsOf("flagged-self-evals").map((r) => r.slice(0, 6))).toEqual([
      [EDU, "2022", "2022年度 &quot;学生资助&quot; 资金", "50%", "92", "优"],
      [HEALTH, "2021", "2021年公共卫生服务", "55%", "88", "优"],
      [HEALTH, "2022", "公共卫生服务", "58%", "90", "优"],
    ]);
    // Each is marked on the agency-and-year chart, whose red points are the agency-years holding one.
    expect(html.match(/<path class="mark flagged"/g)).toHaveLength(3);
    const points = [...html.matchAll(/data-agency="([^"]*)" data-year="(\d+)" data-flagged="(\d+)"/g)].map((m) => [m[1], Number(m[2]), Number(m[3])]);
    expect(points).toEqual([
      [HEALTH, 2021, 1],
      [HEALTH, 2022, 1],
      [HEALTH, 2023, 0],
      [EDU, 2021, 0],
      [EDU, 2022, 1],
      [EDU, 2023, 0],
    ].sort((a, b) => String(a[0]).localeCompare(String(b[0]), "zh") || Number(a[1]) - Number(b[1])));
  });

  it("embeds each project's years: the same project across prefixes and punctuation, kept apart across agencies", () => {
    const projects = embeddedProjects();
    const edu = projects.filter((p) => p.agency === EDU);
    expect(edu).toHaveLength(1);
    expect(edu[0]!.name).toBe("学生资助资金");
    expect(edu[0]!.method).toBe("name");
    expect(edu[0]!.years.map((y) => [y.year, y.budgetWan, y.executedWan, y.rate, y.score, y.grade, y.errors])).toEqual([
      [2021, 100, 95, 0.95, 95, "优", 0],
      [2022, 120, 60, 0.5, 92, "优", 0],
      [2023, 130, 117, 0.9, 85, "优", 1],
    ]);
    const health = projects.filter((p) => p.agency === HEALTH);
    expect(health.find((p) => p.name === "学生资助资金")!.years.map((y) => y.year)).toEqual([2022]);
    expect(health.find((p) => p.name === "公共卫生服务")!.years.map((y) => [y.year, y.rate, y.errors])).toEqual([
      [2021, 0.55, 1],
      [2022, 0.58, 0],
    ]);
  });

  it("follows the store's project links (forms.project_id) when the database has them", () => {
    const linked = buildPatternsDatabase(dir);
    const store = openStore(linked, { readonly: true });
    let groups: number[][] = [];
    try {
      if (!hasProjectIds(store.db)) return; // a store without projects: the fallback above is the whole story
      const rows = store.db.prepare("SELECT project_id AS p, id FROM forms WHERE project_id IS NOT NULL ORDER BY project_id, id").all() as { p: number; id: number }[];
      const by = new Map<number, number[]>();
      for (const r of rows) by.set(r.p, [...(by.get(r.p) ?? []), r.id]);
      groups = [...by.values()];
    } finally {
      store.close();
    }
    const projects = embeddedProjects(renderHtmlReport(linked));
    expect(projects.every((p) => p.method === "project_id")).toBe(true);
    const shown = projects.map((p) => p.years.flatMap((y) => y.forms).sort((a, b) => a - b));
    expect(new Set(shown.map(String))).toEqual(new Set(groups.map(String)));
  });

  it("escapes what documents print, in the page and in the embedded JSON", () => {
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;公共卫生服务");
    const json = html.slice(html.indexOf('id="project-data"'), html.indexOf("</script>", html.indexOf('id="project-data"')));
    expect(json).not.toMatch(/<\/?(script|img)/i);
    expect(embeddedProjects().some((p) => p.name === "</script><img src=x onerror=alert(1)>公共卫生服务")).toBe(true);
  });
});

describe("the project key", () => {
  it("drops a leading year and folds full/half-width punctuation and spaces", () => {
    const names = ["2022年“学生资助”资金", "2022年度 \"学生资助\" 资金", "学生资助资金", "２０２２年（学生资助）资金", "学生资助资金。"];
    expect(new Set(names.map(normalizeProjectName))).toEqual(new Set(["学生资助资金"]));
    expect(normalizeProjectName("学生资助资金2022年")).not.toBe("学生资助资金");
  });

  it("uses the store's project_id when the database has one, else agency + normalised name", () => {
    const row = (over: Partial<FormRow>): FormRow =>
      ({ formId: 1, kind: "project_self_eval", fiscalYear: 2022, agency: EDU, projectName: "学生资助资金", errors: 0, warnings: 0, infos: 0, budgetWan: null, executedWan: null, executionRate: null, totalScore: null, grade: null, ...over }) as FormRow;
    expect(projectKeyOf(row({ projectId: 7 }))).toBe("id:7");
    expect(projectKeyOf(row({ projectId: null }))).toBe(projectKeyOf(row({ projectName: "2021年度学生资助资金" })));
    expect(projectKeyOf(row({}))).not.toBe(projectKeyOf(row({ agency: HEALTH })));
    // Linked by id, two differently printed names are one project; the same name under two ids two projects.
    const byId = projectHistories([row({ formId: 1, projectId: 3, projectName: "甲" }), row({ formId: 2, projectId: 3, projectName: "乙", fiscalYear: 2023 }), row({ formId: 3, projectId: 4, projectName: "乙", fiscalYear: 2023 })]);
    expect(byId.map((p) => [p.method, p.name, p.years.map((y) => y.forms)])).toEqual([
      ["project_id", "乙", [[1], [2]]],
      ["project_id", "乙", [[3]]],
    ]);
    // A form the store left unlinked joins the one linked project of its agency and name.
    const mixed = projectHistories([row({ formId: 1, projectId: 3, fiscalYear: 2021 }), row({ formId: 2, projectId: null, projectName: "2022年学生资助资金" })]);
    expect(mixed.map((p) => [p.key, p.years.map((y) => y.forms)])).toEqual([["id:3", [[1], [2]]]]);
  });
});

const CHROMIUM = "/usr/bin/chromium";
describe.skipIf(!existsSync(CHROMIUM))(`a project's history in headless Chromium${existsSync(CHROMIUM) ? "" : ` — SKIPPED: ${CHROMIUM} is missing`}`, () => {
  it("draws the selected project's years from the embedded data", async () => {
    const file = join(dir, "patterns.html");
    writeFileSync(file, html);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu"], headless: true });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
      const label = await page.$$eval("#project-select option", (os, agency) => os.find((o) => o.textContent!.startsWith(`${agency} · 学生资助资金`))!.value, EDU);
      await page.selectOption("#project-select", label);
      const rows = await page.$$eval("#project-history-table tbody tr", (trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
      expect(rows.map((r) => [r[0], r[2], r[3], r[4], r[5], r[7]])).toEqual([
        ["2021", "100", "95", "95%", "95", ""],
        ["2022", "120", "60", "50%", "92", ""],
        ["2023", "130", "117", "90%", "85", "1"],
      ]);
      const bars = await page.$$eval('svg[data-chart="project-history"] .mark', (els) => els.filter((e) => (e as unknown as { getBBox(): { height: number } }).getBBox().height > 0).length);
      expect(bars).toBe(6);
      // The escaped name stays text when drawn.
      const evil = await page.$$eval("#project-select option", (os) => os.find((o) => o.textContent!.includes("onerror"))!.value);
      await page.selectOption("#project-select", evil);
      expect(await page.textContent("#project-history h3")).toContain("</script><img src=x onerror=alert(1)>公共卫生服务");
      expect(await page.$$eval("#project-history img", (imgs) => imgs.length)).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
