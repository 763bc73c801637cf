/**
 * A form reduced to what the money-unit inference reads: the declared unit,
 * its 年度资金总额 line (after a 财政拨款 line, if asked), the cost indicators'
 * texts and the project name —
 * built through the model's schema, so a field the model renames fails here.
 */
import { Form, FundingLine, Indicator, SideTable, type MoneyUnit } from "@jixiao/normalize";
import { resolveMoneyUnits } from "../src/money-unit.ts";

export interface UnitCase {
  declared: MoneyUnit | null;
  budget?: number | null;
  executed?: number | null;
  balance?: number | null;
  /** Texts of the form's indicators: [target, actual]. */
  indicators?: [string | null, string | null][];
  projectName?: string;
  /** A 财政拨款 line printed before the total, with this budget. */
  leadingBudget?: number;
  /** The form's family (a project self-evaluation unless said). */
  kind?: Form["kind"];
}

export function unitForm(c: UnitCase): Form {
  const budget = c.budget ?? null;
  const executed = c.executed ?? null;
  const balance = c.balance ?? null;
  const line = (seq: number, source: string, sourceKind: "total" | "fiscal", budget: number | null, executed: number | null, balance: number | null) => FundingLine.parse({
    seq, source, sourceKind,
    initialBudget: null, budget, executed, balance,
    initialBudgetText: null, budgetText: budget === null ? null : String(budget),
    executedText: executed === null ? null : String(executed), balanceText: balance === null ? null : String(balance),
    executionRate: null, executionRateText: null, weight: null, score: null,
    initialBudgetYuan: null, budgetYuan: null, executedYuan: null, balanceYuan: null, page: 1,
  });
  const total = line(1, "年度资金总额", "total", budget, executed, balance);
  const funding = c.leadingBudget === undefined ? [total] : [line(1, "财政拨款", "fiscal", c.leadingBudget, null, null), { ...total, seq: 2 }];
  const indicators = (c.indicators ?? []).map(([targetText, actualText], i) =>
    Indicator.parse({
      seq: i + 1, level1: "成本指标", level1Weight: null, level2: "经济成本指标", level2Weight: null, name: `成本指标${i + 1}`,
      targetText, adjustedTargetText: null, actualText, comparator: null, targetValue: null, targetValueMax: null, actualValue: null,
      unit: null, valueType: null, weight: null, score: null, reason: null, scoringRule: null, description: null, page: 1,
    }),
  );
  return Form.parse({
    seq: 1, kind: c.kind ?? "project_self_eval", title: null, fiscalYear: 2023, agency: null, supervisor: null, supervisorCode: null, implementer: null,
    projectName: c.projectName ?? null, fillDate: null, moneyUnit: c.declared, moneyUnitEffective: null, moneyUnitReason: null,
    totalWeight: null, totalScore: null, grade: null, pageFrom: 1, pageTo: 1, funding, indicators, goals: [], notes: [], missing: [],
  });
}

export function sideTable(unit: MoneyUnit | null, budget: number | null, rest: Partial<SideTable> = {}): SideTable {
  return SideTable.parse({ page: 1, line: 1, moneyUnit: unit, projectName: null, budget, executed: null, balance: null, executionRate: null, score: null, ...rest });
}

/** The form after the inference: its effective unit, the reason, and its lines' yuan amounts. */
export function resolved(c: UnitCase, sideTables: SideTable[] = []): Form {
  const form = unitForm(c);
  resolveMoneyUnits([form], sideTables);
  return form;
}

export const effectiveUnit = (c: UnitCase, sideTables: SideTable[] = []): MoneyUnit | null => resolved(c, sideTables).moneyUnitEffective;
