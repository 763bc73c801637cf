/**
 * Each step of the PDF table finder on its own: painted paths to edges (the
 * pdfjs-dist 5.x drawing codes, read from a real LibreOffice PDF),
 * edge snapping and joining, intersections, cells with merged cells, tables,
 * grid spans, and the CJK-aware joining of words and wrapped lines.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { loadPdfJs } from "../src/pdf/pdfjs.ts";
import { PDF_OPS } from "../src/pdf/ops.ts";
import type { Edge } from "../src/pdf/geometry.ts";
import { openPdf } from "../src/pdf/load.ts";
import { DRAW_OPS, edgesFromPaths, subpathsFromDrawOps, edgesFromFilledShape, type PaintedPath } from "../src/pdf/operators.ts";
import { runsAndPaths } from "../src/pdf/read-page.ts";
import { fillRectsToEdges } from "../src/pdf/fill-seams.ts";
import {
  cellsToGrid, cellsToTables, closeOpenEnds, edgesToIntersections, intersectionsToCells, joinEdgeGroup, mergeEdges, snapEdges,
} from "../src/pdf/lattice.ts";
import { joinWords, joinWrappedLines } from "../src/pdf/words.ts";
import { nearestIndex } from "../src/pdf/page-tables.ts";
import { glyphsFromRuns, isWide, normalisePdfText, uprightTurn } from "../src/pdf/glyphs.ts";
import { isPageNumberText } from "../src/pdf/margins.ts";
import { DEFAULT_SNAP_TOLERANCE, PdfSettings } from "../src/pdf/settings.ts";

const FIXTURES = new URL("../../../fixtures/", import.meta.url).pathname;
const h = (at: number, from: number, to: number): Edge => ({ orientation: "h", at, from, to });
const v = (at: number, from: number, to: number): Edge => ({ orientation: "v", at, from, to });

/** A 2×2 grid whose top row is one merged cell: borders at x 0, 50, 100 and y 0, 20, 40. */
const MERGED_TOP: Edge[] = [h(0, 0, 100), h(20, 0, 100), h(40, 0, 100), v(0, 0, 40), v(100, 0, 40), v(50, 20, 40)];

describe("painted paths (pdfjs-dist 5.x drawing codes)", () => {
  it("reads the ruling lines of a real LibreOffice PDF from its painted paths", async () => {
    const { doc, destroy } = await openPdf(readFileSync(`${FIXTURES}pdf/lo/xinzhou-2022-selfeval-report-annex1.pdf`));
    try {
      const page = await doc.getPage(2);
      const { paths } = await runsAndPaths(page);
      const painted = paths.find((p) => p.path) as PaintedPath;
      expect(typeof painted.paint).toBe("number");
      expect(painted.path).toBeInstanceOf(Float32Array);
      expect(painted.ctm).toHaveLength(6);
      const view = page.getViewport({ scale: 1 }).transform as unknown as [number, number, number, number, number, number];
      const edges = edgesFromPaths(paths, view, { maxLineThickness: 3, maxPaths: 1e6 });
      const s = PdfSettings.parse({});
      const merged = mergeEdges(edges, s.snapTolerance, s.joinTolerance, s.edgeMinLength);
      // Page 2 holds two ruled tables of 8 columns: 9 distinct vertical border positions.
      const xs = new Set(merged.filter((e) => e.orientation === "v").map((e) => Math.round(e.at)));
      expect(xs.size).toBeGreaterThanOrEqual(9);
      expect(merged.some((e) => e.orientation === "h" && e.to - e.from > 400)).toBe(true);
      // The cap on paths per page (hostile pages) is honoured.
      expect(edgesFromPaths(paths, view, { maxLineThickness: 3, maxPaths: 1 }).length).toBeLessThan(edges.length);
    } finally {
      await destroy();
    }
  });

  it("skips clipping paths and white paint, keeps coloured rules", () => {
    const square = new Float32Array([DRAW_OPS.moveTo, 0, 0, DRAW_OPS.lineTo, 100, 0, DRAW_OPS.lineTo, 100, 50, DRAW_OPS.lineTo, 0, 50, DRAW_OPS.closePath]);
    const path = (paint: number, fill?: string, stroke?: string): PaintedPath => ({ type: "path", paint, path: square, ctm: [1, 0, 0, 1, 0, 0], fill, stroke });
    const opts = { maxLineThickness: 3, maxPaths: 100 };
    const id: [number, number, number, number, number, number] = [1, 0, 0, 1, 0, 0];
    expect(edgesFromPaths([path(PDF_OPS.endPath)], id, opts)).toEqual([]);
    expect(edgesFromPaths([path(PDF_OPS.fill, "#ffffff")], id, opts)).toEqual([]);
    expect(edgesFromPaths([path(PDF_OPS.stroke, "#000000", "#f8f8f8")], id, opts)).toEqual([]);
    expect(edgesFromPaths([path(PDF_OPS.stroke, "#ffffff", "#1f3864")], id, opts)).toHaveLength(4);
    expect(edgesFromPaths([path(PDF_OPS.fill, "pattern")], id, opts)).toHaveLength(4);
    // A coloured shape stroked white: the white stroke rules nothing, the fill's sides are read as ever.
    expect(edgesFromPaths([path(PDF_OPS.fillStroke, "#1f3864", "#ffffff")], id, opts)).toHaveLength(4);
  });

  it("uses the operator codes of the installed pdf.js", async () => {
    const { OPS } = await loadPdfJs();
    for (const [name, code] of Object.entries(PDF_OPS)) expect([name, OPS[name as keyof typeof OPS]]).toEqual([name, code]);
  });

  it("splits a DrawOPS buffer into subpaths in display space", () => {
    const path = new Float32Array([DRAW_OPS.moveTo, 10, 10, DRAW_OPS.lineTo, 110, 10, DRAW_OPS.lineTo, 110, 30, DRAW_OPS.closePath]);
    const [sp] = subpathsFromDrawOps(path, [1, 0, 0, -1, 0, 100]);
    expect(sp).toEqual({ points: [[10, 90], [110, 90], [110, 70]], closed: true, curved: false });
  });

  it("turns a thin filled rectangle into one line and ignores curved shapes", () => {
    const thin = { points: [[0, 10], [200, 10], [200, 10.5], [0, 10.5]] as [number, number][], closed: true, curved: false };
    expect(edgesFromFilledShape(thin, 3)).toEqual([h(10.25, 0, 200)]);
    expect(edgesFromFilledShape({ ...thin, curved: true }, 3)).toEqual([]);
  });
});

