/**
 * The HTML report: one self-contained file (inline CSS, SVG and script; no
 * network) with the summary, charts, a sortable and filterable table of forms,
 * and for each form its flagged rows with both numbers and where to look.
 */
import { executionRateHistogram, findingsPerRule, scoreAgainstRate } from "./charts.ts";
import { CLIENT_SCRIPT } from "./client.ts";
import { agencyYearScatter, errorShareBars } from "./pattern-charts.ts";
import { agencyErrorShares, agencyYearPoints, flaggedSelfEvaluations, HIGH_SCORE, LOW_RATE, projectHistories, type ProjectHistory } from "./patterns.ts";
import { PROJECT_SCRIPT } from "./project-client.ts";
import { pageUnitOf, type PageUnit } from "@jixiao/normalize";
import { pageText } from "../context.ts";
import type { FindingRow, FormRow, ReportData } from "./data.ts";
import { esc, num, percent } from "./escape.ts";
import { CHARTED_KINDS, KIND_TITLES, ruleTitle, SEVERITY_TITLES } from "./labels.ts";
import { SEVERITIES, summarize, type Group, type Summary } from "./summary.ts";
import { reportTitle } from "./filter.ts";


const STYLE = `
body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0 auto;max-width:1400px;padding:16px;color:#222}
h1{font-size:22px}h2{font-size:18px;margin-top:28px;border-bottom:1px solid #ccc}
.cards{display:flex;flex-wrap:wrap;gap:12px}.card{border:1px solid #ccc;border-radius:6px;padding:8px 14px;min-width:110px}
.card .n{display:block;font-size:24px;font-weight:bold}.card.error .n{color:#c0392b}.card.warning .n{color:#e67e22}
table{border-collapse:collapse;font-size:13px;margin:8px 0}th,td{border:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f4f4f4}#forms-table th{cursor:pointer;user-select:none}#forms-table th[aria-sort=ascending]::after{content:" ▲"}#forms-table th[aria-sort=descending]::after{content:" ▼"}
td.n{text-align:right;font-variant-numeric:tabular-nums}.sev-error{color:#c0392b;font-weight:bold}.sev-warning{color:#d35400}.sev-info{color:#7f8c8d}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:16px}figure{margin:0;border:1px solid #eee;padding:8px}
figcaption{font-weight:bold;margin-bottom:4px}.filters{display:flex;flex-wrap:wrap;gap:8px;align-items:center}
/* Long sections are laid out when scrolled to, so 1,000 forms open fast. */
#flagged{content-visibility:auto;contain-intrinsic-size:auto 20000px}.table-wrap{content-visibility:auto;contain-intrinsic-size:auto 24000px}
#project-history svg{max-width:640px;display:block;font-family:sans-serif}#patterns details{margin:4px 0 12px}
.groups{display:flex;flex-wrap:wrap;gap:24px}details{margin:6px 0}summary{cursor:pointer}.path{color:#555;font-size:12px}
`;

/** How a document's page numbers read: paged (more than one page or sheet) and in what unit. */
interface PageReading {
  paged: boolean;
  unit: PageUnit;
}

/** Where to look in the source: 第N页 (第N张工作表 in a workbook) when the document has pages, else 第N行 of the extracted text. */
function place(f: FindingRow, doc: PageReading): string {
  if (doc.paged && f.page !== null) return pageText(doc.unit, f.page);
  if (f.line !== null) return `第${f.line}行`;
  return f.page !== null ? pageText(doc.unit, f.page) : "";
}

/** Rates are stored as fractions; a reader compares them as percentages. */
const RATE_RULES = new Set(["execution_rate_mismatch"]);
function shownNumber(x: FindingRow, value: number | null): string {
  return RATE_RULES.has(x.rule) ? percent(value, 4) : num(value, 6);
}

function severityCounts(c: Record<string, number>): string {
  return SEVERITIES.map((s) => `<td class="n">${c[s] ?? 0}</td>`).join("");
}

