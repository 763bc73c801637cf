/**
 * One `jixiao ingest` in a child process of its own, as a user runs it, so
 * that its wall time (process start-up included) and its peak RSS (main
 * process and worker processes together, sampled from /proc, shared code
 * counted once) are its alone.
 *
 *   import { ingestInChild } from "./ingest-child.ts";   // from a bench
 *   node --import tsx scripts/ingest-child.ts DB CONCURRENCY PATH...   (0: default concurrency)
 *
 * The child runs this module bundled, as the `jixiao` command runs (see
 * packages/cli/bin/jixiao.js), so its start-up and memory are the command's.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DEFAULT_BUNDLE_DIR, ensureBundle } from "../packages/cli/src/bundle-cache.mjs";
import { ingest, type IngestSummary } from "../packages/cli/src/ingest.ts";

/** How often the child samples the RSS of itself and its worker processes. */
const RSS_SAMPLE_MS = 50;

export interface ChildIngest {
  summary: IngestSummary;
  /** From the child's start to the end of its ingest, start-up and module loading included. */
  seconds: number;
  /** Main process and worker processes together: the sampled sum, or the main process's own peak if larger. */
  peakRssMb: number;
  sampledPeakRssMb: number;
  /** User + system CPU time of all threads and worker processes: comparable across runs when other work shares the machine. */
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
  const timer = setInterval(() => (sampled = Math.max(sampled, treeRssBytes(process.pid))), RSS_SAMPLE_MS);
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
    peakRssMb: Math.max(usage.maxRSS / 1024, sampled / 2 ** 20),
    sampledPeakRssMb: sampled / 2 ** 20,
    // The workers are processes: their CPU is this process's children's, once they have ended (the pool waits for that).
    cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6 + childrenCpuSeconds(),
    pdfFiles,
    pdfPages,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/**
 * Resident memory of a process and all its descendants, in bytes, as the parse
 * pool counts it (pool.ts residentMemory): each process's anonymous pages, plus
 * the mapped files of the one that maps most, since all map the same node
 * binary and code. (Linux; elsewhere this process's own RSS.)
 */
function treeRssBytes(pid: number): number {
  try {
    let anon = 0;
    let files = 0;
    const todo = [pid];
    while (todo.length > 0) {
      const p = todo.pop()!;
      const status = readFileSync(`/proc/${p}/status`, "latin1");
      const kb = (field: string) => Number(new RegExp(`${field}:\\s*(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
      anon += kb("RssAnon") + kb("RssShmem");
      files = Math.max(files, kb("RssFile"));
      for (const t of readdirSync(`/proc/${p}/task`)) {
        todo.push(...readFileSync(`/proc/${p}/task/${t}/children`, "latin1").split(" ").filter(Boolean).map(Number));
      }
    }
    return anon + files;
  } catch {
    return process.memoryUsage.rss();
  }
}

/** CPU seconds of this process's ended and waited-for children (cutime + cstime of /proc/self/stat; 0 elsewhere). */
function childrenCpuSeconds(): number {
  try {
    const fields = readFileSync("/proc/self/stat", "latin1").replace(/^.*\) /, "").split(" ");
    // After the command name: state is field 3, cutime 16 and cstime 17 (1-based), in clock ticks of 1/100 s.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return 0;
  }
}

if (process.argv[1] === import.meta.filename) {
  const [db, concurrency, ...paths] = process.argv.slice(2);
  await childMain(db!, Number(concurrency), paths);
}
