/**
 * The recogniser's check of a half turn (half-turn-check.ts): a page the image
 * tests turn upside down by mistake is read the right way up, and a page
 * really fed upside down stays turned.
 */
import { describe, expect, test } from "vitest";
import { readScan } from "../src/read-scan.ts";
import { preprocessScan } from "../src/image/preprocess.ts";
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
});
