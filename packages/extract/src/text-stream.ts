/**
 * Text made by plain `pdftotext` (no -layout): every table cell is a
 * paragraph of its own (blank-line separated), a cell that wraps is split over
 * lines ("彩票公益金用于医\n疗救助"), in reading order, roughly row by row
 * (a header cell and the value under it sometimes share a paragraph, header
 * cells are sometimes reordered). Nothing says where a row ends, so rows are
 * rebuilt from what the cells hold:
 * - a paragraph's lines are joined into cells (a wrapped CJK cell without a
 *   space); a line that is a value (number, percentage, amount), a column
 *   word or a form label is a cell of its own;
 * - a run of two or more column words (全年预算数, 一级指标, 指标值, 分值 …)
 *   is a header row and fixes the row width of the table under it (the
 *   widest run of the table: reading order breaks a header into runs);
 * - under a header, cells are grouped into rows: a row ends where text follows
 *   a value (…, 8, 8 | 下一指标名称), where a level label (数量指标, 产出指标)
 *   starts over a row that has a name, or at the header's width (plus one for
 *   the row label that header rows leave out);
 * - label cells of a form's header block (项目名称, 主管部门, 实施单位 …) and
 *   the cell after each become two-cell rows (labels printed in a column,
 *   their values in the next, are paired in order);
 * - titles, prose and whatever comes before any header or label stay narrative.
 * The normalize stage aligns a row's cells to its header by meaning, so a row
 * short of the cells merged down from above still reads.
 */
import type { Block, Cell, PageInfo, Table } from "./grid.ts";
import { foldCompatibilityCharacters } from "./unicode.ts";

/** Paragraphs a cell-per-paragraph text has at least... */
const MIN_PARAGRAPHS = 5;
/** ...the share of them that are short (a few short lines)... */
const MIN_SHORT_SHARE = 0.7;
/** ...and the share that are one line. */
const MIN_SINGLE_SHARE = 0.3;
/** A short paragraph: at most this many lines of at most SHORT_LINE characters. */
const SHORT_LINES = 4;
const SHORT_LINE = 40;
/** Lines with a run of two or more spaces inside that such text may have (share of non-blank lines). */
const MAX_GAPPED_SHARE = 0.05;
/** Column words a header run has at least. */
const MIN_HEADER_RUN = 2;
/** A cell longer than this under a header is prose: it ends the table. */
const MAX_CELL = 240;
/** A cell outside a table this short, followed by a value, is that value's label. */
const LABEL_MAX = 20;
/** ...and so are the values after it, up to this many. */
const MAX_LOOSE_VALUES = 8;

const squash = (s: string) => foldCompatibilityCharacters(s).replace(/\s+/g, "");
const key = (s: string) => squash(s).replace(/（/g, "(").replace(/）/g, ")").replace(/：/g, ":");

/** Column words of budget-performance forms (a subset of normalize's header vocabulary). */
const HEADER_WORD = new RegExp("^(?:" + [
  "一级指标", "二级指标", "三级指标", "指标名称", "绩效指标名称", "具体指标",
  "(?:年度|年初|预期|计划|调整后)?(?:指标值|目标值)(?:及单位|\\(含单位\\))?", "年度指标", "年度绩效指标值",
  "实际完成值", "全年完成值", "全年实际完成值", "实际完成", "完成值", "实际值", "实际完成指标值",
  "分值", "权重", "指标分值", "标准分值", "满分", "指标权重", "权重分值", "分值权重", "权重\\(分\\)", "绩效指标", "得分", "自评得分", "实际得分", "评分", "评价得分",
  "未完成原因分析", "偏差原因分析及改进措施", "偏差原因", "原因分析", "偏差原因分析", "未完成原因及改进措施", "偏差原因及改进措施",
  "评\\(扣\\)分标准", "评分标准", "扣分标准", "评价标准", "指标解释", "指标内容", "指标说明", "计量单位", "度量单位", "指标值类型", "指标性质", "备注",
  "资金来源", "年初预算数?", "预算编制数?", "全年预算数?", "调整后预算数", "预算数", "全年执行数?", "执行数", "实际执行数", "执行率", "预算执行率", "资金执行率",
  "结余", "结转结余", "目标申报数?", "申报数", "全年预计执行数", "预计全年执行数", "全年预计完成值", "预计全年完成值", "完成目标可能性",
  "(?:1|一)-\\d{1,2}月(?:累计)?(?:执行数|执行率|完成值|完成情况|实际完成值)",
  "预期目标", "实际完成情况", "年度总体目标", "年度绩效目标", "绩效目标", "年度目标", "总体目标", "实施期绩效目标", "整体绩效目标",
  "年度总体目标完成情况", "目标完成情况", "全年实际完成情况",
  "资金投入情况", "项目资金", "年度资金", "序号", "单位名称", "单位代码", "单位编码", "项目编码", "项目代码", "支出方向",
].join("|") + ")$");

