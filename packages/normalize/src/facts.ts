/**
 * A form's label/value pairs (项目编码：…, 主管部门 | X | 实施单位 | Y, 本年度项目金额
 * （万元）：120): every pair is kept as a fact, the ones whose label the
 * vocabulary knows also fill their form field, and amounts become funding
 * lines when the form prints no funding table. Labels are recognised by their
 * shape (short, no sentence punctuation, often a trailing colon) and by what
 * they end with, not by a closed list of one template's labels.
 */
import type { Form, FundingLine } from "./model.ts";
import type { RowCell } from "./rows.ts";
import { factKeyOf, headerField, isGoalsHeader, isGradeLabel, isKnownLabel, level1Of, namesOtherMoney, sourceKindOf, type FactKey } from "./vocab.ts";
import { fundingLine } from "./funding-line.ts";
import { parseGrade, parseMoneyUnit, parseNumber, isEmptyValue, isUnitAlone } from "./values.ts";
import { endsWithColon, keyOf, tidyCjkSpaces } from "./text-key.ts";

/** Longest label, in characters of its key: longer text is a sentence or a value. */
const MAX_LABEL_LENGTH = 24;

export interface LabelValue {
  label: string;
  value: string;
  cell: RowCell;
}

/** How a label of a form's header block ends, when the vocabulary does not know it: …名称, …部门, …单位, …编码. */
const LABEL_END = /(名称|部门|单位|编码|代码|编号)(\(.*\))?[:：]?$/;
export const endsLikeLabel = (text: string): boolean => LABEL_END.test(keyOf(text));

/** 其中： alone, merged down beside the parts it introduces: the marker before them, no label of its own. */
export const isOfWhichMarker = (text: string): boolean => /^其中:?$/.test(keyOf(text));

/** Label text as stored: spaces inside CJK words and the trailing colon removed. */
export const labelText = (text: string): string => tidyCjkSpaces(text).replace(/\s*[:：]\s*$/, "").replace(/^[*＊※]+\s*/, "");

/** A person's label qualified by whose it is: 单位负责人, 项目联系人, 财务负责人. */
const QUALIFIED_PERSON_LABEL = /((?:单位|项目|部门|财务|专项|填报|审核)(?:负责人|联系人|联系电话))$/;
/** A known label (a fact key or a label the vocabulary knows) of label shape. */
const isWholeLabel = (word: string): boolean => isLabelShaped(word) && (factKeyOf(word) !== null || isKnownLabel(word));

/**
 * The label that ends a run of text as a whole word after a space (… 单位负责人 in 填报单位(盖章): 单位负责人:),
 * not its tail 负责人; or null. Run-together labels are split before it.
 */
export function labelWordAfterSpace(text: string): string | null {
  const m = text.trimEnd().match(/(?:^\s+|\s)([^\s]{2,10})$/);
  return m && isWholeLabel(m[1]!) ? m[1]! : null;
}
/** Prose, not a label or a figure: a sentence's punctuation or more characters than a label has. */
const isSentence = (text: string): boolean => /[。；;]/.test(text) || keyOf(text).length > MAX_LABEL_LENGTH;

/** Short words with no sentence punctuation and no number: the shape of a label. */
export function isLabelShaped(text: string): boolean {
  // (A list's number before the money of a level of government or a kind of source, 2.市级资金 or 其中:1.中央资金,
  // is no part of the label's shape; before other words, 1.完成造林 or 2.实际到位资金, it numbers an item.)
  const printed = keyOf(text).replace(/:$/, "");
  const unnumbered = printed.replace(LIST_NUMBER, "");
  const k = unnumbered !== printed && NUMBERED_SOURCE.test(unnumbered) ? unnumbered : printed;
  if (k.length < 2 || k.length > MAX_LABEL_LENGTH) return false;
  // A label may wrap once inside its merged cell (年度主要目标\n和成果); more lines are prose.
  // (A list comma in a label the vocabulary knows is the label's: 预算部门、单位名称, 保证项目实施的制度、措施.)
  if (/[。；;！？!?]/.test(k) || (k.includes("、") && !isKnownLabel(k)) || text.trim().split("\n").length > 2) return false;
  // (The year a label opens with, 2021年金额 or 2020年实际执行数, is the year's column of a figure.)
  // (Not a name that opens with its year, 2023年云雾…建设项目: only a figure's column word follows the year.)
  const words = k.replace(/^(?:19|20)\d{2}年(?=(?:实际|预计|全年|年初)?(?:金额|预算数?|执行数|决算数|资金|支出数?|完成值|目标值|指标值)$)/, "");
  if (parseNumber(k) !== null || /^[\d.%,]+/.test(words)) return false;
  // Labels are words: at least two CJK characters, and no digit outside a parenthesis (目标1 is a value).
  if ((k.match(/[\u3400-\u9fff]/g) ?? []).length < 2) return false;
  return !/\d/.test(words.replace(/\([^)]*\)/g, ""));
}

