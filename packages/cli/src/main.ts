#!/usr/bin/env node
/**
 * The jixiao command line: ingest, inspect, check, report.
 * Exit codes: 0 all stored, 1 some files failed, 2 the run itself could not work
 * (bad arguments, database not writable, another run holds the lock), 130 interrupted.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { OCR_MODES, OCR_PAGE_ALLOWANCE_MS, type OcrMode } from "@jixiao/extract/ocr-modes";
import { ingest, summaryText } from "./ingest.ts";
import { DEFAULT_FILE_TIMEOUT_MS, DEFAULT_WORKER_HEAP_MB } from "./pool.ts";
import { barProgress, jsonLinesProgress } from "./progress.ts";
import { EXIT_INTERRUPTED, stopOnSignals } from "./signals.ts";
import { registerReportCommands } from "./report-commands.ts";
import { PIPELINE_VERSION } from "./version.ts";
import { escapeControls, safeJson } from "./safe-text.ts";

const program = new Command();
program
  .name("jixiao")
  .description("绩效表 (budget-performance forms) → SQLite, with a report of every number that does not add up")
  .version(PIPELINE_VERSION)
  .exitOverride();

program
  .command("ingest")
  .description("read files, folders (recursively) and quoted GLOBs into the SQLite database, parsing in worker threads")
  .argument("<paths...>", "files, folders or quoted globs ('archive/**/*.pdf')")
  .requiredOption("--db <file>", "SQLite database file (created if missing)")
  .option("--concurrency <n>", "worker threads parsing at once (default: the number of cores)", positiveInt)
  .option("--include <glob...>", "only files matching one of these globs (relative path, or file name when no slash)")
  .option("--exclude <glob...>", "skip files and folders matching one of these globs")
  .option("--force", "re-read files even when their content is already stored")
  .option("--json", "one JSON line per file and a summary line on stdout")
  .option("--fail-fast", "stop taking new files after the first failed one")
  .option("--file-timeout <seconds>", `time limit per file (default ${DEFAULT_FILE_TIMEOUT_MS / 1000}, plus ${OCR_PAGE_ALLOWANCE_MS / 1000} for each page read by OCR)`, positiveNumber)
  .addOption(new Option("--ocr <mode>", "scanned PDF pages: auto (pages without a text layer), off, or force (every page with a page-sized image); see docs/ocr.md").choices(OCR_MODES).default("auto"))
  .option("--worker-memory <MB>", `heap ceiling per worker (default ${DEFAULT_WORKER_HEAP_MB})`, positiveInt)
  .option("--wait <seconds>", "wait this long for another run holding the database (default 0: exit 2 at once)", nonNegativeNumber)
  .option("--vocab <file>", "extra titles, labels and headers (JSON, see docs/form-families.md); default: jixiao.vocab.json beside the database, if present")
  .option("--no-vocab", "use only the built-in vocabulary, even when jixiao.vocab.json is beside the database")
  .action(async (paths: string[], o: IngestFlags) => {
    const interrupts = stopOnSignals(() => process.stderr.write("\nstopping: no new files; files in flight are dropped and read next run (again to quit now)\n"));
    const progress = o.json ? undefined : process.stderr.isTTY ? barProgress(process.stderr) : jsonLinesProgress((l) => process.stderr.write(l));
    try {
      const s = await ingest(paths, {
        db: o.db, force: o.force, json: o.json, failFast: o.failFast, progress, concurrency: o.concurrency,
        include: o.include, exclude: o.exclude, signal: interrupts.signal,
        fileTimeoutMs: o.fileTimeout === undefined ? undefined : o.fileTimeout * 1000,
        workerHeapMb: o.workerMemory, lockWaitMs: (o.wait ?? 0) * 1000, vocab: o.vocab, ocr: o.ocr,
      });
      if (o.json) process.stdout.write(`${safeJson({ summary: s })}\n`);
      else process.stderr.write(`${summaryText(s)}\n`);
      process.exitCode = s.status === "interrupted" ? EXIT_INTERRUPTED : s.filesFailed > 0 ? 1 : 0;
    } finally {
      interrupts.dispose();
    }
  });

interface IngestFlags {
  db: string; force?: boolean; json?: boolean; failFast?: boolean; concurrency?: number; include?: string[];
  exclude?: string[]; fileTimeout?: number; workerMemory?: number; wait?: number; vocab?: string | false; ocr?: OcrMode;
}

function positiveNumber(v: string): number {
  const n = Number(v);
  if (!(n > 0) || !Number.isFinite(n)) throw new InvalidArgumentError(`expected a positive number, found "${v}"`);
  return n;
}

function nonNegativeNumber(v: string): number {
  const n = Number(v);
  if (!(n >= 0) || !Number.isFinite(n)) throw new InvalidArgumentError(`expected a number of seconds >= 0, found "${v}"`);
  return n;
}

function positiveInt(v: string): number {
  const n = positiveNumber(v);
  if (!Number.isInteger(n)) throw new InvalidArgumentError(`expected a whole number, found "${v}"`);
  return n;
}

program
  .command("inspect")
  .description("show what the pipeline sees in one file: grids, forms, findings")
  .argument("<file>")
  .option("--json", "machine-readable output")
  .option("--tables-json", "only the tables found, each as rows of cells with spans (a stable format, see README)")
  .option("--svg <dir>", "PDF only: draw each page's detected edges, cells and words as SVG files in DIR")
  .option("--vocab <file>", "extra titles, labels and headers to read the file with (JSON, see docs/form-families.md)")
  .action(async (file: string, o: { json?: boolean; tablesJson?: boolean; svg?: string; vocab?: string }) => {
    // Loaded here, not at the top: an ingest run's main thread never needs the parsers.
    const { inspect } = await import("./inspect.ts");
    process.stdout.write(`${await inspect(file, o)}\n`);
  });

registerReportCommands(program);

async function main(): Promise<void> {
  try {
    await program.parseAsync(process.argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      process.exitCode = e.exitCode === 0 ? 0 : 2;
      return;
    }
    process.stderr.write(`jixiao: ${escapeControls(String((e as Error)?.message ?? e))}\n`);
    process.exitCode = 2;
  }
}

await main();
