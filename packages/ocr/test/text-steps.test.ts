/**
 * The pure steps around the recogniser: CTC decoding, cutting lines at
 * rulings, dropping stray marks, joining line pieces, growing a line over a
 * flat character, connected regions of the probability map.
 */
import { describe, expect, it } from "vitest";
import { componentsAbove } from "../src/components.ts";
import { decodeCtc } from "../src/ctc.ts";
import { extendToInk } from "../src/extend-to-ink.ts";
import { withoutCharsReadTwice } from "../src/chars-read-twice.ts";
import { mergeLinePieces } from "../src/merge-line-pieces.ts";
import { splitAtRulings } from "../src/split-at-rulings.ts";
import { boxFromChars, type CharBox } from "../src/text-box.ts";
import { trimNoise } from "../src/trim-noise.ts";

/** A softmax output: one row per step, `classes` wide, the given class at the given probability. */
function probs(steps: [number, number][], classes: number): Float32Array {
  const out = new Float32Array(steps.length * classes);
  steps.forEach(([k, p], t) => {
    out[t * classes + k] = p;
    // The rest of the mass on the blank, or on class 1 when the blank is chosen.
    out[t * classes + (k === 0 ? 1 : 0)] = 1 - p;
  });
  return out;
}

const chars = (text: string, x0 = 0, w = 10, confidence = 0.99): CharBox[] =>
  Array.from(text).map((t, i) => ({ text: t, confidence, x0: x0 + i * w, x1: x0 + (i + 1) * w }));

describe("decodeCtc", () => {
  it("collapses repeats, drops blanks, keeps each character's steps and a runner-up", () => {
    const p = probs([[0, 0.9], [3, 0.8], [3, 0.95], [0, 0.9], [3, 0.7], [2, 0.6]], 5);
    const got = decodeCtc(p, 0, 6, 5);
    expect(got.map((c) => [c.index, c.from, c.to])).toEqual([[3, 1, 2], [3, 4, 4], [2, 5, 5]]);
    expect(got[0]!.confidence).toBeCloseTo(0.95);
    // At its peak step the rest (0.05) went to the blank, which is no candidate.
    expect(got[0]!.alternatives).toEqual([]);
  });

  it("reads only its own steps of a padded batch row", () => {
    const p = probs([[0, 1], [4, 1], [4, 1], [4, 1]], 5);
    expect(decodeCtc(p, 0, 2, 5).map((c) => c.index)).toEqual([4]);
    expect(decodeCtc(p, 5 * 2, 2, 5).map((c) => c.index)).toEqual([4]);
  });
});

describe("splitAtRulings", () => {
  it("cuts a line where a vertical ruling crosses its middle, between the characters either side", () => {
    const line = boxFromChars(chars("228228", 100), 10, 30);
    const parts = splitAtRulings([line], [{ x0: 130, y0: 0, x1: 130, y1: 100 }]);
    expect(parts.map((p) => [p.text, p.x0, p.x1])).toEqual([["228", 100, 130], ["228", 130, 160]]);
  });

  it("puts a character on the side of the ruling where it was read, not where the middle of its edges falls", () => {
    // As read from a shadowed 200-dpi scan of 重庆 2022's 部门整体绩效目标表: 区级支出预算总量 | 3724.39 as one line,
    // the ruling at 1342.5. Each character's edges are halfway to its neighbours', so the 3's run from the middle
    // of the gap round the ruling (1321) to 1364, centred on the ruling, though the 3 was read at 1358.
    const read: [string, number, number, number][] = [["总", 1248, 1272, 1260], ["量", 1272, 1321, 1284], ["3", 1321, 1364, 1358], ["7", 1364, 1377, 1370], ["2", 1377, 1391, 1384]];
    const line = boxFromChars(read.map(([text, x0, x1, x]) => ({ text, confidence: 0.99, x0, x1, x })), 389, 418);
    const parts = splitAtRulings([line], [{ x0: 1342.5, y0: 300, x1: 1342.5, y1: 500 }]);
    expect(parts.map((p) => p.text)).toEqual(["总量", "372"]);
  });

  it("leaves a line alone when the ruling only touches its end or misses its height", () => {
    const line = boxFromChars(chars("合计", 100), 10, 30);
    expect(splitAtRulings([line], [{ x0: 101, y0: 0, x1: 101, y1: 100 }, { x0: 110, y0: 40, x1: 110, y1: 90 }])).toEqual([line]);
  });
});

