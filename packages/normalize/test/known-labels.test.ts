/**
 * Labels a form prints that name what every template means by them, in words
 * of their own: the office handling it (财政归口处室), a level's supervisor
 * (县级主管部门), a text the filer writes under a limit of characters
 * (项目申报的必要性(450字内), 长期目标(450字内)). They are known — no
 * unrecognized_label finding for them — and kept as facts like any pair.
 */
import { describe, expect, it } from "vitest";
import { normalizeDocument } from "@jixiao/normalize";
import { extractedFixture } from "./fixture-documents.ts";

const CASES: [string, string, string[]][] = [
  // 忠县 2024 部门整体绩效自评表: 财政归口处室 | 行政政法科.
  ["chongqing-2024-department-self-eval", "the finance bureau's office", ["财政归口处室"]],
  // 乐昌 2018 区域绩效目标表: 县级财政部门 | … | 县级主管部门 | 县(市、区)教育部门.
  ["guangdong-2018-transfer-targets", "a county's supervisor", ["县级主管部门"]],
  // 广西 2021 项目申报表: texts written under a limit (450字内).
  ["guangxi-2021-project-declaration", "texts under a limit of characters", ["项目申报的必要性(450字内)", "项目申报的可行性(450字内)", "单位职能概述(450字内)", "项目实施进度计划(450字内)"]],
];

describe.each(CASES)("%s: %s", (id, _what, labels) => {
  it("reports none of them as unrecognised and keeps each as a fact", async () => {
    const form = normalizeDocument(await extractedFixture(id, "docx")).forms[0]!;
    expect(form.unrecognizedLabels.filter((l) => labels.includes(l))).toEqual([]);
    expect(labels.filter((l) => !form.facts.some((f) => f.label === l))).toEqual([]);
  });
});

// 广西 2021 项目申报表 (a blank template as published) heads its goals 项目绩效目标 over 长期目标(450字内) | 年度目标,
// and its grid 项目年度绩效目标衡量指标: parts under words of their own, no label left unknown on the form.
it("guangxi-2021-project-declaration leaves no label unrecognised", async () => {
  const form = normalizeDocument(await extractedFixture("guangxi-2021-project-declaration", "docx")).forms[0]!;
  expect(form.unrecognizedLabels).toEqual([]);
});