function summarySection(s: Summary): string {
  const card = (key: string, n: number, label: string, cls = "") => `<div class="card ${cls}" data-summary="${key}"><span class="n">${n}</span>${label}</div>`;
  const group = (id: string, title: string, rows: Group[]) =>
    `<div><h3>${title}</h3><table id="${id}"><thead><tr><th>${title.replace("按", "")}</th><th>表数</th><th>错误</th><th>警告</th><th>提示</th></tr></thead><tbody>` +
    rows.map((g) => `<tr data-key="${esc(g.key)}"><td>${esc(g.key)}</td><td class="n">${g.forms}</td>${severityCounts(g.counts)}</tr>`).join("") +
    `</tbody></table></div>`;
  const byRule =
    `<div><h3>按规则</h3><table id="by-rule"><thead><tr><th>规则</th><th>代码</th><th>错误</th><th>警告</th><th>提示</th><th>合计</th></tr></thead><tbody>` +
    s.byRule.map((r) => `<tr data-rule="${esc(r.rule)}"><td>${esc(ruleTitle(r.rule))}</td><td><code>${esc(r.rule)}</code></td>${severityCounts(r.counts)}<td class="n">${r.total}</td></tr>`).join("") +
    `</tbody></table></div>`;
  return (
    `<section id="summary"><h2>概览</h2><div class="cards">` +
    card("documents", s.documents, "份文件") +
    card("forms", s.forms, "张表") +
    card("findings", s.findings, "条发现") +
    card("error", s.bySeverity.error, "条错误", "error") +
    card("warning", s.bySeverity.warning, "条警告", "warning") +
    card("info", s.bySeverity.info, "条提示") +
    `</div><div class="groups">${byRule}${group("by-year", "按年度", s.byYear)}${group("by-agency", "按单位", s.byAgency)}</div></section>`
  );
}

function chartsSection(data: ReportData, s: Summary): string {
  const scored = data.forms.filter((f) => CHARTED_KINDS.has(f.kind));
  const figure = (caption: string, svg: string) => `<figure><figcaption>${caption}</figcaption>${svg}</figure>`;
  return (
    `<section id="charts"><h2>图表</h2><div class="charts">` +
    figure("预算执行率分布", executionRateHistogram(scored)) +
    figure("总分与预算执行率（红：有错误，橙：有警告）", scoreAgainstRate(scored)) +
    figure("各规则发现的问题数", findingsPerRule(s)) +
    `</div></section>`
  );
}

/** JSON inside <script type="application/json">: nothing in it can close the element or open a comment. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

function yearSpan(p: ProjectHistory): string {
  const years = p.years.flatMap((y) => (y.year === null ? [] : [y.year]));
  if (years.length === 0) return "年度不详";
  return years.length === 1 ? `${years[0]}` : `${years[0]}–${years[years.length - 1]}，${years.length}年`;
}

/** The list of flagged self-evaluations starts open when it is this short. */
const FLAGGED_OPEN = 30;