/** Money by the level of government or the kind of source it comes from: 中央资金, 市级资金, 区级财政, 其他资金. */
const NUMBERED_SOURCE = /^(?:中央|省|市|区|县|区县|市县|本级|地方|上级|财政|自筹|单位自有|其他|社会)[^\d]{0,6}(?:资金|拨款|补助|财政)$/;
/**
 * A label of money that groups lines beside it (一般公共预算拨款 merged down over 小计 | 市本级 | 中央及自治区补助):
 * not a block's label, which declares its unit or names the block (项目资金(万元), 资金情况).
 */
export function isMoneyGroup(text: string): boolean {
  // (Nor the whole's, 资金总额及构成 over 总额 | 财政拨款:… | 其他:…: its lines name themselves.)
  return isMoneyLabel(text) && parseMoneyUnit(text) === null && !/情况$|来源$|总额|总计|合计|构成/.test(keyOf(text)) && !/^(?:项目资金|年度资金|资金)$/.test(keyOf(text));
}

/** A list's number opening a label, after 其中: if any: 1. 2、 (3) 四、. */
const LIST_NUMBER = /^(?:其中:)?(?:\d{1,2}[.、](?=[\u3400-\u9fff])|\(\d{1,2}\)|[一二三四五六七八九十]{1,2}、)/;

/**
 * A numbered item's label ending in a colon and its points (年度目标1:(80分)): a label, whatever
 * its number, the colon and the points saying a value follows.
 */
function isScoredItemLabel(text: string): boolean {
  const k = keyOf(text);
  return k.length <= MAX_LABEL_LENGTH && /^[\u3400-\u9fff]{2,}\d{0,2}:\(\d+(?:\.\d+)?分\)$/.test(k);
}

/** The label of a block of rows, printed in its merged first cell: words, perhaps a weight, no sentence. */
function isBlockLabel(text: string): boolean {
  const k = keyOf(text);
  return k.length >= 2 && k.length <= 24 && !/[。；;！？!?]/.test(k) && parseNumber(k) === null && (k.match(/[\u3400-\u9fff]/g) ?? []).length >= 2;
}

/** 项目编码：2023001 in one cell → label and value; null when the cell is not of that shape. */
export function splitColonCell(text: string): { label: string; value: string } | null {
  const m = text.match(/^\s*([^:：\n]{2,30}?)\s*[:：]\s*([\s\S]+)$/);
  if (!m) return null;
  // 二、自有资金：0万元: the enumerator of a list of such lines is no part of the label.
  const label = m[1]!.replace(ENUMERATOR, "");
  // 其中：财政资金 is a label of its own (a part of the amount above), not 其中 = 财政资金; with its amount
  // after a second colon (其中:一般公共预算:1325.68) that whole part is the label.
  if (/^其中$/.test(keyOf(label))) {
    const part = splitColonCell(m[2]!);
    if (!part || parseNumber(part.value) === null) return null;
    return { label: text.slice(0, text.lastIndexOf(part.value)).trim().replace(/\s*[:：]$/, ""), value: part.value };
  }
  if (!isLabelShaped(label)) return null;
  return { label, value: m[2]!.trim() };
}

/**
 * The pairs of a value that goes on with more label：value pairs glued to it
 * (联系电话:16607326331填报日期:单位负责人签字:, a caption line read as one
 * cell): at each colon outside brackets, the words before it that end as a
 * known label (填报日期) are the next pair's label, the rest the value before;
 * before a last colon with nothing after it, all of the words are a label
 * (单位负责人签字). Where a label cannot be told, the value stays whole.
 */
