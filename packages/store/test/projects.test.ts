/**
 * One project across years (issue 17, migration 005): forms of the same
 * project printed in different templates and years share a projects row;
 * same-named projects of different agencies do not; re-saving keeps projects
 * consistent; a database of schema 4 is linked when migrated.
 */
import { NormalizedDocument, type Finding } from "@jixiao/normalize";
import { describe, expect, it } from "vitest";
import { MIGRATIONS, SCHEMA_VERSION, migrate, openConnection, openStore, schemaVersion, type Store } from "../src/index.ts";
import { normalizeProjectName, projectIdentity } from "../src/projects.ts";
import { insertContent, insertFindings } from "../src/save.ts";
import { prepareStatements } from "../src/statements.ts";
import { gaoyiDocument, metaFor, monitoringDocument, qiannanDocument, qiannanFindings, qiannanInspectionForm, qiannanServiceForm } from "./documents.ts";
import { dbPath, tempDir } from "./temp.ts";

const dir = tempDir();
const VERSION = "0.1.0-test";
const GAOYI = "高邑县医疗保障局";

function doc(...forms: ReturnType<typeof qiannanServiceForm>[]): NormalizedDocument {
  return NormalizedDocument.parse({ forms, narrative: [], sideTables: [], warnings: [] });
}

/** 2022: 医疗救助补助资金 of 高邑 printed as a 项目支出绩效自评表, "2022年" before its name (qiannan form 1's numbers). */
function gaoyi2022(): NormalizedDocument {
  return doc({ ...qiannanServiceForm(1), fiscalYear: 2022, agency: GAOYI, projectName: "2022年医疗救助补助资金" });
}

/** 2023: the department form with its 分项绩效项目清单 (医疗救助补助资金, 公费医疗) — gaoyi's document a year on. */
function gaoyi2023(): NormalizedDocument {
  const d = gaoyiDocument();
  return NormalizedDocument.parse({ ...d, forms: d.forms.map((f) => ({ ...f, fiscalYear: 2023 })) });
}

/** 2023 again: the 绩效目标表 of the same project, full-width space in the agency, 经费 for 资金. */
function gaoyiTargets2023(): NormalizedDocument {
  return doc({
    ...qiannanServiceForm(1),
    kind: "project_targets",
    title: "项目支出绩效目标表",
    fiscalYear: 2023,
    agency: "高邑县　医疗保障局",
    projectName: "2023年度 医疗救助补助经费",
    totalScore: null,
    grade: null,
  });
}

function projectsOf(store: Store) {
  return store.db.prepare("SELECT * FROM v_projects ORDER BY project_id").all() as {
    project_id: number; key: string; match_method: string; agency: string; name: string; code: string | null;
    first_year: number; last_year: number; years: number; forms: number; documents: number;
  }[];
}

function projectOfForm(store: Store, documentId: number, seq: number): number | null {
  return (store.db.prepare("SELECT project_id FROM forms WHERE document_id = ? AND seq = ?").get(documentId, seq) as { project_id: number | null }).project_id;
}

