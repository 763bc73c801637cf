/**
 * How well a cell's text fits a column's meaning: the scores the row aligner
 * maximises. Positive = a good fit, FORBIDDEN or below = never.
 */
import type { Field } from "./vocab.ts";
import { level1Of, level2Of, hasDeclaredWeight, headerField, sourceKindOf } from "./vocab.ts";
import { isScoreLike, isPercentText, isValueTypeText, parseNumber, parseValue, parseMoneyUnit } from "./values.ts";
import { keyOf } from "./text-key.ts";

const NEVER = -100;
/** A cell that is only a declared weight: (20分), (10), 15分. */
const ONLY_WEIGHT = /^\(\d+(?:\.\d+)?分?\)$|^\d+(?:\.\d+)?分$/;
/** Characters beyond which a cell reads as an explanation rather than an indicator's name. */
const LONG_TEXT = 40;
const NAME_BONUS = 2;
/** How a unit of measure starts: 人次, 万元, 平方米, 亿人民币, %, 个/户. */
const UNIT_START = /^(%|‰|[个人次件户家所项座台套辆天日时分秒周月年元万亿千百吨公里米亩顷平立方克斤只头批场期篇份册本张条宗名间处棵株艘架部枚])/;
/** Words a qualitative target is printed as: a direction or a state, short. */
const QUALITATIVE_TARGET = /^(?:减少?|降低|下降|提高|提升|增加|增长|上升|不变|持平|稳定|良好|优良|达标|合格|满意|完成|是|否|有|无)$/;
/** A cell under a column of its own that no field names: better than unassigned, worse than any real fit. */
const EXTRA_FIT = 0.5;
/** Weights and scores are points out of 100. */
const MAX_ITEM_POINTS = 100;

const AMOUNT_FIELDS = new Set<Field>([
  "declaredBudget", "initialBudget", "budget", "executed", "balance",
  "incomeFiscal", "incomeFund", "incomeSpecial", "incomeOther", "basicSpending", "projectSpending",
  "executedToDate", "forecastExecuted",
]);

