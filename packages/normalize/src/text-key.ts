/**
 * A comparison key for labels: the same header printed as 总 分, 总分, 自评 结论,
 * 全年预算数（A）or 全年预算数(A) must compare equal. Raw text is never replaced
 * by its key; the key is only used to match.
 */
const FULL_TO_HALF: Record<string, string> = {
  "（": "(", "）": ")", "：": ":", "，": ",", "；": ";", "【": "[", "】": "]",
  "［": "[", "］": "]", "＜": "<", "＞": ">", "＝": "=", "％": "%", "．": ".",
  "〔": "[", "〕": "]", "﹙": "(", "﹚": ")", "“": "\"", "”": "\"",
};

/** ０–９ as 0–9. */
const halfWidthDigits = (s: string): string => s.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

export function foldPunctuation(s: string): string {
  return halfWidthDigits(s.replace(/[（）：，；【】［］＜＞＝％．〔〕﹙﹚“”]/g, (c) => FULL_TO_HALF[c] ?? c));
}

/**
 * Digits typed full-width (２０２１年, １００００万元, ９５．５％) as plain digits, with the
 * decimal point and percent sign written between or after them: the same
 * numbers for every step that reads them. Other full-width punctuation (，：)
 * is the text's own and stays.
 */
export function foldWideDigits(s: string): string {
  if (!/[\uFF10-\uFF19]/.test(s)) return s;
  return halfWidthDigits(s).replace(/(?<=\d)．(?=\d)/g, ".").replace(/(?<=\d)％/g, "%");
}

/** Keys already made: the same labels and headers are matched many times per form. */
const keys = new Map<string, string>();
/** Entries kept before the cache starts afresh (a bound on memory over a long run, not a tuning knob). */
const MAX_CACHED_KEYS = 20_000;

/** Space-free, half-width form for matching. */
export function keyOf(s: string | null | undefined): string {
  if (!s) return "";
  let key = keys.get(s);
  if (key === undefined) {
    key = foldPunctuation(s).replace(/[\s\u3000]+/g, "");
    if (keys.size >= MAX_CACHED_KEYS) keys.clear();
    keys.set(s, key);
  }
  return key;
}

/**
 * Collapse the spaces a PDF text layer puts inside CJK words (总 分 → 总分), and the line breaks a narrow cell
 * wraps them at (新建高校 / (校区), 维修(维护 / )所需成本); keep them between Latin words.
 */
export function tidyCjkSpaces(s: string): string {
  return s
    .replace(/([\u3400-\u9FFF\uF900-\uFAFF（）：，；、。“”])\s+(?=[\u3400-\u9FFF\uF900-\uFAFF（）：，；、。“”])/g, "$1")
    // (Only a line break: a space there may part two cells a text layer printed on one line, 填报单位(盖章) 单位负责人.)
    .replace(/(?<=[\u3400-\u9FFF\uF900-\uFAFF])[ \t]*\n\s*(?=[()])|(?<=[()])[ \t]*\n\s*(?=[\u3400-\u9FFF\uF900-\uFAFF])/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** A label printed with its colon and nothing after it (年度资金总额:, 已实施情况：). */
export const endsWithColon = (text: string): boolean => /[:：]\s*$/.test(text);