export function gluedPairs(pair: { label: string; value: string }): { label: string; value: string }[] {
  const parts: string[] = [];
  let depth = 0, from = 0;
  const v = pair.value;
  for (let i = 0; i < v.length; i++) {
    const ch = v[i]!;
    if (/[(（\[【]/.test(ch)) depth++;
    else if (/[)）\]】]/.test(ch)) depth = Math.max(0, depth - 1);
    else if (/[:：]/.test(ch) && depth === 0 && i > 0 && !/\d/.test(v[i - 1]!)) { parts.push(v.slice(from, i)); from = i + 1; }
  }
  if (parts.length === 0) return [pair];
  parts.push(v.slice(from));
  const out = [{ label: pair.label, value: "" }];
  for (let k = 0; k < parts.length - 1; k++) {
    const part = parts[k]!.trim();
    const lastEmpty = k === parts.length - 2 && parts[k + 1]!.trim() === "";
    let cut = -1;
    // (A whole word after a space that is a label is that label: 单位负责人, not its tail 负责人. Or a person's
    // label qualified by whose it is, 单位负责人, 财务联系人: a label of its own, never a value and the label's
    // tail; a name before such a tail, 宋云花联系电话, is a value and a label.)
    const qualified = part.match(QUALIFIED_PERSON_LABEL)?.[1];
    const word = labelWordAfterSpace(parts[k]!) ?? (qualified !== undefined && isWholeLabel(qualified) ? qualified : null);
    if (word) cut = part.length - word.length;
    // (Or the words after the value's last line break, the label of a line of its own: 资金总额: 250 ⏎ 三、其他:0.)
    const lineStart = part.lastIndexOf("\n") + 1;
    if (cut < 0 && lineStart > 0 && isLabelShaped(part.slice(lineStart).replace(ENUMERATOR, ""))) cut = lineStart;
    // (Or the words from the list's next number on, when a PDF's text lost the break: 250二、自有资金:0.)
    const numbered = part.search(/(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])[^、()（）]*$/);
    if (cut < 0 && numbered > 0 && isLabelShaped(part.slice(numbered).replace(ENUMERATOR, ""))) cut = numbered;
    for (let n = Math.min(GLUED_LABEL_MAX, part.length); n >= 2 && cut < 0; n--) if (factKeyOf(part.slice(part.length - n)) !== null) cut = part.length - n;
    if (cut < 0 && lastEmpty && isLabelShaped(part)) cut = 0;
    if (cut < 0) cut = labelAfterComma(part) ?? -1;
    if (cut < 0) return [pair];
    out[out.length - 1]!.value = part.slice(0, cut).trim().replace(/[,，;；]$/, "");
    out.push({ label: part.slice(cut).replace(ENUMERATOR, ""), value: "" });
  }
  out[out.length - 1]!.value = parts[parts.length - 1]!.trim();
  return out;
}
/**
 * Where a label starts after the last comma of a value run on into it, whatever its words (年初职工人数: 14 人,人员编制:
 * 9 人): the comma ends the value, a label's shape the rest. Null when no such label follows a comma.
 */
export function labelAfterComma(text: string): number | null {
  const comma = text.search(/[,，;；][^,，;；]+$/);
  return comma > 0 && isLabelShaped(text.slice(comma + 1)) ? comma + 1 : null;
}

/** Characters of a label glued after a value at most. */
const GLUED_LABEL_MAX = 12;

/** 二、, (三), 3. , ①: the number of an item in a list. */
export const ENUMERATOR = /^\s*(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|[①-⑳])\s*/;

/**
 * An amount with its parts in brackets after it, in one cell (财政拨款：6923.3552万元(其中:上级财政资金:6923.3552万元;
 * 本级财政:0万元)): the amount, then each part as a pair of its own, marked 其中 (a part of the amount before it).
 */
export function withBracketedParts<P extends { label: string; value: string }>(pair: P): P[] {
  const m = pair.value.match(MONEY_WITH_PARTS);
  if (!m?.[2]) return [pair];
  const parts = m[2]!.split(/[;；,，]/).map((p) => splitColonCell(p)).filter((p): p is { label: string; value: string } => p !== null);
  if (parts.length === 0) return [pair];
  return [{ ...pair, value: m[1]! }, ...parts.map((p) => ({ ...pair, label: `其中:${p.label}`, value: p.value }))];
}

/** An amount of money, perhaps with its parts in brackets after it: 0万元, 6923.3552万元(其中:上级财政资金:…;…). */
const MONEY_WITH_PARTS = /^([-\d,.]+\s*(?:万元|元))\s*(?:[(（]\s*其中\s*[:：]?\s*([^()（）]+)[)）])?$/;
export const isMoneyText = (text: string) => MONEY_WITH_PARTS.test(text.trim()) && /\d/.test(text);

/** Characters of the item a kind's name glues to itself with a colon at most (基本支出:人员类、公用经费等运转类支出). */
const MAX_ITEM_NAME = 30;
/** Characters of a description at least: sentences, with a full stop. */
const MIN_DESCRIPTION = 20;

/**
 * The row's cells as label/value pairs, or null when some cell is neither a
 * label nor the value of the label before it. `loose` (the form's header
 * block) accepts any label-shaped word as a label; otherwise a label must end
 * in a colon or be known to the vocabulary.
 */
