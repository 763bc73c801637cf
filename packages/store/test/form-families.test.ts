/**
 * data-model.md "Form families and what every template keeps (added 2026-12)":
 * the new kinds, monitoring columns, extra, OCR, form_facts — stored, loaded
 * back, queryable, and reached by migrating a database of the previous schema.
 */
import Database from "better-sqlite3";
import { FORM_KINDS, type Finding } from "@jixiao/normalize";
import { describe, expect, it } from "vitest";
import { MIGRATIONS, SCHEMA_VERSION, StoreError, migrate, openConnection, openStore, schemaVersion, type Store } from "../src/index.ts";
import { gaoyiDocument, metaFor, monitoringDocument, qiannanDocument, qiannanFindings } from "./documents.ts";
import { dbPath, tempDir } from "./temp.ts";

const dir = tempDir();
const VERSION = "0.1.0-test";

function count(store: Store | Database.Database, table: string): number {
  const db = "db" in store ? store.db : store;
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

function schemaOf(db: Database.Database): unknown[] {
  return db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").all();
}

describe("form families: save → load", () => {
  it("a monitoring form with facts, extra, monitoring fields and a project code comes back exactly", () => {
    const store = openStore(dbPath(dir));
    const doc = monitoringDocument();
    const saved = store.saveDocument(metaFor("monitoring.txt", "m"), doc, [], VERSION);
    expect(saved).toMatchObject({ outcome: "new", forms: 2 });
    const loaded = store.loadDocument(saved.documentId);
    expect(loaded).toEqual(doc);
    // The fields this section added are really there, not defaults on both sides.
    const form = loaded.forms[0]!;
    expect(form).toMatchObject({ kind: "project_monitoring", projectCode: "52270124000000012345", asOfMonth: 6, fiscalYearSource: "printed" });
    expect(form.facts).toHaveLength(4);
    expect(form.unrecognizedLabels).toEqual(["项目总金额(中期规划,万元)", "偏差原因分析"]);
    expect(form.funding[0]).toMatchObject({ executedToDateYuan: 546_000, forecastExecutedText: "118", extra: { 备注: "" }, ocrConfidence: 0.91 });
    expect(form.indicators[1]).toMatchObject({ likelihood: "有可能", deviationCause: "硬件条件保障", actualToDateText: "85%" });
    expect(loaded.forms[1]!.indicators[0]!.extra).toEqual({ 指标解释: "可在网上办理的医保经办服务事项占全部事项的比例" });
    store.close();
  });

  it("jixiao check --db: findings computed on the reloaded forms map back onto their rows", () => {
    const store = openStore(dbPath(dir));
    const { documentId } = store.saveDocument(metaFor("monitoring.txt", "m"), monitoringDocument(), [], VERSION);
    const reloaded = store.loadDocument(documentId);
    const finding: Finding = {
      formSeq: 1, indicatorSeq: null, fundingSeq: 1, rule: "unrecognized_label", severity: "info",
      message: `未识别的标签：${reloaded.forms[0]!.unrecognizedLabels.join("、")}`, expected: null, observed: null, page: 1, params: null,
    };
    expect(store.replaceFindings(documentId, [finding])).toBe(1);
    expect(store.loadFindings(documentId)).toEqual([finding]);
    expect(store.loadDocument(documentId)).toEqual(reloaded);
    store.close();
  });

  it("stores every kind of the model, and the old documents unchanged", () => {
    const store = openStore(dbPath(dir));
    const doc = monitoringDocument();
    doc.forms = FORM_KINDS.map((kind, i) => ({ ...doc.forms[0]!, seq: i + 1, kind }));
    const { documentId } = store.saveDocument(metaFor("kinds.txt", "k"), doc, [], VERSION);
    expect(store.loadDocument(documentId).forms.map((f) => f.kind)).toEqual([...FORM_KINDS]);
    // The CHECK still refuses what is no kind at all.
    expect(() => store.db.prepare("UPDATE forms SET kind = 'annual_report' WHERE document_id = ?").run(documentId)).toThrow(/CHECK constraint failed/);
    const q = store.saveDocument(metaFor("q.txt", "q"), qiannanDocument(), qiannanFindings(), VERSION);
    expect(store.loadDocument(q.documentId)).toEqual(qiannanDocument());
    store.close();
  });

  it("keeps the raw and yuan monitoring amounts in the columns analysts query, extra as a JSON object", () => {
    const store = openStore(dbPath(dir));
    const { documentId } = store.saveDocument(metaFor("monitoring.txt", "m"), monitoringDocument(), [], VERSION);
    expect(
      store.db
        .prepare(
          `SELECT executed_to_date_printed, executed_to_date_text, executed_to_date_yuan,
                  forecast_executed_printed, forecast_executed_text, forecast_executed_yuan, ocr_confidence
           FROM funding WHERE form_id = (SELECT id FROM forms WHERE document_id = ? AND seq = 1) ORDER BY seq`,
        )
        .all(documentId),
    ).toEqual([
      { executed_to_date_printed: 54.6, executed_to_date_text: "54.6", executed_to_date_yuan: 546_000, forecast_executed_printed: 118, forecast_executed_text: "118", forecast_executed_yuan: 1_180_000, ocr_confidence: 0.91 },
      { executed_to_date_printed: 50, executed_to_date_text: "50.00", executed_to_date_yuan: 500_000, forecast_executed_printed: 100, forecast_executed_text: "100.00", forecast_executed_yuan: 1_000_000, ocr_confidence: null },
    ]);
    // extra is a JSON object, never NULL: json_each lists the cells under unknown headers ('{}' gives no row).
    expect(
      store.db
        .prepare("SELECT i.name, e.key, e.value FROM indicators i, json_each(i.extra) e ORDER BY i.id, e.key")
        .all(),
    ).toEqual([
      { name: "信息系统接入定点医药机构数量", key: "中期指标值", value: "≥900家" },
      { name: "信息系统接入定点医药机构数量", key: "指标解释", value: "接入国家医保信息平台的定点医药机构数" },
      { name: "医保经办服务事项网办率", key: "指标解释", value: "可在网上办理的医保经办服务事项占全部事项的比例" },
    ]);
    expect(store.db.prepare("SELECT DISTINCT extra FROM indicators WHERE name = '参保群众对医保信息服务满意度'").get()).toEqual({ extra: "{}" });
    expect(() => store.db.prepare("UPDATE funding SET extra = '[]'").run()).toThrow(/CHECK constraint failed/);
    expect(store.db.prepare("SELECT project_code, as_of_month, fiscal_year_source, unrecognized_labels FROM forms WHERE seq = 1").get()).toEqual({
      project_code: "52270124000000012345",
      as_of_month: 6,
      fiscal_year_source: "printed",
      unrecognized_labels: '["项目总金额(中期规划,万元)","偏差原因分析"]',
    });
    // The views carry the new columns.
    expect(
      store.db
        .prepare("SELECT kind, project_code, as_of_month, budget_wan, executed_to_date_wan, forecast_executed_wan, unrecognized_label_count FROM v_forms ORDER BY seq")
        .all(),
    ).toEqual([
      { kind: "project_monitoring", project_code: "52270124000000012345", as_of_month: 6, budget_wan: 120, executed_to_date_wan: 54.6, forecast_executed_wan: 118, unrecognized_label_count: 2 },
      { kind: "transfer_targets", project_code: null, as_of_month: null, budget_wan: 228, executed_to_date_wan: null, forecast_executed_wan: null, unrecognized_label_count: 0 },
    ]);
    expect(store.db.prepare("SELECT name, likelihood, deviation_cause, forecast_text FROM v_indicators WHERE likelihood IS NOT NULL ORDER BY indicator_id").all()).toEqual([
      { name: "信息系统接入定点医药机构数量", likelihood: "确定能", deviation_cause: null, forecast_text: "300家" },
      { name: "参保群众对医保信息服务满意度", likelihood: "有可能", deviation_cause: "硬件条件保障", forecast_text: "88%" },
    ]);
    expect(store.db.prepare("SELECT sum(executed_to_date_wan) AS wan FROM v_funding WHERE as_of_month = 6").get()).toEqual({ wan: 104.6 });
    store.close();
  });
});

describe("form_facts", () => {
  it("are queryable through v_form_facts with their form and file", () => {
    const store = openStore(dbPath(dir));
    store.saveDocument(metaFor("monitoring.txt", "m"), monitoringDocument(), [], VERSION);
    store.saveDocument(metaFor("q.txt", "q"), qiannanDocument(), [], VERSION);
    expect(count(store, "form_facts")).toBe(5);
    expect(store.db.prepare("SELECT label, value, field, page, kind, fiscal_year, agency, project_name, path FROM v_form_facts WHERE label = '项目编码'").all()).toEqual([
      {
        label: "项目编码", value: "52270124000000012345", field: "project_code", page: 1, kind: "project_monitoring",
        fiscal_year: 2024, agency: "都匀市医疗保障局", project_name: "医疗保障信息化建设经费", path: "monitoring.txt",
      },
    ]);
    // field names the forms column the fact also filled, as normalize gives it.
    expect(store.db.prepare("SELECT field FROM form_facts WHERE field IS NOT NULL ORDER BY id").all()).toEqual([
      { field: "project_name" },
      { field: "project_code" },
    ]);
    // Labels no canonical field took, across the archive.
    expect(store.db.prepare("SELECT label, count(*) AS n FROM v_form_facts WHERE field IS NULL GROUP BY label ORDER BY label").all()).toEqual([
      { label: "分配方式", n: 1 },
      { label: "实施期限", n: 1 },
      { label: "项目总金额(中期规划,万元)", n: 1 },
    ]);
    // The label index serves label look-ups.
    const plan = store.db.prepare("EXPLAIN QUERY PLAN SELECT * FROM form_facts WHERE label = '项目编码'").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(" ")).toMatch(/idx_form_facts_label/);
    store.close();
  });

  it("full-text search finds a fact by a 3-character substring of its label or value", () => {
    const store = openStore(dbPath(dir));
    store.saveDocument(metaFor("monitoring.txt", "m"), monitoringDocument(), [], VERSION);
    const match = (term: string) =>
      store.db
        .prepare("SELECT ff.label, ff.value FROM form_facts_fts JOIN form_facts ff ON ff.id = form_facts_fts.rowid WHERE form_facts_fts MATCH ? ORDER BY ff.id")
        .all(`"${term}"`);
    expect(match("中期规")).toEqual([{ label: "项目总金额(中期规划,万元)", value: "360" }]);
    expect(match("因素法")).toEqual([{ label: "分配方式", value: "因素法" }]);
    expect(match("0124")).toEqual([{ label: "项目编码", value: "52270124000000012345" }]);
    expect(match("不存在")).toEqual([]);
    store.db.prepare("INSERT INTO form_facts_fts (form_facts_fts) VALUES ('integrity-check')").run();
    store.close();
  });

  it("go with their document: deleting or replacing it removes its facts and their search entries", () => {
    const store = openStore(dbPath(dir));
    const m = store.saveDocument(metaFor("monitoring.txt", "m"), monitoringDocument(), [], VERSION);
    const other = store.saveDocument(metaFor("other.txt", "o"), monitoringDocument(), [], VERSION);
    expect(count(store, "form_facts")).toBe(10);
    expect(store.deleteDocument(m.documentId)).toBe(true);
    expect(count(store, "form_facts")).toBe(5);
    expect(store.db.prepare("SELECT DISTINCT f.document_id FROM form_facts ff JOIN forms f ON f.id = ff.form_id").all()).toEqual([
      { document_id: other.documentId },
    ]);
    // A changed file replaces its facts.
    store.saveDocument(metaFor("other.txt", "o2"), gaoyiDocument(), [], VERSION);
    expect(count(store, "form_facts")).toBe(0);
    expect(store.db.prepare("SELECT count(*) AS n FROM form_facts_fts WHERE form_facts_fts MATCH '\"项目编码\"'").get()).toEqual({ n: 0 });
    store.db.prepare("INSERT INTO form_facts_fts (form_facts_fts) VALUES ('integrity-check')").run();
    store.close();
  });
});

