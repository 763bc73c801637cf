/**
 * `pnpm bench`: the bulk-ingest benchmark, then the extractor benches
 * (scripts/bench-pdf.ts, scripts/bench-ooxml.ts) when present, and one summary.
 *
 *   npx tsx scripts/bench.ts [--files 2000] [--pdf-copies 6] [--rerun-files 10000]
 *                            [--pdf-runs 3] [--concurrency N] [--only-ingest] [--keep]
 *                            [--scan-copies 4] [--only-scans]
 *
 * Ingest phases, each `jixiao ingest` in a child process of its own
 * (scripts/ingest-child.ts) so its peak RSS (main process + worker processes,
 * sampled, shared code counted once) is its alone:
 *  1. a synthetic archive of --files documents built from the fixtures (text,
 *     PDF from two producers, DOCX, XLSX, XLS): files/s, pages/s, peak memory;
 *  2. the same archive again: every file unchanged, nothing parsed;
 *  3. PDFs only (--pdf-copies of every fixture PDF): PDF pages/s end to end,
 *     --pdf-runs times, each into a fresh database and each right after
 *     `pdftotext` read the same files (when it is installed), so a machine
 *     whose speed drifts shows it: the median run, the range, and the ratio to
 *     pdftotext's time in the same minute;
 *  4. a re-run over --rerun-files unchanged files: the archive of phase 1 plus
 *     small text copies whose documents are stored beforehand through the store
 *     API (parsed once, saved per copy), so phase 4 needs no hour-long first load;
 *  5. fuzz (scripts/fuzz.ts): --fuzz-files seeded mutations of the fixtures
 *     (default 200, seed --fuzz-seed, 0 skips it) ingested by the command: no
 *     crash, no hang, one row per input, integrity ok. The bench fails if not.
 *  6. scanned pages: --scan-copies copies (default 4, 0 skips it) of the 200-dpi
 *     scans in fixtures/scan (image-only pages, read by OCR; the searchable scan
 *     left out), one ingest: OCR pages/s end to end on the workers, CPU and
 *     peak memory. `--only-scans` runs this phase alone.
 *
 * Copies are distinct files whose parsed documents are identical to their
 * template's (checked on one copy of each before the run, and by the form
 * counts after it; scripts/distinct-copy.ts makes them). They sit under
 * different names in different folders.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { sha256 } from "../packages/cli/src/file-result.ts";
import { processBytes } from "../packages/cli/src/process-file.ts";
import { PIPELINE_VERSION } from "../packages/cli/src/version.ts";
import { closeSheetWorker } from "../packages/extract/src/sheet/worker-host.ts";
import { openStore } from "../packages/store/src/index.ts";
import { distinctCopy } from "./distinct-copy.ts";
import { fuzz } from "./fuzz.ts";
import { type ChildIngest, ingestInChild } from "./ingest-child.ts";
import { hasPdftotext, pdftotextSeconds } from "./pdftotext.ts";

const ROOT = resolve(import.meta.dirname, "..");
const FIXTURE_DIRS = ["text", "pdf/lo", "pdf/chromium", "docx", "xlsx", "xls"];
const SUMMARY_LINE_CHARS = 110;

interface Flags {
  files: number;
  pdfCopies: number;
  pdfRuns: number;
  rerunFiles: number;
  concurrency: number;
  onlyIngest: boolean;
  keep: boolean;
  fuzzFiles: number;
  fuzzSeed: number;
  scanCopies: number;
  onlyScans: boolean;
}

function flags(argv: string[]): Flags {
  const value = (name: string, dflt: number) => {
    const i = argv.indexOf(name);
    return i >= 0 ? Number(argv[i + 1]) : dflt;
  };
  return {
    files: value("--files", 2000),
    pdfCopies: value("--pdf-copies", 6),
    pdfRuns: Math.max(1, value("--pdf-runs", 3)),
    rerunFiles: value("--rerun-files", 10_000),
    concurrency: value("--concurrency", availableParallelism()),
    onlyIngest: argv.includes("--only-ingest"),
    keep: argv.includes("--keep"),
    fuzzFiles: value("--fuzz-files", 200),
    fuzzSeed: value("--fuzz-seed", 1),
    scanCopies: value("--scan-copies", 4),
    onlyScans: argv.includes("--only-scans"),
  };
}

// ---------------------------------------------------------------- copies

interface Template {
  name: string;
  bytes: Buffer;
}

function templates(dirs: string[]): Template[] {
  return dirs.flatMap((d) =>
    readdirSync(join(ROOT, "fixtures", d))
      .filter((f) => !f.startsWith("."))
      .sort()
      .map((f) => ({ name: `${d.replace("/", "-")}-${f}`, bytes: readFileSync(join(ROOT, "fixtures", d, f)) })),
  );
}

/** Each template's parsed document must survive the copy method unchanged. */
async function checkCopies(ts: Template[]): Promise<Map<string, number>> {
  const forms = new Map<string, number>();
  for (const t of ts) {
    const a = await processBytes(t.name, t.bytes);
    const b = await processBytes(t.name, distinctCopy(t.name, t.bytes, 9999));
    if (JSON.stringify(a.doc) !== JSON.stringify(b.doc) || a.meta.status !== b.meta.status) {
      throw new Error(`copy method changes the document of ${t.name}`);
    }
    forms.set(t.name, a.doc?.forms.length ?? 0);
  }
  await closeSheetWorker();
  return forms;
}

