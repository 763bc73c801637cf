/**
 * Plain `pdftotext` (no -layout): a cell per blank-separated paragraph, rows
 * rebuilt from what the cells hold (src/text-stream.ts), on the committed
 * fixtures/real/text/*.pdftotext.txt, through extract and normalize.
 */
import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { parseExtractedText, toMatrix, type ExtractedDocument, type Table } from "@jixiao/extract";
import { isValueCell, looksLikeCellStream } from "../src/text-stream.ts";
import { REAL, plainForms as forms, plainText as text } from "./plain-text-fixtures.ts";

const tables = (doc: ExtractedDocument) => doc.blocks.flatMap((b) => (b.kind === "table" ? [b.table] : []));
const rowsOf = (t: Table) => toMatrix(t).map((r) => r.map((c) => c?.text ?? "").filter(Boolean));

describe("detection", () => {
  it("takes plain pdftotext for a cell stream, and not -layout text, prose or a web table's rows", () => {
    expect(looksLikeCellStream(text("anhui-2022-project-self-eval").split("\n"))).toBe(true);
    const layout = readFileSync(new URL("text/anhui-2022-project-self-eval.pdftotext-layout.txt", REAL), "utf8");
    expect(looksLikeCellStream(layout.split("\n"))).toBe(false);
    expect(looksLikeCellStream(["本年度预算收入合计3686.55万元，比上年增加。", "", "其中一般公共预算拨款收入3000万元。"])).toBe(false);
  });

  it("tells values from words", () => {
    for (const v of ["228", "181.82", "79.74%", "3359.62 万", "≥50 个", "—", "%", "="]) expect(isValueCell(v), v).toBe(true);
    for (const w of ["分值", "产出指标", "≥50个百分比的", "2022 年度项目"]) expect(isValueCell(w), w).toBe(false);
  });
});

describe("rows of anhui-2022-project-self-eval", () => {
  const rows = tables(parseExtractedText(text("anhui-2022-project-self-eval"))).flatMap(rowsOf);

  it("pairs the header block's labels with their values", () => {
    expect(rows).toContainEqual(["项目名称", "委托业务项目"]);
    expect(rows).toContainEqual(["主管部门", "219-池州市贵池区棠溪镇人民政府"]);
  });

  it("joins a wrapped header cell and reads a run of column words as the header row", () => {
    expect(rows).toContainEqual(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]);
  });

  it("ends an indicator row where text follows its numbers", () => {
    // (Each behind the level labels that text-stream-level-groups.ts and text-stream-levels.ts put back.)
    const ends = rows.map((r) => r.slice(-5));
    expect(ends).toContainEqual(["基建工程委托业务项目数量", "≥50 个", "50", "8", "8"]);
    expect(ends).toContainEqual(["委托业务报告合格率", "≥100 百分比", "100", "8", "8"]);
  });
});

