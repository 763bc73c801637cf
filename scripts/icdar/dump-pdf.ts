/**
 * Prints what the PDF extractor finds in a file: narrative lines and each
 * table's rows as [col:rowSpan×colSpan]text. A developer's look at one file.
 * Usage: npx tsx scripts/icdar/dump-pdf.ts FILE.pdf
 */
import { readFileSync } from "node:fs";
import { extractPdf } from "../../packages/extract/src/pdf/index.ts";

const doc = await extractPdf(readFileSync(process.argv[2]!));
for (const b of doc.blocks) {
  if (b.kind === "text") {
    console.log(`[p${b.page}] ${b.text}`);
    continue;
  }
  const t = b.table;
  console.log(`TABLE p${t.page}-${t.pageTo} ${t.nRows}x${t.nCols}`);
  const rows: string[][] = Array.from({ length: t.nRows }, () => []);
  for (const c of t.cells) {
    const span = c.rowSpan > 1 || c.colSpan > 1 ? `:${c.rowSpan}x${c.colSpan}` : "";
    rows[c.row]!.push(`[${c.col}${span}]${c.text}`);
  }
  rows.forEach((r, i) => console.log(`  ${i}: ${r.join(" | ")}`));
}
if (doc.warnings.length) console.log("warnings:", doc.warnings);
