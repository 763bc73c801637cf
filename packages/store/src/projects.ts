/**
 * One project across years and documents: the identity key that links forms
 * of the same project (migration 005, data in `projects` and forms.project_id).
 *
 * The rule, in order:
 * 1. **By project code** (forms.project_code, 项目编码/项目代码) when the form
 *    prints one that looks like a code: after NFKC (full-width → half-width)
 *    and removing spaces and dashes, at least 6 letters or digits. Codes are
 *    issued by the budget system and unique across agencies, so the key is the
 *    code alone: key `code:<CODE>`, match_method 'code'. A form printing a
 *    code links by it even when its name is printed differently.
 * 2. **Else by agency + normalised project name**: key
 *    `agency_name:<agency>|<name>`, match_method 'agency_name'. Both parts:
 *    NFKC (（）：， → ():,), curly quotes → straight, all whitespace removed,
 *    Latin letters lower-cased. The name additionally loses
 *    - a leading year prefix (2022年 / 2022年度, also "2022 年度") when it is
 *      the form's own fiscal year (or the form has none): "2022年医疗救助补助资金"
 *      in 2022 ≡ "医疗救助补助资金" in 2023. A prefix naming another year is
 *      another tranche of money and is kept: 高邑's 2021 清单 lists both
 *      "医疗救助补助资金" and "2020年医疗救助补助资金", with different budgets;
 *    - one trailing money word — 项目资金, 项目经费, 专项资金, 专项经费, 资金 or
 *      经费 (longest first) — so 医保政策宣传经费 ≡ 医保政策宣传资金 ≡
 *      医保政策宣传专项资金. The word is folded also when it stands before
 *      trailing parentheticals, which are KEPT: 督查经费（州本级） ≡
 *      督查资金(州本级), but 医疗救助补助资金（上年结转） is not 医疗救助补助资金
 *      (another line of money). 项目 alone and 补助 are not folded.
 * 3. **No project** when the form is a department form (department_*), has no
 *    project name, or (without a code) has no agency: two agencies' projects
 *    of the same name must never merge, and a form whose agency is unknown
 *    cannot be told apart.
 *
 * The key is a pure function of the form, so linking does not depend on the
 * order documents are ingested in. A consequence: a project printed with a
 * code in one year and without one in another is two projects (query them
 * together through their names if needed). Changing this rule needs a new
 * migration that re-links stored forms with relinkAllProjects.
 */
import type Database from "better-sqlite3";

export type MatchMethod = "code" | "agency_name";

export interface ProjectIdentity {
  key: string;
  matchMethod: MatchMethod;
  /** The normalised code for 'code' projects, else null. */
  code: string | null;
}

/** The form fields the key reads (a forms row or a model form). */
export interface ProjectFields {
  kind: string;
  fiscalYear: number | null;
  agency: string | null;
  projectName: string | null;
  projectCode: string | null;
}

/** The columns of a forms row the key reads. */
interface FormKeyRow {
  id: number;
  kind: string;
  fiscal_year: number | null;
  agency: string | null;
  project_name: string | null;
  project_code: string | null;
}

const DEPARTMENT_KINDS = new Set(["department_self_eval", "department_targets", "department_monitoring"]);
const MONEY_WORDS = ["项目资金", "项目经费", "专项资金", "专项经费", "资金", "经费"];

/** Full-width → half-width, straight quotes, no whitespace, lower-case Latin. */
export function normalizeText(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[“”„‟]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/[【〔［]/g, "[")
    .replace(/[】〕］]/g, "]")
    .replace(/\s+/gu, "")
    .toLowerCase();
}

/** A printed code as stored in the key, or null when it does not look like a project code. */
export function normalizeProjectCode(code: string | null): string | null {
  if (code === null) return null;
  const c = code.normalize("NFKC").replace(/[\s\-_.]/g, "").toUpperCase();
  return /^[0-9A-Z]{6,}$/.test(c) ? c : null;
}

/** The normalised project name of rule 2, or null when nothing is left. */
export function normalizeProjectName(name: string | null, fiscalYear: number | null): string | null {
  if (name === null) return null;
  let n = normalizeText(name).replace(/^((?:19|20)\d{2})年度?/, (prefix, year: string) =>
    fiscalYear === null || Number(year) === fiscalYear ? "" : prefix,
  );
  // Trailing parentheticals are part of the identity: fold the money word before them.
  const tail = /(?:\([^()]*\)|\[[^[\]]*\])*$/.exec(n)?.[0] ?? "";
  let stem = n.slice(0, n.length - tail.length);
  const word = MONEY_WORDS.find((w) => stem.endsWith(w) && stem.length > w.length);
  if (word) stem = stem.slice(0, stem.length - word.length);
  n = stem + tail;
  return n === "" ? null : n;
}

