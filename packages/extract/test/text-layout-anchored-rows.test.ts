/**
 * joinAnchoredRows (text-layout-anchored-rows.ts): the rows of an indicator
 * table in `pdftotext -layout` text rebuilt column by column around their
 * value lines, on committed -layout files of real forms.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parseExtractedText, toMatrix } from "@jixiao/extract";

const REAL = new URL("../../../fixtures/real/text/", import.meta.url);
/** Each row of the file's tables as its cells' texts, a merged cell once. */
const rowsOf = (id: string) =>
  parseExtractedText(readFileSync(new URL(`${id}.pdftotext-layout.txt`, REAL), "utf8")).blocks
    .flatMap((b) => (b.kind === "table" ? toMatrix(b.table) : []))
    .map((row) => row.filter((c, i) => c && (i === 0 || row[i - 1] !== c)).map((c) => c!.text));

describe("joinAnchoredRows: cells centred on their row's value line", () => {
  it("finds the names under 三级指标 with a qualifier (三级指标(可调整)), and the rows round their weights (项目绩效评价表)", () => {
    const rows = rowsOf("unknown-undated-project-scorecard");
    expect(rows).toContainEqual(["决策程序", "5", "项目是否符合申报条件;申报、批复程序是否符合相关管理办法;项目调整是否履行相应手续",
      "项目符合申报条件(2分),申报、批复及项目实施调整是否符合相关管理办法和程序(3分)"]);
  });

  it("keeps a title whose words stand one space apart out of the table (此处填写扶持项目名称 项目绩效评价表)", () => {
    const doc = parseExtractedText(readFileSync(new URL("unknown-undated-project-scorecard.pdftotext-layout.txt", REAL), "utf8"));
    expect(doc.blocks.find((b) => b.kind === "text" && /项目绩效评价表$/.test(b.text))).toBeDefined();
    expect(rowsOf("unknown-undated-project-scorecard").flat().some((t) => /评价表/.test(t))).toBe(false);
  });

  it("ends a header cell centred round the header's line with its piece under it, not the first row's reason (山西 2020, 江西 浮梁)", () => {
    const shanxi = rowsOf("shanxi-2020-project-self-eval");
    expect(shanxi.find((r) => r.includes("一级指标"))?.at(-1)).toBe("偏差原因分析及改进措施");
    expect(shanxi.find((r) => r.includes("指标1:全县参合人数"))?.at(-1)).toBe("建档立卡中有新增死亡人员,导致有偏差");
    const jiangxi = rowsOf("jiangxi-undated-department-targets");
    expect(jiangxi.find((r) => r.includes("计算符号"))?.at(-1)).toBe("指标值说明");
    expect(jiangxi.find((r) => r.includes("保障在职职工人数(人)"))?.at(-1)).toBe("该指标值数据合理");
  });

  it("anchors a row on a figure with a Latin unit (80M), as on one with a CJK unit (湘潭 2024 雾炮车)", () => {
    const rows = rowsOf("hunan-2024-project-targets");
    expect(rows).toContainEqual(["年度绩效指标", "产出指标", "数量指标", "雾炮车抑尘降尘服务配备车辆数", "10", "计划标准"]);
    expect(rows).toContainEqual(["雾炮车风炮射程", "80M", "计划标准"]);
    expect(rows).toContainEqual(["质量指标", "服务周期内空气质量", "优良", "计划标准"]);
  });

  it("gives each name the lines centred on its values, and a placeholder row (指标 2 / ……) its own row (河北 2019)", () => {
    const rows = rowsOf("hebei-2019-project-self-eval");
    // 指标 1 工程资 / (values) / 金金额, the reason's four lines around the same values.
    expect(rows).toContainEqual(["产出指标", "数量指标", "指标1工程资金金额", "43.2", "37.24", "10", "9", "已完工,剩余3%尾款未付,且最高限价低于预算金额。提高预算准确度。"]);
    expect(rows).toContainEqual(["时效指标", "指标1项目完成及时率", "100", "100", "10", "10"]);
    // 成本指标, merged down over 指标1成本控制率 / 指标2 / ……, heads its first row.
    expect(rows).toContainEqual(["成本指标", "指标1成本控制率", "100", "100", "10", "10"]);
    // The lines between two rows that centre on neither are a row of their own, not the tail of one and the head of the next.
    expect(rows).toContainEqual(["指标2……"]);
    expect(rows.flat().some((t) => /完工率指标2|……指标1项目/.test(t))).toBe(false);
  });

  it("counts a level label's own line out of the name's lines (安徽 2019: ★★★建档立卡 / 数量指标 / 贫困人口中接受 …)", () => {
    const rows = rowsOf("anhui-2019-transfer-self-eval");
    expect(rows).toContainEqual(["★★★建档立卡贫困人口中接受临时救助的人次数(≥**人次)", "5", ">=59人次", "87人次", "5"]);
    expect(rows).toContainEqual(["★★★其中:农村低保对象中建档立卡贫困人口数量(按月平均)(≥**人)", "5", ">=9431人", "9453人", "5"]);
  });

  it("reads a row whose value is words (稳步提高) as a row, not the tail of the row above (湖北 2020)", () => {
    const rows = rowsOf("hubei-2020-project-targets-2");
    expect(rows).toContainEqual(["成本指标", "建设项目成本控制率", "100%"]);
    expect(rows).toContainEqual(["效益指标", "可持续影响指标", "义务教育优质均衡发展情况", "稳步提高"]);
  });

  it("takes the row of a sequence number and two values as a row though its score sits a column off (安徽 2023 部门评价)", () => {
    const rows = rowsOf("anhui-2023-department-scorecard");
    // Row 1's last criterion line 分)。 is row 1's, not the head of row 2's criterion.
    expect(rows).toContainEqual(["2", "工作计划(6分)", "年度工作计划完整性", "3", "部门及所属二级单位年度工作计划制定是否完整可行。", "年度工作计划是否完整可行(3分)", "3"]);
  });
});

