/**
 * The Excel workbook (issue 17, items 3–5) and the report filters, read back
 * with SheetJS: sheets, headers, frozen header rows, autofilters, numbers as
 * numbers with their formats, no cell that runs as a formula, the filter's
 * subset and title in every format, and the per-agency rectification sheets.
 * Then LibreOffice opens the workbook (converted to CSV), when it is installed.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openStore } from "@jixiao/store";
import * as X from "xlsx";
import { describe, expect, it } from "vitest";
import { readReportDataFromFile, renderCsv, renderHtml, renderJson, renderXlsx } from "../src/report/index.ts";
import { displayWidth, MONEY_FORMAT, RATE_FORMAT, sheetName } from "../src/report/xlsx.ts";
import { tempDir } from "./seed-db.ts";
import { buildXlsxDatabase, COPIES, HOSTILE_PROJECT, LONG_AGENCY } from "./xlsx-db.ts";

const dir = tempDir("jixiao-xlsx-");
const { file: dbPath, formsPerCopy } = buildXlsxDatabase(dir);
const NOW = new Date("2026-01-02T03:04:05Z");

function sql<T>(query: string, ...params: unknown[]): T[] {
  const store = openStore(dbPath, { readonly: true });
  try {
    return store.db.prepare(query).all(...params) as T[];
  } finally {
    store.close();
  }
}

async function workbook(filter?: Parameters<typeof readReportDataFromFile>[2], byAgency = false) {
  const bytes = await renderXlsx(readReportDataFromFile(dbPath, NOW, filter), { byAgency });
  return { bytes, wb: X.read(bytes, { cellNF: true, cellStyles: true }) };
}

/** The sheet parts' XML by sheet name, straight from the zip. */
function sheetXml(bytes: Uint8Array, wb: X.WorkBook): Map<string, string> {
  const cfb = X.CFB.read(bytes, { type: "buffer" });
  const out = new Map<string, string>();
  const paths: string[] = cfb.FullPaths;
  wb.SheetNames.forEach((name, i) => {
    const at = paths.findIndex((p) => p.endsWith(`/xl/worksheets/sheet${i + 1}.xml`));
    out.set(name, Buffer.from(cfb.FileIndex[at].content).toString("utf8"));
  });
  return out;
}

/** The entry names of a zip, from its central directory. */
function zipNames(bytes: Uint8Array): string[] {
  const b = Buffer.from(bytes);
  const end = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = b.readUInt16LE(end + 10);
  let at = b.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    expect(b.readUInt32LE(at)).toBe(0x02014b50);
    const n = b.readUInt16LE(at + 28), extra = b.readUInt16LE(at + 30), comment = b.readUInt16LE(at + 32);
    names.push(b.toString("utf8", at + 46, at + 46 + n));
    at += 46 + n + extra + comment;
  }
  return names;
}

const rowsOf = (ws: X.WorkSheet) => X.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: null });

