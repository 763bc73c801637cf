/**
 * Cell accuracy of the PDF table finder on public
 * table suites other than ICDAR 2013 (camelot, tabula-java, pdfplumber test
 * files with their expected tables), as a held-out proxy.
 *
 * Suites: SUITES_DIR/<suite>/cases.json, each case
 *   { id, file, page, expected: string[][], source }
 * (built by scripts/table-suites/build.py from local mirrors of the repositories).
 *
 * For each case the document goes through the same route as
 * `jixiao inspect --tables-json` (extractBytes + tablesJson); the tables
 * touching the case's page are candidates. A found table is a grid with a
 * merged cell's text copied to every position it covers (so both "text at
 * top-left" and "text copied into the span" ground truths can match).
 * For every candidate and every (row, col) offset the number of expected
 * non-empty cells whose normalised text (whitespace collapsed, trimmed)
 * equals the found cell at the offset position is counted; the best
 * candidate/offset wins. Cell accuracy = matched / expected non-empty cells.
 * Also: a lenient accuracy (all whitespace removed before comparing), a
 * precision (of the found non-empty cells inside the aligned window, the
 * share equal to the expected), rows/cols found vs expected.
 *
 * With --compact, all-empty rows and columns are dropped from both sides first.
 * With --pdfplumber PYTHON (a python with pdfplumber installed) the same
 * cases are scored for pdfplumber's default page.extract_tables() too.
 *
 * Usage:
 *   npx -y pnpm@10.34.9 exec tsx scripts/table-suites/score.ts [--suites /tmp/suites]
 *       [--only SUBSTR] [--compact] [--pdfplumber /tmp/plumbvenv/bin/python] [--json OUT.json] [-v]
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { extractBytes } from "../../packages/extract/src/index.ts";
import { tablesJson, type TablesJsonTable } from "../../packages/cli/src/tables-json.ts";

interface Case { id: string; file: string; page: number; expected: string[][]; source: string }
interface Score {
  id: string; file: string; page: number;
  expCells: number; matched: number; matchedLoose: number; acc: number; accLoose: number;
  precision: number; expRows: number; expCols: number;
  foundRows: number; foundCols: number; tablesOnPage: number; offset: [number, number];
  note: string;
}

const argv = process.argv.slice(2);
const opt = (k: string) => { const i = argv.indexOf(k); return i >= 0 ? argv[i + 1] : undefined; };
const SUITES = opt("--suites") ?? "/tmp/suites";
const ONLY = opt("--only");
const PLUMBER = opt("--pdfplumber");
const JSON_OUT = opt("--json");
const VERBOSE = argv.includes("-v");

/** --compact: drop all-empty rows and columns of both tables before aligning (blank spacer rows not counted as faults). */
const COMPACT = argv.includes("--compact");
function compact(g: string[][]): string[][] {
  const rows = g.filter((r) => r.some(Boolean));
  const w = Math.max(0, ...rows.map((r) => r.length));
  const keep = Array.from({ length: w }, (_, j) => rows.some((r) => r[j]));
  return rows.map((r) => r.filter((_, j) => keep[j]));
}
const norm = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, " ").trim();
const squash = (s: string) => s.replace(/\s+/g, "");

/** A found table as a full grid: merged cells' text copied into every covered position. */
function grid(t: TablesJsonTable): string[][] {
  const g = Array.from({ length: t.nRows }, () => Array<string>(t.nCols).fill(""));
  t.rows.forEach((row, r) => row.forEach((c, col) => {
    if (!c) return;
    for (let i = 0; i < c.rowSpan; i++) for (let j = 0; j < c.colSpan; j++) {
      if (r + i < t.nRows && col + j < t.nCols) g[r + i]![col + j] = norm(c.text);
    }
  }));
  return g;
}

interface Match { matched: number; loose: number; dr: number; dc: number; precision: number }

