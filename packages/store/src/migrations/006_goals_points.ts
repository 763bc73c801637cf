/**
 * The points of a form's goals block (issue 13): forms.goals_weight and
 * forms.goals_score.
 *
 * Some self-evaluation templates score the goals block like the execution
 * item (年度目标完成情况 | 预期目标 | 目标实际完成情况 | 20, 遂宁's 区域绩效目标自评表):
 * its points are part of the printed total, so a total check that left them
 * out would call a form wrong that adds up. The columns are added with ALTER
 * TABLE (NULL where a form does not score its goals); nothing is rebuilt.
 */
import type { Migration } from "./migration.ts";

export const goalsPoints: Migration = {
  version: 6,
  name: "goals block points: forms.goals_weight, forms.goals_score",
  up: (db) => {
    db.exec(`
ALTER TABLE forms ADD COLUMN goals_weight REAL;
ALTER TABLE forms ADD COLUMN goals_score REAL;
`);
  },
};
