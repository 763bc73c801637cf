/**
 * The recogniser's check of a half turn (half-turn-check.ts): a page the image
 * tests turn upside down by mistake is read the right way up, and a page
 * really fed upside down stays turned.
 */
import { describe, expect, test } from "vitest";
import { readScan } from "../src/read-scan.ts";
import { detectTextLines } from "../src/detect.ts";
import { HALF_TURN_SAMPLE_LINES, readsBetterTurned } from "../src/half-turn-check.ts";
import { preprocessScan } from "../src/image/preprocess.ts";
import { rotateImage } from "../src/image/rotate.ts";
import { loadRuntime, type OcrRuntime } from "../src/runtime.ts";
import { loadScanPage, SCAN_MANIFEST } from "./image-scan-pages.ts";

/** Reading a page takes a few seconds; more on a busy core. */
const READ_TIMEOUT_MS = 120_000;

describe("half-turn check by the recogniser", () => {
  test("an upright page whose annex headings sit low in its text: the image tests say 180°, the reading stays upright", async () => {
    const file = "jiangxi-targets-200dpi-headings-low.pdf";
    const page = await loadScanPage(file);
    // Without the check the page would be read upside down: the image tests alone turn it.
    expect(preprocessScan(page).rotation).toBe(SCAN_MANIFEST[file]!.imageTestsTurn);
    const read = await readScan(page);
    expect(read.rotation).toBe(SCAN_MANIFEST[file]!.turned);
    const text = read.boxes.map((b) => b.text).join("\n");
    expect(text).toContain("粮油生产保障资金");
    expect(text).toContain("宜春市农业农村局");
  }, READ_TIMEOUT_MS);

  test("a page fed upside down is still turned back", async () => {
    const file = "anhui-transfer-200dpi-upside-down.pdf";
    const read = await readScan(await loadScanPage(file));
    expect(read.rotation).toBe(180);
    expect(read.boxes.map((b) => b.text).join("\n")).toContain("转移支付");
  }, READ_TIMEOUT_MS);

  /** The runtime with its recogniser's calls counted: one call a line. */
  async function countingRuntime(): Promise<{ runtime: OcrRuntime; calls: () => number }> {
    const real = await loadRuntime();
    let calls = 0;
    const recognizer = { inputNames: real.recognizer.inputNames, outputNames: real.recognizer.outputNames, run: (feeds: Record<string, unknown>) => (calls++, real.recognizer.run(feeds)) };
    return { runtime: { ...real, recognizer }, calls: () => calls };
  }

  /** The sample's lines read one way, then the other way only when the first read leaves room to be beaten. */
  async function linesRead(file: string): Promise<{ turn: boolean; calls: number }> {
    const { runtime, calls } = await countingRuntime();
    const { image } = preprocessScan(await loadScanPage(file));
    const regions = await detectTextLines(runtime, image);
    const before = calls();
    const turn = await readsBetterTurned(runtime, image, () => rotateImage(image, 180), regions);
    return { turn, calls: calls() - before };
  }

  test("a sure reading the way the image tests turned the page is not checked against the other way", async () => {
    // The image tests turn this page upright; its lines then read with confidences near 1, which the other way cannot beat by the margin.
    expect(await linesRead("anhui-transfer-200dpi-upside-down.pdf")).toEqual({ turn: false, calls: HALF_TURN_SAMPLE_LINES });
  }, READ_TIMEOUT_MS);

  test("a page the image tests turned the wrong way is read both ways, and turned", async () => {
    expect(await linesRead("jiangxi-targets-200dpi-headings-low.pdf")).toEqual({ turn: true, calls: 2 * HALF_TURN_SAMPLE_LINES });
  }, READ_TIMEOUT_MS);

  test("a half turn on one image test's word is checked from the page as given: the detector reads the page once", async () => {
    const file = "jiangxi-targets-200dpi-headings-low.pdf";
    const page = await loadScanPage(file);
    const prepared = preprocessScan(page);
    // The title test alone says 180° (the dots do not agree).
    expect([prepared.rotation, prepared.orientation.agreed]).toEqual([180, false]);
    const runtime = await loadRuntime();
    const real = runtime.detector;
    let calls = 0;
    runtime.detector = { inputNames: real.inputNames, outputNames: real.outputNames, run: (feeds) => (calls++, real.run(feeds)) };
    try {
      const read = await readScan(page);
      const whileReading = calls;
      calls = 0;
      await detectTextLines(runtime, rotateImage(prepared.image, 180));
      expect(read.rotation).toBe(0);
      expect(whileReading).toBe(calls);
    } finally {
      runtime.detector = real;
    }
  }, READ_TIMEOUT_MS);

  test("a page both image tests find upside down is turned before it is read", async () => {
    const prepared = preprocessScan(await loadScanPage("anhui-transfer-200dpi-upside-down.pdf"));
    expect([prepared.rotation, prepared.orientation.agreed]).toEqual([180, true]);
  });
});
