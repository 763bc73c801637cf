/**
 * Extractor for text already extracted from a PDF, a spreadsheet or a web
 * page. Which kind of text it is is read from the text, never the file name:
 * - with tabs: one line is one table row, a tab is a cell boundary, leading
 *   tabs are empty cells (the slots of merged cells that vanished); a row
 *   copied from a web page that lacks the slots of cells merged down from
 *   above is placed under the columns it matches (rowOffsets);
 * - without tabs, laid out in columns by runs of spaces (`pdftotext -layout`):
 *   read by the PDF extractor's borderless-table finder (text-layout.ts);
 * - otherwise: lines are narrative, in reading order, except runs of short
 *   lines in blank-separated groups (a web table copied a cell per line),
 *   which are rows;
 * - without tabs or column layout, a cell per blank-separated paragraph (plain
 *   `pdftotext`): rows rebuilt from what the cells hold (text-stream.ts).
 * Lines without a tab outside a table are narrative. A form feed starts a new page.
 */
import type { Block, ExtractedDocument, Table, Cell, PageInfo } from "./grid.ts";
import { ExtractError } from "./errors.ts";
import { foldCompatibilityCharacters } from "./unicode.ts";
import { looksLikeColumnLayout, parseColumnLayout } from "./text-layout.ts";
import { looksLikeCellStream, parseCellStream } from "./text-stream.ts";

/** Share of control characters above which a ".txt" file is taken for binary. */
const MAX_CONTROL_CHAR_SHARE = 0.01;
/** Share of the bytes that may be undecodable (and replaced) before a file is taken for binary. */
const MAX_REPLACED_SHARE = 0.01;
/** ...but a short file may always have this many. */
const MIN_REPLACED_ALLOWED = 8;
/**
 * A file that is not valid UTF-8 is read as UTF-8 with replacements only if it
 * decodes at least this many non-ASCII characters per bad sequence: GB18030
 * text read as UTF-8 yields about one valid character for five bad sequences.
 */
const UTF8_EVIDENCE = 2;

const nonAsciiCount = (s: string) => {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f && c !== 0xfffd && (c < 0xdc00 || c > 0xdfff)) n++;
  }
  return n;
};

export interface DecodedText {
  text: string;
  /** Bytes that could not be decoded (replaced with U+FFFD): how many and where the first one is. */
  warnings: string[];
}

/** The text of a text file (see decodeTextWithWarnings); refuses a binary file with a one-line reason. */
export function decodeText(bytes: Uint8Array): string {
  return decodeTextWithWarnings(bytes).text;
}

/**
 * Decodes a text file: UTF-16 (LE or BE) when a byte-order mark says so,
 * else UTF-8, else GB18030 (what Chinese Windows tools write when they do not
 * write UTF-8). A file with a few bad bytes (a truncated download, a stray
 * Latin-1 byte) is decoded in whichever of the two loses fewer bytes, each bad
 * sequence replaced with U+FFFD and a warning saying how many and where the
 * first one is; a file with many is refused as binary, as is one full of
 * control characters.
 */
