/** Quarter turns: the turned fixtures are detected and turned back; upright pages are left alone. */
import { describe, expect, test } from "vitest";
import { preprocessScan } from "../src/image/preprocess.ts";
import { rotateImage } from "../src/image/rotate.ts";
import type { RasterImage } from "../src/image/types.ts";
import { imageTestsTurnOf, loadScanPage, scanPagesWithSource } from "./image-scan-pages.ts";

describe("page orientation", () => {
  test.each(scanPagesWithSource())("$file page $page: turn found as made", async ({ file, page, fixture }) => {
    const input = await loadScanPage(file, page);
    const result = preprocessScan(input);
    expect(result.rotation).toBe(imageTestsTurnOf(fixture, page));
    const quarter = fixture.turned === 90 || fixture.turned === 270;
    expect([result.image.width, result.image.height]).toEqual(quarter ? [input.height, input.width] : [input.width, input.height]);
  });

  test("the pages turned on purpose are decided, not guessed", async () => {
    for (const file of ["hengyang-targets-200dpi-rot90.pdf", "anhui-transfer-200dpi-upside-down.pdf"]) {
      expect(preprocessScan(await loadScanPage(file)).orientation.decided).toBe(true);
    }
  });

  test("an upright title page turned 90°, 180° and 270° here is found at each turn", async () => {
    const upright = preprocessScan(await loadScanPage("chongqing-targets-300dpi-g4.pdf")).image;
    for (const turn of [90, 180, 270] as const) {
      const result = preprocessScan(rotateImage(upright, turn));
      expect(result.rotation).toBe(turn);
      expect(result.orientation.decided).toBe(true);
    }
  });

  test("a continuation page (no title, few decimals) is left as it reads and reported undecided", async () => {
    const result = preprocessScan(await loadScanPage("xinzhou-selfeval-300dpi-seal.pdf", 2));
    expect(result.rotation).toBe(0);
    expect(result.orientation.decided).toBe(false);
  });

  test("rotateImage: four quarter turns give the image back; one moves the top-left corner to the top-right", async () => {
    const img = await loadScanPage("jbig2-pdfjs-bitmap-symbol-symhuff-texthuff.pdf");
    expect([img.width, img.height, img.channels]).toEqual([399, 400, 1]);
    const marked: RasterImage = { ...img, data: img.data.slice() };
    marked.data[0] = 7;
    const once = rotateImage(marked, 90);
    expect([once.width, once.height]).toEqual([400, 399]);
    expect(once.data[once.width - 1]).toBe(7);
    let back: RasterImage = marked;
    for (let i = 0; i < 4; i++) back = rotateImage(back, 90);
    expect(Buffer.from(back.data).equals(Buffer.from(marked.data))).toBe(true);
    expect(Buffer.from(rotateImage(rotateImage(marked, 180), 180).data).equals(Buffer.from(marked.data))).toBe(true);
  });
});
