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
  /** The year the clause names before the figure (2022年项目预算…), when it names one. */
  year?: number | null;
}

const AMOUNT = "(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)(万元|元)";
/** Scores, grades and a department's 项目支出: fixed phrasings. Budget, execution and rate are read by meaning (below). */
const PATTERNS: [FigureKind, RegExp][] = [
  ["executionScore", /预算执行(?:情况|率)?得分(?:为)?(\d+(?:\.\d+)?)分/g],
  // (Not 自评得分 alone: reports give each part's own, 预算编制…自评得分7分.)
  ["totalScore", /(?:总得分|总分|绩效评价得分|综合得分|自评总分|最终得分)(?:为)?(\d+(?:\.\d+)?)分/g],
  ["grade", /(?:属于|等级为|结论为|结果为|评定为)"?(优秀|优|良好|良|中等|中|差)(?![\u4e00-\u9fff])/g],
  ["projectSpending", new RegExp(`项目支出(?:为|共|合计)?${AMOUNT}`, "g")],
];

/*
 * Budget and execution by meaning. A sentence is cut into clauses (，；。);
 * an amount of money in a clause takes its meaning from the nearest word
 * before it (since the clause began, or the previous amount ended):
 * budget words (预算, 安排, 批复, 下达, 到位) or execution words (执行, 支出,
 * 使用, 拨付, 完成, 支付, 列支). A compound such as 安排使用 or 支出预算 is a
 * budget; 预算执行数 is an execution. Amounts near balance words (结余, 结转,
 * 余额, 未支出 …), categories (基本支出, 项目支出, 预算支出, 三公经费, 收入),
 * parts (其中…, 用于…, 支付审计费用…) or beyond a few characters from their word
 * are not read at all: a wrong figure is worse than none. 实际执行2.4万元 stays an execution even when it
 * is the balance — that is what narrative_mismatch is there to catch.
 */
const BUDGET_WORDS = /安排使用|计划使用|拟使用|预算|安排|批复|下达|到位/g;
// (决算数: what the final accounts say was spent.)
const EXECUTION_WORDS = /执行|支出|使用|拨付|完成|支付|列支|兑付|决算/g;
const BALANCE_WORDS = /结余|结转|结存|余额|剩余|未(?:执行|支出|使用|拨付|到位|支付|完成)|尚未|收回|退回|上缴|节约/;
const CATEGORY_WORDS = /基本支出|项目支出|预算支出|预算收入|收入|三公|政府采购|人员经费|公用经费/;
/** A part of the money, not the whole: 其中支付…, 主要用于…, 分别为…. */
const PART_WORDS = /其中|用于|主要|包括|分别|部分/;
/** An expense item between the word and the amount (支付审计费用3万元, 支出差旅费2万元); 经费 is the project's money. */
const ITEM = /(?<!经)费/;
/** The deciding word must end this close to the amount (预算执行数为 → 2 characters). */
const MAX_GAP = 8;
/** Modifiers kept in the snippet before the first word: 年初预算, 实际支出, 累计拨付. */
const MODIFIERS = /(?:年初|全年|实际|本年度?|当年|累计|已经?|共|调整后|项目|年度)*$/;
// (支付率, 拨付率, 兑付率: the share of the money paid out, as the execution rate is.)
const RATE = /(执行率|支出率|使用率|支付率|拨付率|兑付率)(?:为|达到了|达到|达|是|约为|约)?(\d+(?:\.\d+)?)%/g;
const RATE_EXCLUDED = /三公|政府采购|收入/;
const YEAR = /(20\d{2})年/g;
/** Clause breaks: ，；。!? — but not the comma of 86,500 (keyOf folds ， to ,). */
const CLAUSE_BREAK = /[；;。!?！？，]|,(?!\d{3}(?!\d))|(?<!\d),/;

function lastMatch(re: RegExp, text: string): { start: number; end: number } | null {
  let last: { start: number; end: number } | null = null;
  for (const m of text.matchAll(re)) last = { start: m.index, end: m.index + m[0].length };
  return last;
}

function firstMatch(re: RegExp, text: string): number | null {
  const m = new RegExp(re.source).exec(text);
  return m ? m.index : null;
}

/** The year a clause names before `at` (2022年项目预算…), or null. */
function yearBefore(clause: string, at: number): number | null {
  const m = lastMatch(YEAR, clause.slice(0, at));
  return m ? Number(clause.slice(m.start, m.start + 4)) : null;
}

function moneyFigures(clause: string): NarrativeFigure[] {
  const out: NarrativeFigure[] = [];
  let from = 0;
  for (const m of clause.matchAll(new RegExp(AMOUNT, "g"))) {
    const context = clause.slice(from, m.index);
    from = m.index + m[0].length;
    if (BALANCE_WORDS.test(context) || CATEGORY_WORDS.test(context) || PART_WORDS.test(context)) continue;
    const budget = lastMatch(BUDGET_WORDS, context);
    const executed = lastMatch(EXECUTION_WORDS, context);
    // The nearer word decides; a budget compound ending with an execution word (安排使用) is a budget.
    const word = budget && (!executed || budget.end >= executed.end) ? { kind: "budget" as const, ...budget } : executed ? { kind: "executed" as const, ...executed } : null;
    if (!word || context.length - word.end > MAX_GAP || ITEM.test(context.slice(word.end))) continue;
    const initial = word.kind === "budget" && /年初/.test(context);
    // The snippet starts at the phrase's first word (with its modifiers), when that is close.
    const first = Math.min(firstMatch(BUDGET_WORDS, context) ?? word.start, firstMatch(EXECUTION_WORDS, context) ?? word.start);
    const phraseStart = word.start - first <= MAX_GAP ? first : word.start;
    const start = phraseStart - (context.slice(0, phraseStart).match(MODIFIERS)?.[0].length ?? 0);
    const [numberText, unit] = [m[1]!, m[2]!];
    out.push({
      kind: initial ? "initialBudget" : word.kind,
      value: Number(numberText.replace(/,/g, "")),
      word: null,
      unit: unit === "万元" ? "万元" : "元",
      decimals: decimalsOfText(numberText),
      snippet: clause.slice(from - m[0].length - context.length + start, from),
      basis: null,
      year: yearBefore(clause, m.index),
    });
  }
  for (const r of clause.matchAll(RATE)) {
    if (RATE_EXCLUDED.test(clause)) break;
    // 预算执行率 reads as the snippet; the word before 执行率 is kept when it is 预算/资金.
    const before = clause.slice(Math.max(0, r.index - 2), r.index);
    const prefix = /^(预算|资金)$/.test(before) ? before : "";
    out.push({
      kind: "rate",
      value: Number(r[2]),
      word: null,
      unit: null,
      decimals: decimalsOfText(r[2]),
      snippet: prefix + r[0],
      basis: null,
      year: yearBefore(clause, r.index),
    });
  }
  return out;
}

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
  // Budget, execution and rate, clause by clause, in reading order.
  for (const clause of sentence.split(CLAUSE_BREAK)) out.push(...moneyFigures(clause));
  for (const [kind, re] of PATTERNS) {
    for (const m of sentence.matchAll(re)) {
      if (kind === "grade") {
        out.push({ kind, value: NaN, word: m[1]!, unit: null, decimals: 0, snippet: m[0], basis: null });
        continue;
      }
      const [numberText, unit] = [m[1]!, m[2]];
      out.push({
        kind,
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
