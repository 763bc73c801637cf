/**
 * department_total_mismatch on two real departments:
 * - 高邑县医疗保障局 2021: 19 projects in its 分项绩效项目清单 adding to 3528.45
 *   万元, its narrative's 本年支出…项目支出3528.46万元 (the year's spending) and
 *   预算支出…项目支出2774.95万元 (the initial budget, a column the list does not
 *   print). 19 + 1 half-cents of tolerance: 3528.46 agrees, 336 → 337 does not.
 * - 衡阳市医疗保障局 2023 targets: 项目支出 100.00 of 1,426.26, five
 *   项目支出绩效目标表 of 50 + 10 + 10 + 12 + 18.
 * Which projects count (the department's own list; the target forms only for a
 * target department without one), which references (项目支出 lines, the one
 * department's narrative), which column, in which unit — and what each finding
 * cites.
 */
import type { Form, NarrativeLine, NormalizedDocument } from "@jixiao/normalize";
import { describe, expect, it } from "vitest";
import { documentContext } from "../src/context.ts";
import { departmentTotalMismatch } from "../src/rules/department_total_mismatch.ts";
import { form } from "./forms.ts";

const run = (forms: Form[], narrative: NarrativeLine[] = []) => {
  const doc: NormalizedDocument = { forms, narrative, sideTables: [], warnings: [] };
  return departmentTotalMismatch.check(documentContext(doc));
};

const GAOYI = "高邑县医疗保障局部门整体支出绩效自评表";
/** 高邑's 分项绩效项目清单: 预算数(调整后) = 执行数, 万元. */
const GAOYI_PROJECTS: [string, number][] = [
  ["医疗救助补助资金", 336], ["公费医疗", 200.61], ["县级财政补助居民医保资金", 1936.83], ["提高医疗救助资金", 8.98],
  ["2020年医疗救助补助资金", 277.84], ["代办员筹资补助资金", 10], ["结转办公经费", 13.88], ["办公经费", 11.6],
  ["办公区运转经费", 34.99], ["基金监管费", 15], ["网络运行升级维护费", 6], ["搬迁经费", 97.35], ["政策法规培训费", 10],
  ["筹资工作经费", 5], ["居民、职工医保基金征缴政策宣传费", 7], ["上解疫苗费", 334.68], ["医疗保障服务能力提升补助资金", 4.2],
  ["县财政补贴低保、五保等贫困人口资金", 215.49], ["省级财政村级医保代办员补助资金", 3],
];
const SPENT = "本单位2021年度年初结转和结余291.72万元，本年度收入3394.83万元，总计3686.55万元，本年支出3686.23万元，其中基本支出158.08万元，项目支出3528.46万元。";
const BUDGETED = "本单位2021年度预算收入2958.92万元，预算支出2958.92万元，其中基本支出183.97万元，项目支出2774.95万元。";
const narrative = (...texts: string[]): NarrativeLine[] => texts.map((text, i) => ({ page: 2, line: 49 + 4 * i, text }));

interface Dept {
  seq?: number;
  kind?: Form["kind"];
  projectSpending?: { budget?: number | null; executed?: number | null; page?: number | null };
  moneyUnit?: Form["moneyUnit"];
  moneyUnitEffective?: Form["moneyUnitEffective"];
}

/** 高邑's department form on pages 10–12, with its 年度资金总额, 基本支出 and 项目支出 lines. */
function department({ seq = 1, kind = "department_self_eval", projectSpending = {}, moneyUnit = "万元", moneyUnitEffective = moneyUnit }: Dept = {}): Form {
  const yuan = (moneyUnitEffective ?? "万元") === "元" ? 10_000 : 1;
  return form(seq, {
    kind, agency: "高邑县医疗保障局", pageFrom: 10, pageTo: 12, moneyUnit, moneyUnitEffective,
    funding: [
      { source: "年度资金总额", budget: 3686.23 * yuan, executed: 3686.23 * yuan, page: 10 },
      { source: "基本支出", budget: 158.08 * yuan, executed: 158.08 * yuan, page: 10 },
      { source: "项目支出", budget: 3528.46 * yuan, executed: 3528.46 * yuan, page: 11, ...projectSpending },
    ],
  });
}

interface List {
  parent?: number;
  first?: number;
  change?: Partial<Record<string, { budget?: number | null; executed?: number | null; moneyUnit?: Form["moneyUnit"]; moneyUnitEffective?: Form["moneyUnitEffective"] }>>;
  kind?: Form["kind"];
}

/** The 19 rows of the list as project_list forms (page 13) of department `parent`. */
function projects({ parent = 1, first = 2, change = {}, kind = "project_list" }: List = {}): Form[] {
  return GAOYI_PROJECTS.map(([name, amount], i) => {
    const { budget = amount, executed = amount, ...units } = change[name] ?? {};
    return form(first + i, { kind, parentSeq: parent, projectName: name, pageFrom: 13, pageTo: 13, ...units, funding: [{ source: "年度资金总额", budget, executed, page: 13 }] });
  });
}

