/**
 * A budget or final-accounts publication that appends performance forms after
 * its own tables (收入支出决算总表 … then 项目支出绩效自评表): exactly the appended
 * forms come out, read as they read alone, and no table of the publication
 * becomes a form.
 *
 * The documents are the real negative fixtures (fixtures/real, `forms: []`)
 * followed by a real form fixture, joined at the extracted-grid level so every
 * rendered format of both is exercised as one document would be.
 */
import { describe, expect, it } from "vitest";
import { normalizeDocument, type Form } from "@jixiao/normalize";
import { appended, extractedFixture as extracted } from "./fixture-documents.ts";
import { listRealFixtures, readExpectation, renderedFormats, renderedPath, type RealFormat } from "./real-forms.ts";

const ids = listRealFixtures();
const publications = ids.filter((id) => readExpectation(id).forms.length === 0);
/** One form of each family among the fixtures, read whole (no partial page copy). */
const appendedForms = ["hubei-2022-project-self-eval", "chongqing-2022-department-targets", "tianjin-2020-transfer-self-eval", "hubei-2019-project-monitoring"]
  .filter((id) => ids.includes(id));

const essentials = (f: Form) => ({
  kind: f.kind,
  projectName: f.projectName,
  agency: f.agency,
  budgets: f.funding.map((l) => [l.source, l.budget, l.executed]),
  indicators: f.indicators.map((i) => [i.name, i.targetText, i.actualText, i.weight, i.score]),
  totalScore: f.totalScore,
});

describe("a publication with forms appended yields exactly those forms", () => {
  for (const formats of [["docx"], ["xlsx"], ["pdf/lo"]] as RealFormat[][]) {
    const format = formats[0]!;
    for (const publication of publications) {
      if (!renderedFormats(publication).includes(format)) continue;
      it(`${publication} + ${appendedForms.join(", ")} (${format})`, async () => {
        const pub = await extracted(publication, format);
        expect(normalizeDocument(pub, { fileName: `${publication}.${format}` }).forms).toEqual([]);
        for (const id of appendedForms) {
          const alone = normalizeDocument(await extracted(id, format), { fileName: `${id}.${format}` }).forms;
          const joined = normalizeDocument(appended(pub, await extracted(id, format)), { fileName: `${id}.${format}` }).forms;
          expect(alone.length, `${id} read alone`).toBeGreaterThan(0);
          expect(joined.map(essentials), `${id} after ${publication}`).toEqual(alone.map(essentials));
        }
      }, 60_000);
    }
  }
});

// Two forms in one document with no title line between them: the second opens with its own project's or
// department's name (襄阳's 项目支出绩效监控表, then 塘湖镇's 部门整体自评表, whose title the copy lost: its
// 单位名称：塘湖镇政府 line and 单位名称 | 塘湖镇人民政府 row first). Each reads as it reads alone.
const BACK_TO_BACK: [string, string][] = [
  ["hubei-2019-project-monitoring", "hubei-2020-department-self-eval"],
  // 慈溪 2023: the heading 3岁以下婴幼儿照护服务项目项目绩效目标 names the next form's project.
  ["yunnan-undated-project-self-eval", "zhejiang-2023-project-targets"],
  // 宁晋 2019: the page's 发布时间: 2020-12-02 发布机构:教育局 line is no 机构 (agency) of the form before.
  ["hainan-undated-project-scorecard", "hebei-2019-project-scorecard"],
  // 南岳 2023's 雨露计划 target form, then a 部门整体 score sheet whose title the copy lost (一级指标 | … | 评分标准 |
  // 分值 | 自评得分): a grid that scores, after a grid of targets only, is another form.
  ["hunan-2023-project-targets", "hunan-undated-department-scorecard"],
  ["unknown-2017-project-targets", "unknown-undated-budget-management-scorecard"],
  // 六安 2025 目标表, then 安徽's 营养改善计划 score sheet, untitled: 评价指标 | 分值 | 评价内容及评分标准 over 一级指标 |
  // 二级指标 | 三级指标 — a grid that weighs its items after a grid of targets only; its group row is no target's.
  ["anhui-2025-project-targets", "anhui-undated-project-scorecard"],
];

describe("two forms back to back, the second untitled, read as each reads alone", () => {
  for (const format of ["docx", "xlsx", "pdf/lo"] as RealFormat[]) {
    for (const [first, second] of BACK_TO_BACK) {
      it(`${first} then ${second} (${format})`, async () => {
        const a = await extracted(first, format);
        const b = await extracted(second, format);
        const alone = [...normalizeDocument(a).forms, ...normalizeDocument(b).forms];
        expect(alone.length).toBe(2);
        expect(normalizeDocument(appended(a, b)).forms.map(essentials)).toEqual(alone.map(essentials));
      }, 60_000);
    }
  }
});

// A self-evaluation report after a form (岳阳 2018 部门整体支出绩效评价自评报告 after 襄阳's 监控表, or after 炎陵's
// 目标申报表 with its title wrapped over two lines; 南湖新区's 项目绩效评价自评报告 after 广水's 目标表): the report's
// title ends the form, its cover's 部门(单位)名称 and 预算编码 are no facts of the form before it, and the report's
// cover is the next form's, as it is when the report is read alone.
describe("a report after a form ends it and opens the next", () => {
  for (const [first, second] of [["hubei-2019-project-monitoring", "hunan-2018-department-self-eval"], ["hunan-2017-department-targets", "hunan-2018-department-self-eval"],
    ["hubei-2023-department-targets", "hunan-2016-project-self-eval"]]) {
    it(`${first} then ${second} (docx)`, async () => {
      const a = await extracted(first!, "docx");
      const b = await extracted(second!, "docx");
      const alone = [...normalizeDocument(a).forms, ...normalizeDocument(b).forms];
      const joined = normalizeDocument(appended(a, b)).forms;
      expect(joined.map(essentials)).toEqual(alone.map(essentials));
      expect(joined.map((f) => f.title)).toEqual(alone.map((f) => f.title));
      expect(joined[0]!.facts.map((f) => f.label)).toEqual(alone[0]!.facts.map((f) => f.label));
    });
  }
});
