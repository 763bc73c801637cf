/**
 * Probe: every real form fixture's DOCX grid followed by the next one's, as a document holding two forms (a
 * bundle of a department's forms, a 自评报告 with its tables) prints them; the pair must read as each reads
 * alone. Prints each pair that does not and a count.
 * Usage: npx tsx scripts/appended-probe.ts [docx|xlsx|pdf/lo]
 */
import { normalizeDocument, type Form } from "@jixiao/normalize";
import { appended, extractedFixture } from "../packages/normalize/test/fixture-documents.ts";
import { listRealFixtures, readExpectation, type RealFormat } from "../packages/normalize/test/real-forms.ts";

const format = (process.argv[2] ?? "docx") as RealFormat;
const essentials = (f: Form) => ({ kind: f.kind, project: f.projectName, agency: f.agency, total: f.totalScore,
  funding: f.funding.map((l) => [l.source, l.budget, l.executed]), indicators: f.indicators.map((i) => [i.level1, i.level2, i.name, i.targetText, i.actualText, i.weight, i.score]) });
const ids = listRealFixtures().filter((id) => readExpectation(id).forms.length > 0);
let bad = 0;
for (let k = 0; k < ids.length; k++) {
  const a = ids[k]!, b = ids[(k + 1) % ids.length]!;
  const da = await extractedFixture(a, format), db = await extractedFixture(b, format);
  const alone = [...normalizeDocument(da).forms, ...normalizeDocument(db).forms].map(essentials);
  const both = normalizeDocument(appended(da, db)).forms.map(essentials);
  const A = JSON.stringify(alone), B = JSON.stringify(both);
  if (A !== B) {
    bad++;
    let i = 0; while (i < A.length && A[i] === B[i]) i++;
    console.log(`${a} + ${b}: ${alone.length} → ${both.length} forms\n    …${A.slice(Math.max(0, i - 80), i + 80)}\n  ≠ …${B.slice(Math.max(0, i - 80), i + 80)}`);
  }
}
console.log(`${bad} of ${ids.length} pairs read differently`);
