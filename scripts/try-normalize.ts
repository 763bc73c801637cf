import { readFileSync } from "node:fs";
import { parseExtractedText } from "@jixiao/extract";
import { normalizeDocument } from "@jixiao/normalize";
const f = process.argv[2]!;
const doc = parseExtractedText(readFileSync(f, "utf8"));
const n = normalizeDocument(doc, { fileName: f });
for (const form of n.forms) {
  const t = form.funding.find(l=>l.sourceKind==="total") ?? form.funding[0];
  console.log(form.seq, form.kind, form.fiscalYear, form.agency, "|", form.projectName, "| unit", form.moneyUnit, form.moneyUnitEffective, "| A", t?.budget, "B", t?.executed, "rate", t?.executionRate, "w", t?.weight, "s", t?.score, "| total", form.totalWeight, form.totalScore, form.grade, "| ind", form.indicators.length, "w=", form.indicators.reduce((s,i)=>s+(i.weight??0),0), "missing", form.missing.join(","), "lines", form.lineFrom, form.lineTo);
}
if (process.argv[3]) { const f = n.forms[Number(process.argv[3])-1]!; console.log(JSON.stringify({...f, notes: f.notes.length}, null, 1)); }
console.log("side", JSON.stringify(n.sideTables));