describe("lattice steps", () => {
  it("snaps near-equal positions to their mean and joins collinear pieces", () => {
    const snapped = snapEdges([h(10, 0, 50), h(11, 52, 100), v(5, 0, 10)], 3);
    expect(snapped.filter((e) => e.orientation === "h").map((e) => e.at)).toEqual([10.5, 10.5]);
    expect(joinEdgeGroup([h(10, 52, 100), h(10, 0, 50)], 3)).toEqual([h(10, 0, 100)]);
    expect(joinEdgeGroup([h(10, 60, 100), h(10, 0, 50)], 3)).toHaveLength(2);
    expect(mergeEdges([h(10, 0, 50), h(11, 51, 100), h(30, 0, 2)], 3, 3, 3)).toEqual([h(10.5, 0, 100)]);
  });

  it("finds intersections, the smallest cells (a merged cell whole) and their grid spans", () => {
    const points = edgesToIntersections(MERGED_TOP, 3);
    expect(points.size).toBe(8); // no crossing at (50, 0): the middle border starts at y 20
    const cells = intersectionsToCells(points);
    expect(cells.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0)).toEqual([
      { x0: 0, y0: 0, x1: 100, y1: 20 },
      { x0: 0, y0: 20, x1: 50, y1: 40 },
      { x0: 50, y0: 20, x1: 100, y1: 40 },
    ]);
    const [table] = cellsToTables(cells);
    const { slots } = cellsToGrid(table!);
    expect(slots.map((s) => [s.row, s.col, s.rowSpan, s.colSpan])).toEqual([[0, 0, 1, 2], [1, 0, 1, 1], [1, 1, 1, 1]]);
  });

  it("keeps apart tables that share no corner and drops a lone box", () => {
    const far = MERGED_TOP.map((e) => ({ ...e, at: e.at + (e.orientation === "h" ? 200 : 0), from: e.from + (e.orientation === "v" ? 200 : 0), to: e.to + (e.orientation === "v" ? 200 : 0) }));
    const box = [h(500, 0, 10), h(510, 0, 10), v(0, 500, 510), v(10, 500, 510)];
    const tables = cellsToTables(intersectionsToCells(edgesToIntersections([...MERGED_TOP, ...far, ...box], 3)));
    expect(tables.map((t) => t.length)).toEqual([3, 3]);
  });

  it("closes a table whose bottom border a page break left undrawn", () => {
    const open = [h(0, 0, 100), h(20, 0, 100), v(0, 0, 60), v(50, 0, 60), v(100, 0, 60)];
    expect(intersectionsToCells(edgesToIntersections(open, 3))).toHaveLength(2);
    const closed = mergeEdges(closeOpenEnds(open, 3), 3, 3, 3);
    expect(intersectionsToCells(edgesToIntersections(closed, 3))).toHaveLength(4);
  });
});

