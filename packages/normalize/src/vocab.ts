/**
 * What form parts mean, by their words. Headers are matched on keyOf() text
 * with trailing (A)/(B) markers and declared weights removed, so 全年预算数（A）,
 * 全年预算数(A) and 全年 预算数 are one header.
 */
import type { FormKind, SourceKind } from "./model.ts";
import { keyOf } from "./text-key.ts";
import { DATA_SHEET_TITLE, FAMILIES, PERFORMANCE_TITLE } from "./families.ts";
import { activeVocabulary } from "./vocabulary.ts";

export type Field =
  // indicator tables
  | "label" | "level1" | "level2" | "name" | "target" | "adjustedTarget" | "actual" | "weight" | "score"
  | "reason" | "scoringRule" | "description" | "unit" | "valueType" | "remark"
  // monitoring forms: 1–N月完成值, 全年预计完成值, 完成目标可能性, 偏差原因 (a category, or
  // one of its 经费保障/制度保障/… sub-columns ticked)
  | "actualToDate" | "forecast" | "likelihood" | "deviationCause" | "causeFlag" | "likelihoodFlag"
  // a 分值 column printed right after the 一级/二级指标 column it weighs
  | "level1Weight" | "level2Weight"
  // funding blocks
  | "fundLabel" | "source" | "declaredBudget" | "initialBudget" | "budget" | "executed" | "balance" | "rate"
  | "executedToDate" | "forecastExecuted"
  // target tables and project lists
  | "unitCode" | "projectName" | "direction" | "goal" | "goalActual" | "seq"
  | "incomeFiscal" | "incomeFund" | "incomeSpecial" | "incomeOther" | "basicSpending" | "projectSpending"
  // a column whose header maps to no field (指标性质, 中期指标值): its cells stay there, kept in `extra`
  | "extra";

/** Header text (key form, markers stripped) → field. Order matters: first match wins. */
/** 1-6月, 1～9月, 1至6月, 一至六月, 截至6月底, 截止9月末: the months a monitoring column covers. */
export const MONTHS_TO_DATE = /^(?:1|一)(?:-|~|～|—|－|至|到)(?:1[0-2]|[1-9]|[一二三四五六七八九十]{1,2})月(?:份|底|末)?|^截[至止](?:\d{4}年)?(?:1[0-2]|[1-9])月(?:份|底|末)?/;

