/**
 * One `jixiao ingest` in a child process of its own, as a user runs it, so
 * that its wall time (process start-up included) and its peak RSS (main
 * thread and worker threads together, from getrusage) are its alone.
 *
 *   import { ingestInChild } from "./ingest-child.ts";   // from a bench
 *   node --import tsx scripts/ingest-child.ts DB CONCURRENCY PATH...   (0: default concurrency)
 *
 * The child runs this module bundled, as the `jixiao` command runs (see
 * packages/cli/bin/jixiao.js), so its start-up and memory are the command's.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { DEFAULT_BUNDLE_DIR, ensureBundle } from "../packages/cli/src/bundle-cache.mjs";
import { ingest, type IngestSummary } from "../packages/cli/src/ingest.ts";

/** How often the child samples its RSS, besides getrusage's peak. */
const RSS_SAMPLE_MS = 200;

export interface ChildIngest {
  summary: IngestSummary;
  /** From the child's start to the end of its ingest, start-up and module loading included. */
  seconds: number;
  peakRssMb: number;
  sampledPeakRssMb: number;
  /** User + system CPU time of all threads: comparable across runs when other work shares the machine. */
  cpuSeconds: number;
  pdfFiles: number;
  pdfPages: number;
}

export async function ingestInChild(db: string, paths: string[], concurrency?: number): Promise<ChildIngest> {
  const child = fileURLToPath((await ensureBundle(fileURLToPath(import.meta.url), DEFAULT_BUNDLE_DIR)).url);
  const r = spawnSync(process.execPath, [child, db, String(concurrency ?? 0), ...paths], {
    encoding: "utf8",
    maxBuffer: 64 << 20,
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (r.status !== 0) throw new Error(`ingest child failed (exit ${r.status}, signal ${r.signal ?? "none"})`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as ChildIngest;
}

async function childMain(db: string, concurrency: number, paths: string[]): Promise<void> {
  let sampled = 0;
  const timer = setInterval(() => (sampled = Math.max(sampled, process.memoryUsage.rss())), RSS_SAMPLE_MS);
  let pdfFiles = 0;
  let pdfPages = 0;
  const summary = await ingest(paths, {
    db,
    ...(concurrency > 0 ? { concurrency } : {}),
    progress: {
      start() {},
      end() {},
      file(e) {
        if (e.format === "pdf" && e.pages) {
          pdfFiles++;
          pdfPages += e.pages;
        }
      },
    },
  });
  clearInterval(timer);
  const usage = process.resourceUsage();
  const result: ChildIngest = {
    summary,
    // performance.now() counts from this process's start.
    seconds: performance.now() / 1000,
    peakRssMb: usage.maxRSS / 1024,
    sampledPeakRssMb: sampled / 2 ** 20,
    cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
    pdfFiles,
    pdfPages,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (process.argv[1] === import.meta.filename) {
  const [db, concurrency, ...paths] = process.argv.slice(2);
  await childMain(db!, Number(concurrency), paths);
}
