/**
 * Probe: every real fixture's DOCX grid varied the way other templates print the same form — merged
 * cells written out, labels with a colon, the lines around the table left out or moved into it, ASCII
 * brackets, spaced labels, other header and label words, two adjacent columns swapped, a blank margin column,
 * a table cut by a page break, words wrapped in their cells, full-width brackets and colons, a
 * 序号 column before the indicator grid, the grid's header repeated after a page break, the level columns left
 * out, amounts with thousands separators, the grid in a table of its own, the header block's pairs one a row —
 * and the reading compared with the printed one. Prints each variant that reads differently and a count per variant. A measure of
 * how much a reading rests on a template's exact words and layout, not a test: some variants change
 * what the form says (a label swapped with its value; a unit printed above the table left out).
 * Usage: npx tsx scripts/variants-probe.ts [fixture-id-part]
 */
import type { ExtractedDocument, Table } from "@jixiao/extract";
import { normalizeDocument, type Form } from "@jixiao/normalize";
import { extractedFixture } from "../packages/normalize/test/fixture-documents.ts";
import { listRealFixtures, readExpectation } from "../packages/normalize/test/real-forms.ts";
import { colonLabels, cutAtPageBreak, eachTable, fullWidthPunct, gridApart, groupedDigits, levelsLeftOut, linesInTable, marginColumn, numberedRows, pairsOnePerRow, repeatedHeaderAtBreak, tablesOnly, wordsOf, wrappedInCells, writtenOut } from "../packages/normalize/test/grid-variations.ts";