const HEADER_PATTERNS: [RegExp, Field][] = [
  // monitoring: what has happened so far, and what is expected by the year's end
  [new RegExp("(?:" + MONTHS_TO_DATE.source + ")(?:累计)?(?:执行率|预算执行率)$"), "rate"],
  [new RegExp("(?:" + MONTHS_TO_DATE.source + ")(?:累计)?(?:执行数|执行金额|实际执行数?|支出数?|预算执行数|资金执行数?|执行|执行情况)$"), "executedToDate"],
  [new RegExp("(?:" + MONTHS_TO_DATE.source + ")(?:累计)?(?:实际)?(?:完成值|完成情况|完成|完成指标值|指标完成值|实际值)$"), "actualToDate"],
  [/^(半年度?|上半年|前三季度|一季度|前\d季度)(指标)?(执行|完成)(情况|值)$/, "actualToDate"],
  [/^(全年预计执行数|预计全年执行数|全年预计执行|预计执行数|全年预计支出数?|预计全年执行情况|全年预计执行金额)$/, "forecastExecuted"],
  [/^(全年预计完成值|全年预计完成情况|预计全年完成值|预计全年完成情况|全年预计完成|预计完成值|预计年底完成值|全年预计可完成值|全年预计值|全年预计)$/, "forecast"],
  [/^(完成目标可能性|完成可能性|实现可能性|目标完成可能性|预计完成可能性|全年目标完成可能性|可能性)$/, "likelihood"],
  // (计划数 | 实际数 | 完成率 in an indicator grid: the item's planned and achieved figures.)
  [/^计划数$/, "target"],
  [/^实际数$/, "actual"],
  [/^(经费保障|制度保障|人员保障|硬件条件保障|硬件保障)$/, "causeFlag"],
  // (确定能 | 有可能 | 完全不可能 under 完成目标可能性: the answers, one ticked in a row.)
  [/^(确定能|有可能|完全不可能|不可能)$/, "likelihoodFlag"],
  [/^(偏差原因类型|偏差类型)$/, "deviationCause"],
  // (一级, 二级: the header cut short where its cell wrapped.)
  // (一级目标: a template's word for the same column.)
  [/^一级(指标|目标)?(名称)?$/, "level1"],
  [/^二级(指标|目标)?(名称)?$/, "level2"],
  // (三级 alone, cut short as 一级 and 二级 are.)
  [/^三级$/, "name"],
  // (三级指标内容, 三级指标名称: the third level's column by what it starts with.)
  [/^(三级指标(内容|名称)?|指标名称|绩效指标名称|绩效目标名称|具体指标|具体绩效指标|指标名称及内容)$/, "name"],
  // 考核指标 beside 考核内容 in a scoring sheet: the indicator a row scores.
  [/^(考核|考评)指标(名称)?$/, "name"],
  // 评价指标(分值), 指标名称(权重): the indicators with their points printed in each name (2.组织管理(6分)).
  [/^(?:评价|考核|考评|绩效)?指标(?:名称)?\((?:分值|权重|分数|权数)\)$/, "name"],
  // 年度工作目标 over an indicator's figure: the year's target for it.
  [/^年度工作目标$/, "target"],
  [/^(调整后指标值?|调整后目标值|调整后指标值\(A\))$/, "adjustedTarget"],
  [/^(年度指标值|年初指标值?|指标值|年度目标值|目标值|年度指标|预期指标值|计划指标值|预期目标值|年度绩效指标值|本年度指标值|指标目标值|年初目标值|计划目标值)(及单位|及计量单位|\(含单位\))?$/, "target"],
  [/^(实际完成值|全年完成值|全年实际完成值|实际完成|完成值|实际值|全年实际值|实际完成指标值|年度实际完成值|指标完成值|指标完成情况)$/, "actual"],
  [/^(分值|权重|权重值|指标分值|指标分|权重分值|分值权重|标准分值|权重\(分\)|指标权重|标准分|满分|分数)$/, "weight"],
  [/^(得分|自评得分|实际得分|评分|评价得分)$/, "score"],
  [/^(未完成原因分析|未完成原因|偏差原因分析及改进措施|偏差原因|原因分析|未完成原因和改进措施|偏差原因分析|原因说明|偏差原因说明|偏差原因及改进措施|未完成原因及改进措施|偏差原因分析及改进措施说明)$/, "reason"],
  [/^(评\(扣\)分标准|评\(扣分标准\)|评分标准|评价标准|扣分标准|评分规则|评\(扣\)分规则)(及依据|和依据|及说明)?$|^评分依据$/, "scoringRule"],
  [/^(指标内容|指标解释|指标值内容|指标值说明|指标说明|指标定义|指标释义|指标含义|指标口径|指标计算方法)$/, "description"],
  [/^(度量单位|计量单位|指标单位|单位|计量单位\(名称\))$/, "unit"],
  // (计算符号, 运算符号: the comparison sign, = or ≥, in a column of its own.)
  [/^(指标值类型|指标性质|指标类型|指标方向|计算符号|运算符号|比较符号)$/, "valueType"],
  [/^备注(说明)?$/, "remark"],
  // By meaning, after every exact synonym: what a header ends with.
  [/(原因|原因分析|改进措施|整改措施|纠偏措施|原因及改进措施)(说明)?$/, "reason"],
  // 扣分原因和其他说明, 失分理由及说明: a header that starts with why points were lost.
  [/^(扣分|失分|偏差|未完成|未达标|未达成)(原因|理由|说明)/, "reason"],
  [/^年初.{0,4}预算(数|金额|资金|资金总额|总额|安排数?|安排金额)$/, "initialBudget"],
  [/^(全年|调整后|年度)?.{0,4}预算(数|金额|资金|资金总额|总额|安排数?|安排金额)$/, "budget"],
  // 批复金额, 预算批复数, 下达金额: the budget as approved or passed down.
  [/^(?:预算)?(?:批复|下达)(?:金额|数|预算数?|预算金额)$|^批复预算$/, "budget"],
  // 支付金额, 实际拨付, 已支付, 全年支出, 完成投资: the money paid out.
  [/^(?:实际|已)?(?:支付|拨付)(?:数|金额)?$|^全年支出(?:数|金额)?$|^(?:实际)?完成投资(?:额|金额)?$/, "executed"],
  [/^(?:支出|执行|支付)进度$/, "rate"],
  // 计划安排资金, 计划投资额: the money planned for the year, its budget.
  [/^计划(?:安排|投资|投入)(?:资金|金额|数|额)?$/, "budget"],
  // 年初预算 | 结转 | 调整 | 小计: the sum of the year's budget parts is the year's budget.
  [/^(预算)?小计$/, "budget"],
  // 调整后预算, 年度预算: the year's budget without the 数 most templates add.
  [/^(全年|年度|调整后|调整|全年调整后?)预算$/, "budget"],
  [/^实际执行$/, "executed"],
  // (实际使用 beside 预算数: what was spent of it.)
  [/^实际使用$/, "executed"],
  // (实际投入 beside 计划投入, 本年支出 beside 本年预算: what was spent of the money.)
  [/^实际(?:投入|投资)(?:数|金额|额)?$|^本年(?:支出|执行)(?:数|金额)?$/, "executed"],
  [/^实际(?:预算)?执行率$/, "rate"],
  [/^(全年|年度)?(预算|资金|支出)?(执行|实现|支付|使用)率$/, "rate"],
  [/^(本年度?|年末|年度)?结余(金额|数|资金)$/, "balance"],
  // (Not 到位资金: money that arrived is not money spent; it stays in extra.)
  // (转移支付执行数: whose money, in as many words as a budget's, 转移支付预算数.)
  [/^(全年|年度|实际)?.{0,4}(执行|支出|投入|使用|拨付)(数|金额|资金额?|资金|额|总额)$/, "executed"],
  // (绩效指标体系, 绩效目标指标: the block's word as other templates print it.)
  [/^绩效(?:目标)?指标(?:体系)?$/, "label"],
  // funding
  [/^(资金来源|来源|资金性质|资金类别|资金构成)$/, "source"],
  // 当年金额, 本年度预算: the year's amount of a target form (beside the years before it).
  [/^(当年|本年|本年度)(金额|预算|预算数|预算金额|资金)$/, "budget"],
  [/^(目标申报数?|申报数)$/, "declaredBudget"],
  [/^(预算编制数?|年初预算数|年初预算|年初预算金额|年初预算安排)$/, "initialBudget"],
  // 年初批复数, 年初下达数: the budget as approved at the year's start.
  [/^年初(?:批复|下达)(?:数|金额|预算数?)$/, "initialBudget"],
  [/^(全年预算数|调整后预算数|全年预算|预算数|预算数\(调整后\)|预算金额|预算安排情况\(调整后\)|预算安排情况|资金总额|年度资金总额|金额)$/, "budget"],
  [/^(全年执行数|执行数|全年执行|实际执行数|预算执行数|预算执行金额|全年实际执行数|实际支出数|执行数\(至\d{4}年底\)|资金执行情况|实际支出|支出数)$/, "executed"],
  // 决算数 beside 预算数 in a form's money block: what the year's accounts show spent. (A final-accounts
  // publication's 收入支出决算总表 prints it too; such tables make no form: they hold no project or indicators.)
  [/^(?:全年|年度)?决算(?:数|金额)$/, "executed"],
  [/^(资金结\(转\)余|结余|结转结余|结余结转|资金结余|结余交回财政数|结转结余数|资金结转结余)$/, "balance"],
  [/^(执行率|预算执行率|资金执行率|预算执行率\(B\/A\))$/, "rate"],
  // (部门预算执行情况, 单位预算执行情况: whose budget it is does not change the block.)
  // (Not 项目资金总额: a line's name, the block's whole amount.)
  [/^(项目资金(?!总额).*|年度资金.*|资金情况.*|项目资金预算安排及执行进度.*|资金投入情况.*|(?:部门|单位|项目)?预算执行情况.*|资金执行情况\(.*\))$/, "fundLabel"],
  // (部门总体资金情况, 总体资金情况: a block of money by what it ends with.)
  [/^[^()]{0,6}资金情况$/, "fundLabel"],
  // target tables, project lists
  [/^(单位代码|单位编码|项目代码|项目编码)$/, "unitCode"],
  [/^(单位\(专项\)名称|项目名称|项目全称|项目\(政策\)名称|政策名称|专项名称|单位名称|支出项目名称)$/, "projectName"],
  [/^支出方向$/, "direction"],
  // (年初绩效目标 | 全年(调整)绩效目标: the year's goal as set and as adjusted.)
  [/^(?:年初|全年\(调整\)|调整后)绩效目标$/, "goal"],
  [/^(年度目标任务|实施期绩效目标|年度绩效目标|整体绩效目标|分项项目绩效目标|绩效目标|年度目标|预期目标|项目年度绩效目标|总体目标|年度总体目标|年初设定目标|年度预期目标|中期目标|实施期目标|计划目标)(\(.*\))?$/, "goal"],
  [/^(全年目标实际完成情况|分项项目绩效目标完成情况|实际完成情况|目标完成情况|全年实际完成情况|年度总体目标完成情况|总体目标完成情况|目标实际完成情况|全年目标完成情况|实际完成目标|截至\d+月(底|末)?完成情况)$/, "goalActual"],
  // 行次, 栏次: the row's number in forms that number their rows and columns.
  [/^(序号|行次|栏次)$/, "seq"],
  [/^一般公共预算$/, "incomeFiscal"],
  [/^政府性基金(拨款|预算)?$/, "incomeFund"],
  [/^财政专户管理资金$/, "incomeSpecial"],
  [/^其他资金$/, "incomeOther"],
  [/^基本支出$/, "basicSpending"],
  [/^项目支出$/, "projectSpending"],
  // Indicator columns by what their header ends with, when no entry above names
  // them (绩效目标值, 本期指标值, 实际达到值, 考核分值, 自评得分): tried last, so an
  // amount, a rate or a monitoring column is never taken for one.
  [/^(?!.*(?:实际|完成|调整|预计|执行))[^()]{0,8}(?:指标值|目标值)(?:\([^()]*\))?$/, "target"],
  // 当年预期实现值, 预期值, 计划达到值: what the year is to reach (not 预计, a monitoring forecast).
  [/^(?!.*(?:实际|调整|预计|执行))[^()]{0,6}(?:预期|计划)(?:实现|达到|完成)?值$/, "target"],
  // (实际完成数: a count achieved, as 实际完成值.)
  [/^[^()]{0,6}实际[^()]{0,4}(?:值|数值)$|^(?:全年|年度)?实际完成数$/, "actual"],
  // 年终完成值, 年底完成值: what was reached by the year's end (not 预计完成值, a forecast).
  [/^(?!.*(?:预计|预期|计划))[^()]{0,4}完成值$/, "actual"],
  // (完成量 beside 目标值(年度/终期): the quantity reached, as 实际完成数.)
  [/^(?:实际|年度|全年)?完成(?:量|数量)$/, "actual"],
  // (达成值: the value reached, as 完成值.)
  [/^(?:实际|年度|全年)?达成值$/, "actual"],
  // 实施进度 beside 指标值 in a report's indicator table: how far each target was carried out.
  [/^(?:实施进度|完成进度|实际进度)$/, "actual"],
  // (自评分值, 考核分值: the points a row was given, not its points out of.)
  [/^(?:自评|评价|考核|考评|实得)分值$/, "score"],
  [/^[^()]{0,6}(?:分值|权重|权重分|权数)$/, "weight"],
  [/^[^()]{0,6}(?:得分|自评分)$/, "score"],
  // 自评分数, 考核分数: the points a row was given (分数 alone is its points out of: 分值).
  [/^(?:自评|评价|考核|考评|实得)分数$/, "score"],
  // 指标说明及评分标准, 评分办法: the rule a score follows, whatever precedes it.
  // (得分计算方法: how the score is computed.)
  [/^[^()]{0,8}(?:评分|扣分|计分|评\(扣\)分|(?:得分|评分|计分)计算)(?:标准|规则|办法|细则|方法|公式)$/, "scoringRule"],
  // 考核标准, 评价依据: what a row is scored by.
  [/^(?:考核|考评)(?:标准|依据|办法)$/, "scoringRule"],
  // 评价内容(标准), 考核内容及评分标准: what is assessed with the standard it is scored by, in one column.
  [/^[^()]{0,6}(?:\((?:评分|评价|考核)?标准\)|[及与和](?:评分|评价|考核)?标准)$/, "scoringRule"],
  // 评价要点, 考核要点: what a row looks at, as an indicator's explanation does.
  [/^(?:评价|考核|考评)要点$/, "description"],
];

