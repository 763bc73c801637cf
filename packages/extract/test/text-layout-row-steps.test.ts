/**
 * Steps of the `pdftotext -layout` reader (text-layout.ts) that rebuild rows
 * where the line-by-line steps went wrong, each on a committed -layout file:
 * a name wrapped round a line of values (text-layout-bare-pairs.ts), a
 * budget line with blank amounts under another (text-layout-money-sources.ts),
 * a number pushed short of its column by overflowing words
 * (text-layout-pushed-numbers.ts), a label printed a character per line
 * (text-layout-vertical-labels.ts), a comparison sign one space after a name
 * (text-layout.ts) and a level's word cut by its cell's width (text-span-labels.ts).
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parseExtractedText, toMatrix, type Table } from "@jixiao/extract";
import { namesMoneySource } from "../src/text-layout-money-sources.ts";

const REAL = new URL("../../../fixtures/real/text/", import.meta.url);
const tablesOf = (id: string) =>
  parseExtractedText(readFileSync(new URL(`${id}.pdftotext-layout.txt`, REAL), "utf8"))
    .blocks.flatMap((b) => (b.kind === "table" ? [b.table] : []));
const rowsOf = (t: Table) => toMatrix(t).map((r) => r.map((c) => c?.text ?? "").filter(Boolean));
/** Each row as the column of each cell's text, for rows holding `text`. */
const columnsOfRowWith = (id: string, text: string) => {
  for (const t of tablesOf(id)) {
    for (const row of toMatrix(t)) {
      if (!row.some((c) => c?.text === text)) continue;
      const cols = new Map<string, number>();
      row.forEach((c, col) => { if (c && c.col === col) cols.set(`${c.text}@${cols.size}`, col); });
      return [...cols].map(([k, col]) => [k.replace(/@\d+$/, ""), col] as const);
    }
  }
  return undefined;
};

describe("joinBarePairs: a name wrapped round a line of values", () => {
  it("joins 指标 1:新建保鲜 / 1座 / 库数量 into one indicator row (新疆 2021)", () => {
    const rows = tablesOf("xinjiang-2021-project-targets").flatMap(rowsOf);
    expect(rows).toContainEqual(["绩效指标", "产出指标", "数量指标", "指标1:新建保鲜库数量", "1座"]);
    // The halves are no rows of their own.
    expect(rows.flat()).not.toContain("库数量");
  });
});

describe("joinBarePairs: a name wrapped round a line of group labels and values", () => {
  it("joins 享受医疗 / 救助人次 round 产出指标 数量指标 ≥50000人次 110406 (安徽 2024)", () => {
    const rows = tablesOf("anhui-2024-transfer-self-eval").flatMap(rowsOf);
    expect(rows).toContainEqual(["绩效指标", "产出指标", "数量指标", "享受医疗救助人次", "≥50000人次", "110406"]);
  });

  it("joins 项目建设 / 成本 beside a goal's line (重庆 2023)", () => {
    const rows = tablesOf("chongqing-2023-project-targets").flatMap(rowsOf);
    expect(rows).toContainEqual(["年度绩效目", "经济成本指标", "项目建设成本", "≤65万元", "10"]);
  });

  it("reads a unit alone (公里, 万亩) as the value line a name wraps round, pair after pair (陕西 2020)", () => {
    const rows = tablesOf("shaanxi-2020-transfer-targets").flatMap(rowsOf);
    expect(rows).toContainEqual(["绩效指标", "产出指标", "数量指标", "指标1:新建堤防、护岸长度", "公里"]);
    expect(rows).toContainEqual(["指标2:灌区节水改造面积", "万亩"]);
    // Between two pairs of lines with no blank line: each name keeps its own lines.
    expect(rows).toContainEqual(["指标3:农村饮水工程覆盖服务人口数", "万人"]);
    expect(rows).toContainEqual(["指标4:中小河流治理问道长度", "公里"]);
  });

  it("leaves a name whose column goes on in more lines to the later steps (安徽 2022: 对维护基建市场公 / 平的影响程度)", () => {
    const rows = tablesOf("anhui-2022-project-self-eval").flatMap(rowsOf);
    // The level label 效益指标 over (30分) heads the row too: its pieces are one label.
    expect(rows).toContainEqual(["效益指标(30分)", "社会效益指标", "对维护基建市场公平的影响程度", "效果明显", "达成预期指标", "10", "10"]);
  });
});

