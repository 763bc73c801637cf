/**
 * What the spreadsheet worker sends back: plain arrays and strings only, built
 * field by field by our own code, so nothing SheetJS (or a hostile workbook)
 * put on an object — a `__proto__` key, a getter — crosses into our process.
 */
export interface SheetDump {
  name: string;
  /** 0 visible, 1 hidden, 2 very hidden. */
  hidden: number;
  /** [row, col, text] for every cell with visible text (0-based). */
  cells: [number, number, string][];
  /** [firstRow, firstCol, lastRow, lastCol] of each merged range (0-based, inclusive). */
  merges: [number, number, number, number][];
  hiddenRows: number[];
  hiddenCols: number[];
  /** Row count the sheet declares (its dimension), when it is more than was read. */
  declaredRows?: number;
  /** SheetJS kept no content for the sheet's name (dump-workbook.mjs finds even `__proto__`, so this is a last resort): its content was not read. */
  unreadable?: boolean;
}

export interface WorkbookDump {
  /** Every sheet, in workbook order. */
  sheets: SheetDump[];
}

/** What a workbook may hold before it is refused (enforced in the worker, while reading). */
export interface SheetLimits {
  /** Rows per sheet. */
  maxRows: number;
  /** Non-empty cells in the whole workbook: what crosses back to our thread. */
  maxCells: number;
  /** Grid slots covered by merged ranges, summed over the workbook (a merge A1:XFD50000 is 800 million). */
  maxMergedSlots: number;
}

export type WorkerRequest = { id: number; bytes: Uint8Array; limits: SheetLimits } | { close: true };
export type WorkerReply =
  | { id: number; ok: true; dump: WorkbookDump }
  | { id: number; ok: false; message: string; tooLarge?: boolean };
