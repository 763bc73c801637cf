/**
 * How long the store takes to write and read back a large ingest: the 16 real
 * 黔南 forms (fixtures/text, through the real pipeline) repeated into documents
 * until there are FORMS forms. Not a test (timings vary by machine); run with
 *   npx tsx packages/store/bench/save-forms.ts [forms=10000]
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseExtractedText } from "@jixiao/extract";
import { normalizeDocument, type Finding } from "@jixiao/normalize";
import { openStore } from "../src/index.ts";

const FORMS = Number(process.argv[2] ?? 10_000);
const text = readFileSync(new URL("../../../fixtures/text/qiannan-2023-project-selfeval.pdf.txt", import.meta.url), "utf8");
const doc = normalizeDocument(parseExtractedText(text), { fileName: "qiannan-2023.txt" });
// One finding per form, pointing at its first funding line when it has one, as the report stage would.
const findings: Finding[] = doc.forms.map((f) => ({
  formSeq: f.seq, indicatorSeq: null, fundingSeq: f.funding[0]?.seq ?? null, rule: "execution_rate_mismatch",
  severity: "error", message: "执行率不符", expected: 1, observed: 0, page: f.pageFrom, params: null,
}));
const docsNeeded = Math.ceil(FORMS / doc.forms.length);
const rows = doc.forms.reduce((n, f) => n + f.funding.length + f.indicators.length + f.goals.length, 0);

const dir = mkdtempSync(join(tmpdir(), "jixiao-bench-"));
const file = join(dir, "bench.sqlite");
try {
  const store = openStore(file);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < docsNeeded; i++) {
    const sha256 = createHash("sha256").update(`${i}`).digest("hex");
    store.saveDocument({ path: `copy-${i}.txt`, sha256, format: "txt", sizeBytes: text.length, pages: 40, status: "ok", error: null }, doc, findings, "bench");
  }
  const t1 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const ids = store.listDocuments().map((d) => d.id);
  for (const id of ids) store.loadDocument(id);
  const t2 = performance.now();
  const hits = store.db.prepare("SELECT count(*) AS n FROM indicators_fts WHERE indicators_fts MATCH '满意度'").get() as { n: number };
  const t3 = performance.now();
  const forms = docsNeeded * doc.forms.length;
  console.log(
    `saved ${docsNeeded} documents, ${forms} forms, ${docsNeeded * (rows + findings.length)} child rows and findings in ${(t1 - t0).toFixed(0)} ms ` +
      `(${((t1 - t0) / forms).toFixed(3)} ms/form; CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms); loaded all back in ${(t2 - t1).toFixed(0)} ms; ` +
      `FTS '满意度' → ${hits.n} rows in ${(t3 - t2).toFixed(1)} ms; file ${(statSync(file).size / 1e6).toFixed(1)} MB`,
  );
  store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
