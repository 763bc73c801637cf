/**
 * forecast_exceeds_budget — warning — a monitoring form's 全年预计执行数 is
 * above its 全年预算数 (年初预算数 when that is the only budget printed), beyond
 * what the printed digits allow: the lowest value the printed forecast can
 * stand for must be above the highest the printed budget can.
 */
import { formLabel, tail, whereText } from "../context.ts";
import { budgetFor } from "../families.ts";
import { decimalsOfNumber, halfUlp, show } from "../rounding.ts";
import { defineRule } from "./rule.ts";

const FLOAT_NOISE = 1e-9;

export const forecastExceedsBudget = defineRule("forecast_exceeds_budget", "warning", (ctx, report) => {
  return ctx.doc.forms.flatMap((form) =>
    form.funding.flatMap((line) => {
      const forecast = line.forecastExecuted ?? null;
      const budget = budgetFor(form, line);
      if (forecast === null || budget.value === null) return [];
      // Each printed amount stands for ± half its last digit (万元 amounts at least to the cent):
      // the forecast exceeds the budget only when even its lowest reading is above the budget's highest.
      const floor = (form.moneyUnitEffective ?? form.moneyUnit) === "元" ? 0 : 2;
      const dForecast = Math.max(floor, decimalsOfNumber(forecast));
      const dBudget = Math.max(floor, decimalsOfNumber(budget.value));
      // Stryker disable next-line EqualityOperator: `<=` differs only when the two sides are equal to the last bit, which the 1e-9 noise term keeps decimal amounts from being.
      if (forecast - halfUlp(dForecast) < budget.value + halfUlp(dBudget) - FLOAT_NOISE) return [];
      const decimals = Math.max(dForecast, dBudget);
      return [
        report({
          form,
          funding: line,
          message:
            `全年预计执行数${line.forecastExecutedText?.trim() || forecast}超过${budget.name}${budget.value}，超出${show(forecast - budget.value, decimals)}` +
            tail(whereText(ctx, line), formLabel(form), line.source),
          expected: budget.value,
          observed: forecast,
          params: { budgetColumn: budget.name, decimals },
        }),
      ];
    }),
  );
});
