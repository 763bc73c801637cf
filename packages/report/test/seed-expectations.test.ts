/**
 * Every expectation about findings in ../shared/seeds/README.md, on the seed
 * fixtures through the real pipeline — including what must NOT be raised, and
 * that no other error is raised on them — in every format the fixtures exist
 * in: the extracted text, DOCX, XLSX, XLS, and PDF rendered by LibreOffice and by Chromium.
 */
import { describe, expect, it } from "vitest";
import { narrativeFigures, narrativeSentences } from "../src/narrative-figures.ts";
import { checkedSeedFile, findingsFor, formOf, SEED_FORMATS, SEEDS, type Checked, type Seed, type SeedFormat } from "./pipeline.ts";

const loaded = new Map<string, Checked>();
for (const format of Object.keys(SEED_FORMATS) as SeedFormat[]) {
  for (const seed of Object.keys(SEEDS) as Seed[]) loaded.set(`${format}/${seed}`, await checkedSeedFile(seed, format));
}

const QN = {
  service: "医疗服务与保障能力提升补助资金",
  residents: "城乡居民基本医疗保险",
  network: "乡镇经办医保专线网络使用费",
  publicity: "医保政策宣传经费",
  inspection: "医疗保障工作督查经费（州本级）",
} as const;
/** The four forms that declare 元 while their amounts and cost indicators are 万元. */
const QN_YUAN_DECLARED = ["医疗保障工作督查经费（州本级）", "定点医疗机构督查经费", "医疗保障综合事务相关工作经费", "都匀市医疗保障工作经费"];

