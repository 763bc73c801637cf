/**
 * The pixel shapes passed between the scan-cleaning and ruling-finding steps.
 * Coordinates are pixels, origin top-left, y growing downwards.
 */

/** A decoded page image: `channels` interleaved bytes per pixel, rows top to bottom, no padding. */
export interface RasterImage {
  width: number;
  height: number;
  channels: 1 | 3 | 4;
  data: Uint8Array | Uint8ClampedArray;
}

/** A ruling line in pixel coordinates: horizontal when y0 === y1, vertical when x0 === x1. */
export interface PixelSegment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A binary image: 1 = ink (dark), 0 = paper; one byte per pixel. */
export interface InkMask {
  width: number;
  height: number;
  data: Uint8Array;
}
