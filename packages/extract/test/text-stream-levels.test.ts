/**
 * Plain `pdftotext` (no -layout) prints the merged level cells of an indicator
 * table as a block apart from the rows (src/text-stream-levels.ts): on the
 * committed fixtures/real/text/*.pdftotext.txt, a table's single label of a
 * level is put back before its rows, and a block of several is not guessed.
 */
import { describe, expect, it } from "vitest";
import { plainForms as forms, readPlain as read, tableRowsOf as rowsOf } from "./plain-text-fixtures.ts";

describe("a level block with a single level-1 label (数量指标 | 产出指标 | 质量指标 | 时效指标 before 一级指标 | 二级指标 | 三级指标 …)", () => {
  it("puts 产出指标 in front of the indicator rows, as the parent of the level 2 each now has (henan-2021-project-targets)", () => {
    const rows = rowsOf(read("henan-2021-project-targets"));
    expect(rows).toContainEqual(["产出指标", "数量指标", "七氟丙烷式灭火装置及药剂", "10 套"]);
  });

  it("gives every indicator that level 1 (anhui-2023-department-self-eval)", async () => {
    const [form] = await forms("anhui-2023-department-self-eval");
    expect(form!.indicators.length).toBeGreaterThanOrEqual(8);
    expect(new Set(form!.indicators.map((i) => i.level1))).toEqual(new Set(["产出指标"]));
  });

  it("gives both levels where the block holds one of each (anhui-2024-transfer-self-eval)", async () => {
    const [form] = await forms("anhui-2024-transfer-self-eval");
    expect(form!.indicators.map((i) => [i.level1, i.level2])).toContainEqual(["产出指标", "数量指标"]);
  });
});

describe("a level block that does not say which rows its labels span", () => {
  it("leaves the level 1 unknown where the block holds two and a row's weight cannot be read (anhui-2019-transfer-self-eval: a name split from its figures)", async () => {
    const [form] = await forms("anhui-2019-transfer-self-eval");
    expect(form!.indicators.map((i) => i.level1).filter(Boolean)).toEqual([]);
  });

  it("does not carry 产出指标 over rows that a loose 满意度指标 may head (zhejiang-2023-project-targets)", async () => {
    const [form] = await forms("zhejiang-2023-project-targets");
    expect(form!.indicators.filter((i) => /满意度/.test(i.name)).map((i) => i.level1)).not.toContain("产出指标");
  });
});

describe("level-1 labels that declare their weights (anhui-2022-project-self-eval: 产出指标(50 分), 效益指标(30 分) after the rows)", () => {
  it("puts each back over the run of rows whose weights add up to it", async () => {
    const [form] = await forms("anhui-2022-project-self-eval");
    const levels = form!.indicators.map((i) => [i.name, i.level1]);
    expect(levels).toContainEqual(["单项业务成本", "产出指标"]);
    expect(levels).toContainEqual(["对维护基建市场公平的影响程度", "效益指标"]);
    expect(form!.indicators.filter((i) => i.level1 === "产出指标").reduce((s, i) => s + (i.weight ?? 0), 0)).toBe(50);
  });

  it("puts each label in front of its group's rows", () => {
    const rows = rowsOf(read("anhui-2022-project-self-eval"));
    expect(rows).toContainEqual(["产出指标(50 分)", "数量指标", "基建工程委托业务项目数量", "≥50 个", "50", "8", "8"]);
    expect(rows).toContainEqual(["产出指标(50 分)", "质量指标", "经费支出合规性", "严格执行相关制度规定", "达成预期指标", "8", "8"]);
    expect(rows).toContainEqual(["效益指标(30 分)", "社会效益指标", "对维护基建市场公平的影响程度", "效果明显", "达成预期指标", "10", "10"]);
  });
});

describe("a name in the 一级指标 column beside its target and actual (云南 2022: a header whose columns plain text scattered)", () => {
  it("names the indicator and is no level 1 of it or of the rows after it", async () => {
    const [form] = await forms("yunnan-2022-project-self-eval");
    const row = form!.indicators.find((i) => i.name === "公猪舍(≥**平方米)");
    expect(row).toMatchObject({ targetText: "22.8", actualText: "22.8" });
    expect(form!.indicators.filter((i) => i.level1 !== null && i.level1 === i.name)).toEqual([]);
    expect(form!.indicators.map((i) => i.level1)).not.toContain("公猪舍(≥**平方米)");
  });

  // (Reading order put 三级指标 | 4 | 得分 after every row: the rows stand under the level columns' words before it.)
  it("gives every row the table's one level 1 printed apart, though the names' column word comes after the rows", async () => {
    const [form] = await forms("yunnan-2022-project-self-eval");
    expect(form!.indicators.length).toBe(18);
    expect(new Set(form!.indicators.map((i) => i.level1))).toEqual(new Set(["产出指标"]));
  });
});
