/**
 * A self-evaluation report whose forms are not in the document: its cover and
 * 基本概况 table are one form of the report's family, keeping every printed
 * pair; a report that carries its forms yields exactly those forms.
 * Documents: the real fixture hunan-2018-department-self-eval (岳阳市 2018
 * 部门整体支出绩效评价自评报告, the copy stops after its 基本概况 table) in
 * every rendered format, and the same cover followed by a real 自评表.
 */
import { describe, expect, it } from "vitest";
import { normalizeDocument } from "@jixiao/normalize";
import { coverPairs, reportFamily } from "../src/report-cover.ts";
import { appended, extractedFixture as extracted } from "./fixture-documents.ts";
import { renderedFormats, renderedPath, type RealFormat } from "./real-forms.ts";

const COVER = "hunan-2018-department-self-eval";
const FORM = "hubei-2022-project-self-eval";

describe("a report's title names the family it wraps", () => {
  it.each([
    ["岳阳市2018年度部门整体支出绩效评价自评报告", "department_self_eval"],
    ["2022年度医药招采与基金监管工作经费绩效自评报告", "project_self_eval"],
  ])("%s → %s", (title, kind) => expect(reportFamily(title)).toBe(kind));

  it("is no report title when it names no self-evaluation", () => {
    expect(reportFamily("2022年部门决算编制说明")).toBeNull();
    expect(reportFamily("关于2021年度部门决算的报告")).toBeNull();
  });

  it("reads a cover's lone pairs, spaced labels included", () => {
    expect(coverPairs("预 算 编 码:   906017")).toEqual([{ label: "预算编码", value: "906017" }]);
    expect(coverPairs("评价方式:部门(单位)绩效自评")).toEqual([{ label: "评价方式", value: "部门(单位)绩效自评" }]);
    expect(coverPairs("我中心的数字城管二期建设项目属于市新增长极建设项目,已于2018年验收运行。")).toEqual([]);
  });
});

describe("a report cover with no form after it", () => {
  it.each(renderedFormats(COVER).filter((f) => !f.startsWith("text/pdftotext")))("is one department self-evaluation with its pairs (%s)", async (format) => {
    const doc = normalizeDocument(await extracted(COVER, format));
    expect(doc.forms).toHaveLength(1);
    const form = doc.forms[0]!;
    expect(form.kind).toBe("department_self_eval");
    expect(form.fiscalYear).toBe(2018);
    expect(form.agency).toBe("岳阳市城市管理监督指挥中心");
    const facts = new Map(form.facts.map((f) => [f.label, f.value]));
    expect(facts.get("预算编码")).toBe("906017");
    expect(facts.get("报告日期")).toBe("2019年06月18日");
    expect(facts.get("实有人数")).toBe("21");
    // It prints no funding, indicators or total: the form says so.
    expect(form.missing).toEqual(["funding", "indicators", "total"]);
  });

  it("adds nothing when the report's forms follow it (docx)", async () => {
    const cover = await extracted(COVER, "docx");
    const form = await extracted(FORM, "docx");
    const joined = appended(cover, form);
    const alone = normalizeDocument(form).forms;
    const forms = normalizeDocument(joined).forms;
    expect(forms.map((f) => [f.kind, f.projectName])).toEqual(alone.map((f) => [f.kind, f.projectName]));
  });
});
