/**
 * A picture from an Office file (PNG or JPEG) as pixels for OCR, decoded
 * without native code. A JPEG goes through the very path of a scanned PDF
 * page: it is wrapped, as it is, in a one-page PDF (a DCTDecode image over
 * the page) and pdf.js decodes it (page-image.ts). Not through pdf.js's
 * separate image_decoders bundle: that bundle carries its own core-js, which
 * adds and replaces methods of the built-ins (Set.prototype.union,
 * Function.prototype.toString …), and a pool worker whose built-ins change
 * while it reads a file is stopped (cli/src/builtins-guard.ts); pdf.js's main
 * bundle is loaded once before any file. PNG by png-decode.ts. The size is
 * read from the file's header first and a picture larger than
 * `MAX_PICTURE_PIXELS` is refused before anything is decoded.
 */
import { openPdf } from "../pdf/load.ts";
import { largestPageImage, type PageRaster } from "../pdf/page-image.ts";
import { decodePng, isPng, pngHeader } from "./png-decode.ts";

/** 50 megapixels: an A3 page at 300 dpi is 17.4; a picture larger than this is no page of a form. */
export const MAX_PICTURE_PIXELS = 50_000_000;

export function isJpeg(bytes: Uint8Array): boolean {
  return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

/** Width, height and colour components from a JPEG's frame header (SOF0–SOF15 but DHT, JPG and DAC), or null. */
export function jpegSize(bytes: Uint8Array): { width: number; height: number; components: number } | null {
  let p = 2;
  while (p + 9 < bytes.length) {
    if (bytes[p] !== 0xff) return null;
    const marker = bytes[p + 1]!;
    if (marker === 0xff) {
      p++;
      continue;
    }
    const length = (bytes[p + 2]! << 8) | bytes[p + 3]!;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: (bytes[p + 5]! << 8) | bytes[p + 6]!, width: (bytes[p + 7]! << 8) | bytes[p + 8]!, components: bytes[p + 9] ?? 0 };
    }
    p += 2 + length;
  }
  return null;
}

/** The picture's size from its header, or null when it is neither PNG nor JPEG. */
export function pictureSize(bytes: Uint8Array): { width: number; height: number } | null {
  const size = isPng(bytes) ? pngHeader(bytes) : isJpeg(bytes) ? jpegSize(bytes) : null;
  return size && { width: size.width, height: size.height };
}

/** Decodes a PNG or JPEG picture; throws, saying what was found, for anything else or anything too large. */
export async function decodePicture(bytes: Uint8Array): Promise<PageRaster> {
  const size = pictureSize(bytes);
  if (!size) throw new Error(`expected a PNG or JPEG picture, found ${bytes.length} bytes starting ${Buffer.from(bytes.subarray(0, 4)).toString("hex")}`);
  if (size.width * size.height > MAX_PICTURE_PIXELS) throw new Error(`expected a picture of at most ${MAX_PICTURE_PIXELS / 1e6} megapixels, found ${size.width} × ${size.height}`);
  if (isPng(bytes)) return decodePng(bytes, size.width * size.height * 8 + size.height);
  const { doc, destroy } = await openPdf(jpegAsPdf(bytes, jpegSize(bytes)!));
  try {
    const image = await largestPageImage(await doc.getPage(1));
    if (!image) throw new Error("expected pdf.js to decode the JPEG, found no image");
    return image.raster;
  } finally {
    await destroy();
  }
}

const COLOUR_SPACES: Record<number, string> = { 1: "/DeviceGray", 3: "/DeviceRGB", 4: "/DeviceCMYK" };

/** The JPEG, unchanged, as the one image of a one-page PDF one point per pixel (what img2pdf makes of a scan). */
export function jpegAsPdf(jpeg: Uint8Array, size: { width: number; height: number; components: number }): Uint8Array {
  const colour = COLOUR_SPACES[size.components];
  if (!colour) throw new Error(`expected a JPEG of 1, 3 or 4 colour components, found ${size.components}`);
  const { width: w, height: h } = size;
  const content = `q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>`,
    null, // the image: its bytes follow its dictionary
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  const parts: Uint8Array[] = [];
  const offsets: number[] = [];
  let length = 0;
  const add = (b: Uint8Array | string) => {
    const bytes = typeof b === "string" ? Buffer.from(b, "latin1") : b;
    parts.push(bytes);
    length += bytes.length;
  };
  add("%PDF-1.4\n");
  objects.forEach((body, i) => {
    offsets.push(length);
    add(`${i + 1} 0 obj\n`);
    if (body === null) {
      add(`<< /Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace ${colour} /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`);
      add(jpeg);
      add("\nendstream");
    } else add(body);
    add("\nendobj\n");
  });
  const xref = length;
  add(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`);
  add(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
}