/** Strip (A)/(B), declared weights (10分), colons, and folding. */
export function headerKey(text: string): string {
  return keyOf(text)
    // The mark of a required entry (*指标值, ＊指标解释) is no part of the header.
    .replace(/^[*＊※]+/, "")
    // A column's number and formula (小计④=①+②+③, 支出实现率(%)⑥=⑤/④): the header is before them.
    .replace(/[①-⑳](?:=[^()]*)?$/, "")
    // Trailing qualifiers that do not change a column's meaning: (万元), (A), (B/A), (%), (分).
    .replace(/\((?:万元|元|[A-Za-z](?:\/[A-Za-z])?|%|分)\)$/, "")
    // A formula or unit in parentheses: (B/A×100%), (A-B), (万元/%), (B/A*100%).
    .replace(/\((?:[A-Za-z0-9/×*÷%.+\-=]|万元|元)+\)$/, "")
    // A unit declared after the header's words (总体资金情况 单位:万元).
    .replace(/(?<=[\u3400-\u9fff])单位:(?:万元|元)$/, "")
    .replace(/[:：]$/, "")
    .replace(/\(\d+(\.\d+)?分?\)$/, "");
}

export function headerField(text: string): Field | null {
  const k = headerKey(text);
  if (!k) return null;
  // 预算执行(E/C×100%): an execution with its formula of a share is the execution rate.
  if (/^(预算|资金)?执行$/.test(k) && /\([A-Za-z]\/[A-Za-z](?:[×*]100%)?\)$/.test(keyOf(text))) return "rate";
  const field = fieldOfKey(k);
  if (field) return field;
  // 完成目标可能性(确定能、有可能、不可能): a header explained in parentheses is the header.
  const bare = k.replace(/\([^()]*\)$/, "");
  return bare && bare !== k ? fieldOfKey(bare) : null;
}

