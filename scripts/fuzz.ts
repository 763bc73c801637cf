/**
 * Seeded mutations of the fixtures in every format, ingested by the `jixiao`
 * command into a fresh database (issue 14). Checks:
 *  - no crash: the command exits 0 or 1 (files failed), never by a signal,
 *    with 2 or with an abort;
 *  - no hang: the run ends within a bound (--time-limit, default 60 s + 2 s a file);
 *  - nothing lost: one `documents` row per distinct input, each with a status,
 *    and every failed or partial row with a one-line reason (no schema dump);
 *  - `PRAGMA integrity_check` is ok, and the run is recorded as finished.
 *
 *   npx tsx scripts/fuzz.ts [--count 200] [--seed 1] [--concurrency N]
 *                           [--time-limit SECONDS] [--keep] [--json]
 *
 * Mutations (each file gets one, picked by the seed): byte flips (1–64 random
 * bytes), truncation (at a random point), chunk duplication (a random chunk
 * copied in at a random place), zip entry corruption (DOCX/XLSX: an entry's
 * deflate data overwritten, its declared sizes or compression method changed,
 * or its name mangled, in the local or central header) and, for PDFs, number
 * overflow (a number rewritten to 400 digits, which pdf.js reads as Infinity).
 * Templates: fixtures/{text,pdf/lo,pdf/chromium,docx,xlsx,xls}. The same seed
 * and count make the same files; a failing run keeps its folder and prints it.
 *
 * scripts/bench.ts runs it as a phase (`fuzz(...)`), 200 files by default.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { openStore } from "../packages/store/src/index.ts";

const ROOT = resolve(import.meta.dirname, "..");
const CLI = join(ROOT, "packages/cli/bin/jixiao.js");
export const FUZZ_FIXTURE_DIRS = ["text", "pdf/lo", "pdf/chromium", "docx", "xlsx", "xls"];

export interface FuzzOptions {
  count: number;
  seed: number;
  concurrency?: number;
  /** Seconds the whole ingest may take before it counts as a hang. */
  timeLimitS?: number;
  keep?: boolean;
  log?: (line: string) => void;
}

export interface FuzzResult {
  ok: boolean;
  files: number;
  /** Files per mutation kind. */
  mutations: Record<string, number>;
  /** Files per template format (by the fixture folder). */
  formats: Record<string, number>;
  exitCode: number | null;
  signal: string | null;
  seconds: number;
  timeLimitS: number;
  /** documents rows by status. */
  statuses: Record<string, number>;
  rows: number;
  integrity: string;
  runStatus: string | null;
  slowestFile: { path: string; ms: number } | null;
  problems: string[];
  dir: string | null;
}

// ---------------------------------------------------------------- randomness

/** mulberry32: a small seeded generator, the same sequence on every machine. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const int = (r: Rand, n: number) => Math.floor(r() * n);

// ---------------------------------------------------------------- mutations

function byteFlips(b: Buffer, r: Rand): Buffer {
  const out = Buffer.from(b);
  const n = 1 + int(r, 64);
  for (let i = 0; i < n; i++) {
    const at = int(r, out.length);
    out[at] = out[at]! ^ (1 + int(r, 255));
  }
  return out;
}

function truncation(b: Buffer, r: Rand): Buffer {
  return b.subarray(0, int(r, b.length));
}

function chunkDuplication(b: Buffer, r: Rand): Buffer {
  const len = 1 + int(r, Math.min(b.length, 64 * 1024));
  const from = int(r, b.length - len + 1);
  const at = int(r, b.length + 1);
  return Buffer.concat([b.subarray(0, at), b.subarray(from, from + len), b.subarray(at)]);
}

/** A number in the PDF (content streams compressed or not, dictionaries always) rewritten to 400 digits. */
function numberOverflow(b: Buffer, r: Rand): Buffer {
  const s = b.toString("latin1");
  const spots: number[] = [];
  const re = /(?<=[\s[])\d+(?:\.\d+)?(?=[\s\]/])/g;
  for (let m; (m = re.exec(s)) && spots.length < 100_000; ) spots.push(m.index);
  if (spots.length === 0) return byteFlips(b, r);
  const at = spots[int(r, spots.length)]!;
  const end = at + s.slice(at).match(/^\d+(?:\.\d+)?/)![0].length;
  return Buffer.concat([b.subarray(0, at), Buffer.from((r() < 0.5 ? "-" : "") + "9".repeat(400)), b.subarray(end)]);
}

