/**
 * The page's quarter turn: first whether text runs down the image (turned 90°
 * or 270°), then, with the text level, whether it is upside down (decimal
 * points, see upside-down.ts, and where the title is, see title-side.ts).
 * A continuation page with few decimals and no title cannot be told from its
 * upside-down self here; `decided` is then false, the page is left as it
 * reads, and the caller may compare OCR confidence at both turns (rotateImage).
 *
 * Works on the ink components of the page before deskewing: a tilt of a few
 * degrees moves neither test much, and the components are already labelled
 * for speck removal.
 */
import { turnBoxes, componentBoxes } from "./boxes.ts";
import { paintComponents, type Components } from "./components.ts";
import { downsampleInk } from "./downsample.ts";
import type { QuarterTurn } from "./rotate.ts";
import { EM_IN_UNITS, pageUnit } from "./scale.ts";
import { detectTextDirection } from "./text-direction.ts";
import { voteTitleSide } from "./title-side.ts";
import { voteUpsideDown, type UpsideDownVote } from "./upside-down.ts";
import type { InkMask } from "./types.ts";

export interface OrientationSettings {
  /** Smeared runs down over across above this ratio means the text runs down the image. */
  minVerticalRatio: number;
  /** One reading's dots must outnumber the other's by this factor, and number at least `minVotes`. */
  minVoteFactor: number;
  minVotes: number;
  /** Components larger than this many characters (the table's grid of rulings) are left out of the text-direction test. */
  maxTextComponentEms: number;
}

export const DEFAULT_ORIENTATION_SETTINGS: OrientationSettings = { minVerticalRatio: 1.3, minVoteFactor: 2, minVotes: 3, maxTextComponentEms: 3 };

export interface Orientation {
  /** How far the page is turned clockwise from upright. */
  rotation: QuarterTurn;
  /** False when 0° and 180° (or 90° and 270°) could not be told apart. */
  decided: boolean;
  textDirectionRatio: number;
  /** Decimal points read upright / upside down (upside-down.ts). */
  votes: UpsideDownVote;
  /** Title-sized characters in the top / bottom half (title-side.ts); decides when the decimal points do not, and vetoes them when it disagrees. */
  titleVotes: UpsideDownVote;
  /** Which test decided 0° vs 180°, if any. */
  decidedBy: "decimal-points" | "title" | null;
  /** Both tests spoke and agreed: the strongest word the image gives. */
  agreed: boolean;
}

/** Pixels per character height the text-direction test works at: enough to see lines of text, and fast. */
const PIXELS_PER_EM = 10;
/** At that scale, gaps bridged by the smear: between characters (about 1 px) but not between lines (3 px and more). */
const SMEAR_GAP = 2;
/** Smeared runs longer than this many characters are leftovers of rulings, not text. */
const MAX_TEXT_RUN_EMS = 40;

/** Which reading the votes favour clearly enough, if any. */
function verdict(v: UpsideDownVote, s: OrientationSettings): "upright" | "upsideDown" | null {
  if (v.upsideDown >= s.minVotes && v.upsideDown >= s.minVoteFactor * v.upright) return "upsideDown";
  if (v.upright >= s.minVotes && v.upright >= s.minVoteFactor * v.upsideDown) return "upright";
  return null;
}

/** The mask without its large components (rulings, boxes, pictures): what is left is text. */
function textOnly(mask: InkMask, c: Components, maxSize: number): InkMask {
  const large = new Uint8Array(c.count);
  for (let i = 0; i < c.count; i++) if (c.x1[i]! - c.x0[i]! >= maxSize || c.y1[i]! - c.y0[i]! >= maxSize) large[i] = 1;
  const data = mask.data.slice();
  paintComponents(data, mask.width, c, large, 0);
  return { width: mask.width, height: mask.height, data };
}

export function detectOrientation(mask: InkMask, components: Components, settings: OrientationSettings = DEFAULT_ORIENTATION_SETTINGS): Orientation {
  const em = EM_IN_UNITS * pageUnit(mask.width, mask.height);
  const factor = Math.max(1, Math.round(em / PIXELS_PER_EM));
  const small = downsampleInk(textOnly(mask, components, Math.round(settings.maxTextComponentEms * em)), factor);
  const direction = detectTextDirection(small, SMEAR_GAP, Math.round((MAX_TEXT_RUN_EMS * em) / factor), settings.minVerticalRatio);
  // With the text level (turned 90° clockwise if it ran down), the dots tell upright from upside down.
  const boxes = turnBoxes(componentBoxes(components), mask.width, mask.height, direction.vertical ? 90 : 0);
  const votes = voteUpsideDown(boxes, em);
  const titleVotes = voteTitleSide(boxes, em);
  const byDots = verdict(votes, settings);
  const byTitle = verdict(titleVotes, settings);
  // Two tests that disagree decide nothing; one that speaks alone decides.
  const reading = byDots && byTitle && byDots !== byTitle ? null : (byDots ?? byTitle);
  const flipped = reading === "upsideDown";
  let rotation: QuarterTurn;
  // A page that reads upright after our 90° clockwise turn was at 270°; one that then reads upside down was at 90°.
  if (direction.vertical) rotation = reading === "upright" ? 270 : 90;
  else rotation = flipped ? 180 : 0;
  return { rotation, decided: reading !== null, textDirectionRatio: direction.ratio, votes, titleVotes, decidedBy: reading === null ? null : byDots ? "decimal-points" : "title", agreed: byDots !== null && byDots === byTitle };
}
