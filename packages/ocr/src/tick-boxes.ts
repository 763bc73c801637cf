/**
 * The empty tick box of a choice list (项目属性: 新增项目□ 延续项目□, 1、持续性项目 □
 * 2、新增性项目 □) is drawn as the character 口 is, and the recogniser reads it
 * so, □ at most a faint runner-up (湖北 2019 监控表, 200 dpi: 口 0.89, □ 0.05).
 * A 口 that sits where an option ends or starts, in a line that is a list of
 * options, is the box: the line holds two boxes or ticks (口, □, √, ☑) or two
 * numbered options (1、… 2、…), and the 口 stands at the line's start or end,
 * before the next option's number or before another box or tick, or before
 * an option with a box of its own after it (口新增口延续). A 口 that ends a word
 * (人口, 出口, 窗口 …) stays the character.
 */
import type { TextBox } from "./text-box.ts";

const BOX = "□";
/** Marks a choice list puts beside its options. */
const MARK = /[口□√☑■]/;
/** An option's number: 1、 2. 3． */
const OPTION_NUMBER = /\d+[、.．]/g;
/** Where an option ends or starts: a mark or an option's number. */
const BOUNDARY = /[口□√☑■]|\d+[、.．]/g;
/** Characters that make a word with a 口 after them (人口, 出口, 进口, 港口, 窗口, 入口, 路口, 户口, 接口, 缺口, 关口, 河口, 闸口, 端口, 借口, 胸口, 门口). */
const WORD_BEFORE = new Set([..."人出进港窗入路渠户接缺关河闸端借胸门海江道洞隘岔"]);
/** Characters that make a word with a 口 before them (口径, 口腔, 口岸, 口号 …). */
const WORD_AFTER = new Set([..."径腔岸号罩碑头述语令感味气粮"]);
/** Characters of an option, at most, between two boxes (口新增口延续). */
const MAX_OPTION = 12;

export function readTickBoxes(box: TextBox): TextBox {
  const texts = box.chars.map((c) => c.text);
  const text = texts.join("");
  if (!text.includes("口")) return box;
  const marks = [...text].filter((ch) => MARK.test(ch)).length;
  const numbered = text.match(OPTION_NUMBER)?.length ?? 0;
  if (marks < 2 && numbered < 2) return box;
  const chars = box.chars.map((c, i) => (c.text === "口" && isBoxAt(texts, i) ? { ...c, text: BOX } : c));
  if (chars.every((c, i) => c === box.chars[i])) return box;
  return { ...box, text: chars.map((c) => c.text).join(""), chars };
}

const boundaries = (text: string) => [...text.matchAll(BOUNDARY)];

function isBoxAt(chars: readonly string[], i: number): boolean {
  const before = chars[i - 1];
  const afterChar = chars[i + 1];
  if ((before !== undefined && WORD_BEFORE.has(before)) || (afterChar !== undefined && WORD_AFTER.has(afterChar))) return false;
  const after = chars.slice(i + 1).join("");
  const next = boundaries(after)[0]?.index;
  // At the line's end, or right before the next option's number or mark.
  if (after === "" || (next !== undefined && after.slice(0, next).trim() === "")) return true;
  // Between two option boundaries (a mark, a number, the line's start or end) close on either side:
  // 新增项目口延续项目口, 口新增口延续.
  const toNext = next ?? after.length;
  const head = chars.slice(0, i).join("");
  const lastMark = Math.max(...boundaries(head).map((m) => m.index! + m[0].length), 0);
  return toNext <= MAX_OPTION && head.length - lastMark <= MAX_OPTION;
}
