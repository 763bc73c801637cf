/** A funding line with only what a table printed; everything else starts empty. */
import type { FundingLine } from "./model.ts";

export function fundingLine(seq: number, source: string, kind: FundingLine["sourceKind"], budget: number | null, budgetText: string | null,
  executed: number | null, executedText: string | null, balance: number | null = null, balanceText: string | null = null): FundingLine {
  return {
    seq, source, sourceKind: kind,
    initialBudget: null, budget, executed, balance,
    initialBudgetText: null, budgetText, executedText, balanceText,
    executionRate: null, executionRateText: null, weight: null, score: null,
    executedToDate: null, executedToDateText: null, forecastExecuted: null, forecastExecutedText: null,
    initialBudgetYuan: null, budgetYuan: null, executedYuan: null, balanceYuan: null,
    executedToDateYuan: null, forecastExecutedYuan: null, extra: {}, ocrConfidence: null,
    page: null, line: null,
  };
}
