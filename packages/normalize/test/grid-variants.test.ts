/**
 * The same real forms printed the way other templates print them, read from
 * each fixture's DOCX grid as printed and as varied; both must give the same
 * forms, funding lines and indicators.
 * - Merged cells written out: spreadsheets exported by budget systems (and
 *   workbooks unmerged with fill-down) print a merged label — 项目资金（万元）,
 *   绩效指标, 产出指标, a project's 单位名称/项目名称/预算数 — on every row it covered.
 * - Labels with a colon: 产出指标：, 数量指标：, 项目名称： in the first column.
 */
import { describe, expect, it } from "vitest";
import type { ExtractedDocument, Table } from "@jixiao/extract";
import { normalizeDocument, type Form } from "@jixiao/normalize";
import { extractedFixture } from "./fixture-documents.ts";

function writtenOut(doc: ExtractedDocument): ExtractedDocument {
  const unmerge = (t: Table): Table => ({
    ...t,
    cells: t.cells.flatMap((c) => (c.rowSpan > 1 && c.colSpan === 1 ? Array.from({ length: c.rowSpan }, (_, k) => ({ ...c, row: c.row + k, rowSpan: 1 })) : [c])),
  });
  return { ...doc, blocks: doc.blocks.map((b) => (b.kind === "table" ? { ...b, table: unmerge(b.table) } : b)) };
}

const summary = (forms: Form[]) => forms.map((f) => ({
  kind: f.kind,
  project: f.projectName ?? f.agency,
  funding: f.funding.map((l) => [l.source, l.budget, l.executed]),
  indicators: f.indicators.map((i) => [i.level1, i.level2, i.name, i.targetText]),
}));

function colonLabels(doc: ExtractedDocument): ExtractedDocument {
  const colon = (t: Table): Table => ({
    ...t,
    cells: t.cells.map((c) => (c.col === 0 && /^[\u4e00-\u9fff()（）]{2,10}$/.test(c.text.trim()) ? { ...c, text: `${c.text.trim()}：` } : c)),
  });
  return { ...doc, blocks: doc.blocks.map((b) => (b.kind === "table" ? { ...b, table: colon(b.table) } : b)) };
}

describe.each([
  // 鄂州 2022: a two-level grid whose first column holds 数量指标, 质量指标 ….
  "hubei-2022-project-targets",
  // 廊坊 2019, 宁德 2019: level 1 labels, header-block labels.
  "hebei-2019-project-self-eval",
  "fujian-2019-department-targets",
])("%s with its first column's labels ending in a colon", (id) => {
  it("reads the same forms, funding lines and indicators", async () => {
    const doc = await extractedFixture(id, "docx");
    const printed = summary(normalizeDocument(doc).forms);
    expect(printed.length).toBeGreaterThan(0);
    expect(summary(normalizeDocument(colonLabels(doc)).forms)).toEqual(printed);
  });
});

describe.each([
  // 廊坊 2019: 项目资金（万元） beside each funding line.
  "hebei-2019-project-self-eval",
  // 金寨 2023: 预算资金（万元） and 绩效指标 beside their lines.
  "anhui-2023-department-self-eval",
  // 井研 2023: each project's 单位名称 | 项目名称 | 预算数 | 年度目标 on every indicator row.
  "sichuan-2023-project-declaration",
  // 永德 2022, 银川 2021: funding block and level labels.
  "yunnan-2022-project-self-eval-2",
  "ningxia-2021-project-self-eval",
])("%s with its merged cells written out", (id) => {
  it("reads the same forms, funding lines and indicators as the merged grid", async () => {
    const doc = await extractedFixture(id, "docx");
    const merged = summary(normalizeDocument(doc).forms);
    expect(merged.length).toBeGreaterThan(0);
    expect(summary(normalizeDocument(writtenOut(doc)).forms)).toEqual(merged);
  });
});
