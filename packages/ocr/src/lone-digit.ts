/**
 * A cell holding one digit alone (the 0 of a money line left at nothing, the 1
 * of a count) gives the recogniser no neighbours to read it by, and it reads a
 * lone 0 as the letter o about as often as the digit (重庆 2023 目标表, 200 dpi:
 * o 0.50, 0 0.43). A form's cells hold lone digits and never a lone Latin
 * letter, so where the letter's look-alike digit was a real runner-up, the
 * digit is read, with the chances of both: the letter is no reading of such a
 * cell, so its share goes to the digit (o 0.50 and 0 0.43: 0 at 0.93).
 */
import type { TextBox } from "./text-box.ts";

/** Latin letters and the digits they are mistaken for. */
const DIGIT_OF: Readonly<Record<string, string>> = { o: "0", O: "0", D: "0", l: "1", I: "1", i: "1", Z: "2", S: "5", B: "8", g: "9", q: "9" };

/** The runner-up digit must have at least this share of the letter's probability. */
const RUNNER_UP_SHARE = 0.5;

/** The box with its lone letter read as the digit it looks like, when the recogniser gave that digit a real chance. */
export function preferLoneDigit(box: TextBox): TextBox {
  if (box.chars.length !== 1) return box;
  const c = box.chars[0]!;
  const digit = DIGIT_OF[c.text];
  const runnerUp = digit ? c.alternatives?.find((a) => a.text === digit) : undefined;
  if (!runnerUp || runnerUp.confidence < RUNNER_UP_SHARE * c.confidence) return box;
  const confidence = Math.min(1, c.confidence + runnerUp.confidence);
  const chars = [{ ...c, text: digit!, confidence, alternatives: (c.alternatives ?? []).filter((a) => a !== runnerUp) }];
  return { ...box, text: digit!, confidence, chars };
}
