/**
 * Grade bands read from a form's note (scoring-params.ts) when the note's
 * thresholds are not the national 90/80/60: a spelling the pattern fails to
 * read falls back to the defaults, which a note saying 90 and 80 cannot tell
 * apart from reading it. The 85/70 bands are the ones of the note in
 * boundaries-grades.test.ts.
 */
import { describe, expect, it } from "vitest";
import { canonicalGrade, NATIONAL_DEFAULTS, scoringParamsOf } from "../src/scoring-params.ts";

const minima = (note: string) => scoringParamsOf({ notes: [note] }).grades.map((g) => [g.grade, g.min]);

describe("grade bands whose thresholds differ from the defaults", () => {
  it("（含85分） and （含70） after the number: 85 for 优, 70 for 良", () => {
    expect(minima("85分（含85分）以上为优，70分（含70）以上为良")).toEqual([["优", 85], ["良", 70], ["差", -Infinity]]);
  });
  it("（含） after the number, with and without 分", () => {
    expect(minima("85分（含）以上为优，70（含）-85分为良，60（含）-70分为中")).toEqual([["优", 85], ["良", 70], ["中", 60], ["差", -Infinity]]);
  });
  it("the defaults are 90/80/60, so the cases above are not read by falling back to them", () => {
    expect(NATIONAL_DEFAULTS.grades.map((g) => g.min).slice(0, 2)).toEqual([90, 80]);
  });
});

describe("a grade printed in quotes", () => {
  it.each([["“优”", "优"], ["“良好”", "良"], ['"中"', "中"], ["“较差”", "差"]])("%s reads as %s", (printed, grade) => {
    expect(canonicalGrade(printed)).toBe(grade);
  });
  it("a quote inside the word is not stripped", () => {
    expect(canonicalGrade("优“”")).toBeNull();
  });
});
