/**
 * What recognition hands back: lines of text with their box in the page
 * image's pixels and, per character, where it sits and how sure the
 * recogniser was, so a line can be cut where a table ruling crosses it.
 */

/** One recognised character. */
export interface CharBox {
  text: string;
  /** The recogniser's probability for this character (0–1). */
  confidence: number;
  /** Left and right edge in image pixels. */
  x0: number;
  x1: number;
  /**
   * Where the recogniser read it (the middle of its time steps), in image pixels. The edges are
   * halfway to the neighbours', so after a wide gap (a cell's padding and its ruling) the edges
   * say little of where the character is.
   */
  x?: number;
  /** Other characters the recogniser gave a real chance to at this place, most likely first. */
  alternatives?: { text: string; confidence: number }[];
}

/** One recognised line (or the part of a line inside one table cell). Pixel coordinates, y down. */
export interface TextBox {
  text: string;
  /** Mean of the characters' confidences (PaddleOCR's line score). */
  confidence: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  chars: CharBox[];
}

/** A box's text and confidence from its characters. */
export function boxFromChars(chars: readonly CharBox[], y0: number, y1: number): TextBox {
  const text = chars.map((c) => c.text).join("");
  const confidence = chars.length ? chars.reduce((s, c) => s + c.confidence, 0) / chars.length : 0;
  return { text, confidence, x0: chars[0]?.x0 ?? 0, y0, x1: chars[chars.length - 1]?.x1 ?? 0, y1, chars: [...chars] };
}
