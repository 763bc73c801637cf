/**
 * The steps that read CJK forms in `pdftotext -layout` text (text-layout.ts),
 * each on a committed -layout file: a row per line in columns from aligned
 * left edges (lineGridTable), regions joined across wrapped header and goal
 * lines (bridgeRegions), and wrapped cell lines joined to their row but never
 * across a blank line or over two of the row's cells (joinWrappedRows).
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parseExtractedText, toMatrix, type Table } from "@jixiao/extract";

const REAL = new URL("../../../fixtures/real/text/", import.meta.url);
const tablesOf = (id: string) =>
  parseExtractedText(readFileSync(new URL(`${id}.pdftotext-layout.txt`, REAL), "utf8"))
    .blocks.flatMap((b) => (b.kind === "table" ? [b.table] : []));
const rowsOf = (t: Table) => toMatrix(t).map((r) => r.map((c) => c?.text ?? "").filter(Boolean));
const tableWith = (tables: Table[], text: string) => tables.find((t) => t.cells.some((c) => c.text === text));

describe("lineGridTable: a row per line, columns from aligned left edges", () => {
  it("keeps the cells of an indicator row apart and joins their wrapped lines (安徽 2022)", () => {
    const rows = tablesOf("anhui-2022-project-self-eval").flatMap(rowsOf);
    // 绩效指标 and 产出指标(50分), centred over their rows, head the first of them (text-span-labels.ts).
    expect(rows).toContainEqual(["绩效指标", "产出指标(50分)", "数量指标", "基建工程委托业务项目数量", "≥50个", "50", "8", "8"]);
    expect(rows).toContainEqual(["经费支出合规性", "严格执行相关制度规定", "达成预期指标", "8", "8"]);
    expect(rows).toContainEqual(["生态效益指标", "对控制基建项目成本影响程度", "效果明显", "达成预期指标", "10", "10"]);
  });

  it("adds a column two chunks of one line share only when two spaces part them, not one (一级 指标)", () => {
    const rows = tablesOf("guangdong-2019-project-targets").flatMap(rowsOf);
    const header = rows.find((r) => r.includes("一级 指标"));
    expect(header).toBeDefined();
    expect(header).toContain("二级 指标");
    // 二级指标 | 三级指标 side by side in one alignment are two columns (四川 scorecard header).
    const card = tablesOf("sichuan-undated-scorecard").flatMap(rowsOf);
    expect(card[0]).toEqual(["一级指标", "二级指标", "三级指标", "得分"]);
  });
});

describe("lineGridTable: a wrapped header cell round the header line, right of a column word's slot", () => {
  it("is a column of its own though no value starts it (重庆 2021: 产生差异的原因及 / 改进措施 beside 全年实际完成值)", () => {
    const rows = tablesOf("chongqing-2021-department-self-eval").flatMap(rowsOf);
    expect(rows.find((r) => r.includes("三级指标"))?.slice(-2)).toEqual(["全年实际完成值", "产生差异的原因及改进措施"]);
  });
});

describe("lineGridTable: a column word centred over narrower values", () => {
  it("heads the column its middle lies in, not the one its start does (四川 2022: 全年执行数(B) over 20)", () => {
    const t = tableWith(tablesOf("sichuan-2022-project-self-eval"), "全年执行数(B)")!;
    const head = t.cells.find((c) => c.text === "全年执行数(B)")!;
    const amounts = t.cells.filter((c) => c.text === "20").map((c) => c.col);
    // 年度资金总额: | 20 | 20 and 其中:本年财政拨款 | 20 | 20: the second amount of each under the header.
    expect(amounts.filter((col) => col === head.col)).toHaveLength(2);
  });
});

describe("lineGridTable: a column word over an empty column, beside a headless one", () => {
  it("heads the column its values fill (重庆 2021 部门-2: 全年完成值 four characters right of 92%; 湖北 2020 部门: 三级指标 right of the names)", () => {
    const chongqing = tablesOf("chongqing-2021-department-self-eval-2")[0]!;
    const m = toMatrix(chongqing);
    const head = chongqing.cells.find((c) => c.text === "全年完成值")!;
    const first = m.find((r) => r.some((c) => c?.text === "财政供养人员控制率"))!;
    expect(first[head.col]?.text).toBe("92%");
    const hubei = tablesOf("hubei-2020-department-self-eval").find((t) => t.cells.some((c) => c.text === "三级指标"))!;
    const names = hubei.cells.find((c) => c.text === "三级指标")!;
    expect(toMatrix(hubei).find((r) => r.some((c) => c?.text === "168起"))?.[names.col]?.text).toBe("办结信访案件");
  });
});

describe("lineGridTable: a value a character short of its column", () => {
  it("goes to that column, leaving the name's slot free for its wrapped lines (重庆 2022 部门: 10 under 指标权重)", () => {
    const rows = tablesOf("chongqing-2022-department-targets").flatMap(rowsOf);
    expect(rows).toContainEqual(["预决算及时编制率", "10", "%", "=", "100"]);
    expect(rows).toContainEqual(["政府预决算公开率(除涉密信息外)", "10", "%", "=", "100"]);
  });

  it("takes a word value or a name a character short of its column when a cell comes before it on the line (安徽 2025: 长期; 四川 2023: 辖区内群众满意度)", () => {
    const rows = tablesOf("anhui-2025-project-targets").flatMap(rowsOf);
    expect(rows).toContainEqual(["可持续影响指标", "对满足人民群众日益提高的文化需求的可持续影响", "长期"]);
    const list = tablesOf("sichuan-2023-project-declaration").flatMap(rowsOf);
    expect(list.find((r) => r.includes("服务对象满意度指标"))).toContain("辖区内群众满意度");
  });

  it("takes a value with its unit a character short of its column (云南: ≥1290.3平方米 beside a name that fills its cell)", () => {
    const rows = tablesOf("yunnan-undated-project-self-eval").flatMap(rowsOf);
    const row = rows.find((r) => r.includes("1290.3平方米冷库仓储建设及配套生产设备、配套电力设施购置安装"));
    expect(row?.[row.indexOf("1290.3平方米冷库仓储建设及配套生产设备、配套电力设施购置安装") + 1]).toBe("≥1290.3平方米");
  });
});

describe("joinAnchoredRows: a line of values set half a line off its row's (黔南 2023, LibreOffice's text)", () => {
  // 2023年12 | 月 | 2023年12月 over 完成时间 | 底完成 | 底完成 | 3 | 3: fewer values than the numbers' line under it,
  // in columns that line leaves empty, so the pieces of that row's target and actual, not a row of their own.
  it("takes a line of fewer values than the numbers' line under it, in other columns, for no row of its own", () => {
    const TOOLS = new URL("../../../fixtures/text-tools/", import.meta.url);
    const rows = parseExtractedText(readFileSync(new URL("lo-qiannan-2023-project-selfeval.layout.txt", TOOLS), "utf8"))
      .blocks.flatMap((b) => (b.kind === "table" ? rowsOf(b.table) : []));
    const row = rows.find((r) => r.includes("完成时间") && r.includes("2023年12月底完成"));
    expect(row?.slice(-3)).toEqual(["2023年12月底完成", "3", "3"]);
  });
});

describe("lineGridTable on Chromium's tight columns (text-layout-column-starts.ts)", () => {
  const TOOLS = new URL("../../../fixtures/text-tools/", import.meta.url);
  const rows = parseExtractedText(readFileSync(new URL("chromium-qiannan-2023-project-selfeval.layout.txt", TOOLS), "utf8"))
    .blocks.flatMap((b) => (b.kind === "table" ? rowsOf(b.table) : []));

  it("cuts a cell one space after a full name, a character short of its column, into that column (异地就医联网结算平台 有效保障)", () => {
    expect(rows).toContainEqual(["异地就医联网结算平台", "有效保障", "有效保障", "3", "3"]);
    expect(rows).toContainEqual(["检查发现违规违法行为", "严格按照签订的定点机构服务协议处理", "严格按照签订的定点机构服务协议处理", "3", "3"]);
  });

  it("reads values one or two characters apart as one column (州本级及12县 at 36, 12个 at 38)", () => {
    const header = rows.find((r) => r.includes("实际完成值(B)"))!;
    const covered = rows.find((r) => r[0] === "医保工作宣传覆盖" || r[1] === "医保工作宣传覆盖");
    expect(covered?.slice(-4)).toEqual(["州本级及12县(市)", "州本级及12县(市)", "4", "4"]);
    // Under the header's five value columns: target, actual, weight, score, reason.
    expect(header.slice(-5)).toEqual(["年度指标值(A)", "实际完成值(B)", "分值", "得分", "未完成原因分析"]);
  });

  // (A line of fewer values than the numbers' line under it, in other columns, is no row of its own: LibreOffice's
  // text of the same form, below.)

  it("keeps a label centred a character or two right of the region's left edge in the first column (湖南 2021: 项目概况)", () => {
    const hunan = tablesOf("hunan-2021-project-targets").flatMap(rowsOf);
    expect(hunan.some((r) => r[0] === "项目概况" && r[1] === "镇域内水利、道路、机关、学校及乡村振兴等基础设施建设")).toBe(true);
  });
});

describe("textRegions: the lines of a column's wrapped cells keep a table going", () => {
  it("reads a scorecard whose criteria wrap under columns no line of several cells starts (评价标准, 指标说明)", () => {
    const tables = tablesOf("unknown-2017-department-scorecard");
    const t = tableWith(tables, "评价标准");
    expect(t).toBeDefined();
    expect(rowsOf(t!)).toContainEqual(expect.arrayContaining(["投入", "10", "预算配置", "在职人员控制率", "以100%为标准。在职人员控制率≦100%,计5分;每超过一个百分点扣0.5分,扣完为止。"]));
  });

  it("takes no label and value printed beside a table's rows, running to its right edge, for a column of it (湖南 2018: 取得的成绩)", () => {
    const tables = tablesOf("hunan-2018-department-self-eval");
    expect(tables.flatMap((t) => t.cells).some((c) => c.text === "年度部门(单位)总体运行情况及")).toBe(false);
  });
});

describe("a label of two lines centred on its value's row, the table's first (广东 2019)", () => {
  it("joins its first line above the table and its second below the row to the row (本年度申请市财政预 / 算资金(万元) round 919.00)", () => {
    const rows = tablesOf("guangdong-2019-project-targets").flatMap(rowsOf);
    expect(rows).toContainEqual(["项目 名称", "镇际联网路升级改造工程一期", "中期市财政预算(万元)", "284500.00", "本年度申请市财政预算资金(万元)", "919.00"]);
  });
});

describe("joinLabelParagraphs: lines that each end in a colon are labels of blank values, no paragraph (广西 2021 空白申报表)", () => {
  it("keeps 一般公共预算拨款: … 上年结余收入: each a cell of its own beside 项目资金申请(万元)", () => {
    const cells = tablesOf("guangxi-2021-project-declaration").flatMap((t) => t.cells).map((c) => c.text);
    for (const label of ["一般公共预算拨款:", "政府性基金预算拨款:", "国有资本经营预算拨款:", "上年结余收入:"]) expect(cells).toContain(label);
    expect(cells.some((t) => t.includes("拨款:政府性"))).toBe(false);
  });
});

describe("joinLabelParagraphs: labels centred beside paragraphs (阳泉 2021 申报表)", () => {
  const rows = tablesOf("shanxi-2021-project-targets").flatMap(rowsOf);
  it("joins each label to its paragraph's lines above and below it, a paragraph line in two pieces included", () => {
    expect(rows.find((r) => r.includes("项目概况"))?.at(-1)).toBe("“四好农村路”、“三大板块旅游路”项目开工前期项目勘察设计审批;进度督导检查、工程质量监督检查、工程安全运营检查;财务审计、工程竣工验收。");
    expect(rows.find((r) => r.includes("项目实施计划"))?.join("")).toMatch(/合计50万元。$/);
  });

  it("reads the block under a header row (中期目标 | 年度目标) on its own", () => {
    expect(rows).toContainEqual(["中期目标", "年度目标"]);
    expect(rows.find((r) => r.includes("总体目标"))?.[1]).toMatch(/^“四好农村路”.*工程竣工验收。/);
  });
});

describe("joinAnchoredRows: a date is a row's value (濮阳 2021)", () => {
  it("keeps a row whose only value is a date its own anchor (时效指标 | 项目完工时间 | 2021 年 12 月 31 日)", () => {
    const rows = tablesOf("henan-2021-project-targets").flatMap(rowsOf);
    expect(rows).toContainEqual(["项目(工程)验收合格率", "100%"]);
    expect(rows).toContainEqual(["时效指标", "项目完工时间", "2021年12月31日"]);
  });
});

describe("a table going on at a page's top, its first row's name wrapped round its values' line (黔南 2023, LibreOffice)", () => {
  it("joins the name's first line, the page's first line, to the row (定点医药机构开 / 通医保电子凭证 ≥90% 90% 3 3 / 场景应用)", () => {
    const TOOLS = new URL("../../../fixtures/text-tools/", import.meta.url);
    const rows = parseExtractedText(readFileSync(new URL("lo-qiannan-2023-project-selfeval.layout.txt", TOOLS), "utf8"))
      .blocks.flatMap((b) => (b.kind === "table" ? rowsOf(b.table) : []));
    expect(rows).toContainEqual(["定点医药机构开通医保电子凭证场景应用", "≥90%", "90%", "3", "3"]);
    expect(rows).toContainEqual(["县级以上公立医院药品货款医保结算覆盖率", "≥80%", "100%", "3", "3"]);
  });
});

describe("a list of projects with their indicators (text-layout-list-blocks.ts, 四川 2023 申报表)", () => {
  const t = tableWith(tablesOf("sichuan-2023-project-declaration"), "年度目标")!;
  const cellAt = (text: string) => t.cells.find((c) => c.text === text);

  it("puts each project's name, amount and goal on its first indicator row, merged down over its rows", () => {
    const name = cellAt("村组干部报酬")!;
    expect(cellAt("3,309,840.00")?.row).toBe(name.row);
    expect(cellAt("按时发放村组干部报酬")?.row).toBe(name.row);
    // Its eight indicators: 维护社会稳定 … 人民群众满意度, the first on the project's own row.
    expect(name.rowSpan).toBe(8);
    expect(t.cells.some((c) => c.row === name.row && c.text === "维护社会稳定")).toBe(true);
    const second = cellAt("基层组织活动经费")!;
    expect(second.row).toBe(name.row + 8);
    expect(t.cells.find((c) => c.row === second.row && c.col === cellAt("按时发放村组干部报酬")!.col)?.text).toMatch(/^包括必要的办公用品费.*等。$/);
  });

  it("leaves a line above every indicator row (the department's total) a row of its own", () => {
    const total = cellAt("8,827,620.53")!;
    expect(total.rowSpan).toBe(1);
    expect(t.cells.filter((c) => c.row === total.row).map((c) => c.text)).toEqual(["820-马踏镇部门", "8,827,620.53"]);
  });
});

describe("moveSpanLabels: the rows a merged group label covers (宁夏 2021)", () => {
  const tables = tablesOf("ningxia-2021-project-self-eval");
  const covered = (label: string) => {
    const t = tableWith(tables, label)!;
    const c = t.cells.find((x) => x.text === label)!;
    const names = t.cells.find((x) => x.text === "三级指标")!.col;
    return t.cells.filter((x) => x.row >= c.row && x.row < c.row + c.rowSpan && x.col === names).map((x) => x.text);
  };

  it("covers the rows whose weights add up to the label's own where the centring is a line off (项目决策(10分): 4+2+2+2)", () => {
    expect(covered("项目决策(10分)")).toEqual(["完整性", "相关性", "可行性", "适当性"]);
    expect(covered("项目管理(25分)")).toEqual(["预算执行率", "财务管理制度有效性", "绩效监控有效性", "管理制度有效性"]);
  });

  it("counts a label's line as the form's when another row's cell prints a line beside it (项目实施 beside 严格执行相关管)", () => {
    expect(covered("数量指标(10分)")).toEqual(["保障人数", "指标2:"]);
  });
});

describe("moveSpanLabels: two covers that centre a label as well (河北 2019)", () => {
  it("takes the one that lets the next label of its column centre on the rows left to it", () => {
    const t = tableWith(tablesOf("hebei-2019-project-self-eval"), "质量指标")!;
    const names = t.cells.find((x) => x.text === "三级指标")!.col;
    const covered = (label: string) => {
      const c = t.cells.find((x) => x.text === label)!;
      return t.cells.filter((x) => x.row >= c.row && x.row < c.row + c.rowSpan && x.col === names).map((x) => x.text);
    };
    expect(covered("数量指标")).toEqual(["指标1工程资金金额", "指标2……"]);
    expect(covered("质量指标")).toEqual(["指标1工程完工率", "指标2工程验收合格率", "……"]);
    expect(covered("经济效益指标")[0]).toBe("指标1安全率");
  });
});

describe("moveSpanLabels: a scorecard whose names sit a column left of their header (安徽 2023 部门)", () => {
  it("finds the names under 三级指标 though the header is centred a column right, and joins 规划 over (15 分)", () => {
    const rows = tablesOf("anhui-2023-department-scorecard").flatMap(rowsOf);
    expect(rows.find((r) => r.includes("基础信息完整性"))?.slice(0, 4)).toEqual(["1", "规划(15分)", "基础信息(3分)", "基础信息完整性"]);
    expect(rows.find((r) => r.includes("预算执行率"))?.[1]).toBe("执行(35分)");
  });
});

describe("joinAnchoredRows: cells no line goes on from (云南 2022)", () => {
  it("leaves a label and its value between the last row and the total a row of their own, not the tail of ≧ or of 总分", () => {
    const rows = tablesOf("yunnan-2022-project-self-eval-2").flatMap(rowsOf);
    expect(rows).toContainEqual(["其他需要说明事项", "无"]);
    expect(rows.find((r) => r.includes("家长满意度"))).toContain("≧");
    expect(rows.find((r) => r.includes("总分"))).toEqual(["总分", "100", "96", "优"]);
  });
});

describe("bridgeRegions: wrapped header and goal lines do not cut a form's table", () => {
  it("reads the budget block, the goal and the indicators of one form as one table (安徽 2022)", () => {
    const tables = tablesOf("anhui-2022-project-self-eval");
    const t = tableWith(tables, "一级指标");
    expect(t).toBeDefined();
    expect(t).toBe(tableWith(tables, "项目名称"));
    expect(t!.cells.map((c) => c.text)).toContain("经费支出合规性");
  });
});

describe("joinWrappedRows on text: no join across a blank line or over two cells of a row", () => {
  it("leaves the header row whole and the goal a row of its own (湖北 2020)", () => {
    const tables = tablesOf("hubei-2020-project-targets-2");
    const rows = tables.flatMap(rowsOf);
    // The header line has a blank line below it: the indicator's first line goes down to its row.
    expect(rows).toContainEqual(["一级指标", "二级指标", "指标内容", "指标值"]);
    expect(rows).toContainEqual(["绩效指标", "产出指标", "数量指标", "农村义务教育学校改造覆盖率", "100%"]);
    // The goal runs over two of the header's cells: it is not joined to the header.
    expect(rows.find((r) => r.some((c) => c.startsWith("全面改善")))).toEqual([
      "全面改善农村义务教育薄弱学校办学条件,扩大基础教育资源,进一步提高义务教育均衡发展水平。",
    ]);
  });
});

describe("textRegions: a wrapped cell's line that starts under a column of the table keeps the table going", () => {
  it("reads the 湖南 scorecard from its header on, its criteria's lines interleaved with the names' (财政供养人员 / 控制率)", () => {
    const tables = tablesOf("hunan-undated-department-scorecard");
    const t = tableWith(tables, "一级指标");
    expect(t).toBeDefined();
    expect(t!.cells.some((c) => c.text.includes("财政供养人员"))).toBe(true);
    expect(t!.cells.some((c) => c.text === "预算调整率")).toBe(true);
  });
});

describe("joinWrappedRows: the middle line of a run goes down under a cell that looks finished", () => {
  it("ends an indicator name at its closing bracket and starts the next one with the line after it (安徽 2019)", () => {
    const rows = tablesOf("anhui-2019-transfer-self-eval").flatMap(rowsOf);
    expect(rows).toContainEqual(["产出指标(50分)", "数量指标", "★★★农村低保发放人数(按月平均)(≥**人)", "5", ">=21933人", "21980人", "5"]);
  });
});

describe("a score one space after an indicator's name", () => {
  it("is split off the name and put in the empty column after it (安徽 2019: 立卡贫困人口数 5)", () => {
    const rows = tablesOf("anhui-2019-transfer-self-eval").flatMap(rowsOf);
    expect(rows).toContainEqual(["★★★其中:农村低保对象中建档立卡贫困人口数量(按月平均)(≥**人)", "5", ">=9431人", "9453人", "5"]);
  });

  it("is split off a name that ends with its unit's closing bracket too (云南 2022: 仓库(≥**平方米) 104)", () => {
    const rows = tablesOf("yunnan-2022-project-self-eval").flatMap(rowsOf);
    expect(rows).toContainEqual(["仓库(≥**平方米)", "104", "104", "2"]);
  });
});

describe("joinWrappedRows: a lone line between two rows is the head of the next row's cell when that cell has a line below its row too", () => {
  it("keeps the header's 三级指标 whole and starts the first indicator's name with the line above its row (湖南 2023 申报表)", () => {
    const rows = tablesOf("hunan-2023-project-declaration").flatMap(rowsOf);
    expect(rows).toContainEqual(["一级指标", "二级指标", "三级指标", "指标值及单位", "绩效标准"]);
    // Its three lines are centred on the row's line: one above, one below (辆数, beside 数量指标).
    expect(rows).toContainEqual(["本年度 绩效指标", "产出指标", "数量指标", "雾炮车降尘抑尘服务配备车辆数", "10辆", "计划标准"]);
  });
});

describe("joinWrappedRows: rows of a header block stay rows", () => {
  it("keeps 项目类别 and 项目属性 as rows of their own under 主管部门 (湖北 2022, 云南 2022)", () => {
    for (const id of ["hubei-2022-project-self-eval", "yunnan-2022-project-self-eval"]) {
      const rows = tablesOf(id).flatMap(rowsOf);
      expect(rows.find((r) => r[0] === "主管部门")?.[1]).toMatch(/^[^、]+$/);
      expect(rows.find((r) => r[0] === "项目属性")?.[1]).toBe("1、持续性项目☑ 2、新增性项目□");
    }
  });

  it("joins a name's first line to its row though a label beside the whole table shares that line (湘潭 2023: 本年度 绩效指标 | 控制在预算成)", () => {
    const rows = tablesOf("hunan-2023-project-declaration").flatMap(rowsOf);
    expect(rows.find((r) => r.includes("成本指标"))?.slice(-4)).toEqual(["成本指标", "控制在预算成本内", "250万", "计划标准"]);
  });

  it("keeps a period's and two goals' rows apart (湘潭 2023: 项目支出实施期, 实施期绩效目标, 本年度绩效目标)", () => {
    const rows = tablesOf("hunan-2023-project-declaration").flatMap(rowsOf);
    expect(rows).toContainEqual(["项目支出实施期", "2023.07-2024.01"]);
    expect(rows).toContainEqual(["实施期绩效目标", "通过采购雾炮车降尘抑尘服务,服务周期2023.07-2024.01,全市空气质量达到优良"]);
    expect(rows).toContainEqual(["本年度绩效目标", "通过采购雾炮车降尘抑尘服务,服务周期2023.07-2024.01,全市空气质量达到优良"]);
  });

  it("keeps 项目立项的依据 / 可行性 / 必要性 three rows beside their block label, and 项目实施内容 a row (湖南 2021)", () => {
    const rows = tablesOf("hunan-2021-project-targets").flatMap(rowsOf);
    expect(rows).toContainEqual(["项目立项的依据", "机关、学校、乡村振兴按发改立项"]);
    expect(rows).toContainEqual(["项目立项情况", "项目申报的可行性", "已申报项目可行性评估"]);
    expect(rows).toContainEqual(["项目申报的必要性", "为改善镇域内基础设施、振兴乡村"]);
    expect(rows).toContainEqual(["项目实施内容", "开始时间", "完成时间"]);
  });

  it("keeps 项目负责人及电话 and 主管部门 two rows (四川 2022)", () => {
    const rows = tablesOf("sichuan-2022-project-self-eval").flatMap(rowsOf);
    expect(rows).toContainEqual(["项目负责人及电话", "谢凯13990260322(办公)"]);
    expect(rows.find((r) => r[0] === "主管部门")?.[1]).toBe("中江县水利局");
  });

  it("joins the two lines of a value centred on its label's row, the first above the table's first line (海南)", () => {
    const rows = tablesOf("hainan-undated-project-scorecard").flatMap(rowsOf);
    expect(rows).toContainEqual(["项目实施单位", "省商务厅服务贸易和商贸服务业处", "主管部门", "省商务厅"]);
    expect(rows).toContainEqual(["项目负责人", "李鹏", "联系电话"]);
    expect(rows).toContainEqual(["地址", "海口市国兴大道省政府办公楼2楼", "邮编", "570204"]);
    expect(rows).toContainEqual(["项目类型", "经常性项目(√)一次性项目()"]);
  });

  it("keeps a line of two column words a header row, and joins a formula under it to its head (安徽 2024)", () => {
    const rows = tablesOf("anhui-2024-transfer-self-eval").flatMap(rowsOf);
    expect(rows).toContainEqual(["地方主管部门", "医疗保障局", "资金使用单位", "医疗保障局"]);
    expect(rows).toContainEqual(["全年预算数(A)", "全年执行数(B)", "预算执行率(B/A×100%)"]);
  });

  it("joins no line to a row across a line that stays a row (云南 2022: 项目属性 two lines under 主管部门)", () => {
    const rows = tablesOf("yunnan-2022-project-self-eval").flatMap(rowsOf);
    expect(rows).toContainEqual(["主管部门", "昌宁县供销合作社联合社", "项目实施单位", "昌宁县昌龙鸿运牧业专业合作社"]);
    expect(rows).toContainEqual(["项目类别", "1、部门预算项目□ 2、县直专项☑ 3、省市对下转移支付项目□"]);
  });

  it("joins a group label wrapped round its first row, head above and tail below (云南 2022: 经济效益 / 指标)", () => {
    const rows = tablesOf("yunnan-2022-project-self-eval-2").flatMap(rowsOf);
    // (Its first row is also the first of the level-1 group 效益指 / 标, whose label may lead it.)
    expect(rows.find((r) => r.includes("减轻贫困学生家庭经济负担"))?.slice(-6)).toEqual(["经济效益指标", "减轻贫困学生家庭经济负担", "有效", "有效", "10", "10"]);
  });

  it("joins a group label's pieces on lines of their own (产出指 / 标), and a whole group label takes no other label's head", () => {
    const rows = tablesOf("yunnan-2022-project-self-eval-2").flatMap(rowsOf);
    // (text-span-labels.ts then moves the label to the first row of its group.)
    expect(rows.find((r) => r.includes("学生受资助人数"))?.[0]).toBe("产出指标");
    expect(rows.flat()).not.toContain("产出指");
    expect(rows.flat().filter((c) => /社会效益指标生态/.test(c))).toEqual([]);
  });
});

describe("pageItems: a caption of label：value pairs over a table is no row of it", () => {
  it("reads 单位名称:… 填报日期:2023 年 4 月 15 日 as a line of text above the table (云南 2022)", () => {
    const doc = parseExtractedText(readFileSync(new URL("yunnan-2022-project-self-eval.pdftotext-layout.txt", REAL), "utf8"));
    const texts = doc.blocks.flatMap((b) => (b.kind === "text" ? [b.text] : []));
    expect(texts).toContain("单位名称:昌宁县供销合作社联合社填报日期:2023年4月15日");
    const cells = doc.blocks.flatMap((b) => (b.kind === "table" ? b.table.cells.map((c) => c.text) : []));
    expect(cells.some((c) => c.startsWith("单位名称"))).toBe(false);
  });
});

describe("chunks of -layout text: cells one space apart", () => {
  const tools = (stem: string) =>
    parseExtractedText(readFileSync(new URL(`../../../fixtures/text-tools/${stem}.layout.txt`, import.meta.url), "utf8"))
      .blocks.flatMap((b) => (b.kind === "table" ? [b.table] : [])).flatMap(rowsOf);

  it("splits two column words one space apart into two header cells (黔南: 年度指标值(A) 实际完成值(B))", () => {
    const header = tools("lo-qiannan-2023-project-selfeval").find((r) => r.includes("三级指标"));
    expect(header).toContain("年度指标值(A)");
    expect(header).toContain("实际完成值(B)");
  });

  it("puts a column word one space after another under the column that starts just right of it (黔南 chromium: 实际完成值(B) 分值)", () => {
    const header = tools("chromium-qiannan-2023-project-selfeval").find((r) => r.includes("三级指标"));
    expect(header).toContain("实际完成值(B)");
    expect(header).toContain("分值");
    // 得分 one space before 未完成原因分, whose 析 the next line holds: two cells too.
    expect(header).toContain("得分");
  });

  it("splits a unit alone off the name before it when a value follows (重庆 2022: 猪肉产量稳定率 %  ≥95%)", () => {
    const rows = tablesOf("chongqing-2022-transfer-targets").flatMap(rowsOf);
    expect(rows).toContainEqual(["能繁母猪稳定率", "%", "90%"]);
    expect(rows.find((r) => r.includes("猪肉产量稳定率"))).toEqual(expect.arrayContaining(["猪肉产量稳定率", "%", "≥95%"]));
  });

  it("splits a target led by a comparison off the name before it (黔南 chromium: 打造医保经办“15分钟 ≥12个)", () => {
    const rows = tools("chromium-qiannan-2023-project-selfeval");
    expect(rows.find((r) => r[0]?.startsWith("打造医保经办") || r.some((c) => c.startsWith("打造医保经办")))).toContain("≥12个");
    // ...and into the next column when it shares a slot with the name (打造基层医保经办服务 ≥12个).
    expect(rows.find((r) => r.some((c) => c.startsWith("打造基层医保经办服务")))?.some((c) => c.startsWith("≥12个"))).toBe(true);
  });
});