function fieldOfKey(k: string): Field | null {
  for (const { re, field } of activeVocabulary().headers) if (re.test(k)) return field;
  for (const [re, f] of HEADER_PATTERNS) if (re.test(k)) return f;
  return null;
}

/** Sub-header cells that a PDF text layer may print far from their parent: parent → children. */
export const HEADER_CHILDREN: [RegExp, RegExp][] = [
  [/^按支出性质分$/, /^(基本支出|项目支出)$/],
  [/^按收入性质分$/, /^(一般公共预算|政府性基金.*|财政专户管理资金|其他资金)$/],
];

// ---- indicator levels ------------------------------------------------------

/** Canonical level-1 names and the words that name them. */
const LEVEL1: [RegExp, string][] = [
  [/^产出指标$|^产出$/, "产出指标"],
  [/^效益指标$|^效益$/, "效益指标"],
  // (产出目标, 效益目标: the levels named by what they aim at, kept as printed.)
  [/^产出目标$/, "产出目标"],
  [/^效益目标$/, "效益目标"],
  // (海南's targets before 2019 name their outcomes 成效指标, beside 产出指标.)
  [/^成效指标$/, "成效指标"],
  [/^(服务对象)?满意度(指标)?$/, "满意度指标"],
  [/^成本指标$/, "成本指标"],
  [/^投入(指标)?$/, "投入"],
  [/^过程(指标)?(\(执行\))?$|^过程\(执行\)指标$/, "过程"],
  [/^效果(指标)?$/, "效果"],
  [/^决策(指标)?$/, "决策"],
  [/^管理(指标)?$/, "管理"],
  [/^履职效能$/, "履职效能"],
  [/^能力建设$/, "能力建设"],
];

