/**
 * The real published forms of fixtures/real, every fixture × every rendered format
 * present, measured against their hand-written expectations (real-forms.ts).
 *
 * - A negative fixture (a budget/final-accounts publication, `forms: []`) must yield
 *   no form at all in any format.
 * - Each family's accuracy (fields right / fields expected; forms found with the right
 *   kind / expected + phantom) must not fall below real-forms-thresholds.json: the
 *   accuracy measured when it was last raised, rounded down to 2 decimals. Raise it
 *   as the normalizer improves (`scripts/real-forms-score.ts --write-thresholds`).
 *   A family with no threshold yet is measured but not held to anything.
 * - The findings each real form really contains (its expectation's `findings`) are
 *   found in every format that keeps the table's structure (PDF, DOCX, XLSX, XLS,
 *   text copied from a web page), and a form that contains none raises no error or
 *   warning there. pdftotext's text is held only to the field thresholds.
 * - A format of FLOOR_FORMATS (pdftotext -layout of the Chromium PDFs) is kept out of the
 *   families' thresholds and held to its own floor over all fixtures (real-forms-format-floors.json).
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { FLOOR_FORMATS, familyTotals, formatTotals, listRealFixtures, measureAll, ratio, readExpectation, renderedFormats, type FamilyTotals, type RealFormResult } from "./real-forms.ts";

/** Findings a real form contains that the rules do not raise yet, as `ID form N rule` (none today). */
const KNOWN_FINDING_MISSES: string[] = [];
const STRUCTURED_FORMATS = new Set(["pdf/lo", "pdf/chromium", "docx", "xlsx", "xls", "text/web"]);

type Thresholds = Record<string, { fields: number; forms: number }>;
const THRESHOLDS = JSON.parse(readFileSync(new URL("./real-forms-thresholds.json", import.meta.url), "utf8")) as Thresholds;
/** Formats held to a floor of their own, not to the families' thresholds (real-forms.ts's FLOOR_FORMATS). */
const FORMAT_FLOORS = JSON.parse(readFileSync(new URL("./real-forms-format-floors.json", import.meta.url), "utf8")) as Thresholds;

const ids = listRealFixtures();
const negatives = ids.filter((id) => readExpectation(id).forms.length === 0);

let results: RealFormResult[] = [];
let families = new Map<string, FamilyTotals>();

beforeAll(async () => {
  results = await measureAll();
  families = new Map(familyTotals(results.filter((r) => !FLOOR_FORMATS.has(r.format))).map((f) => [f.family, f]));
}, 180_000);

describe("real published forms", () => {
  it("has fixtures rendered to measure", () => {
    expect(ids.length, "fixtures/real/expect/*.json with their html").toBeGreaterThan(0);
    const unrendered = ids.filter((id) => renderedFormats(id).length === 0);
    expect(unrendered, "fixtures with no render at all: run scripts/fixtures/render-real.sh").toEqual([]);
  });

  it.each(negatives.length ? negatives : ["(none)"])("negative fixture %s yields no form in any format", (id) => {
    const phantoms = results
      .filter((r) => r.id === id && r.forms.phantom > 0)
      .map((r) => `${r.format}: ${r.phantoms.map((p) => `${p.kind} ${p.projectName ?? ""}`.trim()).join("; ")}`);
    expect(phantoms).toEqual([]);
  });

  it.each(Object.keys(THRESHOLDS))("family %s stays at or above its threshold", (family) => {
    const t = THRESHOLDS[family]!;
    const f = families.get(family);
    expect(f, `a threshold for ${family} but no fixture of that family was measured`).toBeDefined();
    const measured = { fields: ratio(f!.fields), forms: ratio(f!.forms) };
    const where = `${family}: fields ${f!.fields.right}/${f!.fields.total}, forms ${f!.forms.right}/${f!.forms.total}`;
    expect(measured.fields, `${where} (scripts/real-forms-score.ts --details shows the mismatches)`).toBeGreaterThanOrEqual(t.fields);
    expect(measured.forms, `${where}`).toBeGreaterThanOrEqual(t.forms);
  });

  it.each([...FLOOR_FORMATS])("format %s stays at or above its floor", (format) => {
    const floor = FORMAT_FLOORS[format];
    expect(floor, `a floor for ${format} in real-forms-format-floors.json`).toBeDefined();
    expect(results.filter((r) => r.format === format).length, `${format} renders measured`).toBeGreaterThan(0);
    const { fields, forms } = formatTotals(results, format);
    const where = `${format}: fields ${fields.right}/${fields.total}, forms ${forms.right}/${forms.total}`;
    expect(ratio(fields), where).toBeGreaterThanOrEqual(floor!.fields);
    expect(ratio(forms), where).toBeGreaterThanOrEqual(floor!.forms);
  });

  it("finds the findings the real forms contain, and raises no false alarm, in every structured format", () => {
    const structured = results.filter((r) => STRUCTURED_FORMATS.has(r.format));
    expect(structured.length, "structured renders measured").toBeGreaterThan(0);
    const missed = structured.flatMap((r) => r.findings.missed.map((m) => `${r.id} form ${m.form} ${m.rule}`));
    const unexpected = structured.flatMap((r) => r.findings.missed.filter((m) => !KNOWN_FINDING_MISSES.includes(`${r.id} form ${m.form} ${m.rule}`)).map((m) => `${r.format} ${r.id} form ${m.form} ${m.rule}`));
    expect(unexpected, "expected findings not raised (--details shows them)").toEqual([]);
    const alarms = structured.flatMap((r) => r.findings.alarms.map((a) => `${r.format} ${r.id} ${a}`));
    expect(alarms, "errors/warnings of a rule the form's expectation does not list").toEqual([]);
    const fixed = KNOWN_FINDING_MISSES.filter((k) => !missed.includes(k));
    expect(fixed, "known misses now found: remove them from KNOWN_FINDING_MISSES").toEqual([]);
  });
});
