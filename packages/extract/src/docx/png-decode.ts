/**
 * PNG → gray or RGB pixels, in JavaScript and Node's zlib (no native image
 * library): the pictures an Office file holds are PNG or JPEG, and a
 * screenshot of a form is usually PNG. Every standard colour type and bit
 * depth; transparency is laid on white paper (a transparent screenshot's
 * background is the page). Adam7-interlaced files are refused (no Office
 * program writes them for pasted pictures).
 */
import { inflateSync } from "node:zlib";
import type { PageRaster } from "../pdf/page-image.ts";

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function isPng(bytes: Uint8Array): boolean {
  return SIGNATURE.every((v, i) => bytes[i] === v);
}

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  interlaced: boolean;
}

/** Channels per colour type: gray, -, RGB, palette, gray + alpha, -, RGBA. */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** The IHDR chunk: the picture's size before anything is inflated (for the caller's pixel limit). */
export function pngHeader(bytes: Uint8Array): PngHeader {
  if (!isPng(bytes) || bytes.length < 33) throw new Error(`expected a PNG, found ${bytes.length} bytes without its signature and header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20), bitDepth: bytes[24]!, colourType: bytes[25]!, interlaced: bytes[28] === 1 };
}

/** Decodes a PNG; `maxBytes` caps the inflated image data (a lying header cannot exhaust memory). */
export function decodePng(bytes: Uint8Array, maxBytes: number): PageRaster {
  const h = pngHeader(bytes);
  const channels = CHANNELS[h.colourType];
  if (!channels || ![1, 2, 4, 8, 16].includes(h.bitDepth)) throw new Error(`expected a PNG colour type 0/2/3/4/6 at a standard bit depth, found type ${h.colourType} at ${h.bitDepth} bits`);
  if (h.interlaced) throw new Error("expected a non-interlaced PNG, found Adam7 interlacing");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const idat: Uint8Array[] = [];
  let palette: Uint8Array | null = null;
  let transparency: Uint8Array | null = null;
  for (let p = 8; p + 8 <= bytes.length;) {
    const length = view.getUint32(p);
    const type = String.fromCharCode(bytes[p + 4]!, bytes[p + 5]!, bytes[p + 6]!, bytes[p + 7]!);
    const data = bytes.subarray(p + 8, p + 8 + length);
    if (type === "IDAT") idat.push(data);
    else if (type === "PLTE") palette = data;
    else if (type === "tRNS") transparency = data;
    else if (type === "IEND") break;
    p += 12 + length;
  }
  if (h.colourType === 3 && !palette) throw new Error("expected a PLTE chunk in a palette PNG, found none");
  const bitsPerPixel = channels * h.bitDepth;
  const rowBytes = Math.ceil((h.width * bitsPerPixel) / 8);
  const raw = inflateSync(Buffer.concat(idat), { maxOutputLength: Math.max(1, maxBytes) });
  if (raw.length < (rowBytes + 1) * h.height) throw new Error(`expected ${(rowBytes + 1) * h.height} bytes of PNG image data, found ${raw.length}`);
  const rows = unfilter(raw, rowBytes, h.height, Math.max(1, bitsPerPixel >> 3));
  return toPixels(rows, h, channels, rowBytes, palette, transparency);
}

/** PNG's per-row filters undone in place; returns the rows without their filter bytes. */
function unfilter(raw: Uint8Array, rowBytes: number, height: number, bpp: number): Uint8Array {
  const out = new Uint8Array(rowBytes * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (rowBytes + 1)]!;
    const src = y * (rowBytes + 1) + 1, row = y * rowBytes, prev = row - rowBytes;
    for (let x = 0; x < rowBytes; x++) {
      const a = x >= bpp ? out[row + x - bpp]! : 0;
      const b = y > 0 ? out[prev + x]! : 0;
      const c = x >= bpp && y > 0 ? out[prev + x - bpp]! : 0;
      let v = raw[src + x]!;
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[row + x] = v & 0xff;
    }
  }
  return out;
}

/** Unfiltered rows → one gray byte (gray types) or three RGB bytes (colour types) per pixel, alpha laid on white. */
function toPixels(rows: Uint8Array, h: PngHeader, channels: number, rowBytes: number, palette: Uint8Array | null, trns: Uint8Array | null): PageRaster {
  const { width, height, bitDepth, colourType } = h;
  const gray = colourType === 0 || colourType === 4;
  const outChannels = gray ? 1 : 3;
  const out = new Uint8Array(width * height * outChannels);
  const max = (1 << Math.min(bitDepth, 8)) - 1;
  /** Sample `i` (0-based across the row) of row y, scaled to 0–255 (16-bit: its high byte). */
  const sample = (y: number, i: number): number => {
    const row = y * rowBytes;
    if (bitDepth === 8) return rows[row + i]!;
    if (bitDepth === 16) return rows[row + 2 * i]!;
    const bit = i * bitDepth;
    const v = (rows[row + (bit >> 3)]! >> (8 - bitDepth - (bit & 7))) & max;
    return colourType === 3 ? v : Math.round((v * 255) / max);
  };
  const onWhite = (v: number, alpha: number) => Math.round((v * alpha + 255 * (255 - alpha)) / 255);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * outChannels;
      if (colourType === 3) {
        const k = sample(y, x);
        const alpha = trns && k < trns.length ? trns[k]! : 255;
        for (let c = 0; c < 3; c++) out[o + c] = onWhite(palette![3 * k + c] ?? 0, alpha);
        continue;
      }
      const alpha = channels === 2 || channels === 4 ? sample(y, x * channels + channels - 1) : 255;
      for (let c = 0; c < outChannels; c++) out[o + c] = onWhite(sample(y, x * channels + c), alpha);
    }
  }
  return { width, height, channels: outChannels, data: out };
}
