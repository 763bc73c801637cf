/**
 * A database whose every document-borne text is an attack on some output
 * (payloads.ts): markup in project names, agencies, indicator names and
 * money-unit reasons (which the findings' messages quote) and in a file path;
 * control characters in another project name; formula prefixes in project
 * names. Built from the 黔南 seed, so the findings are the rules' own.
 */
import { join } from "node:path";
import type { Indicator, NormalizedDocument } from "@jixiao/normalize";
import { openStore } from "@jixiao/store";
import { checkDocument } from "../src/index.ts";
import { CONTROL_PROJECT, FORMULA_PROJECTS, MARKUP_AGENCY, MARKUP_INDICATOR, MARKUP_PATH, MARKUP_PROJECT, MARKUP_REASON } from "./payloads.ts";
import { check, SEEDS, seedText } from "./pipeline.ts";
import { documentMeta } from "./seed-db.ts";

export function buildHostileDatabase(dir: string): string {
  const file = join(dir, "hostile.sqlite");
  const text = seedText("qiannan");
  const { doc, findings } = check(text, SEEDS.qiannan);
  // The payloads go where findings will quote them: project names of forms with findings, and an
  // indicator made to score above its weight, which score_exceeds_weight names.
  const flagged = [...new Set(findings.map((f) => f.formSeq))];
  const names = new Map([MARKUP_PROJECT, CONTROL_PROJECT, ...FORMULA_PROJECTS].map((name, i) => [flagged[i]!, name]));
  const overScored = (ind: Indicator) => ({ ...ind, name: MARKUP_INDICATOR, score: ind.weight! + 1 });
  const copy: NormalizedDocument = {
    ...doc,
    forms: doc.forms.map((f) => ({
      ...f,
      agency: MARKUP_AGENCY,
      projectName: names.get(f.seq) ?? f.projectName,
      moneyUnitReason: f.moneyUnitReason === null ? null : MARKUP_REASON,
      indicators: f.indicators.map((ind, i) => (f.seq === flagged[0] && i === 0 && ind.weight !== null ? overScored(ind) : ind)),
    })),
  };
  const store = openStore(file);
  try {
    store.saveDocument(documentMeta(MARKUP_PATH, text), copy, checkDocument(copy), "report-test");
  } finally {
    store.close();
  }
  return file;
}
