/**
 * Headers and titles read by meaning when no vocabulary entry names them: the
 * indicator columns by what their header ends with, and the project a form is
 * about from its own title when it prints no 项目名称. Spellings are from the
 * real fixtures (fixtures/real/html) and their publishers' titles.
 */
import { describe, expect, it } from "vitest";
import { headerField } from "@jixiao/normalize";
import { factKeyOf, titleKind } from "../src/vocab.ts";
import { projectFromTitle } from "../src/title-project.ts";
import { buildHeader, classifyHeader } from "../src/headers.ts";

describe("indicator columns by what their header ends with", () => {
  it.each([
    ["绩效目标值", "target"], // 福建 2018 部门整体支出绩效自评表
    ["区域目标值", "target"], // 福建 2023 专项转移支付绩效目标表
    ["指标值", "target"],
    ["当年预期实现值", "target"], // 湖北 鄂州 2022 项目支出绩效目标表
    ["计划达到值", "target"],
    ["全年实际值", "actual"],
    ["指标分值", "weight"],
    ["指标权重", "weight"],
    ["自评得分", "score"],
  ])("%s → %s", (header, field) => expect(headerField(header)).toBe(field));

  // Other spellings of the same columns.
  it.each([
    ["计划完成值", "target"],
    ["权重分", "weight"],
    ["自评分", "score"],
    ["计分方法", "scoringRule"],
    ["指标释义", "description"],
    ["指标完成值", "actual"],
    ["全年执行率", "rate"],
    ["扣分原因和其他说明", "reason"], // 岳阳 评价指标体系评分表
    ["未完成原因及改进措", "reason"], // the same header cut where -layout text wrapped it
    ["失分理由", "reason"],
    ["实施进度", "actual"], // 大英县 2020 自评报告's indicator table
    ["考核指标", "name"], // a finance office's 一般公共预算支出管理 scoring sheet
    ["权数", "weight"],
    // The money block's columns as other templates head them: approved or passed down, paid out, and how far.
    ["批复金额", "budget"],
    ["预算下达数", "budget"],
    ["支付金额", "executed"],
    ["实际拨付", "executed"],
    ["完成投资", "executed"],
    ["支出进度", "rate"],
    // An indicator's planned and achieved figures, and a monitoring form's short words.
    ["调整预算", "budget"],
    ["计划数", "target"],
    ["实际数", "actual"],
    ["全年预计", "forecast"],
    ["可能性", "likelihood"],
    ["年度工作目标", "target"],
    ["自评分数", "score"],
    ["二级指标名称", "level2"],
    ["考核标准", "scoringRule"],
    ["评价要点", "description"],
    ["三级", "name"], // cut short as 一级 and 二级 are (四川 2020 部门整体 scorecard in -layout text)
    ["具体绩效指标", "name"],
    ["考核指标名称", "name"],
    ["指标名称及内容", "name"],
    ["指标完成情况", "actual"],
    ["调整后预算", "budget"],
    ["年度预算", "budget"],
    ["实际执行", "executed"],
    ["备注说明", "remark"],
  ])("%s → %s", (header, field) => expect(headerField(header)).toBe(field));

  it("takes a budget's adjustment for no budget (预算调整数 is what changed, not the year's budget)", () => {
    expect(headerField("预算调整数")).not.toBe("budget");
  });

  it("leaves a yes/no column of indicators and a bare 分数 alone", () => {
    expect(headerField("是否核心指标")).toBeNull(); // 重庆 2021 融媒体中心
    expect(headerField("分数")).toBe("weight");
  });

  it("never takes an amount, a rate, an adjusted or a monitoring column for an indicator column", () => {
    expect(headerField("调整后目标值")).toBe("adjustedTarget");
    expect(headerField("全年预计完成值")).toBe("forecast");
    expect(headerField("预计实现值")).not.toBe("target");
    expect(headerField("1-6月完成值")).toBe("actualToDate");
    expect(headerField("全年预算数")).toBe("budget");
    expect(headerField("实际执行数")).toBe("executed");
    expect(headerField("执行率")).toBe("rate");
    // A long phrase is no column header, whatever it ends with.
    expect(headerField("按照年度工作计划确定的绩效目标值")).toBeNull();
  });
});

describe("the project a form names in its title", () => {
  it.each([
    // 彭水自治县 prints the place and year before the name and no 项目名称 label.
    ["彭水自治县2024年度中央对地方转移支付计划生育服务项目绩效自评表", "中央对地方转移支付计划生育服务项目"],
    ["2025年农村危房改造补助资金绩效目标表", "农村危房改造补助资金"],
    ["就业补助资金绩效自评表", "就业补助资金"],
    ["附件2：2025年农村危房改造补助资金绩效目标表", "农村危房改造补助资金"],
    // 陕西 宝鸡 2021: a transfer's 区域 is the family's word, not the fund's.
    ["2021年林业生态保护恢复资金区域绩效目标申报表", "林业生态保护恢复资金"],
  ])("%s → %s", (title, name) => expect(projectFromTitle(title)).toBe(name));

  it.each([
    "2020年度县级专项资金绩效目标自评表",
    "东莞市财政项目支出绩效目标批复表",
    "上海市财政支出项目绩效目标申报表",
    "黄石市项目支出绩效监控表",
    "专项转移支付绩效目标表",
    "2022年度项目支出绩效自评表",
    "中央对地方转移支付区域绩效自评表",
    "部门预算项目绩效目标申报表(2023年度)",
    "绩效目标表(一般公共预算资金)",
  ])("%s names no project: only a family's words", (title) => expect(projectFromTitle(title)).toBeNull());

  it("reads nothing from a line that is not a form's title", () => {
    expect(projectFromTitle("2024年度计划生育转移支付资金预算安排情况。")).toBeNull();
    expect(projectFromTitle(null)).toBeNull();
  });
});

