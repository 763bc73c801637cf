/**
 * Parsing the values printed in forms: numbers with thousands separators,
 * rates, comparators (symbols and words), units, years and dates.
 */
import type { Comparator } from "./model.ts";
import { foldPunctuation, keyOf } from "./text-key.ts";

/** Cells that mean "nothing here" rather than zero. */
const EMPTY_MARKERS = new Set(["", "—", "——", "-", "--", "/", "／", "无", "\\", "－", "-—", "…"]);

/** keyOf(null) is "", which is one of the markers: no separate null test. */
export function isEmptyValue(text: string | null | undefined): boolean {
  return isEmptyKey(keyOf(text));
}

/**
 * ### — what a spreadsheet prints in place of a number too wide for its column: the number is not on
 * the page, so the cell holds no value (and names nothing).
 */
const UNPRINTED_NUMBER = /^#{2,}$/;

/** A cell printing ### in place of its number. */
export function isUnprintedNumber(text: string | null | undefined): boolean {
  return UNPRINTED_NUMBER.test(keyOf(text));
}

/** A marker, or ### (k already keyed): no value. */
const isEmptyKey = (k: string) => EMPTY_MARKERS.has(k) || UNPRINTED_NUMBER.test(k);

/**
 * A cell that prints nothing: blank or a dash. 无 is not blank — it is an
 * answer (安全事故 实际完成值: 无) and stays in its row as printed; only as a
 * value does it mean "no number" (isEmptyValue).
 */
export function isBlankCell(text: string | null | undefined): boolean {
  const k = keyOf(text);
  return k !== "无" && isEmptyKey(k);
}

const NUMBER_RE = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** A plain number as printed (1,426.26 / 86,500 / 7.23 / 10分); null when the cell is not just a number. */
export function parseNumber(text: string | null | undefined): number | null {
  // keyOf(null) is "", which is no number.
  let k = keyOf(text).replace(/^[:：]/, "");
  k = k.replace(/(分|万元|元|万)$/, "");
  if (!NUMBER_RE.test(k)) return null;
  const v = Number(k.replace(/,/g, ""));
  return Number.isFinite(v) ? v : null;
}

/** Number of decimals as printed, for rounding-aware comparison. */
export function decimalsOf(text: string | null | undefined): number {
  const m = keyOf(text).match(/\.(\d+)/);
  return m ? m[1]!.length : 0;
}

/** Score/weight cells: a number, possibly followed by 分. */
export function isScoreLike(text: string): boolean {
  return parseNumber(text) !== null && !/万元|元|万$/.test(text);
}

/** A rate as a fraction: 79.74% → 0.7974; a bare 72.26 in a rate column → 0.7226; 0.8 → 0.8. */
export function parseRate(text: string | null | undefined): number | null {
  const k = keyOf(text);
  const m = k.match(/^([+-]?\d+(?:\.\d+)?)%$/);
  if (m) return roundRate(Number(m[1]) / 100);
  const v = parseNumber(k);
  if (v === null) return null;
  return roundRate(v > 1.5 ? v / 100 : v);
}

export function isPercentText(text: string): boolean {
  return /^[+-]?\d+(?:\.\d+)?%$/.test(keyOf(text));
}

/** Comparator words in the order they must be tried (longer phrases first). */
const COMPARATOR_WORDS: [RegExp, Comparator][] = [
  [/^(?:>=|≥|⩾|≧|大于等于|大于或等于|不少于|不低于|不小于|至少|达到|超过|高于等于)/, ">="],
  [/^(?:<=|≤|⩽|≦|小于等于|小于或等于|不超过|不高于|不大于|不多于|控制在|至多|低于等于)/, "<="],
  [/^(?:>|大于|高于|多于)/, ">"],
  [/^(?:<|小于|低于|少于)/, "<"],
  [/^(?:=|＝|═|等于)/, "="],
];
/** Trailing words that carry a direction: 95%以上, 12万元以内. */
const COMPARATOR_SUFFIXES: [RegExp, Comparator][] = [
  [/(?:以上|及以上|或以上)$/, ">="],
  [/(?:以内|以下|及以下|或以下|之内)$/, "<="],
];