describe("XLSX report", async () => {
  const { bytes, wb } = await workbook(undefined, true);
  const forms = sql<{ n: number }>("SELECT count(*) n FROM forms")[0]!.n;
  const findings = sql<{ n: number }>("SELECT count(*) n FROM findings")[0]!.n;

  it("has the overview, forms, findings and rule-summary sheets, with Chinese headers", () => {
    expect(wb.SheetNames.slice(0, 4)).toEqual(["概览", "表单", "问题", "规则汇总"]);
    expect(rowsOf(wb.Sheets["表单"]!)[0]).toEqual([
      "文件", "表序号", "类型", "类型代码", "年度", "单位", "项目", "表名", "预算(万元)", "执行(万元)", "执行率", "分值合计", "总分", "结论", "起始页", "结束页", "错误", "警告", "提示",
    ]);
    expect(rowsOf(wb.Sheets["问题"]!)[0]).toEqual([
      "单位", "年度", "项目", "类型", "规则", "规则代码", "级别", "说明", "应为", "表中填报", "指标/资金行", "文件", "表序号", "页", "行",
    ]);
    expect(rowsOf(wb.Sheets["规则汇总"]!)[0]).toEqual(["规则", "规则代码", "错误", "警告", "提示", "合计", "涉及表数", "涉及单位数"]);
    expect(rowsOf(wb.Sheets["表单"]!)).toHaveLength(forms + 1);
    expect(rowsOf(wb.Sheets["问题"]!)).toHaveLength(findings + 1);
    const perRule = sql<{ rule: string; n: number }>("SELECT rule, count(*) n FROM findings GROUP BY rule");
    const summary = rowsOf(wb.Sheets["规则汇总"]!).slice(1);
    expect(summary).toHaveLength(perRule.length);
    for (const r of perRule) expect(summary.find((row) => row[1] === r.rule)?.[5]).toBe(r.n);
    expect(summary.find((row) => row[1] === "total_score_mismatch")?.[0]).toBe("总分与各项得分之和不符");
  });

  it("freezes the header row and puts an autofilter on it in every table sheet", () => {
    const xml = sheetXml(bytes, wb);
    for (const name of wb.SheetNames.slice(1)) {
      expect(xml.get(name), name).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
      const ws = wb.Sheets[name]!;
      const range = X.utils.decode_range(ws["!ref"]!);
      expect(ws["!autofilter"]?.ref, name).toBe(X.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: range.e.r, c: range.e.c } }));
    }
    expect(xml.get("概览")).not.toContain("<pane");
    // The zip holds the workbook's parts and nothing else (no container placeholder), [Content_Types].xml first.
    const names = zipNames(bytes);
    expect(names[0]).toBe("[Content_Types].xml");
    for (const n of names) expect(n).toMatch(/^(\[Content_Types\]\.xml|_rels\/\.rels|docProps\/\w+\.xml|xl\/[\w/.]+\.(xml|rels))$/);
    expect(wb.Sheets["概览"]!["!autofilter"]).toBeUndefined();
  });

  it("writes numbers as numbers: money in 万元 as 0.00, rates as 0.00%, years and counts plain", () => {
    const ws = wb.Sheets["表单"]!;
    const stored = sql<{ budget_wan: number; execution_rate: number | null; fiscal_year: number }>(
      "SELECT budget_wan, coalesce(execution_rate, execution_rate_computed) execution_rate, fiscal_year FROM v_forms WHERE budget_wan IS NOT NULL ORDER BY path, seq",
    );
    const rows = rowsOf(ws).slice(1).filter((r) => r[8] !== null);
    expect(rows.length).toBe(stored.length);
    let checked = 0;
    for (let r = 2; r <= forms + 1; r++) {
      const budget = ws[`I${r}`];
      if (!budget) continue;
      expect(budget.t).toBe("n");
      expect(budget.z).toBe(MONEY_FORMAT);
      expect(ws[`E${r}`].t).toBe("n");
      expect(ws[`E${r}`].z ?? "General").toBe("General");
      if (ws[`K${r}`]) expect([ws[`K${r}`].t, ws[`K${r}`].z]).toEqual(["n", RATE_FORMAT]);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
    expect(rows.map((r) => r[8])).toEqual(stored.map((s) => s.budget_wan));
    // In the findings sheet, expected and observed are numbers too (rates as percentages).
    const f = wb.Sheets["问题"]!;
    const numeric = rowsOf(f).slice(1).filter((r) => r[8] !== null);
    expect(numeric.length).toBeGreaterThan(0);
    for (const r of numeric) expect(typeof r[8]).toBe("number");
  });

  it("neutralises text a spreadsheet would run as a formula, and writes no formula at all", () => {
    const ws = wb.Sheets["表单"]!;
    const cell = rowsOf(ws).slice(1).map((r) => r[6]).find((v) => typeof v === "string" && v.includes("HYPERLINK"));
    expect(cell).toBe(`'${HOSTILE_PROJECT}`);
    for (const [name, xml] of sheetXml(bytes, wb)) expect(xml, name).not.toMatch(/<f[ >]/);
    for (const name of wb.SheetNames) {
      for (const [ref, c] of Object.entries(wb.Sheets[name]!)) {
        if (ref.startsWith("!")) continue;
        expect((c as X.CellObject).f, `${name}!${ref}`).toBeUndefined();
        if ((c as X.CellObject).t === "s") expect(String((c as X.CellObject).v), `${name}!${ref}`).not.toMatch(/^[=+@\t\r]/);
      }
    }
  });

  it("sizes columns to their content, CJK characters counting double", () => {
    expect(displayWidth("abc")).toBe(3);
    expect(displayWidth("黔南州")).toBe(6);
    expect(displayWidth("（2023）年")).toBe(10);
    expect(displayWidth("一行\n两行更长")).toBe(8);
    const cols = wb.Sheets["表单"]!["!cols"]!;
    const agencyWidth = Math.max(...COPIES.map((c) => displayWidth(c.agency)));
    expect(cols[5]!.wch).toBeGreaterThanOrEqual(Math.min(60, agencyWidth));
    expect(cols[1]!.wch).toBeLessThan(12); // 表序号: a short header, small numbers
  });

  it("adds one rectification sheet per agency, named within Excel's rules and unique", () => {
    const sheets = wb.SheetNames.slice(4);
    expect(sheets).toHaveLength(COPIES.length);
    for (const s of sheets) {
      expect(s.length).toBeLessThanOrEqual(31);
      expect(s).not.toMatch(/[\[\]:*?/\\]/);
    }
    expect(new Set(sheets.map((s) => s.toLowerCase())).size).toBe(sheets.length);
    expect(sheets).toContain("黔南州_医保__局____");
    expect(sheets.filter((s) => s.startsWith(LONG_AGENCY.slice(0, 20)))).toHaveLength(2);
    // The overview names each agency's sheet.
    const overview = rowsOf(wb.Sheets["概览"]!);
    for (const c of COPIES) expect(overview.some((r) => r[0] === c.agency && sheets.includes(String(r[5])))).toBe(true);
  });

  it("lists an agency's errors and warnings grouped by form: the form, then what it printed and what it should have", () => {
    const name = wb.SheetNames.find((s) => s.startsWith("黔南州_医保"))!;
    const rows = rowsOf(wb.Sheets[name]!);
    expect(rows[0]).toEqual(["表名", "项目", "年度", "文件", "位置", "级别", "规则", "说明", "表中填报", "应为", "指标/资金行", "规则代码"]);
    const expected = sql<{ project_name: string; n: number }>(
      `SELECT f.project_name, count(*) n FROM findings x JOIN forms f ON f.id = x.form_id WHERE f.agency = ? AND x.severity IN ('error','warning')
       GROUP BY f.id ORDER BY f.seq`,
      COPIES[1].agency,
    );
    expect(expected.length).toBeGreaterThan(0);
    const formRows = rows.filter((r) => r[0] !== null && r !== rows[0]);
    expect(formRows.map((r) => r[1])).toEqual(expected.map((e) => e.project_name));
    for (const r of formRows) expect(r[2]).toBe(2022);
    const findingRows = rows.filter((r) => r[0] === null && r[5] !== null);
    expect(findingRows).toHaveLength(expected.reduce((n, e) => n + e.n, 0));
    for (const r of findingRows) expect(["错误", "警告"]).toContain(r[5]);
    const total = findingRows.find((r) => r[11] === "total_score_mismatch");
    expect(total?.[6]).toBe("总分与各项得分之和不符");
    expect(total?.[8]).toBe(99.8); // printed
    expect(total?.[9]).toBe(93.85); // should have been
  });

  it("refuses no agency name: sheet names are sanitised, shortened and made unique", () => {
    const taken = new Set(["表单"]);
    expect(sheetName("表单", taken)).toBe("表单(2)");
    expect(sheetName("a[b]c:d*e?f/g\\h", taken)).toBe("a_b_c_d_e_f_g_h");
    expect(sheetName("'引号'", taken)).toBe("引号");
    expect(sheetName("   ", taken)).toBe("未填单位");
    expect(sheetName("History", taken)).toBe("History_");
    expect(sheetName("2022年某局", taken)).toBe("单位_2022年某局");
    const long = "很".repeat(40);
    expect(sheetName(long, taken)).toBe("很".repeat(31));
    expect(sheetName(long, taken)).toBe(`${"很".repeat(28)}(2)`);
    expect(sheetName("😀".repeat(20), taken)).toBe("😀".repeat(15)); // never splits a surrogate pair
  });
});

