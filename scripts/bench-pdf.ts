/**
 * PDF extractor bench, two parts:
 *  1. ICDAR 2013 (../shared/benchmarks/icdar2013, 67 PDFs with ground truth):
 *     our tables written as the JSON its score.py reads, then score.py's
 *     precision, recall and F1 printed.
 *  2. Speed on the fixture PDFs: pdftotext -layout (poppler) against our
 *     extraction, one thread and two worker threads; ratio and pages/second.
 *  3. A long file: the fixture PDFs joined by pdfunite into one of 500+ pages,
 *     extracted in a child process (heap capped as a PDF worker would be):
 *     time against pdftotext and peak memory.
 * Usage: npx tsx scripts/bench-pdf.ts [--no-icdar] [--no-speed] [--no-long]
 */
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir, cpus } from "node:os";
import { join, basename } from "node:path";
import { Worker } from "node:worker_threads";
import { toMatrix } from "../packages/extract/src/grid.ts";
import { extractPdf, type PdfSettingsInput } from "../packages/extract/src/pdf/index.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const ICDAR = join(ROOT, "../shared/benchmarks/icdar2013");
const FIXTURE_DIRS = ["fixtures/pdf/lo", "fixtures/pdf/chromium"].map((d) => join(ROOT, d));
const args = new Set(process.argv.slice(2));
/** Settings overrides for experiments: PDF_SETTINGS='{"chunkGap":0.8}' npx tsx scripts/bench-pdf.ts */
const settings = JSON.parse(process.env.PDF_SETTINGS ?? "{}") as PdfSettingsInput;

const pdfsIn = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".pdf")).sort().map((f) => join(dir, f));

async function icdar(): Promise<void> {
  const files = ["competition-dataset-eu", "competition-dataset-us"].flatMap((d) => pdfsIn(join(ICDAR, d)));
  const out: Record<string, (string | null)[][][]> = {};
  const t0 = performance.now();
  for (const f of files) {
    try {
      const doc = await extractPdf(readFileSync(f), { pdf: settings });
      out[basename(f)] = doc.blocks.flatMap((b) => (b.kind === "table" ? [toMatrix(b.table).map((r) => r.map((c) => c?.text ?? null))] : []));
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

async function speed(): Promise<void> {
  const files = FIXTURE_DIRS.flatMap(pdfsIn);
  const pages = files.reduce((n, f) => n + pageCount(f), 0);
  let t = performance.now();
  for (const f of files) execFileSync("pdftotext", ["-layout", f, "-"], { maxBuffer: 1 << 28 });
  const poppler = (performance.now() - t) / 1000;
  await extractPdf(readFileSync(files[0]!)); // load pdf.js once, as a long-running ingest would
  t = performance.now();
  for (const f of files) await extractPdf(readFileSync(f));
  const ours = (performance.now() - t) / 1000;
  const threads = Math.min(2, cpus().length);
  const pooled = await inWorkers(files, threads);
  const line = (name: string, s: number) =>
    `${name.padEnd(28)} ${s.toFixed(2).padStart(7)} s  ${(pages / s).toFixed(1).padStart(6)} pages/s  ${(s / poppler).toFixed(2)}× pdftotext`;
  console.log(`speed: ${files.length} fixture PDFs, ${pages} pages, ${cpus().length} cores`);
  console.log(line("pdftotext -layout", poppler));
  console.log(line("jixiao extractPdf, 1 thread", ours));
  console.log(line(`jixiao extractPdf, ${threads} threads`, pooled));
}

/** Old-generation heap cap for the long-file run (what a PDF worker thread would be given). */
const LONG_FILE_HEAP_MB = 256;
const LONG_FILE_MIN_PAGES = 500;

async function longFile(): Promise<void> {
  const files = FIXTURE_DIRS.flatMap(pdfsIn);
  const perCopy = files.reduce((n, f) => n + pageCount(f), 0);
  const copies = Math.ceil(LONG_FILE_MIN_PAGES / perCopy);
  const big = join(mkdtempSync(join(tmpdir(), "long-pdf-")), "long.pdf");
  execFileSync("pdfunite", [...Array.from({ length: copies }, () => files).flat(), big]);
  let t = performance.now();
  execFileSync("pdftotext", ["-layout", big, "-"], { maxBuffer: 1 << 30 });
  const poppler = (performance.now() - t) / 1000;
  t = performance.now();
  const out = execFileSync("npx", ["tsx", join(ROOT, "scripts/icdar/extract-one.ts"), big], {
    encoding: "utf8",
    env: { ...process.env, NODE_OPTIONS: `--max-old-space-size=${LONG_FILE_HEAP_MB}` },
  });
  const r = JSON.parse(out.trim().split("\n").pop()!) as { pages: number; tables: number; seconds: number; maxRssMb: number };
  console.log(`long file: ${r.pages} pages (${copies}× the fixtures, pdfunite), ${r.tables} tables`);
  console.log(`  pdftotext -layout ${poppler.toFixed(2)} s; jixiao extractPdf ${r.seconds.toFixed(2)} s (${(r.seconds / poppler).toFixed(2)}×), peak RSS ${r.maxRssMb.toFixed(0)} MB with a ${LONG_FILE_HEAP_MB} MB heap cap`);
}

if (!args.has("--no-icdar")) await icdar();
if (!args.has("--no-speed")) await speed();
if (!args.has("--no-long")) await longFile();
