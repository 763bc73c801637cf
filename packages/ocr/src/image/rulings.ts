/**
 * Ruling lines of a scanned table, in pixels. The steps: binarise (Otsu),
 * collect row and column runs of ink (bridging small breaks), chain runs into
 * lines (tolerating thickness and slight tilt), merge parallel duplicates, drop
 * filled areas (too thick for a rule), then keep what cannot be a text
 * stroke: lines long against the page, or shorter lines whose both ends meet
 * a long line of the other direction (a divider spanning one table row).
 *
 * The output is meant for the lattice steps of ../../../extract/src/pdf/lattice.ts
 * (snapEdges → edgesToIntersections → intersectionsToCells → cellsToTables).
 */
import { grayToInkMask, inkThreshold } from "./threshold.ts";
import { toGrayscale } from "./grayscale.ts";
import { columnPieces, rowPieces } from "./ruling-pieces.ts";
import { mergeParallelLines, piecesToLines, type Line } from "./ruling-lines.ts";
import { pageUnit, unitsToPixels } from "./scale.ts";
import type { InkMask, PixelSegment, RasterImage } from "./types.ts";

/** All lengths in page units (a thousandth of the image's long side; see scale.ts). */
export interface RulingSettings {
  /** Breaks in a stroke up to this long are bridged within one row or column. */
  runGap: number;
  /**
   * Runs shorter than this are text, never part of a ruling. Longer than a
   * character (about 12 units): across a row, the strokes of neighbouring
   * characters nearly touch, so a horizontal run may span two characters;
   * down a column, lines of text are further apart, so a shorter minimum
   * keeps the dividers of one-line table rows.
   */
  minPieceLength: { horizontal: number; vertical: number };
  /** Runs this close across (thickness rows, tilt steps) chain into one line. */
  linkDistance: number;
  /** Collinear pieces with a break up to this long along the line are one line (broken strokes, a seal's hole). */
  joinGap: number;
  /** Parallel lines this close with overlapping extents are one thick or doubled rule. */
  duplicateDistance: number;
  /** A line at least this long is a ruling whatever it touches (a character is ~12 units; bold labels' strokes can chain over four or five). */
  minLength: number;
  /** A line between `minTouchingLength` and `minLength` is a ruling if both ends meet long perpendicular rulings (a divider within one table row). */
  minTouchingLength: number;
  /** Lines thicker than this are filled areas (a scanner's black border, a dark shaded cell), not rulings (pdfplumber's 3 pt is 3.5 units on A4). */
  maxThickness: number;
  /** How far a line's end may stop short of (or overshoot) the perpendicular it meets. */
  touchTolerance: number;
  /** Grey level at or below which a pixel is ink; undefined = Otsu. */
  threshold: number | undefined;
}

export const DEFAULT_RULING_SETTINGS: RulingSettings = {
  runGap: 0.6,
  minPieceLength: { horizontal: 20, vertical: 14 },
  linkDistance: 0.6,
  joinGap: 4,
  duplicateDistance: 2.5,
  minLength: 60,
  minTouchingLength: 8,
  maxThickness: 3.5,
  touchTolerance: 3,
  threshold: undefined,
};

/** The settings in pixels for an image of this size. */
export type RulingTolerances = Omit<RulingSettings, "threshold">;

export function rulingTolerances(width: number, height: number, s: RulingSettings = DEFAULT_RULING_SETTINGS): RulingTolerances {
  const u = pageUnit(width, height);
  return {
    runGap: unitsToPixels(s.runGap, u),
    minPieceLength: { horizontal: unitsToPixels(s.minPieceLength.horizontal, u), vertical: unitsToPixels(s.minPieceLength.vertical, u) },
    linkDistance: unitsToPixels(s.linkDistance, u),
    joinGap: unitsToPixels(s.joinGap, u),
    duplicateDistance: unitsToPixels(s.duplicateDistance, u),
    minLength: unitsToPixels(s.minLength, u),
    minTouchingLength: unitsToPixels(s.minTouchingLength, u),
    maxThickness: unitsToPixels(s.maxThickness, u),
    touchTolerance: unitsToPixels(s.touchTolerance, u),
  };
}

/** Horizontal and vertical lines of an ink mask before the text-stroke filter. */
export function maskToLines(mask: InkMask, t: RulingTolerances): { horizontal: Line[]; vertical: Line[] } {
  const rows = rowPieces(mask, t.runGap, t.minPieceLength.horizontal);
  const columns = columnPieces(mask, t.runGap, t.minPieceLength.vertical);
  return {
    horizontal: mergeParallelLines(piecesToLines(rows, t.linkDistance, t.joinGap), t.duplicateDistance, t.joinGap),
    vertical: mergeParallelLines(piecesToLines(columns, t.linkDistance, t.joinGap), t.duplicateDistance, t.joinGap),
  };
}

/** Whether the point (along, across) of a line lies on one of the perpendicular lines, within `tolerance`. */
function meetsAny(perpendicular: readonly Line[], along: number, across: number, tolerance: number): boolean {
  for (const p of perpendicular) {
    if (Math.abs(p.at - along) <= tolerance && across >= p.from - tolerance && across <= p.to + tolerance) return true;
  }
  return false;
}

/** Keeps long lines, and short ones whose both ends meet a long perpendicular line. */
export function dropTextStrokes(lines: readonly Line[], longPerpendicular: readonly Line[], t: RulingTolerances): Line[] {
  return lines.filter((l) => {
    const length = l.to - l.from + 1;
    if (length >= t.minLength) return true;
    if (length < t.minTouchingLength) return false;
    return meetsAny(longPerpendicular, l.from, l.at, t.touchTolerance) && meetsAny(longPerpendicular, l.to, l.at, t.touchTolerance);
  });
}

const round1 = (v: number) => Math.round(v * 10) / 10;

export function linesToSegments(horizontal: readonly Line[], vertical: readonly Line[]): { horizontal: PixelSegment[]; vertical: PixelSegment[] } {
  return {
    horizontal: horizontal.map((l) => ({ x0: l.from, y0: round1(l.at), x1: l.to, y1: round1(l.at) })),
    vertical: vertical.map((l) => ({ x0: round1(l.at), y0: l.from, x1: round1(l.at), y1: l.to })),
  };
}

/** Rulings of an ink mask, text strokes dropped. */
export function findRulingLines(mask: InkMask, t: RulingTolerances): { horizontal: Line[]; vertical: Line[] } {
  const found = maskToLines(mask, t);
  const thin = (l: Line) => l.thickness <= t.maxThickness;
  const lines = { horizontal: found.horizontal.filter(thin), vertical: found.vertical.filter(thin) };
  const longH = lines.horizontal.filter((l) => l.to - l.from + 1 >= t.minLength);
  const longV = lines.vertical.filter((l) => l.to - l.from + 1 >= t.minLength);
  return {
    horizontal: dropTextStrokes(lines.horizontal, longV, t),
    vertical: dropTextStrokes(lines.vertical, longH, t),
  };
}

/** Horizontal and vertical ruling segments of a greyscale page (a colour one is turned grey first). */
export function findRulings(gray: RasterImage, settings: RulingSettings = DEFAULT_RULING_SETTINGS): { horizontal: PixelSegment[]; vertical: PixelSegment[] } {
  const single = gray.channels === 1 ? gray : toGrayscale(gray);
  const threshold = settings.threshold ?? inkThreshold(single);
  const mask = grayToInkMask(single, threshold);
  const t = rulingTolerances(gray.width, gray.height, settings);
  const lines = findRulingLines(mask, t);
  return linesToSegments(lines.horizontal, lines.vertical);
}