export function decodeTextWithWarnings(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw new ExtractError("empty file: expected extracted text, found 0 bytes", "empty");
  const warnings: string[] = [];
  let text: string;
  const bom = bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : null;
  if (bom) {
    const r = decodeLeniently(bytes, bom);
    text = r.text;
    if (r.replaced > 0) warnings.push(replacedWarning(bom, r.replaced, r.firstBad));
  } else {
    const utf8 = decodeStrictly(bytes, "utf-8");
    const lenient = utf8 === null ? decodeLeniently(bytes, "utf-8") : null;
    const allowed = Math.max(MIN_REPLACED_ALLOWED, MAX_REPLACED_SHARE * bytes.length);
    if (utf8 !== null) {
      text = utf8;
    } else if (lenient && lenient.replaced <= allowed && nonAsciiCount(lenient.text) >= UTF8_EVIDENCE * lenient.replaced) {
      // UTF-8 with a few bad bytes: GB18030 would "decode" it too, as mojibake.
      text = lenient.text;
      warnings.push(replacedWarning("utf-8", lenient.replaced, lenient.firstBad));
    } else {
      const gb = decodeStrictly(bytes, "gb18030");
      const gbLenient = gb === null ? decodeLeniently(bytes, "gb18030") : null;
      if (gb !== null) text = gb;
      else if (gbLenient && gbLenient.replaced <= allowed) {
        text = gbLenient.text;
        warnings.push(replacedWarning("gb18030", gbLenient.replaced, gbLenient.firstBad));
      } else {
        throw new ExtractError("not text: expected UTF-8 or GB18030 text, found bytes that decode as neither", "binary");
      }
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
  return { text, warnings };
}

type Encoding = "utf-8" | "gb18030" | "utf-16le" | "utf-16be";

function decodeStrictly(bytes: Uint8Array, encoding: Encoding): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

const countReplacements = (s: string) => {
  let n = 0;
  for (let i = s.indexOf("\uFFFD"); i >= 0; i = s.indexOf("\uFFFD", i + 1)) n++;
  return n;
};

/**
 * Decodes with U+FFFD for what cannot be decoded: the number of replacements
 * (beyond the U+FFFD the file itself holds) and the byte offset of the first
 * bad sequence (the shortest prefix a strict decoder refuses, found by
 * bisection: a streaming decoder keeps an unfinished sequence at the end of a
 * prefix for later instead of refusing it).
 */
function decodeLeniently(bytes: Uint8Array, encoding: Encoding): { text: string; replaced: number; firstBad: number } {
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
  const own = encoding === "utf-8" ? countReplacementBytes(bytes) : 0;
  const replaced = Math.max(0, countReplacements(text) - own);
  const decodes = (n: number, stream: boolean) => {
    try {
      new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, n), { stream });
      return true;
    } catch {
      return false;
    }
  };
  if (decodes(bytes.length, false)) return { text, replaced, firstBad: -1 };
  let lo = 0, hi = bytes.length;
  while (lo + 1 < hi) {
    const mid = (lo + hi) >> 1;
    if (decodes(mid, true)) lo = mid;
    else hi = mid;
  }
  // Byte hi-1 showed a sequence to be bad: it is the bad one, or it broke off a
  // sequence begun just before it (the longest prefix that decodes whole ends there).
  let first = hi - 1;
  for (let s = hi - 1; s >= Math.max(0, hi - 4); s--) {
    if (decodes(s, false)) { first = s; break; }
  }
  return { text, replaced: Math.max(replaced, 1), firstBad: first };
}

/** U+FFFD encoded in UTF-8 (EF BF BD) in the file itself: not a replacement. */
function countReplacementBytes(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i + 2 < bytes.length; i++) if (bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) n++;
  return n;
}

function replacedWarning(encoding: Encoding, replaced: number, firstBad: number): string {
  return `txt: ${replaced} byte sequence${replaced === 1 ? "" : "s"} not valid ${encoding.toUpperCase()} replaced with U+FFFD (first at byte offset ${firstBad})`;
}

export function extractText(bytes: Uint8Array): ExtractedDocument {
  const { text, warnings } = decodeTextWithWarnings(bytes);
  const doc = parseExtractedText(text);
  return { ...doc, warnings: [...warnings, ...doc.warnings] };
}

