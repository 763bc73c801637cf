/**
 * The contract's tables (../shared/spec/data-model.md) plus what the canonical
 * model carries beyond them: raw cell texts, source lines, JSON lists, the
 * narrative and side tables the cross-check rules read.
 *
 * Enum CHECKs are spelled out literally (not generated from the zod model):
 * a released migration must not change when the model does.
 */
import type { Migration } from "./migration.ts";

const MONEY_UNIT = "('元', '万元')";

const SQL = `
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL,
  sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
  format TEXT NOT NULL CHECK (format IN ('pdf', 'docx', 'xlsx', 'xls', 'txt')),
  size_bytes INTEGER NOT NULL CHECK (size_bytes >= 0),
  pages INTEGER CHECK (pages >= 0),
  status TEXT NOT NULL CHECK (status IN ('ok', 'partial', 'failed')),
  error TEXT,
  ingested_at TEXT NOT NULL,
  pipeline_version TEXT NOT NULL,
  mtime_ms REAL,
  -- Warnings of the extract stage (file level), JSON array of strings.
  warnings TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(warnings)),
  -- Warnings of the normalize stage (NormalizedDocument.warnings); NULL when nothing was normalized.
  normalize_warnings TEXT CHECK (normalize_warnings IS NULL OR json_valid(normalize_warnings))
);
-- A path holds one content at a time: a changed file replaces its old version.
CREATE UNIQUE INDEX idx_documents_path ON documents (path);

CREATE TABLE forms (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL CHECK (seq >= 1),
  kind TEXT NOT NULL CHECK (kind IN ('project_self_eval', 'department_self_eval', 'project_targets', 'department_targets', 'project_list')),
  title TEXT,
  fiscal_year INTEGER,
  agency TEXT,
  supervisor TEXT,
  supervisor_code TEXT,
  implementer TEXT,
  project_name TEXT,
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
  -- project_list rows: the department form whose 分项绩效项目清单 they come from.
  parent_form_id INTEGER REFERENCES forms (id) ON DELETE CASCADE,
  UNIQUE (document_id, seq)
);
CREATE INDEX idx_forms_fiscal_year ON forms (fiscal_year);
CREATE INDEX idx_forms_agency ON forms (agency);
CREATE INDEX idx_forms_project_name ON forms (project_name);
CREATE INDEX idx_forms_parent_form_id ON forms (parent_form_id);

CREATE TABLE funding (
  id INTEGER PRIMARY KEY,
  form_id INTEGER NOT NULL REFERENCES forms (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL CHECK (seq >= 1),
  source TEXT NOT NULL,
  source_kind TEXT NOT NULL CHECK (source_kind IN ('total', 'fiscal', 'central', 'superior', 'local', 'own', 'other', 'carryover')),
  initial_budget_yuan REAL,
  budget_yuan REAL,
  executed_yuan REAL,
  balance_yuan REAL,
  execution_rate REAL,
  weight REAL,
  score REAL,
  -- The same amounts as printed, in the form's declared unit.
  initial_budget_printed REAL,
  budget_printed REAL,
  executed_printed REAL,
  balance_printed REAL,
  initial_budget_text TEXT,
  budget_text TEXT,
  executed_text TEXT,
  balance_text TEXT,
  execution_rate_text TEXT,
  page INTEGER,
  line INTEGER,
  UNIQUE (form_id, seq)
);

CREATE TABLE indicators (
  id INTEGER PRIMARY KEY,
  form_id INTEGER NOT NULL REFERENCES forms (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL CHECK (seq >= 1),
  level1 TEXT,
  level1_weight REAL,
  level2 TEXT,
  level2_weight REAL,
  name TEXT NOT NULL,
  target_text TEXT,
  adjusted_target_text TEXT,
  actual_text TEXT,
  comparator TEXT CHECK (comparator IN ('>=', '<=', '=', '>', '<', 'qualitative')),
  target_value REAL,
  target_value_max REAL,
  actual_value REAL,
  unit TEXT,
  value_type TEXT,
  weight REAL,
  score REAL,
  reason TEXT,
  scoring_rule TEXT,
  description TEXT,
  page INTEGER,
  line INTEGER,
  UNIQUE (form_id, seq)
);

CREATE TABLE goals (
  id INTEGER PRIMARY KEY,
  form_id INTEGER NOT NULL REFERENCES forms (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL CHECK (seq >= 1),
  expected TEXT,
  actual TEXT,
  UNIQUE (form_id, seq)
);

CREATE TABLE findings (
  id INTEGER PRIMARY KEY,
  form_id INTEGER NOT NULL REFERENCES forms (id) ON DELETE CASCADE,
  indicator_id INTEGER REFERENCES indicators (id) ON DELETE CASCADE,
  funding_id INTEGER REFERENCES funding (id) ON DELETE CASCADE,
  rule TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
  message TEXT NOT NULL,
  expected REAL,
  observed REAL,
  page INTEGER,
  -- Parameters the rule used (the form's own note or the national defaults), JSON object.
  params TEXT CHECK (params IS NULL OR json_valid(params))
);
CREATE INDEX idx_findings_form_id_severity ON findings (form_id, severity);
CREATE INDEX idx_findings_indicator_id ON findings (indicator_id);
CREATE INDEX idx_findings_funding_id ON findings (funding_id);
CREATE INDEX idx_findings_rule ON findings (rule);

CREATE TABLE narrative (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL CHECK (seq >= 1),
  page INTEGER NOT NULL,
  line INTEGER,
  text TEXT NOT NULL,
  UNIQUE (document_id, seq)
);

CREATE TABLE side_tables (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL CHECK (seq >= 1),
  page INTEGER NOT NULL,
  line INTEGER,
  money_unit TEXT CHECK (money_unit IN ${MONEY_UNIT}),
  project_name TEXT,
  -- Amounts as printed, in money_unit.
  budget_printed REAL,
  executed_printed REAL,
  balance_printed REAL,
  execution_rate REAL,
  score REAL,
  UNIQUE (document_id, seq)
);

CREATE TABLE ingest_runs (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'ok', 'interrupted', 'failed')),
  files_seen INTEGER NOT NULL DEFAULT 0,
  files_new INTEGER NOT NULL DEFAULT 0,
  files_changed INTEGER NOT NULL DEFAULT 0,
  files_unchanged INTEGER NOT NULL DEFAULT 0,
  files_failed INTEGER NOT NULL DEFAULT 0,
  forms INTEGER NOT NULL DEFAULT 0,
  findings INTEGER NOT NULL DEFAULT 0,
  pipeline_version TEXT NOT NULL,
  error TEXT
);
`;

export const tables: Migration = {
  version: 1,
  name: "contract tables",
  up: (db) => db.exec(SQL),
};
