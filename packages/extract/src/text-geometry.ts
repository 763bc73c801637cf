/**
 * The page geometry layout text is read in (text-layout.ts): one character
 * column is one unit of width and one "font size", lines are stacked one
 * pitch apart, a blank line is one pitch more.
 */
import type { FoundCell } from "./pdf/page-tables.ts";

/**
 * Units per character column. The PDF finder's absolute tolerances are in
 * points (a column gap of at least 4, borders within 3 match across pages):
 * at 3 units a column, a gap of two spaces is a column gap and borders one
 * column apart still match.
 */
export const COLUMN = 3;
/** A line's height and the distance between the tops of two adjacent lines, in "font sizes" (columns). */
export const LINE_HEIGHT = 0.3;
export const LINE_PITCH = 1;
/** A blank line moves the next line down by this many line pitches more. */
export const BLANK_LINE_PITCHES = 1;
/** The distance between the tops of two lines with no blank line between them. */
export const LINE_STEP = LINE_PITCH * COLUMN;
/** The gap between the bottom of a line and the top of the next with no blank line between them. */
export const LINE_GAP = LINE_STEP - LINE_HEIGHT * COLUMN;

/** Whether two cells' text spans across the page overlap: one stands over the other, in one column of text. */
export const overlapsAcross = (a: FoundCell, b: FoundCell) => a.bbox.x0 < b.bbox.x1 && b.bbox.x0 < a.bbox.x1;
