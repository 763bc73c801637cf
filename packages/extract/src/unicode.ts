/**
 * Character clean-up every extractor applies to cell and line text.
 *
 * PDF producers emit Kangxi radicals (U+2F00–2FD5: ⽬ for 目), CJK radicals
 * supplement forms, CJK compatibility ideographs and full-width digits/letters.
 * They look right on screen but break every string comparison, so they are
 * mapped to their unified forms. Full-width punctuation （，：） is kept as
 * printed: it is meaningful text, and header matching folds it separately.
 */

/** CJK Radicals Supplement characters that NFKC leaves alone but readers mean as the ideograph. */
const RADICAL_SUPPLEMENT: Record<string, string> = {
  "\u2E8C": "小", "\u2E8D": "小", "\u2E95": "彐", "\u2E9C": "日", "\u2EA0": "民",
  "\u2EA4": "爪", "\u2EA5": "爫", "\u2EA7": "牛", "\u2EA8": "犭", "\u2EAB": "罒",
  "\u2EAE": "竹", "\u2EB3": "网", "\u2EB6": "羊", "\u2EB7": "羊", "\u2EBB": "聿",
  "\u2EC4": "西", "\u2EC5": "见", "\u2EC6": "角", "\u2EC8": "讠", "\u2EC9": "贝", "\u2ECA": "足", "\u2ECB": "车",
  "\u2ECC": "辶", "\u2ECD": "辶", "\u2ED1": "长", "\u2ED2": "长", "\u2ED3": "长", "\u2ED4": "门",
  "\u2ED6": "阝", "\u2ED7": "雨", "\u2ED8": "青", "\u2ED9": "韦", "\u2EDA": "页", "\u2EDB": "风", "\u2EDC": "飞", "\u2EDD": "食",
  "\u2EDF": "食", "\u2EE0": "饣", "\u2EE2": "马", "\u2EE3": "骨", "\u2EE4": "鬼",
  "\u2EE5": "鱼", "\u2EE6": "鸟", "\u2EE8": "麦", "\u2EE9": "黄", "\u2EEA": "黾", "\u2EEB": "斉",
  "\u2EEC": "齐", "\u2EEE": "齿", "\u2EF0": "龙", "\u2EF2": "亀", "\u2EF3": "龟",
};

// Kangxi radicals, CJK compatibility ideographs (and supplement), full-width
// ASCII letters/digits/%/./+/-, ideographic space, and the radicals supplement.
const NEEDS_FOLDING = /[\u2E80-\u2EFF\u2F00-\u2FDF\u3000\uF900-\uFAFF\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF05\uFF0B\uFF0D\uFF0E\uFF1C-\uFF1E]|[\u{2F800}-\u{2FA1F}]/gu;

export function foldCompatibilityCharacters(text: string): string {
  return text.replace(NEEDS_FOLDING, (ch) => RADICAL_SUPPLEMENT[ch] ?? ch.normalize("NFKC"));
}