/** `count` files cycling through the templates, in 20 folders; returns each file's path and template. */
function buildArchive(dir: string, ts: Template[], count: number, firstCopy = 0): Map<string, string> {
  const of = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const t = ts[i % ts.length]!;
    const n = firstCopy + Math.floor(i / ts.length);
    const folder = join(dir, `batch-${String(n % 20).padStart(2, "0")}`);
    mkdirSync(folder, { recursive: true });
    const path = join(folder, `${String(n).padStart(5, "0")}-${t.name}`);
    writeFileSync(path, distinctCopy(t.name, t.bytes, n));
    of.set(path, t.name);
  }
  return of;
}

// ---------------------------------------------------------------- phases

interface Row {
  what: string;
  value: string;
  target?: string;
}

function formsByTemplate(db: string, templateOf: Map<string, string>): Map<string, Set<number>> {
  const store = openStore(db, { readonly: true });
  const rows = store.db
    .prepare("select d.path, count(f.id) n from documents d left join forms f on f.document_id = d.id group by d.id")
    .all() as { path: string; n: number }[];
  store.close();
  const by = new Map<string, Set<number>>();
  for (const r of rows) {
    const t = templateOf.get(r.path);
    if (t) by.set(t, (by.get(t) ?? new Set()).add(r.n));
  }
  return by;
}

/** Stores `count` text copies directly (parsed once): the documents phase 4 finds unchanged. */
async function seedTextCopies(db: string, dir: string, count: number, firstCopy: number): Promise<void> {
  const name = "text-xinzhou-2022-selfeval-report-annex1.pdf.txt";
  const bytes = readFileSync(join(ROOT, "fixtures/text/xinzhou-2022-selfeval-report-annex1.pdf.txt"));
  const parsed = await processBytes(name, bytes);
  const of = buildArchive(dir, [{ name, bytes }], count, firstCopy);
  const store = openStore(db);
  const save = store.db.transaction(() => {
    for (const path of of.keys()) {
      const st = statSync(path);
      const meta = { ...parsed.meta, path, sha256: sha256(readFileSync(path)), sizeBytes: st.size, mtimeMs: st.mtimeMs };
      store.saveDocument(meta, parsed.doc, parsed.findings, PIPELINE_VERSION);
    }
  });
  save();
  store.close();
}

function subBench(script: string, args: string[] = []): { ran: boolean; lines: string[] } {
  const path = join(ROOT, "scripts", script);
  if (!existsSync(path)) return { ran: false, lines: [] };
  console.log(`\n== ${script} ${args.join(" ")}`);
  const r = spawnSync(process.execPath, ["--import", "tsx", path, ...args], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 64 << 20 });
  process.stdout.write(r.stdout ?? "");
  const lines = (r.stdout ?? "").split("\n").filter((l) => /\/s|F1|score|ratio/i.test(l));
  if (r.status !== 0) lines.push(`(exited ${r.status})`);
  return { ran: true, lines };
}

const mb = (x: number) => `${Math.round(x)} MB`;
const rate = (n: number, s: number) => (s > 0 ? (n / s).toFixed(1) : "n/a");

/** The scans whose pages OCR reads at 200 dpi: the issue's measure (a searchable scan is read from its text layer). */
const SCAN_BENCH = /200dpi/;
const SCAN_BENCH_SKIP = /searchable/;