for (const format of Object.keys(SEED_FORMATS) as SeedFormat[]) {
  describe(`${format}: qiannan-2023-project-selfeval (16 project forms)`, () => {
    const c = loaded.get(`${format}/qiannan`)!;

    it("医疗服务与保障能力提升补助资金: 产出指标(60分) over weights adding to 50 → level1_weight_mismatch", () => {
      const [f] = findingsFor(c, "level1_weight_mismatch", QN.service);
      expect(f).toBeDefined();
      expect([f!.expected, f!.observed]).toEqual([60, 50]);
      expect(f!.message).toContain("产出指标");
    });

    it("医疗服务与保障能力提升补助资金: execution score 8 for 181.82/228 × 10 = 7.97 agrees and is NOT flagged", () => {
      const line = formOf(c.doc, QN.service).funding.find((l) => l.sourceKind === "total")!;
      expect([line.budget, line.executed, line.score]).toEqual([228, 181.82, 8]);
      expect(findingsFor(c, "execution_score_mismatch", QN.service)).toEqual([]);
      expect(findingsFor(c, "execution_rate_mismatch", QN.service)).toEqual([]);
      expect(findingsFor(c, "total_score_mismatch", QN.service)).toEqual([]);
    });

    it("城乡居民基本医疗保险: total 99.8 is not 9.85 + 84 = 93.85, weights add to 94, 产出 44 against 50", () => {
      const [total] = findingsFor(c, "total_score_mismatch", QN.residents);
      expect(total).toMatchObject({ severity: "error", observed: 99.8 });
      expect(total!.expected).toBeCloseTo(93.85, 9);
      expect(total!.message).toMatch(/总分99\.8与各项得分之和93\.85不一致（第\d+(–\d+)?[行页]，城乡居民基本医疗保险）/);
      const [weights] = findingsFor(c, "weights_not_100", QN.residents);
      expect([weights!.expected, weights!.observed]).toEqual([100, 94]);
      const [level1] = findingsFor(c, "level1_weight_mismatch", QN.residents);
      expect([level1!.expected, level1!.observed]).toEqual([50, 44]);
    });

    it("乡镇经办医保专线网络使用费 and 医保政策宣传经费: execution item weighted 0, weights add to 90 → weights_not_100", () => {
      for (const p of [QN.network, QN.publicity]) {
        const found = findingsFor(c, "weights_not_100", p);
        expect(found, p).toHaveLength(1);
        expect([found[0]!.expected, found[0]!.observed]).toEqual([100, 90]);
      }
    });

    it("医疗保障工作督查经费（州本级）: A = B = 15 with 执行率 0 and 得分 0 → execution_rate_mismatch, execution_score_mismatch", () => {
      const [rate] = findingsFor(c, "execution_rate_mismatch", QN.inspection);
      expect(rate).toMatchObject({ severity: "error", expected: 1, observed: 0 });
      const [score] = findingsFor(c, "execution_score_mismatch", QN.inspection);
      expect(score).toMatchObject({ severity: "error", expected: 10, observed: 0 });
      expect(score!.message).toContain("应为10分");
    });

    it("医疗保障工作督查经费（州本级）: 财政拨款 executed 0 while the total says 15 → funding_identity", () => {
      const fiscal = formOf(c.doc, QN.inspection).funding.find((l) => l.sourceKind === "fiscal");
      expect(fiscal?.executed).toBe(0);
      const found = findingsFor(c, "funding_identity", QN.inspection);
      expect(found.some((f) => f.observed === 15 || f.expected === 15)).toBe(true);
    });

    it("the four forms declaring 元 over 万元 amounts → money_unit_suspect, amounts stored as 万元", () => {
      for (const p of QN_YUAN_DECLARED) {
        const form = formOf(c.doc, p);
        expect([form.moneyUnit, form.moneyUnitEffective], p).toEqual(["元", "万元"]);
        const total = form.funding.find((l) => l.sourceKind === "total")!;
        expect(total.budgetYuan, p).toBe(total.budget! * 10_000);
        expect(findingsFor(c, "money_unit_suspect", p), p).toHaveLength(1);
      }
      expect(findingsFor(c, "money_unit_suspect")).toHaveLength(4);
    });

    it("州本级 forms printing 财政拨款 0 while 本级安排 carries the money → funding_identity", () => {
      const flagged = c.doc.forms.filter((f) => {
        const fiscal = f.funding.find((l) => l.sourceKind === "fiscal");
        const local = f.funding.find((l) => l.sourceKind === "local");
        return fiscal?.budget === 0 && (local?.budget ?? 0) > 0;
      });
      expect(flagged.length).toBeGreaterThanOrEqual(5);
      for (const form of flagged) expect(findingsFor(c, "funding_identity", form.seq), form.projectName!).toHaveLength(1);
    });

    it("all other totals, rates and execution scores agree after rounding", () => {
      const errors = c.findings.filter((f) => f.severity === "error");
      const where = (f: (typeof errors)[number]) => `${c.doc.forms[f.formSeq - 1]!.projectName}:${f.rule}`;
      expect(errors.map(where).sort()).toEqual(
        [`${QN.residents}:total_score_mismatch`, `${QN.inspection}:execution_rate_mismatch`, `${QN.inspection}:execution_score_mismatch`].sort(),
      );
    });
  });

  describe(`${format}: gaoyi-2021-department-selfeval-report (department form + 19-project list)`, () => {
    const c = loaded.get(`${format}/gaoyi`)!;
    const dept = c.doc.forms.find((f) => f.kind === "department_self_eval")!;

    it("the department form is consistent: no score findings", () => {
      expect(dept.totalScore).toBe(97);
      const scoreRules = ["total_score_mismatch", "weights_not_100", "level1_weight_mismatch", "score_exceeds_weight", "grade_mismatch", "indicator_score_formula", "qualitative_band"];
      expect(c.findings.filter((f) => f.formSeq === dept.seq && scoreRules.includes(f.rule))).toEqual([]);
    });

    it("three items below their weight are explained by the form's own deviation row: not missing_reason", () => {
      const below = dept.indicators.filter((i) => i.score !== null && i.weight !== null && i.score < i.weight);
      expect(below.map((i) => `${i.name} ${i.score}/${i.weight}`)).toEqual(["完成时间 4.5/5", "部门整体效益 8/9", "社会公众满意度 4.5/6"]);
      expect(dept.deviation).toContain("满意度较低");
      expect(findingsFor(c, "missing_reason")).toEqual([]);
    });

    it("19 projects adding to 3528.45 against 项目支出 3528.46 in the narrative: within rounding, not a finding", () => {
      const projects = c.doc.forms.filter((f) => f.kind === "project_list" && f.parentSeq === dept.seq);
      expect(projects).toHaveLength(19);
      const sum = projects.reduce((s, p) => s + p.funding[0]!.budget!, 0);
      expect(sum).toBeCloseTo(3528.45, 6);
      expect(findingsFor(c, "department_total_mismatch")).toEqual([]);
    });

    it("the narrative's 本年支出…项目支出 3528.46万元 is read and compared", () => {
      const stated = narrativeSentences(c.doc.narrative)
        .flatMap((n) => narrativeFigures(n.text))
        .filter((f) => f.kind === "projectSpending" && f.basis === "actual");
      expect(stated.map((f) => f.value)).toEqual([3528.46]);
    });

    it("raises nothing at all (but the labels the normalizer could not map, listed as they are)", () => {
      // unrecognized_label reports the normalizer's own list of unmapped labels (info), not a consistency finding.
      expect(c.findings.filter((f) => f.rule !== "unrecognized_label")).toEqual([]);
      const listed = c.doc.forms.flatMap((f) => f.unrecognizedLabels.map((l) => `${f.seq}:未识别的标签：${l}`));
      expect(findingsFor(c, "unrecognized_label").map((f) => `${f.formSeq}:${f.message}`)).toEqual(listed);
    });
  });

  describe(`${format}: hengyang-2023-targets (5 project target forms + whole-unit form)`, () => {
    const c = loaded.get(`${format}/hengyang`)!;

    it("50 + 10 + 10 + 12 + 18 = 100.00 matches 项目支出 100.00, and 1,326.26 + 100.00 = 1,426.26: no findings", () => {
      const projects = c.doc.forms.filter((f) => f.kind === "project_targets");
      expect(projects.map((p) => p.funding[0]!.budget)).toEqual([50, 10, 10, 12, 18]);
      const unit = c.doc.forms.find((f) => f.kind === "department_targets")!;
      expect(unit.funding.find((l) => l.source.includes("项目支出"))?.budget).toBe(100);
      expect(c.findings).toEqual([]);
    });
  });

  describe(`${format}: xinzhou-2022-selfeval-report-annex1 (one project, report + 自评表)`, () => {
    const c = loaded.get(`${format}/xinzhou`)!;

    it("86,500 / 62,502.5 元 in the report's table agree with 8.65 / 6.25 万元; rate 72.26%, score 7.23, total 95.23 (优) agree", () => {
      expect(c.doc.sideTables).toHaveLength(1);
      const bad = ["cross_table_mismatch", "money_unit_suspect", "execution_rate_mismatch", "execution_score_mismatch", "total_score_mismatch", "grade_mismatch", "weights_not_100"];
      expect(c.findings.filter((f) => bad.includes(f.rule))).toEqual([]);
    });

    it("the narrative's 实际执行2.4万元 is the balance, not the execution → narrative_mismatch", () => {
      const saysExecuted = narrativeSentences(c.doc.narrative).some((n) => narrativeFigures(n.text).some((f) => f.kind === "executed" && f.value === 2.4));
      expect(saysExecuted).toBe(true);
      const found = findingsFor(c, "narrative_mismatch");
      expect(found.length).toBeGreaterThanOrEqual(1);
      expect(found[0]).toMatchObject({ observed: 2.4, expected: 6.25, severity: "warning" });
      expect(found[0]!.message).toContain("结余");
      expect(found[0]!.message).toMatch(/第\d+(行|页|张工作表)/);
    });

    it("raises no error", () => {
      expect(c.findings.filter((f) => f.severity === "error")).toEqual([]);
    });
  });
}

describe("every format of 黔南 finds what its extracted text finds", () => {
  const pairs = (c: Checked) => c.findings.map((f) => `${c.doc.forms[f.formSeq - 1]!.projectName}:${f.rule}:${f.severity}`).sort();
  const text = pairs(loaded.get("txt/qiannan")!);
  for (const format of Object.keys(SEED_FORMATS).filter((f) => f !== "txt") as SeedFormat[]) {
    it(`${format}: the same findings on the same forms`, () => {
      expect(text.length).toBeGreaterThan(15);
      expect(pairs(loaded.get(`${format}/qiannan`)!)).toEqual(text);
    });
  }
});