describe("forms from plain pdftotext", () => {
  it("anhui-2022-project-self-eval: the project and its indicators", async () => {
    const [f, more] = await forms("anhui-2022-project-self-eval");
    expect(more).toBeUndefined();
    expect(f!.kind).toBe("project_self_eval");
    expect(f!.projectName).toBe("委托业务项目");
    const ind = f!.indicators.find((i) => i.name === "基建工程委托业务项目数量");
    expect([ind?.weight, ind?.score]).toEqual([8, 8]);
  });

  it("tianjin-2020-transfer-self-eval: the funding total", async () => {
    const [f] = await forms("tianjin-2020-transfer-self-eval");
    expect(f!.kind).toBe("transfer_self_eval");
    const total = f!.funding.find((l) => l.source === "年度资金总额");
    expect([total?.budget, total?.executed]).toEqual([1760, 1760]);
  });

  it("hubei-2020-project-targets: the indicator table under a title of its own", async () => {
    const [f] = await forms("hubei-2020-project-targets");
    expect(f!.kind).toBe("project_targets");
    expect(f!.indicators.map((i) => i.name)).toContain("重点建设工程安排数量");
  });

  it("hubei-2022-project-self-eval: rows as wide as the widest run of the header that reading order broke up", () => {
    const rows = tables(parseExtractedText(text("hubei-2022-project-self-eval"))).flatMap(rowsOf);
    expect(rows).toContainEqual(["成本指标", "省级宣传片制作费、申报文本编制费、自评估报告编制费", "200 万", "195.5 万元", "10"]);
    expect(rows).toContainEqual(["社会效益 指标", "指导城市建设", "指导城市建设", "完成", "10"]);
  });

  it("chongqing-2022-department-targets: the department's budget total", async () => {
    const [f] = await forms("chongqing-2022-department-targets");
    expect(f!.kind).toBe("department_targets");
    expect(f!.funding[0]?.budget).toBe(3724.39);
  });

  const negatives = readdirSync(new URL("expect/", REAL))
    .filter((n) => n.endsWith(".json"))
    .map((n) => n.slice(0, -".json".length))
    .filter((id) => existsSync(new URL(`text/${id}.pdftotext.txt`, REAL)))
    .filter((id) => (JSON.parse(readFileSync(new URL(`expect/${id}.json`, REAL), "utf8")) as { forms: unknown[] }).forms.length === 0);

  it("has budget publications to check", () => expect(negatives.length).toBeGreaterThanOrEqual(5));
  it.each(negatives)("%s (a budget publication): no form", async (id) => {
    expect(await forms(id)).toEqual([]);
  });
});

describe("rows of jiangxi-undated-department-targets (浮梁县林业局, a header ending in a column of text)", () => {
  const rows = tables(parseExtractedText(text("jiangxi-undated-department-targets"))).flatMap(rowsOf);

  it("reads the header whose level words are interleaved with the first row's merged levels, those levels leading that row", () => {
    // (一级指标 | 产出指标 | 二级指标 | 数量指标 | 三级指标 | 计算符号 …: reading order goes down each column.)
    expect(rows).toContainEqual(["一级指标", "二级指标", "三级指标", "计算符号", "目标值", "度量单位", "指标值说明"]);
    expect(rows).toContainEqual(["产出指标", "数量指标", "保障在职职工人数(人)", "=", "116", "人", "该指标值数据合理"]);
  });

  it("keeps a unit and the trailing text column in the row of the figures before them", () => {
    expect(rows).toContainEqual(["林木采伐监管(万立方米)", "=", "6", "万立方米", "该指标值数据合理"]);
    expect(rows).toContainEqual(["签订野生动物致害保险(单)", "=", "1", "单", "该指标值数据合理"]);
    // (Only the last row's comparison sign comes after its text in reading order: 95 | % | 该指标值数据合理 | ≥.)
    expect(rows.filter((r) => r[0] === "该指标值数据合理").length).toBeLessThanOrEqual(1);
  });

  it("is the department's target form", async () => {
    const [form, ...rest] = await forms("jiangxi-undated-department-targets");
    expect(rest).toEqual([]);
    expect([form!.kind, form!.agency]).toEqual(["department_targets", "浮梁县林业局"]);
    expect(form!.indicators.length).toBeGreaterThanOrEqual(10);
  });
});

describe("a header-block label glued to its value (sichuan-2023-project-self-eval-2)", () => {
  it("is a row of its own, read as the form's fact", async () => {
    const form = (await forms("sichuan-2023-project-self-eval-2"))[0]!;
    expect(form.facts.find((f) => f.label === "项目负责人")?.value).toBe("查小兵");
    expect(form.facts.find((f) => f.label === "财务负责人")?.value).toBe("唐勇");
  });
});

