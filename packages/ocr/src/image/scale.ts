/**
 * Tolerances are written in "page units" so one setting works at 150, 200 and
 * 300 dpi: a unit is a thousandth of the image's long side (about 3.5 px on an
 * A4 page at 300 dpi, 1.75 px at 150 dpi). A 10.5 pt character is about 12 units.
 */
export function pageUnit(width: number, height: number): number {
  return Math.max(width, height) / 1000;
}

/** The typical body-text character height in pixels, from the page size alone. */
export const EM_IN_UNITS = 12;

export function unitsToPixels(units: number, unit: number): number {
  return Math.max(1, Math.round(units * unit));
}
