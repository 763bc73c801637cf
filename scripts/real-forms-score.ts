/**
 * Scores the pipeline on the real published forms (fixtures/real): every fixture ×
 * every rendered format (pdf/lo, pdf/chromium, docx, xlsx, xls, text/*.txt) through
 * extract → normalize → report rules, compared field by field with
 * fixtures/real/expect/ID.json (packages/normalize/test/real-forms.ts says what counts).
 *
 * Prints a table per fixture × format and the totals per family and per format, and
 * writes the same (with every mismatch) to reports/real-forms.json.
 *
 * Usage: npx -y pnpm@10.34.9 exec tsx scripts/real-forms-score.ts [--id ID]... [--format F]... [--details] [--out FILE]
 *   --details  also print each run's mismatching fields, phantom forms and finding misses/alarms
 *   --root DIR  read the fixtures from DIR (its html/, expect/ and rendered folders) instead of fixtures/real:
 *              e.g. scans of the PDFs made for a measure of the OCR path
 *   --write-thresholds  set packages/normalize/test/real-forms-thresholds.json to the measured
 *              accuracy per family, rounded down to 2 decimals (only on a full run)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  FLOOR_FORMATS, REAL_FORMAT_NAMES, familyTotals, floor2, formatTotals, listRealFixtures, measureAll, ratio,
  type RealFormat, type RealFormResult, type Tally,
} from "../packages/normalize/test/real-forms.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

const args = process.argv.slice(2);
const ids: string[] = [];
const formats: RealFormat[] = [];
let details = false;
let writeThresholds = false;
let out = resolve(ROOT, "reports/real-forms.json");
let root: string | undefined;
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === "--id") ids.push(args[++i]!);
  else if (a === "--format") {
    const f = args[++i] as RealFormat;
    if (!REAL_FORMAT_NAMES.includes(f)) throw new Error(`unknown format ${f}: expected one of ${REAL_FORMAT_NAMES.join(", ")}`);
    formats.push(f);
  } else if (a === "--details") details = true;
  else if (a === "--write-thresholds") writeThresholds = true;
  else if (a === "--out") out = resolve(args[++i]!);
  else if (a === "--root") root = resolve(args[++i]!) + "/";
  else throw new Error(`unknown argument ${a}`);
}

const pct = (t: Tally) => (t.total === 0 ? "   -  " : `${(100 * ratio(t)).toFixed(1).padStart(5)}%`);
const frac = (t: Tally) => `${t.right}/${t.total}`;
const pad = (s: string | number, n: number) => String(s).padEnd(n);
const lpad = (s: string | number, n: number) => String(s).padStart(n);

const all = listRealFixtures(root);
const selected = ids.length ? ids : all;
for (const id of ids) if (!all.includes(id)) throw new Error(`no fixture ${id} (fixtures/real/html/${id}.html + expect/${id}.json)`);

const idW = Math.max(10, ...selected.map((s) => s.length));
const fmtW = 22;
const header = `${pad("fixture", idW)}  ${pad("format", fmtW)}  ${lpad("fields", 9)} ${lpad("", 6)}  forms exp/act  phantom missed  kind  findings hit/miss/alarm  ms`;
console.log(header);
console.log("-".repeat(header.length));

const t0 = performance.now();
const results = await measureAll({
  root,
  ids: selected,
  formats: formats.length ? formats : undefined,
  onResult: (r) => {
    const line = `${pad(r.id, idW)}  ${pad(r.format, fmtW)}  ${lpad(frac(r.fields), 9)} ${pct(r.fields)}  ${lpad(`${r.forms.expected}/${r.forms.actual}`, 13)}  ${lpad(r.forms.phantom, 7)} ${lpad(r.forms.missed, 6)}  ${lpad(`${r.forms.kindRight}/${r.forms.expected}`, 4)}  ${lpad(`${r.findings.hits}/${r.findings.misses}/${r.findings.falseAlarms}`, 23)}  ${lpad(r.ms, 5)}${r.error ? `  ERROR ${r.error.slice(0, 100)}` : ""}`;
    console.log(line);
    if (details) printDetails(r);
  },
});
const seconds = (performance.now() - t0) / 1000;

function printDetails(r: RealFormResult) {
  for (const p of r.perForm) {
    const head = `    form ${p.expected} (${p.kind}) → ${p.actualSeq === null ? "MISSED" : `seq ${p.actualSeq} ${p.actualKind} by ${p.matchedBy}`}: ${frac(p.fields)}`;
    console.log(head);
    for (const m of p.mismatches) console.log(`      ${m.field}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.actual)}`);
  }
  for (const ph of r.phantoms) console.log(`    phantom form seq ${ph.seq} ${ph.kind} ${ph.projectName ?? ""}`);
  for (const m of r.findings.missed) console.log(`    finding missed: form ${m.form} ${m.rule}`);
  for (const a of r.findings.alarms) console.log(`    false alarm: ${a}`);
}

// per family
const families = familyTotals(results);
console.log("");
console.log("Per family (fields by each form's kind; forms right = expected forms found with the right kind, total = expected + phantom; negative: runs without a phantom form):");
const famW = Math.max(20, ...families.map((f) => f.family.length));
const fh = `${pad("family", famW)}  ${lpad("runs", 4)}  ${lpad("fields", 11)} ${lpad("", 6)}  ${lpad("forms", 9)} ${lpad("", 6)}  phantom missed  findings hit/miss/alarm  errors`;
console.log(fh);
console.log("-".repeat(fh.length));
for (const f of families) {
  console.log(`${pad(f.family, famW)}  ${lpad(f.runs, 4)}  ${lpad(frac(f.fields), 11)} ${pct(f.fields)}  ${lpad(frac(f.forms), 9)} ${pct(f.forms)}  ${lpad(f.phantom, 7)} ${lpad(f.missed, 6)}  ${lpad(`${f.findings.hits}/${f.findings.misses}/${f.findings.falseAlarms}`, 23)}  ${lpad(f.errors, 6)}`);
}

// per format
console.log("");
console.log("Per format:");
const perFormat = REAL_FORMAT_NAMES.map((format) => {
  const rs = results.filter((r) => r.format === format);
  const fields = rs.reduce((t, r) => ({ right: t.right + r.fields.right, total: t.total + r.fields.total }), { right: 0, total: 0 });
  return {
    format,
    runs: rs.length,
    fields,
    phantom: rs.reduce((n, r) => n + r.forms.phantom, 0),
    missed: rs.reduce((n, r) => n + r.forms.missed, 0),
    findings: {
      hits: rs.reduce((n, r) => n + r.findings.hits, 0),
      misses: rs.reduce((n, r) => n + r.findings.misses, 0),
      falseAlarms: rs.reduce((n, r) => n + r.findings.falseAlarms, 0),
    },
    errors: rs.filter((r) => r.error).length,
    // Indicators read beyond the expected ones (real-forms.ts FormResult.extraIndicators).
    extraIndicators: rs.reduce((n, r) => n + r.perForm.reduce((m, p) => m + p.extraIndicators, 0), 0),
  };
}).filter((f) => f.runs > 0);
for (const f of perFormat) {
  console.log(`${pad(f.format, fmtW)}  ${lpad(f.runs, 4)}  ${lpad(frac(f.fields), 11)} ${pct(f.fields)}  phantom ${lpad(f.phantom, 3)}  missed ${lpad(f.missed, 3)}  findings ${f.findings.hits}/${f.findings.misses}/${f.findings.falseAlarms}  errors ${f.errors}  extra indicators ${f.extraIndicators}`);
}
// fixture × format matrix: % fields right, then +Np phantom / +Nm missed forms
console.log("");
console.log("Fields right per fixture × format (% ; p = phantom forms, m = missed forms, ! = error):");
const shown = REAL_FORMAT_NAMES.filter((f) => results.some((r) => r.format === f));
const short = (f: string) => f.replace("text/pdftotext-layout-chromium", "txt-chr-layout").replace("text/pdftotext-layout", "txt-layout").replace("text/pdftotext", "txt-plain").replace("text/web", "txt-web");
const colW = 13;
console.log(`${pad("fixture", idW)}  ${shown.map((f) => lpad(short(f), colW)).join("")}`);
for (const id of [...new Set(results.map((r) => r.id))]) {
  const cells = shown.map((f) => {
    const r = results.find((x) => x.id === id && x.format === f);
    if (!r) return lpad("·", colW);
    const v = r.error ? "!" : r.fields.total === 0 ? "-" : (100 * ratio(r.fields)).toFixed(0);
    return lpad(`${v}${r.forms.phantom ? `+${r.forms.phantom}p` : ""}${r.forms.missed ? `+${r.forms.missed}m` : ""}`, colW);
  });
  console.log(`${pad(id, idW)}  ${cells.join("")}`);
}

const total = results.reduce((t, r) => ({ right: t.right + r.fields.right, total: t.total + r.fields.total }), { right: 0, total: 0 });
console.log("");
console.log(`All: ${results.length} runs over ${new Set(results.map((r) => r.id)).size} fixtures, fields ${frac(total)} ${pct(total).trim()}, ${seconds.toFixed(1)} s`);

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({
  generated: new Date().toISOString(),
  runs: results.length,
  seconds: Math.round(seconds * 10) / 10,
  fields: total,
  families: families.map((f) => ({ ...f, fieldsRatio: floor2(ratio(f.fields)), formsRatio: floor2(ratio(f.forms)) })),
  formats: perFormat,
  results,
}, null, 2) + "\n");
console.log(`wrote ${out}`);

if (writeThresholds) {
  if (ids.length || formats.length || root) throw new Error("--write-thresholds needs the full run: no --id, --format or --root");
  const file = resolve(ROOT, "packages/normalize/test/real-forms-thresholds.json");
  // (The families' thresholds over the formats they hold; the floor formats against floors of their own.)
  const held = familyTotals(results.filter((r) => !FLOOR_FORMATS.has(r.format)));
  const thresholds = Object.fromEntries(held.map((f) => [f.family, { fields: floor2(ratio(f.fields)), forms: floor2(ratio(f.forms)) }]));
  writeFileSync(file, JSON.stringify(thresholds, null, 2) + "\n");
  console.log(`wrote ${file}`);
  const floorsFile = resolve(ROOT, "packages/normalize/test/real-forms-format-floors.json");
  const floors = Object.fromEntries([...FLOOR_FORMATS].map((format) => {
    const { fields, forms } = formatTotals(results, format);
    return [format, { fields: floor2(ratio(fields)), forms: floor2(ratio(forms)) }];
  }));
  writeFileSync(floorsFile, JSON.stringify(floors, null, 2) + "\n");
  console.log(`wrote ${floorsFile}`);
}
