/**
 * Canonical documents built by hand from the real numbers of the seed
 * documents (fixtures/text/*.txt), validated with the model's zod schema.
 * They stand in for packages/normalize's output until it lands, and stay
 * useful after: they exercise every field and table the store has.
 */
import { createHash } from "node:crypto";
import { Finding, NormalizedDocument, type Form as FormOutput, type FundingLine, type Indicator } from "@jixiao/normalize";
import type { z } from "zod";
import type { DocumentMeta } from "../src/index.ts";

const WAN = 10_000;

/** Forms as the schema accepts them: fields with a default may be left out. */
type Form = z.input<typeof FormOutput>;

function fundingLine(seq: number, source: string, sourceKind: FundingLine["sourceKind"], texts: {
  initial: string | null;
  budget: string | null;
  executed: string | null;
  unitYuan: number;
  weight?: number | null;
  rate?: string | null;
  score?: number | null;
  page: number;
  line: number | null;
}): FundingLine {
  const num = (t: string | null) => (t === null || t === "" ? null : Number(t));
  // Rounded to fen, as 200.61 × 10000 is 2006100.0000000002 in floating point.
  const yuan = (t: string | null) => (num(t) === null ? null : Math.round(num(t)! * texts.unitYuan * 100) / 100);
  return {
    seq,
    source,
    sourceKind,
    initialBudget: num(texts.initial),
    budget: num(texts.budget),
    executed: num(texts.executed),
    balance: null,
    initialBudgetText: texts.initial,
    budgetText: texts.budget,
    executedText: texts.executed,
    balanceText: null,
    // toPrecision: 99.99 / 100 is 0.9998999999999999 in floating point.
    executionRate: texts.rate ? Number((Number(texts.rate.replace("%", "")) / 100).toPrecision(12)) : null,
    executionRateText: texts.rate ?? null,
    weight: texts.weight ?? null,
    score: texts.score ?? null,
    initialBudgetYuan: yuan(texts.initial),
    budgetYuan: yuan(texts.budget),
    executedYuan: yuan(texts.executed),
    balanceYuan: null,
    executedToDate: null,
    executedToDateText: null,
    forecastExecuted: null,
    forecastExecutedText: null,
    executedToDateYuan: null,
    forecastExecutedYuan: null,
    extra: {},
    ocrConfidence: null,
    page: texts.page,
    line: texts.line,
  };
}

function indicator(seq: number, fields: Partial<Indicator> & Pick<Indicator, "name">): Indicator {
  return {
    seq,
    level1: null,
    level1Weight: null,
    level2: null,
    level2Weight: null,
    targetText: null,
    adjustedTargetText: null,
    actualText: null,
    comparator: null,
    targetValue: null,
    targetValueMax: null,
    actualValue: null,
    unit: null,
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
    page: 1,
    line: null,
    ...fields,
  };
}

