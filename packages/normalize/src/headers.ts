/**
 * Recognising header rows and turning one or more of them into a column model
 * (which field each grid column holds).
 */
import type { Row } from "./rows.ts";
import type { Column } from "./align.ts";
import { headerField, HEADER_CHILDREN, isGoalsHeader, type Field } from "./vocab.ts";
import { parseMoneyUnit, parseNumber } from "./values.ts";
import { keyOf } from "./text-key.ts";

export type SectionKind = "funding" | "indicators" | "goals" | "targets" | "projectList";

const INDICATOR_FIELDS = new Set<Field>(["level1", "level2", "name", "target", "adjustedTarget", "actual", "weight", "score", "reason", "scoringRule", "valueType", "unit", "description"]);
const FUNDING_FIELDS = new Set<Field>(["source", "initialBudget", "declaredBudget", "budget", "executed", "balance", "rate"]);

export interface HeaderModel {
  kind: SectionKind;
  columns: Column<Field>[];
  /** Money unit declared in a header cell: 项目资金（万元）, 全年预算数(元). */
  moneyUnit: "元" | "万元" | null;
}

function fieldsOf(row: Row): Field[] {
  return row.cells.map((c) => headerField(c.text)).filter((f): f is Field => f !== null);
}

/** Classify a row as the header of a form part, or null. */
export function classifyHeader(row: Row): SectionKind | null {
  if (row.kind !== "cells") return null;
  // Headers hold words; a row with an amount in it (预算数： 3686.55) is data.
  if (row.cells.some((c) => parseNumber(c.text) !== null)) return null;
  const fields = new Set(fieldsOf(row));
  const count = (set: Set<Field>) => [...fields].filter((f) => set.has(f)).length;
  const hasLevels = fields.has("level1") || fields.has("level2") || fields.has("name");
  // A unit code beside a unit name is a budget/target table even before its
  // amount and goal columns appear (they may sit on the header's second row).
  const names = fields.has("unitCode") || fields.has("projectName");
  if (!fields.has("seq") && ((names && (fields.has("goal") || fields.has("budget"))) || (fields.has("unitCode") && fields.has("projectName")))) {
    return "targets";
  }
  if (fields.has("seq") && fields.has("projectName")) return "projectList";
  if (hasLevels && count(INDICATOR_FIELDS) >= 3) return "indicators";
  if (count(FUNDING_FIELDS) >= 2 && !hasLevels) return "funding";
  if (row.cells.some((c) => isGoalsHeader(c.text)) || (fields.has("goal") && fields.has("goalActual"))) return "goals";
  return null;
}

/**
 * A row continuing the header above it: sub-headers (目标申报数 / 预算编制数,
 * 一级指标 … under 绩效指标) or parenthesised qualifiers ((调整后), (至2021年底)).
 */
export function isHeaderContinuation(row: Row): boolean {
  if (row.kind !== "cells" || row.cells.length === 0) return false;
  return row.cells.every((c) => headerField(c.text) !== null || /^\(.*\)$/.test(keyOf(c.text)) || /^(按支出性质分|按收入性质分|年度预算申请)$/.test(keyOf(c.text)));
}

/** Build the column model from a header row and its continuation rows (deeper rows win a column). */
export function buildHeader(kind: SectionKind, headerRows: Row[]): HeaderModel {
  const byCol = new Map<number, { text: string; field: Field | null }>();
  let moneyUnit: "元" | "万元" | null = null;
  const parents: { col: number; key: string }[] = [];
  headerRows.forEach((row, depth) => {
    for (const c of row.cells) {
      moneyUnit ??= parseMoneyUnit(c.text);
      const key = keyOf(c.text);
      if (/^\(.*\)$/.test(key)) {
        // (调整后) qualifies the header cell above it.
        const above = byCol.get(c.col);
        if (above) {
          const text = above.text + c.text;
          byCol.set(c.col, { text, field: headerField(text) ?? above.field });
        }
        continue;
      }
      if (HEADER_CHILDREN.some(([p]) => p.test(key))) parents.push({ col: c.col, key });
      const field = headerField(c.text);
      let col = c.col;
      // A sub-header printed far right of its parent group (a text layer's
      // placement of a merged cell) belongs right after its siblings: insert it
      // there and shift the columns to its right, as the data rows are.
      const parent = HEADER_CHILDREN.find(([, child]) => child.test(key));
      if (depth > 0 && parent) {
        const p = parents.find((x) => parent[0].test(x.key));
        if (p && col > p.col + 3) {
          col = p.col + 1;
          while (byCol.has(col) && HEADER_CHILDREN.some(([, ch]) => ch.test(keyOf(byCol.get(col)!.text)))) col++;
          insertColumn(byCol, col);
        }
      }
      if (field || !byCol.has(col)) byCol.set(col, { text: c.text, field });
    }
  });
  const columns: Column<Field>[] = [...byCol.entries()]
    .filter(([, v]) => v.field !== null)
    .sort((a, b) => a[0] - b[0])
    .map(([col, v]) => ({ col, field: v.field! }));
  // 年初指标值 beside 调整后指标值 is the initial target; alone it is the target. Nothing to do:
  // both map to 'target' and 'adjustedTarget' already. Two 'target' columns (年度指标 over
  // 年初指标) keep only the deeper one.
  return { kind, columns: dedupe(columns), moneyUnit };
}

function insertColumn<T>(byCol: Map<number, T>, at: number): void {
  const moved = [...byCol.entries()].filter(([c]) => c >= at).sort((a, b) => b[0] - a[0]);
  for (const [c, v] of moved) {
    byCol.delete(c);
    byCol.set(c + 1, v);
  }
}

/** One column per field: when a field repeats (a parent and its child), keep the rightmost deeper one. */
function dedupe(columns: Column<Field>[]): Column<Field>[] {
  const seen = new Map<Field, number>();
  columns.forEach((c, i) => seen.set(c.field, i));
  return columns.filter((c, i) => seen.get(c.field) === i || c.field === "label");
}
