/**
 * The seed forms as real producers printed them (fixtures/pdf/lo from
 * LibreOffice, fixtures/pdf/chromium from headless Chromium; made by
 * scripts/fixtures): exact cell texts, merged cells with their spans, tables
 * that cross a page break read as one table, and the same grid from both
 * producers.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { toMatrix, type ExtractedDocument, type Table } from "../src/index.ts";
import { extractPdf } from "../src/pdf/index.ts";

const FIXTURES = new URL("../../../fixtures/pdf/", import.meta.url).pathname;
const PRODUCERS = ["lo", "chromium"] as const;
const SEEDS = [
  "qiannan-2023-project-selfeval",
  "gaoyi-2021-department-selfeval-report",
  "hengyang-2023-targets",
  "xinzhou-2022-selfeval-report-annex1",
  "stress-page-boundary-merged",
  "stress-long-reason",
  "stress-landscape",
] as const;

const cache = new Map<string, Promise<ExtractedDocument>>();
const extract = (producer: string, seed: string) => {
  const key = `${producer}/${seed}`;
  if (!cache.has(key)) cache.set(key, extractPdf(readFileSync(`${FIXTURES}${key}.pdf`)));
  return cache.get(key)!;
};
const tables = (doc: ExtractedDocument): Table[] => doc.blocks.flatMap((b) => (b.kind === "table" ? [b.table] : []));
const texts = (t: Table) => toMatrix(t).map((r) => r.map((c) => c?.text ?? null));
const rowStarting = (t: Table, first: RegExp) => texts(t).find((r) => first.test(r.find((x) => x) ?? ""));
const anchor = (t: Table, text: string) => t.cells.find((c) => c.text === text);
/** Grid shape and text of every cell, without positions (which differ between producers). */
const grid = (t: Table) => ({ nRows: t.nRows, nCols: t.nCols, cells: t.cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan, c.text]) });

describe.each(PRODUCERS)("qiannan-2023-project-selfeval.pdf by %s", (producer) => {
  let doc: ExtractedDocument;
  let forms: Table[];
  beforeAll(async () => {
    doc = await extract(producer, "qiannan-2023-project-selfeval");
    forms = tables(doc);
  });

  it("yields the 16 project forms, each one table even where it runs over a page break", () => {
    expect(forms).toHaveLength(16);
    expect(forms[0]!.page).toBe(1);
    expect(forms[0]!.pageTo).toBe(2);
    const titles = doc.blocks.filter((b) => b.kind === "text" && /项目支出绩效(目标)?自评表$/.test(b.text));
    expect(titles).toHaveLength(16);
  });

  it("reads the first form's funding rows exactly, 79.74% as printed", () => {
    const m = texts(forms[0]!);
    expect(m[0]).toEqual(["项目名称", null, "医疗服务与保障能力提升补助资金", null, null, null, null, null, null]);
    expect(m[3]).toEqual([null, "年度资金总额:", "228", "228", "181.82", "10分", "79.74%", "8", null]);
    expect(rowStarting(forms[0]!, /^总分$/)).toEqual(["总分", null, null, null, null, null, "100", "98", ""]);
    expect(rowStarting(forms[0]!, /^绩效结论$/)).toEqual(["绩效结论", "优", null, null, null, null, null, null, null]);
  });

  it("keeps merged cells whole across the page break, with their spans", () => {
    const t = forms[0]!;
    expect(anchor(t, "项目资金(万元)")).toMatchObject({ row: 2, col: 0, rowSpan: 6, colSpan: 1 });
    expect(anchor(t, "绩效指标")).toMatchObject({ col: 0, rowSpan: 18 });
    expect(anchor(t, "产出指标(60分)")).toMatchObject({ col: 1, rowSpan: 14 });
    expect(anchor(t, "数量")).toMatchObject({ col: 2, rowSpan: 8 });
    expect(anchor(t, "实施单位")).toMatchObject({ row: 1, col: 4, colSpan: 1 });
  });

  it("joins text wrapped inside a cell without inserting anything", () => {
    const cell = forms[0]!.cells.find((c) => c.text.startsWith("4项改革工作"));
    expect(cell?.text).toBe("4项改革工作(DIP支付方式改革、床日付费改革、门诊病种支付方式改革、紧密型县域医共体总额付费改革)");
    const all = forms.flatMap((t) => t.cells.map((c) => c.text));
    expect(all.filter((s) => /\p{Script=Han}\s+\p{Script=Han}|\n/u.test(s))).toEqual([]);
    // A row label cut by a page break (满意度指标(10 | 分)) comes back whole in every form.
    expect(all.filter((s) => s === "分)" || s === "满意度指标(10")).toEqual([]);
    expect(all.filter((s) => s === "满意度指标(10分)").length).toBeGreaterThanOrEqual(16);
  });

  it("keeps narrative lines in reading order around the tables", () => {
    const i = doc.blocks.findIndex((b) => b.kind === "text" && b.text === "上级项目支出绩效自评表");
    expect(doc.blocks[i + 1]).toMatchObject({ kind: "text", text: "(2023年度)" });
    const firstTable = doc.blocks.findIndex((b) => b.kind === "table");
    expect(firstTable).toBeGreaterThan(i);
    expect(doc.blocks.slice(firstTable + 1).find((b) => b.kind === "text")).toMatchObject({ text: "联系人:陈胜宇" });
  });
});

