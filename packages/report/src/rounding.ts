/**
 * Comparing a printed number with a computed one, the way people round
 * (../shared/spec/rules.md): a printed P with d decimals agrees with a computed
 * C when P equals C rounded half-up to d decimals, or, when d ≥ 1, C truncated
 * to d decimals. 8 agrees with 7.974; 79.74(%) agrees with 79.745…; 9 does not
 * agree with 9.91. Never a fixed epsilon alone.
 */

/** Float noise allowed when comparing two decimal numbers that should be equal (181.82 × 100). */
const FLOAT_NOISE = 1e-9;
/**
 * Float noise relative to a value's size, for comparing computed amounts: a sum of
 * a few dozen doubles is off by at most ~1e-15 of its size. 1e-9 here let 0.12 元
 * through on a 1.2 亿元 total, against a tolerance of 0.01.
 */
const RELATIVE_NOISE = 1e-12;

/** Decimals a number is printed with: 9.85 → 2, 8 → 0, 0.1 + 0.2 → 2 (noise is cut at 10 digits). */
export function decimalsOfNumber(x: number): number {
  const s = String(Number(x.toPrecision(12)));
  if (s.includes("e-")) return Number(s.split("e-")[1]) + (s.split("e")[0]!.split(".")[1]?.length ?? 0);
  return s.split(".")[1]?.length ?? 0;
}

/** Decimals of a printed text (79.74% → 2, 86,500 → 0). */
export function decimalsOfText(text: string | null | undefined): number {
  const m = text?.match(/\d\.(\d+)/);
  return m ? m[1]!.length : 0;
}

/** Shifts the decimal point by exponent notation, which is exact where x * 10^d is not (1.005 * 100). */
function shift(x: number, d: number): number {
  const [mantissa, exp] = String(x).split("e");
  return Number(`${mantissa}e${Number(exp ?? 0) + d}`);
}

/** Rounded half away from zero (half-up for the positive amounts forms carry). */
export function roundHalfUp(x: number, d: number): number {
  const scaled = shift(Math.abs(x), d);
  // Tiny nudge: 0.7974 * 100 may land on 79.73999999 and must still round as 79.74.
  return Math.sign(x) * shift(Math.floor(scaled + 0.5 + FLOAT_NOISE), -d);
}

/** Truncated toward zero. */
export function truncate(x: number, d: number): number {
  const scaled = shift(Math.abs(x), d);
  return Math.sign(x) * shift(Math.floor(scaled + FLOAT_NOISE), -d);
}

/**
 * Equal but for float noise relative to their size: a printed value may itself be computed
 * (budget − executed = 204743.83999999985 for 204743.84), and its noise grows with it.
 */
function same(a: number, b: number): boolean {
  // Stryker disable next-line EqualityOperator: `<` differs only at a distance equal to the noise bound to the last bit; the bound is a fuzz width, not an edge a form can fall on.
  return Math.abs(a - b) <= RELATIVE_NOISE * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Does printed P (d decimals, by default as P's shortest form) agree with computed C? */
export function agrees(printed: number, computed: number, decimals = decimalsOfNumber(printed)): boolean {
  if (same(printed, roundHalfUp(computed, decimals))) return true;
  return decimals >= 1 && same(printed, truncate(computed, decimals));
}

/** Half of the last printed digit: 0.005 for 3528.45, 0.5 for 15. */
export function halfUlp(decimals: number): number {
  return 0.5 * 10 ** -decimals;
}

/**
 * Does a printed total agree with the sum of printed parts, each of which was
 * itself rounded? A column is printed at one precision (228 next to 181.82 is
 * 228.00), so every number counts at the column's decimals: n parts may drift
 * by n × half-ulp, the total by its own (3528.45 vs 3528.46 over 19 parts agrees).
 */
export function sumAgrees(printedTotal: number, parts: readonly number[], decimals = columnDecimals([printedTotal, ...parts])): boolean {
  const sum = parts.reduce((s, p) => s + p, 0);
  // No separate agrees(total, sum): a total that is the sum rounded or truncated lies within
  // 2 half-ulps of it, and with at least one part the tolerance is already that wide.
  const tolerance = (parts.length + 1) * halfUlp(decimals);
  // Stryker disable next-line EqualityOperator: with the noise term added, `<` differs only at a distance equal to tolerance + noise to the last bit.
  return Math.abs(printedTotal - sum) <= tolerance + RELATIVE_NOISE * Math.max(1, Math.abs(sum));
}

/** The precision a set of printed numbers shares: the most decimals any of them shows. */
export function columnDecimals(values: readonly number[]): number {
  return values.reduce((d, v) => Math.max(d, decimalsOfNumber(v)), 0);
}

/**
 * Does printed P agree with some value of [low, high]? For a quantity computed
 * from rounded inputs (a rate from amounts printed to the cent of 万元): 72.26%
 * agrees with 6.25/8.65 = 72.254% because 6.25 stands for anything in [6.245, 6.255).
 * The values P agrees with form one interval around P ([P − h, P + 2h) with
 * decimals, [P − h, P + h) without), so the range meets it exactly when the
 * range's value nearest to P agrees: P itself when the range holds it, else the
 * nearer end.
 */
export function agreesWithin(printed: number, low: number, high: number, decimals = decimalsOfNumber(printed)): boolean {
  return agrees(printed, Math.min(Math.max(printed, low), high), decimals);
}

/** The range a printed amount stands for, at the given precision. */
export function printedRange(x: number, decimals: number): [number, number] {
  const h = halfUlp(decimals);
  return [x - h, x + h];
}

/** A computed value shown to a reader: at most `decimals` places, no trailing zeros, no float noise. */
export function show(x: number, decimals = 2): string {
  return String(roundHalfUp(x, decimals));
}
