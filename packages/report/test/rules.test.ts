/**
 * Each rule triggered by a real form with one number changed, and kept quiet
 * by the form as printed. Variants edit one line of a seed fixture's text and
 * go through the real pipeline.
 */
import { describe, expect, it } from "vitest";
import { checkDocument } from "../src/index.ts";
import { checkedSeed, check, findingsFor, formOf, seedText, SEEDS, variant } from "./pipeline.ts";

const SERVICE = "医疗服务与保障能力提升补助资金";
const SERVICE_CARRIED = "医疗服务与保障能力提升补助资金(上年结转)";
const XZ = "医药招采与基金监管工作经费";

describe("execution_rate_mismatch", () => {
  it("fires when 79.74% becomes 79.84% for 181.82/228, with both numbers and the line", () => {
    const c = variant("qiannan", 14, "79.74%", "79.84%");
    const [f] = findingsFor(c, "execution_rate_mismatch", SERVICE);
    expect(f).toMatchObject({ severity: "error", observed: 0.7984 });
    expect(f!.message).toBe("执行率填报为79.84%，按全年执行数181.82÷全年预算数228计算应为79.75%（第14行，医疗服务与保障能力提升补助资金，年度资金总额）");
  });
  it("does not fire on 79.74% (truncated 79.745…%)", () => {
    expect(findingsFor(checkedSeed("qiannan"), "execution_rate_mismatch", SERVICE)).toEqual([]);
  });
});

describe("execution_score_mismatch", () => {
  it("fires when the score 8 becomes 9 for 79.74% × 10", () => {
    const c = variant("qiannan", 14, "79.74%\t8", "79.74%\t9");
    const [f] = findingsFor(c, "execution_score_mismatch", SERVICE);
    expect(f).toMatchObject({ severity: "error", observed: 9 });
    expect(f!.expected).toBeCloseTo(7.9746, 3);
    expect(f!.params).toMatchObject({ weight: 10, source: "printed" });
  });
  it("does not fire on 8 (7.97 rounded)", () => {
    expect(findingsFor(checkedSeed("qiannan"), "execution_score_mismatch", SERVICE)).toEqual([]);
  });
  it("uses the national weight 10 when none is printed (忻州 7.23 for 72.26%)", () => {
    const c = variant("xinzhou", 109, "72.26\t7.23", "72.26\t6.23");
    const found = findingsFor(c, "execution_score_mismatch");
    expect(found.length).toBeGreaterThanOrEqual(1);
    expect(found[0]!.params).toMatchObject({ weight: 10, source: "national_default" });
  });
});

describe("funding_identity", () => {
  it("fires when 结转余 2.4 becomes 2.5 while A − B = 8.65 − 6.25 = 2.4", () => {
    const c = variant("xinzhou", 109, "6.25\t2.4", "6.25\t2.5");
    const [f] = findingsFor(c, "funding_identity");
    expect(f).toMatchObject({ observed: 2.5, severity: "warning" });
    expect(f!.expected).toBeCloseTo(2.4, 9);
  });
  it("fires when 项目支出 100.00 no longer adds up with 基本支出 to 资金总额 1,426.26", () => {
    const c = variant("hengyang", 91, "1,326.26\t100.00", "1,326.26\t110.00");
    expect(findingsFor(c, "funding_identity").map((f) => f.observed)).toContain(1426.26);
  });
  it("does not fire on 忻州's consistent block, nor on 衡阳's 1,426.26 = 1,326.26 + 100.00", () => {
    expect(findingsFor(checkedSeed("xinzhou"), "funding_identity")).toEqual([]);
    expect(findingsFor(checkedSeed("hengyang"), "funding_identity")).toEqual([]);
  });
});

