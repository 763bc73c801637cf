/**
 * Writes the OOXML edge-case fixtures (fixtures/ooxml-cases/) with LibreOffice:
 *   cases.docx        merges (gridSpan, vMerge over three rows), paragraphs and w:br in a cell,
 *                     tracked changes, a field, a hyperlink, a nested table, a text box, hidden text,
 *                     header/footer
 *   cases.xlsx/.xls   two stacked forms with a two-row header, percent and thousands formats,
 *                     formulas (cached values), a hidden row, a 50-row merged range, a hidden
 *                     column, a hidden sheet, a sheet named __proto__
 *   tall.xlsx         a sheet whose last row is row 1,000,000
 *   wide.xlsx         20 rows with one cell in column A and one in XFD (the last column)
 *   bigmerge.xlsx     A1:Z50000 merged into one cell
 *   bomb.xlsx         cases.xlsx with a 300 MB entry of zeros added (a zip bomb)
 * Usage: npx tsx scripts/fixtures-ooxml/make-cases.ts   (needs soffice; CI uses the committed outputs)
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { bigMergeWorkbook, casesDocument, casesWorkbook, tallWorkbook, wideWorkbook } from "./cases.ts";
import { addZeroEntry } from "./zip-bomb.ts";

const OUT = resolve(import.meta.dirname, "../../fixtures/ooxml-cases");
const work = mkdtempSync(join(tmpdir(), "jixiao-ooxml-"));
// A private profile so that other soffice instances on this machine do not lock ours.
const profile = `file://${join(work, "profile")}`;

function convert(src: string, filter: string): void {
  execFileSync("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", filter, "--outdir", work, src], { stdio: "ignore" });
}

try {
  writeFileSync(join(work, "cases.fodt"), casesDocument());
  writeFileSync(join(work, "cases.fods"), casesWorkbook());
  writeFileSync(join(work, "tall.fods"), tallWorkbook());
  writeFileSync(join(work, "wide.fods"), wideWorkbook());
  writeFileSync(join(work, "bigmerge.fods"), bigMergeWorkbook());
  convert(join(work, "cases.fodt"), "docx:MS Word 2007 XML");
  convert(join(work, "cases.fods"), "xlsx:Calc MS Excel 2007 XML");
  convert(join(work, "cases.fods"), "xls:MS Excel 97");
  for (const f of ["tall", "wide", "bigmerge"]) convert(join(work, `${f}.fods`), "xlsx:Calc MS Excel 2007 XML");
  for (const f of ["cases.docx", "cases.xlsx", "cases.xls", "tall.xlsx", "wide.xlsx", "bigmerge.xlsx"]) copyFileSync(join(work, f), join(OUT, f));
  writeFileSync(join(OUT, "bomb.xlsx"), addZeroEntry(readFileSync(join(OUT, "cases.xlsx")), "xl/media/padding.bin", 300 * 1024 * 1024));
  console.log(`wrote ${OUT}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
