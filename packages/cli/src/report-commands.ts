/**
 * `jixiao check` (re-run the rules over stored rows) and `jixiao report` (the
 * HTML report, or JSON/CSV for machines). Both only read what ingest stored.
 */
import { existsSync, writeFileSync } from "node:fs";
import { InvalidArgumentError, type Command } from "commander";
import { openStore } from "@jixiao/store";
import type { ReportFormat } from "@jixiao/report";

const FORMATS: ReportFormat[] = ["html", "json", "csv"];

function existingDb(path: string): string {
  if (!existsSync(path)) throw new InvalidArgumentError(`no database at ${path}: run jixiao ingest first`);
  return path;
}

export function registerReportCommands(program: Command): void {
  program
    .command("check")
    .description("re-run every consistency rule over the stored rows, replacing the findings (no file is re-read)")
    .requiredOption("--db <file>", "SQLite database written by jixiao ingest", existingDb)
    .action(async (o: { db: string }) => {
      const { recheckStore } = await import("@jixiao/report"); // not loaded by the other commands
      const store = openStore(o.db);
      try {
        const r = recheckStore(store);
        process.stderr.write(`${r.documents} documents re-checked: ${r.findings} findings\n`);
      } finally {
        store.close();
      }
    });

  program
    .command("report")
    .description("write the report of every form and finding: one self-contained HTML file, or JSON/CSV")
    .requiredOption("--db <file>", "SQLite database written by jixiao ingest", existingDb)
    .option("--out <file>", "where to write (default: standard output)")
    .option("--format <format>", "html, json or csv", (v: string) => {
      if (!FORMATS.includes(v as ReportFormat)) throw new InvalidArgumentError(`expected one of ${FORMATS.join(", ")}, found "${v}"`);
      return v as ReportFormat;
    }, "html" as ReportFormat)
    .action(async (o: { db: string; out?: string; format: ReportFormat }) => {
      const { renderReport } = await import("@jixiao/report"); // not loaded by the other commands
      const text = renderReport(o.db, o.format);
      if (o.out) {
        writeFileSync(o.out, text);
        process.stderr.write(`report written to ${o.out} (${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB)\n`);
      } else process.stdout.write(text);
    });
}
