/**
 * `pdftotext -layout` of forms printed in narrow columns (the Chromium PDFs of the real fixtures,
 * fixtures/real/text/ID.chromium.pdftotext-layout.txt): one space between an indicator's name and
 * its values and between the values, and two forms on one page with no blank line between them;
 * the rows of alike cells pdftotext printed a column at a time.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parseExtractedText, toMatrix, type Table } from "@jixiao/extract";
import { normalizeDocument } from "@jixiao/normalize";

const REAL = new URL("../../../fixtures/real/text/", import.meta.url);
const textOf = (id: string, kind = "chromium.pdftotext-layout") => readFileSync(new URL(`${id}.${kind}.txt`, REAL), "utf8");
const tablesOf = (text: string) => parseExtractedText(text).blocks.flatMap((b) => (b.kind === "table" ? [b.table] : []));
const rowsOf = (t: Table) => toMatrix(t).map((r) => r.map((c) => c?.text ?? "").filter(Boolean));
const formsOf = (id: string) => normalizeDocument(parseExtractedText(textOf(id)), { fileName: `${id}.txt` }).forms;

describe("a run of values one space apart ends an indicator's row", () => {
  it("is split into its cells after the name (安徽 2019: 发放人数(按月平均) 5 >=21933人 21980人)", () => {
    const rows = tablesOf(textOf("anhui-2019-transfer-self-eval")).flatMap(rowsOf);
    const row = rows.find((r) => r.includes(">=21933人"));
    expect(row).toBeDefined();
    expect(row!.slice(-5)).toEqual(["★★★农村低保发放人数(按月平均)", "5", ">=21933人", "21980人", "5"]);
    expect(rows.find((r) => r.includes(">=59人次"))).toEqual(expect.arrayContaining(["5", ">=59人次", "87人次"]));
  });

  it("is split when the chunk holds values alone (安徽 2023: ★补助鱼塘面积 10 3亩, the weight and the target)", () => {
    const rows = tablesOf(textOf("anhui-2023-project-self-eval")).flatMap(rowsOf);
    const row = rows.find((r) => r.includes("★补助鱼塘面积"));
    expect(row).toEqual(expect.arrayContaining(["★补助鱼塘面积", "10", "3亩"]));
    expect(rows.flat().filter((c) => c === "10 3亩")).toEqual([]);
  });

  it("leaves a sentence's figures and a date's parts in their cell", () => {
    // 临时救助87人次,救助资金30万元 goes on after its figures; 2022 年 8 月 10 日 is one date (LibreOffice's text).
    const goal = tablesOf(textOf("anhui-2019-transfer-self-eval")).flatMap((t) => t.cells).find((c) => c.text.startsWith("全年救助"));
    expect(goal?.text).toBe("全年救助建档立卡扶贫户临时救助87人次,救助资金30万元,完成目标任务。");
    const dated = tablesOf(textOf("hubei-2021-project-self-eval", "pdftotext-layout")).flatMap((t) => t.cells);
    expect(dated.some((c) => c.text === "8" || c.text === "10 日")).toBe(false);
  });
});

describe("a form's title on a line of its own ends the table above it", () => {
  it("parts two forms printed one under the other (甘肃 2023: two 绩效目标表, no blank line between)", () => {
    const cells = tablesOf(textOf("gansu-2023-project-targets")).flatMap((t) => t.cells.map((c) => c.text));
    expect(cells.filter((t) => t.includes("省级部门预算项目支出绩效目标表"))).toEqual([]);
    const forms = formsOf("gansu-2023-project-targets");
    expect(forms.map((f) => f.projectName)).toEqual(["博物馆纪念馆市级免费开放补助资金", "博物馆提升改造项目"]);
    expect(forms[0]!.indicators.map((i) => i.level1)).not.toContain("项目类型");
  });

  it("is no gap a table bridges (福建 2025: the allocation table above, the form under its title)", () => {
    const forms = formsOf("fujian-2025-transfer-targets");
    expect(forms.map((f) => [f.kind, f.projectName])).toEqual([["transfer_targets", "省级第七批水利专项资金"]]);
  });
});

describe("a column of numbered items under an indicator header", () => {
  it("starts each item's cell on its own line (四川 2021: 指标5:进口冷链食品新 is no line of 指标4's name)", () => {
    const rows = tablesOf(textOf("sichuan-2021-transfer-self-eval-3")).flatMap(rowsOf);
    const names = rows.flatMap((r) => r.filter((c) => /^指标\d:/.test(c)));
    expect(names).toEqual(expect.arrayContaining([
      "指标3:食品经营环节风险分级",
      "指标4:开展食品安全宣传周等科普宣传活",
      "指标5:进口冷链食品新冠肺炎疫情应急处置示范演练",
      "指标1:辖区内与补助资金相关的重大食品安全监管责任事故发生数",
    ]));
    expect(names.filter((n) => (n.match(/指标\d:/g) ?? []).length > 1)).toEqual([]);
  });
});

describe("the head of a form in narrow columns, read to the end", () => {
  it("takes the points a label wrapped over two lines captions (四川 2021: 自评得 / 分 over the indicators' 50)", () => {
    const [form] = formsOf("sichuan-2021-transfer-self-eval-3");
    expect(form!.indicators.map((i) => [i.name, i.score])).toContainEqual(["指标2:违法案件查办率", 4]);
    expect(form!.indicators).toHaveLength(9);
  });

  it("parts a label and its value one space apart at a line's end (新疆 2021: 项目负责人及联系电话 沈飞)", () => {
    const [form] = formsOf("xinjiang-2021-project-declaration");
    expect(form!.projectName).toBe("干渠防渗改造项目");
    expect(form!.facts.map((f) => [f.label, f.value])).toContainEqual(["项目负责人及联系电话", "沈飞"]);
  });
});

describe("labels wrapped in a narrow label column", () => {
  it("join the row whose label they end (湖南 2020: 专项资金 / 名称 over 县级主管 / 部门, set at the top of their cells)", () => {
    const rows = tablesOf(textOf("hunan-2020-transfer-self-eval")).flatMap(rowsOf);
    expect(rows).toContainEqual(expect.arrayContaining(["专项资金名称", "县级储备粮", "负责人及电话"]));
    expect(rows).toContainEqual(expect.arrayContaining(["县级主管部门", "衡山县商务和粮食局", "实施单位"]));
  });

  it("part a label closing on its unit from the cell one space after it ((万元) 其中:中央、省、市补助县级资)", () => {
    const cells = tablesOf(textOf("hunan-2020-transfer-self-eval")).flatMap((t) => t.cells.map((c) => c.text));
    expect(cells).toContain("项目资金(万元)");
    expect(cells.filter((c) => c.includes("(万元)其中") || c.includes("(万元) 其中"))).toEqual([]);
  });
});

describe("a group's label printed a character per line beside rows of values", () => {
  it("is one label when its characters spell it (安徽 2023: 产 / 出 / 指 / 标 / (50分))", () => {
    const cells = tablesOf(textOf("anhui-2023-project-self-eval")).flatMap((t) => t.cells.map((c) => c.text));
    expect(cells).toEqual(expect.arrayContaining(["产出指标(50分)", "效益指标(30分)"]));
    expect(cells.filter((c) => c === "出" || c === "指")).toEqual([]);
  });
});

describe("a short form's label | value lines in narrow columns", () => {
  // 宁夏 2022's 自评表 head: sixteen lines whose column starts are shared by two lines each, and each label
  // one space from its value (自治区主管部门 农业农村厅 … 专项实施期 2022年3月-2022年11月).
  it("are read as layout text, each label its own cell beside its value (宁夏 2022 自评表)", () => {
    const rows = tablesOf(textOf("ningxia-2022-transfer-self-eval")).flatMap(rowsOf);
    expect(rows).toContainEqual(["市县财政部门", "原州区财政局", "市县主管部门", "原州区农业农村局"]);
    const form = formsOf("ningxia-2022-transfer-self-eval")[0]!;
    expect(form.kind).toBe("transfer_self_eval");
    expect(form.facts.find((f) => f.label === "市县主管部门")?.value).toBe("原州区农业农村局");
  });

  it("keeps a label with its colon on a line as a pair, no table (湖南 2018: 部门(单位)名称: 岳阳市…)", () => {
    const cells = tablesOf(textOf("hunan-2018-department-self-eval", "pdftotext-layout")).flatMap((t) => t.cells.map((c) => c.text));
    expect(cells).not.toContain("岳阳市城市管理监督指挥中心");
  });
});

describe("a group's numbered heading on a line of its own", () => {
  // 宜兴's 自评表: 一、投入目标 alone on its line, then 1.预算投入资金 6475 …; 三、产出目标 then 1.数量目标 (LibreOffice's text).
  it("stays a row of its own, not the first line of the name below it", () => {
    const rows = tablesOf(textOf("jiangsu-undated-project-self-eval", "pdftotext-layout")).flatMap(rowsOf);
    expect(rows).toContainEqual(["一、投入目标"]);
    expect(rows).toContainEqual(["1.数量目标"]);
    expect(rows.flat().some((c) => c.startsWith("一、投入目标1."))).toBe(false);
    const form = normalizeDocument(parseExtractedText(textOf("jiangsu-undated-project-self-eval", "pdftotext-layout")), { fileName: "yixing.txt" }).forms[0]!;
    expect(form.indicators[0]).toMatchObject({ level1: "一、投入目标", name: "1.预算投入资金", targetText: "6475", weight: 1, score: 1 });
  });
});

describe("a notice's paragraphs with its form annexed at the end", () => {
  // 天津 宝坻 2020: two notices of fifteen lines of prose, then 附件2's 自评表 of a few label | value lines (Chromium's
  // text): too few laid-out lines for the whole text, enough for its tail.
  it("is layout text, its form read from the lines laid out", () => {
    const [form] = formsOf("tianjin-2020-transfer-self-eval");
    expect(form?.kind).toBe("transfer_self_eval");
    expect(form?.facts.find((f) => f.label === "地方主管部门")?.value).toBe("天津市宝坻区财政局");
  });
});

describe("a money block's whole left blank over its parts", () => {
  // 陕西 2023: 年度资金总额 (blank) over 其中:中央补助 50.29 over 地方资金, the block's label 资金金额 beside the middle line.
  it("is a line of its own, not the first line of the part under it", () => {
    const rows = tablesOf(textOf("shaanxi-2023-transfer-targets")).flatMap(rowsOf);
    expect(rows).toContainEqual(["年度资金总额"]);
    expect(rows).toContainEqual(["资金金额", "其中:中央补助", "50.29"]);
    expect(formsOf("shaanxi-2023-transfer-targets")[0]?.kind).toBe("transfer_targets");
  });
});

describe("a notice with its form annexed, whose label | value lines are one space apart", () => {
  // 陕西 2021 (Chromium's text): fourteen lines of a notice, then the 区域绩效目标申报表: 区级财政部门 宝鸡市陈仓区财政局 …
  // one space apart, aligning nowhere; only the indicator header sets its words apart by gaps.
  it("is layout text from its indicator header's line, and its form is read", () => {
    expect(tablesOf(textOf("shaanxi-2021-transfer-targets")).length).toBeGreaterThan(0);
    const [form] = formsOf("shaanxi-2021-transfer-targets");
    expect(form?.kind).toBe("transfer_targets");
    expect(form?.facts.find((f) => f.label === "区级财政部门")?.value).toBe("宝鸡市陈仓区财政局");
  });

  // Its names, no values beside them, each on one line in the wide column: each ends in its unit's bracket.
  it("keeps names that each end in their unit apart, though the longest fill the column", () => {
    const rows = tablesOf(textOf("shaanxi-2021-transfer-targets")).flatMap(rowsOf);
    expect(rows).toContainEqual(["绩效指标", "产出指标", "数量指标", "天保工程实施单位保险参保人数(人)"]);
    for (const name of ["上一轮退耕还林补助面积(万亩)", "新一轮退耕还林(草)第二次补助面积(万亩)", "新一轮退耕还林(草)第三次补助面积(万亩)", "草原有害生物防治面积(万亩)"]) {
      expect(rows).toContainEqual([name]);
    }
  });
});

describe("rows pdftotext printed a column at a time (its blocks of alike cells, Chromium's PDFs)", () => {
  // 河北 宁晋 2019: 享受资助人数 / 资金支出率, then 达到预计值 / 达到目标值, 2100 / 95%, 10 / 10, each block right of
  // the one before and under it.
  it("lays the blocks side by side again, one row per line (河北 2019 评价指标表)", () => {
    const rows = tablesOf(textOf("hebei-2019-project-scorecard")).flatMap(rowsOf);
    expect(rows).toContainEqual(expect.arrayContaining(["享受资助人数", "达到预计值", "2100", "10"]));
    expect(rows).toContainEqual(expect.arrayContaining(["资金支出率", "达到目标值", "95%", "10"]));
  });

  // 四川 中江 2022: 时效指标 及时(按期)开工率 / 及时(按期)完工率, then 10 ≥90% twice, ≥90% twice, 10 twice; the
  // line above, (70分), starts no block (≥90% under 10 ≥90% stands under no line of its block).
  it("starts at the block's first line and keeps each row's values on it (四川 2022 自评表)", () => {
    const rows = tablesOf(textOf("sichuan-2022-project-self-eval")).flatMap(rowsOf);
    expect(rows).toContainEqual(["及时(按期)开工率", "10", "≥90%", "≥90%", "10"]);
    expect(rows.find((r) => r.includes("及时(按期)完工率"))?.slice(-4)).toEqual(["10", "≥90%", "≥90%", "10"]);
    expect(rows.find((r) => r.includes("(70分)"))).toEqual(["(70分)"]);
  });

  // 重庆 2022 部门整体目标表: 10 / 10 % = beside 100, the unit and the sign in columns of their own.
  it("takes a block of values with their units and signs (重庆 2022 部门目标表)", () => {
    const rows = tablesOf(textOf("chongqing-2022-department-targets")).flatMap(rowsOf);
    expect(rows).toContainEqual(expect.arrayContaining(["民政优抚及特困补助发放及时率", "10", "%", "=", "100"]));
  });
});

describe("an indicator header at a page's foot, its rows on the next page (江西 浮梁 部门整体绩效目标, Chromium's text)", () => {
  // 一级指标 二级指标 三级指标 计算符 目标值 度量单位 指标值说明, 号 under 计算符, then the page break; the next page's
  // rows start five characters further right than the header's words.
  it("keeps the header's wrapped word whole and its words apart (计算符 / 号, 目标值 one space after it)", () => {
    const rows = tablesOf(textOf("jiangxi-undated-department-targets")).flatMap(rowsOf);
    expect(rows).toContainEqual(["一级指标", "二级指标", "三级指标", "计算符号", "目标值", "度量单位", "指标值说明"]);
    expect(rows).not.toContainEqual(["号"]);
  });

  it("heads the next page's columns in order with it", () => {
    const rows = tablesOf(textOf("jiangxi-undated-department-targets")).flatMap(rowsOf);
    expect(rows.find((r) => r.includes("保障在职职工人数(人)"))?.slice(-4)).toEqual(["=", "116", "人", "该指标值数据合理"]);
    const form = formsOf("jiangxi-undated-department-targets")[0]!;
    expect(form.indicators.find((i) => i.name === "保障退休职工人数(人)")).toMatchObject({ targetText: "81", unit: "人" });
  });
});

describe("a label and its figure one space apart (甘肃 2023 绩效目标表, Chromium's text)", () => {
  // 项目开始日期 2023-01-01 … 项目总投资 20万元 中央补助安排 0 省级财政安排 0 其他资金 20万元: a word that ends as labels
  // end (…日期, …投资, …资金), then a figure alone.
  it("parts the label from its value", () => {
    const rows = tablesOf(textOf("gansu-2023-project-targets")).flatMap(rowsOf);
    expect(rows.flat()).toEqual(expect.arrayContaining(["项目开始日期", "2023-01-01", "其他资金", "20万元"]));
    const facts = new Map(formsOf("gansu-2023-project-targets")[0]!.facts.map((f) => [f.label, f.value]));
    expect([facts.get("项目总投资"), facts.get("中央补助安排"), facts.get("其他资金")]).toEqual(["20万元", "0", "20万元"]);
  });

  it("leaves a name and its weight in an indicator's row to the value runs (★补助鱼塘面积 10 3亩)", () => {
    const rows = tablesOf(textOf("anhui-2023-project-self-eval")).flatMap(rowsOf);
    expect(rows.find((r) => r.includes("★补助鱼塘面积"))).toEqual(expect.arrayContaining(["10", "3亩"]));
  });
});

describe("an indicator header under a goals block, its cells wrapped (宁夏 银川 2021 自评表, Chromium's text)", () => {
  // 年度总体 年初设定目标 保障学校正常工作运行 / 目标 年度总体目标完成情况 right over 一级指标 … 参考 指标值(A) … 得分
  // 未完成原因分析及改, then 分值 and 进措施 on the line under it.
  it("keeps the goal's text out of the header, and the header's tails in it", () => {
    const rows = tablesOf(textOf("ningxia-2021-project-self-eval")).flatMap(rowsOf);
    expect(rows).toContainEqual(["一级指标", "二级指标", "三级指标", "参考分值", "指标值(A)", "全年实际值(B)", "得分", "未完成原因分析及改进措施"]);
    expect(rows.find((r) => r.includes("年初设定目标"))).toContain("保障学校正常工作运行");
  });
});