export function labelValuePairs(cells: readonly RowCell[], loose: boolean): LabelValue[] | null {
  const out: LabelValue[] = [];
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    // A blank (or —) cell that follows no label is no part of a pair.
    if (isEmptyValue(c.text)) continue;
    // 基本支出:人员类、公用经费等运转类支出 | 保障部门本级及下属单位人员类…运转。, 项目支出1:文旅融合 | 组织…: a kind and
    // its item, beside the sentences that describe it (a list of tasks, 任务名称 | 主要内容): the whole cell is the label.
    const item = c.text.match(/^[^:：]{2,12}[:：]([^:：]+)$/)?.[1];
    const description = cells[i + 1];
    if (item && description && /。/.test(description.text) && Array.from(keyOf(description.text)).length >= MIN_DESCRIPTION
      && !/\d/.test(item) && Array.from(keyOf(item)).length <= MAX_ITEM_NAME) {
      out.push({ label: c.text, value: description.text.trim(), cell: c });
      i++;
      continue;
    }
    const glued = splitColonCell(c.text);
    if (glued) {
      // 二、自有资金:0 | 万元: an amount whose unit extracted text cut off into the next cell.
      const unit = cells[i + 1]?.text.trim();
      if (unit && /^(?:万元|元|亿元)$/.test(unit) && parseNumber(glued.value) !== null) {
        out.push({ ...glued, value: glued.value + unit, cell: c });
        i++;
        continue;
      }
      for (const p of gluedPairs(glued)) out.push({ ...p, cell: c });
      // 年度资金总额:50万 | 中央衔接推进乡村振兴补助资金50: words after a label that carries its value are more of that value.
      const more = cells[i + 1];
      const last = out[out.length - 1];
      // (So are more options of a value ticked or not, 评价类型:项目实施过程评价□ | 项目完成结果评价■.)
      const options = last && TICKED.test(last.value) && more !== undefined && TICKED.test(more.text);
      if (more && last && last.value && !isEmptyValue(more.text) && (options || !isLabelShaped(more.text)) && splitColonCell(more.text) === null) {
        last.value = `${last.value} ${more.text.trim()}`;
        i++;
      }
      continue;
    }
    // 项目立项情况 merged down over 项目立项的依据 | … and the rows under it: the label of a block of pairs.
    // (So is a label before a level's word, 部门整体支出年度绩效指标 | 产出指标 | 指标1…, where a scan lost the merge.)
    if (loose && i === 0 && ((c.rowSpan ?? 1) > 1 || level1Of(cells[1]?.text ?? "") !== null) && cells.length >= 3 && isLabelShaped(c.text)
      && isLabelShaped(cells[1]!.text) && factKeyOf(c.text) === null) continue;
    const labelLike = (isLabelShaped(c.text) && (loose || endsWithColon(c.text) || isKnownLabel(c.text))) || isScoredItemLabel(c.text);
    // 项目属性 | 1、常年性 | 2、延续性□ 3、一次性□ | 4、新增性□: a label's numbered options, cut into cells by the
    // gaps between them (extracted text), are one value.
    if (labelLike && OPTION.test(cells[i + 1]?.text.trim() ?? "") && OPTION.test(cells[i + 2]?.text.trim() ?? "")) {
      let j = i + 1;
      while (j < cells.length && OPTION.test(cells[j]!.text.trim())) j++;
      out.push({ label: c.text, value: cells.slice(i + 1, j).map((x) => x.text.trim()).join(" "), cell: c });
      i = j - 1;
      continue;
    }
    if (!labelLike) {
      // 项目资金\n预算执行\n10分 | 项目总预算 | 65: a block's label (with its weight) before the first pair.
      if (loose && i === 0 && isBlockLabel(c.text) && cells.length >= 3 && isLabelShaped(cells[1]!.text)) continue;
      return null;
    }
    let next = cells[i + 1];
    if (next && isEmptyValue(next.text)) {
      // Blank cells between a label and its value are the gaps of a split grid; a label
      // followed by blanks and then another label (or nothing) has its value left empty.
      let j = i + 1;
      while (j < cells.length && isEmptyValue(cells[j]!.text)) j++;
      const after = cells[j];
      // (An amount's label after an amount's label: 其他资金 | | 其他资金 | in two columns of pairs.)
      // (Or, in the header block, a label whose value ends the row: 联系电话 | | 项目起止时间 | 2021年度.)
      const afterIsLabel = after !== undefined && isLabelShaped(after.text) && (endsWithColon(after.text) || factKeyOf(after.text) !== null
        || headerField(after.text) !== null || (isMoneyLabel(c.text) && isMoneyLabel(after.text))
        || (loose && cells.slice(j + 1).filter((x) => !isEmptyValue(x.text)).length === 1)
        // (Or a label with its own value slot printed blank, in a row of pairs: 主管部门 | | 财政处室 | | 自评总分 | 97.6.)
        || (loose && cells[j + 1] !== undefined && isEmptyValue(cells[j + 1]!.text) && cells.slice(j + 2).some((x) => !isEmptyValue(x.text))));
      if (!after || afterIsLabel) {
        out.push({ label: c.text, value: next.text.trim(), cell: c });
        i = j - 1;
        continue;
      }
      i = j - 1;
      next = after;
    }
    // A cell that is itself a known label or column header is no value (部门职能 | 支出项目名称 | 预算金额（万元）).
    // (A value that opens by restating the end of its label is the value: 年度总体目标 | 目标:完成退耕还林政策任务….)
    const colonPair = next !== undefined ? splitColonCell(next.text) : null;
    const restates = colonPair !== null && keyOf(colonPair.label).length > 0 && keyOf(c.text).endsWith(keyOf(colonPair.label));
    // (Not text that only ends with a colon, 指标1…是15%:指标2…990元: — a list whose items end so.)
    const nextIsLabel = next !== undefined && !restates && ((endsWithColon(next.text) && isLabelShaped(next.text)) || colonPair !== null
      || (isLabelShaped(next.text) && (factKeyOf(next.text) !== null || headerField(next.text) !== null
        // 资金情况（万元） | 下达资金总额 | …: an amount's label under the block's label.
        || (isMoneyLabel(c.text) && isMoneyLabel(next.text)))));
    // 联系电话 | 项目起止时间 | 2021年度 in text that drops blank cells: a label, a gap of blank columns where its
    // value was left empty, then the pair that ends the row.
    const blankBetween = next !== undefined && c.col + c.colSpan < next.col;
    if (loose && next && blankBetween && i + 3 === cells.length && isLabelShaped(next.text) && !isLabelShaped(cells[i + 2]!.text)) {
      out.push({ label: c.text, value: "", cell: c });
      continue;
    }
    // The last two cells of a header-block row are a pair even when the value reads like a
    // header (财政资金预算分类 | 一般公共预算): nothing follows for it to label. Not when it is a
    // label of the header block itself (项目负责人 | 联系电话 in a blank template, 地方主管部门 |
    // 资金使用单位): then both values were left blank.
    const namesAField = next !== undefined && isLabelShaped(next.text) && factKeyOf(next.text) !== null && factKeyOf(c.text) !== null;
    if (next && (!nextIsLabel || (loose && i + 2 === cells.length && !namesAField && !endsWithColon(next.text) && splitColonCell(next.text) === null && !/\((万元|元|%|分)\)/.test(keyOf(next.text))))) {
      // 专项实施期 | 2022年3月-2022年 | 11月: the last cell of a header-block row, no label and no amount, is the
      // end of the value before it that extracted text cut at a column start.
      const tail = cells[i + 2];
      const cut = loose && i + 3 === cells.length && tail !== undefined && !isEmptyValue(tail.text) && !isLabelShaped(tail.text) &&
        parseNumber(tail.text) === null && parseNumber(next.text) === null && !isLabelShaped(next.text);
      out.push({ label: c.text, value: cut ? next.text + tail.text : next.text, cell: c });
      i += cut ? 2 : 1;
    } else if (endsWithColon(c.text) || factKeyOf(c.text)) {
      out.push({ label: c.text, value: "", cell: c });
    } else if (loose && next && i + 2 < cells.length && !isLabelShaped(cells[i + 2]!.text)) {
      // 项目资金 | 项目总预算 | 65: a group label, then its first pair.
      continue;
    } else if (loose && !next && out.length > 0 && (endsLikeLabel(c.text) || isSentence(out[out.length - 1]!.value)
      // (Or an amount's label ending a row of amounts' pairs, its value left blank: 资金总额 | 100 | 其中:财政拨款 | 100 | 其他资金.)
      || (isMoneyLabel(c.text) && out.some((p) => isMoneyLabel(p.label)))
      || (i > 0 && !isLabelShaped(out[out.length - 1]!.value) &&
      (isEmptyValue(cells[i - 1]!.text) || cells[i - 1]!.col + cells[i - 1]!.colSpan < c.col)))) {
      // (Or after a pair whose value is a sentence: 整体绩效目标完成情况 | 我部门按照…。 | 未能完成原因, its value under it.)
      // 主管部门 | 坝塘镇 | 主管部门编码: the last label of a row of pairs, its value left blank (and the blank
      // cell lost in extracted text); or any label after a pair whose value is no label's shape (a figure, a
      // sentence) and a blank column, printed or a gap in the columns (自评得分 | 98 | | 财政审核评分). (After a
      // pair of two labels, 项目立项情况 | 项目申报的可行性, the first is a block's label: the pairs follow it.)
      out.push({ label: c.text, value: "", cell: c });
    } else if (!(loose && next)) {
      // In the header block a word followed by a label is the label of a group
      // (资金情况 | 年度金额（万元）： | 397): the pairs follow it.
      return null;
    }
  }
  // (A range's word alone, 项目起止时间 | | 到 | , is what a form prints between two dates left blank: no value.)
  for (const p of out) if (RANGE_WORD_ALONE.test(p.value.trim())) p.value = "";
  return out.length > 0 ? out : null;
}

