/**
 * What a cell of plain `pdftotext` text is, read from its words alone: a
 * column word of a header row, a label of a form's header block, a value, a
 * level label of an indicator table, a title. text-stream.ts rebuilds rows
 * from these kinds; the -layout readers (text-wrapped-rows.ts,
 * text-span-labels.ts) use the header and value tests too, so those two keep
 * their meaning: what only the cell stream needs is in the stream* variants.
 */
import { foldCompatibilityCharacters } from "./unicode.ts";
import { COMPARISON } from "./text-layout-words.ts";

const squash = (s: string) => foldCompatibilityCharacters(s).replace(/\s+/g, "");
export const key = (s: string) => squash(s).replace(/（/g, "(").replace(/）/g, ")").replace(/：/g, ":");

/** Column words of budget-performance forms (a subset of normalize's header vocabulary). */
const HEADER_WORDS = [
  "一级指标", "二级指标", "三级指标", "指标名称", "绩效指标名称", "具体指标",
  "(?:年度|年初|预期|计划|调整后)?(?:指标值|目标值)(?:及单位|\\(含单位\\))?", "年度指标", "年度绩效指标值",
  "实际完成值", "全年完成值", "全年实际完成值", "实际完成", "完成值", "实际值", "实际完成指标值",
  "分值", "权重", "指标分值", "标准分值", "参考分值", "满分", "指标权重", "权重分值", "分值权重", "权重\\(分\\)", "绩效指标", "得分", "自评得分", "实际得分", "评分", "评价得分",
  "未完成原因分析", "未完成原因分析及改进措施", "偏差原因分析及改进措施", "偏差原因", "原因分析", "偏差原因分析", "未完成原因及改进措施", "偏差原因及改进措施",
  "评\\(扣\\)分标准", "评分标准", "扣分标准", "评价标准", "指标解释", "指标内容", "指标说明", "计量单位", "度量单位", "指标值类型", "指标性质", "计算符号", "指标值说明", "备注",
  "资金来源", "年初预算数?", "预算编制数?", "全年预算数?", "调整后预算数", "预算数", "全年执行数?", "执行数", "实际执行数", "执行率", "预算执行率", "资金执行率",
  "结余", "结转结余", "目标申报数?", "申报数", "全年预计执行数", "预计全年执行数", "全年预计完成值", "预计全年完成值", "完成目标可能性",
  "(?:1|一)-\\d{1,2}月(?:累计)?(?:执行数|执行率|完成值|完成情况|实际完成值)",
  "预期目标", "实际完成情况", "年度总体目标", "年度绩效目标", "绩效目标", "年度目标", "总体目标", "实施期绩效目标", "整体绩效目标", "中期目标", "实施期目标",
  "年度总体目标完成情况", "目标完成情况", "全年实际完成情况",
  "资金投入情况", "项目资金", "年度资金", "序号", "单位名称", "单位代码", "单位编码", "项目编码", "项目代码", "支出方向",
];
const HEADER_WORD = new RegExp("^(?:" + HEADER_WORDS.join("|") + ")$");
/** The column words spelled out (no pattern in them), for their heads. */
const PLAIN_HEADER_WORDS = HEADER_WORDS.filter((w) => !/[\\()?|\[\]{}]/.test(w));
/** At least this many characters of a column word make its head (未完成原因分, cut before 析 at a line's end). */
const MIN_HEAD = 4;

/**
 * Column words only the cell stream reads (a header run cut short by one of
 * them makes every row under it too narrow): 全年实际值, 指标方向(性), 预算执行数.
 */
const STREAM_HEADER_WORD = new RegExp("^(?:" + [
  "(?:全年|年度)?实际值", "指标方向性?", "预算执行数", "绩效目标值",
  // What a column holds, as other templates word it (目标完成值, 评价指标值, 标准值; 目标名称; 评分规则): a value, a
  // name or a rule, its qualifier a period's or a target's (指标目标值, 实施周期目标值); never a level's label
  // (数量指标), a sentence's head wrapped in its cell (该指标值 over 数据合理) nor two header cells' pieces on one
  // line (度量 指标值 of 度量单位 and 指标值类型).
  "(?:目标|评价|考核)?(?:标准值|完成值)", "(?:指标|目标|年度|年初|全年|预期|计划|实施期|实施周期|中期|调整后?|考核|评价)(?:指标值|目标值)", "(?:目标|指标|项目|评价)名称",
  "(?:评价|考核|评分)指标",
  "(?:评分|计分|扣分)(?:规则|办法|方法)", "得分(?:计算)?(?:方法|规则)",
].join("|") + ")$");

