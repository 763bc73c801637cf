/** Text into HTML: every value the report prints comes from documents, so all of it is escaped. */
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function esc(value: unknown): string {
  if (value === null || value === undefined) return "";
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** A number for display: no float noise, at most `decimals` places. */
export function num(value: number | null | undefined, decimals = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "";
  return String(Number(value.toFixed(decimals)));
}

export function percent(rate: number | null | undefined, decimals = 2): string {
  return rate === null || rate === undefined ? "" : `${num(rate * 100, decimals)}%`;
}