describe("filtered reports", async () => {
  const filter = { year: 2022, agency: "医保" };
  const data = readReportDataFromFile(dbPath, NOW, filter);
  const { wb } = await workbook(filter);
  const expectedForms = sql<{ id: number }>("SELECT id FROM forms WHERE fiscal_year = 2022 AND agency LIKE '%医保%'");
  const expectedFindings = sql<{ id: number }>(
    "SELECT x.id FROM findings x JOIN forms f ON f.id = x.form_id WHERE f.fiscal_year = 2022 AND f.agency LIKE '%医保%'",
  );

  it("keep the same subset in every format", () => {
    expect(expectedForms.length).toBe(formsPerCopy);
    expect(data.forms.map((f) => f.formId).sort()).toEqual(expectedForms.map((f) => f.id).sort());
    expect(data.findings).toHaveLength(expectedFindings.length);
    expect(data.documents).toHaveLength(1);
    const json = JSON.parse(renderJson(data));
    expect(json.forms).toHaveLength(expectedForms.length);
    expect(json.filter).toEqual({ year: 2022, agency: "医保" });
    const html = renderHtml(data);
    expect(html.match(/<tr id="form-\d+"/g)).toHaveLength(expectedForms.length);
    const csv = renderCsv(data).trim().split("\r\n");
    expect(csv).toHaveLength(expectedFindings.length + 1);
    expect(rowsOf(wb.Sheets["表单"]!)).toHaveLength(expectedForms.length + 1);
    expect(rowsOf(wb.Sheets["问题"]!)).toHaveLength(expectedFindings.length + 1);
    for (const r of rowsOf(wb.Sheets["表单"]!).slice(1)) expect([r[4], r[5]]).toEqual([2022, COPIES[1].agency]);
  });

  it("state the filter in their title", () => {
    const title = "预算绩效自评表一致性核查报告（单位含“医保”、2022年度）";
    expect(JSON.parse(renderJson(data)).title).toBe(title);
    expect(renderHtml(data)).toContain(`<title>${title}</title>`);
    expect(renderHtml(data)).toContain(`<h1>${title}</h1>`);
    expect(wb.Sheets["概览"]!["A1"]!.v).toBe(title);
    expect(wb.Sheets["概览"]!["B3"]!.v).toBe("单位含“医保”、2022年度");
    expect(wb.Props?.Title).toBe(title);
  });

  it("match the agency ignoring full/half width and case, and the kind", () => {
    const wide = readReportDataFromFile(dbPath, NOW, { agency: "［医保］" });
    expect(wide.forms).toHaveLength(formsPerCopy);
    const none = readReportDataFromFile(dbPath, NOW, { kind: "department_self_eval" });
    expect(none.forms).toHaveLength(0);
    expect(none.findings).toHaveLength(0);
    const all = readReportDataFromFile(dbPath, NOW, { agency: "", kind: "" });
    expect(all.forms).toHaveLength(formsPerCopy * COPIES.length);
    expect(all.filter).toBeNull();
  });

  it("keep only one rule's findings and the forms that have one, with counts from them", () => {
    const r = readReportDataFromFile(dbPath, NOW, { rule: "total_score_mismatch", year: 2023 });
    const n = sql<{ forms: number; findings: number }>(
      "SELECT count(DISTINCT x.form_id) forms, count(*) findings FROM findings x JOIN forms f ON f.id = x.form_id WHERE x.rule = 'total_score_mismatch' AND f.fiscal_year = 2023",
    )[0]!;
    expect(n.findings).toBeGreaterThan(0);
    expect(r.forms).toHaveLength(n.forms);
    expect(r.findings).toHaveLength(n.findings);
    expect(r.findings.every((x) => x.rule === "total_score_mismatch")).toBe(true);
    expect(r.forms.reduce((s, f) => s + f.errors + f.warnings + f.infos, 0)).toBe(n.findings);
    expect(JSON.parse(renderJson(r)).title).toBe("预算绩效自评表一致性核查报告（2023年度、规则“总分与各项得分之和不符”(total_score_mismatch)）");
  });
});

