/**
 * Scores the text readers on the text pdftotext makes from committed PDFs of
 * other templates (fixtures/text-tools), field by field against what the PDF
 * path reads from the PDF itself (packages/extract/test/text-tools-agreement.ts).
 *
 * Usage: npx -y pnpm@10.34.9 exec tsx scripts/text-tools-score.ts [layout|raw] [--details]
 */
import { TEXT_TOOL_CASES, fieldAgreement, formsOf } from "../packages/extract/test/text-tools-agreement.ts";

const kind = process.argv.includes("raw") ? "raw" : "layout";
const details = process.argv.includes("--details");
let right = 0, total = 0;
for (const [pdf, stem] of TEXT_TOOL_CASES) {
  const a = fieldAgreement(await formsOf(`pdf/${pdf}.pdf`), await formsOf(`text-tools/${stem}.${kind}.txt`));
  right += a.right;
  total += a.total;
  console.log(`${stem.padEnd(44)} ${String(a.right).padStart(5)}/${String(a.total).padEnd(5)} ${((100 * a.right) / a.total).toFixed(1).padStart(5)}%`);
  if (details) for (const m of a.missed) console.log(`    ${m}`);
}
console.log(`${`all (${kind})`.padEnd(44)} ${String(right).padStart(5)}/${String(total).padEnd(5)} ${((100 * right) / total).toFixed(1).padStart(5)}%`);
