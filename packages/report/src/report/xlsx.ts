/**
 * The report as an Excel workbook (`jixiao report --format xlsx`), for finance
 * officers: 概览 (title with the filter, totals, per agency), 表单 (one row per
 * form, money in 万元), 问题 (one row per finding), 规则汇总 (one row per rule)
 * and, with `byAgency`, one rectification sheet per agency (its errors and
 * warnings grouped by form: what the form printed and what it should have).
 *
 * Written with SheetJS from our own rows only: every cell is built here as a
 * plain string or number; no file from an archive reaches SheetJS's parsers
 * (README "Untrusted files"). Text a spreadsheet would run as a formula gets
 * the OWASP quote prefix (the test of ./machine.ts's CSV), numbers stay numbers.
 * SheetJS's community build writes no frozen panes, so the header row is frozen
 * by adding the <pane> to each sheet's XML in the (stored) zip it just wrote,
 * which is then deflated with zlib.
 */
import { crc32, deflateRawSync } from "node:zlib";
import { pageUnitOf, type PageUnit } from "@jixiao/normalize";
import { pageText } from "../context.ts";
import type { FindingRow, FormRow, ReportData } from "./data.ts";
import { describeFilter, reportTitle } from "./filter.ts";
import { KIND_TITLES, ruleTitle, SEVERITY_TITLES } from "./labels.ts";
import { isFormulaLike } from "./machine.ts";
import { SEVERITIES, summarize } from "./summary.ts";

export interface XlsxOptions {
  /** One rectification sheet per agency with errors or warnings. */
  byAgency?: boolean;
}

/** A cell: text, a number (with the column's format, or its own), or empty. */
type Cell = string | number | null | undefined | { v: number; z: string };

interface Column {
  header: string;
  /** Number format of the column's numbers ('0.00' for 万元). */
  z?: string;
}

interface SheetSpec {
  name: string;
  columns: Column[];
  rows: Cell[][];
  /** Row 1 is a header: freeze it and put the autofilter on it. */
  table: boolean;
}

export const MONEY_FORMAT = "0.00";
export const RATE_FORMAT = "0.00%";
/** Rows of a worksheet in Excel and LibreOffice. */
const MAX_ROWS = 1_048_576;
/** Excel's limit on a cell's text. */
const MAX_CELL_TEXT = 32_767;
/** Widest column, in characters (a long message wraps the reader's eye, not the sheet). */
const MAX_WIDTH = 60;
/** Rates are stored as fractions; shown as percentages. */
const RATE_RULES = new Set(["execution_rate_mismatch"]);

/** A text cell that cannot run: the OWASP quote prefix before anything a spreadsheet would read as a formula. */
export function safeCellText(s: string): string {
  const t = isFormulaLike(s) ? `'${s}` : s;
  return t.length > MAX_CELL_TEXT ? t.slice(0, MAX_CELL_TEXT - 1) + "…" : t;
}

/** East Asian wide and full-width code points (Hangul Jamo, CJK and kana, Hangul, compatibility ideographs, vertical and full-width forms, plane 2–3 ideographs). */
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** How many columns of a fixed-width font the text needs (its widest line): CJK and full-width characters count two. */
export function displayWidth(s: string): number {
  let widest = 0;
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const cp = s.codePointAt(i)!;
    if (cp > 0xffff) i++; // the second half of a surrogate pair
    if (cp === 10 || cp === 13) {
      widest = Math.max(widest, w);
      w = 0;
    } else w += isWide(cp) ? 2 : 1;
  }
  return Math.max(widest, w);
}

function shownNumber(n: number, z: string | undefined): string {
  if (z === MONEY_FORMAT) return n.toFixed(2);
  if (z === RATE_FORMAT) return `${(n * 100).toFixed(2)}%`;
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6);
}

const FORBIDDEN_IN_SHEET_NAME = /[\[\]:*?/\\\u0000-\u001f\u007f]/g;
const MAX_SHEET_NAME = 31;

