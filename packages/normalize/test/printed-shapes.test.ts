/**
 * Shapes of printed forms that templates outside the seeds use, read by what
 * they are rather than by the template (fixtures/real: 衡山县贯塘乡 2023,
 * 通城县塘湖镇 2020, 广水市教育局 2023, 嘉峪关市文化和旅游局 2023, 宁德 2019,
 * 宁晋县 2019, 旺苍县 2021, 海淀区学院路街道 2016, 阳泉 2021, 慈溪 2023, 淮北 2025,
 * 广元市昭化区 2021, 岳阳市南湖新区 2016, 忠县 2024). Each test
 * reads the real fixture's DOCX and LibreOffice PDF, so both the exact grid and
 * the PDF table finder's grid are held to it.
 */
import { describe, expect, it } from "vitest";
import { normalizeDocument, type Form } from "@jixiao/normalize";
import { extractedFixture } from "./fixture-documents.ts";
import type { RealFormat } from "./real-forms.ts";

const FORMATS: RealFormat[] = ["docx", "pdf/lo"];
const formsOf = async (id: string, format: RealFormat) => normalizeDocument(await extractedFixture(id, format), { fileName: `${id}.${format}` }).forms;
const fact = (f: Form, label: string) => f.facts.find((x) => x.label.replace(/\s+/g, "") === label.replace(/\s+/g, ""))?.value;
const line = (f: Form, source: string) => f.funding.find((l) => l.source === source);

