/**
 * Forms (tables) per second for the DOCX and XLSX/XLS extractors on one core.
 *
 *   npx tsx scripts/bench-ooxml.ts [seconds-per-format]
 *
 * Re-runs itself under `taskset -c 0` (when available) so that the spreadsheet
 * worker thread and the main thread share a single core, as on a one-core
 * runner. Each format's seed fixtures are extracted round-robin, through the
 * public extractBytes (container checks, parsing, grid building, zod
 * validation), after a warm-up; the worker is started once, as in a batch.
 *
 * Two rates are printed: per wall-clock second, and per CPU second of this
 * process (all its threads, from process.cpuUsage). On a shared, loaded machine
 * the first measures the neighbours; the second is what one core of our own
 * would give.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { extractBytes } from "../packages/extract/src/index.ts";
import { closeSheetWorker } from "../packages/extract/src/sheet/worker-host.ts";

const ROOT = resolve(import.meta.dirname, "..");
const SECONDS = Number(process.argv[2] ?? 5);
const WARMUP_ROUNDS = 2;

if (!process.env.BENCH_PINNED) {
  const pinned = spawnSync("taskset", ["-c", "0", process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, BENCH_PINNED: "1" },
  });
  if (pinned.error === undefined) process.exit(pinned.status ?? 1);
  console.warn("taskset not available: running unpinned");
}

interface Input { name: string; bytes: Buffer }

function inputs(dir: string): Input[] {
  const path = join(ROOT, "fixtures", dir);
  return readdirSync(path).filter((f) => !f.startsWith(".")).sort().map((f) => ({ name: f, bytes: readFileSync(join(path, f)) }));
}

async function bench(format: string, files: Input[]): Promise<void> {
  const tablesIn = new Map<string, number>();
  for (let i = 0; i < WARMUP_ROUNDS; i++) {
    for (const f of files) {
      const doc = await extractBytes(f.bytes, { fileName: f.name });
      tablesIn.set(f.name, doc.blocks.filter((b) => b.kind === "table").length);
    }
  }
  let docs = 0;
  let tables = 0;
  let bytes = 0;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  while (performance.now() - start < SECONDS * 1000) {
    for (const f of files) {
      await extractBytes(f.bytes, { fileName: f.name });
      docs++;
      tables += tablesIn.get(f.name)!;
      bytes += f.bytes.length;
    }
  }
  const s = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu0);
  const cpuS = (used.user + used.system) / 1e6;
  const perFile = files.map((f) => `${f.name.replace(/\.\w+$/, "")}: ${tablesIn.get(f.name)}`).join(", ");
  console.log(
    `${format.padEnd(4)} ${(tables / s).toFixed(0).padStart(5)} forms/s wall, ${(tables / cpuS).toFixed(0).padStart(5)} forms per CPU-s  ` +
      `${(docs / s).toFixed(1).padStart(6)} documents/s wall, ${(docs / cpuS).toFixed(1).padStart(6)} per CPU-s  ` +
      `(${docs} documents, ${(bytes / 1024 / 1024).toFixed(1)} MB in ${s.toFixed(1)} s wall, ${cpuS.toFixed(1)} s CPU; tables per file: ${perFile})`,
  );
}

console.log(`bench-ooxml: Node ${process.version}, ${process.env.BENCH_PINNED ? "pinned to core 0" : "unpinned"}, ${SECONDS} s per format`);
await bench("docx", inputs("docx"));
await bench("xlsx", inputs("xlsx"));
await bench("xls", inputs("xls"));
await closeSheetWorker();