/** Patterns across the archive: self-graded 优 with low execution, errors per agency, one project across years. */
function patternsSection(data: ReportData): string {
  const figure = (caption: string, svg: string) => `<figure><figcaption>${caption}</figcaption>${svg}</figure>`;
  const flagged = flaggedSelfEvaluations(data.forms);
  const points = agencyYearPoints(data.forms);
  const shares = agencyErrorShares(data.forms);
  const flaggedTable = flagged.length
    ? `<details ${flagged.length <= FLAGGED_OPEN ? "open" : ""}><summary>逐表列出（点击项目名跳到表单）</summary><table id="flagged-self-evals"><thead><tr><th>单位</th><th>年度</th><th>项目/表</th><th>执行率</th><th>总分</th><th>结论</th><th>文件</th></tr></thead><tbody>` +
      flagged
        .map(
          (f) =>
            `<tr data-form="${f.formId}"><td>${esc(f.agency)}</td><td class="n">${f.fiscalYear ?? ""}</td><td><a href="#form-${f.formId}">${esc(formLabel(f))}</a></td>` +
            `<td class="n sev-error">${percent(f.executionRate)}</td><td class="n">${num(f.totalScore)}</td><td>${esc(f.grade)}</td><td class="path">${esc(f.path)} 第${f.seq}张表</td></tr>`,
        )
        .join("") +
      `</tbody></table></details>`
    : `<p id="flagged-self-evals-none">没有自评为优（或总分≥${HIGH_SCORE}）而预算执行率低于${LOW_RATE * 100}%的自评表。</p>`;
  const pointsTable =
    `<details><summary>各单位各年度自评表（${points.length}组）</summary><table id="agency-year-table"><thead><tr><th>单位</th><th>年度</th><th>自评表数</th><th>平均执行率</th><th>平均总分</th><th>自评优而执行率低</th></tr></thead><tbody>` +
    points
      .map((p) => `<tr data-agency="${esc(p.agency)}" data-year="${p.year ?? ""}"><td>${esc(p.agency)}</td><td class="n">${p.year ?? ""}</td><td class="n">${p.forms}</td><td class="n">${percent(p.meanRate)}</td><td class="n">${num(p.meanScore)}</td><td class="n${p.flagged ? " sev-error" : ""}">${p.flagged || ""}</td></tr>`)
      .join("") +
    `</tbody></table></details>`;
  const sharesTable =
    `<details><summary>各单位有错误的表（${shares.length}个单位）</summary><table id="agency-error-table"><thead><tr><th>单位</th><th>表数</th><th>有错误的表</th><th>比例</th></tr></thead><tbody>` +
    shares.map((r) => `<tr data-agency="${esc(r.agency)}"><td>${esc(r.agency)}</td><td class="n">${r.forms}</td><td class="n">${r.withErrors}</td><td class="n">${percent(r.share, 1)}</td></tr>`).join("") +
    `</tbody></table></details>`;
  const projects = projectHistories(data.forms);
  const multi = projects.filter((p) => p.years.length > 1).length;
  const projectOptions =
    `<option value="">选择项目…</option>` +
    projects.map((p, i) => `<option value="${i}">${esc(p.agency)} · ${esc(p.name)}（${yearSpan(p)}）</option>`).join("");
  const history =
    `<div id="project-pick"><h3>项目历年情况</h3><p>共${projects.length}个项目，其中${multi}个有多个年度的表。同一项目按项目库（有 project_id 时）或按单位与项目名称（去掉“2022年”“2022年度”等前缀，统一全半角标点）关联。</p>` +
    `<select id="project-select">${projectOptions}</select><div id="project-history"></div>` +
    `<script type="application/json" id="project-data" data-kinds="${esc(JSON.stringify(KIND_TITLES))}">${scriptJson({ projects })}</script></div>`;
  return (
    `<section id="patterns"><h2>跨年度、跨单位的规律</h2><div class="charts">` +
    `<div>${figure(`各单位各年度自评表的平均总分与平均预算执行率（红：含自评优而执行率低于${LOW_RATE * 100}%的表）`, agencyYearScatter(points, flagged))}${pointsTable}</div>` +
    `<div>${figure("各单位有错误的表所占比例（从高到低）", errorShareBars(shares))}${sharesTable}</div>` +
    `</div><h3>自评为优（或总分≥${HIGH_SCORE}）而预算执行率低于${LOW_RATE * 100}%的自评表（${flagged.length}张）</h3>${flaggedTable}${history}</section>`
  );
}

/** Labels listed at most; an archive of many templates can bring thousands. */
const LABELS_SHOWN = 300;