describe("money_unit_suspect", () => {
  it("fires for a form declaring 元 with 万元 amounts, carrying the normalizer's evidence", () => {
    const [f] = findingsFor(checkedSeed("qiannan"), "money_unit_suspect", "定点医疗机构督查经费");
    expect(f!.message).toContain("≤80万元");
    expect(f!.params).toMatchObject({ declared: "元", effective: "万元" });
  });
  it("fires when the report's 元 table prints 8.65 / 6.25 — the 万元 figures — under its 元 header", () => {
    const c = variant("xinzhou", 45, "86,500\t86,500\t86,500\t62,502.5\t23,997.5", "8.65\t8.65\t8.65\t6.25\t2.4");
    const found = findingsFor(c, "money_unit_suspect");
    // Whichever table the normalizer distrusts, the contradiction is reported once, with the amount.
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain("8.65");
    expect(findingsFor(c, "cross_table_mismatch").filter((f) => f.params?.field !== "rate" && f.params?.field !== "score")).toEqual([]);
  });
  it("does not fire for 86,500 元 next to 8.65 万元, nor for 万元 forms", () => {
    expect(findingsFor(checkedSeed("xinzhou"), "money_unit_suspect")).toEqual([]);
    expect(findingsFor(checkedSeed("qiannan"), "money_unit_suspect", SERVICE)).toEqual([]);
  });
});

describe("total_score_mismatch", () => {
  it("fires when 医疗服务…'s total 98 becomes 97 (90 + 8 = 98)", () => {
    const c = variant("qiannan", 39, "100\t98", "100\t97");
    const [f] = findingsFor(c, "total_score_mismatch", SERVICE);
    expect(f).toMatchObject({ expected: 98, observed: 97, severity: "error" });
  });
  it("does not fire on 95.6 for 90 + 5.64 (one decimal printed)", () => {
    const c = checkedSeed("qiannan");
    expect(formOf(c.doc, "离休伤残干部单独统筹医疗款").totalScore).toBe(95.6);
    expect(findingsFor(c, "total_score_mismatch", "离休伤残干部单独统筹医疗款")).toEqual([]);
  });
});

describe("weights_not_100", () => {
  it("fires on the seed forms weighting execution 0 (see seed tests); not on 90 + 10", () => {
    expect(findingsFor(checkedSeed("qiannan"), "weights_not_100", SERVICE)).toEqual([]);
    expect(findingsFor(checkedSeed("xinzhou"), "weights_not_100")).toEqual([]);
  });
  it("fires when one indicator weight 4 becomes 6 (102 in all)", () => {
    const c = variant("qiannan", 73, "90%\t4\t4", "90%\t6\t4");
    expect(findingsFor(c, "weights_not_100", SERVICE_CARRIED).map((f) => f.observed)).toEqual([102]);
  });
});

describe("level1_weight_mismatch", () => {
  it("fires for a declared 二级指标 weight too: 高邑's 数量指标(10) under 产出(25) when one 2.5 becomes 3.5", () => {
    const c = variant("gaoyi", 375, "|2.5|2.5".replaceAll("|", "\t"), "|3.5|2.5".replaceAll("|", "\t"));
    const found = findingsFor(c, "level1_weight_mismatch");
    expect(found.map((f) => [f.params?.level, f.params?.name, f.expected, f.observed])).toEqual([
      [1, "产出指标", 25, 26],
      [2, "数量指标", 10, 11],
    ]);
  });
  it("does not fire on 产出指标(50分) over 50, nor on 高邑's two levels", () => {
    expect(findingsFor(checkedSeed("qiannan"), "level1_weight_mismatch", SERVICE_CARRIED)).toEqual([]);
    expect(findingsFor(checkedSeed("gaoyi"), "level1_weight_mismatch")).toEqual([]);
  });
});

describe("score_exceeds_weight", () => {
  it("fires when 医保基层服务覆盖率 scores 5 of 4", () => {
    const c = variant("qiannan", 73, "90%\t4\t4", "90%\t4\t5");
    const [f] = findingsFor(c, "score_exceeds_weight", SERVICE_CARRIED);
    expect(f).toMatchObject({ expected: 4, observed: 5, severity: "error", indicatorSeq: 1 });
    expect(f!.message).toContain("医保基层服务覆盖率");
  });
  it("does not fire on the seeds", () => {
    for (const seed of Object.keys(SEEDS) as (keyof typeof SEEDS)[]) expect(findingsFor(checkedSeed(seed), "score_exceeds_weight"), seed).toEqual([]);
  });
});