function clip(s: string, max: number): string {
  let out = "";
  for (const ch of s) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/**
 * A name Excel accepts — at most 31 characters, none of []:*?/\, not starting
 * or ending with an apostrophe, not "History", not starting with a digit nor
 * reading as a cell reference — and unique (case-insensitively)
 * among `taken`, which it joins.
 */
export function sheetName(wanted: string, taken: Set<string>, fallback = "未填单位"): string {
  let base = wanted.replace(FORBIDDEN_IN_SHEET_NAME, "_").trim().replace(/^'+|'+$/g, "").trim();
  if (base === "") base = fallback;
  if (base.toLowerCase() === "history") base = `${base}_`;
  // A name that starts with a digit or reads as a cell reference must be quoted in references; we avoid the case.
  if (/^\d/.test(base) || /^[A-Za-z]{1,3}\d+$/.test(base) || /^R\d*C\d*$/i.test(base)) base = `单位_${base}`;
  base = clip(base, MAX_SHEET_NAME).replace(/'+$/, "");
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) {
    const suffix = `(${i})`;
    name = clip(base, MAX_SHEET_NAME - suffix.length).replace(/'+$/, "") + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}

function columnLetters(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

type Xlsx = typeof import("xlsx");

/** A SheetJS worksheet in its dense form (`!data`, rows of cells): no A1 keys to build or look up. */
function worksheet(spec: SheetSpec): Record<string, unknown> {
  const widths = spec.columns.map((c) => (spec.table ? displayWidth(c.header) : 0));
  const all: Cell[][] = spec.table ? [spec.columns.map((c) => c.header), ...spec.rows] : spec.rows;
  if (all.length > MAX_ROWS) throw new Error(`sheet ${spec.name} would have ${all.length} rows, more than a spreadsheet's ${MAX_ROWS}: report a part at a time (--year, --agency, --kind, --rule)`);
  const data: ({ t: string; v: string | number; z?: string } | undefined)[][] = [];
  let lastCol = spec.columns.length - 1;
  for (let r = 0; r < all.length; r++) {
    const row = all[r]!;
    const out: ({ t: string; v: string | number; z?: string } | undefined)[] = [];
    // The title row of a sheet without a header spans the sheet; it does not widen its first column.
    const measured = spec.table || r > 0;
    for (let c = 0; c < row.length; c++) {
      const value = row[c];
      if (value === null || value === undefined || value === "") continue;
      let width: number;
      if (typeof value === "string") {
        const v = safeCellText(value);
        out[c] = { t: "s", v };
        width = measured ? displayWidth(v) : 0;
      } else {
        const n = typeof value === "number" ? value : value.v;
        if (!Number.isFinite(n)) continue;
        const z = typeof value === "number" ? spec.columns[c]?.z : value.z;
        out[c] = z ? { t: "n", v: n, z } : { t: "n", v: n };
        width = measured ? shownNumber(n, z).length : 0;
      }
      if (c > lastCol) lastCol = c;
      if (width > (widths[c] ?? 0)) widths[c] = width;
    }
    data.push(out);
  }
  const lastRow = Math.max(all.length, 1);
  const ws: Record<string, unknown> = { "!data": data };
  ws["!ref"] = `A1:${columnLetters(Math.max(lastCol, 0))}${lastRow}`;
  ws["!cols"] = widths.map((w) => ({ wch: Math.min(MAX_WIDTH, Math.max(6, (w ?? 0) + 2)) }));
  if (spec.table) ws["!autofilter"] = { ref: `A1:${columnLetters(spec.columns.length - 1)}${lastRow}` };
  return ws;
}

/** How a document's page numbers read: paged (more than one page or sheet) and in what unit. */
interface PageReading {
  paged: boolean;
  unit: PageUnit;
}

/** Where to look: 第N页 (第N张工作表 in a workbook) when the document has pages, else 第N行 of the extracted text. */
function place(f: FindingRow, doc: PageReading | undefined): string {
  const d = doc ?? { paged: false, unit: "page" as const };
  if (d.paged && f.page !== null) return pageText(d.unit, f.page);
  if (f.line !== null) return `第${f.line}行`;
  return f.page !== null ? pageText(d.unit, f.page) : "";
}

function observedCell(x: FindingRow, value: number | null): Cell {
  if (value === null) return null;
  return RATE_RULES.has(x.rule) ? { v: value, z: RATE_FORMAT } : value;
}

function formTitle(f: FormRow): string {
  return KIND_TITLES[f.kind] ?? f.title ?? f.kind;
}

const NO_AGENCY = "（未填单位）";

function formsSheet(data: ReportData): SheetSpec {
  return {
    name: "表单",
    table: true,
    columns: [
      { header: "文件" }, { header: "表序号" }, { header: "类型" }, { header: "类型代码" }, { header: "年度" }, { header: "单位" },
      { header: "项目" }, { header: "表名" }, { header: "预算(万元)", z: MONEY_FORMAT }, { header: "执行(万元)", z: MONEY_FORMAT },
      { header: "执行率", z: RATE_FORMAT }, { header: "分值合计" }, { header: "总分" }, { header: "结论" }, { header: "起始页" },
      { header: "结束页" }, { header: "错误" }, { header: "警告" }, { header: "提示" },
    ],
    rows: data.forms.map((f) => [
      f.path, f.seq, KIND_TITLES[f.kind] ?? f.kind, f.kind, f.fiscalYear, f.agency, f.projectName, f.title, f.budgetWan, f.executedWan,
      f.executionRate, f.totalWeight, f.totalScore, f.grade, f.pageFrom, f.pageTo, f.errors, f.warnings, f.infos,
    ]),
  };
}

function findingsSheet(data: ReportData, forms: Map<number, FormRow>): SheetSpec {
  return {
    name: "问题",
    table: true,
    columns: [
      { header: "单位" }, { header: "年度" }, { header: "项目" }, { header: "类型" }, { header: "规则" }, { header: "规则代码" },
      { header: "级别" }, { header: "说明" }, { header: "应为" }, { header: "表中填报" }, { header: "指标/资金行" }, { header: "文件" },
      { header: "表序号" }, { header: "页" }, { header: "行" },
    ],
    rows: data.findings.map((x) => {
      const f = forms.get(x.formId);
      return [
        f?.agency, f?.fiscalYear, f?.projectName, f ? (KIND_TITLES[f.kind] ?? f.kind) : null, ruleTitle(x.rule), x.rule,
        SEVERITY_TITLES[x.severity], x.message, observedCell(x, x.expected), observedCell(x, x.observed),
        x.indicatorName ?? x.fundingSource, x.path, f?.seq, x.page, x.line,
      ];
    }),
  };
}

function rulesSheet(data: ReportData): SheetSpec {
  const forms = new Map<string, Set<number>>();
  const agencies = new Map<string, Set<string>>();
  const agencyOf = new Map(data.forms.map((f) => [f.formId, f.agency ?? NO_AGENCY]));
  for (const x of data.findings) {
    if (!forms.has(x.rule)) forms.set(x.rule, new Set());
    if (!agencies.has(x.rule)) agencies.set(x.rule, new Set());
    forms.get(x.rule)!.add(x.formId);
    agencies.get(x.rule)!.add(agencyOf.get(x.formId) ?? NO_AGENCY);
  }
  return {
    name: "规则汇总",
    table: true,
    columns: [
      { header: "规则" }, { header: "规则代码" }, { header: "错误" }, { header: "警告" }, { header: "提示" }, { header: "合计" },
      { header: "涉及表数" }, { header: "涉及单位数" },
    ],
    rows: summarize(data).byRule.map((r) => [
      ruleTitle(r.rule), r.rule, r.counts.error, r.counts.warning, r.counts.info, r.total, forms.get(r.rule)?.size ?? 0, agencies.get(r.rule)?.size ?? 0,
    ]),
  };
}

/** The rectification list of one agency: each form with errors or warnings, then its findings. */
function agencySheet(name: string, forms: FormRow[], byForm: Map<number, FindingRow[]>, reading: Map<number, PageReading>): SheetSpec {
  const rows: Cell[][] = [];
  for (const f of forms) {
    const list = byForm.get(f.formId)!;
    if (rows.length > 0) rows.push([]);
    const counts = SEVERITIES.filter((s) => s !== "info" && list.some((x) => x.severity === s))
      .map((s) => `${SEVERITY_TITLES[s]}${list.filter((x) => x.severity === s).length}条`)
      .join("，");
    const unit = reading.get(f.documentId)?.unit ?? "page";
    rows.push([
      formTitle(f), f.projectName, f.fiscalYear, `${f.path} 第${f.seq}张表`, f.pageFrom !== null ? pageText(unit, f.pageFrom, f.pageTo) : null, counts,
    ]);
    for (const x of list) {
      rows.push([
        null, null, null, null, place(x, reading.get(f.documentId)), SEVERITY_TITLES[x.severity], ruleTitle(x.rule), x.message,
        observedCell(x, x.observed), observedCell(x, x.expected), x.indicatorName ?? x.fundingSource, x.rule,
      ]);
    }
  }
  return {
    name,
    table: true,
    columns: [
      { header: "表名" }, { header: "项目" }, { header: "年度" }, { header: "文件" }, { header: "位置" }, { header: "级别" }, { header: "规则" },
      { header: "说明" }, { header: "表中填报" }, { header: "应为" }, { header: "指标/资金行" }, { header: "规则代码" },
    ],
    rows,
  };
}

interface AgencyList {
  agency: string;
  forms: FormRow[];
  byForm: Map<number, FindingRow[]>;
}

/** Agencies whose forms have errors or warnings, with those forms (in report order) and findings (errors first). */
function agencyLists(data: ReportData): AgencyList[] {
  const byForm = new Map<number, FindingRow[]>();
  for (const x of data.findings) {
    if (x.severity === "info") continue;
    const list = byForm.get(x.formId);
    if (list) list.push(x);
    else byForm.set(x.formId, [x]);
  }
  const byAgency = new Map<string, AgencyList>();
  for (const f of data.forms) {
    if (!byForm.has(f.formId)) continue;
    const agency = f.agency ?? NO_AGENCY;
    const entry = byAgency.get(agency) ?? { agency, forms: [], byForm };
    entry.forms.push(f);
    byAgency.set(agency, entry);
  }
  return [...byAgency.values()].sort((a, b) => a.agency.localeCompare(b.agency, "zh"));
}

function overviewSheet(data: ReportData, agencySheets: Map<string, string> | null): SheetSpec {
  const s = summarize(data);
  const rows: Cell[][] = [
    [reportTitle(data.filter)],
    ["生成时间", data.generatedAt],
    ["筛选", describeFilter(data.filter) || "无（整个数据库）"],
    ["文件", s.documents],
    ["表", s.forms],
    ["发现", s.findings],
    ...SEVERITIES.map((sev): Cell[] => [SEVERITY_TITLES[sev], s.bySeverity[sev]]),
    [],
    ["单位", "表数", "错误", "警告", "提示", ...(agencySheets ? ["整改清单（工作表）"] : [])],
    ...s.byAgency.map((g): Cell[] => [
      g.key === "未知" ? NO_AGENCY : g.key, g.forms, g.counts.error, g.counts.warning, g.counts.info,
      ...(agencySheets ? [agencySheets.get(g.key === "未知" ? NO_AGENCY : g.key) ?? "无错误或警告"] : []),
    ]),
  ];
  return { name: "概览", table: false, columns: [{ header: "" }, { header: "" }, { header: "" }, { header: "" }, { header: "" }, { header: "" }], rows };
}

/**
 * A zip of the given parts, deflated by zlib (SheetJS's own deflate, in
 * JavaScript, took most of the time on 10,000 forms), names in UTF-8.
 */
export function zipParts(parts: { name: string; data: Uint8Array }[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, "utf8");
    const packed = deflateRawSync(p.data, { level: 3 }); // 6 makes the file ~15% smaller and takes ~40% longer
    const crc = crc32(p.data);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4); // version needed
    head.writeUInt16LE(0x0800, 6); // UTF-8 names
    head.writeUInt16LE(8, 8); // deflate
    head.writeUInt16LE(0, 10); // time
    head.writeUInt16LE(0x21, 12); // date: 1980-01-01
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(p.data.byteLength, 22);
    head.writeUInt16LE(name.length, 26);
    head.writeUInt16LE(0, 28);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4); // made by
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt16LE(0, 12);
    dir.writeUInt16LE(0x21, 14);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(p.data.byteLength, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(head, name, packed);
    central.push(dir, name);
    offset += head.length + name.length + packed.length;
  }
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...central, end]);
}

/** The parts of a zip whose entries are stored (not deflated), as SheetJS writes with compression off: read from its central directory. */
export function storedParts(zip: Uint8Array): { name: string; data: Uint8Array }[] {
  const b = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error("SheetJS wrote no zip end record");
  const count = b.readUInt16LE(end + 10);
  let at = b.readUInt32LE(end + 16);
  const parts: { name: string; data: Uint8Array }[] = [];
  for (let i = 0; i < count; i++) {
    if (b.readUInt32LE(at) !== 0x02014b50) throw new Error("unexpected zip central directory in SheetJS's output");
    const method = b.readUInt16LE(at + 10);
    const size = b.readUInt32LE(at + 20);
    const n = b.readUInt16LE(at + 28);
    const skip = n + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
    const local = b.readUInt32LE(at + 42);
    const name = b.toString("utf8", at + 46, at + 46 + n);
    if (method !== 0) throw new Error(`expected a stored zip entry from SheetJS, found method ${method} for ${name}`);
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    parts.push({ name, data: b.subarray(start, start + size) });
    at += 46 + skip;
  }
  return parts;
}

/**
 * Takes SheetJS's stored (uncompressed) zip apart, freezes row 1 of the given
 * sheets (1-based, as SheetJS names the parts sheetN.xml), and zips it again.
 */
function freezeHeaderRows(stored: Uint8Array, sheets: number[]): Buffer {
  const wanted = new Set(sheets.map((n) => `xl/worksheets/sheet${n}.xml`));
  const parts = storedParts(stored).map((p) => {
    if (!wanted.has(p.name)) return p;
    // <sheetView …/> sits before the sheet's data: patch that head only, not megabytes of rows.
    const head = Buffer.from(p.data.subarray(0, 4096)).toString("latin1");
    const m = /<sheetView ([^>]*?)\/>/.exec(head);
    if (!m) throw new Error(`could not freeze the header row of ${p.name}: no <sheetView/> in SheetJS's output`);
    const view = `<sheetView ${m[1]}><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>`;
    const data = Buffer.concat([p.data.subarray(0, m.index), Buffer.from(view, "latin1"), p.data.subarray(m.index + m[0].length)]);
    return { name: p.name, data };
  });
  // [Content_Types].xml first, as Office writes it.
  parts.sort((a, b) => Number(b.name === "[Content_Types].xml") - Number(a.name === "[Content_Types].xml"));
  return zipParts(parts);
}

/** The workbook's bytes (.xlsx). SheetJS is loaded on first use: the HTML/JSON/CSV reports never hold it. */
export async function renderXlsx(data: ReportData, options: XlsxOptions = {}): Promise<Uint8Array> {
  const X: Xlsx = await import("xlsx");
  const formsById = new Map(data.forms.map((f) => [f.formId, f]));
  const taken = new Set<string>(["概览", "表单", "问题", "规则汇总"].map((n) => n.toLowerCase()));
  const agencySheets: SheetSpec[] = [];
  let sheetOfAgency: Map<string, string> | null = null;
  if (options.byAgency) {
    const reading = new Map(data.documents.map((d): [number, PageReading] => [d.id, { paged: (d.pages ?? 0) > 1, unit: pageUnitOf(d.format) }]));
    sheetOfAgency = new Map();
    for (const a of agencyLists(data)) {
      const name = sheetName(a.agency, taken);
      sheetOfAgency.set(a.agency, name);
      agencySheets.push(agencySheet(name, a.forms, a.byForm, reading));
    }
  }
  const overview = overviewSheet(data, sheetOfAgency);
  const specs = [overview, formsSheet(data), findingsSheet(data, formsById), rulesSheet(data), ...agencySheets];
  const wb = {
    SheetNames: specs.map((s) => s.name),
    Sheets: Object.fromEntries(specs.map((s) => [s.name, worksheet(s)])),
    Props: { Title: reportTitle(data.filter), CreatedDate: new Date(data.generatedAt) },
  };
  const raw = X.write(wb as never, { type: "buffer", bookType: "xlsx", compression: false }) as Uint8Array;
  const frozen = specs.flatMap((s, i) => (s.table ? [i + 1] : []));
  return freezeHeaderRows(raw, frozen);
}