describe("joinAnchoredRows: an anchor's value in any unit, or a one-character answer", () => {
  it("keeps 年增粮食 | 3500 公斤 a row of its own, not the tail of 财政资金补助's row (湖南 2022: 公斤, no unit of the word lists)", () => {
    const rows = rowsOf("hunan-2022-project-targets");
    expect(rows).toContainEqual(["成本指标", "财政资金补助", "1600元/亩"]);
    expect(rows.some((r) => r.includes("年增粮食") && r.includes("3500公斤"))).toBe(true);
    expect(rows.flat().some((t) => t.includes("补助年增粮食"))).toBe(false);
  });

  it("reads 项目实施是否产生经济价值 | 否 as a row, its answer one character (安徽 2025)", () => {
    const rows = rowsOf("anhui-2025-project-targets");
    expect(rows.find((r) => r.includes("项目金额"))?.slice(-2)).toEqual(["项目金额", "5万元"]);
    expect(rows.find((r) => r.includes("项目实施是否产生经济价值"))?.slice(-2)).toEqual(["项目实施是否产生经济价值", "否"]);
  });
});

describe("joinHeaderBand: a header of wrapped cells printed as a band of lines", () => {
  it("joins 一级指 / 标, 指标性 / 质 and 偏差原 / 因分析 / 及改进 / 措施 to the header line, 绩效指标 and 年度指标值 a group row above it (云南 2022-2)", () => {
    const rows = rowsOf("yunnan-2022-project-self-eval-2");
    expect(rows).toContainEqual(["绩效指标", "年度指标值"]);
    expect(rows).toContainEqual(["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]);
    // The first row's group label (数量指标, on the line of its values) stays the row's, not the header's.
    expect(rows.find((r) => r.includes("学生受资助人数"))).toEqual(expect.arrayContaining(["数量指标", "学生受资助人数", "≧", "735", "人次", "10"]));
  });

  it("leaves the first row's name below the header where a whole column word stands over it (湖北 2022: 完成省级宣传片 under 三级指标)", () => {
    const header = rowsOf("hubei-2022-project-self-eval").find((r) => r.includes("一级指标"))!;
    expect(header.join("|")).not.toContain("完成省级宣传片");
  });
});

describe("moveSpanLabels: a label's weight printed beside it", () => {
  it("moves 决策过程 | 8 up to the first row of its group, weight and all (海南 评分表)", () => {
    const rows = rowsOf("hainan-undated-project-scorecard");
    expect(rows).toContainEqual(["决策过程", "8", "决策依据", "3", "3"]);
    expect(rows).toContainEqual(["资金分配", "8", "分配办法", "2", "2"]);
    // The line the label stood on alone is gone.
    expect(rows).not.toContainEqual(["决策过程", "8"]);
    // Two labels with their weights on one line (项目管理 | 25 | 资金管理 | 10) each go to their group's first row.
    expect(rows).toContainEqual(["项目管理", "25", "资金到位", "5", "到位率", "3", "3"]);
    expect(rows).toContainEqual(["资金管理", "10", "资金使用", "7", "7"]);
  });
});

describe("placeholder rows: 指标 2: left empty by the template", () => {
  it("keeps 指标 2: a row of its own, so the names around it keep their lines (宁夏 2021)", () => {
    const rows = rowsOf("ningxia-2021-project-self-eval");
    expect(rows.find((r) => r.includes("保障人数"))).toEqual(expect.arrayContaining(["保障人数", "10", "2370人"]));
    expect(rows.find((r) => r.includes("公用经费完成时间"))).toEqual(["时效指标(5分)", "公用经费完成时间", "5", "2021年12月完成", "2021年12月完成", "4"]);
    expect(rows).toContainEqual(["指标2:"]);
  });
});

describe("moveSpanLabels: levels printed on every row", () => {
  it("leaves 一级/二级 labels that stand on each row's own line where they are (四川 2023 申报表)", () => {
    const rows = rowsOf("sichuan-2023-project-declaration");
    expect(rows.find((r) => r.includes("维持时效"))).toEqual(expect.arrayContaining(["产出指标", "时效指标", "维持时效"]));
    expect(rows.find((r) => r.includes("保护生态环境卫生"))).toEqual(expect.arrayContaining(["效益指标", "生态效益指标", "保护生态环境卫生"]));
  });
});

describe("placeCentredLabels: a group label centred left of its column's start", () => {
  it("puts 数量指标 under 二级指标, not beside 产出指标(40分) in the 一级 column (云南 2022)", () => {
    const rows = rowsOf("yunnan-2022-project-self-eval");
    const first = rows.find((r) => r.includes("公猪舍(≥**平方米)"))!;
    expect(first).toEqual(expect.arrayContaining(["数量指标", "公猪舍(≥**平方米)"]));
    expect(first.some((t) => /产出指标.*数量指标/.test(t))).toBe(false);
  });
});

describe("rows rebuilt around their value lines are not joined again column by column", () => {
  it("keeps ★补助家畜家禽养殖数量, 其中羊养殖数量 and 其中猪养殖数量 three rows (安徽 2023: 192只, 180只, 12头)", () => {
    const rows = rowsOf("anhui-2023-project-self-eval");
    expect(rows.find((r) => r.includes("★补助家畜家禽养殖数量"))).toEqual(expect.arrayContaining(["10", "192只"]));
    expect(rows.find((r) => r.includes("其中羊养殖数量"))).toEqual(expect.arrayContaining(["180只"]));
    expect(rows.find((r) => r.includes("其中猪养殖数量"))).toEqual(expect.arrayContaining(["12头"]));
  });
});

describe("joinAnchoredRows: a line that opens another group's label", () => {
  // 云南 永德 2022 (Chromium's text): 数量指标 学生受资助人数 ≧ 735 … on one line, then 质量指标 营养改善计划覆, then
  // 盖率 ≧ 100 % 100% 10 10: the name's first line sits with the next group's label, so it begins that row.
  const chromiumRows = (id: string) =>
    parseExtractedText(readFileSync(new URL(`${id}.chromium.pdftotext-layout.txt`, REAL), "utf8")).blocks
      .flatMap((b) => (b.kind === "table" ? toMatrix(b.table) : []))
      .map((row) => row.filter((c, i) => c && (i === 0 || row[i - 1] !== c)).map((c) => c!.text));

  it("gives the row below its cells, not the row above (质量指标 营养改善计划覆 / 盖率)", () => {
    const rows = chromiumRows("yunnan-2022-project-self-eval-2");
    expect(rows).toContainEqual(expect.arrayContaining(["学生受资助人数", "735"]));
    expect(rows.find((r) => r.includes("营养改善计划覆盖率"))).toEqual(expect.arrayContaining(["质量指标", "≧", "100", "100%"]));
    expect(rows.find((r) => r.includes("生均补助标准达标率"))).toEqual(expect.arrayContaining(["成本指标", "═"]));
    // 可持续影 starts a label after 社会效益 / 指标: 促进学校教育事 begins the row of 业健康发展 ≧ 100.
    expect(rows.flat()).toContain("促进学校教育事业健康发展");
  });

  it("leaves a block's label's end alone (四川 2021: 年度绩效指标 / 完成情况 beside two rows)", () => {
    const rows = chromiumRows("sichuan-2021-transfer-self-eval-3");
    expect(rows.flat()).toContain("指标5:进口冷链食品新冠肺炎疫情应急处置示范演练");
  });

  it("takes no group's label under a block's label beside the whole grid for a new group (福建 2023: 绩效指标 over 产出指标)", () => {
    const rows = chromiumRows("fujian-2023-transfer-targets");
    expect(rows.flat()).toContain("宗教管理经费补助县(市、区)数量");
  });
});