describe("text", () => {
  it("joins CJK without spaces, Latin words with one, wrapped lines without anything", () => {
    expect(joinWords([{ text: "总" }, { text: "分" }])).toBe("总分");
    expect(joinWords([{ text: "12" }, { text: "个" }])).toBe("12个");
    expect(joinWords([{ text: "Carbon" }, { text: "dioxide" }])).toBe("Carbon dioxide");
    expect(joinWrappedLines(["确保基本医保、大病保险、医疗救助覆", "盖率"])).toBe("确保基本医保、大病保险、医疗救助覆盖率");
    expect(joinWrappedLines(["42.81", "%"])).toBe("42.81%");
    expect(joinWrappedLines(["10", "分"])).toBe("10分");
    expect(joinWrappedLines(["181.8", "2"])).toBe("181.82");
    // Two amounts grouped by thousands stacked in one cell stay two; a grouped amount cut inside stays one.
    expect(joinWrappedLines(["62,785,105", "11,200"])).toBe("62,785,105 11,200");
    expect(joinWrappedLines(["1,325.68", "2,030.12"])).toBe("1,325.68 2,030.12");
    expect(joinWrappedLines(["62,785,1", "05"])).toBe("62,785,105");
    expect(joinWrappedLines(["62,785,", "105"])).toBe("62,785,105");
    expect(joinWrappedLines(["Non-methane volatile organic", "compounds (NMVOC)"])).toBe("Non-methane volatile organic compounds (NMVOC)");
    // A dash set off by a space is a word and keeps the wrap's space; one attached to its word joins
    // (cells of tabula's Publication_of_award_of_Bids test file, and a span of years).
    expect(joinWrappedLines(["Box CT 215,", "Cantonments ‐", "Accra"])).toBe("Box CT 215, Cantonments ‐ Accra");
    expect(joinWrappedLines(["MRH/IDA/TSP/ICB/G‐", "1/Lot 1"])).toBe("MRH/IDA/TSP/ICB/G‐1/Lot 1");
    expect(joinWrappedLines(["2021-", "2023年"])).toBe("2021-2023年");
  });

  it("folds Kangxi radicals, and the glyph aliases only in text from a producer that mis-maps", () => {
    expect(normalisePdfText("项⽬", false)).toBe("项目");
    expect(normalisePdfText("局⻓、⻜行、门戶、85%―95%", true)).toBe("局长、飞行、门户、85%—95%");
    expect(normalisePdfText("門戶、85%―95%", false)).toBe("門戶、85%―95%");
    const run = (str: string, y: number) => ({ str, transform: [10, 0, 0, 10, 100, y], width: 10 * str.length, height: 10 });
    const text = (runs: ReturnType<typeof run>[]) => glyphsFromRuns(runs, [1, 0, 0, -1, 0, 842]).map((g) => g.text).join("");
    // Skia with Noto CJK: 目 came out as the radical ⽬, so its ― is the em dash too.
    expect(text([run("项⽬", 700), run("85%―95%", 680)])).toBe("项目85%—95%");
    // Japanese or Latin text with a real horizontal bar, and no sign of a mis-mapping producer: printed as is.
    expect(text([run("東京―大阪", 700)])).toBe("東京―大阪");
  });

  it("spreads a run over its characters (CJK one em, others about half) and marks where pdf.js saw a space", () => {
    const glyphs = glyphsFromRuns([{ str: "分值 10", transform: [10, 0, 0, 10, 100, 700], width: 36.5, height: 10 }], [1, 0, 0, -1, 0, 842]);
    expect(glyphs.map((g) => g.text)).toEqual(["分", "值", "1", "0"]);
    expect(glyphs[0]!.x0).toBeCloseTo(100);
    expect(glyphs[1]!.x1).toBeCloseTo(120);
    expect(glyphs[2]!.spaceBefore).toBe(true);
    expect(glyphs[0]!.y1).toBeCloseTo(142 + 1.2);
  });

  it("tells wide characters by code point ranges exactly as the character class it replaced", () => {
    const wideClass = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{20000}-\u{3FFFD}]/u;
    let wide = 0;
    for (let cp = 0; cp <= 0x40000; cp += cp < 0x10000 ? 1 : 61) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      expect(isWide(ch), `U+${cp.toString(16)}`).toBe(wideClass.test(ch));
      if (isWide(ch)) wide++;
    }
    expect(wide).toBeGreaterThan(40_000);
    expect(isWide("A分")).toBe(true);
    expect(isWide("AB")).toBe(false);
  });

  it("drops every kind of whitespace pdf.js may put in a run, and only whitespace", () => {
    const spaces = [" ", "\t", "\u00a0", "\u2002", "\u3000", "\ufeff"];
    const glyphs = glyphsFromRuns([{ str: `分${spaces.join("")}值_1`, transform: [10, 0, 0, 10, 100, 700], width: 80, height: 10 }], [1, 0, 0, -1, 0, 842]);
    expect(glyphs.map((g) => g.text)).toEqual(["分", "值", "_", "1"]);
    expect(glyphs.map((g) => g.spaceBefore)).toEqual([false, true, false, false]);
  });

  it("turns a page whose text runs upwards upright", () => {
    const sideways = { str: "绩效指标", transform: [0, 10, -10, 0, 100, 100], width: 40, height: 10 };
    const { turn, width, height } = uprightTurn([sideways], [1, 0, 0, -1, 0, 842], 595, 842);
    expect([width, height]).toEqual([842, 595]);
    const glyphs = glyphsFromRuns([sideways], [turn[0] * 1 + turn[2] * 0, turn[1], turn[2] * -1, turn[3] * -1, turn[4] + turn[2] * 842, turn[5] + turn[3] * 842]);
    expect(glyphs[1]!.x0).toBeGreaterThan(glyphs[0]!.x0);
    expect(Math.abs(glyphs[1]!.y0 - glyphs[0]!.y0)).toBeLessThan(0.01);
  });

  it("recognises page numbers", () => {
    for (const s of ["3", "- 3 -", "第 3 页", "第3页 共10页", "3/10", "Page 3 of 10"]) expect(isPageNumberText(s)).toBe(true);
    for (const s of ["总分", "100分", "2023年度"]) expect(isPageNumberText(s)).toBe(false);
  });
});

