import { describe, expect, it } from "vitest";
import { agrees, agreesWithin, roundHalfUp, sumAgrees, truncate } from "../src/rounding.ts";

describe("rounding-aware comparison (rules.md)", () => {
  it("a printed 8 agrees with 7.974; 9 does not agree with 9.91", () => {
    expect(agrees(8, 7.974)).toBe(true);
    expect(agrees(8, 7.97)).toBe(true);
    expect(agrees(9, 9.91)).toBe(false);
  });

  it("79.74% agrees with 181.82/228 = 79.745…% (truncated), and 79.75 too (rounded)", () => {
    const c = (181.82 / 228) * 100;
    expect(agrees(79.74, c, 2)).toBe(true);
    expect(agrees(79.75, c, 2)).toBe(true);
    expect(agrees(79.76, c, 2)).toBe(false);
  });

  it("half-up is exact where floating point is not (1.005 → 1.01, 0.7974 × 100 → 79.74)", () => {
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(0.7974 * 100, 2)).toBe(79.74);
    expect(truncate(0.29 * 100, 0)).toBe(29);
    expect(agrees(95.6, 90 + 5.64)).toBe(true);
    expect(agrees(99.8, 84 + 9.85)).toBe(false);
  });

  it("a sum of n rounded numbers is allowed n half-ulps: 3528.45 vs 3528.46 over 19 parts agrees, 3529.45 does not", () => {
    const parts = [336, 200.61, 1936.83, 8.98, 277.84, 10, 13.88, 11.6, 34.99, 15, 6, 97.35, 10, 5, 7, 334.68, 4.2, 215.49, 3];
    expect(parts).toHaveLength(19);
    expect(sumAgrees(3528.46, parts)).toBe(true);
    expect(sumAgrees(3528.46, [...parts.slice(1), 337])).toBe(false);
  });

  it("a rate of rounded amounts agrees with any rate they stand for: 72.26% for 6.25/8.65 (62,502.5/86,500)", () => {
    const [lo, hi] = [(6.245 / 8.655) * 100, (6.255 / 8.645) * 100];
    expect(agrees(72.26, (6.25 / 8.65) * 100)).toBe(false);
    expect(agreesWithin(72.26, lo, hi)).toBe(true);
    expect(agreesWithin(73.5, lo, hi)).toBe(false);
  });
});