describe.each(FORMATS)("printed shapes (%s)", (format) => {
  it("takes a data sheet the evaluation draws on (…绩效评价基础数据表) for no form, and reads the 自评表 after it", async () => {
    const forms = await formsOf("hunan-2023-department-self-eval", format);
    expect(forms.map((f) => f.title)).toEqual(["2023年度部门整体支出绩效自评表"]);
    const [form] = forms;
    // 预算部门、单位名称: a label with a list comma; 年度预算申请(万元: a unit whose bracket the print left open.
    expect(form!.agency).toBe("衡山县贯塘乡人民政府");
    expect(form!.moneyUnit).toBe("万元");
    // 其中:一般公共预算:1325.68 — the part's name is the label, the amount after the second colon its value.
    expect(fact(form!, "其中:一般公共预算")).toBe("1325.68");
    expect(fact(form!, "其中:基本支出")).toBe("900.47");
    // The split by purpose printed as pairs is checked against the block's total: 900.47 + 1025.20 against 2030.12.
    expect(line(form!, "基本支出")?.budget).toBe(900.47);
    expect(line(form!, "项目支出")?.budget).toBe(1025.2);
  });

  it("reads one figure merged over 预算数(A) and 执行数(B) as both, and a numbered goal with its points as a label", async () => {
    const [form] = await formsOf("hubei-2020-department-self-eval", format);
    expect(line(form!, "部门整体支出总额")).toMatchObject({ budget: 864.2, executed: 864.2, executionRate: 1, score: 20 });
    expect(fact(form!, "年度目标1:(80分)")).toBe("增强政府工作效率、改善乡镇居住环境");
    // 单位名称:塘湖镇政府 in the caption over the table yields to the form's own 单位名称 | 塘湖镇人民政府.
    expect(form!.agency).toBe("塘湖镇人民政府");
    expect(fact(form!, "单位名称")).toBe("塘湖镇政府");
  });

  it("keeps a department's target form whose page prints only its head, with its 收入构成 / 支出构成 block", async () => {
    const [form, ...rest] = await formsOf("hubei-2023-department-targets", format);
    expect(rest).toEqual([]);
    expect(form).toMatchObject({ kind: "department_targets", agency: "广水市教育局", fiscalYear: 2023, moneyUnit: "万元" });
    // 当年金额 is the year's amount; the years before it stay in extra under their headers.
    expect(line(form!, "财政拨款")).toMatchObject({ budget: 108292.73, extra: { "2022年": "98577.39" } });
    expect(form!.funding.filter((l) => l.source === "合计").map((l) => l.budget)).toEqual([122641.5, 122641.5]);
  });

  it("reads a department's list of spending items (年度履职目标 | 部门职能 | 年度目标任务 | 支出项目名称 | 预算金额) as its project_list rows", async () => {
    const forms = await formsOf("fujian-2019-department-targets", format);
    const [dept, ...items] = forms;
    expect(dept!.kind).toBe("department_targets");
    expect(items.map((f) => [f.kind, f.parentSeq, f.projectName, f.funding[0]?.budget])).toEqual([
      ["project_list", dept!.seq, "地情、市志编纂与年鉴出版经费", 49.8],
      ["project_list", dept!.seq, "地情、市志编纂与年鉴出版经费", 11],
      ["project_list", dept!.seq, "基本支出", 171.41],
    ]);
    // The task is the item's goal; the duty it serves stays under its header.
    expect(items[0]!.goals[0]?.expected).toBe("保障志鉴地情相关工作开展所需资金,确保完成2019年度任务");
    expect(fact(items[0]!, "部门职能")).toBe("组织、指导、编纂、督促和检查地方志、年鉴、地情工作");
    // Those rows are no header facts of the department's form any more.
    expect(dept!.facts.some((f) => f.label.startsWith("组织、指导"))).toBe(false);
  });

  it("takes the unnamed columns left of the indicators' names for their levels (评价指标 | 评价内容 | 指标名称)", async () => {
    const [form] = await formsOf("hebei-2019-project-scorecard", format);
    expect(form!.indicators.slice(0, 3).map((i) => [i.level1, i.level2, i.name])).toEqual([
      ["项目年度绩效目标(定量指标)", "制度指标", "规章制度建立与否"],
      ["项目年度绩效目标(定量指标)", "产出数量指标", "享受资助人数"],
      ["项目年度绩效目标(定量指标)", "产出数量指标", "资金支出率"],
    ]);
  });

  it("reads 转移(项目)名称 as the project's name and 得分计算方法 as the scoring rule", async () => {
    const [transfer] = await formsOf("sichuan-2021-transfer-self-eval", format);
    expect(transfer!.projectName).toBe("基本药物制度补助资金");
    const [beijing] = await formsOf("beijing-2016-project-self-eval", format);
    expect(beijing!.indicators[0]!.scoringRule).toBe("完成值达到指标值,记满分;未达到指标值,按B/A或A/B*该指标分值记分。");
  });

  it("reads a label with a list comma that ends as labels do (保证项目实施的制度、措施) as a label", async () => {
    const [form] = await formsOf("shanxi-2021-project-targets", format);
    expect(fact(form!, "保证项目实施的制度、措施")).toMatch(/^山西省人民政府晋政办发\[2018\]96号文件/);
  });

  it("reads a publication of targets project by project: the heading names the project, 项目具体目标表 titles its table", async () => {
    const [form, ...rest] = await formsOf("zhejiang-2023-project-targets", format);
    expect(rest).toEqual([]);
    expect(form).toMatchObject({ kind: "project_targets", title: "项目具体目标表", projectName: "3岁以下婴幼儿照护服务项目" });
    expect(form!.indicators).toHaveLength(11);
  });

  it("reads 一级 (a header cut short) as the level-1 column and 上年结转 as money", async () => {
    const [form] = await formsOf("anhui-2025-project-targets", format);
    expect(form!.indicators[0]!.level1).toBe("产出指标");
    expect(form!.funding.find((l) => l.source === "上年结转")?.budget).toBe(0);
  });

  it("reads a money table headed 年度资金总额 | 金额(万元): the first column names the lines", async () => {
    const [form] = await formsOf("sichuan-2021-project-declaration", format);
    expect(form!.funding.slice(0, 2).map((l) => [l.source, l.budget])).toEqual([["(一)财政拨款小计", 6.3], ["1、一般公共预算", 6.3]]);
  });

  it("reads a report cover's 项目名称    优 抚 as a pair, and 评价机构 names no agency", async () => {
    const [form] = await formsOf("hunan-2016-project-self-eval", format);
    expect(form!.agency).toBe("南湖新区民政局");
    expect(fact(form!, "评价机构")).toBe("部门(单位)评价组");
  });

  it("reads 年初绩效目标 | 全年(调整)绩效目标 | 全年目标实际完成情况 as a goals block (忠县 2024)", async () => {
    const [form] = await formsOf("chongqing-2024-department-self-eval", format);
    expect(fact(form!, "年初绩效目标")).toMatch(/^保障科协全体人员的正常办公生活秩序/);
    expect(fact(form!, "全年目标实际完成情况")).toMatch(/^召开县科协九届三次全会/);
  });

  it("names the project by its 二级项目名称 under the 一级 programme, and reads a row of a total and its parts as one block", async () => {
    const forms = await formsOf("gansu-2023-project-targets", format);
    expect(forms.map((f) => f.projectName)).toEqual(["博物馆纪念馆市级免费开放补助资金", "博物馆提升改造项目"]);
    const [form] = forms;
    // 项目总投资 | 20万元 | 中央补助安排 | 0 | 省级财政安排 | 0 | 其他资金 | 20万元: the whole, then its parts.
    expect(form!.funding.map((l) => [l.source, l.sourceKind, l.budget])).toEqual([
      ["项目总投资", "total", 20], ["中央补助安排", "central", 0], ["省级财政安排", "superior", 0], ["其他资金", "other", 20], ["预算申报数", "total", 20],
    ]);
    // 年度绩效目标 | a sentence of 24 characters: a pair, not the header of a goals block.
    expect(fact(form!, "年度绩效目标")).toBe("进一步提高博物馆纪念馆运行效率和免费开放服务水平");
  });
});

