import { describe, expect, it } from "vitest";
import { openStore } from "../src/index.ts";
import { gaoyiDocument, metaFor, qiannanDocument, qiannanFindings } from "./documents.ts";
import { dbPath, tempDir } from "./temp.ts";

const dir = tempDir();
const VERSION = "0.1.0-test";

function seeded() {
  const store = openStore(dbPath(dir));
  const q = store.saveDocument(metaFor("qiannan.txt", "q"), qiannanDocument(), qiannanFindings(), VERSION);
  const g = store.saveDocument(metaFor("gaoyi.txt", "g"), gaoyiDocument(), [], VERSION);
  return { store, q: q.documentId, g: g.documentId };
}

describe("full-text search over Chinese text (trigram)", () => {
  it("finds indicators by a substring inside a longer run of Chinese characters", () => {
    const { store } = seeded();
    const hits = store.db
      .prepare(
        `SELECT i.name FROM indicators_fts JOIN indicators i ON i.id = indicators_fts.rowid
         WHERE indicators_fts MATCH ? ORDER BY i.name`,
      )
      .all("满意度")
      .map((r) => (r as { name: string }).name);
    expect(hits).toEqual(["办事人员对医保服务满意度", "参保群众对医保服务满意度", "社会公众满意度"]);
    // Searches reason, target and actual texts too.
    expect(store.db.prepare("SELECT rowid FROM indicators_fts WHERE indicators_fts MATCH '满意度较低'").all()).toHaveLength(1);
    expect(store.db.prepare(`SELECT rowid FROM indicators_fts WHERE indicators_fts MATCH '"≤228万元"'`).all()).toHaveLength(1);
    // Goals have their own index.
    const goals = store.db.prepare("SELECT rowid FROM goals_fts WHERE goals_fts MATCH '医保基金监督'").all();
    expect(goals).toHaveLength(1);
    store.close();
  });

  it("stays in sync when rows are updated and deleted", () => {
    const { store, q } = seeded();
    const match = (term: string) =>
      (store.db.prepare("SELECT count(*) AS n FROM indicators_fts WHERE indicators_fts MATCH ?").get(`"${term}"`) as { n: number }).n;
    expect(match("办事人员对医保服务")).toBe(1);
    store.db.prepare("UPDATE indicators SET name = '窗口服务对象满意率' WHERE name = '办事人员对医保服务满意度'").run();
    expect(match("办事人员对医保服务")).toBe(0);
    expect(match("服务对象满意率")).toBe(1);
    store.deleteDocument(q);
    expect(match("服务对象满意率")).toBe(0);
    expect(match("满意度")).toBe(1); // 高邑's 社会公众满意度 is still there
    // The external-content index agrees with its table.
    store.db.prepare("INSERT INTO indicators_fts (indicators_fts) VALUES ('integrity-check')").run();
    store.close();
  });
});

describe("views", () => {
  it("v_forms shows budget and executed in 万元 from the total line, else the first line", () => {
    const { store, q, g } = seeded();
    const rows = store.db
      .prepare(
        `SELECT document_id, seq, kind, project_name, budget_wan, executed_wan, execution_rate, total_score, grade,
                error_findings, warning_findings, info_findings, path
         FROM v_forms ORDER BY document_id, seq`,
      )
      .all();
    expect(rows).toEqual([
      {
        document_id: q, seq: 1, kind: "project_self_eval", project_name: "医疗服务与保障能力提升补助资金",
        budget_wan: 228, executed_wan: 181.82, execution_rate: 0.7974, total_score: 98, grade: "优",
        error_findings: 0, warning_findings: 1, info_findings: 0, path: "qiannan.txt",
      },
      {
        document_id: q, seq: 2, kind: "project_self_eval", project_name: "医疗保障工作督查经费（州本级）",
        budget_wan: 15, executed_wan: 15, execution_rate: 0, total_score: 90, grade: "优",
        error_findings: 2, warning_findings: 1, info_findings: 1, path: "qiannan.txt",
      },
      {
        document_id: g, seq: 1, kind: "project_list", project_name: "医疗救助补助资金",
        budget_wan: 336, executed_wan: 336, execution_rate: null, total_score: 95, grade: null,
        error_findings: 0, warning_findings: 0, info_findings: 0, path: "gaoyi.txt",
      },
      {
        document_id: g, seq: 2, kind: "project_list", project_name: "公费医疗",
        budget_wan: 200.61, executed_wan: 200.61, execution_rate: null, total_score: 98, grade: null,
        error_findings: 0, warning_findings: 0, info_findings: 0, path: "gaoyi.txt",
      },
      {
        document_id: g, seq: 3, kind: "department_self_eval", project_name: null,
        budget_wan: 3686.55, executed_wan: 3686.23, execution_rate: 0.9999, total_score: 97, grade: "优",
        error_findings: 0, warning_findings: 0, info_findings: 0, path: "gaoyi.txt",
      },
    ]);
    const computed = store.db.prepare("SELECT execution_rate_computed AS r FROM v_forms WHERE document_id = ? AND seq = 1").get(q) as { r: number };
    expect(computed.r).toBeCloseTo(181.82 / 228, 12);
    store.close();
  });

  it("v_findings names the form, the row and the page to look at", () => {
    const { store } = seeded();
    const rows = store.db
      .prepare("SELECT rule, project_name, indicator_name, funding_source, page, path FROM v_findings ORDER BY finding_id")
      .all();
    expect(rows).toEqual([
      { rule: "level1_weight_mismatch", project_name: "医疗服务与保障能力提升补助资金", indicator_name: null, funding_source: null, page: 1, path: "qiannan.txt" },
      { rule: "execution_rate_mismatch", project_name: "医疗保障工作督查经费（州本级）", indicator_name: null, funding_source: "年度资金总额", page: 10, path: "qiannan.txt" },
      { rule: "execution_score_mismatch", project_name: "医疗保障工作督查经费（州本级）", indicator_name: null, funding_source: "年度资金总额", page: 10, path: "qiannan.txt" },
      // No page on the finding: the funding row's page is shown.
      { rule: "funding_identity", project_name: "医疗保障工作督查经费（州本级）", indicator_name: null, funding_source: "财政拨款", page: 10, path: "qiannan.txt" },
      { rule: "indicator_score_formula", project_name: "医疗保障工作督查经费（州本级）", indicator_name: "开展各项医保工作检查", funding_source: null, page: 10, path: "qiannan.txt" },
    ]);
    store.close();
  });

  it("v_indicators and v_funding carry the form's year, agency and project", () => {
    const { store } = seeded();
    expect(
      store.db.prepare("SELECT fiscal_year, agency, project_name, weight, score FROM v_indicators WHERE name = '社会公众满意度'").get(),
    ).toEqual({ fiscal_year: 2021, agency: "高邑县医疗保障局", project_name: null, weight: 6, score: 4.5 });
    expect(
      store.db
        .prepare("SELECT sum(budget_wan) AS wan FROM v_funding WHERE kind = 'project_list' AND source_kind = 'total'")
        .get(),
    ).toEqual({ wan: 536.61 });
    store.close();
  });
});