describe("money sources: a budget line with blank amounts is a row", () => {
  it("keeps 其他资金 apart from 其中:中央、省、市补助县级资金 above it and the goal header below it (湖南 2020)", () => {
    const rows = tablesOf("hunan-2020-transfer-self-eval").flatMap(rowsOf);
    expect(rows).toContainEqual(["其中:中央、省、市补助县级资金", "194.9", "194.9", "100%"]);
    expect(rows).toContainEqual(["其他资金"]);
    expect(rows).toContainEqual(["年初设定目标", "全年实际完成情况"]);
  });

  it("reads a label as a money source by how it ends, not a tail or a figure", () => {
    for (const t of ["其他资金", "其中:财政拨款", "地方资金(万元)", "上年结转资金", "下达资金总额", "其中：中央补助"]) expect(namesMoneySource(t), t).toBe(true);
    for (const t of ["资金", "指标1:新建保鲜", "2370人", "年初设定目标", "社会效益指标"]) expect(namesMoneySource(t), t).toBe(false);
  });
});

describe("placePushedNumbers: a number pushed short of its column", () => {
  it("puts 7 after 财务管理制度有效性 and after 会计 under the weights and the scores of the rows around (宁夏 2021)", () => {
    const rows = tablesOf("ningxia-2021-project-self-eval").flatMap(rowsOf);
    // (项目管理(25分) heads the row above, 预算执行率's, the first of its group.)
    expect(rows).toContainEqual(["财务管理", "财务管理制度有效性", "7", "—", "财务制度健全,严格执行制度,会计核算规范", "7"]);
    const pushed = columnsOfRowWith("ningxia-2021-project-self-eval", "财务管理制度有效性")!;
    const around = columnsOfRowWith("ningxia-2021-project-self-eval", "预算执行率")!;
    // Weight and score in the columns of 10 and 9 of the row above.
    expect(pushed.filter(([t]) => t === "7").map(([, c]) => c)).toEqual([around.find(([t]) => t === "10")![1], around.find(([t]) => t === "9")![1]]);
  });

  it("puts a number a line of CJK labels drifted short of its column under that column (重庆 2022, 湘潭 2023)", () => {
    // 资金情况 … 397 printed two columns short of 年度金额(万元): … 397; the wrapped label round it joins.
    const funds = tablesOf("chongqing-2022-transfer-targets").flatMap(rowsOf);
    expect(funds).toContainEqual(["资金情况", "其中:中央补助(万元)", "397"]);
    const column397 = (label: string) => columnsOfRowWith("chongqing-2022-transfer-targets", label)!.find(([t]) => t === "397")?.[1];
    expect(column397("其中:中央补助(万元)")).toBe(column397("年度金额(万元):"));
    // 该项目支出上 / 级资金 round 0, which sat in their column.
    expect(tablesOf("hunan-2023-project-declaration").flatMap(rowsOf)).toContainEqual(["年度本级", "预算金额", "250万", "该项目支出上级资金", "0"]);
  });

  it("leaves a number ending a criterion's wrapped line in the criterion (湖南 scorecard: 计 2 / 分)", () => {
    const rows = tablesOf("hunan-undated-department-scorecard").flatMap(rowsOf);
    expect(rows).toContainEqual(["预算执行(15分)", "预算调整率", "预算调整率=0,计3分;0-10%(含),计2分;10-20%(含),计1分;20-30%(含),计0.5分;大于30%不得分。", "3", "3"]);
  });
});

describe("joinVerticalLabels: a label printed a character per line", () => {
  it("reads 产 / 出 / 指 / 标 / (50 分) as 产出指标(50分), heading its first row (安徽 2023 项目)", () => {
    const rows = tablesOf("anhui-2023-project-self-eval").flatMap(rowsOf);
    expect(rows).toContainEqual(["绩效指标", "产出指标(50分)", "数量指标", "★补助各类瓜果蔬菜种植面积", "20", "29.5亩", "29.5亩", "20"]);
    expect(rows).toContainEqual(["效益指标(30分)", "经济效益指标", "特色产业带动增加受益农户收入(总收入)", "20", "≥11.376万元", "12万元", "20"]);
    // The …… after 养殖家畜家禽成活率 is 质量指标's last slot, no row of 经济效益指标.
    expect(rows).toContainEqual(["……"]);
    // No character is left a row of its own, and the placeholder row …… is no part of the name above it.
    expect(rows).toContainEqual(["养殖家畜家禽成活率", "5", "95%", "100%", "5"]);
    expect(rows.flat()).not.toContain("出");
  });

  it("reads 绩 / 效 / 指 / 标 beside the indicators as one label, their rows whole (安徽 2023 部门)", () => {
    const rows = tablesOf("anhui-2023-department-self-eval").flatMap(rowsOf);
    expect(rows).toContainEqual(["绩效指标", "产出指标", "数量指标", "指标1:开展精品示范村建设数量", "≤4", "4", "10", "10"]);
    expect(rows).toContainEqual(["指标4:新建省级中心村数量", "≥10", "10", "10", "10"]);
    expect(rows).toContainEqual(["质量指标", "指标1:美丽宜居自然村庄验收通过率", "≥95%", "100%", "5", "5"]);
  });
});