/** Best (row, col) offset of found against expected; counts only expected non-empty cells. */
function align(exp: string[][], found: string[][]): Match {
  const key = (dr: number, dc: number) => `${dr},${dc}`;
  const votes = new Map<string, number>();
  const loose = new Map<string, number>();
  const where = new Map<string, [number, number][]>();
  const whereLoose = new Map<string, [number, number][]>();
  found.forEach((row, r) => row.forEach((v, c) => {
    if (!v) return;
    (where.get(v) ?? where.set(v, []).get(v)!).push([r, c]);
    const s = squash(v);
    (whereLoose.get(s) ?? whereLoose.set(s, []).get(s)!).push([r, c]);
  }));
  exp.forEach((row, r) => row.forEach((v, c) => {
    if (!v) return;
    for (const [fr, fc] of where.get(v) ?? []) votes.set(key(fr - r, fc - c), (votes.get(key(fr - r, fc - c)) ?? 0) + 1);
    for (const [fr, fc] of whereLoose.get(squash(v)) ?? []) loose.set(key(fr - r, fc - c), (loose.get(key(fr - r, fc - c)) ?? 0) + 1);
  }));
  let best = { matched: 0, loose: 0, dr: 0, dc: 0, precision: 0 };
  const keys = new Set([...votes.keys(), ...loose.keys()]);
  for (const k of keys) {
    const m = votes.get(k) ?? 0, l = loose.get(k) ?? 0;
    if (m > best.matched || (m === best.matched && l > best.loose)) {
      const [dr, dc] = k.split(",").map(Number) as [number, number];
      best = { matched: m, loose: l, dr, dc, precision: 0 };
    }
  }
  // precision: found non-empty cells inside the aligned expected window that equal the expected text
  let inWin = 0, ok = 0;
  exp.forEach((row, r) => row.forEach((v, c) => {
    const f = found[r + best.dr]?.[c + best.dc];
    if (!f) return;
    inWin++;
    if (f === v) ok++;
  }));
  best.precision = inWin ? ok / inWin : 0;
  return best;
}

function score(c: Case, tables: { page: number; pageTo: number; g: string[][] }[]): Score {
  const exp0 = c.expected.map((r) => r.map(norm));
  const exp = COMPACT ? compact(exp0) : exp0;
  if (COMPACT) tables = tables.map((t) => ({ ...t, g: compact(t.g) }));
  // Drop all-empty leading/trailing rows and columns of the expectation (camelot pads).
  const expCells = exp.flat().filter(Boolean).length;
  const expRows = exp.filter((r) => r.some(Boolean)).length;
  const expCols = Math.max(0, ...exp.map((r) => r.length)) === 0 ? 0
    : Array.from({ length: Math.max(...exp.map((r) => r.length)) }, (_, j) => exp.some((r) => r[j])).filter(Boolean).length;
  const onPage = tables.filter((t) => t.page <= c.page && c.page <= t.pageTo);
  let best: Match | null = null, bestT: (typeof onPage)[number] | null = null;
  for (const t of onPage) {
    const m = align(exp, t.g);
    if (!best || m.matched > best.matched || (m.matched === best.matched && m.loose > best.loose)) { best = m; bestT = t; }
  }
  const fr = bestT ? bestT.g.filter((r) => r.some(Boolean)).length : 0;
  const fc = bestT ? Array.from({ length: bestT.g[0]?.length ?? 0 }, (_, j) => bestT!.g.some((r) => r[j])).filter(Boolean).length : 0;
  const matched = best?.matched ?? 0, loose = best?.loose ?? 0;
  const notes: string[] = [];
  if (!onPage.length) notes.push("no table on page");
  else {
    if (fr !== expRows) notes.push(`rows ${fr} vs ${expRows}`);
    if (fc !== expCols) notes.push(`cols ${fc} vs ${expCols}`);
    if (loose > matched) notes.push(`+${loose - matched} if spaces ignored`);
  }
  return {
    id: c.id, file: c.file, page: c.page, expCells, matched, matchedLoose: loose,
    acc: expCells ? matched / expCells : 1, accLoose: expCells ? loose / expCells : 1,
    precision: best?.precision ?? 0, expRows, expCols, foundRows: fr, foundCols: fc,
    tablesOnPage: onPage.length, offset: [best?.dr ?? 0, best?.dc ?? 0], note: notes.join("; "),
  };
}

const PLUMBER_PY = `
import json, sys, pdfplumber
out = {}
for f, page in json.load(sys.stdin):
    k = f"{f}#{page}"
    if k in out: continue
    try:
        with pdfplumber.open(f) as pdf:
            out[k] = [t for t in pdf.pages[page - 1].extract_tables()]
    except Exception as e:
        print(f, e, file=sys.stderr); out[k] = []
json.dump(out, sys.stdout)
`;