describe("the project key", () => {
  it("ignores the form's own year prefix, full-width punctuation, spaces and the trailing money word, keeps parentheticals", () => {
    const same: [string, number | null][] = [
      ["2022年医疗救助补助资金", 2022], ["医疗救助补助资金", 2023], ["2023年度 医疗救助补助经费", 2023],
      ["医疗救助补助专项资金", 2024], ["医疗救助补助项目经费", null], ["２０２４年医疗救助补助资金", null],
    ];
    expect(new Set(same.map(([name, year]) => normalizeProjectName(name, year)))).toEqual(new Set(["医疗救助补助"]));
    // 高邑's 2021 清单 lists 医疗救助补助资金 and 2020年医疗救助补助资金: another year's tranche stays apart.
    expect(normalizeProjectName("2020年医疗救助补助资金", 2021)).toBe("2020年医疗救助补助");
    expect(normalizeProjectName("医疗保障工作督查经费（州本级）", 2023)).toBe(normalizeProjectName("医疗保障工作督查资金(州本级)", 2023));
    expect(normalizeProjectName("医疗救助补助资金（上年结转）", 2023)).not.toBe(normalizeProjectName("医疗救助补助资金", 2023));
    // 项目 alone and 补助 are part of the name; a name that is only a money word stays itself.
    expect(normalizeProjectName("公费医疗项目", 2023)).toBe("公费医疗项目");
    expect(normalizeProjectName("资金", 2023)).toBe("资金");
    expect(normalizeProjectName("  ", 2023)).toBeNull();
  });

  it("uses a printed code first, refuses department forms, nameless forms and (without a code) forms without agency", () => {
    const form = { kind: "project_self_eval", fiscalYear: 2021, agency: GAOYI, projectName: "公费医疗", projectCode: null };
    expect(projectIdentity(form)).toEqual({ key: "agency_name:高邑县医疗保障局|公费医疗", matchMethod: "agency_name", code: null });
    expect(projectIdentity({ ...form, projectCode: "５２２７ ０１２４ ０００００００１２３４５" })).toEqual({
      key: "code:52270124000000012345", matchMethod: "code", code: "52270124000000012345",
    });
    // Too short to be a 项目编码 (a 主管部门编码 such as 187): the name decides.
    expect(projectIdentity({ ...form, projectCode: "187" })?.matchMethod).toBe("agency_name");
    expect(projectIdentity({ ...form, kind: "department_self_eval" })).toBeNull();
    expect(projectIdentity({ ...form, projectName: null })).toBeNull();
    expect(projectIdentity({ ...form, agency: null })).toBeNull();
    expect(projectIdentity({ ...form, agency: null, projectCode: "52270124000000012345" })?.matchMethod).toBe("code");
  });
});