/** Header and label words, and the words other templates print for them. */
const WORDS: [string, string[]][] = [
  ["年度指标值", ["预期指标值", "计划指标值", "年度目标值", "指标值(年度)", "目标值"]],
  ["实际完成值", ["实际完成情况", "全年实际值", "实际值", "完成值", "实际完成指标值", "年度实际完成值"]],
  ["分值", ["权重", "权重(%)", "指标分值", "分数", "标准分值"]],
  ["得分", ["自评分", "评分", "实际得分", "自评得分"]],
  ["偏差原因分析及改进措施", ["偏差原因及改进措施", "未完成原因和改进措施", "原因分析", "偏差原因分析"]],
  ["全年预算数", ["调整预算数", "预算安排数", "批复预算数", "全年预算数(A)", "全年预算"]],
  ["全年执行数", ["实际支出数", "决算数", "全年执行数(B)", "实际执行数", "支出数"]],
  ["年初预算数", ["年初预算", "年初批复数", "年初预算安排数"]],
  ["执行率", ["预算执行率", "执行率(%)", "资金执行率", "执行率(B/A)"]],
  ["主管部门", ["主管单位", "归口管理部门", "业务主管部门", "主管部门名称"]],
  ["实施单位", ["承办单位", "执行单位", "项目承担单位", "实施单位名称"]],
  ["年度总体目标", ["总体绩效目标", "年度绩效目标", "预期总目标", "年度目标"]],
  ["三级指标", ["指标名称", "绩效指标名称", "三级指标内容"]],
  ["一级指标", ["一级指标名称"]],
  ["二级指标", ["二级指标名称"]],
  ["年度资金总额", ["资金总额", "项目资金总额", "年度预算总额", "总计", "年度资金总额:"]],
  ["其中:当年财政拨款", ["其中:财政资金", "其中:一般公共预算拨款", "财政拨款资金", "其中:财政性资金"]],
  ["其中:本年财政拨款", ["其中:财政资金", "其中:一般公共预算拨款"]],
  ["其中:财政拨款", ["其中:财政资金", "其中:一般公共预算拨款"]],
  ["上年结转资金", ["上年结余结转资金", "结转资金", "以前年度结转资金"]],
  ["其他资金", ["自筹资金", "其他来源资金", "单位自有资金", "社会资金"]],
  ["绩效指标", ["绩效目标指标", "考核指标", "绩效指标体系"]],
  ["总分", ["合计", "自评总分", "综合得分", "总得分", "合计得分"]],
  ["自评等级", ["评价等级", "等级", "绩效等级", "自评结果"]],
  ["年度总体目标", ["整体目标", "绩效总目标"]],
  ["预期目标", ["年初目标", "计划目标", "年初设定目标"]],
  ["指标值", ["指标值(目标值)", "年度指标值(A)"]],
  ["实际完成值", ["实际完成值(B)", "实际完成数"]],
  ["偏差原因分析及改进措施", ["未完成原因分析及改进措施", "原因分析及措施"]],
  ["主管部门", ["主管部门(单位)", "上级主管部门"]],
  ["实施单位", ["实施单位(盖章)", "项目执行单位"]],
  ["项目名称", ["项目(政策)名称", "政策名称"]],
  ["总分", ["综合得分", "合计(总分)"]],
  ["分值", ["权重分值", "指标权重", "标准分"]],
  ["得分", ["自评分值", "评价得分", "考核得分"]],
  ["年度总体目标", ["项目年度目标", "总体绩效目标"]],
  ["实际完成情况", ["目标完成情况", "全年实际完成情况", "年度目标完成情况"]],
  ["其中:财政拨款", ["其中:本级财政资金"]],
  ["上年结转资金", ["上年结余资金", "以前年度结余"]],
  ["实际完成值", ["达成值", "完成量", "实际达成值"]],
  ["全年执行数", ["实际使用", "实际投入", "本年支出"]],
  ["执行率", ["实际执行率"]],
  ["总分", ["合计(100分)"]],
  ["自评等级", ["等次", "评定结果", "考核等次"]],
  ["三级指标", ["指标"]],
];
const plainSpace = eachTable((t) => ({ ...t, cells: t.cells.map((c) => ({ ...c, text: c.text.replace(/[（]/g, "(").replace(/[）]/g, ")").replace(/：/g, ":") })) }));
const spacedLabels = eachTable((t) => ({ ...t, cells: t.cells.map((c) => (/^[\u4e00-\u9fff]{2,4}$/.test(c.text.trim()) ? { ...c, text: [...c.text.trim()].join(" ") } : c)) }));
/** swap adjacent columns c,c+1 when no cell spans into or across them */
function swapCols(t: Table, c: number): Table | null {
  for (const x of t.cells) { const end = x.col + x.colSpan - 1; if ((x.col <= c && end >= c + 1) || (x.col === c + 1 && x.colSpan > 1) || (x.col < c && end >= c) ) return null; }
  if (!t.cells.some((x) => x.col === c) || !t.cells.some((x) => x.col === c + 1)) return null;
  // (Cells kept in reading order, as an extractor gives them.)
  const cells = t.cells.map((x) => (x.col === c ? { ...x, col: c + 1 } : x.col === c + 1 ? { ...x, col: c } : x));
  return { ...t, cells: cells.sort((a, b) => a.row - b.row || a.col - b.col) };
}
const LEVEL_WORDS: [string, string[]][] = [
  ["产出指标", ["产出", "项目产出", "产出目标"]], ["效益指标", ["效益", "项目效益", "效果指标", "效益目标"]], ["满意度指标", ["满意度", "服务对象满意度"]],
  ["数量指标", ["产出数量", "数量"]], ["质量指标", ["产出质量", "质量"]], ["时效指标", ["产出时效", "时效"]], ["成本指标", ["产出成本", "经济成本指标"]],
  ["社会效益指标", ["社会效益"]], ["经济效益指标", ["经济效益"]], ["可持续影响指标", ["可持续影响"]], ["生态效益指标", ["生态效益"]],
  ["服务对象满意度指标", ["服务对象满意度", "满意度指标"]],
];
/** What a level word changes nothing of: the rows, their values, and whether each has its levels. */
const shape = (forms: Form[]) => forms.map((f) => ({ kind: f.kind, total: f.totalScore,
  indicators: f.indicators.map((i) => [i.level1 !== null, i.level2 !== null, i.name, i.targetText, i.actualText, i.weight, i.score]) }));
const summary = (forms: Form[]) => forms.map((f) => ({ kind: f.kind, project: f.projectName ?? f.agency, total: f.totalScore, unit: f.moneyUnit,
  funding: f.funding.map((l) => [l.sourceKind, l.budget, l.executed, l.executionRate, l.score]).sort(),
  indicators: f.indicators.map((i) => [i.level1, i.level2, i.name, i.targetText, i.actualText, i.weight, i.score]).sort() }));