/** Phase 6: copies of the 200-dpi scans, one ingest. */
async function scanPhase(work: string, f: Flags): Promise<Row[]> {
  const scans = templates(["scan"]).filter((t) => SCAN_BENCH.test(t.name) && !SCAN_BENCH_SKIP.test(t.name) && t.name.endsWith(".pdf"));
  const dir = join(work, "scan-archive");
  buildArchive(dir, scans, scans.length * f.scanCopies);
  console.log(`\n== phase 6: ${scans.length * f.scanCopies} scanned PDFs (${scans.length} scans at 200 dpi, ${f.scanCopies} copies each)`);
  const run = await ingestInChild(join(work, "scan.sqlite"), [dir], f.concurrency);
  const s = run.summary;
  const ocr = s.ocrPages ?? 0;
  console.log(`  ${ocr} pages read by OCR in ${s.seconds.toFixed(1)} s (${rate(ocr, s.seconds)} pages/s), ${run.cpuSeconds.toFixed(0)} s CPU, ${s.forms} forms, ${s.filesFailed} failed; peak ${mb(run.peakRssMb)}`);
  return [
    { what: `scanned pages, ${ocr} at 200 dpi in ${s.filesSeen} files`, value: `${s.seconds.toFixed(1)} s, ${rate(ocr, s.seconds)} OCR pages/s end to end; ${run.cpuSeconds.toFixed(0)} s CPU (${(run.cpuSeconds / Math.max(1, ocr)).toFixed(2)} s a page); ${s.filesFailed} failed`, target: ">= 1 page/s on 2 cores" },
    { what: "  peak memory (RSS, main + workers)", value: mb(run.peakRssMb), target: "<= 800 MB" },
  ];
}

