import { NormalizedDocument } from "@jixiao/normalize";
import { describe, expect, it } from "vitest";
import { StoreError, openStore, type Store } from "../src/index.ts";
import { gaoyiDocument, metaFor, qiannanDocument, qiannanFindings } from "./documents.ts";
import { dbPath, tempDir } from "./temp.ts";

const dir = tempDir();
const VERSION = "0.1.0-test";

function count(store: Store, table: string): number {
  return (store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

describe("save → load round trip", () => {
  it("gives back exactly the document and findings that were saved", () => {
    const store = openStore(dbPath(dir));
    for (const [name, doc, findings] of [
      ["qiannan.txt", qiannanDocument(), qiannanFindings()],
      ["gaoyi.txt", gaoyiDocument(), []],
    ] as const) {
      const saved = store.saveDocument(metaFor(name, name), doc, findings, VERSION);
      expect(saved.outcome).toBe("new");
      expect(saved.forms).toBe(doc.forms.length);
      expect(store.loadDocument(saved.documentId)).toEqual(doc);
      expect(store.loadFindings(saved.documentId)).toEqual(findings);
    }
    store.close();
  });

  it("stores the canonical columns an analyst queries: amounts in yuan, rates as fractions, parents linked", () => {
    const store = openStore(dbPath(dir));
    const { documentId } = store.saveDocument(metaFor("gaoyi.txt", "gaoyi"), gaoyiDocument(), [], VERSION);
    const lists = store.db
      .prepare(
        `SELECT f.project_name, p.kind AS parent_kind, fu.budget_yuan, fu.budget_printed, fu.budget_text
         FROM forms f JOIN forms p ON p.id = f.parent_form_id JOIN funding fu ON fu.form_id = f.id
         WHERE f.document_id = ? ORDER BY f.seq`,
      )
      .all(documentId);
    expect(lists).toEqual([
      { project_name: "医疗救助补助资金", parent_kind: "department_self_eval", budget_yuan: 3_360_000, budget_printed: 336, budget_text: "336" },
      { project_name: "公费医疗", parent_kind: "department_self_eval", budget_yuan: 2_006_100, budget_printed: 200.61, budget_text: "200.61" },
    ]);
    const q = store.saveDocument(metaFor("qiannan.txt", "qiannan"), qiannanDocument(), qiannanFindings(), VERSION);
    expect(
      store.db
        .prepare("SELECT execution_rate, execution_rate_text, score FROM funding WHERE form_id = (SELECT id FROM forms WHERE document_id = ? AND seq = 1) AND seq = 1")
        .get(q.documentId),
    ).toEqual({ execution_rate: 0.7974, execution_rate_text: "79.74%", score: 8 });
    const doc = store.getDocument(q.documentId)!;
    expect(doc).toMatchObject({ path: "qiannan.txt", format: "txt", status: "ok", pipelineVersion: VERSION, pages: 15 });
    expect(new Date(doc.ingestedAt).toISOString()).toBe(doc.ingestedAt);
    store.close();
  });

  it("keeps a failed file as a document row without content, and loads it as an empty document", () => {
    const store = openStore(dbPath(dir));
    const meta = metaFor("broken.pdf", "%PDF-1.7 truncated", {
      format: "pdf",
      pages: null,
      status: "failed",
      error: "expected a PDF ending in %%EOF, found the file cut off at byte 18",
    });
    const saved = store.saveDocument(meta, null, [], VERSION);
    expect(saved).toMatchObject({ outcome: "new", forms: 0 });
    expect(store.findDocumentByPath("broken.pdf")).toMatchObject({ status: "failed", error: meta.error, pages: null });
    expect(store.loadDocument(saved.documentId)).toEqual({ forms: [], narrative: [], sideTables: [], warnings: [] });
    expect(() => store.saveDocument(metaFor("x.pdf", "x"), null, qiannanFindings(), VERSION)).toThrow(/no normalized content/);
    store.close();
  });
});

describe("re-ingesting: unchanged, moved, changed", () => {
  it("same bytes again → unchanged, nothing rewritten", () => {
    const store = openStore(dbPath(dir));
    const first = store.saveDocument(metaFor("a/qiannan.txt", "v1"), qiannanDocument(), qiannanFindings(), VERSION);
    const formIds = store.db.prepare("SELECT id FROM forms ORDER BY id").all();
    const again = store.saveDocument(metaFor("a/qiannan.txt", "v1"), qiannanDocument(), qiannanFindings(), VERSION);
    expect(again).toEqual({ outcome: "unchanged", documentId: first.documentId, replacedDocumentId: null, forms: 0, findings: 0 });
    expect(store.db.prepare("SELECT id FROM forms ORDER BY id").all()).toEqual(formIds);
    expect(count(store, "findings")).toBe(qiannanFindings().length);
    store.close();
  });

  it("same bytes under a new path → unchanged, only the path (and mtime) move", () => {
    const store = openStore(dbPath(dir));
    const first = store.saveDocument(metaFor("old/q.txt", "v1"), qiannanDocument(), [], VERSION);
    const moved = store.saveDocument(metaFor("new/q.txt", "v1", { mtimeMs: 1_800_000_000_000 }), qiannanDocument(), [], VERSION);
    expect(moved).toMatchObject({ outcome: "unchanged", documentId: first.documentId });
    expect(store.findDocumentByPath("old/q.txt")).toBeUndefined();
    expect(store.findDocumentByPath("new/q.txt")).toMatchObject({ id: first.documentId, mtimeMs: 1_800_000_000_000 });
    expect(store.listDocuments()).toHaveLength(1);
    store.close();
  });

  it("new bytes under a known path → changed: the old version and all its rows are replaced", () => {
    const store = openStore(dbPath(dir));
    const first = store.saveDocument(metaFor("q.txt", "v1"), qiannanDocument(), qiannanFindings(), VERSION);
    const edited = qiannanDocument();
    edited.forms = edited.forms.slice(0, 1);
    const changed = store.saveDocument(metaFor("q.txt", "v2"), edited, qiannanFindings().slice(0, 1), VERSION);
    expect(changed).toMatchObject({ outcome: "changed", replacedDocumentId: first.documentId, forms: 1, findings: 1 });
    expect(store.listDocuments().map((d) => d.id)).toEqual([changed.documentId]);
    expect(count(store, "forms")).toBe(1);
    expect(count(store, "findings")).toBe(1);
    expect(store.loadDocument(changed.documentId)).toEqual(edited);
    store.close();
  });

  it("reprocess: the same bytes read by a newer pipeline replace the stored rows in one transaction", () => {
    const store = openStore(dbPath(dir));
    const first = store.saveDocument(metaFor("q.txt", "v1"), qiannanDocument(), qiannanFindings(), "0.1.0");
    const reread = store.saveDocument(metaFor("q.txt", "v1"), gaoyiDocument(), [], "0.2.0", { reprocess: true });
    expect(reread).toMatchObject({ outcome: "changed", replacedDocumentId: first.documentId, forms: 3, findings: 0 });
    expect(store.listDocuments().map((d) => [d.id, d.pipelineVersion])).toEqual([[reread.documentId, "0.2.0"]]);
    expect(store.loadDocument(reread.documentId)).toEqual(gaoyiDocument());
    expect(count(store, "findings")).toBe(0);
    // A failing reprocess keeps the stored version.
    const bad = [{ ...qiannanFindings()[0]!, formSeq: 42 }];
    expect(() => store.saveDocument(metaFor("q.txt", "v1"), qiannanDocument(), bad, "0.3.0", { reprocess: true })).toThrow(/form seq 42/);
    expect(store.findDocumentByPath("q.txt")).toMatchObject({ id: reread.documentId, pipelineVersion: "0.2.0" });
    store.close();
  });

  it("a file moved onto the path of another stored file replaces it", () => {
    const store = openStore(dbPath(dir));
    const a = store.saveDocument(metaFor("a.txt", "A"), qiannanDocument(), [], VERSION);
    const b = store.saveDocument(metaFor("b.txt", "B"), gaoyiDocument(), [], VERSION);
    // mv a.txt b.txt: b.txt now holds A's bytes.
    const moved = store.saveDocument(metaFor("b.txt", "A"), qiannanDocument(), [], VERSION);
    expect(moved).toEqual({ outcome: "unchanged", documentId: a.documentId, replacedDocumentId: b.documentId, forms: 0, findings: 0 });
    expect(store.listDocuments().map((d) => [d.id, d.path])).toEqual([[a.documentId, "b.txt"]]);
    store.close();
  });
});

describe("a save that fails writes nothing", () => {
  it("a finding pointing at a form that does not exist rolls the whole document back and keeps the old version", () => {
    const store = openStore(dbPath(dir));
    const first = store.saveDocument(metaFor("q.txt", "v1"), qiannanDocument(), qiannanFindings(), VERSION);
    const before = ["documents", "forms", "funding", "indicators", "goals", "findings", "narrative", "indicators_fts"].map(
      (t) => [t, count(store, t)],
    );
    const bad = [...qiannanFindings(), { ...qiannanFindings()[0]!, formSeq: 99 }];
    expect(() => store.saveDocument(metaFor("q.txt", "v2"), qiannanDocument(), bad, VERSION)).toThrow(StoreError);
    expect(() => store.saveDocument(metaFor("q.txt", "v2"), qiannanDocument(), bad, VERSION)).toThrow(
      "q.txt: finding 'level1_weight_mismatch' points at form seq 99, but the document has forms 1..2",
    );
    expect(["documents", "forms", "funding", "indicators", "goals", "findings", "narrative", "indicators_fts"].map(
      (t) => [t, count(store, t)],
    )).toEqual(before);
    expect(store.findDocumentByPath("q.txt")?.id).toBe(first.documentId);
    expect(store.loadDocument(first.documentId)).toEqual(qiannanDocument());
    store.close();
  });

  it("a finding pointing at a missing indicator, a duplicate form seq or an unknown parent fail the same way", () => {
    const store = openStore(dbPath(dir));
    const noIndicator = [{ ...qiannanFindings()[4]!, indicatorSeq: 7 }];
    expect(() => store.saveDocument(metaFor("q.txt", "v1"), qiannanDocument(), noIndicator, VERSION)).toThrow(
      /points at indicators seq 7 of form 2, which has indicators seqs 1\.\.2/,
    );
    const duplicate = qiannanDocument();
    duplicate.forms[1]!.seq = 1;
    expect(() => store.saveDocument(metaFor("q.txt", "v1"), duplicate, [], VERSION)).toThrow(/UNIQUE constraint failed: forms.document_id, forms.seq/);
    const orphan = gaoyiDocument();
    orphan.forms[0]!.parentSeq = 9;
    expect(() => store.saveDocument(metaFor("g.txt", "v1"), orphan, [], VERSION)).toThrow(/parent form seq 9/);
    expect(count(store, "documents") + count(store, "forms") + count(store, "indicators_fts")).toBe(0);
    store.close();
  });

  it("input that breaks the model's schema is refused before anything is written, saying where", () => {
    const store = openStore(dbPath(dir));
    const doc = qiannanDocument() as unknown as { forms: { kind: string }[] };
    doc.forms[0]!.kind = "annual_report";
    expect(() => store.saveDocument(metaFor("q.txt", "v1"), doc as unknown as NormalizedDocument, [], VERSION)).toThrow(
      /normalized document q\.txt is not valid: forms\.0\.kind/,
    );
    expect(() => store.saveDocument({ ...metaFor("q.txt", "v1"), sha256: "abc" }, null, [], VERSION)).toThrow(/sha256/);
    store.close();
  });
});

describe("deleting and replacing", () => {
  it("deleting a document cascades to every row of it, FTS included", () => {
    const store = openStore(dbPath(dir));
    const q = store.saveDocument(metaFor("q.txt", "q"), qiannanDocument(), qiannanFindings(), VERSION);
    const g = store.saveDocument(metaFor("g.txt", "g"), gaoyiDocument(), [], VERSION);
    const tables = ["forms", "funding", "indicators", "goals", "findings", "narrative", "side_tables"];
    const gaoyiOnly = tables.map((t) => count(store, t));
    expect(store.deleteDocument(g.documentId)).toBe(true);
    expect(tables.map((t) => count(store, t))).not.toEqual(gaoyiOnly);
    expect(store.deleteDocument(q.documentId)).toBe(true);
    expect(tables.map((t) => [t, count(store, t)])).toEqual(tables.map((t) => [t, 0]));
    expect(store.db.prepare("SELECT count(*) AS n FROM indicators_fts WHERE indicators_fts MATCH '满意度'").get()).toEqual({ n: 0 });
    expect(store.deleteDocument(q.documentId)).toBe(false);
    store.close();
  });

  it("replaceFindings swaps a document's findings in one go, mapping seqs to the stored rows", () => {
    const store = openStore(dbPath(dir));
    const q = store.saveDocument(metaFor("q.txt", "q"), qiannanDocument(), [], VERSION);
    const g = store.saveDocument(metaFor("g.txt", "g"), gaoyiDocument(), [], VERSION);
    expect(store.replaceFindings(q.documentId, qiannanFindings())).toBe(5);
    expect(store.loadFindings(q.documentId)).toEqual(qiannanFindings());
    const row = store.db
      .prepare("SELECT i.name, x.rule FROM findings x JOIN indicators i ON i.id = x.indicator_id")
      .get();
    expect(row).toEqual({ name: "开展各项医保工作检查", rule: "indicator_score_formula" });
    // A bad set leaves the previous one in place.
    expect(() => store.replaceFindings(q.documentId, [{ ...qiannanFindings()[1]!, fundingSeq: 8 }])).toThrow(/funding seq 8/);
    expect(store.loadFindings(q.documentId)).toHaveLength(5);
    expect(store.replaceFindings(q.documentId, qiannanFindings().slice(0, 2))).toBe(2);
    expect(store.loadFindings(q.documentId)).toEqual(qiannanFindings().slice(0, 2));
    expect(store.loadFindings(g.documentId)).toEqual([]);
    expect(() => store.replaceFindings(999, [])).toThrow(/id 999/);
    store.close();
  });
});