describe("concurrency (WAL)", () => {
  it("a reader sees no part of a document while the write transaction is open, and all of it after commit", () => {
    const file = dbPath(dir);
    const writer = openStore(file);
    const reader = openStore(file, { readonly: true });
    const countsSeen = () =>
      reader.db
        .prepare("SELECT (SELECT count(*) FROM documents) AS d, (SELECT count(*) FROM forms) AS f, (SELECT count(*) FROM findings) AS x")
        .get();
    writer.db.exec("BEGIN IMMEDIATE");
    // saveDocument nests as a savepoint inside the open transaction.
    writer.saveDocument(metaFor("q.txt", "q"), qiannanDocument(), qiannanFindings(), VERSION);
    expect(writer.db.prepare("SELECT count(*) AS n FROM forms").get()).toEqual({ n: 2 });
    expect(countsSeen()).toEqual({ d: 0, f: 0, x: 0 });
    expect(reader.listDocuments()).toEqual([]);
    writer.db.exec("COMMIT");
    expect(countsSeen()).toEqual({ d: 1, f: 2, x: 5 });
    expect(reader.loadDocument(reader.listDocuments()[0]!.id)).toEqual(qiannanDocument());
    reader.close();
    writer.close();
  });

  it("a second writer waits for the busy timeout, then fails with SQLITE_BUSY rather than corrupting anything", () => {
    const file = dbPath(dir);
    const first = openStore(file);
    const second = openStore(file, { busyTimeoutMs: 0 });
    first.db.exec("BEGIN IMMEDIATE");
    expect(() => second.saveDocument(metaFor("g.txt", "g"), gaoyiDocument(), [], VERSION)).toThrow(/database is locked/);
    first.db.exec("ROLLBACK");
    expect(second.saveDocument(metaFor("g.txt", "g"), gaoyiDocument(), [], VERSION).outcome).toBe("new");
    first.close();
    second.close();
  });

  it("a read-only store cannot write", () => {
    const file = dbPath(dir);
    openStore(file).close();
    const reader = openStore(file, { readonly: true });
    expect(() => reader.saveDocument(metaFor("g.txt", "g"), gaoyiDocument(), [], VERSION)).toThrow(/readonly/);
    reader.close();
  });
});

describe("ingest runs", () => {
  it("records a run from start to finish", () => {
    const store = openStore(dbPath(dir));
    const id = store.startRun(VERSION);
    expect(store.getRun(id)).toMatchObject({ status: "running", finishedAt: null, pipelineVersion: VERSION, filesSeen: 0 });
    const stats = { status: "ok", filesSeen: 4, filesNew: 2, filesChanged: 1, filesUnchanged: 1, filesFailed: 0, forms: 23, findings: 17 } as const;
    store.finishRun(id, stats);
    const run = store.getRun(id)!;
    expect(run).toMatchObject({ ...stats, error: null });
    expect(run.finishedAt! >= run.startedAt).toBe(true);
    // A run finishes once.
    expect(() => store.finishRun(id, { ...stats, status: "failed" })).toThrow(/running ingest run with id/);
    const interrupted = store.startRun(VERSION);
    store.finishRun(interrupted, { ...stats, status: "interrupted", filesSeen: 1, error: "SIGINT" });
    expect(store.getRun(interrupted)).toMatchObject({ status: "interrupted", error: "SIGINT" });
    store.close();
  });
});
