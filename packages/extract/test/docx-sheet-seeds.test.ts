/**
 * The seed forms as LibreOffice wrote them (fixtures/docx, fixtures/xlsx,
 * fixtures/xls, made by scripts/fixtures/render.sh): the three formats must
 * give the same tables, with the same merged cells and the same cell texts,
 * for the facts the seed README lists (all four seeds).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractFile, toMatrix, type ExtractedDocument, type Table } from "../src/index.ts";
import { closeSheetWorker } from "../src/sheet/worker-host.ts";

const FIXTURES = new URL("../../../fixtures/", import.meta.url).pathname;
const FORMATS = ["docx", "xlsx", "xls"] as const;

const tables = (doc: ExtractedDocument): Table[] => doc.blocks.flatMap((b) => (b.kind === "table" ? [b.table] : []));
const texts = (t: Table) => toMatrix(t).map((r) => r.map((c) => c?.text ?? null));
const rowStarting = (t: Table, first: RegExp) => texts(t).find((r) => first.test(r.find((x) => x) ?? ""));
const anchorWith = (t: Table, text: string) => t.cells.find((c) => c.text === text);

afterAll(closeSheetWorker);

describe.each(FORMATS)("qiannan-2023-project-selfeval.%s", (format) => {
  let forms: Table[];
  let doc: ExtractedDocument;
  beforeAll(async () => {
    doc = await extractFile(`${FIXTURES}${format}/qiannan-2023-project-selfeval.${format}`);
    forms = tables(doc);
  });

  it("yields the 16 project forms, each after its title", () => {
    expect(doc.format).toBe(format);
    expect(forms).toHaveLength(16);
    const titles = doc.blocks.filter((b) => b.kind === "text" && /项目支出绩效(目标)?自评表$/.test(b.text));
    expect(titles).toHaveLength(16);
  });

  it("reads the first form's funding rows exactly, 79.74% as printed", () => {
    const m = texts(forms[0]!);
    expect(m[0]).toEqual(["项目名称", null, "医疗服务与保障能力提升补助资金", null, null, null, null, null, null]);
    expect(m[3]).toEqual([null, "年度资金总额:", "228", "228", "181.82", "10分", "79.74%", "8", null]);
    expect(rowStarting(forms[0]!, /^总分$/)).toEqual(["总分", null, null, null, null, null, "100", "98", ""]);
  });

  it("keeps vertical merges: 项目资金 over 6 rows, 绩效指标 over 18, 产出指标 over 14", () => {
    const t = forms[0]!;
    expect(anchorWith(t, "项目资金 (万元)")).toMatchObject({ row: 2, col: 0, rowSpan: 6, colSpan: 1 });
    expect(anchorWith(t, "绩效指标")).toMatchObject({ row: 10, col: 0, rowSpan: 18 });
    expect(anchorWith(t, "产出指标 (60分)")).toMatchObject({ row: 11, col: 1, rowSpan: 14 });
    expect(anchorWith(t, "项目名称")).toMatchObject({ colSpan: 2 });
    expect(anchorWith(t, "医疗服务与保障能力提升补助资金")).toMatchObject({ col: 2, colSpan: 7 });
  });

  it("has the forms the README's findings are about", () => {
    const byName = new Map(forms.map((t) => [texts(t)[0]![2], t]));
    const funding = (name: string) => texts(byName.get(name)!)[3]!.slice(1, 8);
    // 执行率 0 and 得分 0 although A = B = 15: execution_rate_mismatch.
    expect(funding("医疗保障工作督查经费（州本级）")).toEqual(["年度资金总额:", "15", "15", "15", "10", "0", "0"]);
    // printed total 99.8 against 9.85 + 84: total_score_mismatch.
    expect(funding("城乡居民基本医疗保险")[6]).toBe("9.85");
    expect(rowStarting(byName.get("城乡居民基本医疗保险")!, /^总分$/)?.[7]).toBe("99.8");
    // Four forms declare 元 while their amounts are 万元: money_unit_suspect.
    const yuan = forms.filter((t) => anchorWith(t, "项目资金 (元)"));
    expect(yuan.map((t) => texts(t)[3]![3])).toEqual(["15", "80", "23.11", "20"]);
  });
});

describe.each(FORMATS)("xinzhou-2022-selfeval-report-annex1.%s", (format) => {
  let doc: ExtractedDocument;
  beforeAll(async () => {
    doc = await extractFile(`${FIXTURES}${format}/xinzhou-2022-selfeval-report-annex1.${format}`);
  });

  it("reads the report's budget table in 元 with its two-row header", () => {
    const t = tables(doc)[0]!;
    expect(anchorWith(t, "年初预算数")).toMatchObject({ row: 0, col: 1, colSpan: 2, rowSpan: 1 });
    expect(anchorWith(t, "资金来源")).toMatchObject({ row: 0, col: 0, rowSpan: 2 });
    // 62,502.5 is formatted [$-409]#,##0.0 in the workbooks: the locale tag prints nothing.
    expect(texts(t)[2]).toEqual(["合计", "86,500", "86,500", "86,500", "62,502.5", "23,997.5", "72.26", "7.23"]);
  });

  it("reads the 自评表 in 万元: 8.65 budget, 6.25 executed, 72.26, 7.23, total 95.23 优", () => {
    const form = tables(doc).find((t) => anchorWith(t, "项目名称"))!;
    expect(rowStarting(form, /^资金总额:$/)).toEqual([null, "资金总额:", "8.65", "8.65", "8.65", "6.25", "2.4", "72.26", "7.23", null]);
    expect(rowStarting(form, /^总 分$/)?.slice(6, 8)).toEqual(["95.23", "优"]);
    expect(anchorWith(form, "年初预算数")).toMatchObject({ colSpan: 2 });
  });

  it("keeps the narrative, including the sentence the narrative_mismatch rule reads", () => {
    const narrative = doc.blocks.flatMap((b) => (b.kind === "text" ? [b.text] : []));
    expect(narrative).toContain("一、项目基本信息");
    expect(narrative.some((t) => t.includes("2022 年项目预算 8.65 万元，实际执行 2.4 万元。"))).toBe(true);
  });
});

describe.each(FORMATS)("gaoyi-2021-department-selfeval-report.%s", (format) => {
  let doc: ExtractedDocument;
  beforeAll(async () => {
    doc = await extractFile(`${FIXTURES}${format}/gaoyi-2021-department-selfeval-report.${format}`);
  });

  it("reads the department form: weights 20/40/25/15 as merged level-1 cells, total 97", () => {
    const form = tables(doc).find((t) => anchorWith(t, "投入 (20)"))!;
    expect(anchorWith(form, "投入 (20)")).toMatchObject({ col: 0, rowSpan: 5 });
    expect(anchorWith(form, "过程（执行）（40）")).toMatchObject({ col: 0, rowSpan: 15 });
    expect(anchorWith(form, "产出 (25)")).toMatchObject({ col: 0, rowSpan: 7 });
    expect(anchorWith(form, "效果 (15)")).toMatchObject({ col: 0, rowSpan: 2 });
    expect(rowStarting(form, /^合计$/)?.slice(5, 7)).toEqual(["100", "97"]);
  });

  it("lists the 19 projects, whose 预算数 add up to 3528.45", () => {
    const list = tables(doc).find((t) => anchorWith(t, "分项项目绩效目标"))!;
    const projects = texts(list).filter((r) => /^\d+$/.test(r[0] ?? "") && r[1]);
    expect(projects).toHaveLength(19);
    expect(projects[0]!.slice(0, 4)).toEqual(["1", "医疗救助补助资金", "336", "336"]);
    const cents = projects.reduce((sum, r) => sum + Math.round(Number(r[2]) * 100), 0);
    expect(cents).toBe(352845);
  });
});

describe.each(FORMATS)("hengyang-2023-targets.%s", (format) => {
  let doc: ExtractedDocument;
  beforeAll(async () => {
    doc = await extractFile(`${FIXTURES}${format}/hengyang-2023-targets.${format}`);
  });

  it("reads the five project amounts, each merged over its indicator rows, adding up to the unit's 100.00", () => {
    const [projects] = tables(doc);
    const amounts = projects!.cells.filter((c) => c.col === 3 && c.row > 1 && c.rowSpan > 1).map((c) => c.text);
    expect(amounts).toEqual(["50.00", "10.00", "10.00", "12.00", "18.00"]);
    expect(texts(projects!)[2]!.slice(0, 4)).toEqual(["062001", "衡阳市医疗保障局", "", "100.00"]);
  });

  it("reads the whole-unit form: 1,426.26 = 1,326.26 基本支出 + 100.00 项目支出", () => {
    const unit = tables(doc).find((t) => anchorWith(t, "整体绩效目标"))!;
    const row = texts(unit).find((r) => r[0] === "062001")!;
    expect([row[2], row[3], row[7], row[8]]).toEqual(["1,426.26", "1,426.26", "1,326.26", "100.00"]);
  });
});

describe.each(FORMATS)("stress-page-boundary-merged.%s (a merged group the printed page cuts)", (format) => {
  it("keeps the form one table, 产出指标 merged over its 13 rows and 绩效指标 over 16", async () => {
    const doc = await extractFile(`${FIXTURES}${format}/stress-page-boundary-merged.${format}`);
    const forms = tables(doc);
    expect(forms).toHaveLength(1);
    const [form] = forms;
    expect(anchorWith(form!, "绩效指标")).toMatchObject({ col: 0, rowSpan: 16 });
    expect(anchorWith(form!, "产出指标 (50分)")).toMatchObject({ col: 1, rowSpan: 13 });
    expect(anchorWith(form!, "成本指标")).toMatchObject({ col: 2, rowSpan: 6 });
    expect(rowStarting(form!, /^总分$/)?.slice(6, 8)).toEqual(["100", "90"]);
  });
});
