/**
 * A header whose cells wrap, in a grid rebuilt from text (pdftotext -layout):
 * the text gives each line of a wrapped header cell a row of its own, so
 *
 *     总体资金情况 |      | 当年 |      |       | 近两年收支金额
 *     单位:万元    |      | 金额 | 占比 | 2021年 | 2022年
 *
 * are two rows of which neither heads anything (当年 names no column, 金额 alone
 * is one amount). Read together, column by column (当年金额 over the year's
 * amount), they are the header of a money table. Two such rows are one when
 * neither is a header by itself, both hold words only, and their cells joined
 * down each column are one. Exact grids (DOCX, spreadsheets, ruled PDF tables)
 * keep a wrapped cell's lines in one cell and are left alone.
 */
import type { Row, RowCell } from "./rows.ts";
import { classifyHeader } from "./headers.ts";
import { parseNumber } from "./values.ts";

export function joinStackedHeaders(rows: Row[]): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < rows.length; i++) {
    const top = rows[i]!, below = rows[i + 1];
    const joined = below && stackable(top, below) ? stack(top, below) : null;
    // (Each row judged as a line inside a grid's header would be: 期) | 三级指标(年度) | 指标值(年度) heads nothing alone.)
    const alone = (r: Row) => classifyHeader(r, false, true);
    if (joined && alone(top) === null && alone(below!) === null && classifyHeader(joined) !== null) {
      out.push(joined);
      i++;
      continue;
    }
    out.push(top);
  }
  return out;
}

function stackable(top: Row, below: Row): boolean {
  const wordsOnly = (r: Row) => r.kind === "cells" && !r.exact && r.cells.length >= 2 && r.cells.every((c) => parseNumber(c.text) === null);
  return wordsOnly(top) && wordsOnly(below) && top.table === below.table && top.gridRow !== undefined && below.gridRow === top.gridRow + 1;
}

/** The two rows' cells joined down each column (a cell starting in a column the other row leaves empty stays as it is). */
function stack(top: Row, below: Row): Row {
  const cells: RowCell[] = [];
  const lower = new Map(below.cells.map((c) => [c.col, c]));
  for (const c of top.cells) {
    const under = lower.get(c.col);
    lower.delete(c.col);
    cells.push(under ? { ...c, colSpan: Math.max(c.colSpan, under.colSpan), text: c.text + under.text } : c);
  }
  cells.push(...lower.values());
  cells.sort((a, b) => a.col - b.col);
  return { ...top, cells, allCells: cells, text: cells.map((c) => c.text).join(" ") };
}
