/**
 * Speckle removal: scanner dust and toner specks are small ink components with
 * no other ink nearby. A decimal point or a comma is as small but sits beside a
 * digit, so isolation, not size alone, decides.
 */
import { inkInBox, paintComponents, type Components } from "./components.ts";
import { pageUnit, unitsToPixels } from "./scale.ts";
import type { InkMask, RasterImage } from "./types.ts";

/** In page units (see scale.ts). */
export interface SpeckleSettings {
  /** Components whose bounding box is at most this wide and tall may be specks. */
  maxSize: number;
  /** A speck has no other ink within this distance of its bounding box. */
  isolation: number;
}

/**
 * Up to 3 units (7 px at 200 dpi) with nothing within 4 units: smaller limits
 * left enough of a speckled scan's dots for recognition to read them as . and
 * 。 beside numbers. A decimal point sits within a unit of its digits, and a
 * full stop beside its character, so neither is isolated.
 */
export const DEFAULT_SPECKLE_SETTINGS: SpeckleSettings = { maxSize: 3, isolation: 4 };

/** Indices of the components that are isolated specks. */
export function findSpeckles(mask: InkMask, components: Components, settings: SpeckleSettings = DEFAULT_SPECKLE_SETTINGS): number[] {
  const u = pageUnit(mask.width, mask.height);
  const maxSize = unitsToPixels(settings.maxSize, u);
  const margin = unitsToPixels(settings.isolation, u);
  const { x0, y0, x1, y1, area, count } = components;
  const out: number[] = [];
  for (let c = 0; c < count; c++) {
    if (x1[c]! - x0[c]! + 1 > maxSize || y1[c]! - y0[c]! + 1 > maxSize) continue;
    // Only this component's own ink inside the widened box means nothing is near it.
    if (inkInBox(mask, x0[c]! - margin, y0[c]! - margin, x1[c]! + margin, y1[c]! + margin) === area[c]) out.push(c);
  }
  return out;
}

/** Paints the given components as paper in both the grey image and the mask (in place). */
export function eraseComponents(gray: RasterImage, mask: InkMask, components: Components, which: readonly number[]): void {
  if (which.length === 0) return;
  const chosen = new Uint8Array(components.count);
  for (const c of which) chosen[c] = 1;
  paintComponents(gray.data as Uint8Array, mask.width, components, chosen, 255);
  paintComponents(mask.data, mask.width, components, chosen, 0);
}
