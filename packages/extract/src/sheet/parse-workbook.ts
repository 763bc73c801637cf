/**
 * Where SheetJS runs. By default in the spreadsheet worker (./worker-host.ts):
 * a thread with its own heap ceiling and time limit, so that a workbook that
 * makes the parser blow up or pollute prototypes takes down only that thread.
 * A caller that is itself such a thread — the CLI's parse pool worker, with a
 * heap ceiling, a per-file time limit, replacement after a crash and a check of
 * the built-in objects after every file — asks for this thread instead: a
 * nested worker would add its own V8 heap and loaded SheetJS (~50 MB RSS each)
 * and a copy of every workbook, for no more safety.
 */
import { ExtractError } from "../errors.ts";
import type { SheetLimits, WorkbookDump } from "./dump.ts";
import { classifyParserError } from "./parser-errors.ts";
import { parseWorkbookContained } from "./worker-host.ts";

let inThisThread = false;

/** From now on, read workbooks in the calling thread (only for a thread that can be thrown away; see above). */
export function parseSheetsInThisThread(): void {
  inThisThread = true;
}

/** Reads a workbook where the caller asked: its dump, or an ExtractError with a one-line reason. */
export function parseWorkbook(bytes: Uint8Array, limits: SheetLimits, what: string): Promise<WorkbookDump> {
  return inThisThread ? parseWorkbookHere(bytes, limits, what) : parseWorkbookContained(bytes, limits, what);
}

async function parseWorkbookHere(bytes: Uint8Array, limits: SheetLimits, what: string): Promise<WorkbookDump> {
  // Loaded on the first workbook: a pool worker that only ever reads PDFs never holds SheetJS.
  const { dumpWorkbook, TooLarge } = await import("./dump-workbook.mjs");
  try {
    return dumpWorkbook(bytes, limits);
  } catch (err) {
    const message = (err instanceof Error ? err.message : String(err)).split("\n")[0]!;
    if (err instanceof TooLarge) throw new ExtractError(message, "too_large");
    throw classifyParserError(message, what);
  }
}
