/**
 * Tables written as rows between pipes — a markdown table, or a crawler's copy of a government page
 * (| 项目名称 | 普惠金融发展专项资金 |, merged cells printed once, blanks kept) — read as the same rows copied
 * with tabs. Each real fixture's web copy (fixtures/real/text/ID.web.txt, tab-separated as a browser copies
 * a table) is written out with pipes between its cells instead, and both must give the same forms.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parseExtractedText } from "@jixiao/extract";
import { normalizeDocument, type Form } from "@jixiao/normalize";
import { listRealFixtures, readExpectation } from "./real-forms.ts";

const webText = (id: string) => readFileSync(new URL(`../../../fixtures/real/text/${id}.web.txt`, import.meta.url).pathname, "utf8");

/** A tab-separated copy written as pipe rows, a pipe inside a cell escaped, a delimiter row under the first row. */
function asPipeRows(text: string): string {
  let first = true;
  return text.split("\n").flatMap((line) => {
    if (!line.includes("\t")) {
      first = true;
      return [line];
    }
    const cells = line.split("\t");
    const row = `| ${cells.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`;
    const under = first ? [`|${cells.map(() => "---").join("|")}|`] : [];
    first = false;
    return [row, ...under];
  }).join("\n");
}

const summary = (forms: Form[]) => forms.map((f) => ({
  kind: f.kind, title: f.title, project: f.projectName, agency: f.agency, year: f.fiscalYear, total: f.totalScore, unit: f.moneyUnit,
  facts: f.facts.map((x) => [x.label, x.value]),
  funding: f.funding.map((l) => [l.source, l.budget, l.executed, l.executionRate, l.score]),
  indicators: f.indicators.map((i) => [i.level1, i.level2, i.name, i.targetText, i.actualText, i.weight, i.score]),
}));

describe("rows between pipes", () => {
  it("are table rows: outer pipes dropped, blanks kept, an escaped pipe and a <br> inside a cell kept as text", () => {
    const doc = parseExtractedText([
      "项目支出绩效自评表",
      "| 项目名称 | 普惠金融 \\| 专项 | 主管部门 | 财政厅 |",
      "|---|:---:|---|---|",
      "| 年度资金总额 |  | 208<br>万元 | |",
    ].join("\n"));
    expect(doc.blocks[0]).toMatchObject({ kind: "text", text: "项目支出绩效自评表" });
    const table = doc.blocks.find((b) => b.kind === "table");
    expect(table?.kind === "table" && table.table.cells.map((c) => [c.row, c.col, c.text])).toEqual([
      [0, 0, "项目名称"], [0, 1, "普惠金融 | 专项"], [0, 2, "主管部门"], [0, 3, "财政厅"],
      [1, 0, "年度资金总额"], [1, 1, ""], [1, 2, "208 万元"], [1, 3, ""],
    ]);
  });

  it("a single line between pipes is no table", () => {
    const doc = parseExtractedText("| 附件1 |\n说明:本表金额单位为万元");
    expect(doc.blocks.every((b) => b.kind === "text")).toBe(true);
  });
});

describe.each(listRealFixtures().filter((id) => readExpectation(id).forms.length > 0))("%s copied with pipes between its cells", (id) => {
  it("reads the same forms as copied with tabs", () => {
    const tabs = summary(normalizeDocument(parseExtractedText(webText(id))).forms);
    expect(tabs.length).toBeGreaterThan(0);
    expect(summary(normalizeDocument(parseExtractedText(asPipeRows(webText(id)))).forms)).toEqual(tabs);
  });
});
