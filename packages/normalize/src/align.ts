/**
 * Aligning a data row's cells to the columns of its header.
 *
 * In a PDF, DOCX or spreadsheet grid a cell sits exactly under its header. In
 * text extracted from those files, merged cells vanish and rows shift left or
 * right by a few slots, non-uniformly (the indicator name lands under 一级指标
 * while the numbers stay put). Both cases are one problem: assign each
 * non-empty cell, in order, to a distinct header column, preferring columns
 * whose meaning fits the cell (a score column takes a number, 一级指标 takes
 * 产出指标) and, among those, the nearest one. A monotonic alignment by dynamic
 * programming solves it exactly; rows are short (≤ 30 cells).
 */
import type { RowCell } from "./rows.ts";

export interface Column<F extends string> {
  col: number;
  field: F;
  /** A column that holds its cells in place without naming a field (指标性质, 中期指标值). */
  passThrough?: boolean;
}

/** Cost of a cell being one column away from its header. Small: meaning beats position. */
export const POSITION_PENALTY = 0.3;
/**
 * The same in a grid whose columns are the printed ones: a cell there stands where it was printed, so each
 * column it would move costs more (共性指标 under 指标类型, fitting no value type, stays there rather than fill
 * the 完成量 three columns left that its row left blank).
 */
export const EXACT_POSITION_PENALTY = 0.5;
/** Cost of leaving a non-empty cell unassigned (junk, or a label with no column). */
export const SKIP_PENALTY = 4;
/**
 * Cost of putting a cell under a column its row leaves vacant (covered by a
 * merged cell from above, or printed blank in an exact grid). Not forbidden:
 * a header printed one slot off its data (绩效指标 | 一级指标 … with no cell
 * over the 绩效指标 column) still reads, but a cell does not move into a
 * merged level column just because its words fit there.
 */
export const VACANT_PENALTY = 3.5;
/**
 * Reward for a cell exactly under its column in a grid whose columns are the
 * printed ones (DOCX, spreadsheets): there a 产出指标 printed under 二级指标 is a
 * level-2 label of that template (实施效果指标 › 产出指标), not a shifted level 1.
 */
export const EXACT_POSITION_BONUS = 3;
/**
 * Worth of a cell standing right under its column in text laid out by columns (pdftotext -layout): its
 * place says something, less than in a printed grid (a centred header may sit a slot off). Enough that a
 * word (高, 好) stays under 全年完成值 rather than give way to a rate two columns right that fits a value better.
 */
export const PLACED_POSITION_BONUS = 0.5;
/**
 * Further cost, in a grid whose columns are the printed ones, of putting a cell
 * under a column that a merged cell from a row above still covers with text
 * that fits the column well: that slot already holds its label (实施效果指标 merged
 * down its group), so a 效益指标 printed beside it is the group's level 2, not a
 * new level 1. (A covering text that does not fit — a header printed one slot
 * off its data — leaves the column open.)
 */
export const COVERED_PENALTY = 6;
/** How well a covering text must fit a column to hold it: a level label under its own level, not a mere name. */
export const HOLDING_FIT = 4;

/** What the row's grid says about its columns. */
export interface RowGeometry {
  /** Grid columns the row leaves vacant (see VACANT_PENALTY). */
  vacant?: ReadonlySet<number>;
  /** The grid's columns are the printed ones (see EXACT_POSITION_BONUS). */
  exact?: boolean;
  /** The row's cells were placed by column, each under the header it stands below (see PLACED_POSITION_BONUS). */
  placed?: boolean;
  /** Grid columns a non-empty merged cell from a row above covers, with its text (see COVERED_PENALTY). */
  covered?: ReadonlyMap<number, string>;
}
/** Below this a cell never goes to the column. */
export const FORBIDDEN = -15;

export interface Alignment<F extends string> {
  byField: Map<F, RowCell>;
  unassigned: RowCell[];
  /** Cells among `unassigned` that the alignment put under a column no field names: that column. */
  underColumn: Map<RowCell, number>;
}

export function alignRow<F extends string>(
  cells: RowCell[],
  columns: Column<F>[],
  fit: (field: F, text: string) => number,
  geometry: RowGeometry = {},
): Alignment<F> {
  const vacant = geometry.vacant ?? new Set<number>();
  const exactBonus = geometry.exact ? EXACT_POSITION_BONUS : geometry.placed ? PLACED_POSITION_BONUS : 0;
  const covered = geometry.exact ? geometry.covered ?? new Map<number, string>() : new Map<number, string>();
  const holds = (column: Column<F>): boolean => {
    const text = covered.get(column.col);
    return text !== undefined && !column.passThrough && fit(column.field, text) >= HOLDING_FIT;
  };
  const n = cells.length;
  const m = columns.length;
  // best[i][j]: best score placing cells[i..] into columns[j..]
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  const choice: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n; i >= 0; i--) {
    for (let j = m; j >= 0; j--) {
      if (i === n) { best[i]![j] = 0; continue; }
      // 0 = skip cell, 1 = skip column, 2 = assign
      let b = best[i + 1]![j]! - SKIP_PENALTY;
      let c = 0;
      if (j < m) {
        if (best[i]![j + 1]! > b) { b = best[i]![j + 1]!; c = 1; }
        const cell = cells[i]!;
        const column = columns[j]!;
        const f = fit(column.field, cell.text);
        if (f > FORBIDDEN) {
          const dist = distance(cell, column.col);
          const place = dist === 0 ? exactBonus : -(geometry.exact ? EXACT_POSITION_PENALTY : POSITION_PENALTY) * dist;
          const blocked = (vacant.has(column.col) ? VACANT_PENALTY : 0) + (holds(column) ? COVERED_PENALTY : 0);
          const s = f + place - blocked + best[i + 1]![j + 1]!;
          if (s > b) { b = s; c = 2; }
        }
      }
      best[i]![j] = b;
      choice[i]![j] = c;
    }
  }
  const byField = new Map<F, RowCell>();
  const unassigned: RowCell[] = [];
  const underColumn = new Map<RowCell, number>();
  let i = 0;
  let j = 0;
  while (i < n) {
    const c = j <= m ? choice[i]![j]! : 0;
    if (c === 2) {
      // A cell placed under a column no field names stays with the row's unplaced cells.
      if (columns[j]!.passThrough) {
        unassigned.push(cells[i]!);
        underColumn.set(cells[i]!, columns[j]!.col);
      }
      else byField.set(columns[j]!.field, cells[i]!);
      i++;
      j++;
    }
    else if (c === 1) j++;
    else { unassigned.push(cells[i]!); i++; }
  }
  return { byField, unassigned, underColumn };
}

function distance(cell: RowCell, col: number): number {
  const last = cell.col + Math.max(1, cell.colSpan) - 1;
  if (col >= cell.col && col <= last) return 0;
  return col < cell.col ? cell.col - col : col - last;
}
