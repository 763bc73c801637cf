/**
 * Form families and what every template keeps (data-model.md, added 2026-12):
 * five new forms.kind values, the monitoring columns, `extra` on funding and
 * indicators, OCR columns, and form_facts (every label/value pair of a form).
 *
 * forms.kind is a CHECK constraint, which SQLite cannot alter: forms is
 * rebuilt (SQLite's "12-step" procedure), with the new columns in place. That
 * needs foreign_keys OFF — dropping forms would otherwise cascade-delete every
 * funding line, indicator, goal and finding — so this step declares
 * `foreignKeysOff` and migrate() turns them off around its transaction and
 * runs PRAGMA foreign_key_check before committing. Ids are kept, so the rows
 * pointing at forms stay valid. The other tables only gain columns (ALTER
 * TABLE … ADD COLUMN).
 *
 * Choices:
 * - JSON: `extra` is a JSON object {printed header: cell text}, NOT NULL
 *   DEFAULT '{}' (never NULL: json_each(extra) then simply yields no row);
 *   forms.unrecognized_labels a JSON array of strings, NOT NULL DEFAULT '[]'
 *   like notes and missing; documents.ocr_pages a JSON array of page numbers,
 *   NULL when no page came from OCR.
 * - Printed numbers follow the existing `*_printed` / `*_text` / `*_yuan`
 *   triple: executed_to_date_printed, executed_to_date_text,
 *   executed_to_date_yuan (same for forecast_executed).
 * - CHECKs only where the model guarantees the value (a CHECK failing in the
 *   middle of an ingest is a database error, not a refused file):
 *   fiscal_year_source (a model enum), as_of_month 1–12, the JSON columns,
 *   documents.ocr 0/1. indicators.likelihood stays free text, as in the model
 *   (LIKELIHOODS is the vocabulary, not a constraint); ocr_confidence has no
 *   range CHECK for the same reason.
 *
 * The views that read forms are dropped before the rebuild and created again
 * with the new columns; v_form_facts is new.
 */
import { ftsSql } from "./002_fts.ts";
import type { Migration } from "./migration.ts";

const MONEY_UNIT = "('元', '万元')";

/** forms as of step 3, in order: what is copied across the rebuild. */
const FORMS_V3_COLUMNS = [
  "id", "document_id", "seq", "kind", "title", "fiscal_year", "agency", "supervisor", "supervisor_code",
  "implementer", "project_name", "fill_date", "money_unit", "money_unit_effective", "money_unit_reason",
  "total_weight", "total_score", "grade", "page_from", "page_to", "line_from", "line_to", "deviation", "notes",
  "missing", "parent_form_id",
].join(", ");

const REBUILD_FORMS = `
DROP VIEW v_forms;
DROP VIEW v_findings;
DROP VIEW v_indicators;
DROP VIEW v_funding;

CREATE TEMP TABLE forms_v3 AS SELECT ${FORMS_V3_COLUMNS} FROM main.forms;
DROP TABLE main.forms;

CREATE TABLE forms (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL CHECK (seq >= 1),
  kind TEXT NOT NULL CHECK (kind IN ('project_self_eval', 'department_self_eval', 'project_targets', 'department_targets', 'project_list', 'transfer_self_eval', 'transfer_targets', 'project_monitoring', 'department_monitoring', 'evaluation_scorecard')),
  title TEXT,
  fiscal_year INTEGER,
  -- Where fiscal_year came from, most trusted first; NULL when there is no year.
  fiscal_year_source TEXT CHECK (fiscal_year_source IN ('printed', 'text', 'document', 'sheet', 'file_name', 'folder')),
  -- Monitoring forms: the N of 1–N月.
  as_of_month INTEGER CHECK (as_of_month BETWEEN 1 AND 12),
  agency TEXT,
  supervisor TEXT,
  supervisor_code TEXT,
  implementer TEXT,
  project_name TEXT,
  -- 项目编码/项目代码 as displayed (text, never a float).
  project_code TEXT,
  fill_date TEXT,
  money_unit TEXT CHECK (money_unit IN ${MONEY_UNIT}),
  money_unit_effective TEXT CHECK (money_unit_effective IN ${MONEY_UNIT}),
  money_unit_reason TEXT,
  total_weight REAL,
  total_score REAL,
  grade TEXT,
  page_from INTEGER,
  page_to INTEGER,
  line_from INTEGER,
  line_to INTEGER,
  -- The form's own explanation of deviations (绩效目标执行出现的偏差和采取的措施).
  deviation TEXT,
  notes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(notes)),
  missing TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(missing)),
  -- Labels and headers that map to nothing the vocabulary knows, as printed: JSON array of strings.
  unrecognized_labels TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(unrecognized_labels) AND json_type(unrecognized_labels) = 'array'),
  -- project_list rows: the department form whose 分项绩效项目清单 they come from.
  parent_form_id INTEGER REFERENCES forms (id) ON DELETE CASCADE,
  UNIQUE (document_id, seq)
);
INSERT INTO forms (${FORMS_V3_COLUMNS}) SELECT ${FORMS_V3_COLUMNS} FROM temp.forms_v3 ORDER BY id;
DROP TABLE temp.forms_v3;

CREATE INDEX idx_forms_fiscal_year ON forms (fiscal_year);
CREATE INDEX idx_forms_agency ON forms (agency);
CREATE INDEX idx_forms_project_name ON forms (project_name);
CREATE INDEX idx_forms_project_code ON forms (project_code);
CREATE INDEX idx_forms_parent_form_id ON forms (parent_form_id);
`;