/** Canonical level-2 names: a stem and its canonical form. */
const LEVEL2: [RegExp, string][] = [
  // (Not 产出数量, 产出时效: a scorecard's indicators under its level 项目产出.)
  [/^数量(指标)?$/, "数量指标"],
  [/^质量(指标)?$/, "质量指标"],
  [/^时效(指标)?$/, "时效指标"],
  [/^成本(指标)?$/, "成本指标"],
  [/^经济成本(指标)?$/, "经济成本指标"],
  [/^社会成本(指标)?$/, "社会成本指标"],
  [/^生态环境成本(指标)?$/, "生态环境成本指标"],
  [/^经济效益(指标)?$/, "经济效益指标"],
  [/^社会效益(指标)?$/, "社会效益指标"],
  [/^生态效益(指标)?$/, "生态效益指标"],
  [/^可持续影响(指标)?$/, "可持续影响指标"],
  [/^(服务对象)?满意度(指标)?$/, "服务对象满意度指标"],
  [/^(社会公众或服务对象满意度|社会公众满意度)(指标)?$/, "服务对象满意度指标"],
];

export interface LevelLabel {
  name: string;
  weight: number | null;
}

/** Split a declared weight off a label: 产出指标 (50分) → 产出指标, 50; 预算执行（25） → 预算执行, 25. */
export function splitDeclaredWeight(text: string): LevelLabel {
  // 数量指标(必填硬性指标), 经济效益指标(选填): the template's note on filling the level in, no part of its name.
  // (产出指标：: a level printed as a label, its colon no part of the name.)
  const k = keyOf(text).replace(TEMPLATE_HINT, "").replace(/:$/, "");
  // 成本指标(0-20)分: a range of points declares no single weight.
  const range = k.match(/^(.+?)\(\d+(?:\.\d+)?[-~]\d+(?:\.\d+)?\)分?$/);
  if (range) return { name: range[1]!, weight: null };
  // 目标完成情况(50分,附加分5分): the points, then a note on them (a bonus beyond them) — the points are the weight.
  const noted = k.match(/^(.+?)\((\d+(?:\.\d+)?)分[,;][^()]*\)$/);
  if (noted) return { name: noted[1]!, weight: Number(noted[2]) };
  // (特性指标70分): the whole label in parentheses.
  const inner = k.match(/^\(([^()]*\D)(\d+(?:\.\d+)?)分\)$/);
  if (inner) return { name: inner[1]!, weight: Number(inner[2]) };
  // (部门预算管理80分): the weight's opening bracket lost in print, its closing one kept.)
  const m = k.match(/^(.*?)\((\d+(?:\.\d+)?)分?\)$/) ?? k.match(/^(.*?)(\d+(?:\.\d+)?)分$/) ?? k.match(/^([^()]*\D)(\d+(?:\.\d+)?)分\)$/);
  if (m && m[1]) return { name: m[1], weight: Number(m[2]) };
  // (20分) alone: a level whose name the template left out.
  if (m && m[0].startsWith("(")) return { name: "", weight: Number(m[2]) };
  return { name: k, weight: null };
}

/**
 * A level-1 word qualified by the stage it measures (预期产出指标, 实施效果指标 of the
 * 中央预算内投资 and 广东 templates): a level-1 label, kept as printed.
 */
const QUALIFIED_LEVEL1 = /^(?:预期|实施|年度|中期)(?:产出|效益|效果|成本)指标$/;

/** A stage-qualified level-1 label (实施效果指标, 预期产出指标). */
export function isQualifiedLevel1(text: string): boolean {
  return QUALIFIED_LEVEL1.test(splitDeclaredWeight(text).name);
}

/** A trailing note of a blank template left in the filled form: (必填), (选填), (必填硬性指标). (Not (可选项): 四川 scorecards name optional indicators so.) */
const TEMPLATE_HINT = /\([^()]*(?:必填|选填)[^()]*\)$/;

export function level1Of(text: string): LevelLabel | null {
  const { name, weight } = splitDeclaredWeight(text);
  for (const [re, canon] of LEVEL1) if (re.test(name)) return { name: canon, weight };
  if (QUALIFIED_LEVEL1.test(name)) return { name, weight };
  return null;
}

