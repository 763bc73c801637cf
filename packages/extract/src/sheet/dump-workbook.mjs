// @ts-check
/**
 * SheetJS reads a workbook, and our code copies what we use out of it into a
 * plain dump (./dump.ts). It runs only in a thread that can be thrown away: the
 * spreadsheet worker (./parse-worker.mjs, ./worker-host.ts), or a caller that is
 * itself such a thread (./parse-workbook.ts). Plain JavaScript so that a worker can
 * load it without a TypeScript loader.
 *
 * Read options: cached values only (cellFormula false: formulas are never
 * evaluated or even kept), cellText for the displayed text (`w`: 79.74%,
 * 1,426.26), cellStyles for hidden rows, dense storage, a row cap.
 */
import * as XLSX from "xlsx";
import * as cptable from "xlsx/dist/cpexcel.full.mjs";

// Legacy BIFF5 files from Chinese Excel store strings in code page 936.
XLSX.set_cptable(cptable);

const own = (o, k) => o != null && Object.prototype.hasOwnProperty.call(o, k);

/**
 * The sheet SheetJS read under `name`, or null. SheetJS keys sheets by name in
 * a plain object (`Sheets[name] = ws`), so a sheet named "__proto__" (a name
 * Excel and Calc accept) becomes that object's prototype instead of a property:
 * it is found there. Nothing inherited (toString, constructor) passes for a sheet.
 */
function sheetNamed(sheets, name) {
  if (sheets == null || typeof sheets !== "object") return null;
  if (own(sheets, name)) return sheets[name];
  if (name === "__proto__") {
    const proto = Object.getPrototypeOf(sheets);
    if (proto && proto !== Object.prototype && (own(proto, "!data") || own(proto, "!ref"))) return proto;
  }
  return null;
}

/**
 * A locale tag without a currency, "[$-409]" or "[$-804]", only picks the
 * language; Excel and Calc print nothing for it. SheetJS 0.20.3 prints "$" for
 * it in number formats ([$-409]#,##0.0 gives "$62,502.5"), so such formats are
 * re-applied without the tag. Currency tags like "[$¥-804]" are left alone.
 */
const LOCALE_ONLY = /\[\$-[0-9A-Fa-f]+\]/;
const LOCALE_ONLY_ALL = new RegExp(LOCALE_ONLY.source, "g");

function shownText(cell) {
  if (cell.t === "n" && typeof cell.z === "string" && typeof cell.v === "number" && LOCALE_ONLY.test(cell.z)) {
    try {
      return XLSX.SSF.format(cell.z.replace(LOCALE_ONLY_ALL, ""), cell.v);
    } catch {
      // fall through to SheetJS's own text
    }
  }
  return cell.w != null ? cell.w : cell.v;
}

/** A refusal the host reports as too_large rather than as a parser failure. */
export class TooLarge extends Error {}

/** @param {Uint8Array} bytes @param {import("./dump.ts").SheetLimits} limits */
export function dumpWorkbook(bytes, { maxRows, maxCells, maxMergedSlots }) {
  const wb = XLSX.read(bytes, {
    type: "array",
    dense: true,
    cellFormula: false,
    cellHTML: false,
    cellNF: true, // the format string, to repair locale-tagged formats (see shownText)
    cellText: true,
    cellStyles: true,
    cellDates: false,
    bookVBA: false,
    bookFiles: false,
    WTF: false,
    sheetRows: maxRows + 1,
  });
  const sheets = [];
  let cellCount = 0;
  let mergedSlots = 0;
  const names = Array.isArray(wb.SheetNames) ? wb.SheetNames : [];
  const meta = (wb.Workbook && Array.isArray(wb.Workbook.Sheets)) ? wb.Workbook.Sheets : [];
  for (let i = 0; i < names.length; i++) {
    const name = String(names[i]);
    const hidden = Number((meta[i] && meta[i].Hidden) || 0) | 0;
    const ws = sheetNamed(wb.Sheets, name);
    if (!ws) {
      sheets.push({ name, hidden, cells: [], merges: [], hiddenRows: [], hiddenCols: [], unreadable: true });
      continue;
    }
    /** @type {[number, number, string][]} */
    const cells = [];
    const data = Array.isArray(ws["!data"]) ? ws["!data"] : [];
    for (let r = 0; r < data.length && r <= maxRows; r++) {
      const row = data[r];
      if (!Array.isArray(row)) continue;
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (!cell || cell.t === "z") continue;
        const shown = shownText(cell);
        if (shown == null) continue;
        const text = String(shown);
        if (text === "") continue;
        if (++cellCount > maxCells) {
          throw new TooLarge(`too large: expected at most ${maxCells.toLocaleString("en")} filled cells in a workbook, found more by sheet "${name}" row ${r + 1}`);
        }
        cells.push([r, c, text]);
      }
    }
    /** @type {[number, number, number, number][]} */
    const merges = [];
    for (const m of Array.isArray(ws["!merges"]) ? ws["!merges"] : []) {
      if (!m || !m.s || !m.e) continue;
      const merge = [m.s.r | 0, m.s.c | 0, m.e.r | 0, m.e.c | 0];
      mergedSlots += (Math.abs(merge[2] - merge[0]) + 1) * (Math.abs(merge[3] - merge[1]) + 1);
      if (mergedSlots > maxMergedSlots) {
        throw new TooLarge(`too large: expected merged ranges covering at most ${maxMergedSlots.toLocaleString("en")} cells in a workbook, found more by sheet "${name}"`);
      }
      merges.push(merge);
    }
    const hiddenRows = [];
    const rows = Array.isArray(ws["!rows"]) ? ws["!rows"] : [];
    for (let r = 0; r < rows.length && r <= maxRows; r++) if (rows[r] && rows[r].hidden) hiddenRows.push(r);
    const hiddenCols = [];
    const cols = Array.isArray(ws["!cols"]) ? ws["!cols"] : [];
    for (let c = 0; c < cols.length; c++) if (cols[c] && cols[c].hidden) hiddenCols.push(c);
    /** @type {import("./dump.ts").SheetDump} */
    const dump = { name, hidden, cells, merges, hiddenRows, hiddenCols };
    const full = typeof ws["!fullref"] === "string" ? ws["!fullref"] : undefined;
    if (full) dump.declaredRows = XLSX.utils.decode_range(full).e.r + 1;
    sheets.push(dump);
  }
  return { sheets };
}

