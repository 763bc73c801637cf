/**
 * Extracts one PDF and prints its page count, table count, wall time and this
 * process's peak memory (for scripts/bench-pdf.ts's long-file run).
 */
import { readFileSync } from "node:fs";
import { extractPdf } from "../../packages/extract/src/pdf/index.ts";

const t0 = performance.now();
const doc = await extractPdf(readFileSync(process.argv[2]!), { pdf: { timeLimitMs: 600_000 } });
const tables = doc.blocks.filter((b) => b.kind === "table").length;
console.log(JSON.stringify({ pages: doc.pageCount, tables, seconds: (performance.now() - t0) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
