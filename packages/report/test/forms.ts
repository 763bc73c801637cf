/**
 * Forms of the other families (transfer payment, targets, monitoring,
 * scorecards), built row by row as the normalizer hands them over — through
 * the model's own schema, so a field the model lacks or mistypes fails here.
 * The seed fixtures hold no such forms; these are modelled on the national
 * templates (中央对地方转移支付区域绩效自评表, 项目支出绩效目标执行监控表 …).
 */
import { Form, FundingLine, Indicator, parseValue, type Finding, type NormalizedDocument } from "@jixiao/normalize";
import { checkDocument } from "../src/index.ts";

type FundingInput = Partial<FundingLine> & { source: string };
type IndicatorInput = Partial<Indicator> & { name: string };
type FormInput = Partial<Omit<Form, "funding" | "indicators">> & { kind: Form["kind"]; funding?: FundingInput[]; indicators?: IndicatorInput[] };

/** The source kinds of the lines these forms print (the normalizer's vocabulary decides them for real input). */
function sourceKindOf(source: string): FundingLine["sourceKind"] {
  if (/资金总额|总金额|项目金额|合计/.test(source)) return "total";
  if (/中央/.test(source)) return "central";
  if (/地方|本级/.test(source)) return "local";
  if (/财政拨款/.test(source)) return "fiscal";
  return "other";
}

/** A funding line; amounts in the form's unit, texts as printed (the number itself when not given). */
export function fundingLine(seq: number, input: FundingInput): FundingLine {
  const text = (v: number | null | undefined) => (v == null ? null : String(v));
  return FundingLine.parse({
    seq,
    sourceKind: sourceKindOf(input.source),
    initialBudget: null,
    budget: null,
    executed: null,
    balance: null,
    executionRate: null,
    executionRateText: null,
    weight: null,
    score: null,
    initialBudgetYuan: null,
    budgetYuan: null,
    executedYuan: null,
    balanceYuan: null,
    page: 1,
    ...input,
    initialBudgetText: input.initialBudgetText ?? text(input.initialBudget),
    budgetText: input.budgetText ?? text(input.budget),
    executedText: input.executedText ?? text(input.executed),
    balanceText: input.balanceText ?? text(input.balance),
    executedToDateText: input.executedToDateText ?? text(input.executedToDate),
    forecastExecutedText: input.forecastExecutedText ?? text(input.forecastExecuted),
  });
}

/** An indicator; comparator and values parsed from the target text the way the normalizer does. */
export function indicator(seq: number, input: IndicatorInput): Indicator {
  const target = parseValue(input.adjustedTargetText ?? input.targetText);
  const actual = parseValue(input.actualText);
  return Indicator.parse({
    seq,
    level1: null,
    level1Weight: null,
    level2: null,
    level2Weight: null,
    targetText: null,
    adjustedTargetText: null,
    actualText: null,
    comparator: target.comparator,
    targetValue: target.value,
    targetValueMax: target.valueMax,
    actualValue: actual.value,
    unit: target.unit ?? actual.unit,
    valueType: null,
    weight: null,
    score: null,
    reason: null,
    scoringRule: null,
    description: null,
    page: 1,
    ...input,
  });
}

export function form(seq: number, input: FormInput): Form {
  const { funding = [], indicators = [], ...rest } = input;
  return Form.parse({
    seq,
    title: null,
    fiscalYear: 2023,
    agency: "某县医疗保障局",
    supervisor: null,
    supervisorCode: null,
    implementer: null,
    projectName: null,
    fillDate: null,
    moneyUnit: "万元",
    moneyUnitEffective: "万元",
    moneyUnitReason: null,
    totalWeight: null,
    totalScore: null,
    grade: null,
    pageFrom: 1,
    pageTo: 1,
    goals: [],
    notes: [],
    missing: [],
    ...rest,
    funding: funding.map((l, i) => fundingLine(i + 1, l)),
    indicators: indicators.map((x, i) => indicator(i + 1, x)),
  });
}

export function documentOf(forms: Form[], narrative: NormalizedDocument["narrative"] = []): NormalizedDocument {
  return { forms, narrative, sideTables: [], warnings: [] };
}

export function findingsOf(forms: Form | Form[], rule?: string, narrative: NormalizedDocument["narrative"] = []): Finding[] {
  const all = checkDocument(documentOf(Array.isArray(forms) ? forms : [forms], narrative));
  return rule ? all.filter((f) => f.rule === rule) : all;
}
