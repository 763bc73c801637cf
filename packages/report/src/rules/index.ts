/** Every rule of ../shared/spec/rules.md, in the order rules.md lists them (the 2026-12 families' rules last). */
import { crossTableMismatch } from "./cross_table_mismatch.ts";
import { departmentTotalMismatch } from "./department_total_mismatch.ts";
import { executionRateMismatch } from "./execution_rate_mismatch.ts";
import { executionScoreMismatch } from "./execution_score_mismatch.ts";
import { codePrecisionLost } from "./code_precision_lost.ts";
import { extractionPartial } from "./extraction_partial.ts";
import { forecastExceedsBudget } from "./forecast_exceeds_budget.ts";
import { fundingIdentity } from "./funding_identity.ts";
import { gradeMismatch } from "./grade_mismatch.ts";
import { indicatorScoreFormula } from "./indicator_score_formula.ts";
import { level1WeightMismatch } from "./level1_weight_mismatch.ts";
import { missingReason } from "./missing_reason.ts";
import { moneyUnitSuspect } from "./money_unit_suspect.ts";
import { narrativeMismatch } from "./narrative_mismatch.ts";
import { ocrLowConfidence } from "./ocr_low_confidence.ts";
import { qualitativeBand } from "./qualitative_band.ts";
import type { Rule } from "./rule.ts";
import { scoreExceedsWeight } from "./score_exceeds_weight.ts";
import { totalScoreMismatch } from "./total_score_mismatch.ts";
import { unrecognizedLabel } from "./unrecognized_label.ts";
import { weightsNot100 } from "./weights_not_100.ts";

export type { Rule } from "./rule.ts";

export const RULES: readonly Rule[] = [
  executionRateMismatch,
  executionScoreMismatch,
  fundingIdentity,
  moneyUnitSuspect,
  totalScoreMismatch,
  weightsNot100,
  level1WeightMismatch,
  scoreExceedsWeight,
  gradeMismatch,
  indicatorScoreFormula,
  qualitativeBand,
  missingReason,
  crossTableMismatch,
  narrativeMismatch,
  departmentTotalMismatch,
  extractionPartial,
  forecastExceedsBudget,
  unrecognizedLabel,
  codePrecisionLost,
  ocrLowConfidence,
];
