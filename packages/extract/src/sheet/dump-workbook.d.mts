// Types of ./dump-workbook.mjs (plain JavaScript, checked with @ts-check against ./dump.ts).
import type { SheetLimits, WorkbookDump } from "./dump.ts";

/** Reads a workbook with SheetJS and returns what we use of it; throws TooLarge past `limits`. */
export function dumpWorkbook(bytes: Uint8Array, limits: SheetLimits): WorkbookDump;
/** A refusal to be reported as too_large rather than as a parser failure. */
export class TooLarge extends Error {}
