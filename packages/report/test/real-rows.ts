/**
 * Indicator rows of real published forms that more than one rule's boundary
 * tests read (fixtures/real/expect/anhui-2019-transfer-self-eval.json): one
 * copy of the printed texts, so the tests cannot drift apart on them.
 */
import type { form } from "./forms.ts";

type IndicatorInput = NonNullable<Parameters<typeof form>[1]["indicators"]>[number];

/** 安徽's 临时救助 自评表: a reverse target <=5300元/户 achieved 5830元/户 at full score, 未完成原因 empty. */
export const ANHUI_RELIEF = {
  projectName: "临时救助",
  row: {
    level1: "产出指标",
    level2: "质量指标",
    name: "扶贫临时救助标准(<**元/户·年)——一户年最高5300元",
    targetText: "<=5300元/户",
    actualText: "5830元/户",
    weight: 10,
    score: 10,
  } satisfies IndicatorInput,
} as const;