/** The project a form belongs to, or null (see the rule above). */
export function projectIdentity(form: ProjectFields): ProjectIdentity | null {
  if (DEPARTMENT_KINDS.has(form.kind)) return null;
  const name = normalizeProjectName(form.projectName, form.fiscalYear);
  if (name === null) return null;
  const code = normalizeProjectCode(form.projectCode);
  if (code !== null) return { key: `code:${code}`, matchMethod: "code", code };
  const agency = form.agency === null ? "" : normalizeText(form.agency);
  if (agency === "") return null;
  return { key: `agency_name:${agency}|${name}`, matchMethod: "agency_name", code: null };
}

/**
 * Statements for linking, prepared once per connection. `refresh` recomputes
 * a project's representative columns from its forms: agency, name and code of
 * its latest form (latest fiscal year — NULL sorts last — then latest stored),
 * first and last year; all read through idx_forms_project_id (project_id, fiscal_year).
 */
export function prepareProjectStatements(db: Database.Database) {
  const latest = (column: string) =>
    `(SELECT f.${column} FROM forms f WHERE f.project_id = projects.id ORDER BY f.fiscal_year DESC, f.id DESC LIMIT 1)`;
  return {
    formsOfDocument: db.prepare<[number], FormKeyRow>(
      "SELECT id, kind, fiscal_year, agency, project_name, project_code FROM forms WHERE document_id = ?",
    ),
    allForms: db.prepare<[], FormKeyRow>(
      "SELECT id, kind, fiscal_year, agency, project_name, project_code FROM forms ORDER BY id",
    ),
    projectIdsOfDocument: db.prepare<[number], { project_id: number }>(
      "SELECT DISTINCT project_id FROM forms WHERE document_id = ? AND project_id IS NOT NULL",
    ),
    upsertProject: db.prepare<[string, string], { id: number }>(
      `INSERT INTO projects (key, match_method) VALUES (?, ?)
       ON CONFLICT (key) DO UPDATE SET key = excluded.key
       RETURNING id`,
    ),
    setFormProject: db.prepare<[number | null, number]>("UPDATE forms SET project_id = ? WHERE id = ?"),
    deleteIfEmpty: db.prepare<[{ id: number }]>(
      "DELETE FROM projects WHERE id = @id AND NOT EXISTS (SELECT 1 FROM forms WHERE project_id = @id)",
    ),
    deleteAllEmpty: db.prepare<[]>("DELETE FROM projects WHERE NOT EXISTS (SELECT 1 FROM forms f WHERE f.project_id = projects.id)"),
    refresh: db.prepare<[number]>(
      `UPDATE projects SET
         agency = ${latest("agency")},
         name = ${latest("project_name")},
         code = CASE WHEN match_method = 'code' THEN ${latest("project_code")} END,
         first_year = (SELECT min(f.fiscal_year) FROM forms f WHERE f.project_id = projects.id),
         last_year = (SELECT max(f.fiscal_year) FROM forms f WHERE f.project_id = projects.id)
       WHERE id = ?`,
    ),
    refreshAll: db.prepare<[]>(
      `UPDATE projects SET
         agency = ${latest("agency")},
         name = ${latest("project_name")},
         code = CASE WHEN match_method = 'code' THEN ${latest("project_code")} END,
         first_year = (SELECT min(f.fiscal_year) FROM forms f WHERE f.project_id = projects.id),
         last_year = (SELECT max(f.fiscal_year) FROM forms f WHERE f.project_id = projects.id)`,
    ),
  };
}

export type ProjectStatements = ReturnType<typeof prepareProjectStatements>;

function linkForm(
  ps: ProjectStatements,
  row: FormKeyRow,
): number | null {
  const identity = projectIdentity({ kind: row.kind, fiscalYear: row.fiscal_year, agency: row.agency, projectName: row.project_name, projectCode: row.project_code });
  const projectId = identity === null ? null : ps.upsertProject.get(identity.key, identity.matchMethod)!.id;
  ps.setFormProject.run(projectId, row.id);
  return projectId;
}

/** The projects the forms of a stored document belong to (before it is replaced or deleted). */
export function projectsOfDocument(ps: ProjectStatements, documentId: number): number[] {
  return ps.projectIdsOfDocument.all(documentId).map((r) => r.project_id);
}

/**
 * Links the forms of a just-stored document, then brings up to date every
 * project they or the document it replaced (`previous`) touched; projects
 * left without forms are deleted. Runs inside the save's transaction.
 */
export function linkDocumentProjects(ps: ProjectStatements, documentId: number | null, previous: readonly number[]): void {
  const touched = new Set(previous);
  if (documentId !== null) {
    for (const row of ps.formsOfDocument.all(documentId)) {
      const id = linkForm(ps, row);
      if (id !== null) touched.add(id);
    }
  }
  for (const id of touched) {
    if (ps.deleteIfEmpty.run({ id }).changes === 0) ps.refresh.run(id);
  }
}

/** Links every stored form again (the migration that introduces projects). */
export function relinkAllProjects(db: Database.Database): void {
  const ps = prepareProjectStatements(db);
  for (const row of ps.allForms.all()) linkForm(ps, row);
  ps.deleteAllEmpty.run();
  ps.refreshAll.run();
}