const EXTRA = "TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(extra) AND json_type(extra) = 'object')";

const ADD_COLUMNS = `
-- Monitoring forms: 1–N月执行数 and 全年预计执行数, as printed (form's unit), raw cell, and in yuan.
ALTER TABLE funding ADD COLUMN executed_to_date_printed REAL;
ALTER TABLE funding ADD COLUMN executed_to_date_text TEXT;
ALTER TABLE funding ADD COLUMN executed_to_date_yuan REAL;
ALTER TABLE funding ADD COLUMN forecast_executed_printed REAL;
ALTER TABLE funding ADD COLUMN forecast_executed_text TEXT;
ALTER TABLE funding ADD COLUMN forecast_executed_yuan REAL;
ALTER TABLE funding ADD COLUMN extra ${EXTRA};
ALTER TABLE funding ADD COLUMN ocr_confidence REAL;

ALTER TABLE indicators ADD COLUMN actual_to_date_text TEXT;
ALTER TABLE indicators ADD COLUMN forecast_text TEXT;
ALTER TABLE indicators ADD COLUMN likelihood TEXT;
ALTER TABLE indicators ADD COLUMN deviation_cause TEXT;
ALTER TABLE indicators ADD COLUMN extra ${EXTRA};
ALTER TABLE indicators ADD COLUMN ocr_confidence REAL;

ALTER TABLE documents ADD COLUMN ocr INTEGER NOT NULL DEFAULT 0 CHECK (ocr IN (0, 1));
ALTER TABLE documents ADD COLUMN ocr_pages TEXT CHECK (ocr_pages IS NULL OR (json_valid(ocr_pages) AND json_type(ocr_pages) = 'array'));
`;

const FORM_FACTS = `
CREATE TABLE form_facts (
  id INTEGER PRIMARY KEY,
  form_id INTEGER NOT NULL REFERENCES forms (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL CHECK (seq >= 1),
  -- As printed, without its trailing colon.
  label TEXT NOT NULL,
  value TEXT NOT NULL,
  -- The forms column it also filled (project_name, supervisor …), NULL when none.
  field TEXT,
  page INTEGER,
  line INTEGER,
  -- Also the index on form_id (its leading column).
  UNIQUE (form_id, seq)
);
CREATE INDEX idx_form_facts_label ON form_facts (label);
`;

