/**
 * A lone digit in its cell, read by the recogniser as the letter it looks like
 * (preferLoneDigit): the probabilities are the recogniser's own for the 0 of
 * 重庆 2023 目标表's 其中：其它资金 line scanned at 200 dpi (o 0.50, 0 0.43).
 */
import { describe, expect, it } from "vitest";
import { preferLoneDigit } from "../src/lone-digit.ts";
import type { TextBox } from "../src/text-box.ts";

const lone = (text: string, confidence: number, alternatives?: { text: string; confidence: number }[]): TextBox => ({
  text, confidence, x0: 500, y0: 1045, x1: 526, y1: 1076, chars: [{ text, confidence, x0: 500, x1: 526, alternatives }],
});

describe("a lone letter that a digit was a real runner-up for", () => {
  it("is read as the digit, with the chances of both", () => {
    const read = preferLoneDigit(lone("o", 0.5, [{ text: "0", confidence: 0.43 }]));
    expect(read.text).toBe("0");
    expect(read.chars.map((c) => c.text)).toEqual(["0"]);
    expect(read.confidence).toBeCloseTo(0.93, 5);
    expect(read.chars[0]!.alternatives).toEqual([]);
  });

  it("stays the letter where the digit had less than half its chance, or no chance at all", () => {
    const weak = lone("o", 0.8, [{ text: "0", confidence: 0.1 }]);
    expect(preferLoneDigit(weak)).toBe(weak);
    const none = lone("l", 0.7, [{ text: "I", confidence: 0.2 }]);
    expect(preferLoneDigit(none)).toBe(none);
  });

  it("leaves a line of several characters, and a lone CJK character, as read", () => {
    const two = { ...lone("o", 0.5, [{ text: "0", confidence: 0.43 }]), text: "oo", chars: [lone("o", 0.5, [{ text: "0", confidence: 0.43 }]).chars[0]!, lone("o", 0.5).chars[0]!] };
    expect(preferLoneDigit(two)).toBe(two);
    const cjk = lone("口", 0.6, [{ text: "0", confidence: 0.4 }]);
    expect(preferLoneDigit(cjk)).toBe(cjk);
  });
});
