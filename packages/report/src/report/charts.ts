/**
 * Inline SVG charts drawn here, not by a library: the report must work offline
 * and stay small. Each chart is a plain <svg data-chart="…"> whose marks carry
 * their numbers in data- attributes and <title> tooltips.
 */
import { esc, num, percent } from "./escape.ts";
import type { FormRow } from "./data.ts";
import { ruleTitle, SEVERITY_TITLES } from "./labels.ts";
import { SEVERITIES, type Summary } from "./summary.ts";

const COLORS = { error: "#c0392b", warning: "#e67e22", info: "#7f8c8d", bar: "#2e86c1", point: "#2e86c1" } as const;
const FONT = 'font-family="sans-serif" font-size="11"';

/** Execution-rate bins: 0–10 %, …, 90–100 %, and above 100 %. */
export const RATE_BINS = [...Array.from({ length: 10 }, (_, i) => ({ from: i / 10, to: (i + 1) / 10, label: `${i * 10}–${(i + 1) * 10}%` })), { from: 1, to: Infinity, label: ">100%" }];

export function binOf(rate: number): number {
  if (rate > 1 + 1e-9) return RATE_BINS.length - 1;
  // 100% exactly belongs to the 90–100% bin.
  return Math.min(Math.floor(Math.max(rate, 0) * 10 + 1e-9), 9);
}

function frame(name: string, label: string, width: number, height: number, body: string): string {
  return `<svg class="chart" data-chart="${name}" role="img" aria-label="${esc(label)}" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMidYMid meet" xmlns="http://www.w3.org/2000/svg">${body}</svg>`;
}

export function executionRateHistogram(forms: FormRow[]): string {
  const counts = RATE_BINS.map(() => 0);
  for (const f of forms) if (f.executionRate !== null) counts[binOf(f.executionRate)]! += 1;
  const [w, h, left, bottom, top] = [560, 240, 36, 40, 14];
  const max = Math.max(1, ...counts);
  const slot = (w - left - 8) / counts.length;
  const y = (n: number) => top + (h - top - bottom) * (1 - n / max);
  const bars = counts
    .map((n, i) => {
      const x = left + i * slot + 3;
      const barTop = y(n);
      return (
        `<rect class="mark" data-count="${n}" x="${num(x)}" y="${num(barTop)}" width="${num(slot - 6)}" height="${num(h - bottom - barTop)}" fill="${COLORS.bar}"><title>${RATE_BINS[i]!.label}：${n}张表</title></rect>` +
        (n > 0 ? `<text x="${num(x + (slot - 6) / 2)}" y="${num(barTop - 3)}" text-anchor="middle" ${FONT}>${n}</text>` : "") +
        `<text x="${num(x + (slot - 6) / 2)}" y="${h - bottom + 14}" text-anchor="middle" ${FONT}>${esc(RATE_BINS[i]!.label)}</text>`
      );
    })
    .join("");
  const axis = `<line x1="${left}" y1="${h - bottom}" x2="${w - 4}" y2="${h - bottom}" stroke="#444"/><text x="${w / 2}" y="${h - 6}" text-anchor="middle" ${FONT}>预算执行率（表数）</text><text x="${left - 4}" y="${top + 4}" text-anchor="end" ${FONT}>${max}</text>`;
  return frame("execution-rate", "预算执行率分布", w, h, axis + bars);
}

