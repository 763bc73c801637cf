/**
 * Every fact ../shared/seeds/README.md lists for the seed documents (findings
 * aside), read through the real pipeline from the extracted text.
 */
import { describe, expect, it } from "vitest";
import type { Form } from "@jixiao/normalize";
import { normalizeSeed, QIANNAN, GAOYI, HENGYANG, XINZHOU } from "./seeds.ts";

const total = (f: Form) => f.funding.find((l) => l.sourceKind === "total") ?? f.funding[0]!;
const weightSum = (f: Form, level1?: string) =>
  f.indicators.filter((i) => !level1 || i.level1 === level1).reduce((s, i) => s + (i.weight ?? 0), 0);

describe("黔南 2023: 16 project self-evaluation forms in one document", () => {
  const doc = normalizeSeed(QIANNAN);
  // [project, budget A, executed B, printed total, grade] as printed in the seed.
  const expected: [string, number, number, number, string][] = [
    ["医疗服务与保障能力提升补助资金", 228, 181.82, 98, "优"],
    ["医疗服务与保障能力提升补助资金(上年结转)", 45.44, 45.44, 100, "优"],
    ["建国初期退休干部医疗补助资金", 6, 6, 100, "优"],
    ["特殊困难群体参加城乡居民基本医疗保险资助", 1320, 1282.91, 99.7, "优"],
    ["离休伤残干部单独统筹医疗款", 500, 282.14, 95.6, "优"],
    ["城乡居民基本医疗保险", 2795.52, 2754, 99.8, "优"],
    ["医保窗口标准化行风建设专项工作经费", 19.25, 0.64, 90.3, "优"],
    ["乡镇经办医保专线网络使用费", 11.1, 0, 90, "优"],
    ["医保政策宣传经费", 39, 0, 90, "优"],
    ["黔南州DIP支付方式改革第三方服务采购项目", 62.81, 62.81, 99, "优"],
    ["建国初期老干人员医疗补助经费", 49.2, 42, 98.5, "优"],
    ["医疗保障工作督查经费（州本级）", 15, 15, 90, "优"],
    ["定点医疗机构督查经费", 80, 0, 90, "优"],
    ["医疗保障综合事务相关工作经费", 23.11, 23.11, 100, "优"],
    ["医疗救助资金第三方审计业务费用", 25.5, 10.2, 94, "优"],
    ["都匀市医疗保障工作经费", 20, 17, 98.5, "优"],
  ];

  it("finds the 16 forms, all project self-evaluations of fiscal year 2023 filled in 2024", () => {
    expect(doc.forms).toHaveLength(16);
    for (const f of doc.forms) {
      expect(f.kind).toBe("project_self_eval");
      expect(f.fiscalYear).toBe(2023);
      expect(f.fillDate?.slice(0, 4)).toBe("2024");
      expect(f.supervisorCode).toBe("187");
      expect(f.missing).toEqual([]);
    }
  });

  it.each(expected.map((e, i) => [i + 1, ...e] as const))("form %i %s: A=%d B=%d total %d %s", (seq, name, a, b, score, grade) => {
    const f = doc.forms[seq - 1]!;
    expect(f.projectName).toBe(name);
    expect(total(f).budget).toBe(a);
    expect(total(f).executed).toBe(b);
    expect(f.totalScore).toBe(score);
    expect(f.totalWeight).toBe(100);
    expect(f.grade).toBe(grade);
  });

  it("reads the first form's 17 indicators, its declared 产出 weight of 60 and the weights that add up to 50", () => {
    const f = doc.forms[0]!;
    expect(f.indicators).toHaveLength(17);
    const output = f.indicators.filter((i) => i.level1 === "产出指标");
    expect(output.every((i) => i.level1Weight === 60)).toBe(true);
    expect(weightSum(f, "产出指标")).toBe(50);
    expect(f.indicators[0]).toMatchObject({ name: "打造医保经办“15分钟服务圈”", targetText: "≥12个", actualText: "12个", comparator: ">=", targetValue: 12, actualValue: 12, unit: "个", weight: 4, score: 4 });
    const funding = total(f);
    expect(funding).toMatchObject({ executionRate: 0.7974, weight: 10, score: 8, budgetYuan: 2_280_000 });
  });

  it("keeps the level-1 groups of rows whose merged cells vanished (城乡居民: 产出 44 of a declared 50, all weights 84 + 10)", () => {
    const f = doc.forms[5]!;
    expect(weightSum(f, "产出指标")).toBe(44);
    expect(f.indicators.find((i) => i.level1 === "产出指标")!.level1Weight).toBe(50);
    expect(weightSum(f) + total(f).weight!).toBe(94);
  });

  it("takes the four 项目资金（元） forms for 万元, from their own cost indicators and magnitudes", () => {
    const declaredYuan = doc.forms.filter((f) => f.moneyUnit === "元");
    expect(declaredYuan.map((f) => total(f).budget)).toEqual([15, 80, 23.11, 20]);
    for (const f of declaredYuan) {
      expect(f.moneyUnitEffective).toBe("万元");
      expect(f.moneyUnitReason).toBeTruthy();
      expect(total(f).budgetYuan).toBe(total(f).budget! * 10_000);
    }
  });

  it("keeps the 注 notes that carry each form's scoring rules", () => {
    expect(doc.forms[0]!.notes.join("\n")).toContain("100-80%(含80%)、80-50%(含50%)");
  });
});

