/**
 * grade_mismatch: the whole finding (message, page, the bands it records), on
 * 宁夏's 初中公用经费 self-evaluation (fixtures/real/expect/ningxia-2021-project-self-eval.json,
 * total 98) with a grade printed against it; a form printed over two pages.
 */
import { describe, expect, it } from "vitest";
import { findingsOf, form } from "./forms.ts";

const PROJECT = "初中公用经费";
const NATIONAL_BANDS = [{ grade: "优", min: 90 }, { grade: "良", min: 80 }, { grade: "中", min: 60 }, { grade: "差", min: null }];

const graded = (grade: string, pageTo: number | null = 1) =>
  findingsOf(form(1, { kind: "project_self_eval", projectName: PROJECT, totalScore: 98, grade, pageFrom: 1, pageTo }), "grade_mismatch");

describe("宁夏's 98 points", () => {
  it("printed 优 (or 优秀) raises nothing", () => {
    expect(graded("优")).toEqual([]);
    expect(graded("优秀")).toEqual([]);
  });

  it("printed 良 is flagged, the finding spelled out in full", () => {
    expect(graded("良")).toEqual([
      {
        formSeq: 1,
        indicatorSeq: null,
        fundingSeq: null,
        rule: "grade_mismatch",
        severity: "error",
        message: `绩效结论为“良”，但总分98分按90分（含）以上为优应为“优”（第1页，${PROJECT}）`,
        expected: null,
        observed: 98,
        page: 1,
        params: { source: "national_default", printed: "良", expectedGrade: "优", bands: NATIONAL_BANDS },
      },
    ]);
  });

  it("a form printed over pages 1–2 points at page 2, where its grade is printed", () => {
    const [f] = graded("良好", 2);
    expect(f!.page).toBe(2);
    expect(f!.message).toBe(`绩效结论为“良好”，但总分98分按90分（含）以上为优应为“优”（第1–2页，${PROJECT}）`);
    expect(f!.params).toMatchObject({ printed: "良好", expectedGrade: "优" });
  });

  it("a form whose last page is unknown points at its first", () => {
    expect(graded("中", null)[0]!.page).toBe(1);
  });
});