/** An option ending in its check box, ticked or not (项目完成结果评价■, 一次性□). */
const TICKED = /[□☑■√✓☐☒]\s*$/u;

/** A numbered option of a label, ticked or not, or a run of them: 1、常年性, 2、延续性□ 3、一次性□. */
const OPTION = /^(?:\d{1,2}[、.．]\s*[^\d\s、.．:：]{1,12}\s*[□☑■√✓]?\s*)+$/u;

/** The word or sign between a range's two ends, alone in a cell. */
const RANGE_WORD_ALONE = /^(?:到|至|~|～)$/;

/** 其中：财政拨款, 本年度项目金额（万元）, 项目总金额（中期规划，万元）: a label that names an amount. */
export function isMoneyLabel(label: string): boolean {
  const k = keyOf(label).replace(/\((万元|元)\)$/, "");
  // 基本支出, 项目支出: a kind of spending that ends the label is an amount too; so is a kind of income
  // (纳入财政专户管理的收入, 上年结余收入).
  // (省级财政安排, 本级安排: what a level of government allots; 其中:省级财政: a part of the money, a level's; 上年结转: money carried over.)
  // (市级配套, 银行贷款, 专项债, 一般债券: money a project draws on besides the budget's.)
  return (/金额|资金|预算|总额|投资|拨款|补助|经费|资金总额|自筹$|财政专户$|配套$|贷款$|专项债$|债券$/.test(k) || /支出$|收入$|(?:财政|本级|省级|市级|县级|中央|上级|地方)安排$|^其中:?(?:中央|省级?|市级?|县级?|区级?|市县级?|本级|上级|地方)财政$|^(?:上年|以前年度)?(?:结转|结余)(?:结余|结转)?$/.test(k)) && !/来源(?!资金)|性质|用途|方式|类型|名称|单位$|部门$|机构$|编码|代码|编号|科目/.test(k) &&
    // What is done with money (资金分配, 资金到位, 资金管理 — a scorecard's criteria, weighed in points) and
    // its rates and qualities (资金到位率, 资金使用合规性) are no amounts.
    !/资金(?:分配|到位|管理|使用|监管)|[率性]$/.test(k) &&
    // (Nor an evaluation's sample of the money, 抽查资金总数, nor a share, 资金抽查占比: an audit's figures, no line.)
    !/抽查|抽样|占比|比例|比重/.test(k);
}