describe("joinVerticalLabels: a column of one-character values is no label", () => {
  it("leaves 否 / 否 / 是 under 是否核心指标 and 高 / 好 under 年初指标值 each on its row (重庆 2021 部门-2)", () => {
    const rows = tablesOf("chongqing-2021-department-self-eval-2").flatMap(rowsOf);
    expect(rows).toContainEqual(["财政供养人员控制率", "%", "100%", "92%", "100%", "2", "2", "否"]);
    expect(rows).toContainEqual(["预算完成率", "%", "70%", "76%", "100%", "2", "2", "是"]);
    expect(rows).toContainEqual(["资金使用合规性", "好", "好", "100%", "5", "5", "否"]);
    expect(rows.flat().some((t) => /^[是否高好]{2,}$/.test(t))).toBe(false);
  });
});

describe("joinCentredPairs: a header row's heads and tails", () => {
  it("joins 三级指标(长 / 期) and 指标值(年 / 度) round the header row, each tail under its head (湖北 2020)", () => {
    const rows = tablesOf("hubei-2020-project-targets").flatMap(rowsOf);
    expect(rows).toContainEqual(["一级指标", "二级指标(长期)", "三级指标(长期)", "指标值(长期)", "二级指标(年度)", "三级指标(年度)", "指标值(年度)"]);
    expect(rows.flat()).not.toContain("期)");
  });
});

describe("splitTrailingNumbers: a comparison alone one space after a name is the 指标性质 column's", () => {
  it("reads 发放(缴纳)覆盖率 | = | 100 (四川 青神 2023), not 发放(缴纳)覆盖率 =", () => {
    const rows = tablesOf("sichuan-2023-project-self-eval").flatMap(rowsOf);
    const row = rows.find((r) => r.includes("发放(缴纳)覆盖率"));
    expect(row).toBeDefined();
    expect(row!.slice(row!.indexOf("发放(缴纳)覆盖率"), row!.indexOf("发放(缴纳)覆盖率") + 3)).toEqual(["发放(缴纳)覆盖率", "=", "100"]);
  });
});

describe("moveSpanLabels: a level's word cut by its cell's width joins over the rows it covers", () => {
  it("reads 效益指 / 标 and 满意度 / 指标 as one label each over their groups (云南 2022)", () => {
    const t = tablesOf("yunnan-2022-project-self-eval-2").find((x) => x.cells.some((c) => c.text === "学生满意度"))!;
    const label = (text: string) => t.cells.find((c) => c.text === text);
    expect(label("效益指标")?.rowSpan).toBeGreaterThanOrEqual(3);
    expect(label("满意度指标")?.rowSpan).toBe(2);
    expect(t.cells.map((c) => c.text)).not.toContain("效益指");
  });
});

describe("joinLabelParagraphs: a label with no amounts under a list of labels and amounts stays the list's", () => {
  it("keeps 其他资金 a row of its own under 其中:本年财政拨款 | 30 | 30 (安徽 濉溪 2019), not the goal's first line", () => {
    const rows = tablesOf("anhui-2019-transfer-self-eval").flatMap(rowsOf);
    expect(rows).toContainEqual(["其他资金"]);
    expect(rows.flat().some((x) => x.startsWith("其他资金") && x !== "其他资金")).toBe(false);
  });
});

describe("moveSpanLabels: names under a header set off their column, a level label a column over", () => {
  it("gives every indicator of 甘肃 嘉峪关 2023 its level 1 (产出 / 成本 / 效益 / 满意度指标 over three rows each)", () => {
    const t = tablesOf("gansu-2023-project-targets").find((x) => x.cells.some((c) => c.text === "免费开放天数"))!;
    const level1 = (text: string) => t.cells.find((c) => c.text === text);
    // 三级指标 sits two columns right of the names it heads; 满意度指标, a character wider, in a column of its own.
    expect([level1("产出指标")?.rowSpan, level1("成本指标")?.rowSpan, level1("效益指标")?.rowSpan]).toEqual([3, 3, 3]);
    const rows = toMatrix(t);
    const rowOf = (text: string) => rows.findIndex((r) => r.some((c) => c?.text === text));
    expect(rowOf("产出指标")).toBe(rowOf("免费开放天数"));
    expect(rowOf("成本指标")).toBe(rowOf("资金使用效率"));
  });
});

