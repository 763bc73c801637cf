/**
 * PDF bench, three parts:
 *  1. ICDAR 2013 (../shared/benchmarks/icdar2013, 67 PDFs with ground truth):
 *     our tables (in `jixiao inspect --tables-json`'s format) written as the
 *     JSON its score.py reads, then score.py's precision, recall and F1
 *     printed (averaged over the documents).
 *  2. Speed against `pdftotext -layout` (poppler, one thread) on the same PDFs:
 *     a) the whole `jixiao ingest` (a child process, default concurrency, its
 *        start-up included) over --copies distinct copies of every fixture PDF,
 *        as a bulk import meets them;
 *     b) the extractor alone on the fixture PDFs, one thread and two worker
 *        threads, warmed up (where the time goes).
 *  3. A long file: the fixture PDFs joined by pdfunite into one of 500+ pages,
 *     read by `jixiao ingest` in a child process: time against pdftotext and
 *     the peak RSS of the whole process.
 * Usage: npx tsx scripts/bench-pdf.ts [--no-icdar] [--no-speed] [--no-long] [--copies 6]
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir, cpus } from "node:os";
import { join, basename } from "node:path";
import { Worker } from "node:worker_threads";
import { tablesJson } from "../packages/cli/src/tables-json.ts";
import { extractPdf, type PdfSettingsInput } from "../packages/extract/src/pdf/index.ts";
import { distinctCopy } from "./distinct-copy.ts";
import { ingestInChild } from "./ingest-child.ts";
import { pdftotextSeconds } from "./pdftotext.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const ICDAR = join(ROOT, "../shared/benchmarks/icdar2013");
const FIXTURE_DIRS = ["fixtures/pdf/lo", "fixtures/pdf/chromium"].map((d) => join(ROOT, d));
const args = new Set(process.argv.slice(2));
const copiesAt = process.argv.indexOf("--copies");
/** Copies of every fixture PDF in the ingest run: enough pages that start-up is a bulk import's share of it. */
const COPIES = copiesAt > 0 ? Number(process.argv[copiesAt + 1]) : 6;
/** Settings overrides for experiments: PDF_SETTINGS='{"chunkGap":0.8}' npx tsx scripts/bench-pdf.ts */
const settings = JSON.parse(process.env.PDF_SETTINGS ?? "{}") as PdfSettingsInput;

const pdfsIn = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".pdf")).sort().map((f) => join(dir, f));

