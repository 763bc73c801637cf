/**
 * CTC decoding of the recogniser's output: per time step the most likely
 * class; repeats collapse, the blank (class 0) separates characters. Each
 * character keeps the time steps it spans (its place in the line image) and
 * the runner-up classes at its most certain step.
 */

export interface DecodedChar {
  /** Class index (dictionary[index - 1] is the character). */
  index: number;
  confidence: number;
  /** First and last time step of the character. */
  from: number;
  to: number;
  /** Runner-up classes at the character's peak step with probability ≥ ALTERNATIVE_MIN. */
  alternatives: { index: number; confidence: number }[];
}

/** A runner-up class below this probability is noise, not a candidate. */
export const ALTERNATIVE_MIN = 0.05;

/**
 * Decodes one line: `probs` holds `steps` rows of `classes` probabilities
 * (softmax output), starting at `offset`.
 */
export function decodeCtc(probs: Float32Array, offset: number, steps: number, classes: number): DecodedChar[] {
  const out: DecodedChar[] = [];
  let prev = 0;
  let peakStep = -1;
  let cur: DecodedChar | null = null;
  const finish = () => {
    if (cur && peakStep >= 0) cur.alternatives = runnersUp(probs, offset + peakStep * classes, classes, cur.index);
  };
  for (let t = 0; t < steps; t++) {
    const row = offset + t * classes;
    let best = 0, bestP = -1;
    for (let k = 0; k < classes; k++) {
      const p = probs[row + k]!;
      if (p > bestP) {
        bestP = p;
        best = k;
        // Probabilities sum to 1: one above a half is the step's most likely class (most steps are a sure blank, class 0).
        if (p > 0.5) break;
      }
    }
    if (best !== 0 && best === prev && cur) {
      cur.to = t;
      if (bestP > cur.confidence) {
        cur.confidence = bestP;
        peakStep = t;
      }
    } else if (best !== 0) {
      finish();
      cur = { index: best, confidence: bestP, from: t, to: t, alternatives: [] };
      peakStep = t;
      out.push(cur);
    }
    prev = best;
  }
  finish();
  return out;
}

function runnersUp(probs: Float32Array, row: number, classes: number, chosen: number): { index: number; confidence: number }[] {
  const found: { index: number; confidence: number }[] = [];
  for (let k = 1; k < classes; k++) {
    const p = probs[row + k]!;
    if (k !== chosen && p >= ALTERNATIVE_MIN) found.push({ index: k, confidence: p });
  }
  return found.sort((a, b) => b.confidence - a.confidence).slice(0, 3);
}
