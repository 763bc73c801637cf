/**
 * Prose is not a table. Two-column prose, a text box in a ruled frame, or a
 * page of paragraphs whose lines happen to leave a gap in the same place all
 * look like tables to a finder that reads gaps and rules. Their cells are
 * sentences: many words, mostly words of letters. A real table's cells are
 * mostly labels and numbers; on the ICDAR 2013 ground truth at most 54% of a
 * table's filled cells are sentences, on two-column prose 85–100%.
 *
 * Only Latin-script text counts: a CJK cell has no spaces between its words,
 * so a long goal in a Chinese form is never taken for a sentence here.
 */

/** A cell with at least this many words, most of them words of letters, is a sentence. */
export const PROSE_MIN_WORDS = 5;
/** Share of a cell's words that must start with a letter for it to be a sentence. */
export const PROSE_LETTER_SHARE = 0.6;
/** Share of a table's filled cells that are sentences from which it is prose. */
export const PROSE_TABLE_SHARE = 0.6;

const STARTS_WITH_LETTER = /^\p{Script=Latin}/u;
/** A list item's marker alone in a cell: a bullet (a symbol, or a control or private-use code where the font maps it to none), a dash, "1.", "a)", "(ii)"; a bulleted list read as a table has a column of them. */
const LIST_MARKER = /^(?:[\p{P}\p{S}\p{Co}\p{Cc}]|\(?[0-9A-Za-z]{1,3}[.)])$/u;

/** Whether a text is only a list item's marker. */
export const isListMarker = (text: string) => LIST_MARKER.test(text);

/** Whether a cell's text reads as a sentence (Latin words, many of them). */
export function isSentence(text: string): boolean {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length < PROSE_MIN_WORDS) return false;
  return words.filter((w) => STARTS_WITH_LETTER.test(w)).length >= PROSE_LETTER_SHARE * words.length;
}

/**
 * Whether most filled cells of a table are sentences: the "table" is prose
 * laid out in columns or boxes, or a list (its markers are not counted).
 */
export function isProse(cellTexts: readonly string[]): boolean {
  const filled = cellTexts.map((t) => t.trim()).filter((t) => t && !isListMarker(t));
  if (filled.length === 0) return false;
  return filled.filter(isSentence).length >= PROSE_TABLE_SHARE * filled.length;
}
