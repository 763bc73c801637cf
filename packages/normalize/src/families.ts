/**
 * The form families, as data: which words in a title name a family, and which
 * parts a form of the family must have (a part it never prints is not
 * "missing"). The normalizer's code reads these; adding a family's title
 * wording is a change here or in a user's vocabulary file, not in the code.
 *
 * Titles are matched on their keyOf() text (no spaces, half-width punctuation)
 * after a leading 附件/附表 N and enumerator (一、 1. （三）) are removed.
 */
import type { FormKind } from "./model.ts";

export type FormPart = "funding" | "indicators" | "total";

export interface FamilyDef {
  kind: FormKind;
  /** Every pattern must match the title. */
  title: RegExp[];
  /** None of these may match. */
  notTitle?: RegExp[];
  /** Parts a complete form of this family prints (extraction_partial names the absent ones). */
  required: FormPart[];
  /** One printed table holds many forms (one per project or per unit). */
  container?: boolean;
}

/** Words that make a table title one of a performance form (all families); a table of targets (项目具体目标表) too. */
// (…绩效评价指标体系 with no 表: a scorecard titled by what it is.)
export const PERFORMANCE_TITLE = /(绩效|自评|评价|监控|指标体系|评分).*(表|清单)(\([^()]{1,20}\))?$|目标(申报)?表$|绩效评价指标体系$/;
/**
 * ...but not a sheet of data the evaluation draws on (部门整体支出绩效评价基础数据表: staff,
 * 三公经费 and 楼堂馆所 figures a 决算 publication prints before its 自评表): no family's form.
 */
export const DATA_SHEET_TITLE = /数据(统计|汇总)?表(\([^()]{1,20}\))?$/;

/** "Whole unit" words: 部门整体支出绩效自评表, 单位整体支出绩效目标表. */
const WHOLE = /整体|部门支出|单位支出|部门绩效|单位绩效/;
/** What a self-evaluation's title says it is: 自评, 评价, or the targets' 完成情况 (项目支出绩效目标完成情况表). */
const SELF_EVAL = /自评|评价|完成情况/;
/** 转移支付 and its kin; 中央粮油生产保障资金: a central fund named in the title is handed down as a transfer. */
const TRANSFER = /转移支付|区域绩效|专项资金区域|区域\(项目\)|共同财政事权|中央预算内|中央[^，,。、]{1,30}(资金|补助)/;

/**
 * A target form that names the criteria its targets are judged by (绩效目标、评价指标与标准值表): its
 * 评价 is the criteria's, no evaluation done; not a self-evaluation.
 */
const TARGETS_WITH_CRITERIA = /^(?!.*自评)(?=.*目标).*评价指标(?!体系|表)/;

/** First match wins: the more specific families come first. */
export const FAMILIES: FamilyDef[] = [
  { kind: "project_list", title: [/分项绩效项目清单$|项目绩效清单$|分项项目清单$/], required: [] },
  { kind: "department_monitoring", title: [/监控|跟踪/, WHOLE], required: ["funding", "indicators"] },
  { kind: "project_monitoring", title: [/监控|跟踪/], required: ["funding", "indicators"] },
  { kind: "transfer_self_eval", title: [TRANSFER, SELF_EVAL], notTitle: [TARGETS_WITH_CRITERIA], required: ["funding", "indicators"] },
  { kind: "transfer_targets", title: [TRANSFER, /目标|申报/], required: ["indicators"] },
  { kind: "evaluation_scorecard", title: [/指标体系|评分表|评分标准表|打分表|评价指标表|评价得分表/], notTitle: [/自评表$/], required: ["indicators", "total"] },
  { kind: "department_self_eval", title: [SELF_EVAL, WHOLE], notTitle: [TARGETS_WITH_CRITERIA], required: ["funding", "indicators", "total"] },
  { kind: "project_self_eval", title: [SELF_EVAL], notTitle: [TARGETS_WITH_CRITERIA], required: ["funding", "indicators", "total"] },
  { kind: "department_targets", title: [/目标|申报/, WHOLE], required: ["indicators"], container: true },
  { kind: "project_targets", title: [/目标|申报/], required: ["indicators"], container: true },
];

/** Monitoring forms: a period to date (1–N月 execution, forms.as_of_month), a forecast for the year, 完成目标可能性. */
export const MONITORING_KINDS: ReadonlySet<FormKind> = new Set<FormKind>(["project_monitoring", "department_monitoring"]);

export function familyOf(kind: FormKind): FamilyDef {
  return FAMILIES.find((f) => f.kind === kind) ?? { kind, title: [], required: [] };
}