describe("projects across years", () => {
  it("links one project printed in different templates and years, and v_project_years adds up each year once", () => {
    const store = openStore(dbPath(dir));
    const a = store.saveDocument(metaFor("gaoyi-2022.txt", "a"), gaoyi2022(), qiannanFindings().filter((f) => f.formSeq === 1), VERSION);
    const b = store.saveDocument(metaFor("gaoyi-2023.txt", "b"), gaoyi2023(), [], VERSION);
    const c = store.saveDocument(metaFor("gaoyi-2023-targets.txt", "c"), gaoyiTargets2023(), [], VERSION);

    const project = projectOfForm(store, a.documentId, 1);
    expect(project).not.toBeNull();
    expect(projectOfForm(store, b.documentId, 1)).toBe(project); // the 清单 row 医疗救助补助资金
    expect(projectOfForm(store, c.documentId, 1)).toBe(project);
    expect(projectOfForm(store, b.documentId, 2)).not.toBe(project); // 公费医疗
    expect(projectOfForm(store, b.documentId, 3)).toBeNull(); // the department form

    const row = projectsOf(store).find((p) => p.project_id === project)!;
    expect(row).toMatchObject({
      key: "agency_name:高邑县医疗保障局|医疗救助补助", match_method: "agency_name", code: null,
      first_year: 2022, last_year: 2023, years: 2, forms: 3, documents: 3,
    });

    const years = store.db.prepare("SELECT * FROM v_project_years WHERE project_id = ? ORDER BY fiscal_year").all(project);
    expect(years).toEqual([
      expect.objectContaining({
        fiscal_year: 2022, basis_kind: "project_self_eval", basis_forms: 1, forms: 1,
        budget_wan: 228, executed_wan: 181.82, execution_rate_printed: 0.7974, total_score: 98, grade: "优",
        error_findings: 0, warning_findings: 1,
      }),
      // The 绩效目标表's 228 is the same money as the 清单's 336 budget line, not more of it.
      expect.objectContaining({
        fiscal_year: 2023, basis_kind: "project_list", basis_forms: 1, forms: 2,
        budget_wan: 336, executed_wan: 336, execution_rate: 1, total_score: 95, grade: null,
        error_findings: 0, warning_findings: 0,
      }),
    ]);
    expect((years[0] as { execution_rate: number }).execution_rate).toBeCloseTo(181.82 / 228, 12);
    store.close();
  });

  it("links by project code even when the name differs, and keeps same-named projects of different agencies apart", () => {
    const store = openStore(dbPath(dir));
    const m = store.saveDocument(metaFor("monitoring-2024.txt", "m"), monitoringDocument(), [], VERSION);
    // 2023: the same code printed with full-width digits and spaces, under another name.
    const earlier = doc({
      ...qiannanServiceForm(1), agency: "都匀市医疗保障局", fiscalYear: 2023,
      projectName: "都匀市医保信息系统建设", projectCode: "５２２７０１２４ ０００００００１２３４５",
    });
    const e = store.saveDocument(metaFor("duyun-2023.txt", "e"), earlier, [], VERSION);
    // 黔南's 医疗服务与保障能力提升补助资金 (2023), the same name as 都匀's transfer form (2024).
    const q = store.saveDocument(metaFor("qiannan.txt", "q"), qiannanDocument(), qiannanFindings(), VERSION);

    const coded = projectOfForm(store, m.documentId, 1)!;
    expect(projectOfForm(store, e.documentId, 1)).toBe(coded);
    expect(projectsOf(store).find((p) => p.project_id === coded)).toMatchObject({
      key: "code:52270124000000012345", match_method: "code", code: "52270124000000012345",
      name: "医疗保障信息化建设经费", agency: "都匀市医疗保障局", first_year: 2023, last_year: 2024, forms: 2,
    });

    const duyun = projectOfForm(store, m.documentId, 2)!;
    const qiannan = projectOfForm(store, q.documentId, 1)!;
    expect(duyun).not.toBe(qiannan);
    expect(projectsOf(store).filter((p) => p.name === "医疗服务与保障能力提升补助资金").map((p) => [p.agency, p.forms])).toEqual([
      ["都匀市医疗保障局", 1],
      ["黔南州医疗保障局", 1],
    ]);
    // 黔南's two forms are two projects; findings land on the right project-year.
    expect(projectOfForm(store, q.documentId, 2)).not.toBe(qiannan);
    expect(
      store.db.prepare("SELECT name, fiscal_year, error_findings, warning_findings FROM v_project_years WHERE agency = '黔南州医疗保障局' ORDER BY name").all(),
    ).toEqual([
      { name: "医疗保障工作督查经费（州本级）", fiscal_year: 2023, error_findings: 2, warning_findings: 1 },
      { name: "医疗服务与保障能力提升补助资金", fiscal_year: 2023, error_findings: 0, warning_findings: 1 },
    ]);
    store.close();
  });

  it("another year's tranche printed in the same 清单 is another project (高邑 2021: 2020年医疗救助补助资金)", () => {
    const store = openStore(dbPath(dir));
    const d = gaoyiDocument();
    d.forms = [...d.forms, { ...d.forms[0]!, seq: 4, projectName: "2020年医疗救助补助资金" }];
    const { documentId } = store.saveDocument(metaFor("gaoyi.txt", "g"), d, [], VERSION);
    expect(projectOfForm(store, documentId, 4)).not.toBe(projectOfForm(store, documentId, 1));
    expect(store.db.prepare("SELECT name, budget_wan FROM v_project_years WHERE name LIKE '%医疗救助%' ORDER BY project_id").all()).toEqual([
      { name: "医疗救助补助资金", budget_wan: 336 },
      { name: "2020年医疗救助补助资金", budget_wan: 336 },
    ]);
    store.close();
  });

  it("a parenthetical is another line of money; the money word before it is still folded", () => {
    const store = openStore(dbPath(dir));
    const forms = [
      { ...qiannanInspectionForm(1), fiscalYear: 2022, projectName: "2022年医疗保障工作督查资金(州本级)" },
      { ...qiannanInspectionForm(2), fiscalYear: 2023 },
      { ...qiannanServiceForm(3), projectName: "医疗服务与保障能力提升补助资金（上年结转）" },
      { ...qiannanServiceForm(4) },
    ];
    const { documentId } = store.saveDocument(metaFor("q.txt", "q"), doc(...forms), [], VERSION);
    const ids = [1, 2, 3, 4].map((seq) => projectOfForm(store, documentId, seq));
    expect(ids[0]).toBe(ids[1]);
    expect(new Set(ids).size).toBe(3);
    store.close();
  });

  it("re-saving a document keeps projects consistent: same ids, renamed and emptied projects follow", () => {
    const store = openStore(dbPath(dir));
    store.saveDocument(metaFor("gaoyi-2022.txt", "a"), gaoyi2022(), [], VERSION);
    store.saveDocument(metaFor("gaoyi-2023.txt", "b"), gaoyi2023(), [], VERSION);
    const before = projectsOf(store);
    expect(before.map((p) => [p.name, p.forms])).toEqual([
      ["医疗救助补助资金", 2],
      ["公费医疗", 1],
    ]);

    // The same content again, re-read by a newer pipeline: every form re-inserted, the projects stay.
    const again = store.saveDocument(metaFor("gaoyi-2023.txt", "b"), gaoyi2023(), [], VERSION, { reprocess: true });
    expect(again.outcome).toBe("changed");
    expect(projectsOf(store)).toEqual(before);
    expect(projectOfForm(store, again.documentId, 1)).toBe(before[0]!.project_id);

    // The file changes: 公费医疗 becomes 公费医疗补助, the year 2024. The old project goes, a new one comes,
    // and 医疗救助补助 now spans 2022–2024.
    const changed = gaoyi2023();
    changed.forms = changed.forms.map((f) => ({ ...f, fiscalYear: 2024, projectName: f.projectName === "公费医疗" ? "公费医疗补助" : f.projectName }));
    const c = store.saveDocument(metaFor("gaoyi-2023.txt", "b2"), changed, [], VERSION);
    expect(c).toMatchObject({ outcome: "changed", replacedDocumentId: again.documentId });
    expect(projectsOf(store).map((p) => [p.project_id, p.name, p.first_year, p.last_year, p.forms])).toEqual([
      [before[0]!.project_id, "医疗救助补助资金", 2022, 2024, 2],
      [expect.any(Number), "公费医疗补助", 2024, 2024, 1],
    ]);
    expect(projectsOf(store)[1]!.project_id).not.toBe(before[1]!.project_id);

    // The stored 2024 file moves onto a path that held another file: that file's project goes with it.
    store.saveDocument(metaFor("elsewhere.txt", "x"), doc({ ...qiannanServiceForm(1), agency: GAOYI, fiscalYear: 2025 }), [], VERSION);
    expect(projectsOf(store).map((p) => p.name)).toEqual(["医疗救助补助资金", "公费医疗补助", "医疗服务与保障能力提升补助资金"]);
    expect(store.saveDocument(metaFor("elsewhere.txt", "b2"), changed, [], VERSION).outcome).toBe("unchanged");
    expect(projectsOf(store).map((p) => p.name)).toEqual(["医疗救助补助资金", "公费医疗补助"]);

    // A file that now fails to read takes its forms and their projects along.
    store.saveDocument(metaFor("elsewhere.txt", "broken", { status: "failed", error: "unreadable" }), null, [], VERSION);
    expect(projectsOf(store).map((p) => [p.name, p.first_year, p.last_year, p.forms])).toEqual([["2022年医疗救助补助资金", 2022, 2022, 1]]);

    // Deleting the last document leaves no project; no form points at a missing one.
    const [only] = store.listDocuments().filter((d) => d.status === "ok");
    expect(store.deleteDocument(only!.id)).toBe(true);
    expect(projectsOf(store)).toEqual([]);
    expect(store.db.pragma("foreign_key_check")).toEqual([]);
    store.close();
  });
});