interface ZipEntry {
  name: string;
  central: number;
  local: number;
  dataStart: number;
  compressedSize: number;
}

/** The entries of a zip by its central directory (no zip64: the fixtures are small). */
function zipEntries(b: Buffer): ZipEntry[] {
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 65_557); i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return [];
  const count = b.readUInt16LE(eocd + 10);
  let p = b.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count && p + 46 <= b.length && b.readUInt32LE(p) === 0x02014b50; i++) {
    const nameLen = b.readUInt16LE(p + 28), extraLen = b.readUInt16LE(p + 30), commentLen = b.readUInt16LE(p + 32);
    const local = b.readUInt32LE(p + 42);
    const name = b.subarray(p + 46, p + 46 + nameLen).toString("utf8");
    if (local + 30 <= b.length && b.readUInt32LE(local) === 0x04034b50) {
      const dataStart = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
      entries.push({ name, central: p, local, dataStart, compressedSize: b.readUInt32LE(p + 20) });
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** One entry of a DOCX/XLSX damaged: its data, its sizes, its method or its name. */
function zipEntryCorruption(b: Buffer, r: Rand): { bytes: Buffer; how: string } {
  const entries = zipEntries(b);
  if (entries.length === 0) return { bytes: byteFlips(b, r), how: "byte-flips" };
  // The parts that matter most are picked more often.
  const main = entries.filter((e) => /document\.xml$|sheet\d*\.xml$|sharedStrings\.xml$|workbook\.xml$|\[Content_Types\]\.xml$/.test(e.name));
  const from = main.length > 0 && r() < 0.7 ? main : entries;
  const e = from[int(r, from.length)]!;
  const out = Buffer.from(b);
  const kind = int(r, 4);
  if (kind === 0 && e.compressedSize > 0) {
    // deflate data overwritten in the middle (a damaged download)
    const n = 1 + int(r, Math.min(64, e.compressedSize));
    const at = e.dataStart + int(r, Math.max(1, e.compressedSize - n));
    for (let i = 0; i < n && at + i < out.length; i++) out[at + i] = int(r, 256);
    return { bytes: out, how: "zip-data" };
  }
  if (kind === 1) {
    // declared sizes: 0, tiny or 4 GiB - 1, in the local header, the central one or both
    const v = [0, 1, 0xffffffff, int(r, 0xffffffff)][int(r, 4)]!;
    const where = int(r, 3);
    if (where !== 1) out.writeUInt32LE(v >>> 0, e.local + (r() < 0.5 ? 18 : 22));
    if (where !== 0) out.writeUInt32LE(v >>> 0, e.central + (r() < 0.5 ? 20 : 24));
    return { bytes: out, how: "zip-sizes" };
  }
  if (kind === 2) {
    // compression method: stored, an unknown one, or bzip2
    const m = [0, 99, 12, 14][int(r, 4)]!;
    out.writeUInt16LE(m, e.local + 8);
    if (r() < 0.5) out.writeUInt16LE(m, e.central + 10);
    return { bytes: out, how: "zip-method" };
  }
  // the name: a traversal, a control character or a byte flipped, in one header or both
  const nameLen = out.readUInt16LE(e.central + 28);
  const choices = ["../", "\u001b[", "\u0000", "//"];
  const junk = Buffer.from(choices[int(r, choices.length)]!, "utf8");
  for (const start of [e.local + 30, e.central + 46].slice(0, r() < 0.5 ? 1 : 2)) {
    junk.copy(out, start, 0, Math.min(junk.length, nameLen));
    const flip = start + int(r, nameLen);
    if (r() < 0.5 && flip < out.length) out[flip] = out[flip]! ^ (1 + int(r, 255));
  }
  return { bytes: out, how: "zip-name" };
}

function mutate(name: string, b: Buffer, r: Rand): { bytes: Buffer; how: string } {
  const zip = /\.(docx|xlsx)$/i.test(name);
  const pdf = /\.pdf$/i.test(name);
  const kinds = ["byte-flips", "truncation", "chunk-duplication", ...(zip ? ["zip-entry", "zip-entry"] : []), ...(pdf ? ["number-overflow"] : [])];
  const kind = kinds[int(r, kinds.length)]!;
  if (kind === "byte-flips") return { bytes: byteFlips(b, r), how: kind };
  if (kind === "truncation") return { bytes: truncation(b, r), how: kind };
  if (kind === "chunk-duplication") return { bytes: chunkDuplication(b, r), how: kind };
  if (kind === "number-overflow") return { bytes: numberOverflow(b, r), how: kind };
  return zipEntryCorruption(b, r);
}

// ---------------------------------------------------------------- the run

interface Template {
  dir: string;
  name: string;
  bytes: Buffer;
}

function templates(): Template[] {
  return FUZZ_FIXTURE_DIRS.flatMap((d) =>
    readdirSync(join(ROOT, "fixtures", d))
      .filter((f) => !f.startsWith("."))
      .sort()
      .map((f) => ({ dir: d, name: f, bytes: readFileSync(join(ROOT, "fixtures", d, f)) })),
  );
}

/** Writes `count` distinct mutated files; returns their paths with mutation and template. */
function makeFiles(dir: string, count: number, seed: number): { path: string; how: string; format: string }[] {
  const ts = templates();
  const r = rng(seed);
  const seen = new Set<string>();
  const files: { path: string; how: string; format: string }[] = [];
  for (let i = 0, tries = 0; files.length < count && tries < count * 20; tries++) {
    // Round-robin over formats first, then templates, so every format is covered even at small counts.
    const formats = [...new Set(ts.map((t) => t.dir))];
    const fmt = formats[i % formats.length]!;
    const pool = ts.filter((t) => t.dir === fmt);
    const t = pool[int(r, pool.length)]!;
    const m = mutate(t.name, t.bytes, r);
    const key = createHash("sha256").update(m.bytes).digest("hex");
    if (seen.has(key)) continue; // one row per distinct input: equal bytes would be one document
    seen.add(key);
    const folder = join(dir, fmt.replace("/", "-"));
    mkdirSync(folder, { recursive: true });
    const path = join(folder, `${String(i).padStart(4, "0")}-${m.how}-${t.name}`);
    writeFileSync(path, m.bytes);
    files.push({ path, how: m.how, format: fmt });
    i++;
  }
  return files;
}

function runCli(args: string[], timeLimitS: number): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string; seconds: number; timedOut: boolean }> {
  return new Promise((done) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let stdout = "", stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr = (stderr + d.toString("utf8")).slice(-20_000)));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      // The whole process group: the command and anything it started.
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, timeLimitS * 1000);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, stdout, stderr, seconds: (Date.now() - t0) / 1000, timedOut });
    });
  });
}