describe("高邑 2021: department form and its 19-project list", () => {
  const doc = normalizeSeed(GAOYI);
  const dept = doc.forms.filter((f) => f.kind === "department_self_eval");
  const list = doc.forms.filter((f) => f.kind === "project_list");

  it("reads the department form: total 97 of 100, weights 投入 20, 过程 40, 产出 25, 效果 15", () => {
    expect(dept).toHaveLength(1);
    const f = dept[0]!;
    expect(f).toMatchObject({ totalScore: 97, totalWeight: 100, fiscalYear: 2021, agency: "高邑县医疗保障局", moneyUnit: "万元" });
    expect(f.grade).toMatch(/^优/);
    for (const [l1, w] of [["投入", 20], ["过程", 40], ["产出指标", 25], ["效果", 15]] as const) {
      expect(weightSum(f, l1)).toBe(w);
      expect(f.indicators.find((i) => i.level1 === l1)!.level1Weight).toBe(w);
    }
    expect(total(f)).toMatchObject({ budget: 3686.55, executed: 3686.23, executionRate: 0.9999 });
  });

  it("puts 收入预算完成率 and 预算调整率, printed under 投入, into 过程/预算执行(25) where their weights belong", () => {
    const f = dept[0]!;
    for (const name of ["收入预算完成率", "预算调整率"]) {
      expect(f.indicators.find((i) => i.name === name)).toMatchObject({ level1: "过程", level2: "预算执行", level2Weight: 25 });
    }
    const execution = f.indicators.filter((i) => i.level2 === "预算执行");
    expect(execution.reduce((s, i) => s + i.weight!, 0)).toBe(25);
  });

  it("keeps the form's own explanation of its shortfalls", () => {
    expect(dept[0]!.deviation).toContain("完成时限得分低");
    const low = dept[0]!.indicators.filter((i) => i.score! < i.weight!).map((i) => [i.name, i.score, i.weight]);
    expect(low).toEqual([["完成时间", 4.5, 5], ["部门整体效益", 8, 9], ["社会公众满意度", 4.5, 6]]);
  });

  it("reads the 分项绩效项目清单 as 19 project_list forms under the department form", () => {
    expect(list).toHaveLength(19);
    const deptSeq = dept[0]!.seq;
    expect(list.every((f) => f.parentSeq === deptSeq && f.fiscalYear === 2021)).toBe(true);
    expect(list[0]).toMatchObject({ projectName: "医疗救助补助资金", totalScore: 95 });
    const sum = list.reduce((s, f) => s + total(f).budget!, 0);
    expect(Math.round(sum * 100) / 100).toBe(3528.45);
  });
});