/** 黔南 form 1: 医疗服务与保障能力提升补助资金 — 228 万元, executed 181.82, 79.74%, score 8, total 98, 优. */
export function qiannanServiceForm(seq = 1): Form {
  const money = { unitYuan: WAN, page: 1 } as const;
  return {
    seq,
    kind: "project_self_eval",
    title: "上级项目支出绩效自评表",
    fiscalYear: 2023,
    agency: "黔南州医疗保障局",
    supervisor: "黔南布依族苗族自治州医疗保障局",
    supervisorCode: "187",
    implementer: "黔南布依族苗族自治州医疗保障局",
    projectName: "医疗服务与保障能力提升补助资金",
    fillDate: "2024-02-26",
    moneyUnit: "万元",
    moneyUnitEffective: "万元",
    moneyUnitReason: null,
    totalWeight: 100,
    totalScore: 98,
    grade: "优",
    pageFrom: 1,
    pageTo: 1,
    lineFrom: 3,
    lineTo: 44,
    funding: [
      fundingLine(1, "年度资金总额", "total", { ...money, initial: "228", budget: "228", executed: "181.82", weight: 10, rate: "79.74%", score: 8, line: 15 }),
      fundingLine(2, "财政拨款", "fiscal", { ...money, initial: "228", budget: "228", executed: "181.82", line: 16 }),
      fundingLine(3, "其中: 上级补助", "superior", { ...money, initial: "228", budget: "228", executed: "181.82", line: 17 }),
      fundingLine(4, "本级安排", "local", { ...money, initial: null, budget: null, executed: null, line: 18 }),
    ],
    indicators: [
      indicator(1, {
        level1: "产出指标", level1Weight: 60, level2: "数量指标", name: "打造医保经办“15分钟服务圈”",
        targetText: "≥12个", actualText: "12个", comparator: ">=", targetValue: 12, actualValue: 12, unit: "个",
        weight: 4, score: 4, line: 23,
      }),
      indicator(2, {
        level1: "产出指标", level1Weight: 60, level2: "成本指标", name: "中央资金使用",
        targetText: "≤228万元", actualText: "181.82万元", comparator: "<=", targetValue: 228, actualValue: 181.82, unit: "万元",
        weight: 3, score: 3, line: 36,
      }),
      indicator(3, {
        level1: "效益指标", level1Weight: 30, level2: "社会效益指标", name: "医保基金安全、平衡运行",
        targetText: "成效明显", actualText: "成效明显", comparator: "qualitative", weight: 15, score: 15, line: 37,
      }),
      indicator(4, {
        level1: "满意度指标", level1Weight: 10, level2: "服务对象满意度指标", name: "办事人员对医保服务满意度",
        targetText: "≥90%", actualText: "90%", comparator: ">=", targetValue: 90, actualValue: 90, unit: "%",
        weight: 10, score: 10, line: 39,
      }),
    ],
    goals: [
      {
        expected: "目标1: 切实贯彻落实中央和省委省政府及州委州政府的决策部署, 确保我州深化医保制度改革目标任务如期实现",
        actual: "1: 切实贯彻落实中央和省委省政府及州委州政府的决策部署, 确保我州深化医保制度改革目标任务如期实现",
      },
    ],
    notes: [
      "定性指标根据指标完成情况分为: 达成预期指标、部分达成预期指标且具有一定效果、未达成预期指标且效果较差三档, 分别按照该指标对应分值权重区间100-80%(含80%)、80-50%(含50%)、50-0%合理选择权重确定得分。",
    ],
    missing: [],
    parentSeq: null,
  };
}

/** 黔南 医疗保障工作督查经费（州本级）: declared 元, amounts in 万元; 执行率 0 and 得分 0 for 15/15. */
export function qiannanInspectionForm(seq = 2): Form {
  const money = { unitYuan: WAN, page: 10 } as const;
  return {
    ...qiannanServiceForm(seq),
    title: "州本级项目支出绩效目标自评表",
    projectName: "医疗保障工作督查经费（州本级）",
    fillDate: "2024-02-05",
    moneyUnit: "元",
    moneyUnitEffective: "万元",
    moneyUnitReason: "表头为元，但金额为15，且成本指标为≤15万",
    totalScore: 90,
    pageFrom: 10,
    pageTo: 10,
    lineFrom: 421,
    lineTo: 448,
    funding: [
      fundingLine(1, "年度资金总额", "total", { ...money, initial: "15", budget: "15", executed: "15", weight: 10, rate: "0", score: 0, line: 427 }),
      fundingLine(2, "财政拨款", "fiscal", { ...money, initial: "15", budget: "15", executed: "0", line: 428 }),
      fundingLine(3, "本级安排", "local", { ...money, initial: "15", budget: "15", executed: "0", line: 429 }),
    ],
    indicators: [
      indicator(1, {
        level1: "产出指标", level1Weight: 50, level2: "数量指标", name: "开展各项医保工作检查",
        targetText: "≥5次", actualText: "6次", comparator: ">=", targetValue: 5, actualValue: 6, unit: "次",
        weight: 10, score: 10, page: 10, line: 436,
      }),
      indicator(2, {
        level1: "满意度指标", level1Weight: 10, level2: "服务对象满意度指标", name: "参保群众对医保服务满意度",
        targetText: "≥90%", actualText: "90%", comparator: ">=", targetValue: 90, actualValue: 90, unit: "%",
        weight: 10, score: 10, page: 10, line: 442,
      }),
    ],
    goals: [
      {
        expected: "目标1: 保障医保基金监督工作顺利开展, 切实维护医保基金合理有效使用",
        actual: "保障医保基金监督工作顺利开展, 切实维护医保基金合理有效使用",
      },
    ],
  };
}

