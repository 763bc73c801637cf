/**
 * The cells of one paragraph of plain `pdftotext` text. A paragraph is what
 * pdftotext printed between blank lines: usually one table cell, wrapped over
 * lines at the column's width, but a cell of a neighbouring column that sits
 * on the same baseline lands inside it: a value on a line of its own ("县级储备粮管理制度严
 * | 100% | 格执行率"), or after a space at the end of a line ("发放人数(按月平 5",
 * "储备粮管理专户管理率 100%"). Those are taken out and put after the cell they
 * interrupt; the wrapped lines are joined (CJK without a space). A line that
 * is a column word, a label or a title is a cell of its own, and so is a line
 * wider than the one before it (a wrapped cell's lines are all as wide as the
 * column but the last).
 */
import { foldCompatibilityCharacters } from "./unicode.ts";
import { displayWidth, isCjk, isFundingLineWord, isLabelWord, isLevelWord, isStreamHeaderWord, isStreamValueCell, isWordCell, key } from "./text-stream-words.ts";

export interface StreamCell {
  text: string;
  line: number;
  page: number;
}

/** Slack, in half-width columns, by which a wrapped cell's next line may be wider than the one before. */
const WRAP_SLACK = 2;
/** A one-line cell that ends in a value: the words before it at most this wide (a name, not prose). */
const MAX_NAME_WIDTH = 40;
/** A table column's lines are at most this wide; wider lines are prose, read as printed. */
const MAX_COLUMN_WIDTH = 40;

/** Blank-line separated paragraphs, lines folded and trimmed. */
export function paragraphs(lines: readonly StreamCell[]): StreamCell[][] {
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

const joinLines = (a: string, b: string) => {
  const x = Array.from(a).pop() ?? "", y = Array.from(b)[0] ?? "";
  return isCjk(x) || isCjk(y) ? a + b : `${a} ${b}`;
};
const isYearLine = (t: string) => /^\(?\d{4}年度?\)?$/.test(key(t));
/** A line that ends a sentence or a label, or a label with its weight (相关性(5 分)): what follows is another cell. */
const endsClause = (t: string) => /[。;；:：]$/.test(t) || /\(\s*\d+(?:\.\d+)?\s*分\s*\)$/.test(t);
/** Words that number what follows them (目标 1, 指标 2, 第 3): the number is theirs. */
const NUMBERING = /(?:目标|指标|任务|第|序号|附件|附表)$/;

/**
 * A line's trailing value printed after a space by a neighbouring column
 * ("仓库(≥**平方米) 104"): [words, value], or null. Inside a wrapped paragraph
 * only a line wider than the others (the column) gives one up; alone, the
 * words before it must be a name (no clause punctuation, not too wide).
 */
function trailingValue(line: string, columnWidth: number | null): [string, string] | null {
  const m = line.match(/^(.*[\u3400-\u9fff)）])\s+(\S+(?:\s\S+)?)$/);
  if (!m) return null;
  const [, words, value] = m as unknown as [string, string, string];
  if (!isStreamValueCell(value) || isStreamValueCell(words) || NUMBERING.test(words) || /[,，、:：;；。]/.test(words)) return null;
  // 项目资金 预 | 算执行 10 分: a block's label with its weight, which the normalize stage reads as one.
  if (/分$/.test(value)) return null;
  // 2023 年 4 月-2024 年 2 月: a date or quantity that goes on, not a name and a value.
  if (/\d\s*[\u3400-\u9fff]?$/.test(words)) return null;
  if (columnWidth === null) return displayWidth(words) <= MAX_NAME_WIDTH && !isWordCell(words) ? [words, value] : null;
  return displayWidth(line) > columnWidth && displayWidth(words) <= columnWidth + 2 * WRAP_SLACK ? [words, value] : null;
}

/** 转移支付(项目)名称 医疗救助补助资金: a label and its value on one baseline, [label, value]. */
function labelAndValue(line: string): [string, string] | null {
  const m = line.match(/^(\S+)\s+(\S.*)$/);
  // 预算单位: X | 金额单位:万元 has a colon: the normalize stage splits such cells itself.
  return m && !/[:：]$/.test(m[1]!) && isLabelWord(m[1]!) && !isWordCell(m[2]!) ? [m[1]!, m[2]!] : null;
}