describe("a cell's border read as a stroke", () => {
  // As read from the 200-dpi scan of an undated 2017 scorecard (fixtures/real/unknown-2017-department-scorecard):
  // the box of a score cell's 5 ran over the cell's left border at x 2099, read as a 1 at 0.66.
  const fifteen = () => {
    const c = chars("15", 2095, 11.5, 1);
    c[0]!.confidence = 0.66;
    return boxFromChars(c, 474, 489);
  };
  const border = { x0: 2099, y0: 440, x1: 2099, y1: 520 };

  it("is dropped when the ruling runs through it and it was read doubtfully", () => {
    expect(splitAtRulings([fifteen()], [border]).map((b) => [b.text, b.x0])).toEqual([["5", 2106.5]]);
  });

  it("stays when read surely, or when no ruling runs through it", () => {
    const sure = boxFromChars(chars("15", 2095, 11.5, 1), 474, 489);
    expect(splitAtRulings([sure], [border]).map((b) => b.text)).toEqual(["15"]);
    expect(splitAtRulings([fifteen()], [{ ...border, x0: 2130, x1: 2130 }]).map((b) => b.text)).toEqual(["15"]);
  });
});

describe("trimNoise", () => {
  const box = (text: string, confidence = 0.99) => boxFromChars(chars(text, 0, 10, confidence), 0, 20);

  it("drops ASCII marks at the ends, a doubtful 。 and a doubtful speck", () => {
    expect(trimNoise([box("228.")]).map((b) => b.text)).toEqual(["228"]);
    expect(trimNoise([box(".有效保障")]).map((b) => b.text)).toEqual(["有效保障"]);
    const speck = box("效益指标(30分)。");
    speck.chars[speck.chars.length - 1]!.confidence = 0.79;
    expect(trimNoise([speck]).map((b) => b.text)).toEqual(["效益指标(30分)"]);
    expect(trimNoise([box("o", 0.4)])).toEqual([]);
  });

  it("keeps a confident 。 and a mark inside a number", () => {
    expect(trimNoise([box("维护医保基金安全。", 0.997)]).map((b) => b.text)).toEqual(["维护医保基金安全。"]);
    expect(trimNoise([box("181.82")]).map((b) => b.text)).toEqual(["181.82"]);
  });

  it("keeps a colon or semicolon ending a line unless doubtful, not one starting it", () => {
    // As read on the 200-dpi scans of 宁夏 2021 (指标1:) and 安徽 2023 (真实(1分); at 0.96).
    expect(trimNoise([box("指标1:", 0.94), box("据信息是否真实(1分);", 0.96)]).map((b) => b.text)).toEqual(["指标1:", "据信息是否真实(1分);"]);
    const doubtful = box("佐证资料;");
    doubtful.chars[doubtful.chars.length - 1]!.confidence = 0.5;
    expect(trimNoise([doubtful, box(":指标")]).map((b) => b.text)).toEqual(["佐证资料", "指标"]);
  });

  it("reads a lone round mark as the digit 0", () => {
    expect(trimNoise([box("o", 0.7)]).map((b) => b.text)).toEqual(["0"]);
    expect(trimNoise([box("ok", 0.7)]).map((b) => b.text)).toEqual(["ok"]);
  });

  it("reads a doubtful colon between digits as a decimal point", () => {
    const b = box("181:82");
    b.chars[3]!.confidence = 0.9;
    expect(trimNoise([b]).map((x) => x.text)).toEqual(["181.82"]);
  });
});

