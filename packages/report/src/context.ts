/**
 * What every rule gets: the document, each form's scoring parameters, and the
 * helpers that make a finding point at a place a reader can find — 第N页 when
 * the source has pages, else 第N行 of the extracted text.
 */
import type { Finding, Form, FundingLine, Indicator, NormalizedDocument, PageUnit, Severity } from "@jixiao/normalize";
import { scoringParamsOf, type ScoringParams } from "./scoring-params.ts";

export interface Place {
  page: number | null;
  line: number | null;
}

export interface DocumentContext {
  doc: NormalizedDocument;
  /** Scoring parameters by form seq. */
  params: Map<number, ScoringParams>;
  /** True when the source has real pages (more than one): then pages, not lines, locate rows. */
  paged: boolean;
  /** 页 for printed pages; a workbook's "pages" are its sheets (第2张工作表). */
  pageUnit: PageUnit;
}

/** 第3页, or 第3张工作表 in a workbook; a range when `to` differs. */
export function pageText(unit: PageUnit, from: number, to: number | null = null): string {
  const n = to !== null && to !== from ? `${from}–${to}` : `${from}`;
  return unit === "sheet" ? `第${n}张工作表` : `第${n}页`;
}

export function documentContext(doc: NormalizedDocument): DocumentContext {
  const pages = [
    ...doc.forms.flatMap((f) => [f.pageFrom, f.pageTo, ...f.funding.map((l) => l.page), ...f.indicators.map((i) => i.page)]),
    ...doc.narrative.map((n) => n.page),
    ...doc.sideTables.map((t) => t.page),
  ];
  return {
    doc,
    params: new Map(doc.forms.map((f) => [f.seq, scoringParamsOf(f)])),
    paged: pages.some((p) => p !== null && p > 1),
    pageUnit: doc.pageUnit ?? "page",
  };
}

export function paramsOf(ctx: DocumentContext, form: Form): ScoringParams {
  return ctx.params.get(form.seq)!;
}

/** 第12页 / 第232行 / 第212–244行, or null when nothing locates the place. */
export function whereText(ctx: DocumentContext, place: Place): string | null {
  if (ctx.paged && place.page !== null) return pageText(ctx.pageUnit, place.page);
  if (place.line !== null) return `第${place.line}行`;
  if (place.page !== null) return pageText(ctx.pageUnit, place.page);
  return null;
}

/** Where the form as a whole sits. */
export function formWhere(ctx: DocumentContext, form: Form): string | null {
  if (ctx.paged && form.pageFrom !== null) return pageText(ctx.pageUnit, form.pageFrom, form.pageTo);
  if (form.lineFrom !== null) {
    return form.lineTo !== null && form.lineTo !== form.lineFrom ? `第${form.lineFrom}–${form.lineTo}行` : `第${form.lineFrom}行`;
  }
  return form.pageFrom !== null ? pageText(ctx.pageUnit, form.pageFrom) : null;
}

/** The name a finance officer knows the form by: the project, else the agency's whole-department form. */
export function formLabel(form: Form): string {
  if (form.projectName) return form.projectName;
  const what = WHOLE_FORM_NAMES[form.kind] ?? "部门整体支出绩效自评表";
  return form.agency ? `${form.agency}${what}` : (form.title ?? what);
}

/** What a form without a project name is called after its agency. */
const WHOLE_FORM_NAMES: Partial<Record<Form["kind"], string>> = {
  department_targets: "整体支出绩效目标表",
  department_self_eval: "部门整体支出绩效自评表",
  department_monitoring: "部门整体绩效监控表",
  project_monitoring: "绩效目标执行监控表",
  transfer_self_eval: "转移支付绩效自评表",
  transfer_targets: "转移支付绩效目标表",
  evaluation_scorecard: "绩效评价指标体系评分表",
};

/** "（第232行，城乡居民基本医疗保险）" — the tail of every message. */
export function tail(where: string | null, ...labels: (string | null | undefined)[]): string {
  const parts = [where, ...labels].filter((p): p is string => !!p);
  return parts.length > 0 ? `（${parts.join("，")}）` : "";
}

export interface FindingInput {
  form: Form;
  indicator?: Indicator | null;
  funding?: FundingLine | null;
  rule: string;
  severity: Severity;
  message: string;
  expected?: number | null;
  observed?: number | null;
  page?: number | null;
  params?: Record<string, unknown> | null;
  /**
   * The rows whose numbers the finding rests on, when more than its own row
   * (a total against every score it sums). Not stored: check.ts reads it to
   * weigh the finding by the rows' OCR confidence.
   */
  inputs?: readonly (Indicator | FundingLine)[];
}

/** The rows each finding rests on (see FindingInput.inputs); its own row by default. */
const findingInputs = new WeakMap<Finding, readonly (Indicator | FundingLine)[]>();

export function inputsOf(f: Finding): readonly (Indicator | FundingLine)[] {
  return findingInputs.get(f) ?? [];
}

/** A finding, with its page defaulting to its row's page, then the form's. */
export function finding(input: FindingInput): Finding {
  const row = input.indicator ?? input.funding ?? null;
  const made: Finding = {
    formSeq: input.form.seq,
    indicatorSeq: input.indicator?.seq ?? null,
    fundingSeq: input.funding?.seq ?? null,
    rule: input.rule,
    severity: input.severity,
    message: input.message,
    expected: finiteOrNull(input.expected),
    observed: finiteOrNull(input.observed),
    page: input.page ?? row?.page ?? input.form.pageFrom ?? null,
    params: input.params ?? null,
  };
  const inputs = [...(row ? [row] : []), ...(input.inputs ?? []).filter((r) => r !== row)];
  if (inputs.length > 0) findingInputs.set(made, inputs);
  return made;
}

function finiteOrNull(x: number | null | undefined): number | null {
  return x !== undefined && x !== null && Number.isFinite(x) ? x : null;
}

/** The parameters a finding records: the values used, and whether the form's note or the national default set them. */
export function paramsRecord(params: ScoringParams, key: string, used: Record<string, unknown>): Record<string, unknown> {
  return { source: params.fromNote.includes(key) ? "form_note" : "national_default", ...used };
}
