/**
 * Specks, JPEG ringing and the stub of a ruling next to text are read as
 * stray marks: 228. , .有效保障 , 12个' , 效益指标(30分)。 . At either end of a
 * line: an ASCII mark (no cell value ends or starts with one), a 。 read with
 * less than SURE_FULL_STOP (a sentence's own 。 scored 0.96–0.997 on the
 * fixtures, specks read as 。 0.63–0.79), and any mark the recogniser doubts
 * are dropped; a line left with nothing is dropped. A colon or semicolon
 * ending a line stays unless doubtful: two marks one over the other are no
 * speck, and on the 109 real forms scanned at 200 dpi every one read there
 * was printed (指标1:, 附件3:, 真实(1分); at 0.50–0.96). Inside
 * a line a mark stays (it may be a decimal point), except a doubtful colon
 * between digits, which is one: 181:82 is 181.82. And a line that is a lone
 * round mark (o, O, 〇, ○) is the digit 0: a cell holding only a letter o
 * does not occur on these forms, one holding 0 does (a 150-dpi 0 read as o).
 * A line the recogniser is unsure of as a whole (mean below DROP_LINE) is
 * dropped, as PaddleOCR does.
 */
import { boxFromChars, type CharBox, type TextBox } from "./text-box.ts";

/** Marks that specks look like. Digits and CJK characters are never trimmed. */
const SPECK_LIKE = /^[.,，。、'"‘’“”`:：;；\-—_~^|｜丨」「』『·•oO○〇°]$/u;
/** Marks that never start or end a cell's value (ASCII punctuation, and the middle dots specks are read as). */
const ASCII_MARK = /^[.,'"`:;·•]$/;
/** A mark read with less confidence than this is a speck. */
const DOUBTFUL = 0.6;
/** A line whose mean confidence is below this is dropped, as PaddleOCR does (drop_score). */
const DROP_LINE = 0.5;
const SURE_FULL_STOP = 0.9;
/** A colon between digits read with less confidence than this is a decimal point. */
const SURE_COLON = 0.99;

/** Marks that end a label or a clause (指标1:, (1分);): no speck is read as one surely. */
const LINE_END_MARK = /^[:;]$/;

function isStray(c: CharBox, atEnd: boolean): boolean {
  const t = c.text.trim();
  if (!t) return true;
  if (ASCII_MARK.test(t) && !(atEnd && LINE_END_MARK.test(t))) return true;
  if (t === "。" && c.confidence < SURE_FULL_STOP) return true;
  return c.confidence < DOUBTFUL && SPECK_LIKE.test(t);
}

const isDigit = (c: CharBox | undefined) => c !== undefined && /^[0-9]$/.test(c.text);

export function trimNoise(boxes: readonly TextBox[]): TextBox[] {
  const out: TextBox[] = [];
  for (const box of boxes) {
    if (box.confidence < DROP_LINE) continue;
    const chars = box.chars.map((c, i, a) =>
      (c.text === ":" || c.text === "：") && c.confidence < SURE_COLON && isDigit(a[i - 1]) && isDigit(a[i + 1]) ? { ...c, text: "." } : c,
    );
    let from = 0, to = chars.length;
    while (from < to && isStray(chars[from]!, false)) from++;
    while (to > from && isStray(chars[to - 1]!, true)) to--;
    if (from >= to) continue;
    if (to - from === 1 && /^[oO〇○]$/.test(chars[from]!.text)) chars[from] = { ...chars[from]!, text: "0" };
    const changed = from > 0 || to < chars.length || chars.some((c, i) => c !== box.chars[i]);
    out.push(changed ? boxFromChars(chars.slice(from, to), box.y0, box.y1) : box);
  }
  return out;
}