export function scoreAgainstRate(forms: FormRow[]): string {
  const points = forms.filter((f) => f.executionRate !== null && f.totalScore !== null);
  const [w, h, left, bottom, top, right] = [560, 280, 40, 40, 16, 12];
  const maxRate = Math.max(1.1, ...points.map((p) => p.executionRate!));
  // Totals cluster near the top: start the axis at the lowest band that holds a point (60 at most).
  const floor = Math.min(60, Math.floor(Math.min(100, ...points.map((p) => p.totalScore!)) / 10) * 10);
  const x = (r: number) => left + ((w - left - right) * r) / maxRate;
  const y = (s: number) => top + (h - top - bottom) * (1 - (Math.min(Math.max(s, floor), 100) - floor) / (100 - floor));
  const grid = Array.from({ length: 6 }, (_, i) => floor + ((100 - floor) * i) / 5)
    .map((s) => `<line x1="${left}" y1="${num(y(s))}" x2="${w - right}" y2="${num(y(s))}" stroke="#ddd"/><text x="${left - 4}" y="${num(y(s) + 4)}" text-anchor="end" ${FONT}>${num(s, 1)}</text>`)
    .join("");
  const ticks = [0, 0.25, 0.5, 0.75, 1]
    .map((r) => `<line x1="${num(x(r))}" y1="${top}" x2="${num(x(r))}" y2="${h - bottom}" stroke="#eee"/><text x="${num(x(r))}" y="${h - bottom + 14}" text-anchor="middle" ${FONT}>${r * 100}%</text>`)
    .join("");
  const marks = points
    .map((p) => {
      const color = p.errors > 0 ? COLORS.error : p.warnings > 0 ? COLORS.warning : COLORS.point;
      const label = `${p.projectName ?? p.agency ?? ""}：执行率${percent(p.executionRate)}，总分${num(p.totalScore)}`;
      return `<a href="#form-${p.formId}"><circle class="mark" data-form="${p.formId}" cx="${num(x(p.executionRate!))}" cy="${num(y(p.totalScore!))}" r="4" fill="${color}" fill-opacity="0.75"><title>${esc(label)}</title></circle></a>`;
    })
    .join("");
  const labels = `<text x="${(w + left) / 2}" y="${h - 6}" text-anchor="middle" ${FONT}>预算执行率</text><text x="${left + 4}" y="${top - 2}" ${FONT}>总分</text>`;
  return frame("score-rate", "总分与预算执行率", w, h, grid + ticks + labels + marks);
}

export function findingsPerRule(summary: Summary): string {
  const rows = summary.byRule;
  const [w, rowH, left, top] = [560, 22, 190, 8];
  const h = top * 2 + Math.max(1, rows.length) * rowH + 20;
  const max = Math.max(1, ...rows.map((r) => r.total));
  const scale = (w - left - 40) / max;
  const bars = rows
    .map((r, i) => {
      let x = left;
      const y = top + i * rowH;
      const segments = SEVERITIES.filter((s) => r.counts[s] > 0)
        .map((s) => {
          const width = r.counts[s] * scale;
          const seg = `<rect class="mark" data-rule="${esc(r.rule)}" data-severity="${s}" data-count="${r.counts[s]}" x="${num(x)}" y="${y + 3}" width="${num(width)}" height="${rowH - 6}" fill="${COLORS[s]}"><title>${esc(ruleTitle(r.rule))}：${SEVERITY_TITLES[s]}${r.counts[s]}条</title></rect>`;
          x += width;
          return seg;
        })
        .join("");
      return `<text x="${left - 6}" y="${y + rowH / 2 + 4}" text-anchor="end" ${FONT}>${esc(ruleTitle(r.rule))}</text>${segments}<text x="${num(x + 4)}" y="${y + rowH / 2 + 4}" ${FONT}>${r.total}</text>`;
    })
    .join("");
  const legend = SEVERITIES.map((s, i) => `<rect x="${left + i * 70}" y="${h - 14}" width="10" height="10" fill="${COLORS[s]}"/><text x="${left + i * 70 + 14}" y="${h - 5}" ${FONT}>${SEVERITY_TITLES[s]}</text>`).join("");
  const empty = rows.length === 0 ? `<text x="${left}" y="${top + 14}" ${FONT}>没有发现问题</text>` : "";
  return frame("findings-rule", "各规则发现的问题数", w, h, bars + legend + empty);
}
