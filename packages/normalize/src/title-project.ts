/**
 * The project a form is about, read from its own title when no 项目名称 label
 * names it: 彭水自治县2024年度中央对地方转移支付计划生育服务项目绩效自评表 →
 * 中央对地方转移支付计划生育服务项目. Titles are built as [place][year] name
 * [family words]表; a title whose name is only generic words (项目支出, 县级专项资金,
 * 部门整体 …) names no project, and neither does one too short to say anything.
 */
import { keyOf } from "./text-key.ts";
import { TITLE_PREFIX } from "./vocab.ts";

/** The family words a title ends with: 绩效自评表, 支出绩效目标申报表, 项目自评表, 区域绩效目标申报表 … */
const FAMILY_TAIL = /(?:区域)?(?:支出)?(?:绩效)?(?:目标)?(?:自评|评价|申报|审批|批复|监控|跟踪|目标|运行监控)*表(?:\([^()]{0,20}\))?$/;
/** A year (2024年度, 2024年) and everything printed before it (the place). */
const UP_TO_YEAR = /^.*?(?:19|20)\d{2}(?:年度|年)/;
/** A place before a yearless title: 上海市, 东莞市, 黄石市, 濉溪县 … */
const PLACE = /^[\u4e00-\u9fff]{1,8}?(?:省|市|县|区|州|旗|盟)/;
/**
 * Words that title a family of forms, not a project: what a name must hold
 * something besides. Data, not code: a new generic word is one more entry.
 */
export const GENERIC_TITLE_WORDS = [
  "中央对地方", "转移支付", "区域", "共同财政事权", "项目", "支出", "部门", "单位", "整体", "预算", "专项", "资金",
  "财政", "一般公共", "政府性基金", "省级", "市级", "县级", "区级", "本级", "上级", "二级", "一级", "年度", "经费",
  "打捆", "重点", "绩效", "(", ")", "和", "及",
];
/** Characters a name must keep beyond the generic words. */
const MIN_OWN_CHARS = 2;

function isGeneric(name: string): boolean {
  let rest = name;
  for (const w of GENERIC_TITLE_WORDS) rest = rest.split(w).join("");
  return rest.length < MIN_OWN_CHARS;
}

export function projectFromTitle(title: string | null): string | null {
  if (!title) return null;
  const k = keyOf(title).replace(TITLE_PREFIX, "").replace(/^[:：]/, "");
  if (!FAMILY_TAIL.test(k)) return null;
  const named = k.replace(FAMILY_TAIL, "");
  const afterYear = named.replace(UP_TO_YEAR, "");
  const hasYear = afterYear !== named;
  // Without a year the place cannot be told from the name: the name is kept
  // whole, but a place followed only by generic words names no project.
  const name = hasYear ? afterYear : named;
  if (isGeneric(name) || isGeneric(hasYear ? name : name.replace(PLACE, ""))) return null;
  return name;
}
