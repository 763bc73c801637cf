export { checkDocument } from "./check.ts";
export { RULES, type Rule } from "./rules/index.ts";
export { agrees, sumAgrees, roundHalfUp, truncate } from "./rounding.ts";
export { scoringParamsOf, NATIONAL_DEFAULTS, type ScoringParams } from "./scoring-params.ts";
export { indicatorKind, type IndicatorKind } from "./indicator-kind.ts";
export { recheckStore, type RecheckResult } from "./recheck.ts";
export { renderReport, renderHtmlReport, reportJson, reportCsv, reportXlsx, renderHtml, renderJson, renderCsv, renderXlsx, readReportData, readReportDataFromFile, summarize, reportTitle, describeFilter, type ReportFormat, type TextReportFormat, type ReportData, type ReportFilter, type XlsxOptions } from "./report/index.ts";
export { RULE_TITLES, KIND_TITLES } from "./report/labels.ts";