const VIEWS = `
CREATE VIEW v_forms AS
SELECT
  f.id AS form_id,
  f.document_id,
  d.path,
  f.seq,
  f.kind,
  f.title,
  f.fiscal_year,
  f.fiscal_year_source,
  f.agency,
  f.supervisor,
  f.supervisor_code,
  f.implementer,
  f.project_name,
  f.project_code,
  f.as_of_month,
  f.fill_date,
  f.money_unit,
  f.money_unit_effective,
  round(m.budget_yuan / 10000.0, 6) AS budget_wan,
  round(m.executed_yuan / 10000.0, 6) AS executed_wan,
  m.execution_rate,
  m.executed_yuan / nullif(m.budget_yuan, 0) AS execution_rate_computed,
  round(m.executed_to_date_yuan / 10000.0, 6) AS executed_to_date_wan,
  round(m.forecast_executed_yuan / 10000.0, 6) AS forecast_executed_wan,
  f.total_weight,
  f.total_score,
  f.grade,
  f.page_from,
  f.page_to,
  d.ocr,
  json_array_length(f.unrecognized_labels) AS unrecognized_label_count,
  (SELECT count(*) FROM findings x WHERE x.form_id = f.id AND x.severity = 'error') AS error_findings,
  (SELECT count(*) FROM findings x WHERE x.form_id = f.id AND x.severity = 'warning') AS warning_findings,
  (SELECT count(*) FROM findings x WHERE x.form_id = f.id AND x.severity = 'info') AS info_findings
FROM forms f
JOIN documents d ON d.id = f.document_id
LEFT JOIN v_form_main_funding m ON m.form_id = f.id;

CREATE VIEW v_findings AS
SELECT
  x.id AS finding_id,
  x.rule,
  x.severity,
  x.message,
  x.expected,
  x.observed,
  coalesce(x.page, i.page, fu.page, f.page_from) AS page,
  x.form_id,
  f.seq AS form_seq,
  f.kind,
  f.title,
  f.fiscal_year,
  f.agency,
  f.project_name,
  f.project_code,
  x.indicator_id,
  i.name AS indicator_name,
  i.level1,
  i.level2,
  x.funding_id,
  fu.source AS funding_source,
  f.document_id,
  d.path,
  x.params
FROM findings x
JOIN forms f ON f.id = x.form_id
JOIN documents d ON d.id = f.document_id
LEFT JOIN indicators i ON i.id = x.indicator_id
LEFT JOIN funding fu ON fu.id = x.funding_id;

CREATE VIEW v_indicators AS
SELECT
  i.id AS indicator_id,
  i.form_id,
  i.seq,
  i.level1,
  i.level1_weight,
  i.level2,
  i.level2_weight,
  i.name,
  i.target_text,
  i.adjusted_target_text,
  i.actual_text,
  i.comparator,
  i.target_value,
  i.target_value_max,
  i.actual_value,
  i.unit,
  i.value_type,
  i.weight,
  i.score,
  i.reason,
  i.scoring_rule,
  i.description,
  i.actual_to_date_text,
  i.forecast_text,
  i.likelihood,
  i.deviation_cause,
  i.extra,
  i.ocr_confidence,
  i.page,
  f.kind,
  f.fiscal_year,
  f.agency,
  f.project_name,
  f.project_code,
  f.as_of_month,
  f.document_id,
  d.path
FROM indicators i
JOIN forms f ON f.id = i.form_id
JOIN documents d ON d.id = f.document_id;

CREATE VIEW v_funding AS
SELECT
  fu.id AS funding_id,
  fu.form_id,
  fu.seq,
  fu.source,
  fu.source_kind,
  fu.initial_budget_yuan,
  fu.budget_yuan,
  fu.executed_yuan,
  fu.balance_yuan,
  round(fu.budget_yuan / 10000.0, 6) AS budget_wan,
  round(fu.executed_yuan / 10000.0, 6) AS executed_wan,
  fu.execution_rate,
  fu.executed_yuan / nullif(fu.budget_yuan, 0) AS execution_rate_computed,
  fu.executed_to_date_yuan,
  fu.forecast_executed_yuan,
  round(fu.executed_to_date_yuan / 10000.0, 6) AS executed_to_date_wan,
  round(fu.forecast_executed_yuan / 10000.0, 6) AS forecast_executed_wan,
  fu.weight,
  fu.score,
  fu.budget_text,
  fu.executed_text,
  fu.execution_rate_text,
  fu.executed_to_date_text,
  fu.forecast_executed_text,
  fu.extra,
  fu.ocr_confidence,
  fu.page,
  f.kind,
  f.fiscal_year,
  f.agency,
  f.project_name,
  f.project_code,
  f.as_of_month,
  f.money_unit,
  f.money_unit_effective,
  f.document_id,
  d.path
FROM funding fu
JOIN forms f ON f.id = fu.form_id
JOIN documents d ON d.id = f.document_id;

-- Every label/value pair of every form, with the form's year, agency, project and the file.
CREATE VIEW v_form_facts AS
SELECT
  ff.id AS fact_id,
  ff.form_id,
  ff.seq,
  ff.label,
  ff.value,
  ff.field,
  coalesce(ff.page, f.page_from) AS page,
  ff.line,
  f.seq AS form_seq,
  f.kind,
  f.title,
  f.fiscal_year,
  f.agency,
  f.project_name,
  f.project_code,
  f.document_id,
  d.path
FROM form_facts ff
JOIN forms f ON f.id = ff.form_id
JOIN documents d ON d.id = f.document_id;
`;

export const formFamilies: Migration = {
  version: 4,
  name: "form families: new kinds, monitoring columns, extra, OCR, form_facts",
  foreignKeysOff: true,
  up: (db) => {
    db.exec(REBUILD_FORMS);
    db.exec(ADD_COLUMNS);
    db.exec(FORM_FACTS);
    db.exec(ftsSql("form_facts", ["label", "value"]));
    db.exec(VIEWS);
  },
};