const soffice = spawnSync("soffice", ["--version"], { encoding: "utf8" });
const hasSoffice = soffice.status === 0;
if (!hasSoffice) console.warn("skipped: LibreOffice (soffice) is not on PATH, so the workbook is not opened in it");

describe.skipIf(!hasSoffice)("XLSX report opened by LibreOffice (soffice --headless --convert-to csv)", () => {
  it("reads every sheet, with money shown to two decimals and the formula text as text", async () => {
    const { bytes } = await workbook(undefined, true);
    const out = join(dir, "lo");
    mkdirSync(out, { recursive: true });
    const file = join(out, "report.xlsx");
    writeFileSync(file, bytes);
    // All sheets (token 12 = -1), UTF-8 (76), values as shown (token 9), own profile so parallel runs do not collide.
    const r = spawnSync(
      "soffice",
      [`-env:UserInstallation=file://${join(out, "profile")}`, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", "--outdir", out, file],
      { encoding: "utf8", timeout: 120_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    const csvs = readdirSync(out).filter((f) => f.endsWith(".csv"));
    expect(csvs).toContain("report-表单.csv");
    expect(csvs).toContain("report-问题.csv");
    expect(csvs.length).toBe(4 + COPIES.length);
    const forms = readFileSync(join(out, "report-表单.csv"), "utf8").split("\n");
    const stored = sql<{ budget_wan: number }>("SELECT budget_wan FROM v_forms WHERE budget_wan IS NOT NULL ORDER BY path, seq LIMIT 1")[0]!;
    expect(forms[0]).toMatch(/^文件,表序号,类型/);
    expect(forms[1]).toContain(`,${stored.budget_wan.toFixed(2)},`);
    // LibreOffice shows the text with its quote, and did not evaluate it.
    expect(forms.some((l) => l.includes(`'=HYPERLINK(`))).toBe(true);
    expect(readFileSync(join(out, "report-概览.csv"), "utf8")).toMatch(/^预算绩效自评表一致性核查报告/);
  }, 180_000);
});