describe("printed shapes in -layout text", () => {
  it("takes a subtotal ((一)财政拨款小计) for one source's total, never the whole block's", async () => {
    const [form] = await formsOf("sichuan-2021-project-declaration", "text/pdftotext-layout");
    const subtotal = form!.funding.find((l) => l.source === "(一)财政拨款小计");
    expect(subtotal?.budget).toBe(6.3);
    expect(subtotal?.sourceKind).not.toBe("total");
  });

  it("reads a short phrase ending in 指标 under a level column (制度指标, 产出数量指标) as a level of the template's own, not an indicator", async () => {
    const [form] = await formsOf("hebei-2019-project-scorecard", "text/pdftotext-layout");
    expect(form!.indicators.map((i) => [i.level1, i.level2, i.name])).toEqual([
      ["项目年度绩效目标(定量指标)", "制度指标", "规章制度建立与否"],
      ["项目年度绩效目标(定量指标)", "产出数量指标", "享受资助人数"],
      ["项目年度绩效目标(定量指标)", "产出数量指标", "资金支出率"],
      ["项目年度绩效目标(定量指标)", "质量指标", "建档立卡学生全面覆盖"],
      ["项目年度绩效目标(定量指标)", "质量指标", "资助对象满意度"],
      ["项目年度绩效目标(定量指标)", "时效指标", "及时发放率"],
      ["项目年度绩效目标(定量指标)", "成本指标", "资助标准达标率"],
    ]);
  });

  it("takes a funding block's label beside its first line's label (项目资金(万元) | 年度资金总额:) for the block's, not the line's", async () => {
    const [form] = await formsOf("beijing-2016-project-self-eval", "text/pdftotext-layout");
    expect(form!.funding[0]).toMatchObject({ source: "年度资金总额", budget: 310.2, executed: 154.74 });
  });
});

describe("printed shapes in text copied from a web page", () => {
  it("keeps a row that prints every cell under a header that does where printed: its first cells are levels, not a name and its explanation (宁晋 2019)", async () => {
    const [form] = await formsOf("hebei-2019-project-scorecard", "text/web");
    expect(form!.indicators.slice(0, 2).map((i) => [i.level1, i.level2, i.name, i.targetText, i.weight])).toEqual([
      ["项目年度绩效目标(定量指标)", "制度指标", "规章制度建立与否", null, 20],
      ["项目年度绩效目标(定量指标)", "产出数量指标", "享受资助人数", "2100", 10],
    ]);
  });

  it("takes a negative number for a target, never a weight or a score, in a row whose merged 评分标准 and 权数 vanished", async () => {
    const [form] = await formsOf("unknown-undated-budget-management-scorecard", "text/web");
    const change = form!.indicators.find((i) => i.name === "结转结余变动率")!;
    expect([change.targetText, change.weight, change.score]).toEqual(["-0.300000152587891", null, null]);
  });
});
