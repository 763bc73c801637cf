/**
 * Pictures inside Office files (issue #15, item 6): found through the files'
 * relationships on the page or sheet they are shown on (office-pictures.ts),
 * and decoded without native code (picture-decode.ts, png-decode.ts). The
 * fixtures hold page images taken unchanged out of two scan PDFs
 * (scripts/fixtures/make-office-scans.py), so each decoded picture must be,
 * pixel for pixel, what pdf.js decodes from the PDF it came from.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { docxPictures, xlsxPictures } from "../src/docx/office-pictures.ts";
import { decodePicture, MAX_PICTURE_PIXELS, pictureSize } from "../src/docx/picture-decode.ts";
import { openPdf } from "../src/pdf/load.ts";
import { largestPageImage } from "../src/pdf/page-image.ts";
import { inflateEntry, readZipDirectory } from "../src/zip-guard.ts";

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../fixtures/${name}`, import.meta.url)));

function docxPicturesOf(name: string) {
  const bytes = fixture(name);
  const entries = readZipDirectory(bytes, "DOCX");
  const xml = Buffer.from(inflateEntry(bytes, entries.get("word/document.xml")!, "DOCX")).toString("utf8");
  return docxPictures(bytes, entries, "word/document.xml", xml);
}

const xlsxPicturesOf = (name: string) => {
  const bytes = fixture(name);
  return xlsxPictures(bytes, readZipDirectory(bytes, "XLSX"));
};

async function pdfPageImage(name: string) {
  const { doc, destroy } = await openPdf(fixture(name));
  try {
    return (await largestPageImage(await doc.getPage(1)))!.raster;
  } finally {
    await destroy();
  }
}

/** Pixels whose gray level differs between a one-channel picture and pdf.js's decoding (gray, or RGB with equal channels). */
function differingPixels(gray: { data: ArrayLike<number>; channels: number }, pdf: { data: ArrayLike<number>; channels: number }, n: number): number {
  let differ = 0;
  for (let i = 0; i < n; i++) if (gray.data[i * gray.channels] !== pdf.data[i * pdf.channels]) differ++;
  return differ;
}

describe("pictures of an Office file", () => {
  it("finds the picture a DOCX shows, on its page", () => {
    const found = docxPicturesOf("scan/anhui-transfer-150dpi-tilt-picture.docx");
    expect(found.map((p) => [p.name, p.page])).toEqual([["word/media/image1.jpeg", 1]]);
    expect(pictureSize(found[0]!.bytes)).toEqual({ width: 1240, height: 1754 });
  });

  it("finds the picture drawn on an XLSX sheet, through the sheet's drawing", () => {
    const found = xlsxPicturesOf("scan/chongqing-targets-300dpi-picture.xlsx");
    expect(found.map((p) => [p.name, p.page])).toEqual([["xl/media/image1.png", 1]]);
  });

  it("finds none in a DOCX whose form is a table", () => {
    expect(docxPicturesOf("docx/hengyang-2023-targets.docx")).toEqual([]);
  });

  it("decodes the DOCX's JPEG to the pixels pdf.js gives for the same JPEG in the scan PDF", async () => {
    const picture = await decodePicture(docxPicturesOf("scan/anhui-transfer-150dpi-tilt-picture.docx")[0]!.bytes);
    const pdf = await pdfPageImage("scan/anhui-transfer-150dpi-tilt-ccw2.5.pdf");
    expect([picture.width, picture.height, picture.channels]).toEqual([pdf.width, pdf.height, pdf.channels]);
    expect(differingPixels(picture, pdf, pdf.width * pdf.height)).toBe(0);
  });

  it("decodes the XLSX's 1-bit PNG to the pixels of the CCITT G4 page it was exported from", async () => {
    const picture = await decodePicture(xlsxPicturesOf("scan/chongqing-targets-300dpi-picture.xlsx")[0]!.bytes);
    const pdf = await pdfPageImage("scan/chongqing-targets-300dpi-g4.pdf");
    expect([picture.width, picture.height, picture.channels]).toEqual([2479, 3508, 1]);
    expect(differingPixels(picture, pdf, pdf.width * pdf.height)).toBe(0);
    // A page of a form: mostly paper, some ink.
    let ink = 0;
    for (const v of picture.data) if (v === 0) ink++;
    expect(ink / picture.data.length).toBeGreaterThan(0.01);
    expect(ink / picture.data.length).toBeLessThan(0.2);
  });

  it("refuses a picture whose header declares more than the pixel limit, before decoding it", async () => {
    const png = new Uint8Array(xlsxPicturesOf("scan/chongqing-targets-300dpi-picture.xlsx")[0]!.bytes);
    new DataView(png.buffer).setUint32(16, 100_000); // IHDR width: 100,000 × 3,508 pixels
    await expect(decodePicture(png)).rejects.toThrow(`expected a picture of at most ${MAX_PICTURE_PIXELS / 1e6} megapixels, found 100000 × 3508`);
    await expect(decodePicture(new TextEncoder().encode("GIF89a…"))).rejects.toThrow(/expected a PNG or JPEG picture, found 9 bytes starting 47494638/);
  });
});
