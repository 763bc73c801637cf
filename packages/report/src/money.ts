/** Money written in indicator texts (≤1018.55万元, 不超过20万, 628084元), and which indicators are cost indicators. */
import { keyOf, parseValue, type Indicator, type MoneyUnit } from "@jixiao/normalize";

const COST = /成本/;

/** 成本指标 (一级 or 二级), or an indicator whose target is an amount of money. */
export function isCostIndicator(ind: Indicator): boolean {
  if (COST.test(keyOf(ind.level1)) || COST.test(keyOf(ind.level2))) return true;
  return moneyValue(ind.adjustedTargetText ?? ind.targetText) !== null;
}

/** An amount of money printed in a text, with its unit (万 alone is 万元); null when the text names no money. */
export function moneyValue(text: string | null | undefined): { value: number; unit: MoneyUnit; decimals: number } | null {
  const parsed = parseValue(text);
  const unit = parsed.unit === "万" || parsed.unit === "万元" ? "万元" : parsed.unit === "元" ? "元" : null;
  if (parsed.value === null || unit === null) return null;
  const m = keyOf(text).replace(/,/g, "").match(/\d+(?:\.(\d+))?/);
  return { value: parsed.value, unit, decimals: m?.[1]?.length ?? 0 };
}
