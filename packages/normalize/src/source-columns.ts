/**
 * A funding block that prints its sources across, one column each, and the
 * amounts of the year on the row under them:
 *
 *     项目资金 | 来源 | 中央(万元) | 省、地(万元) | 本级(万元) | 其他(万元) | 合计(万元) | 执行数(万元) | 执行率
 *              |      |            |              | 309        |            | 309        | 309          | 100%
 *
 * Each source column holding an amount is a funding line of that source (its
 * budget); the row's execution and rate belong to the whole (合计), or to the
 * one line when only one source prints an amount. The header model marks the
 * columns (headers.ts, sourceColumns); the aligner holds their cells in place.
 */
import type { FundingLine } from "./model.ts";
import type { Row, RowCell } from "./rows.ts";
import type { Draft } from "./draft.ts";
import { align, besideBlockLabel, extraOf } from "./sections.ts";
import { fundingLine } from "./funding-line.ts";
import { parseNumber, parseRate } from "./values.ts";
import { headerField, headerKey, sourceKindOf } from "./vocab.ts";

/** The row's lines, one per source column with an amount; null when the block has no source columns or the row none. */
export function readSourceColumnsRow(draft: Draft, row: Row): FundingLine[] | null {
  const columns = draft.header?.sourceColumns ?? [];
  if (columns.length === 0) return null;
  // (Copied text prints the block's label, merged down beside the row, once: the row's cells stand one slot right.)
  const a = align(draft, besideBlockLabel(draft, row));
  // 预算数 | 100 | 80 | 20, then 执行数 | 90 | 70 | 20 and 执行率 | 90% | …: rows named by what they measure, each
  // source's amounts down its column — the later rows fill the lines the first made.
  // (In copied text the word may stand under the block's label, whose merge the copy lost.)
  const words = [...a.unassigned, ...[a.byField.get("fundLabel"), a.byField.get("source")].filter((c) => c !== undefined)];
  const measure = rowMeasure(words.filter((c) => parseNumber(c.text) === null && parseRate(c.text) === null));
  const sourceOf = (col: number) => {
    const column = columns.find((c) => c.col === col);
    return column ? headerKey(column.header) : null;
  };
  const lineOf = (col: number) => draft.form.funding.find((l) => l.source === sourceOf(col));
  if (measure && [...a.underColumn.values()].some((col) => lineOf(col))) return fillSourceLines(a.underColumn, lineOf, measure);
  const placed = [...a.underColumn].flatMap(([cell, col]) => {
    const source = sourceOf(col);
    return source !== null && parseNumber(cell.text) !== null ? [{ cell, source }] : [];
  });
  if (placed.length === 0) return null;
  const executed = a.byField.get("executed"), rate = a.byField.get("rate");
  // (A first row that measures something other than the budget, 年初预算数 | 100 | 60 …, holds that.)
  const lines = placed.map(({ cell, source }, i) => {
    const line = { ...fundingLine(draft.form.funding.length + 1 + i, source, sourceKindOf(source), null, null, null, null), page: row.page, line: row.line, ocrConfidence: row.ocrConfidence ?? null };
    setMeasure(line, measure ?? "budget", cell.text);
    return line;
  });
  const whole = lines.find((l) => l.sourceKind === "total") ?? (lines.length === 1 ? lines[0] : undefined);
  if (whole && (executed || rate)) {
    whole.executed = parseNumber(executed?.text);
    whole.executedText = executed?.text ?? null;
    whole.executionRate = parseRate(rate?.text ?? null);
    whole.executionRateText = rate?.text ?? null;
  }
  const used = new Set([...placed.map((p) => p.cell), ...(whole ? [executed, rate].filter((c) => c !== undefined) : [])]);
  // (What the row prints besides goes with its last line.)
  lines[lines.length - 1]!.extra = extraOf(draft, a.unassigned, used);
  return lines;
}

type Measure = "budget" | "executed" | "rate" | "initialBudget";

/** What a row of the block measures, by its own word (全年预算数, 执行数, 实际支出, 执行率, 年初预算数); null for none. */
function rowMeasure(words: readonly RowCell[]): Measure | null {
  const field = words.length === 1 ? headerField(words[0]!.text) : null;
  return field === "budget" || field === "executed" || field === "rate" || field === "initialBudget" ? field : null;
}

/** Puts a figure of the row on a line, in the field the row measures. */
function setMeasure(line: FundingLine, measure: Measure, text: string): void {
  if (measure === "rate") [line.executionRate, line.executionRateText] = [parseRate(text), text];
  else if (measure === "executed") [line.executed, line.executedText] = [parseNumber(text), text];
  else if (measure === "initialBudget") [line.initialBudget, line.initialBudgetText] = [parseNumber(text), text];
  else [line.budget, line.budgetText] = [parseNumber(text), text];
}

/** The amounts (or rates) of a measure's row, put on the lines of the same sources; [] (nothing new) once read. */
function fillSourceLines(under: ReadonlyMap<RowCell, number>, lineOf: (col: number) => FundingLine | undefined, measure: Measure): FundingLine[] {
  for (const [cell, col] of under) {
    const line = lineOf(col);
    if (line) setMeasure(line, measure, cell.text);
  }
  return [];
}
