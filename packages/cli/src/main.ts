#!/usr/bin/env node
/**
 * The jixiao command line: ingest, inspect, check, report.
 * Exit codes: 0 all stored, 1 some files failed, 2 the run itself could not work.
 */
import { Command, CommanderError } from "commander";
import { ingest, summaryText } from "./ingest.ts";
import { inspect } from "./inspect.ts";
import { PIPELINE_VERSION } from "./version.ts";

const program = new Command();
program
  .name("jixiao")
  .description("绩效表 (budget-performance forms) → SQLite, with a report of every number that does not add up")
  .version(PIPELINE_VERSION)
  .exitOverride();

program
  .command("ingest")
  .description("read files and folders (recursively) into the SQLite database")
  .argument("<paths...>", "files or folders")
  .requiredOption("--db <file>", "SQLite database file (created if missing)")
  .option("--force", "re-read files even when their content is already stored")
  .option("--json", "one JSON line per file on stdout")
  .option("--fail-fast", "stop at the first failed file")
  .action(async (paths: string[], o: { db: string; force?: boolean; json?: boolean; failFast?: boolean }) => {
    const s = await ingest(paths, { db: o.db, force: o.force, json: o.json, failFast: o.failFast });
    if (o.json) process.stdout.write(`${JSON.stringify({ summary: s })}\n`);
    else process.stderr.write(`${summaryText(s)}\n`);
    process.exitCode = s.filesFailed > 0 ? 1 : 0;
  });

program
  .command("inspect")
  .description("show what the pipeline sees in one file: grids, forms, findings")
  .argument("<file>")
  .option("--json", "machine-readable output")
  .action(async (file: string, o: { json?: boolean }) => {
    process.stdout.write(`${await inspect(file, o)}\n`);
  });

async function main(): Promise<void> {
  try {
    await program.parseAsync(process.argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      process.exitCode = e.exitCode === 0 ? 0 : 2;
      return;
    }
    process.stderr.write(`jixiao: ${(e as Error).message}\n`);
    process.exitCode = 2;
  }
}

await main();
