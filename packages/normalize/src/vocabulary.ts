/**
 * A vocabulary users can extend without touching code: title patterns, label
 * and header synonyms, labels that are understood but have no column, and
 * family definitions (which parts a family's forms must print). It is read
 * from JSON (`jixiao --vocab FILE`, or `jixiao.vocab.json` beside the
 * database), validated here, and its entries are tried before the built-in
 * ones, so a user's entry wins.
 *
 * Patterns are regular expressions matched against the key form of the text:
 * spaces removed, full-width punctuation folded to half-width (（万元）→ (万元),
 * ：→ :), so a pattern is written once for every way a template prints it.
 */
import { z } from "zod";
import { FORM_KINDS, type FormKind } from "./model.ts";
import type { FormPart } from "./families.ts";
import { keyOf } from "./text-key.ts";

/** Header fields a user may map a column to (the canonical columns of indicators and funding). */
export const HEADER_FIELDS = [
  "level1", "level2", "name", "target", "adjustedTarget", "actual", "weight", "score", "reason", "scoringRule",
  "description", "unit", "valueType", "remark", "actualToDate", "forecast", "likelihood", "deviationCause",
  "source", "initialBudget", "budget", "executed", "balance", "rate", "executedToDate", "forecastExecuted",
] as const;

/** Form fields a printed label may fill. */
export const LABEL_FIELDS = [
  "projectName", "projectCode", "supervisor", "implementer", "agency", "fillDate", "moneyUnit", "fiscalYear",
  "asOfMonth", "contact", "phone", "totalScore",
] as const;

const pattern = z.string().min(1).max(500).refine((p) => {
  try {
    new RegExp(p, "u");
    return true;
  } catch {
    return false;
  }
}, { message: "expected a regular expression (JavaScript syntax)" });

export const VocabularyFile = z.object({
  /** Free text for people: what template this vocabulary is for. */
  description: z.string().optional(),
  /** A title pattern and the family it names, e.g. {"pattern": "绩效跟踪表$", "kind": "project_monitoring"}. */
  titles: z.array(z.object({ pattern, kind: z.enum(FORM_KINDS) }).strict()).default([]),
  /** A header-block label and the form field it fills, e.g. {"pattern": "^项目承办单位$", "field": "implementer"}. */
  labels: z.array(z.object({ pattern, field: z.enum(LABEL_FIELDS) }).strict()).default([]),
  /** A column header and the canonical column it is, e.g. {"pattern": "^本期完成值$", "field": "actualToDate"}. */
  headers: z.array(z.object({ pattern, field: z.enum(HEADER_FIELDS) }).strict()).default([]),
  /** Labels and headers that are understood but have no column (kept in form_facts/extra, not reported as unrecognised). */
  knownLabels: z.array(z.string().min(1)).default([]),
  /** Which parts a family's forms must print, e.g. {"kind": "transfer_self_eval", "required": ["funding"]}. */
  families: z.array(z.object({
    kind: z.enum(FORM_KINDS),
    required: z.array(z.enum(["funding", "indicators", "total"])),
  }).strict()).default([]),
}).strict();
export type VocabularyFile = z.infer<typeof VocabularyFile>;

/** A vocabulary ready to match with. */
export interface Vocabulary {
  titles: { re: RegExp; kind: FormKind }[];
  labels: { re: RegExp; field: (typeof LABEL_FIELDS)[number] }[];
  headers: { re: RegExp; field: (typeof HEADER_FIELDS)[number] }[];
  knownLabels: Set<string>;
  required: Map<FormKind, FormPart[]>;
  /** Identifies the vocabulary's content: stored with the documents it read, so a change re-reads them. */
  id: string;
}

export const EMPTY_VOCABULARY: Vocabulary = { titles: [], labels: [], headers: [], knownLabels: new Set(), required: new Map(), id: "" };

export class VocabularyError extends Error {}

/** Parse and compile a vocabulary file's JSON; `where` names the file in errors. */
export function compileVocabulary(json: unknown, where: string, id: string): Vocabulary {
  const parsed = VocabularyFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new VocabularyError(`${where}: ${issue.path.join(".") || "(top)"}: ${issue.message}`);
  }
  const v = parsed.data;
  return {
    titles: v.titles.map((t) => ({ re: new RegExp(t.pattern, "u"), kind: t.kind })),
    labels: v.labels.map((l) => ({ re: new RegExp(l.pattern, "u"), field: l.field })),
    headers: v.headers.map((h) => ({ re: new RegExp(h.pattern, "u"), field: h.field })),
    knownLabels: new Set(v.knownLabels.map((l) => keyOf(l).replace(/:$/, ""))),
    required: new Map(v.families.map((f) => [f.kind, f.required])),
    id,
  };
}

let active: Vocabulary = EMPTY_VOCABULARY;

/** The user vocabulary in force (normalizing is synchronous: one document at a time per thread). */
export function activeVocabulary(): Vocabulary {
  return active;
}

/** Run fn with a user vocabulary in force. */
export function withVocabulary<T>(vocabulary: Vocabulary | undefined, fn: () => T): T {
  const before = active;
  active = vocabulary ?? EMPTY_VOCABULARY;
  try {
    return fn();
  } finally {
    active = before;
  }
}