/** Units recognised after a number, longest first. */
const UNITS = [
  "元/人/年", "元/人·年", "元/人", "元/次", "人次", "户次", "万人次", "万人", "万元", "亿元", "个月", "工作日", "分钟", "小时",
  "万册", "万", "平方米", "平米", "公里", "千米", "%", "‰", "元", "人", "次", "个", "家", "项", "件", "份", "天", "日", "年", "月",
  "场", "所", "户", "座", "台", "套", "本", "张", "批", "期", "篇", "条", "层", "分", "名", "辆", "处", "间", "所", "册", "季度", "周",
  // (Quantities measured, not counted: 60万度 of power, 200亩, 3000吨.)
  "万度", "度", "千瓦时", "万千瓦时", "吨", "万吨", "立方米", "万立方米", "万平方米", "亩", "万亩", "公顷", "米", "千克", "公斤",
  "株", "棵", "头", "只", "课时", "学时", "人日",
];
// (Longest first, so that 平方米 is not read as 平 and 米.)
const UNIT_RE = new RegExp(`^(${[...UNITS].sort((a, b) => b.length - a.length).map((u) => u.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|")})`);

export interface ParsedValue {
  comparator: Comparator | null;
  value: number | null;
  valueMax: number | null;
  unit: string | null;
}

/**
 * Parse a target or actual text: ≥12个, =100%, ≤228万元, 105人次, 5%-10%,
 * 不低于90%, 95%以上, 2023年12月底完成 (qualitative: a date is not a quantity).
 */
