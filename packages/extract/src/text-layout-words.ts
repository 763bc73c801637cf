/**
 * What a word of -layout text is, from its characters alone: the tests the
 * steps that split and place a line's chunks share (text-layout.ts,
 * text-layout-pushed-numbers.ts, text-layout-column-starts.ts,
 * text-layout-list-blocks.ts).
 */
import { isWide } from "./pdf/glyphs.ts";
import { lastChar } from "./pdf/words.ts";

/**
 * A comparison sign as fonts print it: ≧ ≦ and ⩾ ⩽ are how many print ≥ ≤
 * (安徽 2024's ≧90%), full-width ＞ ＜ ＝ how others print > < =; ≈ is about.
 */
export const COMPARISON = "[≥≤≧≦⩾⩽=<>＝＞＜≈]";
/** A number, a share or a comparison with one (5, 100%, ≥90%). */
export const NUMBER = new RegExp(`^${COMPARISON}?[-+]?\\d[\\d,]*(\\.\\d+)?%?$`);
/** An amount printed with thousands separators (660,000.00, 3,309,840.00): a money cell of its own. */
export const GROUPED_AMOUNT = /^[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
/** A value cell's start: a number, a comparison, a sign; or a dash alone (no value: 财务管理制度有效性 7  —). */
export const VALUE_START = new RegExp(`^${COMPARISON}?[-+]?\\d|^[—–]+$`);
/** A closing bracket at a word's end: the end of a name's unit (仓库(≥**平方米) 104), as final as a CJK character. */
export const CLOSING = /[)）\]】]$/;

/**
 * A name that ends in its unit, in brackets (天保工程实施单位保险参保人数(人), 补助面积(万亩), 覆盖率(%)), as forms
 * print an indicator's unit after it; or in a qualifier so bracketed (创新型县(市)), where a wrapped name may go on.
 */
export const ENDS_WITH_UNIT = /[(（][^()（）\d\s]{1,4}[)）]$/u;

/**
 * A CJK word closed by the ASCII punctuation pdftotext gives for a full-width one (好的学习和工作环境, before the
 * 分值 10 one space on): as final as the CJK character before it.
 */
const CJK_THEN_STOP = /[\u3400-\u9fff][,;.]$/u;

/** Whether a word ends as a cell of words ends: in a CJK character, a closing bracket or a CJK clause's stop. */
export const endsLikeCell = (text: string) => isWide(lastChar(text)) || CLOSING.test(text) || CJK_THEN_STOP.test(text);
/** An item of a numbered list of indicators or goals opening a cell: 指标5:, 目标2：. */
export const NUMBERED_ITEM = /^\s*(?:指标|目标|任务)\s*\d{1,2}\s*[:：]/u;
/**
 * A word of a goals block's header or label (年初设定目标, 年度总体目标完成情况, 预期目标, 实际完成情况): never a
 * piece of an indicator header's wrapped cells, though it stands right over that header.
 */
const GOALS_WORD = /(?:设定目标|预期目标|总体目标|目标完成情况|实际完成情况)$/u;
export const isGoalsWord = (text: string) => GOALS_WORD.test(text.replace(/\s+/g, ""));