describe("grade_mismatch", () => {
  it("fires when 98 is graded 良", () => {
    const c = variant("qiannan", 40, "绩效结论\t优", "绩效结论\t良");
    const [f] = findingsFor(c, "grade_mismatch", SERVICE);
    expect(f).toMatchObject({ observed: 98, severity: "error" });
    expect(f!.message).toContain("应为“优”");
  });
  it("does not fire on 90 graded 优 (90 itself is 优), nor on 高邑's 97 优秀", () => {
    const c = checkedSeed("qiannan");
    expect(formOf(c.doc, "乡镇经办医保专线网络使用费")).toMatchObject({ totalScore: 90, grade: "优" });
    expect(findingsFor(c, "grade_mismatch")).toEqual([]);
    expect(findingsFor(checkedSeed("gaoyi"), "grade_mismatch")).toEqual([]);
  });
});

describe("indicator_score_formula", () => {
  it("fires for a positive indicator: ≥75% achieved 60% keeps its full 4 points (expected 60/75 × 4 = 3.2)", () => {
    const c = variant("qiannan", 74, "≥75%\t95%", "≥75%\t60%");
    const [f] = findingsFor(c, "indicator_score_formula", SERVICE_CARRIED);
    expect(f).toMatchObject({ observed: 4, severity: "warning" });
    expect(f!.expected).toBeCloseTo(3.2, 9);
    expect(f!.params).toMatchObject({ direction: "positive" });
  });
  it("fires for a reverse indicator with the form's note formula A/B: ≤5个 exceeded with 8个 keeps 10 (expected 6.25)", () => {
    const c = variant("qiannan", 123, "≤5个\t5个", "≤5个\t8个");
    const [f] = findingsFor(c, "indicator_score_formula", "建国初期退休干部医疗补助资金");
    expect(f!.expected).toBeCloseTo(6.25, 9);
    expect(f!.params).toMatchObject({ direction: "negative", reverseFormula: "target_over_actual", source: "form_note" });
  });
  it("does not fire when the indicator prints its own 评（扣）分标准", () => {
    const c = variant("qiannan", 74, "≥75%\t95%", "≥75%\t60%");
    const doc = { ...c.doc, forms: c.doc.forms.map((f) => ({ ...f, indicators: f.indicators.map((i) => ({ ...i, scoringRule: "完成得满分，未完成酌情扣分" })) })) };
    expect(checkDocument(doc).filter((f) => f.rule === "indicator_score_formula")).toEqual([]);
  });
  it("does not fire on the seeds: a bare cost target (审计费用 25.50万元, spent 10.20) is a ceiling", () => {
    const c = checkedSeed("qiannan");
    expect(findingsFor(c, "indicator_score_formula")).toEqual([]);
    expect(formOf(c.doc, "医疗救助资金第三方审计业务费用").indicators.find((i) => i.name === "审计费用")).toMatchObject({ comparator: "=", targetValue: 25.5, actualValue: 10.2, score: 10 });
  });
});

describe("qualitative_band", () => {
  it("fires when 达成预期指标 scores 11 of 15 (below 80%)", () => {
    const c = variant("xinzhou", 118, "达成预期指标\t15\t14", "达成预期指标\t15\t11");
    const [f] = findingsFor(c, "qualitative_band");
    expect(f).toMatchObject({ observed: 11, severity: "warning" });
    expect(f!.expected).toBeCloseTo(12, 9);
  });
  it("applies the form's own band: 部分达成 at 50% is fine under 黔南's 80–50% note, not under the national 80–60%", () => {
    const noted = variant("qiannan", 31, "有效保障\t有效保障\t3\t3", "有效保障\t部分达成预期指标\t3\t1.5");
    expect(formOf(noted.doc, SERVICE).notes.length).toBeGreaterThan(0);
    expect(findingsFor(noted, "qualitative_band", SERVICE)).toEqual([]);
    const national = variant("qiannan", 167, "全覆盖\t全覆盖\t10\t10", "全覆盖\t部分达成预期指标\t10\t5");
    const [f] = findingsFor(national, "qualitative_band", "特殊困难群体参加城乡居民基本医疗保险资助");
    expect(f!.params).toMatchObject({ source: "national_default", rating: "partial", band: [0.6, 0.8] });
  });
  it("does not fire on 忻州's 14 of 15 达成预期指标", () => {
    expect(findingsFor(checkedSeed("xinzhou"), "qualitative_band")).toEqual([]);
  });
});