export function parseExtractedText(text: string): ExtractedDocument {
  const lines = text.split(/\r\n|\n|\r/);
  // Tables written as rows of cells between pipes (a markdown table, a crawler's copy of a web page): the same rows
  // as a copy with tabs gives, read as such.
  const piped = !text.includes("\t") ? pipeRowsAsTabs(lines) : null;
  if (piped) return parseExtractedText(piped.join("\n"));
  if (!text.includes("\t") && looksLikeColumnLayout(lines.flatMap((l) => l.split("\f")))) {
    const pages: { line: number; text: string }[][] = [[]];
    lines.forEach((raw, i) => raw.split("\f").forEach((part, k) => {
      if (k > 0) pages.push([]);
      pages[pages.length - 1]!.push({ line: i + 1, text: part });
    }));
    // pdftotext ends every page, the last one too, with a form feed.
    if (pages.length > 1 && pages[pages.length - 1]!.every((l) => l.text.trim() === "")) pages.pop();
    const read = parseColumnLayout(pages);
    return { format: "txt", pageCount: pages.length, pages: read.pages, blocks: read.blocks, warnings: [] };
  }
  if (!text.includes("\t") && looksLikeCellStream(lines.flatMap((l) => l.split("\f"))) && !mostlyCellPerLineRows(lines)) {
    // Plain pdftotext: a cell per blank-separated paragraph (text-stream.ts);
    // a web table copied a row per blank-separated group is read below.
    return { format: "txt", ...parseCellStream(lines), warnings: [] };
  }
  const blocks: Block[] = [];
  const grouped = text.includes("\t") || text.includes("\f") ? new Map<number, GroupRun>() : cellPerLineRuns(lines);
  const pages: PageInfo[] = [{ number: 1, hasText: true }];
  let page = 1;
  let rows: { cells: string[]; line: number }[] = [];

  const flushTable = () => {
    if (rows.length === 0) return;
    blocks.push({ kind: "table", table: rowsToTable(rows, page) });
    rows = [];
  };

  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    const run = grouped.get(i);
    if (run) {
      flushTable();
      blocks.push({ kind: "table", table: rowsToTable(run.rows, page) });
    }
    if ([...grouped.values()].some((g) => i >= g.start && i < g.end)) return;
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

/** A row of cells between pipes: | 项目名称 | 普惠金融发展专项资金 | (a markdown table's, a crawler's). */
const PIPE_ROW = /^\s*\|.*\|\s*$/;
/** The row under a markdown table's header: |---|:---:|. */
const DELIMITER_ROW = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;
/** Rows between pipes a text needs before its pipes are read as cell boundaries. */
const MIN_PIPE_ROWS = 2;

/**
 * The lines of a text whose tables are rows between pipes, each such row written with tabs between its cells
 * instead (a pipe escaped as \| is a character of its cell; a <br> inside a cell, a line break, is a space), the
 * delimiter rows left blank so that every line keeps its number; null when the text has too few such rows.
 */
function pipeRowsAsTabs(lines: readonly string[]): string[] | null {
  const rows = lines.filter((l) => PIPE_ROW.test(l) && !DELIMITER_ROW.test(l));
  if (rows.length < MIN_PIPE_ROWS) return null;
  return lines.map((l) => {
    if (DELIMITER_ROW.test(l) && l.includes("|")) return "";
    if (!PIPE_ROW.test(l)) return l;
    const inner = l.trim().slice(1, -1);
    return inner.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, "|").replace(/<br\s*\/?>/gi, " ").trim()).join("\t");
  });
}

interface GroupRun {
  start: number;
  end: number;
  rows: { cells: string[]; line: number }[];
}

/** Lines of a cell-per-line table: short, and a group of them holds a few. */
const MAX_CELL_LINE = 60;
const MAX_GROUP_LINES = 40;
/** Groups (rows) a cell-per-line table has at least... */
const MIN_GROUPS = 3;
/** ...and the share of them that have its most common number of cells. */
const MIN_SAME_SIZE_SHARE = 0.6;

/**
 * Tables copied from a web page with each cell on its own line and a blank
 * line after each row: runs of at least MIN_GROUPS blank-separated groups of
 * two or more short lines, most of them with the same number of lines (rows
 * under merged cells have fewer). Keyed by the index of the run's first line.
 */
function cellPerLineRuns(lines: readonly string[]): Map<number, GroupRun> {
  const groups: { start: number; end: number }[] = [];
  let start = -1;
  lines.forEach((l, i) => {
    if (l.trim() !== "" && start < 0) start = i;
    if (l.trim() === "" && start >= 0) { groups.push({ start, end: i }); start = -1; }
  });
  if (start >= 0) groups.push({ start, end: lines.length });
  const fits = (g: { start: number; end: number }) =>
    g.end - g.start >= 2 && g.end - g.start <= MAX_GROUP_LINES &&
    lines.slice(g.start, g.end).every((l) => Array.from(l.trim()).length <= MAX_CELL_LINE);
  const runs = new Map<number, GroupRun>();
  for (let a = 0; a < groups.length;) {
    let b = a;
    while (b < groups.length && fits(groups[b]!)) b++;
    const run = groups.slice(a, b);
    const sizes = new Map<number, number>();
    for (const g of run) sizes.set(g.end - g.start, (sizes.get(g.end - g.start) ?? 0) + 1);
    const modal = Math.max(0, ...sizes.values());
    if (run.length >= MIN_GROUPS && modal >= MIN_SAME_SIZE_SHARE * run.length) {
      runs.set(run[0]!.start, {
        start: run[0]!.start,
        end: run[run.length - 1]!.end,
        rows: run.map((g) => ({ cells: lines.slice(g.start, g.end).map((l) => foldCompatibilityCharacters(l).trim()), line: g.start + 1 })),
      });
    }
    a = Math.max(b, a + 1);
  }
  return runs;
}

