/**
 * The Excel export's bench (issue 17: an XLSX of 10,000 forms in under 10 s).
 *
 *   npx tsx scripts/bench-xlsx.ts [--forms 10000] [--agencies 50] [--keep]
 *
 * Builds a database of --forms forms — the 16 黔南 forms saved again and again
 * as distinct documents (other path, year and agency each time) through the
 * store API — then times, in this process, reading the report's rows and
 * writing the workbook with and without the per-agency sheets, and end to end
 * the command as installed (`jixiao report --format xlsx --by-agency`, bundle
 * already built by a first run).
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import type { NormalizedDocument } from "../packages/normalize/src/index.ts";
import { checkDocument, readReportDataFromFile, renderXlsx } from "../packages/report/src/index.ts";
import { check, SEEDS, seedText } from "../packages/report/test/pipeline.ts";
import { openStore } from "../packages/store/src/index.ts";

const ROOT = resolve(import.meta.dirname, "..");

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const FORMS = flag("forms", 10_000);
const AGENCIES = flag("agencies", 50);
const keep = process.argv.includes("--keep");

function buildDatabase(file: string): number {
  const text = seedText("qiannan");
  const { doc } = check(text, SEEDS.qiannan);
  const findings = checkDocument(doc);
  const store = openStore(file);
  let forms = 0;
  try {
    for (let i = 0; forms < FORMS; i++) {
      const copy: NormalizedDocument = { ...doc, forms: doc.forms.map((f) => ({ ...f, fiscalYear: 2019 + (i % 5), agency: `${f.agency}${i % AGENCIES}` })) };
      const content = `${text}\n${i}`;
      store.saveDocument(
        { path: `archive/${2019 + (i % 5)}/qiannan-${i}.pdf.txt`, sha256: createHash("sha256").update(content).digest("hex"), format: "txt", sizeBytes: Buffer.byteLength(content), pages: 1, status: "ok", error: null },
        copy,
        findings,
        "bench-xlsx",
      );
      forms += copy.forms.length;
    }
  } finally {
    store.close();
  }
  return forms;
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-bench-xlsx-"));
  try {
    const db = join(dir, "bench.sqlite");
    let t = performance.now();
    const forms = buildDatabase(db);
    console.log(`database: ${forms} forms in ${seconds(performance.now() - t)} s`);

    t = performance.now();
    const data = readReportDataFromFile(db);
    const readMs = performance.now() - t;
    t = performance.now();
    const plain = await renderXlsx(data);
    const plainMs = performance.now() - t;
    t = performance.now();
    const byAgency = await renderXlsx(data, { byAgency: true });
    const byAgencyMs = performance.now() - t;
    writeFileSync(join(dir, "plain.xlsx"), plain);
    console.log(`read rows: ${seconds(readMs)} s (${data.forms.length} forms, ${data.findings.length} findings)`);
    console.log(`workbook: ${seconds(plainMs)} s, ${(plain.byteLength / 1024 / 1024).toFixed(1)} MiB`);
    console.log(`workbook --by-agency: ${seconds(byAgencyMs)} s, ${(byAgency.byteLength / 1024 / 1024).toFixed(1)} MiB`);
    console.log(`peak RSS of this process so far: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

    const cli = (out: string) => {
      const started = performance.now();
      const r = spawnSync(process.execPath, [join(ROOT, "packages/cli/bin/jixiao.js"), "report", "--db", db, "--format", "xlsx", "--by-agency", "--out", out], { encoding: "utf8" });
      if (r.status !== 0) throw new Error(`jixiao report failed: ${r.stderr}`);
      return performance.now() - started;
    };
    cli(join(dir, "warm.xlsx")); // builds the bundle if a source changed
    const cliMs = cli(join(dir, "cli.xlsx"));
    const total = readMs + byAgencyMs;
    console.log(`jixiao report --format xlsx --by-agency (whole command): ${seconds(cliMs)} s, ${(statSync(join(dir, "cli.xlsx")).size / 1024 / 1024).toFixed(1)} MiB`);
    console.log(`machine: ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}`);
    const ok = cliMs < 10_000 && total < 10_000;
    console.log(`target < 10 s for ${forms} forms: ${ok ? "met" : "MISSED"}`);
    if (keep) console.log(`kept ${dir}`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