/** Qualifiers a header word may carry: (A), (万元), (B/A×100%), (10分), a colon. */
function headerKey(text: string): string {
  return key(text)
    .replace(/\((?:万元|元|[A-Za-z](?:\/[A-Za-z])?|%|分)\)$/, "")
    .replace(/\((?:[A-Za-z0-9/×*÷%.+\-=]|万元|元)+\)$/, "")
    .replace(/[:]$/, "")
    .replace(/\(\d+(?:\.\d+)?分?\)$/, "");
}

const matchesHeader = (text: string, word: RegExp) => {
  const k = headerKey(text);
  if (k.length === 0 || k.length > 24) return false;
  if (word.test(k)) return true;
  // 二级指标(长期), 指标值(年度): a column word qualified in parentheses.
  const bare = k.replace(/\([^()]*\)$/, "");
  return bare !== k && word.test(bare);
};

export const isHeaderWord = (text: string) => matchesHeader(text, HEADER_WORD);

/**
 * The head of a column word that a line's end cut (未完成原因分 of 未完成原因分析, 偏差原因分析及改 …); at least
 * `minHead` characters of it (fewer where a whole column word follows it on its line: 计算符 before 目标值).
 */
export const isHeaderWordHead = (text: string, minHead = MIN_HEAD) => {
  const k = key(text);
  return k.length >= minHead && PLAIN_HEADER_WORDS.some((w) => w.length > k.length && w.startsWith(k));
};
/** Characters of a column word's head before a whole column word on its line (计算符 目标值, 号 under it). */
export const MIN_HEAD_BEFORE_WORD = 3;

/** A column word of the cell stream: isHeaderWord's, the stream's own, and a required-field star (*指标值). */
export const isStreamHeaderWord = (text: string) => {
  const t = text.replace(/^\s*[*＊]\s*/, "");
  return isHeaderWord(t) || matchesHeader(t, STREAM_HEADER_WORD);
};

/** Labels of a form's header block, each printed with its value beside it. */
const LABEL_WORD = new RegExp("^(?:" + [
  "项目名称", "专项名称", "项目\\(专项\\)名称", "(?:[^:]{0,10})(?:项目|专项|资金|转移支付|政策)(?:资金)?名称", "部门(?:\\(单位\\))?名称", "[^:]{0,10}\\((?:项目|专项)\\)名称",
  // 主管部门 and 财政部门 of each level of government (中央, 省级, 区县, 自治区 …).
  "(?:中央|省|市|县|区|区县|市县|自治区|地方|上级|本级|业务|行业|项目)?级?(?:主管|财政)(?:部门|单位|处室)(?:\\(单位\\))?(?:及代码|及编码|名称及代码|名称)?",
  "(?:项目)?(?:实施|执行)(?:单位|部门)(?:\\(盖章\\))?", "资金使用单位", "项目单位", "预算单位", "归口科室",
  "项目负责人", "负责人(?:及电话)?", "联系人", "联系电话", "项目(?:分类|类别|类型|属性|期限|审批|编码|代码)", "(?:部门)?预算编码",
  "建设周期", "实施期", "项目起止时间", "开始时间", "结束时间", "资金用途", "项目总体概况",
].join("|") + ")$");

export const isLabelWord = (text: string) => {
  const k = key(text).replace(/:$/, "");
  return k.length > 0 && k.length <= 20 && LABEL_WORD.test(k);
};

/** A value cell: an amount, a count, a share, a score, or an empty marker. */
export function isValueCell(text: string): boolean {
  const t = foldCompatibilityCharacters(text).replace(/\s+/g, "");
  if (t === "") return false;
  if (/^[—–\-－/／\\]+$/.test(t)) return true;
  // A unit or a comparator in a column of its own (计量单位, 指标性质).
  if (/^(?:[=≥≤<>＞＜≈]|≥=|<=|>=|%|‰|万元|元|个|人|次|天|分)$/.test(t)) return true;
  if (/^[≥≤=<>＞＜≈]?[-+]?\d[\d,]*(?:\.\d+)?(?:%|‰|万元|万|亿元|元|分|个|人|次|家|项|户|天|日|月|年|件|台|套|所|座|公里|千米|米|平方米|亩|吨|人次|万人次)?$/.test(t)) return true;
  // (A figure with a rate's unit: 490元/平米, 300元/米, 583元/人·月.)
  return RATE_QUANTITY.test(t);
}