async function icdar(): Promise<void> {
  const files = ["competition-dataset-eu", "competition-dataset-us"].flatMap((d) => pdfsIn(join(ICDAR, d)));
  const out: Record<string, (string | null)[][][]> = {};
  const t0 = performance.now();
  for (const f of files) {
    try {
      // Read through `jixiao inspect --tables-json`'s format: what anyone benchmarking the finder gets.
      const found = tablesJson(f, await extractPdf(readFileSync(f), { pdf: settings }));
      out[basename(f)] = found.tables.map((t) => t.rows.map((r) => r.map((c) => c?.text ?? null)));
    } catch (err) {
      console.error(`${basename(f)}: ${String(err)}`);
      out[basename(f)] = [];
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const json = join(mkdtempSync(join(tmpdir(), "icdar-")), "tables.json");
  writeFileSync(json, JSON.stringify(out));
  const score = execFileSync("python3", [join(ICDAR, "score.py"), json], { encoding: "utf8" }).trim().split("\n").pop();
  console.log(`${score}  (${files.length} PDFs extracted in ${seconds.toFixed(1)} s; tables JSON: ${json})`);
}

function pageCount(file: string): number {
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
}

async function inWorkers(files: string[], threads: number): Promise<number> {
  const t0 = performance.now();
  const queue = [...files];
  const workers = Array.from({ length: threads }, () =>
    new Worker(new URL("./icdar/extract-worker.mjs", import.meta.url)));
  // Warm each worker (module load) before timing, as a long-running ingest would be.
  await Promise.all(workers.map((w) => new Promise((res) => { w.once("message", res); w.postMessage(files[0]); })));
  const start = performance.now();
  await Promise.all(workers.map((w) => new Promise<void>((done) => {
    const next = () => {
      const f = queue.shift();
      if (!f) return done();
      w.once("message", next);
      w.postMessage(f);
    };
    next();
  })));
  await Promise.all(workers.map((w) => w.terminate()));
  void t0;
  return (performance.now() - start) / 1000;
}

/** `count` distinct copies of each file, in folders of their own. */
function pdfCopies(files: string[], count: number): string {
  const dir = mkdtempSync(join(tmpdir(), "pdf-copies-"));
  for (let i = 1; i <= count; i++) {
    mkdirSync(join(dir, `c${i}`));
    files.forEach((f, k) => writeFileSync(join(dir, `c${i}`, `${k}-${basename(f)}`), distinctCopy(f, readFileSync(f), i)));
  }
  return dir;
}

async function speed(): Promise<void> {
  const files = FIXTURE_DIRS.flatMap(pdfsIn);
  const pages = files.reduce((n, f) => n + pageCount(f), 0);
  const line = (name: string, s: number, p: number, poppler: number) =>
    `${name.padEnd(44)} ${s.toFixed(2).padStart(7)} s  ${(p / s).toFixed(1).padStart(6)} pages/s  ${(s / poppler).toFixed(2)}× pdftotext`;

  const dir = pdfCopies(files, COPIES);
  const copies = readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith(".pdf")).sort().map((f) => join(dir, f));
  const popplerAll = pdftotextSeconds(copies);
  const run = await ingestInChild(join(dir, "bench.sqlite"), [dir]);
  console.log(`speed: ${cpus().length} cores; ${copies.length} PDFs (${COPIES} copies of ${files.length} fixtures), ${run.pdfPages} pages`);
  console.log(line("pdftotext -layout", popplerAll, run.pdfPages, popplerAll));
  console.log(line(`jixiao ingest (whole process, ${run.summary.filesFailed} failed)`, run.seconds, run.pdfPages, popplerAll) + `  peak RSS ${run.peakRssMb.toFixed(0)} MB`);

  const poppler = pdftotextSeconds(files);
  await extractPdf(readFileSync(files[0]!)); // load pdf.js once, as a long-running ingest would
  let t = performance.now();
  for (const f of files) await extractPdf(readFileSync(f));
  const ours = (performance.now() - t) / 1000;
  const threads = Math.min(2, cpus().length);
  const pooled = await inWorkers(files, threads);
  console.log(`extractor alone: ${files.length} fixture PDFs, ${pages} pages, warmed up`);
  console.log(line("pdftotext -layout", poppler, pages, poppler));
  console.log(line("jixiao extractPdf, 1 thread", ours, pages, poppler));
  console.log(line(`jixiao extractPdf, ${threads} threads`, pooled, pages, poppler));
}

const LONG_FILE_MIN_PAGES = 500;

async function longFile(): Promise<void> {
  const files = FIXTURE_DIRS.flatMap(pdfsIn);
  const perCopy = files.reduce((n, f) => n + pageCount(f), 0);
  const copies = Math.ceil(LONG_FILE_MIN_PAGES / perCopy);
  const dir = mkdtempSync(join(tmpdir(), "long-pdf-"));
  const big = join(dir, "long.pdf");
  execFileSync("pdfunite", [...Array.from({ length: copies }, () => files).flat(), big]);
  const poppler = pdftotextSeconds([big]);
  const run = await ingestInChild(join(dir, "long.sqlite"), [big]);
  console.log(`long file: ${run.pdfPages} pages (${copies}× the fixtures, pdfunite), ${run.summary.forms} forms, ${run.summary.filesFailed} failed`);
  console.log(`  pdftotext -layout ${poppler.toFixed(2)} s; jixiao ingest ${run.seconds.toFixed(2)} s (${(run.seconds / poppler).toFixed(2)}×), peak RSS ${run.peakRssMb.toFixed(0)} MB (whole process, default concurrency)`);
}

if (!args.has("--no-icdar")) await icdar();
if (!args.has("--no-speed")) await speed();
if (!args.has("--no-long")) await longFile();
