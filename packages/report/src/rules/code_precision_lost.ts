/**
 * code_precision_lost — info — a code (项目编码, 项目代码, 主管部门编码 …) that
 * reached the form as a floating-point number: its displayed digits cannot be
 * the whole code. 4.403062313915E+20 shows 13 digits of a 21-digit code;
 * 440306231391501000000 is what a spreadsheet shows for a code stored as a
 * number (only ~15 significant digits survive; the rest print as zeros).
 */
import { keyOf, type Form } from "@jixiao/normalize";
import { formLabel, formWhere, tail, whereText } from "../context.ts";
import { defineRule } from "./rule.ts";

/** Digits a double keeps exactly. */
const DOUBLE_DIGITS = 15;
const CODE_LABEL = /编码|代码/;
const SCIENTIFIC = /^[+-]?(\d+)(?:\.(\d+))?[eE]\+?(\d+)$/;

export interface LostCode {
  /** Digits the display shows, and digits the number has. */
  shown: number;
  length: number;
}

/**
 * Is `value` a float rendering that cannot hold a whole code? Scientific
 * notation whose mantissa shows fewer digits than the number has (or more than
 * a double keeps); or a long digit string (beyond 2^53, possibly ".0") that is
 * exactly what a double prints, its tail padded with zeros.
 */
export function lostCode(value: string | null | undefined): LostCode | null {
  const v = keyOf(value);
  const sci = v.match(SCIENTIFIC);
  if (sci) {
    const [, int, frac = "", exp] = sci;
    const digits = (int! + frac).replace(/^0+/, "");
    const length = int!.replace(/^0+/, "").length + Number(exp);
    if (length > digits.length || digits.length > DOUBLE_DIGITS) return { shown: Math.min(digits.length, DOUBLE_DIGITS), length };
    return null;
  }
  const plain = v.match(/^(\d+)(?:\.0+)?$/);
  if (!plain) return null;
  const digits = plain[1]!.replace(/^0+(?=\d)/, "");
  const n = Number(digits);
  // Beyond 2^53 a double cannot hold every integer; a code printed exactly as the double's shortest form was one.
  if (n > Number.MAX_SAFE_INTEGER && shortestDigits(n) === digits) {
    const significant = digits.replace(/0+$/, "").length;
    return { shown: significant, length: digits.length };
  }
  return null;
}

/** The integer digits of a double's shortest rendering: 4.40306231391501e20 → 440306231391501000000. */
function shortestDigits(n: number): string {
  const [mantissa, exp] = n.toExponential().split("e");
  return mantissa!.replace(".", "").padEnd(Number(exp) + 1, "0");
}

interface CodeCell {
  label: string;
  value: string;
  place: { page: number | null; line: number | null } | null;
}

function codeCells(form: Form): CodeCell[] {
  const cells: CodeCell[] = [];
  const seen = new Set<string>();
  const add = (label: string, value: string | null | undefined, place: CodeCell["place"]) => {
    if (!value) return;
    const key = `${keyOf(value)}`;
    if (seen.has(key)) return;
    seen.add(key);
    cells.push({ label, value, place });
  };
  // ?? : forms loaded from a database written before these fields existed lack them.
  const facts = form.facts ?? [];
  const codeFact = facts.find((f) => f.field === "projectCode" || /项目(编码|代码)/.test(keyOf(f.label)));
  add(codeFact?.label ?? "项目编码", form.projectCode ?? null, codeFact ?? null);
  for (const f of facts) if (CODE_LABEL.test(keyOf(f.label))) add(f.label, f.value, f);
  for (const row of [...form.funding, ...form.indicators]) {
    for (const [header, text] of Object.entries(row.extra ?? {})) if (CODE_LABEL.test(keyOf(header))) add(header, text, row);
  }
  return cells;
}

export const codePrecisionLost = defineRule("code_precision_lost", "info", (ctx, report) => {
  return ctx.doc.forms.flatMap((form) =>
    codeCells(form).flatMap((cell) => {
      const lost = lostCode(cell.value);
      if (!lost) return [];
      return [
        report({
          form,
          message:
            `${cell.label}显示为${cell.value.trim()}，是按数字存储的编码：只保留了${lost.shown}位有效数字，而编码有${lost.length}位，完整编码无法从本文件读出` +
            tail(cell.place ? (whereText(ctx, cell.place) ?? formWhere(ctx, form)) : formWhere(ctx, form), formLabel(form)),
          page: cell.place?.page ?? null,
          params: { label: cell.label, value: cell.value, digitsShown: lost.shown, digits: lost.length },
        }),
      ];
    }),
  );
});