describe("rows of shanghai-2022-project-self-eval (a column word wrapped after its qualifier)", () => {
  const rows = tables(parseExtractedText(text("shanghai-2022-project-self-eval"))).flatMap(rowsOf);

  it("joins 年度 | 指标值 and 实际 | 完成值 into the header's column words, and reads the rows under them", () => {
    expect(rows).toContainEqual(["二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]);
    expect(rows).toContainEqual(["数量指标", "与委托运营方结算完成率", "=100%", "100%", "10", "10"]);
  });

  it("gives the form its indicators", async () => {
    const form = (await forms("shanghai-2022-project-self-eval"))[0]!;
    expect(form.indicators.map((i) => [i.name, i.weight, i.score])).toContainEqual(["场馆开放满意度", 10, 10]);
  });
});

describe("rows of hebei-2019-project-self-eval (reading order far from the rows)", () => {
  it("leaves out figures with no name and a reason printed before its figures: no indicator without a name", async () => {
    const form = (await forms("hebei-2019-project-self-eval"))[0]!;
    expect(form.indicators.filter((i) => !i.name || /。$/.test(i.name))).toEqual([]);
  });
});

describe("a header drawn with its names' column after the targets (shanghai-2022-project-self-eval)", () => {
  it("puts 三级指标 back before 年度指标值 and 实际完成值, so each row's name and target are read as such", async () => {
    const rows = tables(parseExtractedText(text("shanghai-2022-project-self-eval"))).flatMap(rowsOf);
    expect(rows).toContainEqual(["二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]);
    const form = (await forms("shanghai-2022-project-self-eval"))[0]!;
    expect(form.indicators.find((i) => i.name === "合同结算条款完成率")).toMatchObject({ targetText: "=100%", actualText: "100%", weight: 20, score: 20 });
  });
});

describe("a header in other templates' words, over rows read by their places (江苏 宜兴 2016, 甘肃 2023)", () => {
  const rows = tables(parseExtractedText(text("jiangsu-undated-project-self-eval"))).flatMap(rowsOf);

  it("reads 目标名称 … 评分规则 | 得分 as one header row, its groups' words (绩效目标设置情况) kept as text", () => {
    expect(rows[0]).toEqual(["目标名称", "目标值", "评价指标", "标准值", "目标完成值", "评价指标值", "权重分值", "评分规则", "得分"]);
    const texts = parseExtractedText(text("jiangsu-undated-project-self-eval")).blocks.flatMap((b) => (b.kind === "text" ? [b.text] : []));
    expect(texts).toEqual(expect.arrayContaining(["绩效目标设置情况", "绩效目标完成情况"]));
  });

  it("makes a numbered group's label (一、投入目标) a row of its own, as the grid prints it across the table", () => {
    expect(rows[1]).toEqual(["一、投入目标"]);
  });

  it("keeps words under a column of words (评价指标, 评分规则) on the row, after its figures", () => {
    expect(rows).toContainEqual(["2.实际到位资金", "6475", "资金到位率", "100%", "6475", "100%", "1", "实际到位资金/预算投入资金≠100%则不得分", "1"]);
    expect(rows).toContainEqual(["3.实际支出", "6475", "实际支出率", "100%", "6475", "100%", "1", "实际支出率≠100%则不得分", "1"]);
  });

  it("finds the form, whose rows are a tree of groups and names", async () => {
    const [form] = await forms("jiangsu-undated-project-self-eval");
    expect(form?.indicators.find((i) => i.name === "2.实际到位资金")).toMatchObject({ level1: "一、投入目标", targetText: "6475", actualText: "6475", weight: 1, score: 1 });
  });

  it("takes 指标目标值 for a column word, but not a sentence's head wrapped in its cell (该指标值 over 数据合理)", async () => {
    const [gansu] = await forms("gansu-2023-project-targets");
    expect(gansu?.indicators.find((i) => i.name === "免费开放天数")).toMatchObject({ level2: "数量指标", targetText: "=300 天" });
    const jiangxi = tables(parseExtractedText(text("jiangxi-undated-department-targets"))).flatMap(rowsOf);
    expect(jiangxi).toContainEqual(["保障退休职工人数(人)", "=", "81", "人", "该指标值数据合理"]);
  });
});