function unrecognizedLabelsSection(data: ReportData): string {
  const rows = data.unrecognizedLabels;
  const intro =
    `<p>表单上印有、但本程序未能对应到任何已知字段的标签或列标题（按原文列出，出现次数多的在前）。其内容仍保存在 <code>form_facts</code> 和 <code>extra</code> 中。</p>`;
  if (rows.length === 0) return `<section id="unrecognized-labels"><h2>未识别的标签</h2><p>所有标签均已识别。</p></section>`;
  const body = rows
    .slice(0, LABELS_SHOWN)
    .map(
      (r) =>
        `<tr data-label="${esc(r.label)}"><td>${esc(r.label)}</td><td class="n">${r.count}</td><td class="n">${r.files}</td>` +
        `<td>${r.examples.map((p) => `<span class="path">${esc(p)}</span>`).join("<br>")}${r.files > r.examples.length ? `<br>…等${r.files}份文件` : ""}</td></tr>`,
    )
    .join("");
  const more = rows.length > LABELS_SHOWN ? `<p>另有${rows.length - LABELS_SHOWN}个标签未列出（见 JSON 输出或 v_findings 中的 unrecognized_label）。</p>` : "";
  return (
    `<section id="unrecognized-labels"><h2>未识别的标签（${rows.length}个）</h2>${intro}` +
    `<table id="unrecognized-labels-table"><thead><tr><th>标签（原文）</th><th>次数</th><th>文件数</th><th>示例文件</th></tr></thead><tbody>${body}</tbody></table>${more}</section>`
  );
}

function options(values: (string | null)[], all: string): string {
  const distinct = [...new Set(values.filter((v): v is string => v !== null && v !== ""))].sort((a, b) => a.localeCompare(b, "zh"));
  return `<option value="">${all}</option>` + distinct.map((v) => `<option value="${esc(v)}">${esc(KIND_TITLES[v] ?? v)}</option>`).join("");
}

function formLabel(f: FormRow): string {
  return f.projectName ?? (f.agency ? `${f.agency}（${KIND_TITLES[f.kind] ?? f.kind}）` : (f.title ?? ""));
}

function pagesOf(f: FormRow): string {
  if (f.pageFrom === null) return "";
  return f.pageTo !== null && f.pageTo !== f.pageFrom ? `${f.pageFrom}–${f.pageTo}` : String(f.pageFrom);
}

function formsSection(data: ReportData): string {
  const head = ["文件", "序号", "类型", "年度", "单位", "项目", "预算(万元)", "执行(万元)", "执行率", "总分", "结论", "页", "错误", "警告", "提示"];
  const rows = data.forms
    .map((f) => {
      const cells = [
        `<td class="path" data-v="${esc(f.path)}">${esc(f.path)}</td>`,
        `<td class="n">${f.seq}</td>`,
        `<td data-v="${esc(f.kind)}">${esc(KIND_TITLES[f.kind] ?? f.kind)}</td>`,
        `<td class="n">${f.fiscalYear ?? ""}</td>`,
        `<td>${esc(f.agency)}</td>`,
        `<td>${f.errors + f.warnings + f.infos > 0 ? `<a href="#findings-${f.formId}">${esc(formLabel(f))}</a>` : esc(formLabel(f))}</td>`,
        `<td class="n" data-v="${f.budgetWan ?? ""}">${num(f.budgetWan, 6)}</td>`,
        `<td class="n" data-v="${f.executedWan ?? ""}">${num(f.executedWan, 6)}</td>`,
        `<td class="n" data-v="${f.executionRate ?? ""}">${percent(f.executionRate)}</td>`,
        `<td class="n" data-v="${f.totalScore ?? ""}">${num(f.totalScore)}</td>`,
        `<td>${esc(f.grade)}</td>`,
        `<td class="n" data-v="${f.pageFrom ?? ""}">${pagesOf(f)}</td>`,
        `<td class="n sev-error" data-v="${f.errors}">${f.errors || ""}</td>`,
        `<td class="n sev-warning" data-v="${f.warnings}">${f.warnings || ""}</td>`,
        `<td class="n sev-info" data-v="${f.infos}">${f.infos || ""}</td>`,
      ];
      return `<tr id="form-${f.formId}" data-form="${f.formId}" data-year="${f.fiscalYear ?? ""}" data-agency="${esc(f.agency ?? "")}" data-kind="${esc(f.kind)}" data-errors="${f.errors}" data-warnings="${f.warnings}" data-infos="${f.infos}">${cells.join("")}</tr>`;
    })
    .join("\n");
  const filters =
    `<div class="filters"><input id="filter-text" type="search" placeholder="搜索文件、单位、项目…" size="28">` +
    `<select id="filter-year">${options(data.forms.map((f) => (f.fiscalYear === null ? null : String(f.fiscalYear))), "全部年度")}</select>` +
    `<select id="filter-agency">${options(data.forms.map((f) => f.agency), "全部单位")}</select>` +
    `<select id="filter-kind">${options(data.forms.map((f) => f.kind), "全部类型")}</select>` +
    `<select id="filter-findings"><option value="">全部</option><option value="error">有错误</option><option value="warning">有警告</option><option value="any">有任何发现</option><option value="none">无发现</option></select>` +
    `<span id="forms-shown">显示 ${data.forms.length} / ${data.forms.length} 张表</span></div>`;
  return (
    `<section id="forms"><h2>表单（点击列标题排序）</h2>${filters}` +
    `<div class="table-wrap"><table id="forms-table"><thead><tr>${head.map((h) => `<th>${h}</th>`).join("")}</tr></thead><tbody>\n${rows}\n</tbody></table></div></section>`
  );
}

