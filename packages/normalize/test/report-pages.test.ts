/**
 * A page of a 项目支出绩效自评报告 cut from its forms (大英县 2020, as its site paginates
 * the report): no title, no project name, no money — only the report's indicator
 * table (一级/二级/三级指标 | 指标值 | 实施进度) and narrative. In a document with forms
 * of its own such a table repeats them and is no form (the 忻州 seed); here it is
 * the only record of the form the report is about.
 */
import { describe, expect, it } from "vitest";
import { normalizeDocument } from "@jixiao/normalize";
import { extractedFixture } from "./fixture-documents.ts";
import type { RealFormat } from "./real-forms.ts";

describe.each(["docx", "xlsx", "pdf/lo", "pdf/chromium"] as RealFormat[])("大英县 2020 自评报告 page 19 (%s)", (format) => {
  it("reads the report's indicator table as the one form, with 实施进度 as the achieved values", async () => {
    const doc = normalizeDocument(await extractedFixture("sichuan-2020-project-self-eval", format));
    expect(doc.forms.map((f) => [f.kind, f.title, f.fiscalYear])).toEqual([["project_self_eval", null, 2020]]);
    const form = doc.forms[0]!;
    expect(form.indicators.map((i) => [i.level1, i.level2, i.name, i.targetText, i.actualText])).toEqual([
      ["项目决策", "数量指标", "宣传次数", "至少全年完成2次宣传", "已完成100%"],
      ["项目决策", "质量指标", "创建质量", "按质按量完成", "已完成100%"],
      ["项目决策", "时效指标", "全年", "1-12月", "已完成100%"],
      ["项目决策", "成本指标", "成本", "10万元", "已完成100%"],
      ["项目效益", "社会效益指标", "提升全县消费者维权意识", "不断提升", "已完成100%"],
      // (满意度指标 printed again as its 二级 is the canonical 二级 name.)
      ["满意度指标", "服务对象满意度指标", "群众满意度", "90%", "已完成100%"],
    ]);
    // The 资金到位 table's header after it (项目名称 | 资金计划 | 资金到位情况) is no indicator.
    expect(doc.warnings.join()).toContain("文中无表单");
  });
});
