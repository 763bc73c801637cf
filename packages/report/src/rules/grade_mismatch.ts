/**
 * grade_mismatch — error — printed grade vs the band of the printed total:
 * 优 ≥ 90 (90 itself is 优), 良 80–89.99, 中 60–79.99, 差 < 60 unless the form's
 * note sets other bands; 优秀/良好 and 一等…四等 map to the same grades.
 */
import { formLabel, formWhere, paramsOf, paramsRecord, tail } from "../context.ts";
import { canonicalGrade, gradeOfTotal, type GradeBand } from "../scoring-params.ts";
import { scoreRulesApply } from "../families.ts";
import { defineRule } from "./rule.ts";

function bandText(grades: readonly GradeBand[], grade: GradeBand["grade"]): string {
  const i = grades.findIndex((g) => g.grade === grade);
  const band = grades[i]!;
  const above = grades[i - 1];
  if (band.min === -Infinity) return `${above?.min ?? ""}分以下为${grade}`;
  return above ? `${band.min}（含）至${above.min}分为${grade}` : `${band.min}分（含）以上为${grade}`;
}

export const gradeMismatch = defineRule("grade_mismatch", "error", (ctx, report) => {
  return ctx.doc.forms.filter(scoreRulesApply).flatMap((form) => {
    const printed = canonicalGrade(form.grade);
    if (printed === null || form.totalScore === null) return [];
    const params = paramsOf(ctx, form);
    const expected = gradeOfTotal(form.totalScore, params.grades);
    if (expected === printed) return [];
    return [
      report({
        form,
        message:
          `绩效结论为“${form.grade}”，但总分${form.totalScore}分按${bandText(params.grades, expected)}应为“${expected}”` +
          tail(formWhere(ctx, form), formLabel(form)),
        expected: null,
        observed: form.totalScore,
        page: form.pageTo ?? form.pageFrom,
        params: paramsRecord(params, "grades", {
          printed: form.grade,
          expectedGrade: expected,
          bands: params.grades.map((g) => ({ grade: g.grade, min: Number.isFinite(g.min) ? g.min : null })),
        }),
      }),
    ];
  });
});