const only = process.argv[2];
const counts: Record<string, [number, number]> = {};
const bump = (k: string, bad: boolean) => { counts[k] ??= [0, 0]; counts[k][0]++; if (bad) counts[k][1]++; };
function diff(a: unknown, b: unknown): string { const A = JSON.stringify(a), B = JSON.stringify(b); let i = 0; while (i < A.length && A[i] === B[i]) i++; return `…${A.slice(Math.max(0, i - 60), i + 80)}\n      ≠ …${B.slice(Math.max(0, i - 60), i + 80)}`; }
for (const id of listRealFixtures()) {
  if (only && !id.includes(only)) continue;
  if (readExpectation(id).forms.length === 0) continue;
  const doc = await extractedFixture(id, "docx");
  const base = summary(normalizeDocument(doc).forms);
  const variants: [string, ExtractedDocument][] = [["writtenOut", writtenOut(doc)], ["colon", colonLabels(doc)], ["tablesOnly", tablesOnly(doc)], ["asciiPunct", plainSpace(doc)], ["spaced", spacedLabels(doc)],
    ["marginColumn", marginColumn(doc)], ["linesInTable", linesInTable(doc)], ["pageBreak", cutAtPageBreak(doc)],
    ["wrapped", wrappedInCells(doc)], ["fullWidthPunct", fullWidthPunct(doc)],
    ["numberedRows", numberedRows(doc)], ["repeatedHeader", repeatedHeaderAtBreak(doc)], ["levelsLeftOut", levelsLeftOut(doc)], ["groupedDigits", groupedDigits(doc)], ["gridApart", gridApart(doc)], ["pairsOnePerRow", pairsOnePerRow(doc)]];
  doc.blocks.forEach((b, bi) => { if (b.kind !== "table") return; const maxc = Math.max(...b.table.cells.map((x) => x.col + x.colSpan)); for (let c = 0; c + 1 < maxc; c++) { const t = swapCols(b.table, c); if (t) variants.push([`swap`, { ...doc, blocks: doc.blocks.map((bb, j) => (j === bi ? { ...bb, table: t } : bb)) as ExtractedDocument["blocks"] }]); } });
  // Other words for headers and labels (read the same), and for levels (产出 for 产出指标: the same rows, levels still read).
  for (const [prefix, words] of [["syn", WORDS], ["lvl", LEVEL_WORDS]] as const) {
    for (const [from, tos] of words) {
      if (!doc.blocks.some((b) => b.kind === "table" && b.table.cells.some((c) => c.text.trim() === from))) continue;
      for (const to of tos) variants.push([`${prefix} ${from}→${to}`, wordsOf([[from, to]])(doc)]);
    }
  }
  const baseShape = shape(normalizeDocument(doc).forms);
  for (const [name, v] of variants) {
    const level = name.startsWith("lvl ");
    // (Without its level columns a grid reads the same rows, their levels aside.)
    if (name === "levelsLeftOut") {
      const rows = (forms: Form[]) => forms.map((f) => ({ kind: f.kind, total: f.totalScore, funding: f.funding.length, indicators: f.indicators.map((i) => [i.name, i.targetText, i.actualText, i.weight, i.score]) }));
      let got; try { got = rows(normalizeDocument(v).forms); } catch (e) { got = String(e); }
      const bad = JSON.stringify(got) !== JSON.stringify(rows(normalizeDocument(doc).forms));
      bump(name, bad);
      if (bad) console.log(`${id} ${name}: ${diff(rows(normalizeDocument(doc).forms), got)}`);
      continue;
    }
    let s; try { s = (level ? shape : summary)(normalizeDocument(v).forms); } catch (e) { s = String(e); }
    // (Full-width brackets and colons stay as typed in the texts read: compared with them folded.)
    // (So do thousands separators in the targets and values read as printed.)
    const fold = (x: unknown) => (name === "fullWidthPunct" ? JSON.stringify(x).replace(/（/g, "(").replace(/）/g, ")").replace(/：/g, ":")
      : name === "groupedDigits" ? JSON.stringify(x).replace(/(?<=\d),(?=\d{3})/g, "") : JSON.stringify(x));
    const bad = fold(s) !== fold(level ? baseShape : base);
    bump(name, bad);
    if (bad) console.log(`${id} ${name}: ${diff(base, s)}`);
  }
}
console.log(counts);
