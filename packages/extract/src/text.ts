/**
 * Extractor for text already extracted from a PDF or spreadsheet: one line is
 * one table row, a tab is a cell boundary, leading tabs are empty cells (the
 * slots of merged cells that vanished). Lines without a tab are narrative, kept
 * in reading order. A form feed starts a new page.
 */
import type { Block, ExtractedDocument, Table, Cell, PageInfo } from "./grid.ts";
import { ExtractError } from "./errors.ts";
import { foldCompatibilityCharacters } from "./unicode.ts";

/** Share of control characters above which a ".txt" file is taken for binary. */
const MAX_CONTROL_CHAR_SHARE = 0.01;

export function decodeText(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new ExtractError("empty file: expected extracted text, found 0 bytes", "empty");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // GB18030 is what Chinese Windows tools write when they do not write UTF-8.
    try {
      text = new TextDecoder("gb18030", { fatal: true }).decode(bytes);
    } catch {
      throw new ExtractError("not text: expected UTF-8 or GB18030 text, found bytes that decode as neither", "binary");
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  if (control > 0 && control / text.length > MAX_CONTROL_CHAR_SHARE) {
    throw new ExtractError(
      `not text: expected extracted text, found ${control} control characters in ${text.length} (a binary file named .txt?)`,
      "binary",
    );
  }
  return text;
}

export function extractText(bytes: Uint8Array): ExtractedDocument {
  return parseExtractedText(decodeText(bytes));
}

export function parseExtractedText(text: string): ExtractedDocument {
  const blocks: Block[] = [];
  const pages: PageInfo[] = [{ number: 1, hasText: true }];
  let page = 1;
  let rows: { cells: string[]; line: number }[] = [];

  const flushTable = () => {
    if (rows.length === 0) return;
    blocks.push({ kind: "table", table: rowsToTable(rows, page) });
    rows = [];
  };

  const lines = text.split(/\r\n|\n|\r/);
  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    const parts = raw.split("\f");
    parts.forEach((part, k) => {
      if (k > 0) {
        flushTable();
        page++;
        pages.push({ number: page, hasText: true });
      }
      const line = foldCompatibilityCharacters(part);
      if (line.includes("\t")) {
        rows.push({ cells: line.split("\t").map((c) => c.trim()), line: lineNo });
      } else if (line.trim() !== "") {
        flushTable();
        blocks.push({ kind: "text", page, text: line.trim(), line: lineNo });
      }
      // A blank line neither ends nor continues a table: PDF text extractors put
      // blank lines between wrapped rows as often as between tables.
    });
  });
  flushTable();
  return { format: "txt", pageCount: page, pages, blocks, warnings: [] };
}

function rowsToTable(rows: { cells: string[]; line: number }[], page: number): Table {
  const nCols = Math.max(...rows.map((r) => r.cells.length));
  const cells: Cell[] = [];
  rows.forEach((r, row) =>
    r.cells.forEach((text, col) => cells.push({ row, col, rowSpan: 1, colSpan: 1, text, page })),
  );
  return {
    page,
    pageTo: page,
    nRows: rows.length,
    nCols,
    cells,
    rowLines: rows.map((r) => r.line),
  };
}
