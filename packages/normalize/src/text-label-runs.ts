/**
 * Labels and their values printed column by column, in plain extracted text.
 * pdftotext without -layout reads a form's header block one table column at a
 * time: the labels' column (项目名称, 区级主管部门), then the values' column
 * (残疾人事业发展补助资金, 区残联), each cell a line of its own. A run of label
 * lines followed by a run of as many value lines is read back as rows of
 * label | value, in order. Only where the counts agree and every label names
 * a header fact by meaning: a paragraph after a heading, or a label whose
 * value the text lost, stays as it was.
 */
import type { Row, RowCell } from "./rows.ts";
import { endsLikeLabel, isLabelShaped } from "./facts.ts";
import { factKeyOf, headerField, looksLikePerformanceTitle, titleKind } from "./vocab.ts";
import { keyOf } from "./text-key.ts";

function isHeaderLabel(text: string): boolean {
  return isLabelShaped(text) && (factKeyOf(text) !== null || endsLikeLabel(text));
}

function isValueLine(text: string): boolean {
  const k = keyOf(text);
  return k.length > 0 && !isHeaderLabel(text) && headerField(text) === null && titleKind(text) === null && !looksLikePerformanceTitle(text);
}

export function pairLabelRuns(rows: readonly Row[]): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < rows.length;) {
    let n = 0;
    while (i + n < rows.length && rows[i + n]!.kind === "text" && isHeaderLabel(rows[i + n]!.text)) n++;
    const values = rows.slice(i + n, i + 2 * n);
    const paired = n >= 2 && values.length === n && values.every((r) => r.kind === "text" && r.page === rows[i]!.page && isValueLine(r.text));
    if (!paired) {
      out.push(rows[i]!);
      i++;
      continue;
    }
    for (let k = 0; k < n; k++) {
      const label = rows[i + k]!, value = values[k]!;
      const cells: RowCell[] = [{ col: 0, colSpan: 1, text: label.text.trim() }, { col: 1, colSpan: 1, text: value.text.trim() }];
      out.push({ ...label, kind: "cells", cells, allCells: cells, text: `${label.text.trim()} ${value.text.trim()}` });
    }
    i += 2 * n;
  }
  return out;
}
