/**
 * Inline SVG for the patterns across the archive: agencies' self-evaluations,
 * score against execution rate per year, and the share of each agency's forms
 * with errors. Like charts.ts: no library, marks carry their numbers in data-
 * attributes and <title> tooltips, everything printed from documents escaped.
 */
import { esc, num, percent } from "./escape.ts";
import type { FormRow } from "./data.ts";
import { HIGH_SCORE, LOW_RATE, type AgencyErrorShare, type AgencyYearPoint } from "./patterns.ts";

const FONT = 'font-family="sans-serif" font-size="11"';
const RED = "#c0392b";
const BLUE = "#2e86c1";

function frame(name: string, label: string, width: number, height: number, body: string): string {
  return `<svg class="chart" data-chart="${name}" role="img" aria-label="${esc(label)}" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMidYMid meet" xmlns="http://www.w3.org/2000/svg">${body}</svg>`;
}

/**
 * One point per agency and year (mean total score against mean execution rate
 * of its self-evaluations), and one red cross per flagged form; the corner of
 * 优 with execution under 60 % is shaded.
 */
export function agencyYearScatter(points: readonly AgencyYearPoint[], flagged: readonly FormRow[]): string {
  const shown = points.filter((p) => p.meanRate !== null && p.meanScore !== null);
  const [w, h, left, bottom, top, right] = [560, 280, 40, 40, 16, 12];
  const rates = [...shown.map((p) => p.meanRate!), ...flagged.map((f) => f.executionRate!)];
  const scores = [...shown.map((p) => p.meanScore!), ...flagged.flatMap((f) => (f.totalScore === null ? [] : [f.totalScore]))];
  const maxRate = Math.max(1.1, ...rates);
  const floor = Math.min(60, Math.floor(Math.min(100, ...scores) / 10) * 10);
  const x = (r: number) => left + ((w - left - right) * Math.max(r, 0)) / maxRate;
  const y = (s: number) => top + (h - top - bottom) * (1 - (Math.min(Math.max(s, floor), 100) - floor) / (100 - floor));
  const zone = `<rect x="${left}" y="${top}" width="${num(x(LOW_RATE) - left)}" height="${num(y(HIGH_SCORE) - top)}" fill="${RED}" fill-opacity="0.08"/><text x="${left + 4}" y="${top + 12}" fill="${RED}" ${FONT}>自评优、执行率低于${LOW_RATE * 100}%</text>`;
  const grid = Array.from({ length: 6 }, (_, i) => floor + ((100 - floor) * i) / 5)
    .map((s) => `<line x1="${left}" y1="${num(y(s))}" x2="${w - right}" y2="${num(y(s))}" stroke="#ddd"/><text x="${left - 4}" y="${num(y(s) + 4)}" text-anchor="end" ${FONT}>${num(s, 1)}</text>`)
    .join("");
  const ticks = [0, 0.25, 0.5, 0.75, 1]
    .map((r) => `<line x1="${num(x(r))}" y1="${top}" x2="${num(x(r))}" y2="${h - bottom}" stroke="#eee"/><text x="${num(x(r))}" y="${h - bottom + 14}" text-anchor="middle" ${FONT}>${r * 100}%</text>`)
    .join("");
  const dots = shown
    .map((p) => {
      const label = `${p.agency} ${p.year ?? "年度不详"}：${p.forms}张自评表，平均执行率${percent(p.meanRate)}，平均总分${num(p.meanScore)}${p.flagged > 0 ? `，${p.flagged}张自评优而执行率低` : ""}`;
      return `<circle class="mark agency-year" data-agency="${esc(p.agency)}" data-year="${p.year ?? ""}" data-flagged="${p.flagged}" cx="${num(x(p.meanRate!))}" cy="${num(y(p.meanScore!))}" r="${num(Math.min(9, 3 + Math.sqrt(p.forms)), 1)}" fill="${p.flagged > 0 ? RED : BLUE}" fill-opacity="0.55"><title>${esc(label)}</title></circle>`;
    })
    .join("");
  const crosses = flagged
    .filter((f) => f.totalScore !== null)
    .map((f) => {
      const [cx, cy] = [x(f.executionRate!), y(f.totalScore!)];
      const label = `${f.projectName ?? f.agency ?? ""}（${f.agency ?? ""} ${f.fiscalYear ?? ""}）：执行率${percent(f.executionRate)}，总分${num(f.totalScore)}${f.grade ? `，${f.grade}` : ""}`;
      return `<a href="#form-${f.formId}"><path class="mark flagged" data-form="${f.formId}" d="M${num(cx - 4)} ${num(cy - 4)}L${num(cx + 4)} ${num(cy + 4)}M${num(cx - 4)} ${num(cy + 4)}L${num(cx + 4)} ${num(cy - 4)}" stroke="${RED}" stroke-width="2"><title>${esc(label)}</title></path></a>`;
    })
    .join("");
  const labels = `<text x="${(w + left) / 2}" y="${h - 6}" text-anchor="middle" ${FONT}>平均预算执行率（×：自评优而执行率低的表）</text><text x="${left + 4}" y="${top - 4}" ${FONT}>平均总分</text>`;
  const empty = shown.length === 0 && flagged.length === 0 ? `<text x="${left + 10}" y="${h / 2}" ${FONT}>没有同时印有执行率和总分的自评表</text>` : "";
  return frame("agency-year-score-rate", "各单位各年度自评总分与预算执行率", w, h, zone + grid + ticks + labels + dots + crosses + empty);
}

/** Agencies drawn at most; the table under the chart lists them all. */
export const AGENCY_BARS_SHOWN = 40;

/** The share of each agency's forms with errors, highest first, with counts. */
export function errorShareBars(shares: readonly AgencyErrorShare[]): string {
  const rows = shares.slice(0, AGENCY_BARS_SHOWN);
  const [w, rowH, left, top, right] = [560, 20, 190, 8, 110];
  const h = top * 2 + Math.max(1, rows.length) * rowH + 16;
  const span = w - left - right;
  const bars = rows
    .map((r, i) => {
      const y = top + i * rowH;
      const width = r.share * span;
      const label = r.agency.length > 16 ? `${r.agency.slice(0, 15)}…` : r.agency;
      return (
        `<text x="${left - 6}" y="${y + rowH / 2 + 4}" text-anchor="end" ${FONT}>${esc(label)}<title>${esc(r.agency)}</title></text>` +
        `<rect x="${left}" y="${y + 3}" width="${span}" height="${rowH - 6}" fill="#f0f0f0"/>` +
        `<rect class="mark" data-agency="${esc(r.agency)}" data-forms="${r.forms}" data-errors="${r.withErrors}" x="${left}" y="${y + 3}" width="${num(Math.max(width, r.withErrors > 0 ? 1 : 0.5))}" height="${rowH - 6}" fill="${RED}"><title>${esc(r.agency)}：${r.forms}张表中${r.withErrors}张有错误（${percent(r.share, 1)}）</title></rect>` +
        `<text x="${left + span + 4}" y="${y + rowH / 2 + 4}" ${FONT}>${percent(r.share, 1)}（${r.withErrors}/${r.forms}）</text>`
      );
    })
    .join("");
  const empty = rows.length === 0 ? `<text x="${left}" y="${top + 14}" ${FONT}>没有表单</text>` : "";
  const more = shares.length > rows.length ? `<text x="${left}" y="${h - 4}" ${FONT}>另有${shares.length - rows.length}个单位见下表</text>` : "";
  return frame("agency-error-share", "各单位有错误的表所占比例", w, h, bars + empty + more);
}
