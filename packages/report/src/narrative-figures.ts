/**
 * Numbers a report's narrative states about its forms: 全年项目预算8.65万元，
 * 实际执行2.4万元; 执行率72.26%; 总得分95.23分; 属于“优”; and, for a department,
 * 本年支出…其中…项目支出3528.46万元.
 */
import { keyOf, type MoneyUnit, type NarrativeLine } from "@jixiao/normalize";
import { decimalsOfText } from "./rounding.ts";

export type FigureKind = "budget" | "initialBudget" | "executed" | "rate" | "totalScore" | "executionScore" | "grade" | "projectSpending";

export interface NarrativeFigure {
  kind: FigureKind;
  value: number;
  /** For grades: the printed word. */
  word: string | null;
  unit: MoneyUnit | null;
  decimals: number;
  /** The words matched, as the reader will find them. */
  snippet: string;
  /** For project spending: does the sentence speak of the year's actual spending or the initial budget? */
  basis: "actual" | "initial" | null;
}

const AMOUNT = "(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)(万元|元)";
const PATTERNS: [FigureKind, RegExp][] = [
  ["budget", new RegExp(`(年初)?预算(?:数|资金|金额|总额)?(?:为|是|共|合计|共计)?${AMOUNT}`, "g")],
  ["executed", new RegExp(`(?:实际|本年|全年|累计)?执行(?:数|金额|资金)?(?:为|了|共|合计|共计)?${AMOUNT}`, "g")],
  ["executed", new RegExp(`(?:本年|全年|实际)支出(?:为|共|合计|共计)?${AMOUNT}`, "g")],
  ["rate", /执行率(?:为|达到|达)?(\d+(?:\.\d+)?)%/g],
  ["executionScore", /预算执行(?:情况|率)?得分(?:为)?(\d+(?:\.\d+)?)分/g],
  ["totalScore", /(?:总得分|总分|绩效评价得分|综合得分|自评总分|最终得分)(?:为)?(\d+(?:\.\d+)?)分/g],
  ["grade", /(?:属于|等级为|结论为|结果为|评定为)"?(优秀|优|良好|良|中等|中|差)(?![\u4e00-\u9fff])/g],
  ["projectSpending", new RegExp(`项目支出(?:为|共|合计)?${AMOUNT}`, "g")],
];

function basisOf(sentence: string, at: number): NarrativeFigure["basis"] {
  const before = sentence.slice(0, at);
  if (/本年支出|实际支出|决算|支出合计/.test(before)) return "actual";
  if (/预算支出|年初/.test(before)) return "initial";
  return null;
}

/** A sentence of the narrative, with the page and line it starts on. */
export interface Sentence {
  text: string;
  page: number;
  line: number | null;
}

/** A line this short without closing punctuation is a heading, not half of a wrapped sentence. */
const HEADING_MAX_CHARS = 30;
const SENTENCE_END = /[。;!?！？；]/;

/**
 * The narrative as sentences: a PDF wraps one sentence over several lines
 * (…其中基本支出158.08万元，/项目支出3528.46万元。), so lines are joined until a
 * sentence ends, and each sentence keeps the place where it starts.
 */
export function narrativeSentences(lines: readonly NarrativeLine[]): Sentence[] {
  const out: Sentence[] = [];
  let text = "";
  let start: NarrativeLine | null = null;
  const flush = () => {
    if (start && text) out.push({ text, page: start.page, line: start.line });
    text = "";
    start = null;
  };
  for (const l of lines) {
    const k = keyOf(l.text);
    if (!k) continue;
    for (const piece of k.split(/(?<=[。;!?！？；])/)) {
      start ??= l;
      text += piece;
      if (SENTENCE_END.test(piece.slice(-1))) flush();
    }
    if (text && k.length < HEADING_MAX_CHARS) flush();
  }
  flush();
  return out;
}

/** Figures of one sentence of the narrative. */
export function narrativeFigures(sentenceText: string): NarrativeFigure[] {
  const out: NarrativeFigure[] = [];
  const sentence = keyOf(sentenceText);
  for (const [kind, re] of PATTERNS) {
    for (const m of sentence.matchAll(re)) {
      if (kind === "grade") {
        out.push({ kind, value: NaN, word: m[1]!, unit: null, decimals: 0, snippet: m[0], basis: null });
        continue;
      }
      const initial = kind === "budget" && m[1] === "年初";
      const [numberText, unit] = kind === "budget" ? [m[2]!, m[3]] : [m[1]!, m[2]];
      out.push({
        kind: initial ? "initialBudget" : kind,
        value: Number(numberText.replace(/,/g, "")),
        word: null,
        unit: unit === "万元" || unit === "元" ? unit : null,
        decimals: decimalsOfText(numberText),
        snippet: m[0],
        basis: kind === "projectSpending" ? basisOf(sentence, m.index ?? 0) : null,
      });
    }
  }
  return out;
}