describe("a header with a 序号 column: a project list, or a table of project targets", () => {
  const header = (...words: string[]) => {
    const cells = words.map((text, col) => ({ col, colSpan: 1, text }));
    return classifyHeader({ kind: "cells", cells, allCells: cells, text: words.join(" "), page: 1, line: null, table: 1 });
  };
  it("序号 | 项目名称 | 预算数 | 执行数 (高邑's 分项绩效项目清单) is a department's project list", () => {
    expect(header("序号", "项目名称", "预算数", "执行数", "自评得分")).toBe("projectList");
  });
  it("with indicator columns beside the project's (井研's 申报表 with a 序号 in front) it is a table of project targets", () => {
    expect(header("序号", "单位名称", "项目名称", "预算数", "年度目标", "一级指标", "二级指标", "三级指标", "指标值")).toBe("targets");
    expect(header("单位名称", "项目名称", "预算数", "年度目标", "一级指标", "二级指标", "三级指标", "指标值")).toBe("targets");
  });
});

describe("a target form that names its criteria (绩效目标、评价指标与标准值表)", () => {
  it("is a target form, not a self-evaluation; a scorecard and a self-evaluation keep their families", () => {
    expect(titleKind("2017年度食品药品监管事业发展专项绩效目标、评价指标与标准值表")).toBe("project_targets");
    expect(titleKind("项目支出绩效评价指标体系评分表")).toBe("evaluation_scorecard");
    expect(titleKind("部门整体支出绩效评价表")).toBe("department_self_eval");
    expect(titleKind("项目支出绩效自评表")).toBe("project_self_eval");
  });

  it("a table of the targets' 完成情况 is a self-evaluation; an 指标体系 with no 表 is a scorecard", () => {
    expect(titleKind("项目支出绩效目标完成情况表")).toBe("project_self_eval");
    expect(titleKind("部门整体绩效目标完成情况表")).toBe("department_self_eval");
    expect(titleKind("2022年农村义务教育学生营养改善计划项目绩效评价指标体系")).toBe("evaluation_scorecard");
    expect(titleKind("2024年项目支出绩效目标表")).toBe("project_targets");
  });

  it("reads the headers these templates name their columns by", () => {
    expect(headerField("一级目标")).toBe("level1");
    expect(headerField("三级指标内容")).toBe("name");
    expect(headerField("绩效目标名称")).toBe("name");
    expect(headerField("计算符号")).toBe("valueType");
    expect(headerField("指标值说明")).toBe("description");
  });

  it("reads the head's labels these templates print (编制单位, 单位信息, 省级业务主管部门, 具体实施单位)", () => {
    expect(factKeyOf("编制单位")).toBe("agency");
    expect(factKeyOf("单位信息:")).toBe("agency");
    expect(factKeyOf("省级业务主管部门")).toBe("supervisor");
    expect(factKeyOf("具体实施单位")).toBe("implementer");
  });
});

describe("a goals word heading a column of the indicator grid", () => {
  const columns = (...words: string[]) => {
    const cells = words.map((text, col) => ({ col, colSpan: 1, text }));
    const row = { kind: "cells" as const, cells, allCells: cells, text: words.join(" "), page: 1, line: null, table: 1, exact: true };
    const kind = classifyHeader(row);
    return kind ? buildHeader(kind, [row]).columns.map((c) => c.field) : null;
  };
  // A template may head its targets with the goals' words (绩效目标, 年度目标, 预期目标, 计划目标) and its
  // achievements with 实际完成情况: right of the items, with no 指标值, they are each item's target and actual.
  it.each(["绩效目标", "年度目标", "预期目标", "计划目标"])("%s right of the items heads their targets", (goal) => {
    expect(columns("一级指标", "二级指标", "三级指标", goal, "实际完成情况", "分值", "得分"))
      .toEqual(["level1", "level2", "name", "target", "actual", "weight", "score"]);
  });

  it("完成情况 beside a target heads the items' actuals; 实际完成情况 beside a goal, the goals' outcome", () => {
    expect(columns("绩效指标", "指标内容", "目标值", "完成情况", "分值", "得分")).toEqual(["label", "name", "target", "actual", "weight", "score"]);
    expect(columns("年度目标", "实际完成情况")).toEqual(["goal", "goalActual"]);
  });

  it("beside a 指标值 column, or left of the items (the block's label merged down), stays no target", () => {
    expect(columns("一级指标", "二级指标", "三级指标", "指标值", "年度目标")).toEqual(["level1", "level2", "name", "target", "goal"]);
    // (Left of the items it heads the goal text merged down beside them: no field of theirs, kept under it as extra.)
    expect(columns("年度绩效目标", "一级指标", "二级指标", "三级指标", "指标值")).toEqual(["level1", "level2", "name", "target"]);
  });

  it("绩效目标 | 绩效指标 | 指标值 | 完成情况: a goals word beside a grid of indicators heads the grid, not a goals block", () => {
    expect(columns("绩效目标", "绩效指标", "指标值", "完成情况", "偏差原因")).toEqual(["name", "target", "actual", "reason"]);
  });
});