export function fit(field: Field, text: string): number {
  const value = parseNumber(text);
  const isNum = value !== null;
  // An amount and a score fit their columns equally well, so position decides
  // between 全年执行数 and 分值 on a funding line whose dashes were dropped.
  if (AMOUNT_FIELDS.has(field)) return !isNum ? NEVER : /分$/.test(keyOf(text)) ? -5 : 3;
  switch (field) {
    case "weight":
    case "level1Weight":
    case "level2Weight":
    case "score":
      if (!isScoreLike(text)) return NEVER;
      // Points are never below nothing: a negative number is a target (结转结余变动率 -0.3), not a
      // weight; a score below nothing is rare (a deduction printed with its sign), so a poor fit.
      if (value! < 0) return field === "score" ? -2 : NEVER;
      // No single item weighs more than the whole form's 100 points.
      return value! > MAX_ITEM_POINTS ? -5 : 3;
    case "rate":
      return isPercentText(text) ? 3 : isNum ? 1 : NEVER;
    case "level1": {
      if (isNum) return NEVER;
      // (20分): a level whose name the template left out, printing only its weight.
      if (ONLY_WEIGHT.test(keyOf(text))) return 1;
      if (level1Of(text)) return 5 + (hasDeclaredWeight(text) ? 1 : 0);
      return hasDeclaredWeight(text) ? 0 : -3;
    }
    case "level2": {
      if (isNum) return NEVER;
      if (ONLY_WEIGHT.test(keyOf(text))) return 1;
      if (level2Of(text)) return 5;
      if (level1Of(text)) return -4;
      return hasDeclaredWeight(text) || isLevelShaped(text) ? 2 : -1.5;
    }
    case "name": {
      // Every indicator row has a name: filling the column is worth NAME_BONUS.
      if (isNum || ONLY_WEIGHT.test(keyOf(text))) return -6;
      // 95%, ≥12个: a value, not an indicator's name.
      const v = parseValue(text);
      if (v.value !== null && keyOf(text).length <= 8) return -4 + NAME_BONUS;
      // 社会公众满意度 (6分): an indicator printing its own weight.
      if (/\(\d+(\.\d+)?分\)$/.test(keyOf(text)) && !level1Of(text)) return 4 + NAME_BONUS;
      if (level1Of(text) || level2Of(text) || isLevelShaped(text)) return -0.5 + NAME_BONUS;
      // Names are short; a long explanatory text belongs in 指标内容/评分标准.
      return (keyOf(text).length > LONG_TEXT ? -2 : 1) + NAME_BONUS;
    }
    case "likelihood":
      return /确定能|有可能|完全不可能|能|不能/.test(keyOf(text)) ? 4 : isNum ? -4 : 0;
    case "deviationCause":
      return isNum ? -2 : 0;
    case "target":
    case "adjustedTarget":
    case "actualToDate":
    case "forecast":
    case "actual": {
      const v = parseValue(text);
      return v.value !== null || (v.comparator !== null && v.comparator !== "qualitative") ? 1.5 : 0.5;
    }
    case "valueType":
      return isValueTypeText(text) ? 5 : -8;
    case "unit": {
      if (isNum) return -3;
      // 人次, 亿人民币, %: a measure word fits; a short phrase (按月安排) fits the value beside it better.
      const k = keyOf(text);
      if (k.length > 6) return -3;
      // (减少, 提高, 达标: a qualitative target's word, never a unit of measure.)
      if (QUALITATIVE_TARGET.test(k)) return -1;
      return UNIT_START.test(k) ? 2 : k.length <= 3 ? 1 : 0.25;
    }
    case "description":
    case "scoringRule":
      return isNum ? -2 : keyOf(text).length > 20 ? 1 : 0;
    case "reason":
    case "remark":
    case "goal":
    case "goalActual":
    case "direction":
      return isNum ? -2 : 0;
    case "label":
      return /^绩效指标$/.test(keyOf(text)) ? 3 : -6;
    case "extra":
      // Any cell may sit under a column no field names; a canonical column it fits wins.
      return EXTRA_FIT;
    case "fundLabel":
      if (isNum) return NEVER;
      return /项目资金|资金情况|预算安排|执行进度/.test(keyOf(text)) || parseMoneyUnit(text) ? 2 : -1;
    case "source":
      if (isNum) return NEVER;
      // (收入构成, 支出构成, 资金情况: the label of a block of lines, merged down beside them, names none of them; 基本支出 and
      // 项目支出 beside it split the money by purpose, lines as sources are.)
      if (/(?:构成|情况)$/.test(keyOf(text))) return -1;
      return sourceKindOf(text) !== "other" || /其他|基本支出|项目支出/.test(text) ? 3 : 0;
    case "unitCode":
      return /^\d{3,}$/.test(keyOf(text)) ? 3 : -10;
    case "projectName":
      return isNum ? -10 : 1;
    case "seq":
      // A row's number (行次 3 of a money line left blank) before any amount it might be taken for.
      return /^\d{1,3}$/.test(keyOf(text)) ? 4 : /^\d{4}$/.test(keyOf(text)) ? 2 : -10;
    default:
      return 0;
  }
}

/** Characters a level's own name has at most (产出数量指标, 制度指标, 社会效益指标). */
const MAX_LEVEL_NAME = 8;

/**
 * A short phrase ending in 指标 and naming nothing measured (制度指标, 产出数量指标): a level's
 * label of a template's own, read by its shape. An indicator's name says what is counted
 * (享受资助人数, 资金支出率); it ends in 指标 only when longer (主要绩效指标完成率).
 */
function isLevelShaped(text: string): boolean {
  const k = keyOf(text);
  // (绩效指标, 三级指标: the headers over the levels, not a level.)
  return k.length <= MAX_LEVEL_NAME && /^[\u4e00-\u9fff]+指标$/.test(k) && headerField(text) === null;
}