describe("settings", () => {
  it("rejects an unknown or out-of-range setting", () => {
    expect(() => PdfSettings.parse({ snapTolerence: 2 })).toThrow();
    expect(() => PdfSettings.parse({ snapTolerance: -1 })).toThrow();
    expect(PdfSettings.parse({}).snapTolerance).toBe(DEFAULT_SNAP_TOLERANCE);
  });
});

describe("nearestIndex (placing a cell's edge on the grid)", () => {
  // The linear scan it replaced: the first border at the smallest distance.
  const byScan = (borders: number[], v: number) => {
    let best = 0;
    borders.forEach((b, i) => { if (Math.abs(b - v) < Math.abs(borders[best]! - v)) best = i; });
    return best;
  };

  it("agrees with a scan of every border, ties and repeated borders included", () => {
    const grids = [[0], [10, 20], [10, 20, 20, 30], [0, 5, 10, 15, 40.5, 41, 100]];
    for (const borders of grids) {
      for (let v = -5; v <= 105; v += 0.25) expect([borders, v, nearestIndex(borders, v)]).toEqual([borders, v, byScan(borders, v)]);
    }
  });

  it("takes the lower border when a value is halfway", () => {
    expect(nearestIndex([10, 20], 15)).toBe(0);
    expect(nearestIndex([10, 20, 30], 25)).toBe(1);
  });
});

describe("joinWords at a character outside the BMP", () => {
  it("sees a CJK Extension B character as wide on either side of a word break", () => {
    expect(joinWords([{ text: "A𠀋" }, { text: "表" }])).toBe("A𠀋表");
    expect(joinWords([{ text: "ab" }, { text: "𠀋c" }])).toBe("ab𠀋c");
    expect(joinWords([{ text: "ab" }, { text: "cd" }])).toBe("ab cd");
  });
});

describe("shaded rectangles' sides (fillRectsToEdges)", () => {
  const tile = (x0: number, y0: number, x1: number, y1: number, colour = "#d2eaf1") => ({ x0, y0, x1, y1, colour });
  const sides = (edges: Edge[], o: "h" | "v") => edges.filter((e) => e.orientation === o).map((e) => [e.at, e.from, e.to]).sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);

  it("drops the seam between two tiles of one colour, keeps the shaded area's outline", () => {
    const edges = fillRectsToEdges([tile(0, 0, 100, 11), tile(0, 11, 100, 20)], []);
    expect(sides(edges, "h")).toEqual([[0, 0, 100], [20, 0, 100]]);
    expect(sides(edges, "v")).toEqual([[0, 0, 11], [0, 11, 20], [100, 0, 11], [100, 11, 20]]);
  });
  it("drops the sides of a tile painted inside another of its colour", () => {
    expect(fillRectsToEdges([tile(0, 0, 100, 20), tile(5, 3, 60, 14)], [])).toHaveLength(4);
  });
  it("keeps a side where the colour changes, and a seam a white line is drawn along", () => {
    expect(sides(fillRectsToEdges([tile(0, 0, 100, 10), tile(0, 10, 100, 20, "#f1d1c0")], []), "h")).toEqual([[0, 0, 100], [10, 0, 100], [10, 0, 100], [20, 0, 100]]);
    expect(sides(fillRectsToEdges([tile(0, 0, 50, 20), tile(50, 0, 100, 20)], [v(50, 0, 20)]), "v")).toEqual([[0, 0, 20], [50, 0, 20], [50, 0, 20], [100, 0, 20]]);
  });
});
