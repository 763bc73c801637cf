/**
 * A scanned page made ready for recognition: grey, seal ink dropped, specks
 * removed, deskewed, turned upright. Each step is its own module; this one
 * only orders them. The ink components are labelled once: specks are
 * dropped from them and the orientation tests read them. Both the skew and the
 * orientation are measured on the page as given (a tilt of a few degrees does
 * not upset the orientation tests; the skew estimate works whether the page
 * lies upright or on its side, since a table has rulings both ways).
 */
import { labelComponents } from "./components.ts";
import { DEFAULT_GRAYSCALE_SETTINGS, toGrayscale, type GrayscaleSettings } from "./grayscale.ts";
import { DEFAULT_FADED_PRINT_SETTINGS, darkenFadedPrint, type FadedPrintSettings } from "./faded-print.ts";
import { DEFAULT_ILLUMINATION_SETTINGS, evenIllumination, type IlluminationSettings } from "./illumination.ts";
import { DEFAULT_ORIENTATION_SETTINGS, detectOrientation, type Orientation, type OrientationSettings } from "./orientation.ts";
import { rotateGraySmall, rotateImage, type QuarterTurn } from "./rotate.ts";
import { DEFAULT_SCANNER_BED_SETTINGS, withoutScannerBed, type ScannerBedSettings } from "./scanner-bed.ts";
import { DEFAULT_SKEW_SETTINGS, estimateSkew, type SkewSettings } from "./skew.ts";
import { DEFAULT_SPECKLE_SETTINGS, eraseComponents, findSpeckles, type SpeckleSettings } from "./speckle.ts";
import { grayToInkMask, inkThreshold } from "./threshold.ts";
import type { RasterImage } from "./types.ts";

export interface PreprocessSettings {
  grayscale: GrayscaleSettings;
  illumination: IlluminationSettings;
  fadedPrint: FadedPrintSettings;
  scannerBed: ScannerBedSettings;
  speckle: SpeckleSettings;
  skew: SkewSettings;
  /** Skews smaller than this are left alone (resampling blurs more than it straightens). */
  minDeskewDegrees: number;
  orientation: OrientationSettings;
  /**
   * Turn the page half round only when both orientation tests call for it; on one test's word alone leave
   * it as given (`rotation` 0, `orientation` still saying 180°), for a caller that checks a half turn
   * itself (read-scan.ts asks the recogniser).
   */
  halfTurnOnlyWhenAgreed: boolean;
}

export const DEFAULT_PREPROCESS_SETTINGS: PreprocessSettings = {
  grayscale: DEFAULT_GRAYSCALE_SETTINGS,
  illumination: DEFAULT_ILLUMINATION_SETTINGS,
  fadedPrint: DEFAULT_FADED_PRINT_SETTINGS,
  scannerBed: DEFAULT_SCANNER_BED_SETTINGS,
  speckle: DEFAULT_SPECKLE_SETTINGS,
  skew: DEFAULT_SKEW_SETTINGS,
  minDeskewDegrees: 0.1,
  orientation: DEFAULT_ORIENTATION_SETTINGS,
  halfTurnOnlyWhenAgreed: false,
};

export interface PreprocessedScan {
  /** Grey (one channel), upright, level, seal ink and specks removed. */
  image: RasterImage;
  /** How far the input was turned clockwise from upright; the image has been turned back. */
  rotation: QuarterTurn;
  /** The input's tilt in degrees, clockwise positive, measured before the quarter turn; the image has been levelled. */
  skewDegrees: number;
  /** Details of the orientation test, e.g. `decided: false` when 0° and 180° could not be told apart. */
  orientation: Orientation;
  /** Grey level at or below which a pixel counted as ink. */
  threshold: number;
}

const inverseTurn = (r: QuarterTurn): QuarterTurn => ((360 - r) % 360) as QuarterTurn;

export function preprocessScan(img: RasterImage, settings: PreprocessSettings = DEFAULT_PREPROCESS_SETTINGS): PreprocessedScan {
  let gray = darkenFadedPrint(evenIllumination(toGrayscale(img, settings.grayscale), settings.illumination), settings.fadedPrint);
  let threshold = inkThreshold(gray);
  let mask = grayToInkMask(gray, threshold);
  const unframed = withoutScannerBed(gray, mask, settings.scannerBed);
  if (unframed !== gray) {
    gray = unframed;
    threshold = inkThreshold(gray);
    mask = grayToInkMask(gray, threshold);
  }
  const components = labelComponents(mask);
  eraseComponents(gray, mask, components, findSpeckles(mask, components, settings.speckle));
  const orientation = detectOrientation(mask, components, settings.orientation);
  const skewDegrees = estimateSkew(mask, settings.skew);
  if (Math.abs(skewDegrees) >= settings.minDeskewDegrees) gray = rotateGraySmall(gray, -skewDegrees);
  const rotation = orientation.rotation === 180 && !orientation.agreed && settings.halfTurnOnlyWhenAgreed ? 0 : orientation.rotation;
  if (rotation !== 0) gray = rotateImage(gray, inverseTurn(rotation));
  return { image: gray, rotation, skewDegrees, orientation, threshold };
}