/** A paragraph's lines with trailing neighbour values, and values beside their labels, split off into lines of their own. */
function splitTrailingValues(p: StreamCell[]): StreamCell[] {
  const widths = p.map((l) => displayWidth(l.text));
  return p.flatMap((l, i) => {
    const labelled = labelAndValue(l.text);
    if (labelled) return labelled.map((text) => ({ ...l, text }));
    // The column's width: the lines above (a wrapped cell's first lines fill it), or below for the first line.
    const others = i > 0 ? widths.slice(0, i) : widths.slice(1);
    const next = p[i + 1]?.text ?? "";
    // 救助资金 30 | 万元: the next line goes on with the value's unit.
    if (next !== "" && isStreamValueCell(next.split(/\s/)[0]!)) return [l];
    const split = trailingValue(l.text, others.length ? Math.max(...others) : null);
    return split ? [{ ...l, text: split[0] }, { ...l, text: split[1] }] : [l];
  });
}

/**
 * Two cells of neighbouring columns wrapped side by side: their first lines
 * on one line after a space, then their later lines one after the other
 * (严格执行相关制 达成预期 | 度规定 | 指标: 严格执行相关制度规定, 达成预期指标).
 * Only where both first parts are words (no value, no column word or label),
 * every later line is a word no wider than a first part (one column's line),
 * and the later lines pair up; values among them (a third column's) follow
 * the two cells. Null otherwise.
 */
function sideBySide(p: readonly StreamCell[]): StreamCell[] | null {
  if (p.length < 3) return null;
  const m = p[0]!.text.match(/^(\S+) (\S+)$/);
  if (!m) return null;
  const firsts = [m[1]!, m[2]!];
  if (firsts.some((t) => isStreamValueCell(t) || isWordCell(t) || !/[\u3400-\u9fff]{2}/.test(t) || endsClause(t))) return null;
  const later = p.slice(1).filter((l) => !isStreamValueCell(l.text));
  const values = p.slice(1).filter((l) => isStreamValueCell(l.text));
  if (later.length < 2 || later.length % 2 !== 0) return null;
  const width = Math.max(...firsts.map(displayWidth)) + WRAP_SLACK;
  if (later.some((l) => /\s/.test(l.text) || isWordCell(l.text) || displayWidth(l.text) > width)) return null;
  const texts = [...firsts];
  later.forEach((l, i) => { texts[i % 2] = joinLines(texts[i % 2]!, l.text); });
  return [...texts.map((text) => ({ ...p[0]!, text })), ...values.map((l) => ({ ...l }))];
}

export function cellsOfParagraph(paragraph: StreamCell[]): StreamCell[] {
  // A value wrapped in its cell (583 元/人* | 月) is one value.
  const whole = paragraph.map((l) => l.text).join("");
  if (paragraph.length > 1 && isStreamValueCell(whole)) return [{ ...paragraph[0]!, text: whole }];
  const twoCells = sideBySide(paragraph);
  if (twoCells) return twoCells;
  const p = splitTrailingValues(paragraph);
  const cells: StreamCell[] = [];
  let cur: StreamCell | null = null;
  /** The last text line of cur, and cells of other columns met inside it (年度资金总 | 0 | 额:) put after it. */
  let lastLine = "";
  let held: StreamCell[] = [];
  const flush = () => {
    if (cur) cells.push(cur);
    cells.push(...held);
    cur = null;
    held = [];
  };
  for (const l of p) {
    const open = cur !== null && !isWordCell(cur.text) && !endsClause(lastLine);
    if (isStreamValueCell(l.text)) {
      // A value inside a wrapped label: kept aside while the label may go on.
      if (open) held.push({ ...l });
      else { flush(); cells.push({ ...l }); }
      continue;
    }
    const c: StreamCell | null = cur;
    const joined = c ? joinLines(c.text, l.text) : "";
    // (Or a column word wrapped after its qualifier: 年度 | 指标值, 实际 | 完成值.)
    // (So is a funding line's label wrapped after its qualifier: 其中:当年 | 财政拨款.)
    const wordJoined = c !== null && isWordCell(joined) && (!isWordCell(l.text) || (isStreamHeaderWord(joined) && !isStreamHeaderWord(c.text))
      || (isFundingLineWord(joined) && !isFundingLineWord(c.text)));
    // A column word after a neighbour's value inside a wrapped name (国家政策性粮收购价格 | 100% | 执行率) ends the name.
    const tail = held.some((h) => isStreamValueCell(h.text)) && isStreamHeaderWord(l.text) && !isLevelWord(l.text)
      && displayWidth(lastLine) <= MAX_COLUMN_WIDTH;
    const breaks = c === null || (!wordJoined && !tail && (isWordCell(lastLine) || isWordCell(l.text) || isWordCell(c.text)))
      || endsClause(lastLine)
      || displayWidth(lastLine) + WRAP_SLACK < displayWidth(l.text)
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
