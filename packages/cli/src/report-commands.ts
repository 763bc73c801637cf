/**
 * `jixiao check` (re-run the rules over stored rows) and `jixiao report` (the
 * HTML report, JSON/CSV for machines, an XLSX workbook for finance officers;
 * optionally filtered). Both only read what ingest stored.
 */
import { existsSync, writeFileSync } from "node:fs";
import { InvalidArgumentError, type Command } from "commander";
import { openStore } from "@jixiao/store";
import type { ReportFormat } from "@jixiao/report";

const FORMATS: ReportFormat[] = ["html", "json", "csv", "xlsx"];

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
    .description("write the report of every form and finding: one self-contained HTML file, JSON/CSV, or an Excel workbook")
    .requiredOption("--db <file>", "SQLite database written by jixiao ingest", existingDb)
    .option("--out <file>", "where to write (default: standard output)")
    .option("--format <format>", "html, json, csv or xlsx", (v: string) => {
      if (!FORMATS.includes(v as ReportFormat)) throw new InvalidArgumentError(`expected one of ${FORMATS.join(", ")}, found "${v}"`);
      return v as ReportFormat;
    }, "html" as ReportFormat)
    .option("--agency <text>", "only forms whose agency contains TEXT (full/half width and case ignored)")
    .option("--year <n>", "only forms of this fiscal year", fiscalYear)
    .option("--kind <kind>", "only forms of this kind (project_self_eval, … or its Chinese name)")
    .option("--rule <rule>", "only this rule's findings and the forms that have one (weights_not_100, … or its Chinese name)")
    .option("--by-agency", "with --format xlsx: add one rectification sheet per agency (its errors and warnings, grouped by form)")
    .action(async (o: ReportFlags) => {
      const report = await import("@jixiao/report"); // not loaded by the other commands
      if (o.byAgency && o.format !== "xlsx") throw new Error("--by-agency needs --format xlsx");
      const filter = {
        agency: o.agency,
        year: o.year,
        kind: o.kind === undefined ? undefined : known("--kind", o.kind, report.KIND_TITLES),
        rule: o.rule === undefined ? undefined : known("--rule", o.rule, report.RULE_TITLES),
      };
      const described = report.describeFilter(filter);
      const what = described ? ` (${described})` : "";
      if (o.format === "xlsx") {
        if (!o.out && process.stdout.isTTY) throw new Error("--format xlsx writes a binary workbook: give --out FILE.xlsx (or redirect standard output)");
        const started = Date.now();
        const bytes = await report.reportXlsx(o.db, filter, { byAgency: o.byAgency });
        if (o.out) {
          writeFileSync(o.out, bytes);
          process.stderr.write(`workbook written to ${o.out}${what} (${(bytes.byteLength / 1024).toFixed(0)} KiB, ${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
        } else process.stdout.write(bytes);
        return;
      }
      const text = report.renderReport(o.db, o.format, filter);
      if (o.out) {
        writeFileSync(o.out, text);
        process.stderr.write(`report written to ${o.out}${what} (${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB)\n`);
      } else process.stdout.write(text);
    });
}

interface ReportFlags {
  db: string; out?: string; format: ReportFormat; agency?: string; year?: number; kind?: string; rule?: string; byAgency?: boolean;
}

function fiscalYear(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1900 || n > 2200) throw new InvalidArgumentError(`expected a fiscal year such as 2022, found "${v}"`);
  return n;
}

/** A code of `titles` (a kind or a rule), given as the code or as its Chinese name. Thrown errors here are printed by main (a CommanderError would not be). */
function known(option: string, v: string, titles: Record<string, string>): string {
  if (Object.hasOwn(titles, v)) return v;
  const byTitle = Object.entries(titles).find(([, title]) => title === v);
  if (byTitle) return byTitle[0];
  throw new Error(`${option}: expected one of ${Object.keys(titles).join(", ")}, found "${v}"`);
}
