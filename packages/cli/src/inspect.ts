/**
 * `jixiao inspect FILE`: what the pipeline sees in one file — the grids, then
 * the forms it built. For people debugging a layout, and (--json) for machines;
 * --tables-json gives only the tables found, for benchmarking the table finder.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { extractBytes, detectFormat, toMatrix, type ExtractedDocument } from "@jixiao/extract";
import { normalizeDocument, type NormalizedDocument, type Form } from "@jixiao/normalize";
import { checkDocument } from "./check.ts";
import { readVocabFile } from "./vocab-file.ts";
import { MAX_FILE_BYTES } from "./file-result.ts";
import { readRegularFile } from "./read-regular.ts";
import { tablesJson } from "./tables-json.ts";

export interface InspectOptions {
  json?: boolean;
  /** Only the tables found, as rows of cells with spans (tables-json.ts: a stable format). */
  tablesJson?: boolean;
  svg?: string;
  /** A vocabulary file (jixiao.vocab.json format) tried before the built-in vocabulary. */
  vocab?: string;
}

export async function inspect(path: string, opts: InspectOptions): Promise<string> {
  // First: a bad vocabulary file is the command's error (exit 2), whatever the file to inspect.
  const vocab = opts.vocab === undefined ? null : readVocabFile(opts.vocab);
  // Only a regular file, and at most the ingest limit of it: a named pipe or /dev/zero is refused, not read forever.
  const { bytes } = await readRegularFile(path, MAX_FILE_BYTES);
  const extracted = await extractBytes(bytes, { fileName: path });
  if (opts.svg) await drawPages(bytes, opts.svg);
  if (opts.tablesJson) return JSON.stringify(tablesJson(path, extracted));
  const doc = normalizeDocument(extracted, { fileName: path, vocabulary: vocab?.vocabulary });
  const findings = checkDocument(doc);
  const vocabulary = vocab ? { path: vocab.where, id: vocab.id } : null;
  if (opts.json) return JSON.stringify({ vocabulary, extracted, normalized: doc, findings }, null, 2);
  return [
    ...(vocab ? [`vocabulary ${vocab.where} (${vocab.id})`] : []),
    gridsText(extracted), formsText(doc), unrecognizedText(doc), findings.map((f) => `[${f.severity}] ${f.rule}: ${f.message}`).join("\n"),
  ].filter((part) => part !== "").join("\n\n");
}

/** The labels and headers no vocabulary knows: what a jixiao.vocab.json entry could name (docs/form-families.md). */
function unrecognizedText(doc: NormalizedDocument): string {
  const lines = doc.forms
    .filter((f) => f.unrecognizedLabels.length > 0)
    .map((f) => `form ${f.seq}: unrecognized labels: ${f.unrecognizedLabels.join(" | ")}`);
  return lines.join("\n");
}

function gridsText(doc: ExtractedDocument): string {
  const out: string[] = [`== ${doc.format}, ${doc.pageCount} page(s), ${doc.blocks.length} blocks`];
  for (const w of doc.warnings) out.push(`warning: ${w}`);
  let t = 0;
  for (const b of doc.blocks) {
    if (b.kind === "text") {
      out.push(`p${b.page}  ${b.text}`);
      continue;
    }
    const table = b.table;
    out.push(`-- table ${++t}: pages ${table.page}-${table.pageTo}, ${table.nRows}×${table.nCols}${table.sheet ? `, sheet ${table.sheet}` : ""}`);
    for (const row of toMatrix(table)) {
      out.push(`   │${row.map((c) => (c ? c.text.replace(/\n/g, "⏎") + (c.colSpan > 1 || c.rowSpan > 1 ? `⟨${c.rowSpan}×${c.colSpan}⟩` : "") : "")).join("│")}│`);
    }
  }
  return out.join("\n");
}

function formsText(doc: NormalizedDocument): string {
  return doc.forms.map(formText).join("\n\n");
}

function formText(f: Form): string {
  const lines = [
    `== form ${f.seq}: ${f.kind} «${f.title ?? ""}» ${f.fiscalYear ?? "?"}年 ${f.agency ?? ""} ${f.projectName ? `| ${f.projectName}` : ""}`,
    `   unit declared ${f.moneyUnit ?? "-"}, effective ${f.moneyUnitEffective ?? "-"}${f.moneyUnitReason ? ` (${f.moneyUnitReason})` : ""}; total ${f.totalScore ?? "-"}/${f.totalWeight ?? "-"} ${f.grade ?? ""}; pages ${f.pageFrom}-${f.pageTo}${f.missing.length ? `; missing ${f.missing.join(",")}` : ""}`,
  ];
  for (const l of f.funding) {
    lines.push(`   资金 ${l.source} [${l.sourceKind}] A=${l.budget ?? "-"} B=${l.executed ?? "-"} 执行率=${l.executionRateText ?? "-"} 分值=${l.weight ?? "-"} 得分=${l.score ?? "-"}`);
  }
  for (const i of f.indicators) {
    lines.push(`   ${String(i.seq).padStart(2)} ${i.level1 ?? "-"}${i.level1Weight !== null ? `(${i.level1Weight})` : ""} / ${i.level2 ?? "-"} / ${i.name} | ${i.targetText ?? ""} → ${i.actualText ?? ""} [${i.comparator ?? ""}${i.unit ? ` ${i.unit}` : ""}] ${i.weight ?? "-"}/${i.score ?? "-"}${i.reason ? ` | ${i.reason}` : ""}`);
  }
  return lines.join("\n");
}

/**
 * --svg DIR: each PDF page's ruling edges, cells and words drawn as SVG, so a
 * person can see what the table finder found (other formats have no geometry).
 */
async function drawPages(bytes: Uint8Array, dir: string): Promise<void> {
  if (detectFormat(bytes) !== "pdf") throw new Error(`--svg draws PDF pages; expected a PDF, found ${detectFormat(bytes)}`);
  const { extractPdf, renderPageSvg } = await import("@jixiao/extract/pdf");
  await mkdir(dir, { recursive: true });
  const pages: Promise<void>[] = [];
  await extractPdf(bytes, {
    onPage: (layout) => {
      pages.push(writeFile(join(dir, `page-${String(layout.number).padStart(3, "0")}.svg`), renderPageSvg(layout)));
    },
  });
  await Promise.all(pages);
}