async function main(): Promise<void> {
  const f = flags(process.argv.slice(2));
  const work = mkdtempSync(join(tmpdir(), "jixiao-bench-"));
  const rows: Row[] = [];
  console.log(`bench: Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model}), ${Math.round(totalmem() / 2 ** 30)} GiB, ${f.concurrency} workers; work dir ${work}`);
  if (f.onlyScans) {
    rows.push(...(await scanPhase(work, f)));
    if (!f.keep) rmSync(work, { recursive: true, force: true });
    printSummary(rows);
    return;
  }

  const all = templates(FIXTURE_DIRS);
  const formsOf = await checkCopies(all);
  console.log(`${all.length} fixture documents; every copy method leaves the parsed document unchanged`);

  // 1 + 2: the mixed archive, twice.
  const archive = join(work, "archive");
  const templateOf = buildArchive(archive, all, f.files);
  const db = join(work, "bench.sqlite");
  console.log(`\n== phase 1: first load of ${f.files} files`);
  const first = await ingestInChild(db, [archive], f.concurrency);
  const s1 = first.summary;
  console.log(`  ${s1.filesSeen} files (${s1.filesNew} new, ${s1.filesFailed} failed), ${s1.pages} pages, ${s1.forms} forms in ${s1.seconds.toFixed(1)} s (${first.cpuSeconds.toFixed(0)} s CPU); peak RSS ${mb(first.peakRssMb)}`);
  const mismatched = [...formsByTemplate(db, templateOf)].filter(([t, ns]) => ns.size !== 1 || [...ns][0] !== formsOf.get(t));
  if (mismatched.length) throw new Error(`copies stored with other form counts than their template: ${mismatched.map(([t]) => t).join(", ")}`);
  rows.push(
    { what: `first load, ${s1.filesSeen} mixed files`, value: `${s1.seconds.toFixed(1)} s, ${rate(s1.filesSeen, s1.seconds)} files/s, ${rate(s1.pages, s1.seconds)} pages/s (all formats); ${first.cpuSeconds.toFixed(0)} s CPU` },
    { what: "  peak memory (RSS, main + workers)", value: `${mb(first.peakRssMb)} (sampled ${mb(first.sampledPeakRssMb)})`, target: "< 400 MB" },
    { what: "  failed files", value: `${s1.filesFailed}${s1.failed.length ? ` (${[...new Set(s1.failed.map((x) => x.error.split(":")[0]))].join(", ")})` : ""}` },
  );

  console.log(`\n== phase 2: the same ${f.files} files again`);
  const second = await ingestInChild(db, [archive], f.concurrency);
  rows.push({ what: `second run, ${second.summary.filesSeen} unchanged files`, value: `${second.summary.seconds.toFixed(2)} s, ${second.summary.filesParsed} parsed, peak ${mb(second.peakRssMb)}` });

  // 3: PDFs only.
  const pdfs = templates(["pdf/lo", "pdf/chromium"]);
  const pdfArchive = join(work, "pdf-archive");
  const pdfFiles = [...buildArchive(pdfArchive, pdfs, pdfs.length * f.pdfCopies).keys()];
  const yardstick = hasPdftotext();
  console.log(`\n== phase 3: ${pdfs.length * f.pdfCopies} PDFs, ${f.pdfRuns} runs`);
  const runs: { pdf: ChildIngest; pdftotext: number | null }[] = [];
  for (let i = 0; i < f.pdfRuns; i++) {
    const pdftotext = yardstick ? pdftotextSeconds(pdfFiles) : null;
    const pdf = await ingestInChild(join(work, `pdf-${i}.sqlite`), [pdfArchive], f.concurrency);
    runs.push({ pdf, pdftotext });
    const s = pdf.summary.seconds;
    console.log(`  run ${i + 1}: ${s.toFixed(1)} s, ${rate(pdf.pdfPages, s)} pages/s, ${pdf.cpuSeconds.toFixed(0)} s CPU, peak ${mb(pdf.peakRssMb)}${pdftotext ? `; pdftotext just before: ${pdftotext.toFixed(1)} s (${(s / pdftotext).toFixed(2)} x)` : ""}`);
  }
  const byTime = [...runs].sort((a, b) => a.pdf.summary.seconds - b.pdf.summary.seconds);
  const median = byTime[Math.floor((byTime.length - 1) / 2)]!.pdf;
  const pages = median.pdfPages;
  const ratios = runs.filter((r) => r.pdftotext).map((r) => r.pdf.summary.seconds / r.pdftotext!);
  rows.push(
    {
      what: `PDF only, ${median.pdfFiles} files, ${pages} pages (median of ${runs.length})`,
      value: `${median.summary.seconds.toFixed(1)} s, ${rate(pages, median.summary.seconds)} PDF pages/s end to end; ${median.cpuSeconds.toFixed(0)} s CPU; runs ${byTime.map((r) => rate(pages, r.pdf.summary.seconds)).join(" / ")} pages/s`,
      target: ">= 50 pages/s on 2 cores",
    },
    ...(ratios.length ? [{ what: "  against pdftotext -layout on the same files, same minute", value: `${ratios.map((r) => r.toFixed(2)).join(" / ")} x its time` }] : []),
    { what: "  peak memory (RSS, main + workers)", value: mb(Math.max(...runs.map((r) => r.pdf.peakRssMb))), target: "< 400 MB" },
  );

  // 4: re-run over rerunFiles unchanged files.
  const extra = Math.max(0, f.rerunFiles - f.files);
  console.log(`\n== phase 4: storing ${extra} more text copies through the store API, then a re-run over ${f.files + extra} files`);
  await seedTextCopies(db, archive, extra, Math.ceil(f.files / all.length) + 1);
  const rerun = await ingestInChild(db, [archive], f.concurrency);
  if (rerun.summary.filesParsed !== 0) throw new Error(`expected the re-run to parse nothing, it parsed ${rerun.summary.filesParsed}`);
  rows.push({ what: `re-run over ${rerun.summary.filesSeen} unchanged files`, value: `${rerun.summary.seconds.toFixed(2)} s (${rerun.summary.filesParsed} parsed), peak ${mb(rerun.peakRssMb)}`, target: "< 10 s" });

  // 6: scanned pages.
  if (f.scanCopies > 0) rows.push(...(await scanPhase(work, f)));

  if (!f.keep) rmSync(work, { recursive: true, force: true });

  // 5: fuzz.
  if (f.fuzzFiles > 0) {
    console.log(`\n== phase 5: fuzz, ${f.fuzzFiles} mutated fixtures (seed ${f.fuzzSeed})`);
    const z = await fuzz({ count: f.fuzzFiles, seed: f.fuzzSeed, concurrency: f.concurrency, keep: f.keep, log: (l) => console.log(`  ${l}`) });
    const statuses = Object.entries(z.statuses).map(([k, v]) => `${v} ${k}`).join(", ");
    rows.push({
      what: `fuzz, ${z.files} mutated files (seed ${f.fuzzSeed})`,
      value: `${z.ok ? "ok" : `${z.problems.length} problem(s)`}: exit ${z.exitCode ?? z.signal} in ${z.seconds.toFixed(1)} s (limit ${z.timeLimitS} s), ${z.rows}/${z.files} rows (${statuses}), integrity ${z.integrity}`,
      target: "no crash, no hang, no lost row",
    });
    if (!z.ok) process.exitCode = 1;
  }

  const subs: Row[] = [];
  if (!f.onlyIngest) {
    for (const [script, args] of [["bench-pdf.ts", []], ["bench-ooxml.ts", []]] as const) {
      const r = subBench(script, [...args]);
      if (!r.ran) subs.push({ what: script, value: "not present" });
      // The sub-bench printed its full lines above; the summary keeps the head of each.
      for (const l of r.lines) subs.push({ what: script, value: l.trim().slice(0, SUMMARY_LINE_CHARS) });
    }
  }

  printSummary([...rows, ...subs]);
}

function printSummary(rows: readonly Row[]): void {
  console.log(`\n== summary (${PIPELINE_VERSION}, Node ${process.version}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB)`);
  const width = Math.max(...rows.map((r) => r.what.length));
  for (const r of rows) console.log(`${r.what.padEnd(width)}  ${r.value}${r.target ? `   [target ${r.target}]` : ""}`);
}

await main();
