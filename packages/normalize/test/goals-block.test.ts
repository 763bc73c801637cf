/**
 * A goals block read whole: its expected and achieved texts side by side, and,
 * where the template scores it like the execution item (遂宁 安居区's
 * 年度目标完成情况 | 预期目标 | 目标实际完成情况 | 20 under 自评得分), its points — which
 * the printed total counts, so the total check counts them too.
 */
import { describe, expect, it } from "vitest";
import { normalizeDocument } from "@jixiao/normalize";
import { openStore } from "@jixiao/store";
import { checkDocument } from "../../report/src/check.ts";
import { metaFor } from "../../store/test/documents.ts";
import { extractedFixture } from "./fixture-documents.ts";
import type { RealFormat } from "./real-forms.ts";

const SUINING = "sichuan-2021-transfer-self-eval-3";

describe.each(["docx", "xlsx", "xls", "pdf/lo", "pdf/chromium", "text/web", "text/pdftotext-layout"] as RealFormat[])("遂宁 安居区: a scored goals block (%s)", (format) => {
  it("reads the block's points and each goal with its outcome", async () => {
    const form = normalizeDocument(await extractedFixture(SUINING, format)).forms[0]!;
    expect(form.goalsScore).toBe(20);
    expect(form.goalsWeight).toBeNull();
    expect(form.goals[0]?.expected).toMatch(/^目标1:深入开展食品风险隐患排查整治。/);
    expect(form.goals[0]?.actual).toMatch(/^目标1:深入开展食品风险隐患排查整治。/);
    expect(form.goals.at(-1)).toEqual({ expected: "目标4:加大食品安全宣传力度。", actual: "目标4:加大食品安全宣传力度。" });
  });
});

describe("遂宁 安居区: the goals' points in the total check and the database", () => {
  it("adds them to the indicators' and the execution item's scores (its page is cut: 34 + 20 + 20 against 100)", async () => {
    const doc = normalizeDocument(await extractedFixture(SUINING, "docx"));
    const total = checkDocument(doc).find((f) => f.rule === "total_score_mismatch");
    expect(total?.expected).toBe(74);
    expect(total?.params).toMatchObject({ indicatorSum: 34, fundingScore: 20, goalsScore: 20 });
    expect(total?.message).toContain("＋目标完成得分20");
  });
  it("stores them in forms.goals_score", async () => {
    const doc = normalizeDocument(await extractedFixture(SUINING, "docx"));
    const store = openStore(":memory:");
    try {
      store.saveDocument(metaFor("遂宁.docx", "遂宁"), doc, [], "0.1.0-test");
      expect(store.db.prepare("SELECT goals_weight, goals_score FROM forms").get()).toEqual({ goals_weight: null, goals_score: 20 });
    } finally {
      store.close();
    }
  });
});

describe.each(["text/web"] as RealFormat[])("goal rows copied from a web page, the block's label printed once (%s)", (format) => {
  it.each([
    ["fujian-2018-department-self-eval", /^目标1:确保本委在职及退休人员工资/, /^目标1完成情况:基本完成/],
    ["hunan-2020-transfer-self-eval", /^保持和稳定地方粮食储备机制/, /^地方储备粮食规模达标/],
    ["shanxi-2020-project-self-eval", /^提高医疗保障水平,推进因病致贫/, /^提高医疗保障水平,推进了因病致贫/],
  ])("%s: the two texts are the goal and its outcome", async (id, expected, actual) => {
    const form = normalizeDocument(await extractedFixture(id, format)).forms[0]!;
    expect(form.goals[0]?.expected).toMatch(expected);
    expect(form.goals[0]?.actual).toMatch(actual);
  });
});