describe("documents.ocr", () => {
  it("records whether, and on which pages, the text came from OCR", () => {
    const store = openStore(dbPath(dir));
    const scanned = store.saveDocument(metaFor("scan.pdf", "s", { format: "pdf", ocrPages: [2, 3] }), monitoringDocument(), [], VERSION);
    const flagged = store.saveDocument(metaFor("flag.pdf", "f", { format: "pdf", ocr: true }), null, [], VERSION);
    const text = store.saveDocument(metaFor("text.pdf", "t", { format: "pdf" }), null, [], VERSION);
    expect(store.getDocument(scanned.documentId)).toMatchObject({ ocr: true, ocrPages: [2, 3] });
    expect(store.getDocument(flagged.documentId)).toMatchObject({ ocr: true, ocrPages: null });
    expect(store.getDocument(text.documentId)).toMatchObject({ ocr: false, ocrPages: null });
    expect(store.db.prepare("SELECT path, ocr, ocr_pages FROM documents ORDER BY id").all()).toEqual([
      { path: "scan.pdf", ocr: 1, ocr_pages: "[2,3]" },
      { path: "flag.pdf", ocr: 1, ocr_pages: null },
      { path: "text.pdf", ocr: 0, ocr_pages: null },
    ]);
    expect(store.db.prepare("SELECT DISTINCT ocr FROM v_forms").all()).toEqual([{ ocr: 1 }]);
    store.close();
  });
});

