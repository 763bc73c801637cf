/**
 * A page drawn as SVG for `jixiao inspect --svg`: the ruling edges found
 * (red), the table cells (blue boxes with their text) and the text outside
 * tables (grey), so a person can see what the finder saw.
 */
import type { PageLayout } from "./layout.ts";

const escapeXml = (s: string) => s.replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c]!);
/** Font size (pt) of cell text in the drawing. */
const SVG_CELL_FONT = 7;
const f = (v: number) => (Math.round(v * 10) / 10).toString();

export function renderPageSvg(layout: PageLayout): string {
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${f(layout.width)}" height="${f(layout.height)}" viewBox="0 0 ${f(layout.width)} ${f(layout.height)}" font-family="sans-serif">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<g stroke="#d22" stroke-width="0.8">`,
  ];
  for (const e of layout.edges) {
    out.push(e.orientation === "h"
      ? `<line x1="${f(e.from)}" y1="${f(e.at)}" x2="${f(e.to)}" y2="${f(e.at)}"/>`
      : `<line x1="${f(e.at)}" y1="${f(e.from)}" x2="${f(e.at)}" y2="${f(e.to)}"/>`);
  }
  out.push(`</g>`);
  layout.tables.forEach((t, ti) => {
    out.push(`<g class="table" data-table="${ti}">`);
    for (const c of t.cells) {
      const { x0, y0, x1, y1 } = c.bbox;
      out.push(`<rect x="${f(x0 + 1)}" y="${f(y0 + 1)}" width="${f(Math.max(0, x1 - x0 - 2))}" height="${f(Math.max(0, y1 - y0 - 2))}" fill="#36c" fill-opacity="0.08" stroke="#36c" stroke-width="0.5"><title>r${c.row} c${c.col} ${c.rowSpan}×${c.colSpan}</title></rect>`);
      if (c.text) {
        // One line of 7pt text, cut to what fits the cell (a CJK character is 7pt wide).
        const fits = Math.max(1, Math.floor((x1 - x0 - 4) / SVG_CELL_FONT));
        const chars = Array.from(c.text);
        const shown = chars.length > fits ? chars.slice(0, Math.max(1, fits - 1)).join("") + "…" : c.text;
        out.push(`<text x="${f(x0 + 2)}" y="${f(y0 + 9)}" font-size="${SVG_CELL_FONT}" fill="#124"><title>${escapeXml(c.text)}</title>${escapeXml(shown)}</text>`);
      }
    }
    out.push(`</g>`);
  });
  out.push(`<g fill="#555">`);
  for (const l of layout.lines) out.push(`<text x="${f(l.x0)}" y="${f(l.y1 - l.size * 0.12)}" font-size="${f(l.size)}">${escapeXml(l.text)}</text>`);
  out.push(`</g></svg>`);
  return out.join("\n");
}