describe("missing_reason", () => {
  it("fires when 医保基金收支平衡 (14 of 15) loses its 未完成原因", () => {
    const c = variant("qiannan", 377, "职工医保基金年度结余未达到年度指标值", "");
    const [f] = findingsFor(c, "missing_reason", "黔南州DIP支付方式改革第三方服务采购项目");
    expect(f).toMatchObject({ expected: 15, observed: 14 });
  });
  it("fires when a target is missed at full score with no reason (≥75% achieved 60%)", () => {
    const c = variant("qiannan", 74, "≥75%\t95%", "≥75%\t60%");
    const [f] = findingsFor(c, "missing_reason", SERVICE_CARRIED);
    expect(f!.params).toMatchObject({ targetMissed: true, scoreBelowWeight: false });
  });
  it("does not fire when the row gives a reason, or the form explains its deviations (高邑)", () => {
    expect(findingsFor(checkedSeed("qiannan"), "missing_reason")).toEqual([]);
    expect(findingsFor(checkedSeed("gaoyi"), "missing_reason")).toEqual([]);
  });
});

describe("cross_table_mismatch", () => {
  it("fires when the report's table says 64,502.5 元 executed against 6.25 万元 in the 自评表", () => {
    const c = variant("xinzhou", 45, "62,502.5\t23,997.5", "64,502.5\t21,997.5");
    const found = findingsFor(c, "cross_table_mismatch", XZ);
    expect(found.map((f) => f.params?.field)).toEqual(["executed", "balance"]);
    expect(found[0]).toMatchObject({ expected: 6.25, observed: 64502.5 });
  });
  it("does not fire when 86,500 / 62,502.5 元 meet 8.65 / 6.25 万元", () => {
    expect(findingsFor(checkedSeed("xinzhou"), "cross_table_mismatch")).toEqual([]);
  });
});

describe("narrative_mismatch", () => {
  it("does not fire when the narrative says 实际执行 6.25 万元", () => {
    const c = variant("xinzhou", 72, "实际执行 2.4 万元", "实际执行 6.25 万元");
    expect(findingsFor(c, "narrative_mismatch")).toEqual([]);
  });
  it("fires on a total score the narrative misstates (总得分 96.23 分 against 95.23)", () => {
    const lines = seedText("xinzhou").split("\n");
    const at = lines.findIndex((l) => l.includes("总得分 95.23 分"));
    const c = variant("xinzhou", at + 1, "总得分 95.23 分", "总得分 96.23 分");
    expect(findingsFor(c, "narrative_mismatch").map((f) => [f.expected, f.observed])).toContainEqual([95.23, 96.23]);
  });
});

describe("narrative_mismatch: budget and execution stated in other words", () => {
  const SAID = "2022 年项目预算 8.65 万元，实际执行 2.4 万元。";
  const say = (text: string) => variant("xinzhou", 72, SAID, text);
  it("does not fire on 年初预算安排资金8.65万元，实际支出6.25万元，预算执行率72.26% (the table's figures)", () => {
    expect(findingsFor(say("2022 年年初预算安排资金 8.65 万元，实际支出 6.25 万元，预算执行率 72.26%。"), "narrative_mismatch")).toEqual([]);
  });
  it("fires on 实际支出6.35万元 and on 已拨付6.35万元 against 全年执行数 6.25", () => {
    for (const text of ["2022 年年初预算安排资金 8.65 万元，实际支出 6.35 万元。", "项目下达资金 8.65 万元，已拨付 6.35 万元。"]) {
      const found = findingsFor(say(text), "narrative_mismatch");
      expect(found.map((f) => [f.params?.figure, f.expected, f.observed]), text).toEqual([["executed", 6.25, 6.35]]);
    }
  });
  it("fires on a 预算执行率 of 75.26% against 72.26%, and on 全年执行数为6.35万元", () => {
    expect(findingsFor(say("预算执行率为 75.26%。"), "narrative_mismatch").map((f) => f.params?.figure)).toEqual(["rate"]);
    expect(findingsFor(say("全年执行数为 6.35 万元。"), "narrative_mismatch").map((f) => f.observed)).toEqual([6.35]);
  });
  it("does not read a balance as execution (结余2.4万元, 结转下年使用2.4万元), nor another year's budget", () => {
    expect(findingsFor(say("项目预算 8.65 万元，执行 6.25 万元，结余 2.4 万元。"), "narrative_mismatch")).toEqual([]);
    expect(findingsFor(say("剩余资金结转下年使用 2.4 万元。"), "narrative_mismatch")).toEqual([]);
    expect(findingsFor(say("2021 年项目预算 5 万元。"), "narrative_mismatch")).toEqual([]);
  });
  it("still fires on 实际执行2.4万元, which is the balance (the seed fact)", () => {
    const [f] = findingsFor(checkedSeed("xinzhou"), "narrative_mismatch");
    expect(f).toMatchObject({ expected: 6.25, observed: 2.4 });
    expect(f!.message).toContain("疑将结余当作执行数");
  });
});

