/**
 * The fiscal year a file's path speaks of, for forms that print none: the
 * file's own name (2021年项目自评表.xlsx, 2021_自评.pdf), else the nearest folder
 * named by a year (archives are filed as 2021/…, 2021年度/…).
 */
const YEAR = /(?:^|[^\d])((?:19|20)\d{2})(?!\d)/;

export function yearOfPath(path: string): { file: number | null; folder: number | null } {
  const parts = path.split(/[\\/]+/).filter(Boolean);
  const file = parts.pop() ?? "";
  return { file: yearIn(file.replace(/\.[^.]*$/, "")), folder: [...parts].reverse().map(yearIn).find((y) => y !== null) ?? null };
}

function yearIn(name: string): number | null {
  const m = name.match(YEAR);
  if (!m) return null;
  const y = Number(m[1]);
  // Years of performance budgeting; a 4-digit code (1001) is not a year.
  return y >= 2000 && y <= 2099 ? y : null;
}

/** The year most often named (the later one on a tie). */
export function mostFrequent(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
}
