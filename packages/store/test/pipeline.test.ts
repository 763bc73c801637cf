/**
 * The real pipeline's output (extracted text → normalizeDocument) over the seed
 * fixtures: whatever shapes normalize produces must survive the store intact.
 */
import { readFileSync, readdirSync } from "node:fs";
import { parseExtractedText } from "@jixiao/extract";
import { normalizeDocument, type Form, type NormalizedDocument } from "@jixiao/normalize";
import { describe, expect, it } from "vitest";
import { openStore } from "../src/index.ts";
import { metaFor } from "./documents.ts";
import { dbPath, tempDir } from "./temp.ts";

const TEXT_FIXTURES = new URL("../../../fixtures/text/", import.meta.url);
const files = readdirSync(TEXT_FIXTURES).filter((f) => f.endsWith(".txt")).sort();
const dir = tempDir();

function normalized(file: string): NormalizedDocument {
  return normalizeDocument(parseExtractedText(readFileSync(new URL(file, TEXT_FIXTURES), "utf8")), { fileName: file });
}

/** v_forms's rule, restated in JS: the 'total' funding line, else the first. */
function mainLineWan(form: Form): { budget: number | null; executed: number | null } {
  const line = form.funding.find((l) => l.sourceKind === "total") ?? form.funding[0];
  const wan = (y: number | null | undefined) => (y == null ? null : Math.round((y / 10_000) * 1e6) / 1e6);
  return { budget: wan(line?.budgetYuan), executed: wan(line?.executedYuan) };
}

describe("the seed documents through the real pipeline into the store", () => {
  const store = openStore(dbPath(dir));
  const docs = new Map(files.map((f) => [f, normalized(f)]));

  it("finds the four seed fixtures, each with forms", () => {
    expect(files).toHaveLength(4);
    for (const [file, doc] of docs) expect(doc.forms.length, file).toBeGreaterThan(0);
  });

  for (const file of files) {
    it(`${file}: save → load gives back the normalized document, and v_forms agrees with it`, () => {
      const doc = docs.get(file)!;
      const { documentId, outcome } = store.saveDocument(metaFor(file, file), doc, [], "pipeline-test");
      expect(outcome).toBe("new");
      expect(store.loadDocument(documentId)).toEqual(doc);
      const rows = store.db
        .prepare("SELECT seq, budget_wan, executed_wan, total_score FROM v_forms WHERE document_id = ? ORDER BY seq")
        .all(documentId);
      expect(rows).toEqual(
        doc.forms.map((f) => ({ seq: f.seq, budget_wan: mainLineWan(f).budget, executed_wan: mainLineWan(f).executed, total_score: f.totalScore })),
      );
    });
  }

  it("full-text search finds every indicator whose name holds 满意度", () => {
    const expected = [...docs.values()].flatMap((d) => d.forms.flatMap((f) => f.indicators)).filter((i) => i.name.includes("满意度")).length;
    expect(expected).toBeGreaterThan(0);
    const found = store.db
      .prepare("SELECT count(*) AS n FROM indicators_fts WHERE indicators_fts MATCH ?")
      .get('name: "满意度"') as { n: number };
    expect(found.n).toBe(expected);
  });
});
