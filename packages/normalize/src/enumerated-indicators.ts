/**
 * Indicators printed as a numbered list in one cell beside their level-1 word.
 * 湖南's county 部门整体支出绩效目标申报表 of 2017 prints no indicator grid:
 *
 *   产出指标 | 指标1部门重点支出占部门整体支出的比例是15%: 指标2(政府采购执行率)100% …
 *   效益指标 | 指标1(经济效益):预计收费4000元 指标2(社会效益):工程建设有新亮点 …
 *
 * The header block reads such a row as a fact (kept as printed); a form with no
 * indicator rows also reads each numbered item as an indicator of that level:
 * its name, and the value it is to reach.
 */
import type { Form, FormFact, Indicator } from "./model.ts";
import { parseValue } from "./values.ts";
import { level1Of, splitDeclaredWeight } from "./vocab.ts";

/** Where an item of the list starts: 指标1, 指标 2:, (3), 4、 at the cell's start or after a separator. */
const ITEM_START = /指标\s*\d{1,2}\s*[:：.、]?|(?:^|(?<=[;；。:：\s]))(?:[(（]\d{1,2}[)）]|\d{1,2}[、.](?!\d))/g;

/** A value to reach at the end of an item: ≥95%, 990元, 100 %, 4000人次. */
const TRAILING_VALUE = /^(.*?[^\d.,\s])\s*((?:[≥≤<>=]|不低于|不高于|不少于|不超过)?\s*\d[\d.,]*\s*(?:%|[^\d\s;；,，。:：]{1,3})?)$/;

export function indicatorsFromEnumeratedFacts(form: Form): void {
  if (form.indicators.length) return;
  for (const fact of form.facts) {
    if (!level1Of(fact.label)) continue;
    const level = splitDeclaredWeight(fact.label);
    for (const item of enumeratedItems(fact.value)) {
      form.indicators.push(indicatorOf(form, fact, level.name.replace(/\s+/g, ""), level.weight, item));
    }
  }
}

/** The list's items; none when the cell is not a numbered list. */
export function enumeratedItems(value: string): { name: string; target: string | null }[] {
  const starts = [...value.matchAll(ITEM_START)];
  if (!starts.length) return [];
  const items: { name: string; target: string | null }[] = [];
  starts.forEach((m, i) => {
    const body = value.slice(m.index! + m[0].length, i + 1 < starts.length ? starts[i + 1]!.index : value.length);
    const item = splitItem(body.replace(/[…]+|\.{3,}/g, "").replace(/^[\s:：;；,，]+|[\s:：;；,，。]+$/g, ""));
    if (item) items.push(item);
  });
  return items;
}

/** (name):value, name:value, name是value / name为value, or a name ending in its value. */
function splitItem(text: string): { name: string; target: string | null } | null {
  if (!text) return null;
  const bracketed = /^[(（]([^()（）]{1,60})[)）]\s*[:：]?\s*(.*)$/.exec(text);
  if (bracketed) return { name: bracketed[1]!.trim(), target: bracketed[2]!.trim() || null };
  const colon = /^([^:：]{1,60}?)\s*[:：]\s*(.+)$/.exec(text);
  if (colon) return { name: colon[1]!, target: colon[2]! };
  const stated = /^(.+)(?:是|为|达到|达)\s*((?:[≥≤<>=]\s*)?\d.*)$/.exec(text);
  if (stated) return { name: stated[1]!.trim(), target: stated[2]!.trim() };
  const trailing = TRAILING_VALUE.exec(text);
  if (trailing) return { name: trailing[1]!.trim(), target: trailing[2]!.trim() };
  return { name: text, target: null };
}

function indicatorOf(form: Form, fact: FormFact, level1: string, level1Weight: number | null, item: { name: string; target: string | null }): Indicator {
  const tv = parseValue(item.target);
  return {
    seq: form.indicators.length + 1,
    level1,
    level1Weight,
    level2: null,
    level2Weight: null,
    name: item.name,
    targetText: item.target,
    adjustedTargetText: null,
    actualText: null,
    comparator: tv.comparator ?? (item.target ? "qualitative" : null),
    targetValue: tv.value,
    targetValueMax: tv.valueMax,
    actualValue: null,
    unit: tv.unit,
    valueType: null,
    weight: null,
    score: null,
    reason: null,
    scoringRule: null,
    description: null,
    actualToDateText: null,
    forecastText: null,
    likelihood: null,
    deviationCause: null,
    extra: {},
    ocrConfidence: null,
    page: fact.page,
    line: fact.line,
  };
}