describe.each(PRODUCERS)("stress-page-boundary-merged.pdf by %s", (producer) => {
  it("reads a form whose merged cells are cut by the page break as one table", async () => {
    const forms = tables(await extract(producer, "stress-page-boundary-merged"));
    expect(forms).toHaveLength(1);
    const t = forms[0]!;
    expect([t.page, t.pageTo]).toEqual([1, 2]);
    expect(anchor(t, "绩效指标")).toMatchObject({ col: 0, rowSpan: 16 });
    expect(anchor(t, "产出指标(50分)")).toMatchObject({ col: 1, rowSpan: 13 });
    expect(anchor(t, "成本指标")).toMatchObject({ col: 2, rowSpan: 6 });
    expect(rowStarting(t, /^黔南日报$/)).toEqual([null, null, null, "黔南日报", "≤5万元", "0万元", "2", "2", ""]);
    // The break falls inside the merged 绩效指标 and 产出指标 cells: rows of both pages sit under each anchor.
    for (const label of ["绩效指标", "产出指标(50分)"]) {
      const a = anchor(t, label)!;
      const coveredPages = new Set(t.cells.filter((c) => c.row >= a.row && c.row < a.row + a.rowSpan).map((c) => c.page));
      expect([...coveredPages].sort()).toEqual([1, 2]);
    }
    expect(rowStarting(t, /^总分$/)).toEqual(["总分", null, null, null, null, null, "100", "90", ""]);
  });
});

describe.each(PRODUCERS)("stress-borderless.pdf by %s", (producer) => {
  it("finds the indicator rows of a form printed without any rules from text alignment alone", async () => {
    const forms = tables(await extract(producer, "stress-borderless"));
    const row = forms.map((t) => rowStarting(t, /^医保工作宣传覆盖$/)).find(Boolean);
    expect(row?.filter((x) => x !== null)).toEqual(["医保工作宣传覆盖", "州本级及12县(市)", "州本级及12县(市)", "4", "4"]);
    expect(forms.every((t) => !t.cells.some((c) => /\n/.test(c.text)))).toBe(true);
  });

  it("reads the funding rows, wrapped cells as one cell, merged labels before their rows, and the totals", async () => {
    const doc = await extract(producer, "stress-borderless");
    const forms = tables(doc);
    const row = (first: RegExp) => forms.map((t) => rowStarting(t, first)).find(Boolean)?.filter((x) => x !== null);
    expect(row(/^年度资金总额:$/)).toEqual(["年度资金总额:", "228", "228", "181.82", "10分", "79.74%", "8"]);
    expect(row(/^其中:上级补助$/)).toEqual(["其中:上级补助", "228", "228", "181.82", "—", "—", "—"]);
    expect(row(/^打造基层医保经办服务示范窗口$/)).toEqual(["打造基层医保经办服务示范窗口", "≥12个", "12个", "4", "4"]);
    expect(row(/^深化医保支付方式改革工作$/)).toEqual([
      "深化医保支付方式改革工作", "4项改革工作(DIP支付方式改革、床日付费改革、门诊病种支付方式改革、紧密型县域医共体总额付费改革)", "4项", "4", "4",
    ]);
    expect(row(/^总分$/)).toEqual(["总分", "100", "98"]);
    expect(row(/^绩效结论$/)).toEqual(["绩效结论", "优"]);
    // Labels merged over several rows head the first of them (a form is read downwards).
    expect(row(/^产出指标\(60分\)$/)?.slice(0, 3)).toEqual(["产出指标(60分)", "数量", "打造医保经办“15分钟服务圈”"]);
    expect(row(/^效益指标\(30分\)$/)?.slice(0, 3)).toEqual(["效益指标(30分)", "社会效益", "医保基金安全、平衡运行"]);
    // No cell text is left behind as a loose line.
    const loose = doc.blocks.flatMap((b) => (b.kind === "text" ? [b.text] : []));
    expect(loose.filter((t) => /示范窗口|DIP|标准化管理|^优$|^论$/.test(t))).toEqual([]);
  });
});

describe("pages turned by /Rotate (test/pdf/rotated-pages.pdf, made by test/pdf/make-rotated.sh)", () => {
  it("reads a page turned 90° and one turned 270° as the upright original", async () => {
    const rotated = await extractPdf(readFileSync(new URL("./pdf/rotated-pages.pdf", import.meta.url).pathname));
    const upright = await extract("lo", "stress-long-reason");
    expect(rotated.pages.map((p) => p.rotation)).toEqual([90, 270]);
    expect(tables(rotated).map(grid)).toEqual(tables(upright).map(grid));
    expect(rotated.blocks.filter((b) => b.kind === "text").map((b) => b.kind === "text" && b.text))
      .toEqual(upright.blocks.filter((b) => b.kind === "text").map((b) => b.kind === "text" && b.text));
  });
});

describe.each(SEEDS)("%s.pdf", (seed) => {
  it("gives the same grid whether LibreOffice or Chromium printed it", async () => {
    const [lo, chromium] = await Promise.all(PRODUCERS.map((p) => extract(p, seed)));
    const a = tables(lo!).map(grid), b = tables(chromium!).map(grid);
    expect(a.length).toBeGreaterThan(0);
    expect(b).toEqual(a);
  });
});