describe("department_total_mismatch", () => {
  it("fires when one of 高邑's 19 projects grows from 336 to 337 (3529.45 against 3528.46)", () => {
    const c = variant("gaoyi", 397, "336\t336", "337\t337");
    const [f] = findingsFor(c, "department_total_mismatch");
    expect(f).toMatchObject({ expected: 3528.46, severity: "warning" });
    expect(f!.observed).toBeCloseTo(3529.45, 6);
    expect(f!.message).toContain("19");
  });
  it("fires when 衡阳's 项目支出 says 110.00 against five projects adding to 100.00", () => {
    const c = variant("hengyang", 91, "1,326.26\t100.00", "1,326.26\t110.00");
    expect(findingsFor(c, "department_total_mismatch").map((f) => [f.expected, f.observed])).toEqual([[110, 100]]);
  });
  it("does not fire on the seeds (3528.45 vs 3528.46 is rounding of 19 numbers)", () => {
    expect(findingsFor(checkedSeed("gaoyi"), "department_total_mismatch")).toEqual([]);
    expect(findingsFor(checkedSeed("hengyang"), "department_total_mismatch")).toEqual([]);
  });
});

describe("extraction_partial", () => {
  const dropLines = (from: number, to: number) => {
    const text = seedText("qiannan").split("\n").filter((_, i) => i + 1 < from || i + 1 > to).join("\n");
    return check(text, SEEDS.qiannan);
  };
  it("fires, naming the part, when a form's 总分 row or funding block is missing — and the sums are not checked", () => {
    const noTotal = dropLines(39, 39);
    expect(findingsFor(noTotal, "extraction_partial", SERVICE).map((f) => f.message)).toEqual([expect.stringContaining("总分")]);
    const noFunding = dropLines(13, 18);
    const [f] = findingsFor(noFunding, "extraction_partial", SERVICE);
    expect(f).toMatchObject({ severity: "info", params: { missing: ["funding"] } });
    expect(findingsFor(noFunding, "total_score_mismatch", SERVICE)).toEqual([]);
  });
  it("does not fire on the complete seed forms", () => {
    for (const seed of Object.keys(SEEDS) as (keyof typeof SEEDS)[]) expect(findingsFor(checkedSeed(seed), "extraction_partial"), seed).toEqual([]);
  });
});

describe("money_unit_suspect across tables, when normalize left both units as declared", () => {
  it("fires for a 元 side table printing 8.65 / 6.25 next to the 万元 form, and cross_table_mismatch stays quiet", () => {
    const { doc } = checkedSeed("xinzhou");
    const side = { ...doc.sideTables[0]!, moneyUnit: "元" as const, budget: 8.65, executed: 6.25, balance: 2.4 };
    const findings = checkDocument({ ...doc, sideTables: [side] });
    const found = findings.filter((f) => f.rule === "money_unit_suspect");
    expect(found).toHaveLength(1);
    expect(found[0]!.params).toMatchObject({ crossTable: true, declared: "元", formUnit: "万元" });
    expect(found[0]!.message).toContain("预算执行情况表标明金额单位为元");
    expect(findings.filter((f) => f.rule === "cross_table_mismatch")).toEqual([]);
  });
});