/** Qualifiers a header word may carry: (A), (万元), (B/A×100%), (10分), a colon. */
function headerKey(text: string): string {
  return key(text)
    .replace(/\((?:万元|元|[A-Za-z](?:\/[A-Za-z])?|%|分)\)$/, "")
    .replace(/\((?:[A-Za-z0-9/×*÷%.+\-=]|万元|元)+\)$/, "")
    .replace(/[:]$/, "")
    .replace(/\(\d+(?:\.\d+)?分?\)$/, "");
}

export const isHeaderWord = (text: string) => {
  const k = headerKey(text);
  if (k.length === 0 || k.length > 24) return false;
  if (HEADER_WORD.test(k)) return true;
  // 二级指标(长期), 指标值(年度): a column word qualified in parentheses.
  const bare = k.replace(/\([^()]*\)$/, "");
  return bare !== k && HEADER_WORD.test(bare);
};

/** Labels of a form's header block, each printed with its value beside it. */
const LABEL_WORD = /^(?:项目名称|专项名称|项目\(专项\)名称|(?:[^:]{0,10})(?:项目|专项|资金|转移支付|政策)(?:资金)?名称|(?:中央|省级|市级|上级|业务|行业|项目)?主管(?:部门|单位|处室)(?:\(单位\))?(?:及代码|及编码|名称及代码|名称)?|(?:项目)?实施(?:单位|部门)(?:\(盖章\))?|项目单位|预算单位|项目负责人|负责人|联系人|联系电话|项目(?:分类|类型|属性|期限|审批|编码|代码)|建设周期|实施期|资金用途|项目总体概况)$/;

export const isLabelWord = (text: string) => {
  const k = key(text).replace(/:$/, "");
  return k.length > 0 && k.length <= 20 && LABEL_WORD.test(k);
};

/** A value cell: an amount, a count, a share, a score, or an empty marker. */
export function isValueCell(text: string): boolean {
  const t = foldCompatibilityCharacters(text).replace(/\s+/g, "");
  if (t === "") return false;
  if (/^[—–\-－/／\\]+$/.test(t)) return true;
  // A unit or a comparator in a column of its own (计量单位, 指标性质).
  if (/^(?:[=≥≤<>＞＜≈]|≥=|<=|>=|%|‰|万元|元|个|人|次|天|分)$/.test(t)) return true;
  return /^[≥≤=<>＞＜≈]?[-+]?\d[\d,]*(?:\.\d+)?(?:%|‰|万元|万|亿元|元|分|个|人|次|家|项|户|天|日|月|年|件|台|套|所|座|公里|千米|米|平方米|亩|吨|人次|万人次)?$/.test(t);
}

/** A level label of an indicator table: 产出指标, 数量指标, 满意度指标(10分). */
const isLevelWord = (text: string) => {
  const k = key(text).replace(/\(\d+(?:\.\d+)?分?\)$/, "");
  return /^(?:产出|效益|效果|满意度|服务对象满意度|社会公众满意度|成本|经济成本|社会成本|生态环境成本|数量|质量|时效|进度|经济效益|社会效益|生态效益|环境效益|可持续影响|可持续发展|投入|过程|管理|决策|履职|运行|职责履行|履职效能|产出数量|产出质量|产出时效|产出成本)指标$/.test(k);
};

/** Titles: a form's or a table's name, kept as narrative (the normalize stage starts forms on them). */
const isTitle = (text: string) => {
  const k = key(text);
  return k.length <= 50 && /(?:表|清单|明细)(?:\(.*\))?$/.test(k) && !isHeaderWord(text) && !isLabelWord(text);
};