describe("department_total_mismatch: 高邑's list against its 项目支出", () => {
  it("3528.45 for 19 projects agrees with 3528.46 in the table and in the narrative; the 预算支出 sentence names a column the list lacks", () => {
    expect(run([department(), ...projects()], narrative(BUDGETED, SPENT))).toEqual([]);
  });
  it("one project 336 → 337: the table's budget and spending and the narrative's spending each disagree", () => {
    const found = run([department(), ...projects({ change: { 医疗救助补助资金: { budget: 337, executed: 337 } } })], narrative(BUDGETED, SPENT));
    expect(found.map((f) => [f.expected, f.page, f.params?.column])).toEqual([
      [3528.46, 11, "budget"],
      [3528.46, 11, "executed"],
      [3528.46, 2, "executed"],
    ]);
    for (const f of found) {
      expect(f).toMatchObject({ rule: "department_total_mismatch", severity: "warning", formSeq: 1, indicatorSeq: null, fundingSeq: null });
      expect(f.observed).toBeCloseTo(3529.45, 9);
      expect(f.params).toEqual({ projects: 19, column: f.params?.column, tolerance: expect.closeTo(0.1, 12) });
    }
    expect(found.map((f) => f.message)).toEqual([
      `分项项目19个的全年预算数合计3529.45万元，与表中项目支出全年预算数3528.46万元不一致（第11页，${GAOYI}）`,
      `分项项目19个的全年执行数合计3529.45万元，与表中项目支出全年执行数3528.46万元不一致（第11页，${GAOYI}）`,
      `分项项目19个的全年执行数合计3529.45万元，与文字部分“项目支出3528.46万元”不一致（第2页，${GAOYI}）`,
    ]);
  });
  it("a cent per project is within the tolerance of 20 half-cents: 3528.55 agrees, 3528.57 does not", () => {
    const table = (budget: number) => run([department({ projectSpending: { budget, executed: null } }), ...projects()]);
    expect(table(3528.55)).toEqual([]);
    expect(table(3528.35)).toEqual([]);
    expect(table(3528.57).map((f) => f.expected)).toEqual([3528.57]);
    expect(table(3528.33).map((f) => f.expected)).toEqual([3528.33]);
  });
  it("the year's spending is compared with the list's spending, not its budgets (结转办公经费 12.88 spent of 13.88)", () => {
    const found = run([department({ projectSpending: { executed: null } }), ...projects({ change: { 结转办公经费: { executed: 12.88 } } })], narrative(SPENT));
    expect(found.map((f) => [f.params?.column, f.page])).toEqual([["executed", 2]]);
    expect(found[0]!.observed).toBeCloseTo(3527.45, 9);
    expect(found[0]!.message).toBe(`分项项目19个的全年执行数合计3527.45万元，与文字部分“项目支出3528.46万元”不一致（第2页，${GAOYI}）`);
  });
  it("a list printing budgets only: the spending is compared with them (and so agrees, or not)", () => {
    const noSpending = Object.fromEntries(GAOYI_PROJECTS.map(([name]) => [name, { executed: null }]));
    expect(run([department(), ...projects({ change: noSpending })], narrative(SPENT))).toEqual([]);
    const found = run([department({ projectSpending: { budget: null, executed: 3538.46 } }), ...projects({ change: noSpending })]);
    expect(found.map((f) => [f.expected, f.params?.column])).toEqual([[3538.46, "budget"]]);
    expect(found[0]!.message).toBe(`分项项目19个的全年预算数合计3528.45万元，与表中项目支出全年执行数3538.46万元不一致（第11页，${GAOYI}）`);
  });
  it("the narrative's 预算支出 figure is the initial budget: compared when the list prints 年初预算数", () => {
    const withInitial = projects().map((p) => ({ ...p, funding: p.funding.map((l) => ({ ...l, initialBudget: l.budget })) }));
    const found = run([department(), ...withInitial], narrative(BUDGETED));
    expect(found.map((f) => [f.expected, f.params?.column])).toEqual([[2774.95, "initialBudget"]]);
    expect(found[0]!.message).toBe(`分项项目19个的年初预算数合计3528.45万元，与文字部分“项目支出2774.95万元”不一致（第2页，${GAOYI}）`);
  });
  it("a narrative figure that is no 项目支出 (年初预算) is not a reference", () => {
    expect(run([department(), ...projects()], narrative("2021年年初预算3000万元。"))).toEqual([]);
  });
  it("a project list without one project's amount is not summed", () => {
    expect(run([department({ projectSpending: { budget: 3000, executed: 3000 } }), ...projects({ change: { 公费医疗: { budget: null, executed: null } } })])).toEqual([]);
  });
  it("a 项目支出 line without a page or line is cited at the form's pages", () => {
    const found = run([department({ projectSpending: { budget: 3000, executed: null, page: null } }), ...projects()]);
    expect(found.map((f) => f.page)).toEqual([10]);
    expect(found[0]!.message).toBe(`分项项目19个的全年预算数合计3528.45万元，与表中项目支出全年预算数3000万元不一致（第10–12页，${GAOYI}）`);
  });
});

