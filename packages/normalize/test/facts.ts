/**
 * The facts a format must carry over unchanged: what the text-seed tests
 * check, as one comparable structure per document.
 */
import type { NormalizedDocument, Form } from "@jixiao/normalize";

export interface FormFacts {
  kind: string;
  projectName: string | null;
  fiscalYear: number | null;
  agency: string | null;
  budget: number | null;
  executed: number | null;
  totalScore: number | null;
  grade: string | null;
  indicators: string[];
}

const squash = (s: string | null) => (s === null ? null : s.replace(/\s+/g, ""));

export function formFacts(f: Form): FormFacts {
  const t = f.funding.find((l) => l.sourceKind === "total") ?? f.funding[0];
  return {
    kind: f.kind,
    projectName: squash(f.projectName),
    fiscalYear: f.fiscalYear,
    agency: squash(f.agency),
    budget: t?.budget ?? null,
    executed: t?.executed ?? null,
    totalScore: f.totalScore,
    grade: f.grade,
    indicators: f.indicators.map((i) => `${i.level1}|${squash(i.name)}|${squash(i.targetText)}|${squash(i.actualText)}|${i.weight}|${i.score}`),
  };
}

export function documentFacts(doc: NormalizedDocument): FormFacts[] {
  return doc.forms.map(formFacts);
}
