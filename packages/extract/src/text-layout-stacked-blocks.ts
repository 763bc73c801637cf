/**
 * Rows whose cells pdftotext printed one column after another, in layout text
 * (text-layout.ts). pdftotext gathers the text of cells that sit right under
 * each other with the same font into one block and prints a page block by
 * block, so where a PDF draws each cell's text on its own (Chromium's), the
 * rows of a few alike cells come out stacked:
 *
 *     时效指标 及时(按期)开工率
 *             及时(按期)完工率
 *                         10 ≥90%
 *                         10 ≥90%
 *                                   ≥90%
 *                                   ≥90%
 *                                          10
 *                                          10
 *
 * each block of k lines starting right of where every line of the block
 * before it ends. Laid side by side again, the j-th line of each block is the
 * j-th row:
 *
 *     时效指标 及时(按期)开工率 10 ≥90%  ≥90%  10
 *             及时(按期)完工率 10 ≥90%  ≥90%  10
 *
 * Only where the blocks hold the rows' values (a block after the first each
 * of whose lines holds a figure, a share or an amount): lines of words further
 * right on each line (a title's lines, a cover's) are no cells of one row.
 */

import { COMPARISON } from "./text-layout-words.ts";

/** Lines of one block at most (rows of alike cells pdftotext gathered). */
const MAX_BLOCK_LINES = 6;
/** A value of a row: a figure with a comparison, a share or a short unit (10, ≥90%, ≥266米, 20万元, 95%). */
const VALUE = new RegExp(`^(?:${COMPARISON}|>=|<=)?[-+]?\\d[\\d,]*(?:\\.\\d+)?(?:%|[\\u4e00-\\u9fff]{1,3})?$`, "u");

/** A line of the file: its text and its 1-based number (text-layout.ts). */
export interface NumberedLine {
  line: number;
  text: string;
}

/** Where a line's text starts and ends, in code points (pdftotext's columns). */
function extent(text: string): { from: number; to: number } {
  const chars = Array.from(text);
  const from = chars.findIndex((ch) => ch !== " ");
  let to = chars.length;
  while (to > 0 && chars[to - 1] === " ") to--;
  return { from, to };
}

const isBlank = (text: string) => text.trim() === "";
/** A line that holds a row's value (10 % =, 预计完成率达 完成率达100% 6 6): a figure among its words. */
const isValueLine = (text: string) => text.trim().split(/\s+/).some((w) => VALUE.test(w));

/** The blocks of k lines from line i on, each right of the one before; empty if fewer than two. */
function blocksFrom(lines: readonly NumberedLine[], i: number, k: number): { from: number; to: number }[] {
  const blocks: { from: number; to: number }[] = [];
  for (let b = i; b + k <= lines.length; b += k) {
    const own = lines.slice(b, b + k);
    if (own.some((l) => isBlank(l.text))) break;
    const ext = own.map((l) => extent(l.text));
    const block = { from: Math.min(...ext.map((e) => e.from)), to: Math.max(...ext.map((e) => e.to)) };
    if (blocks.length > 0 && block.from <= blocks[blocks.length - 1]!.to) break;
    // (The lines of a block after the first stand under each other: one column's cells, row under row.)
    if (blocks.length > 0 && ext.some((a) => ext.some((b) => a.to <= b.from))) break;
    blocks.push(block);
  }
  return blocks.length >= 2 ? blocks : [];
}

/** Line j of each block laid over one line, each at its own columns. */
function sideBySide(lines: readonly NumberedLine[], i: number, k: number, n: number): NumberedLine[] {
  return Array.from({ length: k }, (_, j) => {
    const chars: string[] = [];
    for (let b = 0; b < n; b++) {
      Array.from(lines[i + b * k + j]!.text).forEach((ch, x) => {
        while (chars.length < x) chars.push(" ");
        if (ch !== " ") chars[x] = ch;
      });
    }
    return { line: lines[i + j]!.line, text: chars.join("") };
  });
}

/** A page's lines with each run of stacked blocks laid side by side again, one line per row. */
export function unstackBlocks(lines: readonly NumberedLine[]): NumberedLine[] {
  const out: NumberedLine[] = [];
  let i = 0;
  while (i < lines.length) {
    let taken = 0;
    // (The fewest lines a block can have: a block of k rows also splits into blocks of fewer only where its lines
    // do not stand under each other.)
    for (let k = 2; k <= MAX_BLOCK_LINES && taken === 0; k++) {
      const blocks = blocksFrom(lines, i, k);
      const holdsValues = blocks.some((_, b) => b > 0 && lines.slice(i + b * k, i + (b + 1) * k).every((l) => isValueLine(l.text)));
      if (!holdsValues) continue;
      out.push(...sideBySide(lines, i, k, blocks.length));
      taken = k * blocks.length;
    }
    if (taken === 0) {
      out.push(lines[i]!);
      taken = 1;
    }
    i += taken;
  }
  return out;
}
