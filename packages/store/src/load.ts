/**
 * Rebuilding the canonical model from stored rows, so the rules can run again
 * over a database (jixiao check --db) without re-parsing the source files.
 * The result is validated with the model's zod schema: rows edited by hand
 * into something the model does not allow fail here, not deep in a rule.
 */
import {
  Finding,
  Form,
  FormFact,
  FundingLine,
  Goal,
  Indicator,
  NarrativeLine,
  NormalizedDocument,
  SideTable,
  pageUnitOf,
} from "@jixiao/normalize";
import { FINDINGS, FORMS, FORM_FACTS, FUNDING, GOALS, INDICATORS, NARRATIVE, SIDE_TABLES, fromRow } from "./columns.ts";
import { StoreError } from "./errors.ts";
import type { Row, Statements } from "./statements.ts";

function groupByForm(rows: Row[]): Map<number, Row[]> {
  const groups = new Map<number, Row[]>();
  for (const row of rows) {
    const formId = row.form_id as number;
    let group = groups.get(formId);
    if (!group) groups.set(formId, (group = []));
    group.push(row);
  }
  return groups;
}

export function loadDocument(st: Statements, documentId: number): NormalizedDocument {
  const document = st.documentById.get(documentId);
  if (!document) throw new StoreError(`expected a stored document with id ${documentId}, found none`);
  const funding = groupByForm(st.fundingOfDocument.all(documentId));
  const indicators = groupByForm(st.indicatorsOfDocument.all(documentId));
  const goals = groupByForm(st.goalsOfDocument.all(documentId));
  const facts = groupByForm(st.formFactsOfDocument.all(documentId));
  const forms: Form[] = st.formsOfDocument.all(documentId).map((row) => {
    const id = row.id as number;
    return {
      ...fromRow<Form>(FORMS, row),
      funding: (funding.get(id) ?? []).map((r) => fromRow<FundingLine>(FUNDING, r)),
      indicators: (indicators.get(id) ?? []).map((r) => fromRow<Indicator>(INDICATORS, r)),
      goals: (goals.get(id) ?? []).map((r) => fromRow<Goal>(GOALS, r)),
      facts: (facts.get(id) ?? []).map((r) => fromRow<FormFact>(FORM_FACTS, r)),
      parentSeq: (row.parent_seq as number | null) ?? null,
    };
  });
  const warnings = document.normalize_warnings;
  const result = NormalizedDocument.safeParse({
    forms,
    narrative: st.narrativeOfDocument.all(documentId).map((r) => fromRow<NarrativeLine>(NARRATIVE, r)),
    sideTables: st.sideTablesOfDocument.all(documentId).map((r) => fromRow<SideTable>(SIDE_TABLES, r)),
    warnings: typeof warnings === "string" ? JSON.parse(warnings) : [],
    ...(pageUnitOf(String(document.format)) === "sheet" ? { pageUnit: "sheet" } : {}),
  });
  if (!result.success) {
    throw new StoreError(
      `document ${documentId} (${String(document.path)}): stored rows do not form a valid NormalizedDocument: ${result.error.issues[0]?.path.join(".")}: ${result.error.issues[0]?.message}`,
    );
  }
  return result.data;
}

export function loadFindings(st: Statements, documentId: number): Finding[] {
  return st.findingsOfDocument.all(documentId).map((row) =>
    Finding.parse({
      ...fromRow<Finding>(FINDINGS, row),
      formSeq: row.form_seq,
      indicatorSeq: row.indicator_seq ?? null,
      fundingSeq: row.funding_seq ?? null,
    }),
  );
}
