/**
 * Every tolerance of the PDF table finder, with its default and why. One zod
 * object validates overrides so a typo in a setting fails loudly instead of
 * silently using a default.
 */
import { z } from "zod";

/**
 * Edges whose positions differ by less than this (pt) are moved onto one line
 * (pdfplumber: 3). Wider than pdfplumber's: a double rule under a total, or
 * the two borders of neighbouring cells drawn with cell spacing (HTML tables
 * printed to PDF), are 4–6 pt apart and would otherwise make a row or column
 * too narrow to hold a character. On ICDAR 2013, 3 → 6 pt lifted F1 from
 * 0.892 to 0.909.
 */
export const DEFAULT_SNAP_TOLERANCE = 6;
/** Collinear edges with a gap shorter than this (pt) are joined (pdfplumber: 3). */
export const DEFAULT_JOIN_TOLERANCE = 3;
/** Edges shorter than this (pt) after joining are dropped (pdfplumber: 3). */
export const DEFAULT_EDGE_MIN_LENGTH = 3;
/** How far (pt) a vertical and a horizontal edge may miss each other and still meet (pdfplumber: 3). */
export const DEFAULT_INTERSECTION_TOLERANCE = 3;
/** A filled rectangle at most this thick (pt) is a drawn line, not a shaded area. */
export const DEFAULT_MAX_LINE_THICKNESS = 3;
/** Pages past this are not read (a 20,000-page file is refused page by page, not loaded whole). */
export const DEFAULT_MAX_PAGES = 2000;
/** Painted paths per page past this: the page is treated as hostile and the rest of its drawing is skipped. */
export const DEFAULT_MAX_PATHS_PER_PAGE = 200_000;
/** Wall-clock budget for one document (ms). */
export const DEFAULT_TIME_LIMIT_MS = 120_000;
/** Horizontal gap (in font sizes) above which two runs on one line are separate words. */
export const DEFAULT_WORD_GAP = 0.25;
/** Runs whose vertical centres differ by less than this share of the font size sit on one line. */
export const DEFAULT_LINE_OVERLAP = 0.5;
/** Share of the page height at top and bottom where repeated lines count as page header/footer. */
export const DEFAULT_MARGIN_BAND = 0.1;

/** Unruled tables: words further apart than this many font sizes are in different columns (Latin text)... */
export const DEFAULT_CHUNK_GAP = 1.3;
/** ...and this many between two CJK characters, which are set solid, so any real gap is a column gap. */
export const DEFAULT_CHUNK_GAP_CJK = 0.45;
/** Unruled tables need at least this many lines with two or more columns. */
export const DEFAULT_MIN_TABLE_ROWS = 3;

export const PdfSettings = z
  .object({
    snapTolerance: z.number().nonnegative().default(DEFAULT_SNAP_TOLERANCE),
    joinTolerance: z.number().nonnegative().default(DEFAULT_JOIN_TOLERANCE),
    edgeMinLength: z.number().nonnegative().default(DEFAULT_EDGE_MIN_LENGTH),
    intersectionTolerance: z.number().nonnegative().default(DEFAULT_INTERSECTION_TOLERANCE),
    maxLineThickness: z.number().positive().default(DEFAULT_MAX_LINE_THICKNESS),
    maxPages: z.number().int().positive().default(DEFAULT_MAX_PAGES),
    maxPathsPerPage: z.number().int().positive().default(DEFAULT_MAX_PATHS_PER_PAGE),
    timeLimitMs: z.number().int().positive().default(DEFAULT_TIME_LIMIT_MS),
    wordGap: z.number().positive().default(DEFAULT_WORD_GAP),
    lineOverlap: z.number().positive().max(1).default(DEFAULT_LINE_OVERLAP),
    marginBand: z.number().nonnegative().max(0.5).default(DEFAULT_MARGIN_BAND),
    /** Find borderless tables from text alignment on pages without rules. */
    unruled: z.boolean().default(true),
    /** Also look for borderless tables in the text outside the ruled tables of a page. */
    unruledBesideRuled: z.boolean().default(true),
    chunkGap: z.number().positive().default(DEFAULT_CHUNK_GAP),
    chunkGapCjk: z.number().positive().default(DEFAULT_CHUNK_GAP_CJK),
    minTableRows: z.number().int().min(2).default(DEFAULT_MIN_TABLE_ROWS),
    /** Join a table continued on the next page into one table. */
    joinAcrossPages: z.boolean().default(true),
  })
  .strict();
export type PdfSettings = z.infer<typeof PdfSettings>;
export type PdfSettingsInput = z.input<typeof PdfSettings>;