describe("migrating a database of the previous schema (steps 1–3)", () => {
  /** A version-3 file with two documents' worth of rows, written with the SQL of that version. */
  function version3File(): string {
    const file = dbPath(dir);
    const db = openConnection(file);
    expect(migrate(db, MIGRATIONS.slice(0, 3))).toEqual([1, 2, 3]);
    db.exec(`
      INSERT INTO documents (id, path, sha256, format, size_bytes, pages, status, ingested_at, pipeline_version, warnings, normalize_warnings)
      VALUES (1, 'gaoyi.txt', '${"a".repeat(64)}', 'txt', 10, 15, 'ok', '2026-11-01T00:00:00.000Z', '0.1.0', '[]', '[]'),
             (2, 'failed.pdf', '${"b".repeat(64)}', 'pdf', 10, NULL, 'failed', '2026-11-01T00:00:00.000Z', '0.1.0', '[]', NULL);
      INSERT INTO forms (id, document_id, seq, kind, title, fiscal_year, agency, project_name, money_unit, money_unit_effective,
                         total_weight, total_score, grade, page_from, page_to, line_from, line_to, deviation, notes, missing, parent_form_id)
      VALUES (7, 1, 1, 'department_self_eval', '部门整体支出绩效自评表', 2021, '高邑县医疗保障局', NULL, '万元', '万元',
              100, 97, '优', 12, 14, 336, 390, '满意度较低', '["注1"]', '[]', NULL),
             (9, 1, 2, 'project_list', '分项绩效项目清单', 2021, '高邑县医疗保障局', '公费医疗', '万元', '万元',
              NULL, 98, NULL, 15, 15, 398, 398, NULL, '[]', '[]', 7);
      INSERT INTO funding (id, form_id, seq, source, source_kind, budget_yuan, executed_yuan, execution_rate, budget_printed, executed_printed,
                           budget_text, executed_text, execution_rate_text, page, line)
      VALUES (3, 7, 1, '预算数', 'fiscal', 36865500, 36862300, 0.9999, 3686.55, 3686.23, '3686.55', '3686.23', '99.99%', 12, 343),
             (4, 9, 1, '预算数', 'total', 2006100, 2006100, NULL, 200.61, 200.61, '200.61', '200.61', NULL, 15, 398);
      INSERT INTO indicators (id, form_id, seq, level1, level1_weight, level2, name, weight, score, reason, page, line)
      VALUES (5, 7, 1, '效果', 15, '满意度', '社会公众满意度', 6, 4.5, '满意度较低', 14, 380);
      INSERT INTO goals (form_id, seq, expected, actual) VALUES (9, 1, '按规定向享受公费医疗人员提供免费医疗及预防服务', '已完成');
      INSERT INTO findings (form_id, indicator_id, funding_id, rule, severity, message, expected, observed, page, params)
      VALUES (7, 5, NULL, 'indicator_score_formula', 'warning', '社会公众满意度得分4.5', 6, 4.5, 14, '{"bands":[1,0.8]}'),
             (7, NULL, 3, 'execution_rate_mismatch', 'info', '执行率99.99%', 0.9999, 0.9999, 12, NULL);
      INSERT INTO narrative (document_id, seq, page, line, text) VALUES (1, 1, 5, 163, '我单位 2021 项目 19 个');
      INSERT INTO side_tables (document_id, seq, page, line, money_unit, project_name, budget_printed) VALUES (1, 1, 3, 90, '元', '医药招采', 86500);
    `);
    db.close();
    return file;
  }

  const TABLES = ["documents", "forms", "funding", "indicators", "goals", "findings", "narrative", "side_tables", "indicators_fts", "goals_fts"];

  it("keeps every row, id and link, and ends with the schema a new file gets", () => {
    const file = version3File();
    const old = new Database(file);
    const before = TABLES.map((t) => [t, count(old, t)]);
    const formsBefore = old.prepare("SELECT * FROM forms ORDER BY id").all();
    old.close();

    const store = openStore(file);
    expect(schemaVersion(store.db)).toBe(SCHEMA_VERSION);
    expect(TABLES.map((t) => [t, count(store, t)])).toEqual(before);
    // Every old column keeps its value; the new ones are empty.
    expect(
      (store.db.prepare("SELECT * FROM forms ORDER BY id").all() as Record<string, unknown>[]).map(
        // project_id (step 5) links the project_list row to its project: projects.test.ts checks it.
        ({ fiscal_year_source, as_of_month, project_code, unrecognized_labels, project_id: _projectId, goals_weight, goals_score, ...rest }) => {
          expect({ fiscal_year_source, as_of_month, project_code, unrecognized_labels, goals_weight, goals_score }).toEqual({
            fiscal_year_source: null, as_of_month: null, project_code: null, unrecognized_labels: "[]", goals_weight: null, goals_score: null,
          });
          return rest;
        },
      ),
    ).toEqual(formsBefore);
    expect(store.db.prepare("SELECT id, parent_form_id FROM forms ORDER BY id").all()).toEqual([
      { id: 7, parent_form_id: null },
      { id: 9, parent_form_id: 7 },
    ]);
    expect(store.db.prepare("SELECT DISTINCT extra, ocr_confidence FROM funding").all()).toEqual([{ extra: "{}", ocr_confidence: null }]);
    expect(store.db.prepare("SELECT ocr, ocr_pages FROM documents ORDER BY id").all()).toEqual([
      { ocr: 0, ocr_pages: null },
      { ocr: 0, ocr_pages: null },
    ]);
    expect(store.db.pragma("foreign_key_check")).toEqual([]);
    expect(store.db.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(store.db.pragma("foreign_keys", { simple: true })).toBe(1);
    // The old rows read as the model, with the new fields at their defaults.
    const doc = store.loadDocument(1);
    expect(doc.forms.map((f) => [f.kind, f.parentSeq, f.facts, f.unrecognizedLabels, f.projectCode])).toEqual([
      ["department_self_eval", null, [], [], null],
      ["project_list", 1, [], [], null],
    ]);
    expect(doc.forms[0]!.indicators[0]).toMatchObject({ name: "社会公众满意度", extra: {}, likelihood: null });
    expect(store.loadFindings(1).map((f) => [f.rule, f.indicatorSeq, f.fundingSeq])).toEqual([
      ["indicator_score_formula", 1, null],
      ["execution_rate_mismatch", null, 1],
    ]);
    // Views and search work over the migrated rows; deleting still cascades.
    expect(store.db.prepare("SELECT form_id, error_findings, warning_findings, budget_wan FROM v_forms ORDER BY form_id").all()).toEqual([
      { form_id: 7, error_findings: 0, warning_findings: 1, budget_wan: 3686.55 },
      { form_id: 9, error_findings: 0, warning_findings: 0, budget_wan: 200.61 },
    ]);
    expect(store.db.prepare("SELECT count(*) AS n FROM v_findings").get()).toEqual({ n: 2 });
    expect(store.db.prepare("SELECT rowid FROM indicators_fts WHERE indicators_fts MATCH '满意度'").all()).toEqual([{ rowid: 5 }]);
    // The migrated file can take the new families.
    const m = store.saveDocument(metaFor("monitoring.txt", "m"), monitoringDocument(), [], VERSION);
    expect(store.loadDocument(m.documentId)).toEqual(monitoringDocument());
    expect(store.deleteDocument(1)).toBe(true);
    expect(store.db.prepare("SELECT count(*) AS n FROM forms WHERE document_id = 1").get()).toEqual({ n: 0 });
    expect(count(store, "funding")).toBe(monitoringDocument().forms.reduce((n, f) => n + f.funding.length, 0));
    store.close();

    const fresh = openStore(dbPath(dir));
    const migrated = new Database(file, { readonly: true });
    expect(schemaOf(migrated)).toEqual(schemaOf(fresh.db));
    migrated.close();
    fresh.close();
  });

  it("refuses to rebuild forms inside an open transaction (foreign keys cannot be turned off there), changing nothing", () => {
    const file = version3File();
    const db = openConnection(file);
    db.exec("BEGIN");
    expect(() => migrate(db)).toThrow(StoreError);
    expect(() => migrate(db)).toThrow(/needs foreign keys off/);
    db.exec("ROLLBACK");
    expect(schemaVersion(db)).toBe(3);
    expect(count(db, "funding")).toBe(2);
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(migrate(db)).toEqual([4, 5, 6]);
    expect(count(db, "funding")).toBe(2);
    db.close();
  });
});
