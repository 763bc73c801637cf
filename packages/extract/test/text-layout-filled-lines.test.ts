/**
 * Names wrapped at their column's edge in rows without values, in committed
 * `pdftotext -layout` files (text-layout-filled-lines.ts), and comparison
 * signs as fonts print them (≧90%) read as values (text-layout-words.ts).
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parseExtractedText, toMatrix, type Table } from "@jixiao/extract";

const REAL = new URL("../../../fixtures/real/text/", import.meta.url);
const rowsOf = (id: string) =>
  parseExtractedText(readFileSync(new URL(`${id}.pdftotext-layout.txt`, REAL), "utf8"))
    .blocks.flatMap((b) => (b.kind === "table" ? [b.table] : []))
    .flatMap((t: Table) => toMatrix(t).map((r) => r.map((c) => c?.text ?? "").filter(Boolean)));

describe("joinFilledLines: names wrapped at the column's edge, no values to anchor them", () => {
  it("joins each line that fills the names' column to the next, in a blank 科技发展资金 自评表", () => {
    const rows = rowsOf("unknown-2021-transfer-self-eval");
    expect(rows).toContainEqual(["产出指标", "数量指标", "支持自由探索类基础研究项目数量"]);
    expect(rows).toContainEqual(["支持省部共建国家重点实验室项目数量"]);
    // Four lines, one of them a character short before 地、 (a line starts with no 、).
    expect(rows).toContainEqual(["支持国家级科技企业孵化器、大学科技园、众创空间、双创示范基地、星创天地项目数量"]);
    // A shorter line ends its cell: the next name is a row of its own.
    expect(rows).toContainEqual(["支持新型研发机构项目数量"]);
    expect(rows).toContainEqual(["转化科技成果数量"]);
  });

  it("takes a group's label beside a name's second line to the name's row (湖北 2021: 质量指标 12 分)", () => {
    const rows = rowsOf("hubei-2021-project-self-eval");
    expect(rows).toContainEqual(["质量指标12分", "农村公路建设验收合格率"]);
    expect(rows).toContainEqual(["农村公路养护验收合格率"]);
  });

  it("joins names that end in their unit's bracket (陕西 2021: 天保工程实施单位保险参保人 / 数(人))", () => {
    const rows = rowsOf("shaanxi-2021-transfer-targets");
    expect(rows).toContainEqual(["绩效指标", "产出指标", "数量指标", "天保工程实施单位保险参保人数(人)"]);
    expect(rows.flat()).toContain("新一轮退耕还林(草)第二次补助面积(万亩)");
    expect(rows.flat()).toContain("草原有害生物防治面积(万亩)");
  });
});

describe("comparison signs as fonts print them", () => {
  it("reads ≧90% as a target of its own column, not a piece of the name (安徽 2024 申报表)", () => {
    const rows = rowsOf("anhui-2024-project-declaration");
    expect(rows).toContainEqual(["7岁以下儿童健康管理率", "≧85%"]);
    expect(rows.some((r) => r.includes("≧90%") && r.includes("适龄儿童国家免疫规划疫苗接种率"))).toBe(true);
  });
});
