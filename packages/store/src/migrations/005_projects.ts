/**
 * One project across years (issue 17): `projects`, forms.project_id and the
 * views v_projects and v_project_years.
 *
 * The linking rule is projects.ts's projectIdentity (by project code when one
 * is printed, else by agency + normalised project name). The store links the
 * forms of every document it saves (and re-links when a document is replaced
 * or deleted); this step links the forms already stored.
 *
 * Choices:
 * - forms.project_id is added with ALTER TABLE (no rebuild of forms) and
 *   declared ON DELETE SET NULL: a project is derived from its forms, never
 *   the other way round, so deleting one must not delete forms. The store
 *   deletes a project when its last form goes.
 * - projects keeps the identity (key, match_method) and representative
 *   columns the store refreshes whenever one of its forms changes: agency,
 *   name and code as printed on its latest form, first_year and last_year.
 *   Counts are live in v_projects.
 * - v_project_years sums the main funding line (v_form_main_funding, as
 *   v_forms does) of ONE kind of form per project and year — the first
 *   present of: self-evaluations (project_self_eval, transfer_self_eval), the
 *   department's 分项绩效项目清单 row (project_list), evaluation_scorecard,
 *   project_monitoring, then target forms — because the same money printed
 *   on the target form, the monitoring form and the self-evaluation must
 *   not be added up. Findings count over all the project's forms of that year.
 */
import { relinkAllProjects } from "../projects.ts";
import type { Migration } from "./migration.ts";

const SQL = `
CREATE TABLE projects (
  id INTEGER PRIMARY KEY,
  -- The normalised identity: 'code:<CODE>' or 'agency_name:<agency>|<name>'.
  key TEXT NOT NULL UNIQUE,
  match_method TEXT NOT NULL CHECK (match_method IN ('code', 'agency_name')),
  -- As printed on the project's latest form (latest fiscal year, then latest stored).
  agency TEXT,
  name TEXT,
  code TEXT,
  first_year INTEGER,
  last_year INTEGER
);

ALTER TABLE forms ADD COLUMN project_id INTEGER REFERENCES projects (id) ON DELETE SET NULL;
-- (project_id, fiscal_year): also the order in which the store picks a project's latest form.
CREATE INDEX idx_forms_project_id ON forms (project_id, fiscal_year);

CREATE VIEW v_projects AS
SELECT
  p.id AS project_id,
  p.key,
  p.match_method,
  p.agency,
  p.name,
  p.code,
  p.first_year,
  p.last_year,
  (SELECT count(DISTINCT f.fiscal_year) FROM forms f WHERE f.project_id = p.id) AS years,
  (SELECT count(*) FROM forms f WHERE f.project_id = p.id) AS forms,
  (SELECT count(DISTINCT f.document_id) FROM forms f WHERE f.project_id = p.id) AS documents,
  (SELECT count(DISTINCT f.project_name) FROM forms f WHERE f.project_id = p.id) AS printed_names
FROM projects p;

CREATE VIEW v_project_years AS
WITH pf AS (
  SELECT
    f.project_id,
    f.fiscal_year,
    f.id AS form_id,
    f.kind,
    f.total_score,
    f.grade,
    CASE f.kind
      WHEN 'project_self_eval' THEN 1
      WHEN 'transfer_self_eval' THEN 1
      WHEN 'project_list' THEN 2
      WHEN 'evaluation_scorecard' THEN 3
      WHEN 'project_monitoring' THEN 4
      ELSE 5
    END AS kind_rank
  FROM forms f
  WHERE f.project_id IS NOT NULL
),
basis AS (
  SELECT project_id, fiscal_year, min(kind_rank) AS kind_rank
  FROM pf
  GROUP BY project_id, fiscal_year
),
project_forms AS (
  SELECT
    pf.*,
    pf.kind_rank = b.kind_rank AS is_basis,
    m.budget_yuan,
    m.executed_yuan,
    m.execution_rate,
    (SELECT count(*) FROM findings x WHERE x.form_id = pf.form_id AND x.severity = 'error') AS errors,
    (SELECT count(*) FROM findings x WHERE x.form_id = pf.form_id AND x.severity = 'warning') AS warnings,
    (SELECT count(*) FROM findings x WHERE x.form_id = pf.form_id AND x.severity = 'info') AS infos
  FROM pf
  JOIN basis b ON b.project_id = pf.project_id AND b.fiscal_year IS pf.fiscal_year
  LEFT JOIN v_form_main_funding m ON m.form_id = pf.form_id
)
SELECT
  p.id AS project_id,
  p.key,
  p.match_method,
  p.agency,
  p.name,
  p.code,
  r.fiscal_year,
  group_concat(DISTINCT CASE WHEN r.is_basis THEN r.kind END) AS basis_kind,
  sum(r.is_basis) AS basis_forms,
  count(*) AS forms,
  round(sum(CASE WHEN r.is_basis THEN r.budget_yuan END) / 10000.0, 6) AS budget_wan,
  round(sum(CASE WHEN r.is_basis THEN r.executed_yuan END) / 10000.0, 6) AS executed_wan,
  sum(CASE WHEN r.is_basis THEN r.executed_yuan END) / nullif(sum(CASE WHEN r.is_basis THEN r.budget_yuan END), 0) AS execution_rate,
  CASE WHEN sum(r.is_basis) = 1 THEN max(CASE WHEN r.is_basis THEN r.execution_rate END) END AS execution_rate_printed,
  avg(CASE WHEN r.is_basis THEN r.total_score END) AS total_score,
  group_concat(DISTINCT CASE WHEN r.is_basis THEN r.grade END) AS grade,
  sum(r.errors) AS error_findings,
  sum(r.warnings) AS warning_findings,
  sum(r.infos) AS info_findings
FROM project_forms r
JOIN projects p ON p.id = r.project_id
GROUP BY r.project_id, r.fiscal_year;
`;

export const projects: Migration = {
  version: 5,
  name: "projects across years: projects, forms.project_id, v_projects, v_project_years",
  up: (db) => {
    db.exec(SQL);
    relinkAllProjects(db);
  },
};