describe("a figure with a rate's unit is a value (内蒙古 武川 2021)", () => {
  it("keeps lines that each hold a target in 元/平米 or 元/米 rows of their own, not the lines of one wrapped cell", () => {
    const rows = tablesOf("neimenggu-2021-project-targets-2").flatMap(rowsOf);
    const at = (name: string) => rows.find((r) => r.includes(name));
    expect(at("饲料库120平米")?.slice(-1)).toEqual(["490元/平米"]);
    expect(at("围墙300米")?.slice(-1)).toEqual(["300元/米"]);
    expect(at("标准化棚圈360平米")?.slice(-1)).toEqual(["550元/平米"]);
  });
});

describe("a value far right of its slot, two characters short of the next column, is that column's (四川 2021 申报表)", () => {
  it("puts 63 人 under 指标值 beside the wrapped name it sits between, as 100% is on the row below", () => {
    const rows = tablesOf("sichuan-2021-project-declaration").flatMap(rowsOf);
    const at = (name: string) => rows.find((r) => r.includes(name));
    expect(at("对符合政策法规的独生子伤残、死亡家庭进行扶助")?.slice(-2)).toEqual(["对符合政策法规的独生子伤残、死亡家庭进行扶助", "63人"]);
    expect(at("按政策、法律、法规乡镇申报、初审确认对象资格,县级按要求复审")?.slice(-2)).toEqual(["按政策、法律、法规乡镇申报、初审确认对象资格,县级按要求复审", "100%"]);
  });
});

describe("a score one space after a cell of words at the line's end is the next column's (湖北 2020 服务贸易)", () => {
  it("reads 受目的国受众欢迎显著 | 10 and 有利于推动企业走出去 | 20, the 得分 column empty on those lines", () => {
    const rows = tablesOf("hubei-2020-project-self-eval").flatMap(rowsOf);
    expect(rows.find((r) => r.includes("受目的国受众欢迎显著"))?.slice(-1)).toEqual(["10"]);
    expect(rows.find((r) => r.includes("有利于推动企业走出去"))?.slice(-1)).toEqual(["20"]);
  });
  it("leaves a sentence's figure at a line's end in its sentence (预算调整率=0,计 3 分;0-10%(含),计 2)", () => {
    const cells = tablesOf("hunan-undated-department-scorecard").flatMap((t) => t.cells.map((c) => c.text));
    expect(cells.some((t) => /预算调整率=0,计3分;0-10%\(含\),计2/.test(t.replace(/\s+/g, "")))).toBe(true);
  });
});

describe("joinCentredPairs: a row whose cells of words wrap over three lines, its score on the middle one (湖北 2020 服务贸易)", () => {
  it("joins 企业把握政治导 / 向和文化方向情 / 况 and the cells beside them into the row of 20", () => {
    const rows = tablesOf("hubei-2020-project-self-eval").flatMap(rowsOf);
    const row = rows.find((r) => r.includes("企业把握政治导向和文化方向情况"));
    expect(row?.slice(-4)).toEqual(["企业把握政治导向和文化方向情况", "企业把握正确政治导向和文化方向情况的评价", "企业较好把握正确政治导向和文化方向情况的评价", "20"]);
  });
});

describe("a label ending in a colon over a header is no head of its cells (广东 2018 转移支付目标表)", () => {
  it("keeps 未实施情况及原因: a row of its own, and the header's first cell 一级目标", () => {
    const rows = tablesOf("guangdong-2018-transfer-targets").flatMap(rowsOf);
    expect(rows).toContainEqual(["未实施情况及原因:"]);
    expect(rows.find((r) => r.includes("二级指标"))?.[0]).toBe("一级目标");
  });
});

describe("cutShortOfStarts: a figure pushed a character past its column by a full name (陕西 清涧 2021 申报表)", () => {
  it("reads 项目(工程)验收合格率 100% as the name and its 指标值, each line a row of its own", () => {
    const rows = tablesOf("shaanxi-2021-project-targets").flatMap(rowsOf);
    expect(rows).toContainEqual(["质量指标", "项目(工程)验收合格率", "100%"]);
    expect(rows).toContainEqual(["时效指标", "项目(工程)完成及时率", "100%"]);
  });

  it("leaves a figure at the end of a centred cell wider than its column in that cell (广西 2021: 资金到位率达 100%)", () => {
    const guangxi = tablesOf("guangxi-2021-project-declaration").flatMap((t) => t.cells.map((c) => c.text.replace(/\s+/g, "")));
    expect(guangxi).toContain("资金到位率达100%");
  });
});

