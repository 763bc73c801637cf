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
import type { Row } from "./rows.ts";
import type { Draft } from "./draft.ts";
import { align, besideBlockLabel, extraOf } from "./sections.ts";
import { fundingLine } from "./funding-line.ts";
import { parseNumber, parseRate } from "./values.ts";
import { headerKey, sourceKindOf } from "./vocab.ts";

/** The row's lines, one per source column with an amount; null when the block has no source columns or the row none. */
export function readSourceColumnsRow(draft: Draft, row: Row): FundingLine[] | null {
  const columns = draft.header?.sourceColumns ?? [];
  if (columns.length === 0) return null;
  // (Copied text prints the block's label, merged down beside the row, once: the row's cells stand one slot right.)
  const a = align(draft, besideBlockLabel(draft, row));
  const placed = [...a.underColumn].flatMap(([cell, col]) => {
    const column = columns.find((c) => c.col === col);
    const amount = parseNumber(cell.text);
    return column && amount !== null ? [{ cell, column, amount }] : [];
  });
  if (placed.length === 0) return null;
  const executed = a.byField.get("executed"), rate = a.byField.get("rate");
  const lines = placed.map(({ cell, column, amount }, i) => {
    const source = headerKey(column.header);
    return { ...fundingLine(draft.form.funding.length + 1 + i, source, sourceKindOf(source), amount, cell.text, null, null), page: row.page, line: row.line, ocrConfidence: row.ocrConfidence ?? null };
  });
  const whole = lines.find((l) => l.sourceKind === "total") ?? (lines.length === 1 ? lines[0] : undefined);
  if (whole) {
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
