/**
 * Schema (zod) failures as one-line reasons. A ZodError's message is its
 * issues as pretty-printed JSON, hundreds of characters that say "received
 * number" of an Infinity; `documents.error` gets "expected a finite number,
 * found Infinity at blocks[14].bbox.y0 (and 3 more)" instead. Works on the
 * error object, and on a message that already holds such a dump (one that came
 * back from a worker as text).
 */

interface Issue {
  code?: string;
  expected?: unknown;
  received?: unknown;
  input?: unknown;
  path?: PropertyKey[];
  message?: string;
  values?: unknown[];
}

const isIssueList = (v: unknown): v is Issue[] =>
  Array.isArray(v) && v.length > 0 && v.every((i) => typeof i === "object" && i !== null && ("code" in i || "message" in i) && Array.isArray((i as Issue).path ?? []));

/** The issues of a ZodError (by shape: the CLI does not load zod itself), or null. */
export function schemaIssues(e: unknown): Issue[] | null {
  if (typeof e !== "object" || e === null) return null;
  const issues = (e as { issues?: unknown }).issues;
  if ((e as Error).name === "ZodError" && isIssueList(issues)) return issues;
  return null;
}

/** The issues of a zod dump inside a message ("extract failed: [ { "expected": … } ]"), or null. */
function issuesInText(text: string): { before: string; issues: Issue[] } | null {
  const at = text.search(/\[\s*\{\s*"(expected|code|origin|values|path|message)"/);
  if (at < 0) return null;
  const end = text.lastIndexOf("]");
  for (let stop = end; stop > at; stop = text.lastIndexOf("]", stop - 1)) {
    try {
      const parsed: unknown = JSON.parse(text.slice(at, stop + 1));
      if (isIssueList(parsed)) return { before: text.slice(0, at), issues: parsed };
    } catch {
      // a shorter bracketed span may parse (the message was cut at 500 characters)
    }
  }
  // Cut mid-dump: read the first issue's fields by pattern.
  const field = (k: string) => text.slice(at).match(new RegExp(`"${k}"\\s*:\\s*("(?:[^"\\\\]|\\\\.)*"|\\[[^\\]]*\\])`))?.[1];
  const parse = (s: string | undefined) => {
    try {
      return s === undefined ? undefined : (JSON.parse(s) as unknown);
    } catch {
      return undefined;
    }
  };
  const path = parse(field("path"));
  return {
    before: text.slice(0, at),
    issues: [{ code: parse(field("code")) as string, expected: parse(field("expected")), received: parse(field("received")), message: parse(field("message")) as string, path: Array.isArray(path) ? path : [] }],
  };
}

/** blocks[14].bbox.y0 */
function pathText(path: PropertyKey[] | undefined): string {
  if (!path || path.length === 0) return "the top level";
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`)).join("");
}

function short(v: unknown): string {
  const s = typeof v === "string" ? JSON.stringify(v) : typeof v === "number" || typeof v === "bigint" || typeof v === "boolean" ? String(v) : v === null ? "null" : v === undefined ? "nothing" : Array.isArray(v) ? "a list" : "an object";
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

/** "expected …, found … at …" for one issue. */
export function issueReason(issue: Issue): string {
  const said = issue.message?.match(/expected (.+?)(?:, received (.+))?$/i);
  const received = issue.received !== undefined ? String(issue.received) : undefined;
  let expected: string;
  if (issue.code === "invalid_type" && typeof issue.expected === "string") {
    expected = issue.expected === "number" && (received === "Infinity" || received === "-Infinity" || received === "NaN") ? "a finite number" : String(issue.expected);
  } else if (issue.code === "invalid_value" && Array.isArray(issue.values)) {
    expected = `one of ${issue.values.map(short).join(", ")}`;
  } else {
    expected = said?.[1] ?? issue.code ?? "a valid value";
  }
  const found = received ?? (issue.input !== undefined ? short(issue.input) : said?.[2] ?? "another value");
  return `expected ${expected}, found ${found} at ${pathText(issue.path)}`;
}

function fromIssues(issues: Issue[]): string {
  return issueReason(issues[0]!) + (issues.length > 1 ? ` (and ${issues.length - 1} more)` : "");
}

/** `stage: expected …, found … at …` when `e` is a schema error; null otherwise. */
export function schemaReason(e: unknown, stage: string): string | null {
  const issues = schemaIssues(e);
  return issues ? `${stage}: ${fromIssues(issues)}` : null;
}

/** A reason with any zod dump in it replaced by its first issue in one line; other reasons unchanged. */
export function withoutSchemaDump(reason: string): string {
  const found = issuesInText(reason);
  return found ? `${found.before.trimEnd().replace(/:$/, "")}: ${fromIssues(found.issues)}`.replace(/^: /, "") : reason;
}