export function qiannanDocument(): NormalizedDocument {
  return NormalizedDocument.parse({
    forms: [qiannanServiceForm(1), qiannanInspectionForm(2)],
    narrative: [{ page: 1, line: 44, text: "联系人: 陈胜宇" }],
    sideTables: [],
    warnings: ["第10页：表头金额单位为元，按万元存储"],
  });
}

/** Findings a correct pipeline reports on qiannanDocument (seed README). */
export function qiannanFindings(): Finding[] {
  const finding = (f: Partial<Finding> & Pick<Finding, "formSeq" | "rule" | "severity" | "message">): Finding =>
    Finding.parse({ indicatorSeq: null, fundingSeq: null, expected: null, observed: null, page: null, params: null, ...f });
  return [
    finding({
      formSeq: 1, rule: "level1_weight_mismatch", severity: "warning",
      message: "产出指标声明60分，但其三级指标分值合计为50分", expected: 60, observed: 50, page: 1,
    }),
    finding({
      formSeq: 2, fundingSeq: 1, rule: "execution_rate_mismatch", severity: "error",
      message: "执行率填报为0%，按全年执行数15÷全年预算数15计算应为100%", expected: 1, observed: 0, page: 10,
    }),
    finding({
      formSeq: 2, fundingSeq: 1, rule: "execution_score_mismatch", severity: "error",
      message: "预算执行率得分填报为0分，按100%×10分计算应为10分", expected: 10, observed: 0, page: 10,
      params: { weight: 10, source: "national_default" },
    }),
    finding({
      formSeq: 2, fundingSeq: 2, rule: "funding_identity", severity: "warning",
      message: "财政拨款执行数为0，而年度资金总额执行数为15", expected: 15, observed: 0,
    }),
    finding({
      formSeq: 2, indicatorSeq: 1, rule: "indicator_score_formula", severity: "info",
      message: "开展各项医保工作检查：完成6次，超过指标值5次，得满分10分", expected: 10, observed: 10, page: 10,
      params: { bands: [1, 0.8, 0.5], note: "黔南注4" },
    }),
  ];
}