/** 数量目标, 质量目标: the level-2 groups named by what they aim at (福鼎's 评价内容 under 产出目标), kept as printed. */
const GOAL_LEVEL2 = /^(?:数量|质量|时效|成本|经济效益|社会效益|生态效益|可持续影响|(?:服务对象)?满意度)目标$/;

export function level2Of(text: string): LevelLabel | null {
  const { name, weight } = splitDeclaredWeight(text);
  for (const [re, canon] of LEVEL2) if (re.test(name)) return { name: canon, weight };
  if (GOAL_LEVEL2.test(name)) return { name, weight };
  return null;
}

/** A label carrying a declared weight, such as 预算执行（25） or 绩效评价 (8). */
export function hasDeclaredWeight(text: string): boolean {
  return splitDeclaredWeight(text).weight !== null && !/^\d/.test(keyOf(text));
}

// ---- funding sources ---------------------------------------------------------

const SOURCE_KINDS: [RegExp, SourceKind][] = [
  // (预算申报数: the year's whole amount a target form asks for, no source's share.)
  // (本年度预计投入: what the year puts in, all sources together.)
  // (项目资金总额, 年度预算总额: the year's whole amount, whatever words come before it.)
  // (项目总投资, 项目总预算: the project's whole amount.)
  [/资金总额|预算总额|^合计|^总计|^预算数|^执行数|项目资金$|^(?:预算)?申报数$|^(?:本年度?|当年|年度)(?:预计)?(?:总)?投入$|^项目总(?:投资|预算)$/, "total"],
  // (上年结余资金, 以前年度结余: what is left from years before, as 上年结转.)
  [/上年结转|结转资金|结转结余|上年结余|以前年度结[余转]/, "carryover"],
  [/中央/, "central"],
  // (自治区补助: the province-level government of an autonomous region.)
  [/上级|省级|市级补助|省补|自治区/, "superior"],
  [/本级|地方|市县级?|县级|市县区|州本级|区级/, "local"],
  // (政府性基金拨款, 财政专户拨款: public money of the other budgets; 事业基金弥补差额: the unit's own reserve.)
  // (预算资金 beside 自有资金: the money the budget grants, as 财政拨款.)
  [/财政拨款|财政资金|财政性资金|一般公共预算|财政补助|政府性基金|财政专户|^预算(?:资金|拨款)$/, "fiscal"],
  // (自筹资金: what the unit raises itself.)
  [/自有|自筹|单位资金|事业收入|经营收入|事业基金/, "own"],
  [/其他/, "other"],
];

/** 其他资金, 社会资金, 社会资本: a label that names money of the 'other' kind by its words, not for want of a kind. */
export function namesOtherMoney(label: string): boolean {
  return /其他|社会资/.test(label);
}

export function sourceKindOf(label: string): SourceKind {
  // 本级资金（包括结转结余）, 其他资金（万元，自有资金、社会资本、以前年度结转结余资金等）: what a source includes, or
  // examples of it, do not change which source it is.
  const k = keyOf(label).replace(/^其中[:：]?/, "").replace(/\((?:包括|包含|含)[^)]*\)/g, "").replace(/\([^()]*(?:、|等)[^()]*\)/g, "");
  for (const [re, kind] of SOURCE_KINDS) if (re.test(k)) return kind;
  return "other";
}

// ---- form titles and fact labels ---------------------------------------------

export type TitleKind = FormKind;

/** 附件2：, 附表 3-1, 一、, 1., （三） before a title. */
export const TITLE_PREFIX = /^(?:(?:附件|附表)\s*[\d一二三四五六七八九十-]*\s*[:：.、]?|[一二三四五六七八九十]+[、.]|\d{1,2}[、.](?!\d)|\([一二三四五六七八九十\d]+\))/;

/**
 * A form title line: a short line that ends in 表 (or 清单) and names a family
 * by its words (自评, 目标, 监控, 转移支付, 指标体系 …), whatever agency, year
 * or level (上级, 州本级, 二级项目) the template prints around them.
 */
/** A line's key as a title (附件/enumerator removed), or null when it is too long or a sentence to be one. */
function titleKey(text: string): string | null {
  // (项目绩效目标表：: a title printed as a label over the table it heads.)
  const k = keyOf(text).replace(TITLE_PREFIX, "").replace(/^[:：]/, "").replace(/[:：]$/, "");
  return k.length > 60 || /[。；;，,]/.test(k) ? null : k;
}

export function titleKind(text: string): TitleKind | null {
  const k = titleKey(text);
  if (k === null) return null;
  for (const { re, kind } of activeVocabulary().titles) if (re.test(k)) return kind;
  if (!PERFORMANCE_TITLE.test(k) || DATA_SHEET_TITLE.test(k)) return null;
  for (const f of FAMILIES) {
    if (f.title.every((re) => re.test(k)) && !(f.notTitle ?? []).some((re) => re.test(k))) return f.kind;
  }
  return null;
}

