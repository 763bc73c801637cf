/**
 * Ruling lines found on the scan fixtures against the vector rulings of the
 * text PDFs they were made from: same number of distinct horizontal and
 * vertical lines, each within a few pixels of the source's position scaled to
 * the scan's resolution. Covers 150/200/300 dpi, JPEG q40, specks, tilt,
 * quarter turns, a seal across rulings, a bilevel G4 page and a page on the
 * scanner's bed.
 */
import { describe, expect, test } from "vitest";
import { preprocessScan } from "../src/image/preprocess.ts";
import { findRulings } from "../src/image/rulings.ts";
import { rotateImage, type QuarterTurn } from "../src/image/rotate.ts";
import { distinctPositions, imageTestsTurnOf, loadScanPage, scanPagesWithSource, sourceRulings } from "./image-scan-pages.ts";

/** A found line this close to the source's (0.25 % of the page's long side: 9 px at 300 dpi, 4 px at 150) is the same line. */
const POSITION_TOLERANCE = 0.0025;

describe("findRulings on the scan fixtures", () => {
  test.each(scanPagesWithSource())("$file page $page", async ({ file, page, sourcePage, fixture }) => {
    const prepared = preprocessScan(await loadScanPage(file, page)).image;
    // (A page the image tests turn by mistake is set upright as the recogniser's check does: half-turn-check.ts.)
    const mistaken = ((imageTestsTurnOf(fixture, page) - fixture.turned + 360) % 360) as QuarterTurn;
    const image = mistaken === 0 ? prepared : rotateImage(prepared, mistaken);
    const found = findRulings(image);
    const truth = await sourceRulings(fixture.source!, sourcePage);
    const scale = fixture.dpi / 72;
    const tolerance = POSITION_TOLERANCE * Math.max(image.width, image.height);
    const foundH = distinctPositions(found.horizontal.map((s) => s.y0), tolerance);
    const foundV = distinctPositions(found.vertical.map((s) => s.x0), tolerance);
    // A page on the scanner's bed lies shifted by the bed left of and above it, and shrunk by the bed round it.
    const bed = fixture.scannerBed?.bedPx ?? { left: 0, top: 0, right: 0, bottom: 0 };
    const across = image.width / (image.width + bed.left + bed.right), down = image.height / (image.height + bed.top + bed.bottom);
    const truthH = truth.horizontal.map((v) => (v * scale + bed.top) * down);
    const truthV = truth.vertical.map((v) => (v * scale + bed.left) * across);
    expect(foundH.length).toBe(truthH.length);
    expect(foundV.length).toBe(truthV.length);
    for (const [f, t] of [[foundH, truthH], [foundV, truthV]] as const) {
      const worst = Math.max(...t.map((v) => Math.min(...f.map((x) => Math.abs(x - v)))));
      expect(worst).toBeLessThanOrEqual(tolerance);
    }
  });
});