export function parseValue(raw: string | null | undefined): ParsedValue {
  const none: ParsedValue = { comparator: null, value: null, valueMax: null, unit: null };
  if (isEmptyValue(raw)) return none;
  let k = keyOf(raw).replace(/\\(geq|ge)/g, "≥").replace(/\\(leq|le)/g, "≤");
  let comparator: Comparator | null = null;
  for (const [re, c] of COMPARATOR_WORDS) {
    const m = k.match(re);
    if (m) {
      comparator = c;
      k = k.slice(m[0].length);
      break;
    }
  }
  for (const [re, c] of COMPARATOR_SUFFIXES) {
    if (re.test(k)) {
      comparator ??= c;
      k = k.replace(re, "");
    }
  }
  // Range: 5%-10%, 80-90分, 5~10个, 170天-200天 (the unit after each number, the same).
  const range = k.match(/^(\d+(?:\.\d+)?)([^\d.\-~～至到]{0,4})[-~～至到](\d+(?:\.\d+)?)(.*)$/);
  // (Not a date's parts, 2023年-2024年: a period, not a quantity.)
  if (range && (range[2] === "" || range[2] === "%" || (range[2] === range[4] && !/^[年月日]/.test(range[2]!)))) {
    // The unit after the second number, else the first number's %: null only when neither prints one.
    const unit = matchUnit(range[4] || range[2] || "");
    if (unit !== undefined) {
      return { comparator: comparator ?? ">=", value: Number(range[1]), valueMax: Number(range[3]), unit };
    }
  }
  const m = k.match(/^(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(.*)$/);
  if (!m) return { ...none, comparator: comparator ? comparator : "qualitative" };
  const value = Number(m[1]!.replace(/,/g, ""));
  const rest = m[2] ?? "";
  if (rest === "") return { comparator: comparator ?? "=", value, valueMax: null, unit: null };
  const unit = matchUnit(rest);
  // 2023年12月底完成, 12县(市): a number followed by more words than a unit is a description, not a quantity.
  if (!unit) return { ...none, comparator: comparator ?? "qualitative" };
  return { comparator: comparator ?? "=", value, valueMax: null, unit };
}

function matchUnit(rest: string): string | null | undefined {
  if (rest === "") return null;
  const m = rest.match(UNIT_RE);
  if (!m) return undefined;
  // A rate unit: 元/户, 元/人·月, 元/人*月, 人次/年.
  const per = rest.slice(m[1]!.length).match(/^(?:[/·*][\u4e00-\u9fff]{1,4})+/);
  const unit = m[1]! + (per ? per[0] : "");
  // Allow a trailing 左右/内/（次） after the unit: 105人次, 100人(次).
  const tail = rest.slice(unit.length).replace(/^\((?:次|人|个)\)/, "");
  if (tail !== "" && !/^(左右|内|整|及以上|以上|以内)$/.test(tail)) return undefined;
  return unit;
}

/** Comparator from a 指标值类型 cell (≥, =, ≤, 定性, 正向, 反向 …). */
export function comparatorFromValueType(text: string | null | undefined): Comparator | null {
  // Every pattern is anchored and non-empty, so a blank cell matches none.
  const k = keyOf(text);
  // (是/否 in a 指标方向 column: a yes-or-no indicator, its target a word.)
  if (/^(定性|定性指标|是\/否|是或否)$/.test(k)) return "qualitative";
  // ≧ ≦ (and ⩾ ⩽) are how many fonts print ≥ ≤; ═, a box-drawing double line, stands for = in some forms.
  if (/^(≥|≧|⩾|>=|大于等于|正向|正向指标)$/.test(k)) return ">=";
  if (/^(≤|≦|⩽|<=|小于等于|反向|反向指标)$/.test(k)) return "<=";
  if (/^(=|＝|═|等于)$/.test(k)) return "=";
  if (/^(>|大于)$/.test(k)) return ">";
  if (/^(<|小于)$/.test(k)) return "<";
  return null;
}

export function isValueTypeText(text: string): boolean {
  return comparatorFromValueType(text) !== null || /^定量(?:指标)?$/.test(keyOf(text));
}

/** Fiscal year from (2023年度), (2,023年度), （2020年度）, 2021 年度, 2022年度医药…. */
export function parseFiscalYear(text: string): number | null {
  const k = keyOf(text);
  const m = k.match(/(\d{1},?\d{3})年度?/);
  if (!m) return null;
  const y = Number(m[1]!.replace(",", ""));
  return y >= 1990 && y <= 2100 ? y : null;
}

/** Fill date: 2024/02/05, 2024年2月26日, 2024-2-5, 2024.2.5 → ISO. */
export function parseDate(text: string): string | null {
  const k = foldPunctuation(text).replace(/\s+/g, "");
  const m = k.match(/(\d{4})[年/.-](\d{1,2})[月/.-](\d{1,2})日?/);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** A money unit alone in its cell, its brackets open or closed: (万元), (万元, 元. */
export const isUnitAlone = (text: string): boolean => /^\(?(万元|元|亿元)\)?$/.test(keyOf(text));

/** Declared money unit in a header or line: 项目资金（万元）, 金额单位：元, 全年预算数(元), 单位：万元. */
export function parseMoneyUnit(text: string): "元" | "万元" | null {
  const k = keyOf(text);
  // (A bracket the print left open at the label's end, 年度预算申请(万元, declares it too.)
  if (/\(万元\)|单位:万元|万元\)$|^万元$|(?:^|[^(])\(万元$/.test(k)) return "万元";
  if (/\(元\)|单位:元$|单位:元[^/]|^元$|(?:^|[^(])\(元$/.test(k)) return "元";
  return null;
}

/** Grade as printed: 优/良/中/差, 优秀/良好/合格/不合格, 一等…四等. */
export function parseGrade(text: string | null | undefined): string | null {
  const k = keyOf(text).replace(/^["“]|["”]$/g, "");
  const m = k.match(/^(优秀|优|良好|良|中等|中|合格|差|不合格|一等|二等|三等|四等|[ABCD]级?)$/);
  return m ? m[1]! : null;
}

/** Percent → fraction without float noise (98.51% → 0.9851, not 0.9851000000000001). */
function roundRate(v: number): number {
  return Math.round(v * 1e10) / 1e10;
}