function flaggedSection(data: ReportData): string {
  const reading = new Map(data.documents.map((d): [number, PageReading] => [
    d.id,
    { paged: (d.pages ?? 0) > 1, unit: pageUnitOf(d.format) },
  ]));
  const byForm = new Map<number, FindingRow[]>();
  for (const x of data.findings) byForm.set(x.formId, [...(byForm.get(x.formId) ?? []), x]);
  const blocks = data.forms
    .filter((f) => byForm.has(f.formId))
    .map((f) => {
      const list = byForm.get(f.formId)!;
      const unit = reading.get(f.documentId)?.unit ?? "page";
      const count = SEVERITIES.filter((s) => list.some((x) => x.severity === s))
        .map((s) => `${SEVERITY_TITLES[s]}${list.filter((x) => x.severity === s).length}`)
        .join("，");
      const rows = list
        .map(
          (x) =>
            `<tr data-finding="${x.findingId}" data-rule="${esc(x.rule)}"><td class="sev-${x.severity}">${SEVERITY_TITLES[x.severity]}</td><td>${esc(ruleTitle(x.rule))}<br><code>${esc(x.rule)}</code></td>` +
            `<td>${esc(x.message)}</td><td class="n">${shownNumber(x, x.observed)}</td><td class="n">${shownNumber(x, x.expected)}</td>` +
            `<td>${esc(x.indicatorName ?? x.fundingSource ?? "")}</td><td>${place(x, reading.get(f.documentId) ?? { paged: false, unit: "page" })}</td></tr>`,
        )
        .join("");
      return (
        `<details class="form-findings" id="findings-${f.formId}" data-form="${f.formId}" ${list.some((x) => x.severity === "error") ? "open" : ""}>` +
        `<summary><b>${esc(formLabel(f))}</b> <span class="path">${esc(f.path)} 第${f.seq}张表${f.pageFrom !== null ? `，${pageText(unit, f.pageFrom, f.pageTo)}` : ""}</span>（${count}）</summary>` +
        `<table><thead><tr><th>级别</th><th>规则</th><th>说明</th><th>填报数</th><th>应为</th><th>指标/资金行</th><th>位置</th></tr></thead><tbody>${rows}</tbody></table></details>`
      );
    })
    .join("\n");
  return `<section id="flagged"><h2>各表发现的问题</h2>${blocks || "<p>没有发现问题。</p>"}</section>`;
}

export function renderHtml(data: ReportData): string {
  const s = summarize(data);
  const title = esc(reportTitle(data.filter));
  return (
    `<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>${title}</title><style>${STYLE}</style></head><body>` +
    `<header><h1>${title}</h1><p>生成于 <time datetime="${esc(data.generatedAt)}">${esc(data.generatedAt)}</time>。数字按表中印刷的位数四舍五入或截断后比较；每条发现都给出填报数、应为数和位置。</p></header>` +
    summarySection(s) +
    chartsSection(data, s) +
    patternsSection(data) +
    unrecognizedLabelsSection(data) +
    formsSection(data) +
    flaggedSection(data) +
    `<script>${CLIENT_SCRIPT}${PROJECT_SCRIPT}</script></body></html>\n`
  );
}