describe("migrating a database of schema 4", () => {
  it("links the forms already stored, as saving them now would", () => {
    const file = dbPath(dir);
    const db = openConnection(file);
    expect(migrate(db, MIGRATIONS.slice(0, 4))).toEqual([1, 2, 3, 4]);
    // Rows written the way version 4 wrote them: the store's own inserts, no project yet. (Today's inserts
    // also name the columns later steps add to forms; they are there for the writes and dropped after.)
    const LATER_FORM_COLUMNS = ["goals_weight", "goals_score"];
    for (const c of LATER_FORM_COLUMNS) db.exec(`ALTER TABLE forms ADD COLUMN ${c} REAL`);
    const st = prepareStatements(db);
    const store4 = (path: string, content: NormalizedDocument, findings: Finding[]) => {
      const id = Number(
        st.insertDocument.run({
          path, sha256: metaFor(path, path).sha256, format: "txt", size_bytes: 1, pages: 1, status: "ok", error: null,
          ingested_at: "2026-11-01T00:00:00.000Z", pipeline_version: "0.1.0", mtime_ms: null, warnings: "[]",
          normalize_warnings: "[]", ocr: 0, ocr_pages: null,
        }).lastInsertRowid,
      );
      insertFindings(st, insertContent(st, id, content, path), findings, path);
    };
    store4("gaoyi-2022.txt", gaoyi2022(), qiannanFindings().filter((f) => f.formSeq === 1));
    store4("gaoyi-2023.txt", gaoyi2023(), []);
    store4("monitoring.txt", monitoringDocument(), []);
    for (const c of LATER_FORM_COLUMNS) db.exec(`ALTER TABLE forms DROP COLUMN ${c}`);
    db.close();

    const store = openStore(file);
    expect(schemaVersion(store.db)).toBe(SCHEMA_VERSION);
    expect(projectsOf(store).map((p) => [p.key, p.match_method, p.first_year, p.last_year, p.forms])).toEqual([
      ["agency_name:高邑县医疗保障局|医疗救助补助", "agency_name", 2022, 2023, 2],
      ["agency_name:高邑县医疗保障局|公费医疗", "agency_name", 2023, 2023, 1],
      ["code:52270124000000012345", "code", 2024, 2024, 1],
      ["agency_name:都匀市医疗保障局|医疗服务与保障能力提升补助", "agency_name", 2024, 2024, 1],
    ]);
    expect(store.db.prepare("SELECT count(*) AS n FROM forms WHERE project_id IS NULL").get()).toEqual({ n: 1 }); // the department form
    expect(
      store.db.prepare("SELECT fiscal_year, budget_wan, total_score, warning_findings FROM v_project_years WHERE name = '医疗救助补助资金' ORDER BY fiscal_year").all(),
    ).toEqual([
      { fiscal_year: 2022, budget_wan: 228, total_score: 98, warning_findings: 1 },
      { fiscal_year: 2023, budget_wan: 336, total_score: 95, warning_findings: 0 },
    ]);

    // Saving a new year after the migration joins the migrated project.
    const later = gaoyi2023();
    later.forms = later.forms.map((f) => ({ ...f, fiscalYear: 2024 }));
    const { documentId } = store.saveDocument(metaFor("gaoyi-2024.txt", "g24"), later, [], VERSION);
    expect(projectOfForm(store, documentId, 1)).toBe(projectsOf(store)[0]!.project_id);
    expect(projectsOf(store)[0]).toMatchObject({ first_year: 2022, last_year: 2024, forms: 3 });
    store.close();
  });
});