const tally = (xs: string[]) => xs.reduce<Record<string, number>>((a, x) => ((a[x] = (a[x] ?? 0) + 1), a), {});

export async function fuzz(o: FuzzOptions): Promise<FuzzResult> {
  const log = o.log ?? ((l: string) => console.log(l));
  const dir = mkdtempSync(join(tmpdir(), "jixiao-fuzz-"));
  const inputs = join(dir, "inputs");
  const db = join(dir, "fuzz.sqlite");
  const files = makeFiles(inputs, o.count, o.seed);
  const timeLimitS = o.timeLimitS ?? 60 + 2 * files.length;
  log(`fuzz: ${files.length} mutated files (seed ${o.seed}) in ${inputs}; time limit ${timeLimitS} s`);

  const args = ["ingest", inputs, "--db", db, "--json", ...(o.concurrency ? ["--concurrency", String(o.concurrency)] : [])];
  const run = await runCli(args, timeLimitS);
  const problems: string[] = [];
  if (run.timedOut) problems.push(`hang: the ingest did not end within ${timeLimitS} s`);
  else if (run.signal) problems.push(`crash: the ingest ended by ${run.signal}`);
  else if (run.code !== 0 && run.code !== 1) problems.push(`crash: the ingest exited ${run.code}: ${run.stderr.trim().split("\n").slice(-3).join(" | ")}`);

  // Per-file lines of --json: the slowest file.
  let slowestFile: { path: string; ms: number } | null = null;
  for (const line of run.stdout.split("\n")) {
    if (!line.startsWith("{")) continue;
    try {
      const e = JSON.parse(line) as { path?: string; ms?: number };
      if (e.path && typeof e.ms === "number" && (!slowestFile || e.ms > slowestFile.ms)) slowestFile = { path: e.path, ms: e.ms };
    } catch {
      // not a file line
    }
  }

  let rows = 0, integrity = "not checked", runStatus: string | null = null;
  let statuses: Record<string, number> = {};
  try {
    const store = openStore(db, { readonly: true });
    const d = store.db;
    try {
      integrity = (d.prepare("pragma integrity_check").pluck().all() as string[]).join("; ");
      const docs = d.prepare("select path, status, error from documents").all() as { path: string; status: string; error: string | null }[];
      rows = docs.length;
      statuses = tally(docs.map((x) => x.status));
      const byPath = new Map(docs.map((x) => [x.path, x]));
      const missing = files.filter((f) => !byPath.has(f.path));
      if (missing.length > 0) problems.push(`lost: ${missing.length} input(s) without a documents row, e.g. ${missing.slice(0, 3).map((f) => f.path).join(", ")}`);
      if (docs.length !== files.length) problems.push(`rows: expected ${files.length} documents rows (one per distinct input), found ${docs.length}`);
      for (const x of docs) {
        if (x.status !== "ok" && !x.error) problems.push(`no reason: ${x.path} is ${x.status} without one`);
        if (x.error && (/[\n\r]/.test(x.error) || x.error.length > 500)) problems.push(`reason not one line: ${x.path}`);
        if (x.error && /"(code|expected)"\s*:|invalid_type/.test(x.error)) problems.push(`schema dump as reason: ${x.path}: ${x.error.slice(0, 120)}`);
      }
      runStatus = (d.prepare("select status from ingest_runs order by id desc limit 1").pluck().get() as string | undefined) ?? null;
      if (!run.timedOut && runStatus !== "ok") problems.push(`run recorded as ${runStatus ?? "missing"}, expected ok`);
    } finally {
      store.close();
    }
  } catch (e) {
    problems.push(`database unreadable: ${(e as Error).message}`);
  }
  if (integrity !== "ok") problems.push(`integrity_check: ${integrity}`);

  const ok = problems.length === 0;
  const keep = o.keep || !ok;
  if (!keep) rmSync(dir, { recursive: true, force: true });
  const result: FuzzResult = {
    ok, files: files.length, mutations: tally(files.map((f) => f.how)), formats: tally(files.map((f) => f.format)),
    exitCode: run.code, signal: run.signal, seconds: run.seconds, timeLimitS, statuses, rows, integrity, runStatus,
    slowestFile, problems, dir: keep ? dir : null,
  };
  log(`fuzz: exit ${run.code ?? run.signal} in ${run.seconds.toFixed(1)} s; ${rows}/${files.length} rows (${Object.entries(statuses).map(([k, v]) => `${v} ${k}`).join(", ")}); integrity ${integrity}; slowest file ${slowestFile ? `${(slowestFile.ms / 1000).toFixed(1)} s` : "n/a"}`);
  for (const p of problems.slice(0, 20)) log(`  PROBLEM ${p}`);
  if (problems.length > 20) log(`  … and ${problems.length - 20} more`);
  if (keep) log(`fuzz: files and database kept in ${dir}`);
  return result;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const value = (name: string, dflt: number) => {
    const i = argv.indexOf(name);
    return i >= 0 ? Number(argv[i + 1]) : dflt;
  };
  const count = value("--count", 200);
  const timeLimit = value("--time-limit", 0);
  const r = await fuzz({
    count,
    seed: value("--seed", 1),
    concurrency: value("--concurrency", availableParallelism()),
    timeLimitS: timeLimit > 0 ? timeLimit : undefined,
    keep: argv.includes("--keep"),
    log: argv.includes("--json") ? () => {} : undefined,
  });
  if (argv.includes("--json")) console.log(JSON.stringify(r));
  process.exitCode = r.ok ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
