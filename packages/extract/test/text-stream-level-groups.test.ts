/**
 * Plain `pdftotext` prints a table's merged level labels apart from their rows
 * (数量指标 | 质量指标 | 产出指标(50 分) | 时效指标 …). src/text-stream-level-groups.ts
 * puts the level-2 labels back by what each indicator's name says and the
 * labels' order; text-stream-levels.ts then gives a row's level 1 the parent of
 * its level 2. On the committed fixtures/real/text/*.pdftotext.txt.
 */
import { describe, expect, it } from "vitest";
import { plainForms as forms, readPlain as read, tableRowsOf as rowsOf, textsOf } from "./plain-text-fixtures.ts";

const levels = async (id: string) => {
  const [form] = await forms(id);
  return new Map(form!.indicators.map((i) => [i.name.replace(/\s+/g, ""), [i.level1, i.level2]]));
};

describe("level-2 labels printed after the rows, given back by meaning and order", () => {
  it("anhui-2023-department-self-eval: counts under 数量指标, pass rates under 质量指标, dates under 时效指标", async () => {
    const byName = await levels("anhui-2023-department-self-eval");
    expect(byName.get("指标1:开展精品示范村建设数量")).toEqual(["产出指标", "数量指标"]);
    expect(byName.get("指标4:新建省级中心村数量")).toEqual(["产出指标", "数量指标"]);
    expect(byName.get("指标1:美丽宜居自然村庄验收通过率")).toEqual(["产出指标", "质量指标"]);
    expect(byName.get("指标2:完成户用卫生厕所改造验收时间")).toEqual(["产出指标", "时效指标"]);
  });

  it("anhui-2022-project-self-eval: a name's last word decides (经费支出合规性 is a compliance, not money)", async () => {
    const byName = await levels("anhui-2022-project-self-eval");
    expect(byName.get("经费支出合规性")).toEqual(["产出指标", "质量指标"]);
    expect(byName.get("提交报告及时性")).toEqual(["产出指标", "时效指标"]);
    expect(byName.get("项目总成本")).toEqual(["产出指标", "成本指标"]);
    // The rows that printed their own level 2 keep it.
    expect(byName.get("对维护基建市场公平的影响程度")).toEqual(["效益指标", "社会效益指标"]);
  });

  it("anhui-2022-project-self-eval: the block of labels is narrative, not an indicator with the level's 50 points", async () => {
    const doc = read("anhui-2022-project-self-eval");
    expect(rowsOf(doc)).not.toContainEqual(expect.arrayContaining(["数量指标", "质量指标"]));
    expect(textsOf(doc)).toContain("时效指标");
    const [form] = await forms("anhui-2022-project-self-eval");
    expect(form!.indicators.map((i) => i.name)).not.toContain("产出指标");
    expect(form!.indicators.filter((i) => i.level1 === "产出指标").reduce((s, i) => s + (i.weight ?? 0), 0)).toBe(50);
  });

  it("hunan-2020-transfer-self-eval: names that come out of the labels' order (a 及时率 between rates) leave the level 2 unknown", async () => {
    const byName = await levels("hunan-2020-transfer-self-eval");
    // Every name ends in 率; taking each for a 质量指标 would be wrong for most (数量, 时效, 成本, 经济效益 in the form).
    expect(byName.get("县级储备粮贷款付息及时率")?.[1]).toBeNull();
    expect(byName.get("库存数量真实率")?.[1]).toBeNull();
    expect(byName.get("利息费用保障率")?.[1]).toBeNull();
  });
});

describe("a level 1 from the parent of a row's level 2", () => {
  it("shaanxi-2020-transfer-targets: 产出指标 over its 数量指标 and 质量指标 rows", async () => {
    const byName = await levels("shaanxi-2020-transfer-targets");
    expect(byName.get("指标1:新建堤防、护岸长度")).toEqual(["产出指标", "数量指标"]);
    expect(byName.get("指标1:工程验收合格率")).toEqual(["产出指标", "质量指标"]);
  });

  it("hunan-2023-department-targets: 效益指标 for the 社会效益指标 row after the 产出 rows", async () => {
    const byName = await levels("hunan-2023-department-targets");
    expect(byName.get("工作安排时间")).toEqual(["产出指标", "时效指标"]);
    expect(byName.get("保证单位正常运转")).toEqual(["效益指标", "社会效益指标"]);
  });

  it("hubei-2022-project-self-eval: no level 1 put on rows when a later row's level 2 has no parent among the labels (效益指标 printed elsewhere)", async () => {
    const byName = await levels("hubei-2022-project-self-eval");
    expect(byName.get("统筹海绵城市项目谋划")?.[0]).not.toBe("产出指标");
  });
});
