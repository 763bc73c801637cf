/**
 * The analyst views. v_forms and v_findings are the contract's; the others
 * save the joins everyone ends up writing.
 *
 * Amounts in 万元 are rounded to 6 decimals: yuan amounts carry at most fen
 * (2 decimals), so nothing is lost, and 181.82 does not show as 181.82000000000002.
 */
import type { Migration } from "./migration.ts";

const SQL = `
-- The funding line that speaks for the whole form: its 'total' line
-- (年度资金总额), or its first line when none is marked total.
CREATE VIEW v_form_main_funding AS
SELECT fu.*
FROM funding fu
WHERE fu.id = (
  SELECT f2.id FROM funding f2
  WHERE f2.form_id = fu.form_id
  ORDER BY f2.source_kind = 'total' DESC, f2.seq
  LIMIT 1
);

CREATE VIEW v_forms AS
SELECT
  f.id AS form_id,
  f.document_id,
  d.path,
  f.seq,
  f.kind,
  f.title,
  f.fiscal_year,
  f.agency,
  f.supervisor,
  f.supervisor_code,
  f.implementer,
  f.project_name,
  f.fill_date,
  f.money_unit,
  f.money_unit_effective,
  round(m.budget_yuan / 10000.0, 6) AS budget_wan,
  round(m.executed_yuan / 10000.0, 6) AS executed_wan,
  m.execution_rate,
  m.executed_yuan / nullif(m.budget_yuan, 0) AS execution_rate_computed,
  f.total_weight,
  f.total_score,
  f.grade,
  f.page_from,
  f.page_to,
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
  i.page,
  f.kind,
  f.fiscal_year,
  f.agency,
  f.project_name,
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
  fu.weight,
  fu.score,
  fu.budget_text,
  fu.executed_text,
  fu.execution_rate_text,
  fu.page,
  f.kind,
  f.fiscal_year,
  f.agency,
  f.project_name,
  f.money_unit,
  f.money_unit_effective,
  f.document_id,
  d.path
FROM funding fu
JOIN forms f ON f.id = fu.form_id
JOIN documents d ON d.id = f.document_id;
`;

export const views: Migration = {
  version: 3,
  name: "analyst views",
  up: (db) => db.exec(SQL),
};