function plumberTables(python: string, cases: Case[]): Map<string, string[][][]> {
  const json = execFileSync(python, ["-c", PLUMBER_PY], {
    input: JSON.stringify(cases.map((c) => [c.file, c.page])), encoding: "utf8", maxBuffer: 1 << 28,
  });
  return new Map(Object.entries(JSON.parse(json) as Record<string, (string | null)[][][]>)
    .map(([k, ts]) => [k, ts.map((t) => t.map((r) => r.map(norm)))]));
}

const suites = readdirSync(SUITES).filter((s) => existsSync(join(SUITES, s, "cases.json"))).sort();
const all: { suite: string; ours: Score; plumber?: Score }[] = [];
const cache = new Map<string, TablesJsonTable[]>();
for (const suite of suites) {
  const cases = (JSON.parse(readFileSync(join(SUITES, suite, "cases.json"), "utf8")) as Case[])
    .filter((c) => !ONLY || c.id.includes(ONLY));
  if (!cases.length) continue;
  const plumber = PLUMBER ? plumberTables(PLUMBER, cases) : null;
  for (const c of cases) {
    if (!cache.has(c.file)) {
      try {
        cache.set(c.file, tablesJson(c.file, await extractBytes(readFileSync(c.file), { fileName: c.file })).tables);
      } catch (err) {
        console.error(`${c.file}: ${String(err)}`);
        cache.set(c.file, []);
      }
    }
    const ours = score(c, cache.get(c.file)!.map((t) => ({ page: t.page, pageTo: t.pageTo, g: grid(t) })));
    const pt = plumber?.get(`${c.file}#${c.page}`);
    const pl = pt ? score(c, pt.map((g) => ({ page: c.page, pageTo: c.page, g }))) : undefined;
    all.push({ suite, ours, plumber: pl });
  }
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
console.log(`${"case".padEnd(58)} ${"cells".padStart(5)}  acc  loose  prec  ${PLUMBER ? "plumb " : ""} rows(f/e) cols(f/e) tabs  notes`);
for (const { ours: s, plumber: p } of all) {
  console.log(`${s.id.slice(0, 58).padEnd(58)} ${String(s.expCells).padStart(5)} ${pct(s.acc)} ${pct(s.accLoose)} ${pct(s.precision)} ${p ? pct(p.acc) + " " : ""} ${`${s.foundRows}/${s.expRows}`.padStart(9)} ${`${s.foundCols}/${s.expCols}`.padStart(9)} ${String(s.tablesOnPage).padStart(4)}  ${s.note}`);
}
const summary = (rows: typeof all, label: string) => {
  const n = rows.length;
  const mean = (f: (r: (typeof all)[number]) => number) => rows.reduce((a, r) => a + f(r), 0) / n;
  const cells = rows.reduce((a, r) => a + r.ours.expCells, 0);
  const micro = rows.reduce((a, r) => a + r.ours.matched, 0) / cells;
  const microLoose = rows.reduce((a, r) => a + r.ours.matchedLoose, 0) / cells;
  const pMicro = PLUMBER ? rows.reduce((a, r) => a + (r.plumber?.matched ?? 0), 0) / cells : NaN;
  console.log(`${label.padEnd(18)} cases ${String(n).padStart(3)}  cells ${String(cells).padStart(5)}  ` +
    `jixiao acc mean ${pct(mean((r) => r.ours.acc))}%  micro ${pct(micro)}%  (loose mean ${pct(mean((r) => r.ours.accLoose))}% micro ${pct(microLoose)}%)` +
    (PLUMBER ? `  | pdfplumber default mean ${pct(mean((r) => r.plumber?.acc ?? 0))}%  micro ${pct(pMicro)}%` : ""));
};
console.log("");
for (const suite of suites) { const rows = all.filter((r) => r.suite === suite); if (rows.length) summary(rows, suite); }
summary(all, "OVERALL");
if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify(all, null, 1));
if (VERBOSE) {
  console.log("\nworst 10 (jixiao):");
  for (const r of [...all].sort((a, b) => a.ours.acc - b.ours.acc).slice(0, 10)) {
    console.log(`  ${pct(r.ours.acc)}%  ${r.ours.file} p${r.ours.page}  ${r.ours.note}`);
  }
}