/** Share of non-blank lines in cell-per-line rows above which text is a web table copied a row per group. */
const WEB_ROWS_SHARE = 0.7;

/** Whether most non-blank lines are in cellPerLineRuns' rows (a web table copied a row per group). */
function mostlyCellPerLineRows(lines: readonly string[]): boolean {
  const inRuns = [...cellPerLineRuns(lines).values()].reduce((n, r) => n + r.end - r.start, 0);
  return inRuns > WEB_ROWS_SHARE * lines.filter((l) => l.trim() !== "").length;
}

/** Cell classes compared when placing a row that has fewer cells than the one above it. */
function cellClass(text: string): string {
  const t = text.trim();
  if (t === "") return "empty";
  if (/^[—–\-－/／\\]+$/.test(t)) return "dash";
  if (/^[≥≤=<>＞＜≈]?\s*[-+]?[\d,.]+\s*%?/.test(t)) return "number";
  return "text";
}

/**
 * Column offset of each row. A row copied from a web page table has no cells
 * for the slots that merged cells above cover (rowspan), so a short row may
 * belong to the right of the row above it (the leading label columns merged
 * down) or to its left (a row of a different shape): it is put where more of
 * its cells match the kind (number, text, dash, empty) of the cell above them.
 * Text whose producer marks merged slots with empty cells (leading tabs) is
 * left as it is.
 */
function rowOffsets(rows: readonly { cells: string[] }[]): number[] {
  const offsets = rows.map(() => 0);
  if (marksMergedSlots(rows)) return offsets;
  for (let i = 1; i < rows.length; i++) {
    const above = rows[i - 1]!, cells = rows[i]!.cells;
    const aboveEnd = offsets[i - 1]! + above.cells.length;
    if (cells.length >= aboveEnd || cells.length < 2) continue;
    const matches = (offset: number) =>
      cells.filter((c, k) => {
        const a = above.cells[offset + k - offsets[i - 1]!];
        return a !== undefined && cellClass(a) === cellClass(c);
      }).length;
    const right = aboveEnd - cells.length;
    if (matches(right) > matches(0)) offsets[i] = right;
  }
  return offsets;
}

/** Text whose producer prints the slots of merged cells as empty cells (leading tabs), not a web page's copy. */
function marksMergedSlots(rows: readonly { cells: string[] }[]): boolean {
  return rows.some((r) => r.cells.length > 1 && r.cells[0] === "");
}

function rowsToTable(rows: { cells: string[]; line: number }[], page: number): Table {
  const offsets = rowOffsets(rows);
  const nCols = Math.max(...rows.map((r, i) => r.cells.length + offsets[i]!));
  const cells: Cell[] = [];
  rows.forEach((r, row) =>
    r.cells.forEach((text, col) => cells.push({ row, col: col + offsets[row]!, rowSpan: 1, colSpan: 1, text, page })),
  );
  // In a copy where merged cells vanish, a row with a cell for every column has no slot a merged
  // cell took: its cells stand where printed. (Where a producer prints empty slots instead, every
  // row is as wide, and its cells are where that producer put them, not necessarily where printed.)
  const fullRows = marksMergedSlots(rows) ? [] : rows.flatMap((r, i) => (offsets[i] === 0 && r.cells.length === nCols ? [i] : []));
  return {
    page,
    pageTo: page,
    nRows: rows.length,
    nCols,
    cells,
    rowLines: rows.map((r) => r.line),
    ...(fullRows.length > 0 && nCols > 1 ? { fullRows } : {}),
    ...(marksMergedSlots(rows) ? {} : { copied: true }),
  };
}
