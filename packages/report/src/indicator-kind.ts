/**
 * Indicator kinds: quantitative (≥, ≤, =, with numbers on both sides and units
 * that match) or qualitative (达成预期指标, 部分达成预期指标并具有一定效果,
 * 未达成预期指标, 有效保障, 成效明显 …). The formula and band rules use them.
 */
import { keyOf, parseValue, type Comparator, type Indicator } from "@jixiao/normalize";

export type Direction = "positive" | "negative" | "equal";

export interface Quantitative {
  kind: "quantitative";
  direction: Direction;
  comparator: Exclude<Comparator, "qualitative">;
  target: number;
  targetMax: number | null;
  actual: number;
  unit: string | null;
  /** The comparator was not printed: a bare cost target (25.50万元), or one of an indicator named lower-is-better (预算调整率 3%), is read as a ceiling. */
  impliedCeiling: boolean;
}

export type Rating = "achieved" | "partial" | "unmet";

export interface Qualitative {
  kind: "qualitative";
  /** What the achieved text says, or 'achieved' implied by an actual equal to its target. */
  rating: Rating | null;
  ratingImplied: boolean;
}

export type IndicatorKind = Quantitative | Qualitative | { kind: "unknown" };

const RATING_WORDS: [RegExp, Rating][] = [
  [/未达成预期|未达到预期|未完成预期/, "unmet"],
  [/部分达成预期|部分达到预期|部分完成/, "partial"],
  [/达成预期|达到预期|完成预期/, "achieved"],
];

/** Rating words printed in the achieved value (or a 完成情况 cell). */
export function ratingOf(text: string | null): Rating | null {
  const k = keyOf(text);
  for (const [re, rating] of RATING_WORDS) if (re.test(k)) return rating;
  return null;
}

const COST_LEVEL2 = /成本/;
/**
 * Indicators whose name says lower is better (the common department indicators 预算调整率, 结转结余率,
 * 公用经费控制率, 财政供养人员控制率 …; 差错率, 投诉率): a bare target (3%, 100%) is their ceiling.
 */
const CEILING_NAME = /(?:调整率|结转结余率|结余率|控制率|超支率|差错率|事故率|投诉率|违规率|偏差率|损失率)$/;
const MONEY_UNITS = new Set(["万元", "元", "亿元"]);

/** Units as written on each side: 人(次) and 人次 are the same unit. */
function sameUnit(a: string | null, b: string | null): boolean {
  if (!a || !b) return true;
  const k = (u: string) => keyOf(u).replace(/[()]/g, "");
  return k(a) === k(b);
}

function printsComparator(text: string | null): boolean {
  return /^[\s]*(?:[≥≤<>=＝⩾⩽≧≦]|大于|小于|不少于|不低于|不超过|不高于|不大于|不多于|至少|控制在|低于|高于|多于|少于|等于)|以上|以下|以内/.test(text ?? "");
}

/** Several rules ask for the same indicator's kind: parse its texts once. */
const kinds = new WeakMap<Indicator, IndicatorKind>();

export function indicatorKind(ind: Indicator): IndicatorKind {
  let kind = kinds.get(ind);
  if (!kind) kinds.set(ind, (kind = classify(ind)));
  return kind;
}

function classify(ind: Indicator): IndicatorKind {
  const rating = ratingOf(ind.actualText);
  const targetText = ind.adjustedTargetText ?? ind.targetText;
  if (ind.comparator && ind.comparator !== "qualitative" && rating === null) {
    const target = parseValue(targetText);
    const actual = parseValue(ind.actualText);
    const targetValue = target.value ?? ind.targetValue;
    const actualValue = actual.value ?? ind.actualValue;
    if (targetValue !== null && actualValue !== null && sameUnit(target.unit ?? ind.unit, actual.unit)) {
      const unit = target.unit ?? ind.unit;
      const impliedCeiling = !printsComparator(targetText)
        && (COST_LEVEL2.test(ind.level2 ?? "") || MONEY_UNITS.has(unit ?? "") || CEILING_NAME.test(keyOf(ind.name)));
      const comparator = impliedCeiling ? "<=" : ind.comparator;
      const direction: Direction = comparator === ">=" || comparator === ">" ? "positive" : comparator === "=" ? "equal" : "negative";
      return {
        kind: "quantitative",
        direction,
        comparator,
        target: targetValue,
        targetMax: target.valueMax ?? ind.targetValueMax,
        actual: actualValue,
        unit,
        impliedCeiling,
      };
    }
    return { kind: "unknown" };
  }
  if (ind.comparator === "qualitative" || rating !== null) {
    if (rating !== null) return { kind: "qualitative", rating, ratingImplied: false };
    const same = !!ind.actualText && keyOf(ind.actualText) === keyOf(targetText);
    return { kind: "qualitative", rating: same ? "achieved" : null, ratingImplied: same };
  }
  return { kind: "unknown" };
}

/** Was a quantitative target missed? (≥ 90 with 85, ≤ 15 with 16, = 12 with 11) */
export function targetMissed(q: Quantitative): boolean {
  if (q.targetMax !== null) return q.actual < q.target || q.actual > q.targetMax;
  switch (q.comparator) {
    case ">=":
      return q.actual < q.target;
    case ">":
      return q.actual <= q.target;
    case "<=":
      return q.actual > q.target;
    case "<":
      return q.actual >= q.target;
    case "=":
      return q.actual < q.target;
  }
}