/** A title line of a performance form (绩效…表) whose family no entry names. */
export function looksLikePerformanceTitle(text: string): boolean {
  const k = titleKey(text);
  // 绩效项目指标表, 绩效指标明细表: the indicator part of the form above, not a form of its own.
  return k !== null && !/指标/.test(k) && PERFORMANCE_TITLE.test(k) && titleKind(text) === null;
}

/**
 * A line that titles some other table (收入支出决算总表, 政府采购情况表): it ends a
 * form, and what follows it is not read into the form before it.
 */
export function isOtherTableTitle(text: string): boolean {
  // (…资金安排表单位:万元: the unit line a text extraction ran on into the title's.)
  const k = keyOf(text).replace(TITLE_PREFIX, "").replace(/(?:金额)?单位[:：](?:万元|元)$/, "");
  if (k.length < 3 || k.length > 40 || /[。；;，,:：]/.test(k)) return false;
  // A part of a form (绩效项目指标表, 绩效目标申报明细) is no other table.
  if (/绩效|指标|目标|自评|评价|监控|评分/.test(k)) return false;
  // (A review of the project by another body, 财政评审报告, 监管局审核意见报告: its amounts before and after review
  // are no form's funding.)
  if (REVIEW_REPORT_TITLE.test(k.replace(/\(\d{4}年度?\)$/, ""))) return true;
  return /(表|清单|明细)(\(.*\))?$/.test(k) && !/\d/.test(k.slice(-3)) && titleKind(text) === null;
}

/** The title of a review or audit of a project: 财政评审报告, 监管局审核意见报告, 审计报告 (not a form's row 财政部门审核意见). */
const REVIEW_REPORT_TITLE = /^[^\d]{0,12}(?:评审|审核|审查|审计)(?:意见)?(?:报告|意见书)$/;

export type FactKey = "projectName" | "projectCode" | "supervisor" | "implementer" | "agency" | "fillDate" | "moneyUnit"
  | "contact" | "phone" | "fiscalYear" | "asOfMonth" | "totalScore" | "evaluator";

const FACT_LABELS: [RegExp, FactKey][] = [
  // 评价机构 | 部门(单位)评价组: the body that evaluated, no field of the form (not its agency).
  [/^(?:评价|自评)机构(?:名称|全称)?(?:\(盖章\))?$/, "evaluator"],
  [/^(项目名称|专项名称|项目\(专项\)名称)$/, "projectName"],
  [/^(主管部门及代码|主管部门|主管单位|主管部门\(单位\)|主管部门名称及代码)$/, "supervisor"],
  [/^(实施单位|预算单位|项目实施单位|实施单位\(盖章\)|项目单位)$/, "implementer"],
  [/^(单位\(盖章\)|填报单位|单位名称|填报单位\(盖章\)|部门\(单位\)名称|部门名称|单位|部门\(盖章\)|评价单位)$/, "agency"],
  [/^(填报日期|填表日期|日期|填报时间)$/, "fillDate"],
  [/^(金额单位|单位:万元|单位:元)$/, "moneyUnit"],
  [/^(联系人|填报人|填表人|项目负责人)$/, "contact"],
  [/^(联系电话|电话)$/, "phone"],
  // 自评得分 | 98 among the header facts: the form's total, printed above its table.
  // (分): the unit a 重庆 template prints after it (自评总分(分) | 97.6).
  // (评价分值 | 88.64分: the points the evaluation gave, printed as a pair — a 分值 column elsewhere is a weight.)
  [/^(?:绩效)?(?:自评|评价|综合)(?:得分|总分|分数|分值)(?:\(分\))?$/, "totalScore"],
  // By meaning: what the label ends with, whatever words a template puts before it.
  // (转移(项目)名称: 转移支付 cut short before its bracket.)
  // (项目全称, 项目名称(全称): a full name is the name.)
  [/^(?:[^:]{0,10})(?:项目|专项|资金|转移支付|转移|政策|任务)(?:\(项目\)|\(专项\)|\(资金\)|\(政策\)|支出|资金)?(?:名称|全称)(?:\(全称\))?$/, "projectName"],
  [/^(?:[^:]{0,6})(?:项目|专项)(?:编码|代码|编号)$/, "projectCode"],
  [/^项目单位(?:\(盖章\))?$/, "implementer"],
  // (归口管理部门: the body a project is filed under, as its 主管部门.)
  // (省级业务主管部门: the level and the line of business both named.)
  [/^(?:中央|省级|市级|上级)?(?:业务|行业|项目)?(?:主管|归口管理|归口)(?:部门|单位|处室)(?:\(单位\))?(?:名称)?(?:及代码|及编码)?$/, "supervisor"],
  [/^(?:地方|本级|区县|市县)主管(?:部门|单位)(?:\(单位\))?$/, "agency"],
  [/^(?:项目)?(?:具体)?(?:实施|执行|承担|承办|责任|使用|资金使用|用款)(?:单位|部门|主体)(?:\(盖章\))?(?:名称)?$/, "implementer"],
  // (预算部门、单位名称: the two words a template offers, either filled in.)
  // (一级预算单位名称, 二级预算单位: the level of the budget unit does not change whose form it is; 级预算单位名称 with its 一 lost.)
  // (单位信息: a budget system's cell of the unit's code and name.)
  [/^(?:[一二三]?级)?(?:填报|申报|编报|编制|报送|评价|自评|监控|预算)?(?:单位|部门|机构)(?:[、/或]?(?:单位|部门))?(?:\(单位\))?(?:名称|全称|信息)?(?:\(全称\))?(?:\(盖章\)|\(公章\))?$/, "agency"],
  [/^(?:填报|填表|申报|编报|报送|评价|自评)(?:日期|时间)$/, "fillDate"],
  [/^(?:预算|所属|评价|申报|绩效|项目)?年度$|^年份$/, "fiscalYear"],
  [/^(?:项目)?(?:负责人|联系人|经办人|填报人|审核人)(?:及电话)?$/, "contact"],
];