describe("衡阳 2023: target forms from a spreadsheet, rows breaking across pages", () => {
  const doc = normalizeSeed(HENGYANG);
  const projects = doc.forms.filter((f) => f.kind === "project_targets");
  const whole = doc.forms.filter((f) => f.kind === "department_targets");

  it("splits the target table into its 5 projects (50 + 10 + 10 + 12 + 18 = 100.00 万元)", () => {
    expect(projects.map((f) => [f.projectName, total(f).budget])).toEqual([
      ["办公场地租赁费", 50], ["城乡居民基本医疗工作经费", 10], ["欺诈骗保行为举报奖励专项资金", 10],
      ["特殊门诊专家评审费用", 12], ["医疗保障能力建设经费", 18],
    ]);
    expect(projects.every((f) => f.agency === "衡阳市医疗保障局" && f.moneyUnit === "万元" && f.fiscalYear === 2023)).toBe(true);
  });

  it("gives each project the rows printed before its own row on the previous page", () => {
    const rural = projects[1]!;
    expect(rural.indicators.map((i) => i.name)).toEqual([
      "日常工作经费", "管理各县区城乡居民", "城乡居民医保管合格管理合格率", "各项工作完成及时率",
      "城乡居民的医疗保障制度稳定", "保障单位正常运转", "服务对象满意度",
    ]);
    expect(projects[4]!.indicators[0]!.name).toBe("医疗保障能力建设经费");
  });

  it("extracts every indicator's target, and its unit and 指标值类型 wherever the row prints them", () => {
    const all = doc.forms.flatMap((f) => f.indicators);
    expect(all.length).toBe(43);
    expect(all.every((i) => i.targetText !== null)).toBe(true);
    // The only rows without a type: one whose cells the extractor cut off (日常工作经费) and two the
    // whole-unit form leaves blank (固定资产利用率, 确保医保信息系统…).
    const untyped = all.filter((i) => i.valueType === null).map((i) => i.name);
    expect(untyped).toEqual(["日常工作经费", "固定资产利用率", "确保医保信息系统正常安全运行，无重大责任事故发生"]);
    for (const i of all.filter((x) => x.valueType !== null)) {
      const expected = { "≥": ">=", "≤": "<=", "=": "=", "定性": "qualitative" }[i.valueType!];
      expect(i.comparator).toBe(expected);
    }
    expect(projects[0]!.indicators[1]).toMatchObject({ name: "办公场地租用层数", targetValue: 2, unit: "层", valueType: "≥" });
  });

  it("reads the whole-unit form: 1,426.26 = 1,326.26 基本支出 + 100.00 项目支出", () => {
    expect(whole).toHaveLength(1);
    const lines = Object.fromEntries(whole[0]!.funding.map((l) => [l.source, l.budget]));
    expect(lines).toMatchObject({ 资金总额: 1426.26, 基本支出: 1326.26, 项目支出: 100 });
    expect(whole[0]!.agency).toBe("衡阳市医疗保障局");
  });
});

describe("忻州 2022: a report with a 元 table and the formal 万元 form", () => {
  const doc = normalizeSeed(XINZHOU);

  it("finds one form, not the report's own indicator table", () => {
    expect(doc.forms).toHaveLength(1);
    expect(doc.warnings.join()).toContain("指标表");
  });

  it("stores 86,500 元 budget and 62,502.5 元 executed, from the 8.65 / 6.25 万元 form and the report's yuan table", () => {
    const f = doc.forms[0]!;
    expect(f).toMatchObject({ projectName: "医药招采与基金监管工作经费", fiscalYear: 2022, totalScore: 95.23, grade: "优", supervisorCode: "303" });
    expect(total(f)).toMatchObject({ budget: 8.65, executed: 6.25, balance: 2.4, budgetYuan: 86_500, executedYuan: 62_502.5, executionRate: 0.7226, score: 7.23 });
    expect(doc.sideTables).toHaveLength(1);
    expect(doc.sideTables[0]).toMatchObject({ moneyUnit: "元", budget: 86_500, executed: 62_502.5 });
  });

  it("reads 年初指标值, 调整后指标值 and 实际完成值 separately", () => {
    const first = doc.forms[0]!.indicators[0]!;
    expect(first).toMatchObject({ targetText: "≥2次", adjustedTargetText: "≥2次", actualText: "≥2次", weight: 20, score: 20 });
    expect(doc.forms[0]!.indicators.reduce((s, i) => s + i.score!, 0)).toBe(88);
  });

  it("keeps the narrative that states the amounts, for the cross-check rules", () => {
    expect(doc.narrative.some((n) => n.text.includes("实际执行 2.4 万元"))).toBe(true);
  });
});
