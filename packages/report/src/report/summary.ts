/** The report's summary figures, computed once from the rows so every view shows the same numbers. */
import type { ReportData } from "./data.ts";

export const SEVERITIES = ["error", "warning", "info"] as const;
export type SeverityCounts = Record<(typeof SEVERITIES)[number], number>;

export interface Group {
  key: string;
  forms: number;
  counts: SeverityCounts;
}

export interface Summary {
  documents: number;
  forms: number;
  findings: number;
  bySeverity: SeverityCounts;
  /** Findings per rule, most frequent first. */
  byRule: { rule: string; counts: SeverityCounts; total: number }[];
  byYear: Group[];
  byAgency: Group[];
}

const zero = (): SeverityCounts => ({ error: 0, warning: 0, info: 0 });

function groupBy(data: ReportData, keyOf: (f: ReportData["forms"][number]) => string): Group[] {
  const groups = new Map<string, Group>();
  for (const f of data.forms) {
    const key = keyOf(f);
    const g = groups.get(key) ?? { key, forms: 0, counts: zero() };
    g.forms += 1;
    g.counts.error += f.errors;
    g.counts.warning += f.warnings;
    g.counts.info += f.infos;
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => a.key.localeCompare(b.key, "zh"));
}

export function summarize(data: ReportData): Summary {
  const bySeverity = zero();
  const rules = new Map<string, SeverityCounts>();
  for (const x of data.findings) {
    bySeverity[x.severity] += 1;
    const c = rules.get(x.rule) ?? zero();
    c[x.severity] += 1;
    rules.set(x.rule, c);
  }
  const byRule = [...rules.entries()]
    .map(([rule, counts]) => ({ rule, counts, total: counts.error + counts.warning + counts.info }))
    .sort((a, b) => b.total - a.total || a.rule.localeCompare(b.rule));
  return {
    documents: data.documents.length,
    forms: data.forms.length,
    findings: data.findings.length,
    bySeverity,
    byRule,
    byYear: groupBy(data, (f) => (f.fiscalYear === null ? "未知" : String(f.fiscalYear))),
    byAgency: groupBy(data, (f) => f.agency ?? "未知"),
  };
}