describe("department_total_mismatch: units", () => {
  it("a project whose amounts the normalizer read as 元 (3,360,000 under a 万元 header) counts as 336 万元", () => {
    const yuan = { 医疗救助补助资金: { budget: 3_360_000, executed: 3_360_000, moneyUnit: "万元" as const, moneyUnitEffective: "元" as const } };
    expect(run([department(), ...projects({ change: yuan })])).toEqual([]);
    const wrong = { 医疗救助补助资金: { budget: 3_370_000, executed: 3_370_000, moneyUnit: "万元" as const, moneyUnitEffective: "元" as const } };
    expect(run([department({ projectSpending: { executed: null } }), ...projects({ change: wrong })]).map((f) => f.observed)).toEqual([expect.closeTo(3529.45, 9)]);
  });
  it("a department read as 元 compares in 元 (35,284,500) and says so", () => {
    expect(run([department({ moneyUnit: "万元", moneyUnitEffective: "元", projectSpending: { budget: 35_284_500, executed: 35_284_500 } }), ...projects()])).toEqual([]);
    const found = run([department({ moneyUnit: "万元", moneyUnitEffective: "元", projectSpending: { budget: 35_384_600, executed: null } }), ...projects()]);
    expect(found.map((f) => f.expected)).toEqual([35_384_600]);
    expect(found[0]!.observed).toBeCloseTo(35_284_500, 6);
    expect(found[0]!.message).toBe(`分项项目19个的全年预算数合计35284500元，与表中项目支出全年预算数35384600元不一致（第11页，${GAOYI}）`);
  });
  it("a department without any unit is taken as 万元", () => {
    const found = run([department({ moneyUnit: null, moneyUnitEffective: null, projectSpending: { budget: 3000, executed: null } }), ...projects()]);
    expect(found[0]!.message).toBe(`分项项目19个的全年预算数合计3528.45万元，与表中项目支出全年预算数3000万元不一致（第11页，${GAOYI}）`);
  });
});

describe("department_total_mismatch: which projects and which narrative", () => {
  it("only the department's own list: another department's list (parentSeq 30) is not counted, and two departments leave the narrative alone", () => {
    const other = department({ seq: 30, projectSpending: { budget: 3528.46, executed: 3528.46 } });
    const found = run([department(), ...projects({ change: { 医疗救助补助资金: { budget: 337, executed: 337 } } }), other, ...projects({ parent: 30, first: 31 })], narrative(BUDGETED, SPENT));
    expect(found.map((f) => [f.formSeq, f.params?.column, f.page])).toEqual([[1, "budget", 11], [1, "executed", 11]]);
  });
  it("a department with no list of its own has nothing to compare", () => {
    expect(run([department({ projectSpending: { budget: 3000, executed: 3000 } }), ...projects({ parent: 30 })])).toEqual([]);
  });
});

describe("department_total_mismatch: 衡阳's target forms", () => {
  const HENGYANG: [string, number][] = [["办公场地租赁费", 50], ["城乡居民基本医疗工作经费", 10], ["欺诈骗保行为举报奖励专项资金", 10], ["特殊门诊专家评审费用", 12], ["医疗保障能力建设经费", 18]];
  const targets = (kind: Form["kind"], amounts = HENGYANG.map(([, a]) => a)) =>
    HENGYANG.map(([name], i) => form(i + 2, { kind, projectName: name, funding: [{ source: "资金总额", budget: amounts[i]! }] }));
  const dept = (projectSpending: number, kind: Form["kind"] = "department_targets") =>
    form(1, { kind, agency: "衡阳市医疗保障局", funding: [{ source: "资金总额", budget: 1426.26 }, { source: "基本支出", budget: 1326.26 }, { source: "项目支出", budget: projectSpending }] });
  it("a target department without a list sums the document's project target forms: 100.00 agrees, 110.00 does not", () => {
    expect(run([dept(100), ...targets("project_targets")])).toEqual([]);
    const found = run([dept(110), ...targets("project_targets")]);
    expect(found.map((f) => [f.expected, f.observed])).toEqual([[110, 100]]);
    expect(found[0]!.params).toMatchObject({ projects: 5, column: "budget" });
    expect(found[0]!.message).toBe("分项项目5个的全年预算数合计100万元，与表中项目支出全年预算数110万元不一致（第1页，衡阳市医疗保障局整体支出绩效目标表）");
  });
  it("but not a self-evaluation department, nor forms of another kind", () => {
    expect(run([dept(110, "department_self_eval"), ...targets("project_targets")])).toEqual([]);
    expect(run([dept(110), ...targets("project_self_eval")])).toEqual([]);
  });
  it("a target department with its own list sums the list, not the target forms", () => {
    const list = targets("project_list").map((f) => ({ ...f, seq: f.seq + 10, parentSeq: 1 }));
    expect(run([dept(100), ...list, ...targets("project_targets", [60, 10, 10, 12, 18])])).toEqual([]);
  });
});