/**
 * Labels a form prints that are understood but have no column of their own:
 * they are kept in form_facts and are not reported as unrecognised. Matched on
 * what they end with, so 项目资金性质 and 资金性质 are one.
 */
// (财政处室, 业务处室: the office of the finance bureau or department that handles a project; 所属地区; 单位自筹, 财政专户:
// money; 项目绩效目标, 当年绩效目标, 年度主要目标和成果, 年度绩效指标: goals and indicators under whatever words; 县级主管部门;
// 部门职能, 单位职能概述; 项目来源; 项目实施进度计划; …完成情况综述; 项目所属领域; an evaluation's 委托单位 and 受托单位.)
const KNOWN_LABEL = /(财政部门|主管部门|领域|委托单位|受托单位|委托方|受托方|邮编|邮政编码|方式|处室|地区|自筹|专户|必要性|可行性|概述|进度计划|(?:绩效|年度|长期|中期|总体|整体|履职)目标|目标和成果|绩效指标|衡量指标|职能|来源|综述|标准|分类|审批|周期|措施|概况|情况|说明|类型|类别|属性|性质|期限|周期|项目期|起止时间|起止年限|实施期|分配方式|支出方向|用途|依据|地点|范围|对象|内容|概况|状态|级次|层级|区划|编码|代码|编号|电话|手机|职务|邮箱|传真|负责人|联系人|审核人|经办人|签字|签章|盖章|批准|批复|文号|总投资|金额|资金|预算|总额|投资|拨款|补助|收入|支出|数|额|时间|日期|年度|期间|科目)(\(.*\))?$/;

export function factKeyOf(label: string): FactKey | null {
  const k = keyOf(label).replace(/[:：]$/, "").replace(/^[*＊※]+/, "");
  if (!k || k.length > 30) return null;
  for (const { re, field } of activeVocabulary().labels) if (re.test(k)) return field;
  for (const [re, f] of FACT_LABELS) if (re.test(k)) return f;
  return null;
}

/** A label the vocabulary understands, with or without a column of its own. */
export function isKnownLabel(label: string): boolean {
  // (长期目标(450字内): how much the filer may write is no part of the label.)
  const k = keyOf(label).replace(/[:：]$/, "").replace(/\((?:限)?\d+字(?:以)?内\)$/, "");
  // (自评等级, 评价结论: a grade's label, read into the form's grade.)
  return factKeyOf(k) !== null || activeVocabulary().knownLabels.has(k) || KNOWN_LABEL.test(k) || headerField(k) !== null || isGradeLabel(k);
}

/** Row labels that close a form's indicator table. */
export function isTotalLabel(text: string): boolean {
  // 项目总得分, 绩效自评总分: whatever names the form, a label ending in 总分/总得分 is its total.
  // (合计(总分): the total's word and, in brackets, what it totals.)
  // (合计(100分): the points the total is out of. Not 自评得分, which the header block prints as a pair, 银川's 自评得分 | 98.)
  return /^(总分|合计|总计|综合得分|自评总分|总得分|合计得分|得分合计)$|^[^\d]{0,8}(总分|总得分|综合得分)$/.test(keyOf(text).replace(/[:：]$/, "").replace(/\((?:分|总分|得分|\d+(?:\.\d+)?分)\)$/, ""));
}

export function isGradeLabel(text: string): boolean {
  return /^(绩效结论|自评结论|评价结论|绩效自评结论|绩效评价结论|综合评价结论|自评等级|评价等级|绩效等级|绩效评价等级|综合评价等级|评定等级|等级|等次|自评等次|评价等次|评定等次|考核等次|评价结果|自评结果|评定结果|考核结果)$/.test(keyOf(text).replace(/[:：]$/, ""));
}

export function isGoalsHeader(text: string): boolean {
  return /^(年度总体目标|项目年度绩效目标|年度绩效目标|总体目标|年度目标|绩效目标|项目绩效目标|年度总体目标完成情况|总体目标完成情况|绩效目标完成情况|年度绩效目标完成情况|总体绩效目标|中期目标|实施期目标)$/.test(headerKey(text));
}
