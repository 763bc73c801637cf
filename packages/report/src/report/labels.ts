/** Chinese names for rule slugs, severities and form kinds, as a finance officer reads them. */
export const RULE_TITLES: Record<string, string> = {
  execution_rate_mismatch: "执行率与预算、执行数不符",
  execution_score_mismatch: "预算执行得分不符",
  funding_identity: "资金来源合计不符",
  money_unit_suspect: "金额单位存疑",
  total_score_mismatch: "总分与各项得分之和不符",
  weights_not_100: "分值合计不为100",
  level1_weight_mismatch: "指标层级分值不符",
  score_exceeds_weight: "得分超过分值",
  grade_mismatch: "绩效结论与总分不符",
  indicator_score_formula: "定量指标得分与公式不符",
  qualitative_band: "定性指标得分不在档次区间",
  missing_reason: "未说明未完成原因",
  cross_table_mismatch: "同一项目多表数字不符",
  narrative_mismatch: "报告文字与表格数字不符",
  department_total_mismatch: "项目清单合计与部门数不符",
  extraction_partial: "表单未完整读取",
  forecast_exceeds_budget: "全年预计执行数超过预算",
  unrecognized_label: "未识别的标签",
  code_precision_lost: "编码精度丢失",
  ocr_low_confidence: "OCR识别置信度低",
};

export const SEVERITY_TITLES = { error: "错误", warning: "警告", info: "提示" } as const;

export const KIND_TITLES: Record<string, string> = {
  project_self_eval: "项目支出绩效自评表",
  department_self_eval: "部门整体支出绩效自评表",
  project_targets: "项目支出绩效目标表",
  department_targets: "整体支出绩效目标表",
  project_list: "分项项目清单",
  transfer_self_eval: "转移支付绩效自评表",
  transfer_targets: "转移支付绩效目标表",
  project_monitoring: "项目绩效目标执行监控表",
  department_monitoring: "部门整体绩效监控表",
  evaluation_scorecard: "绩效评价指标体系评分表",
};

/** Kinds whose execution rate and total belong in the charts: the year's actuals, not targets or 1–N月 monitoring. */
export const CHARTED_KINDS: ReadonlySet<string> = new Set(["project_self_eval", "department_self_eval", "project_list", "transfer_self_eval", "evaluation_scorecard"]);

export function ruleTitle(rule: string): string {
  return RULE_TITLES[rule] ?? rule;
}