const isCjk = (ch: string) => /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(ch);

interface StreamCell {
  text: string;
  line: number;
  page: number;
}

/** Whether untabbed text without column layout is plain pdftotext: many short blank-separated paragraphs. */
export function looksLikeCellStream(lines: readonly string[]): boolean {
  const nonBlank = lines.filter((l) => l.trim() !== "");
  if (nonBlank.length === 0) return false;
  const gapped = nonBlank.filter((l) => /\S {2,}\S/.test(l)).length;
  if (gapped > MAX_GAPPED_SHARE * nonBlank.length) return false;
  const paras = paragraphs(lines.map((text, i) => ({ text, line: i + 1, page: 1 })));
  if (paras.length < MIN_PARAGRAPHS) return false;
  const short = paras.filter((p) => p.length <= SHORT_LINES && p.every((l) => Array.from(l.text.trim()).length <= SHORT_LINE)).length;
  const single = paras.filter((p) => p.length === 1).length;
  return short >= MIN_SHORT_SHARE * paras.length && single >= MIN_SINGLE_SHARE * paras.length;
}

function paragraphs(lines: readonly StreamCell[]): StreamCell[][] {
  const out: StreamCell[][] = [];
  let cur: StreamCell[] = [];
  for (const l of lines) {
    if (l.text.trim() === "") {
      if (cur.length) out.push(cur);
      cur = [];
    } else cur.push({ ...l, text: foldCompatibilityCharacters(l.text).trim() });
  }
  if (cur.length) out.push(cur);
  return out;
}

const isWordCell = (t: string) => isHeaderWord(t) || isLabelWord(t) || isTitle(t) || isLevelWord(t);

/** A paragraph's lines as cells: wrapped lines joined, values, column words and labels on their own. */
const joinLines = (a: string, b: string) => {
  const x = Array.from(a).pop() ?? "", y = Array.from(b)[0] ?? "";
  return isCjk(x) || isCjk(y) ? a + b : `${a} ${b}`;
};
const isYearLine = (t: string) => /^\(?\d{4}年度?\)?$/.test(key(t));

function cellsOfParagraph(p: StreamCell[]): StreamCell[] {
  const cells: StreamCell[] = [];
  let cur: StreamCell | null = null;
  /** The last text line of cur, and value lines met inside it (年度资金总 | 0 | 额:) put after it. */
  let lastLine = "";
  let held: StreamCell[] = [];
  const flush = () => {
    if (cur) cells.push(cur);
    cells.push(...held);
    cur = null;
    held = [];
  };
  for (const l of p) {
    if (isValueCell(l.text)) {
      // A value inside a wrapped label: kept aside while the label may go on.
      if (cur && !isWordCell(cur.text) && !/[。;；:：]$/.test(lastLine)) held.push({ ...l });
      else { flush(); cells.push({ ...l }); }
      continue;
    }
    const c: StreamCell | null = cur;
    const joined = c ? joinLines(c.text, l.text) : "";
    const wordJoined = c !== null && isWordCell(joined) && !isWordCell(l.text);
    const breaks = c === null || (!wordJoined && (isWordCell(lastLine) || isWordCell(l.text) || isWordCell(c.text)))
      || /[。;；:：]$/.test(lastLine)
      || Array.from(lastLine).length + 1 < Array.from(l.text).length
      || isYearLine(l.text) || isYearLine(lastLine);
    if (breaks) {
      flush();
      cur = { ...l };
    } else c.text = joined;
    lastLine = l.text;
  }
  flush();
  return cells;
}

interface Row {
  cells: StreamCell[];
}

export function parseCellStream(lines: readonly string[]): { pageCount: number; pages: PageInfo[]; blocks: Block[] } {
  const pageLines: StreamCell[] = [];
  let page = 1;
  lines.forEach((raw, i) => raw.split("\f").forEach((part, k) => {
    if (k > 0) {
      page++;
      pageLines.push({ text: "", line: i + 1, page });
    }
    pageLines.push({ text: part, line: i + 1, page });
  }));
  // pdftotext ends every page, the last one too, with a form feed.
  let pageCount = page;
  if (pageCount > 1 && pageLines.filter((l) => l.page === pageCount).every((l) => l.text.trim() === "")) pageCount--;
  const cells = paragraphs(pageLines).flatMap(cellsOfParagraph);
  const blocks = readCells(cells);
  const pages: PageInfo[] = Array.from({ length: pageCount }, (_, i) => ({ number: i + 1, hasText: true }));
  return { pageCount, pages, blocks };
}