/** 高邑 2021: the department form (97, 优) and two rows of its 分项绩效项目清单. */
export function gaoyiDocument(): NormalizedDocument {
  const department: Form = {
    seq: 1,
    kind: "department_self_eval",
    title: "部门整体支出绩效自评表",
    fiscalYear: 2021,
    agency: "高邑县医疗保障局",
    supervisor: null,
    supervisorCode: null,
    implementer: null,
    projectName: null,
    fillDate: null,
    moneyUnit: "万元",
    moneyUnitEffective: "万元",
    moneyUnitReason: null,
    totalWeight: 100,
    totalScore: 97,
    grade: "优",
    pageFrom: 12,
    pageTo: 14,
    lineFrom: 336,
    lineTo: 390,
    funding: [
      // No 'total' line: v_forms falls back to the first line.
      fundingLine(1, "预算数", "fiscal", { initial: null, budget: "3686.55", executed: "3686.23", rate: "99.99%", unitYuan: WAN, page: 12, line: 343 }),
      fundingLine(2, "其中：财政资金", "fiscal", { initial: null, budget: "3686.55", executed: "3686.23", unitYuan: WAN, page: 12, line: 344 }),
    ],
    indicators: [
      indicator(1, {
        level1: "投入", level1Weight: 20, level2: "绩效目标指标管理", level2Weight: 10, name: "绩效目标科学性",
        description: "总体绩效目标、分项绩效目标和预算项目目标是否完整、指向精准、客观公正、数量适当、可行性。",
        scoringRule: "全部符合得满分；总体绩效和分项目标不合格各扣2分；每个项目目标扣0.5分，扣完为止。",
        weight: 7, score: 7, page: 12, line: 347,
      }),
      indicator(2, {
        level1: "效果", level1Weight: 15, level2: "满意度", name: "社会公众满意度",
        weight: 6, score: 4.5, reason: "满意度较低", page: 14, line: 380,
      }),
    ],
    goals: [],
    notes: [],
    missing: [],
    deviation: "项目绩效存在问题: 完成时限得分低, 满意度较低。下一步措施: 总结2021年度的支出情况, 做好2022年的预算。",
    parentSeq: null,
  };
  const listRow = (seq: number, projectName: string, budget: string, score: number, goal: string, line: number): Form => ({
    ...department,
    seq,
    kind: "project_list",
    title: "分项绩效项目清单",
    projectName,
    totalWeight: null,
    totalScore: score,
    grade: null,
    pageFrom: 15,
    pageTo: 15,
    lineFrom: line,
    lineTo: line,
    funding: [fundingLine(1, "预算数", "total", { initial: null, budget, executed: budget, unitYuan: WAN, page: 15, line })],
    indicators: [],
    goals: [{ expected: goal, actual: "已完成" }],
    deviation: null,
    parentSeq: 1,
  });
  return NormalizedDocument.parse({
    // The list rows come first on purpose: parents may be linked to forms stored after them.
    forms: [
      { ...listRow(1, "医疗救助补助资金", "336", 95, "目标1：强化医疗救助规范化管理 目标2：重点救助对象自付费用年度限额内住院救助比例达到70%", 397), parentSeq: 3 },
      { ...listRow(2, "公费医疗", "200.61", 98, "按规定向享受公费医疗人员提供免费医疗及预防服务", 398), parentSeq: 3 },
      { ...department, seq: 3 },
    ],
    narrative: [
      { page: 5, line: 163, text: "我单位 2021 项目 19 个，具体详情见分项绩效项目清单。" },
      { page: 5, line: null, text: "总体绩效目标、分项绩效目标和预算项目目标完整、指向精准、客观公正、数量适当、可行，自评得分 7 分。" },
    ],
    sideTables: [
      { page: 3, line: 90, moneyUnit: "元", projectName: "医药招采与基金监管工作经费", budget: 86500, executed: 62502.5, balance: 23997.5, executionRate: 0.7226, score: 7.23 },
    ],
    warnings: [],
  });
}

/** Meta for a file whose bytes are `content` (the sha is real, so moved/changed files behave as on disk). */
export function metaFor(path: string, content: string, overrides: Partial<DocumentMeta> = {}): DocumentMeta {
  return {
    path,
    sha256: createHash("sha256").update(content).digest("hex"),
    format: "txt",
    sizeBytes: Buffer.byteLength(content),
    pages: 15,
    status: "ok",
    error: null,
    mtimeMs: 1_700_000_000_000,
    warnings: [],
    ...overrides,
  };
}

/**
 * A 项目支出绩效目标执行监控表 (1–6月) and a 转移支付区域绩效目标表: the families of
 * data-model.md's 2026-12 section, with every field they added — project
 * code, as-of month, where the year came from, 1–N月 and 全年预计 columns,
 * 完成目标可能性 and 偏差原因, cells under unknown headers (extra), OCR
 * confidence, label/value facts and unrecognized labels.
 */
