/** Writing one document's rows: forms and their children (funding, indicators, goals, facts), narrative, side tables, findings. */
import type { Finding, NormalizedDocument } from "@jixiao/normalize";
import { FINDINGS, FORMS, FORM_FACTS, FUNDING, GOALS, INDICATORS, NARRATIVE, SIDE_TABLES, toParams } from "./columns.ts";
import { StoreError } from "./errors.ts";
import { resolveFinding, type DocumentRowIds, type FormRowIds } from "./row-ids.ts";
import type { Row, Statements } from "./statements.ts";

/** Inserts the document's content under documentId; returns the ids findings will be mapped to. */
export function insertContent(st: Statements, documentId: number, doc: NormalizedDocument, where: string): DocumentRowIds {
  const ids: DocumentRowIds = new Map();
  for (const form of doc.forms) {
    const formId = Number(st.insertForm.run({ ...toParams(FORMS, form), document_id: documentId }).lastInsertRowid);
    const rowIds: FormRowIds = { id: formId, indicators: new Map(), funding: new Map() };
    ids.set(form.seq, rowIds);
    for (const line of form.funding) {
      const id = st.insertFunding.run({ ...toParams(FUNDING, line), form_id: formId }).lastInsertRowid;
      rowIds.funding.set(line.seq, Number(id));
    }
    for (const indicator of form.indicators) {
      const id = st.insertIndicator.run({ ...toParams(INDICATORS, indicator), form_id: formId }).lastInsertRowid;
      rowIds.indicators.set(indicator.seq, Number(id));
    }
    form.goals.forEach((goal, i) => {
      st.insertGoal.run({ ...toParams(GOALS, goal), form_id: formId, seq: i + 1 });
    });
    for (const fact of form.facts) {
      st.insertFormFact.run({ ...toParams(FORM_FACTS, fact), form_id: formId });
    }
  }
  // Parents are linked after all forms exist: a list may be printed before its department form.
  for (const form of doc.forms) {
    if (form.parentSeq === null) continue;
    const parent = ids.get(form.parentSeq);
    if (!parent) {
      throw new StoreError(`${where}: form ${form.seq} names parent form seq ${form.parentSeq}, which the document does not have`);
    }
    st.setFormParent.run(parent.id, ids.get(form.seq)!.id);
  }
  doc.narrative.forEach((line, i) => {
    st.insertNarrative.run({ ...toParams(NARRATIVE, line), document_id: documentId, seq: i + 1 });
  });
  doc.sideTables.forEach((table, i) => {
    st.insertSideTable.run({ ...toParams(SIDE_TABLES, table), document_id: documentId, seq: i + 1 });
  });
  return ids;
}

export function insertFindings(st: Statements, ids: DocumentRowIds, findings: readonly Finding[], where: string): void {
  for (const finding of findings) {
    const target = resolveFinding(ids, finding, where);
    st.insertFinding.run({
      ...toParams(FINDINGS, finding),
      form_id: target.formId,
      indicator_id: target.indicatorId,
      funding_id: target.fundingId,
    });
  }
}

/** The seq → id index of a stored document, for findings computed later (jixiao check --db). */
export function storedRowIds(st: Statements, documentId: number): DocumentRowIds {
  const ids: DocumentRowIds = new Map();
  const byFormId = new Map<number, FormRowIds>();
  for (const row of st.formIdsOfDocument.all(documentId) as Row[]) {
    const entry: FormRowIds = { id: row.id as number, indicators: new Map(), funding: new Map() };
    ids.set(row.seq as number, entry);
    byFormId.set(entry.id, entry);
  }
  for (const row of st.indicatorIdsOfDocument.all(documentId) as Row[]) {
    byFormId.get(row.form_id as number)?.indicators.set(row.seq as number, row.id as number);
  }
  for (const row of st.fundingIdsOfDocument.all(documentId) as Row[]) {
    byFormId.get(row.form_id as number)?.funding.set(row.seq as number, row.id as number);
  }
  return ids;
}
