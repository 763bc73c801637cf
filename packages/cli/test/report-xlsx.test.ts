/**
 * `jixiao report` as installed: --format xlsx (with --by-agency), and the
 * filters --agency --year --kind --rule giving every format the same subset
 * and a title that says so. Bad combinations exit 2 with a reason.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { ingest } from "../src/ingest.ts";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
/** SheetJS as the report package (which writes the workbook) has it; the CLI package itself does not depend on it. */
const X = createRequire(join(ROOT, "packages/report/package.json"))("xlsx") as {
  read(bytes: Buffer): { SheetNames: string[]; Sheets: Record<string, Record<string, { v: unknown }>> };
  utils: { sheet_to_json<T>(ws: unknown, options: { header: 1 }): T[] };
};
const dir = mkdtempSync(join(tmpdir(), "jixiao-report-cli-"));
const db = join(dir, "fixtures.sqlite");
const run = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, "packages/cli/bin/jixiao.js"), "report", "--db", db, ...args], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });

function one<T>(sql: string, ...params: unknown[]): T {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare(sql).get(...params) as T;
  } finally {
    d.close();
  }
}

describe("jixiao report --format xlsx and filters", () => {
  beforeAll(async () => {
    await ingest([join(ROOT, "fixtures/text")], { db, out: () => {} });
  }, 120_000);

  it("writes a workbook for one year with a rectification sheet per agency", () => {
    const out = join(dir, "2023.xlsx");
    const r = run("--format", "xlsx", "--by-agency", "--year", "2023", "--out", out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/workbook written to .*2023\.xlsx \(2023年度\)/);
    const wb = X.read(readFileSync(out));
    expect(wb.SheetNames.slice(0, 4)).toEqual(["概览", "表单", "问题", "规则汇总"]);
    expect(wb.Sheets["概览"]!["A1"]!.v).toBe("预算绩效自评表一致性核查报告（2023年度）");
    const forms = X.utils.sheet_to_json<unknown[]>(wb.Sheets["表单"]!, { header: 1 }).slice(1);
    const n = one<{ n: number }>("SELECT count(*) n FROM forms WHERE fiscal_year = 2023").n;
    expect(n).toBeGreaterThan(0);
    expect(forms).toHaveLength(n);
    for (const f of forms) expect(f[4]).toBe(2023);
    const agencies = one<{ n: number }>(
      "SELECT count(DISTINCT coalesce(f.agency, '')) n FROM forms f JOIN findings x ON x.form_id = f.id WHERE f.fiscal_year = 2023 AND x.severity IN ('error','warning')",
    ).n;
    expect(wb.SheetNames.length - 4).toBe(agencies);
  });

  it("gives html, json and csv the same subset, with the filter in the title", () => {
    const agency = one<{ agency: string }>("SELECT agency FROM forms WHERE agency IS NOT NULL ORDER BY id LIMIT 1").agency;
    const part = agency.slice(1, 4);
    const filter = ["--agency", part, "--rule", "总分与各项得分之和不符"];
    const json = JSON.parse(run("--format", "json", ...filter).stdout);
    expect(json.filter).toEqual({ agency: part, rule: "total_score_mismatch" });
    expect(json.title).toBe(`预算绩效自评表一致性核查报告（单位含“${part}”、规则“总分与各项得分之和不符”(total_score_mismatch)）`);
    const expected = one<{ n: number }>(
      "SELECT count(*) n FROM findings x JOIN forms f ON f.id = x.form_id WHERE instr(f.agency, ?) > 0 AND x.rule = 'total_score_mismatch'",
      part,
    ).n;
    expect(json.summary.findings).toBe(expected);
    const csv = run("--format", "csv", ...filter).stdout.trim().split("\r\n");
    expect(csv).toHaveLength(expected + 1);
    const html = run(...filter).stdout;
    expect(html).toContain(`<title>${json.title}</title>`);
    expect(html.match(/<tr data-finding="\d+"/g) ?? []).toHaveLength(expected);
  });

  it("exits 2 with a reason on a bad filter or --by-agency without xlsx", () => {
    const byAgency = run("--format", "csv", "--by-agency");
    expect(byAgency.status).toBe(2);
    expect(byAgency.stderr).toContain("--by-agency needs --format xlsx");
    const kind = run("--kind", "nope");
    expect(kind.status).toBe(2);
    expect(kind.stderr).toMatch(/--kind: expected one of project_self_eval, .* found "nope"/);
    const year = run("--year", "next");
    expect(year.status).toBe(2);
    expect(year.stderr).toContain('expected a fiscal year such as 2022, found "next"');
  });
});