describe("joinWrappedRows: the tails of a header's cells on a line of their own (山东 历城 2019 自评表)", () => {
  it("joins 指标 | 指标 | 值(A) | 值(B) | 因 under 一级 | 二级 | 预期指标 | 实际完成指标 | 未完成原 into the header", () => {
    const rows = tablesOf("shandong-2019-project-self-eval").flatMap(rowsOf);
    expect(rows).toContainEqual(["一级指标", "二级指标", "三级指标", "预期指标值(A)", "实际完成指标值(B)", "分值", "得分", "未完成原因", "得分计算方法"]);
  });

  it("keeps a dash in the names' column a row of its own, no piece of the names round it", () => {
    const names = tablesOf("shandong-2019-project-self-eval").flatMap((t) => t.cells.map((c) => c.text.replace(/\s+/g, "")));
    expect(names).toContain("免费开放管理制度健全、执行有效性");
    expect(names).toContain("实际成本与工作内容的匹配程度");
    expect(names.some((t) => /^-[\u4e00-\u9fff]|[\u4e00-\u9fff]-$/.test(t))).toBe(false);
  });
});

describe("joinWrappedRows: a value centred round a label's line at a table's head (陕西 清涧 2021 申报表)", () => {
  it("joins 2021 年交通局寨山石坪、鲍 / 家沟果园路 and 项目负责人及联系电 / 话 round 项目名称 … 刘志龙 09125222043", () => {
    const rows = tablesOf("shaanxi-2021-project-targets").flatMap(rowsOf);
    expect(rows[0]).toEqual(["项目名称", "2021年交通局寨山石坪、鲍家沟果园路", "项目负责人及联系电话", "刘志龙09125222043"]);
    expect(rows[1]).toEqual(["主管部门", "清涧县交通运输局", "实施单位", "清涧县交通运输局"]);
  });
});

describe("joinWrappedRows: header cells centred round the header's line (an untitled 项目 score sheet)", () => {
  it("joins 评价 | 评价指标 above 指标说明 | 评分标准 and 内容 | (分值) under it into one header", () => {
    const rows = tablesOf("unknown-undated-project-scorecard-2").flatMap(rowsOf);
    expect(rows[0]).toEqual(["评价内容", "评价指标(分值)", "指标说明", "评分标准"]);
  });
});

describe("joinWrappedRows: a money line's label round its amounts under the header (贵州 绥阳 太白镇 2021 部门整体自评表)", () => {
  it("joins 年度资金总 / 额: round 1172.55 1268.72 10 10, not 年度资金总 to the header's 资金来源, and keeps 其他 a line of its own", () => {
    const rows = tablesOf("guizhou-undated-department-self-eval").flatMap(rowsOf);
    expect(rows.find((r) => r.includes("资金来源"))).not.toContain("年度资金总");
    expect(rows.some((r) => r.includes("年度资金总额:") && r.includes("1172.55"))).toBe(true);
    expect(rows.some((r) => r.length === 1 && r[0] === "其他")).toBe(true);
  });
});

describe("joinLabelParagraphs: a list of amounts beside its block's label is no paragraph (炎陵 2017 部门整体)", () => {
  it("keeps each label:amount of a block in 万元 a row of its own, the unit its block's", () => {
    const rows = tablesOf("hunan-2017-department-targets").flatMap(rowsOf);
    expect(rows).toContainEqual(["其中:公共财政拨款:183.18", "其中:基本支出:183.58"]);
    expect(rows).toContainEqual(["年度预算收支情况(万元)", "纳入预算管理的非税收入拨款:0.4", "项目支出:"]);
    expect(rows).toContainEqual(["政府性基金拨款:", "其他支出:"]);
  });

  it("keeps a numbered item's word with its number (指标 1 部门重点支出…, 目标 3:站场建设), each item a row", () => {
    const rows = tablesOf("hunan-2017-department-targets").flatMap(rowsOf);
    expect(rows).toContainEqual(["指标1部门重点支出占部门整体支出的比例是15%:"]);
    expect(rows).toContainEqual(["指标6(政府采购执行率)100%:"]);
    expect(rows).toContainEqual(["整体绩效目标", "目标1:干线公路建设;目标2:农村公路建设;目标3:站场建设。……"]);
    expect(rows.flat().filter((t) => t === "指标")).toEqual([]);
  });
});