/** Words of a unit of measure, alone or as a rate (人/次, 万元/人, 元/人·月). */
const UNIT = "(?:万元|亿元|元|万人次|人次|人|次|起|宗|例|个|家|项|户|天|日|月|年|件|台|套|所|座|公里|千米|平方米|立方米|米|亩|公顷|吨|头|只|册|份|篇|场|批|辆|株|本|期|条|处|间|张|部|名|小时|周|季度|km|kw|m2|m3)";
const UNIT_CELL = new RegExp(`^${UNIT}(?:[/／·*]${UNIT})*$`);
const QUANTITY = new RegExp(`^(?:${COMPARISON}|>=|<=)?[-+]?\\d[\\d,]*(?:\\.\\d+)?(?:%|${UNIT}(?:[/／·*]${UNIT})*)?$`);
/** A figure with a unit per unit (490元/平米, 300元/米): a value wherever it stands. */
const RATE_QUANTITY = new RegExp(`^(?:${COMPARISON}|>=|<=)?[-+]?\\d[\\d,]*(?:\\.\\d+)?${UNIT}(?:[/／·*](?:平米|${UNIT}))+$`);

/**
 * A value of the cell stream: isValueCell's, a unit of measure in a column of
 * its own (人/次, 万元/人), and a count, amount or share with a unit after a
 * space the stream keeps (≥50 个, 87 人次, 583 元/人*月).
 */
export function isStreamValueCell(text: string): boolean {
  if (isValueCell(text)) return true;
  const t = foldCompatibilityCharacters(text).replace(/\s+/g, "");
  if (UNIT_CELL.test(t)) return true;
  return QUANTITY.test(t);
}

/** A label's declared weight at its end: (10分), (50). */
const DECLARED_WEIGHT = /\((\d+(?:\.\d+)?)分?\)$/;
/** A level label's stem, its weight and 指标 left off: 数量指标(15 分) → 数量. */
export const levelStem = (text: string) => key(text).replace(DECLARED_WEIGHT, "").replace(/指标$/, "");
/** A label's declared weight: 数量指标(15 分) → 15; null where it declares none. */
export const declaredWeight = (text: string) => { const m = key(text).match(DECLARED_WEIGHT); return m ? Number(m[1]) : null; };

/** A level label of an indicator table: 产出指标, 数量指标, 满意度指标(10分). */
export const isLevelWord = (text: string) => {
  const k = key(text).replace(DECLARED_WEIGHT, "");
  // (Or its goal, numbered as a heading of the rows under it: 一、投入目标, 三、产出目标, 1.数量目标.)
  return /^(?:产出|效益|效果|满意度|服务对象满意度|社会公众满意度|成本|经济成本|社会成本|生态环境成本|数量|质量|时效|进度|经济效益|社会效益|生态效益|环境效益|可持续影响|可持续发展|投入|过程|管理|决策|履职|运行|职责履行|履职效能|产出数量|产出质量|产出时效|产出成本)指标$/.test(k)
    || /^(?:[一二三四五六七八九十]{1,2}[、.．]|\d{1,2}[、.．])(?:产出|效益|效果|满意度|成本|数量|质量|时效|进度|投入|过程|管理|决策|履职|运行)目标$/.test(k);
};

/** Titles: a form's or a table's name, kept as narrative (the normalize stage starts forms on them). */
export const isTitle = (text: string) => {
  const k = key(text);
  return k.length <= 50 && /(?:表|清单|明细)(?:\(.*\))?$/.test(k) && !isHeaderWord(text) && !isLabelWord(text);
};

/**
 * The label of a funding line (年度资金总额, 其中：财政拨款, 上年结转资金, 其他资金): a cell of its own, never the tail of
 * the value above it (区卫生健康局 | 年度资金总额, the unit's name and the block's first line under it).
 */
const FUNDING_LINE_WORD = /^(?:其中[:]?)?(?:年度资金总额|资金总额|年度资金总计|(?:当年|本年)?财政拨款(?:资金)?|上年结转(?:资金)?|其他资金|中央(?:财政)?补助(?:资金)?|地方(?:财政)?资金)(?:\((?:万元|元)\))?[:]?$/;
export const isFundingLineWord = (text: string) => FUNDING_LINE_WORD.test(key(text));

export const isWordCell = (t: string) => isStreamHeaderWord(t) || isLabelWord(t) || isTitle(t) || isLevelWord(t) || isFundingLineWord(t);

export const isCjk = (ch: string) => /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(ch);

/** Printed width of a line: a CJK or full-width character is two columns, the rest one. */
/** (Parentheses count as CJK: the forms print them full-width, folded to ASCII on reading.) */
export const displayWidth = (s: string) => Array.from(s).reduce((w, ch) => w + (isCjk(ch) || /[≥≤★()]/.test(ch) ? 2 : 1), 0);