/** Append one form_facts row, numbered in the order the form prints its pairs. */
export function addFact(form: Form, label: string, value: string, field: string | null, page: number | null, line: number | null): void {
  form.facts.push({ seq: form.facts.length + 1, label, value, field, page, line });
}

/** Tick boxes, ticked or not: a label printing them lists a field's options. */
export const TICK_BOXES = /[□■☐☑☒✓✔√]/;
/**
 * Record one printed pair on the form: as a fact always, in its field when
 * the label is known, as a funding line candidate when it is an amount.
 */
export function recordFact(form: Form, pair: { label: string; value: string }, page: number | null, line: number | null,
  apply: (form: Form, key: FactKey, value: string) => void, factFunding: FactFunding[], column = 0, underMoneyBlock = false, moneyGroup: string | null = null,
  block: string | null = null): void {
  const label = labelText(pair.label);
  const value = tidyCjkSpaces(pair.value);
  if (!label) return;
  // (单位:万元 is the unit the amounts are in, not the unit that filed the form.)
  const named = factKeyOf(label);
  const key = named === "agency" && isUnitAlone(value) ? "moneyUnit" : named;
  addFact(form, label, value, key ? fieldOfFactKey(key) : null, page, line);
  if (isGoalsHeader(label) && value) {
    // 年度目标 | 到2022年底，…: the form's goal, printed beside its label (and a fact like any pair).
    form.goals.push({ expected: value, actual: null });
    return;
  }
  // (盖章), (签字): the place of a seal, kept as printed but no value of the field.
  const seal = /^[(（]\s*(盖章|公章|签字|签章)\s*[)）]$/.test(value);
  // 一级项目名称 | 文化事业发展专项资金 … 二级项目名称 | 博物馆纪念馆市级免费开放补助资金: the budget system's
  // programme and the project under it; the form's targets are the 二级 project's.
  if (key === "projectName" && SUB_PROJECT.test(keyOf(label)) && value && !isEmptyValue(value)) form.projectName = null;
  if (key && value && !seal && !isEmptyValue(value)) apply(form, key, value);
  // 评价等级:良, 自评等级 | 优 among the header pairs: the form's grade, when the value is one.
  else if (isGradeLabel(label)) form.grade ??= parseGrade(value);
  else if (!key && !isKnownLabel(label) && !form.unrecognizedLabels.includes(label)) form.unrecognizedLabels.push(label);
  const amount = statedAmount(value);
  // An amount left blank or written out (参见附件1具体金额) is still a line of the funding block; and a value that is an
  // amount of money (其他：3683.3970万元) makes its label one, whatever its words.
  const moneyValue = amount !== null && /\d\s*(?:万元|元)$/.test(value);
  // (Never a label of tick boxes, 新增项目□延续项目√: the options of a field, which text that lost its rows may
  // print beside an amount of another line.)
  const moneyTotal = underMoneyBlock && /^(?:合计|总计)$/.test(keyOf(label));
  // (Nor is a bare 其他 with an amount, 三、其他:0 after 二、自有资金:0 under 项目资金申请(万元): the money's other source.)
  const otherMoney = underMoneyBlock && amount !== null && /^(?:其他|其它)$/.test(keyOf(label));
  // (小计 | 1800, 市本级 | 1800 beside 一般公共预算拨款 merged down over them: the group's lines, named by it.)
  // (Not 合计 or 总计: under a label merged down the whole block, 资金金额 beside 总计 | 24.998, the block's total.)
  const inGroup = moneyGroup !== null && !isMoneyLabel(label) && !/^(?:合计|总计)$/.test(keyOf(label)) && (amount !== null || !value);
  if ((isMoneyLabel(label) || moneyValue || moneyTotal || otherMoney || inGroup) && !TICK_BOXES.test(label) && (amount !== null || !value || value.length <= 20)) {
    // The unit in the label (金额（万元）) or printed after the amount (10000万元).
    form.moneyUnit ??= parseMoneyUnit(label) ?? (amount !== null ? value.match(/\d\s*(万元|元)$/)?.[1] as "万元" | "元" | undefined ?? null : null);
    const source = (inGroup ? `${labelText(moneyGroup)}${label}` : label).replace(/^其中[:：]?/, "");
    const sameColumn = factFunding.filter((f) => f.column === column);
    // The first amount of a column of pairs is its total, unless its label names one
    // source among others (该项目支出上级资金 beside 年度本级预算金额) rather than the whole.
    const named = sourceKindOf(source);
    // (Nor, after the first amount, a label that names one source, whichever column its pair stands in:
    // 项目总投资 | 20万元 | 中央补助安排 | 0 | 省级财政安排 | 0 | 其他来源资金 | 20万元.)
    const namesOne = named !== "total" && (named !== "other" || namesOtherMoney(source)) && !/总|合计/.test(label);
    const part = /^其中/.test(label) || (sameColumn.length > 0 && !/总|合计/.test(label)) || (namesOne && (named === "superior" || factFunding.length > 0));
    // (A subtotal, (一)财政拨款小计, totals one source's lines, never the whole column's.)
    const kind = part || /小计/.test(label) ? named : "total";
    const l = fundingLine(factFunding.length + 1, source, kind, amount, value || null, null, null);
    l.page = page;
    l.line = line;
    // (A column's block label is its first row's: the rows under it print it merged down, once.)
    const columnBlock = block ?? factFunding.find((f) => f.column === column && f.block !== undefined)?.block;
    factFunding.push({ line: l, column, ...(columnBlock ? { block: columnBlock } : {}) });
  }
}