describe("mergeLinePieces", () => {
  it("joins pieces of one line with a small gap, not lines apart or pieces far apart", () => {
    const merged = mergeLinePieces([
      { x0: 40, y0: 10, x1: 100, y1: 30 },
      { x0: 25, y0: 18, x1: 36, y1: 21 }, // a flat 一 just left of 级指标
      { x0: 40, y0: 40, x1: 100, y1: 60 }, // the next line
      { x0: 200, y0: 10, x1: 260, y1: 30 }, // the next cell
    ]);
    expect(merged).toEqual([
      { x0: 25, y0: 10, x1: 100, y1: 30 },
      { x0: 40, y0: 40, x1: 100, y1: 60 },
      { x0: 200, y0: 10, x1: 260, y1: 30 },
    ]);
  });
});

describe("extendToInk", () => {
  /** White 200 × 40 with ink rectangles. */
  function page(...ink: [number, number, number, number][]) {
    const data = new Uint8Array(200 * 40).fill(255);
    for (const [x0, y0, x1, y1] of ink) for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data[y * 200 + x] = 0;
    return { width: 200, height: 40, channels: 1 as const, data };
  }

  it("grows a line over a flat stroke beside it, not over a speck or past a ruling", () => {
    const line = { x0: 60, y0: 10, x1: 120, y1: 30 };
    expect(extendToInk(page([40, 19, 56, 21]), [line], 128)[0]!.x0).toBe(40);
    expect(extendToInk(page([52, 19, 55, 22]), [line], 128)[0]!.x0).toBe(60);
    expect(extendToInk(page([50, 0, 52, 40], [40, 19, 49, 21]), [line], 128)[0]!.x0).toBe(60);
  });

  it("counts a stroke the line's edge cuts whole (一 of 一、投入目标, half inside the detected line)", () => {
    // 24 px of stroke, 12 inside the line and 12 outside it: the 12 outside alone are short of the stroke a
    // character makes at this line's height (0.4 × 34 = 13.6 px).
    const line = { x0: 133, y0: 3, x1: 190, y1: 37 };
    expect(extendToInk(page([121, 19, 145, 21], [150, 12, 180, 28]), [line], 128)[0]!.x0).toBe(121);
    // A character cut by the edge with paper right outside it takes in no speck beyond.
    expect(extendToInk(page([126, 19, 128, 21], [133, 12, 145, 28]), [line], 128)[0]!.x0).toBe(133);
  });
});

describe("withoutCharsReadTwice", () => {
  it("drops the characters a second region read again inside a longer line, and keeps the rest (云南 2023: 97.80% | 0%9)", () => {
    const rate = boxFromChars(chars("97.80%", 1173, 16), 410, 443);
    const again = boxFromChars(chars("0%9", 1233, 21), 413, 442);
    const below = boxFromChars(chars("97.80%", 1172, 16), 460, 494);
    const got = withoutCharsReadTwice([rate, again, below]);
    expect(got.map((b) => b.text)).toEqual(["97.80%", "9", "97.80%"]);
    expect(got[1]!.x0).toBe(1275);
    // A box read twice whole is dropped.
    expect(withoutCharsReadTwice([rate, boxFromChars(chars("0%", 1240, 14), 412, 442)]).map((b) => b.text)).toEqual(["97.80%"]);
  });
});

describe("componentsAbove", () => {
  it("finds 8-connected regions above the threshold with their mean probability", () => {
    const p = new Float32Array([
      0.9, 0.8, 0, 0,
      0, 0, 0.7, 0,
      0, 0, 0, 0,
      0.5, 0, 0, 0,
    ]);
    const found = componentsAbove(p, 4, 4, 0.3);
    expect(found.map((c) => [c.x0, c.y0, c.x1, c.y1, c.pixels])).toEqual([[0, 0, 3, 2, 3], [0, 3, 1, 4, 1]]);
    expect(found[0]!.meanProbability).toBeCloseTo(0.8);
  });
});