function readCells(cells: StreamCell[]): Block[] {
  const blocks: Block[] = [];
  let rows: Row[] = [];
  let row: StreamCell[] = [];
  /** Row width fixed by the last header run; 0 outside a table. */
  let width = 0;

  const endRow = () => {
    if (row.length) rows.push({ cells: row });
    row = [];
  };
  const endTable = () => {
    endRow();
    if (rows.length) blocks.push({ kind: "table", table: rowsToTable(rows) });
    rows = [];
  };
  const text = (c: StreamCell) => {
    endTable();
    blocks.push({ kind: "text", page: c.page, text: c.text, line: c.line });
  };

  for (let i = 0; i < cells.length;) {
    const c = cells[i]!;
    if (isTitle(c.text)) {
      text(c);
      width = 0;
      i++;
      continue;
    }
    // A run of column words: a header row.
    let h = i;
    while (h < cells.length && isHeaderWord(cells[h]!.text)) h++;
    if (h - i >= MIN_HEADER_RUN) {
      endRow();
      rows.push({ cells: cells.slice(i, h) });
      // A header broken into runs by reading order (执行数(B) 执行率(B/A) 得分 … 年初目标值(A) 实际完成值(B))
      // keeps the widest: a row shorter than its header still ends where text follows a value.
      width = Math.max(width, h - i);
      i = h;
      continue;
    }
    // Labels of the header block, with their values after them.
    let l = i;
    while (l < cells.length && isLabelWord(cells[l]!.text)) l++;
    if (l > i) {
      const n = l - i;
      const values = cells.slice(l, l + n);
      const free = values.length === n && values.every((v) => !isWordCell(v.text));
      endRow();
      if (free) {
        for (let k = 0; k < n; k++) rows.push({ cells: [cells[i + k]!, values[k]!] });
        i = l + n;
      } else {
        // A label with no value of its own (the value sits after other labels): a row of its own.
        for (let k = i; k < l; k++) rows.push({ cells: [cells[k]!] });
        i = l;
      }
      continue;
    }
    if (width === 0) {
      // Outside a table: a short label with a value after it (当年资金总额: | 10000 万元) is a row, the rest narrative.
      const next = cells[i + 1];
      if (next && isValueCell(next.text) && !isValueCell(c.text) && Array.from(c.text).length <= LABEL_MAX) {
        endRow();
        let v = i + 1;
        while (v < cells.length && v - i <= MAX_LOOSE_VALUES && isValueCell(cells[v]!.text)) v++;
        rows.push({ cells: cells.slice(i, v) });
        i = v;
        continue;
      }
      text(c);
      i++;
      continue;
    }
    if (Array.from(c.text).length > MAX_CELL) {
      text(c);
      width = 0;
      i++;
      continue;
    }
    const prev = row[row.length - 1];
    const value = isValueCell(c.text);
    if (prev && !value && isValueCell(prev.text)) endRow();
    else if (row.length && isLevelWord(c.text) && row.some((x) => !isLevelWord(x.text))) endRow();
    row.push(c);
    // The header's width plus one: header rows leave out the row label's column.
    if (row.length >= width + 1) endRow();
    i++;
  }
  endTable();
  return blocks;
}

function rowsToTable(rows: Row[]): Table {
  const nCols = Math.max(...rows.map((r) => r.cells.length));
  const page = rows[0]!.cells[0]!.page;
  const cells: Cell[] = [];
  rows.forEach((r, ri) => r.cells.forEach((c, col) => cells.push({ row: ri, col, rowSpan: 1, colSpan: 1, text: c.text, page: c.page })));
  return {
    page,
    pageTo: rows[rows.length - 1]!.cells[0]!.page,
    nRows: rows.length,
    nCols,
    cells,
    rowLines: rows.map((r) => r.cells[0]!.line),
  };
}