export function monitoringDocument(): NormalizedDocument {
  const money = { unitYuan: WAN, page: 1 } as const;
  const total = fundingLine(1, "年度资金总额", "total", { ...money, initial: "120", budget: "120", executed: null, rate: "45.5%", line: 9 });
  const fiscal = fundingLine(2, "财政拨款", "fiscal", { ...money, initial: "100", budget: "100", executed: null, line: 10 });
  const monitoring: Form = {
    seq: 1,
    kind: "project_monitoring",
    title: "2024年项目支出绩效目标执行监控表",
    fiscalYear: 2024,
    fiscalYearSource: "printed",
    agency: "都匀市医疗保障局",
    supervisor: "黔南布依族苗族自治州医疗保障局",
    supervisorCode: "187",
    implementer: "都匀市医疗保障局",
    projectName: "医疗保障信息化建设经费",
    projectCode: "52270124000000012345",
    asOfMonth: 6,
    fillDate: "2024-07-10",
    moneyUnit: "万元",
    moneyUnitEffective: "万元",
    moneyUnitReason: null,
    totalWeight: null,
    totalScore: null,
    grade: null,
    pageFrom: 1,
    pageTo: 2,
    lineFrom: 1,
    lineTo: 40,
    funding: [
      {
        ...total,
        executedToDate: 54.6, executedToDateText: "54.6", executedToDateYuan: 546_000,
        forecastExecuted: 118, forecastExecutedText: "118", forecastExecutedYuan: 1_180_000,
        extra: { "偏差原因分析": "部分合同尚未结算", "备注": "" },
        ocrConfidence: 0.91,
      },
      {
        ...fiscal,
        executedToDate: 50, executedToDateText: "50.00", executedToDateYuan: 500_000,
        forecastExecuted: 100, forecastExecutedText: "100.00", forecastExecutedYuan: 1_000_000,
      },
    ],
    indicators: [
      indicator(1, {
        level1: "产出指标", level2: "数量指标", name: "信息系统接入定点医药机构数量",
        targetText: "≥300家", comparator: ">=", targetValue: 300, unit: "家",
        actualToDateText: "186家", forecastText: "300家", likelihood: "确定能", deviationCause: null,
        extra: { "中期指标值": "≥900家", "指标解释": "接入国家医保信息平台的定点医药机构数" },
        ocrConfidence: 0.87, line: 21,
      }),
      indicator(2, {
        level1: "满意度指标", level2: "服务对象满意度指标", name: "参保群众对医保信息服务满意度",
        targetText: "≥90%", comparator: ">=", targetValue: 90, unit: "%",
        actualToDateText: "85%", forecastText: "88%", likelihood: "有可能", deviationCause: "硬件条件保障",
        reason: "部分乡镇网络不稳定，已协调运营商扩容", line: 24,
      }),
    ],
    goals: [{ expected: "完成医保信息平台与定点医药机构的对接，提升经办效率", actual: "已完成对接186家" }],
    notes: [],
    missing: ["total"],
    deviation: "部分合同尚未结算，预计四季度完成支付",
    parentSeq: null,
    facts: [
      { seq: 1, label: "项目名称", value: "医疗保障信息化建设经费", field: "project_name", page: 1, line: 3 },
      { seq: 2, label: "项目编码", value: "52270124000000012345", field: "project_code", page: 1, line: 3 },
      { seq: 3, label: "实施期限", value: "2024年1月-2024年12月", field: null, page: 1, line: 4 },
      { seq: 4, label: "项目总金额(中期规划,万元)", value: "360", field: null, page: 1, line: 5 },
    ],
    unrecognizedLabels: ["项目总金额(中期规划,万元)", "偏差原因分析"],
  };
  const transfer: Form = {
    ...monitoring,
    seq: 2,
    kind: "transfer_targets",
    title: "中央对地方转移支付区域绩效目标表",
    fiscalYear: 2024,
    fiscalYearSource: "document",
    projectName: "医疗服务与保障能力提升补助资金",
    projectCode: null,
    asOfMonth: null,
    pageFrom: 3,
    pageTo: 3,
    lineFrom: 50,
    lineTo: 70,
    funding: [fundingLine(1, "中央补助", "central", { ...money, page: 3, initial: null, budget: "228", executed: null, line: 53 })],
    indicators: [
      indicator(1, {
        level1: "产出指标", level2: "质量指标", name: "医保经办服务事项网办率",
        targetText: "≥80%", comparator: ">=", targetValue: 80, unit: "%", page: 3, line: 60,
        extra: { "指标解释": "可在网上办理的医保经办服务事项占全部事项的比例" },
      }),
    ],
    goals: [{ expected: "推进医保经办服务标准化、规范化", actual: null }],
    missing: [],
    deviation: null,
    facts: [{ seq: 1, label: "分配方式", value: "因素法", field: null, page: 3, line: 51 }],
    unrecognizedLabels: [],
  };
  return NormalizedDocument.parse({
    forms: [monitoring, transfer],
    narrative: [],
    sideTables: [],
    warnings: [],
  });
}