/**
 * The amount a value states: a figure (10000万元), or, among words, the one figure they all
 * repeat (50万 中央衔接推进乡村振兴补助资金50: the fund's name printed with its amount).
 */
export function statedAmount(value: string): number | null {
  const figure = parseNumber(value);
  if (figure !== null || !value) return figure;
  // 854万(高标准农田建设400万元,示范建设295万元,畅通工程159万元): an amount, then what it is made of; printed twice run
  // together too (854万854万(…)).
  // (Not the tail of another cell's text that an extraction wrapped into this one: 万元,畅通工程159万元) — it closes
  // a bracket it never opened.)
  const opened = (value.match(/[(（]/g) ?? []).length;
  const closed = (value.match(/[)）]/g) ?? []).length;
  if (closed > opened || /^\s*(?:万元|元)/.test(value)) return null;
  const itemised = value.match(/^\s*(\d+(?:\.\d+)?)\s*(?:万元|元|万)?\s*(?:\1\s*(?:万元|元|万)?\s*)?[(（]/);
  if (itemised) return Number(itemised[1]);
  // (Only figures of money: with its unit, or ending the text; not a target's ≥101 人/次.)
  const figures = [...value.matchAll(/(?<![\d.<>=≥≤])(\d+(?:\.\d+)?)\s*(?:万元|元|万|$)/g)].map((m) => Number(m[1]));
  return figures.length > 0 && figures.every((f) => f === figures[0]) ? figures[0]! : null;
}

/** The label of a project under a programme (二级项目名称). */
const SUB_PROJECT = /^二级项目/;

/**
 * `extra` key marking a funding line of the whole-project or medium-term column
 * of a target form (its value: that column's total as printed).
 */
export const WHOLE_TERM_KEY = "所属总额";

/** An amount printed as label：value, with the column of pairs it sits in (项目总额 | … | 当年金额 | …). */
export interface FactFunding {
  line: FundingLine;
  column: number;
  /** The label of the block its column of pairs stands under (资金使用情况(万元)), when the row prints one. */
  block?: string;
}

/**
 * The funding of a form that prints its amounts as label：value pairs. Where
 * two columns of pairs stand side by side, one for the year (当年, 本年度) and
 * one for the whole project or medium term, the year's column is the funding
 * block; the other column's lines are kept too, marked in `extra` as parts of
 * the whole-project (medium-term) total that the year's amount may not exceed.
 */
export function fundingFromFacts(facts: FactFunding[]): FundingLine[] {
  const columns = [...new Set(facts.map((f) => f.column))];
  if (columns.length < 2) return facts.map((f) => f.line);
  const spent = spentBeside(facts, columns);
  if (spent) return spent;
  const first = (c: number) => facts.find((f) => f.column === c)!.line;
  const year = columns.find((c) => /当年|本年|年度/.test(keyOf(first(c).source)));
  // The other column must name a whole: 项目总额, 中期资金总额, 实施期…; a column of another
  // source beside the year's amount (该项目支出上级资金 | 0) is a part, not the whole project.
  const whole = (c: number) => c !== year && /总|中期|实施期|全部|累计/.test(keyOf(first(c).source));
  if (year === undefined || !columns.some(whole)) return facts.map((f) => f.line);
  // The other columns' lines stay, each marked with the total it belongs to, so the
  // year's identities are checked over the year's column only.
  const others = facts.filter((f) => whole(f.column)).map((f) => ({ ...f.line, extra: { ...f.line.extra, [WHOLE_TERM_KEY]: first(f.column).source } }));
  const lines = [...others, ...facts.filter((f) => !whole(f.column)).map((f) => f.line)];
  return lines.map((l, i) => ({ ...l, seq: i + 1 }));
}

/**
 * 资金情况(万元) | 年度金额 208 · 中央财政 165 · 省级财政 43 beside 资金使用情况(万元) | 合计 109.8 · 中央财政 84.5 · 省级财政
 * 25.3: the second column of pairs, under a block that names what was spent (使用, 支出, 执行), lists the same lines in
 * the same order, its first the whole: each line's budget and execution, one line each.
 */
function spentBeside(facts: readonly FactFunding[], columns: readonly number[]): FundingLine[] | null {
  if (columns.length !== 2) return null;
  const [budgets, spent] = columns.map((c) => facts.filter((f) => f.column === c)) as [FactFunding[], FactFunding[]];
  if (!spent[0]?.block || !/使用|支出|执行/.test(keyOf(spent[0].block)) || budgets.length !== spent.length || budgets.length < 2) return null;
  const same = budgets.every((f, i) => i === 0 || keyOf(f.line.source) === keyOf(spent[i]!.line.source));
  if (!same) return null;
  return budgets.map((f, i) => ({ ...f.line, seq: i + 1, executed: spent[i]!.line.budget, executedText: spent[i]!.line.budgetText }));
}

/** The form column a fact key fills (form_facts.field), or null for keys with no column. */
function fieldOfFactKey(key: FactKey): string | null {
  switch (key) {
    case "projectName": return "project_name";
    case "projectCode": return "project_code";
    case "supervisor": return "supervisor";
    case "implementer": return "implementer";
    case "agency": return "agency";
    case "fillDate": return "fill_date";
    case "moneyUnit": return "money_unit";
    case "fiscalYear": return "fiscal_year";
    case "asOfMonth": return "as_of_month";
    case "totalScore": return "total_score";
    default: return null;
  }
}
