/** Shared by the bulk-ingest tests: temp folders, archives built from the fixtures, the CLI as a child process. */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import Database from "better-sqlite3";

export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const FIXTURES = join(ROOT, "fixtures");
export const MAIN = join(ROOT, "packages/cli/src/main.ts");
export const MISBEHAVING_WORKER = new URL("./workers/misbehaving-worker.mjs", import.meta.url);

/** Forms in each seed text (what a correct pipeline finds; see ingest.test.ts). */
export const SEED_TEXT_FORMS: Record<string, number> = {
  "qiannan-2023-project-selfeval.pdf.txt": 16,
  "gaoyi-2021-department-selfeval-report.pdf.txt": 20,
  "hengyang-2023-targets.xlsx.txt": 6,
  "xinzhou-2022-selfeval-report-annex1.pdf.txt": 1,
};

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "jixiao-bulk-"));
}

/**
 * `copies` distinct copies of each seed text: same forms, different bytes (the
 * copy number as trailing blank lines, which the text reader ignores). Returns
 * the expected forms per file name.
 */
export function textArchive(dir: string, copies: number): Map<string, number> {
  const expected = new Map<string, number>();
  mkdirSync(dir, { recursive: true });
  for (const [name, forms] of Object.entries(SEED_TEXT_FORMS)) {
    const text = readFileSync(join(FIXTURES, "text", name), "utf8");
    for (let i = 0; i < copies; i++) {
      const file = `${String(i).padStart(3, "0")}-${name}`;
      writeFileSync(join(dir, file), `${text}${"\n".repeat(i + 1)}`);
      expected.set(file, forms);
    }
  }
  return expected;
}

/** Forms stored per document file name, for documents stored as ok. */
export function formsPerFile(db: string): Map<string, number> {
  const d = new Database(db, { readonly: true });
  const rows = d
    .prepare("select d.path, count(f.id) n from documents d left join forms f on f.document_id = d.id where d.status != 'failed' group by d.id")
    .all() as { path: string; n: number }[];
  d.close();
  return new Map(rows.map((r) => [r.path.split("/").pop()!, r.n]));
}

export function query<T = unknown>(db: string, sql: string, ...params: unknown[]): T[] {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare(sql).all(...params) as T[];
  } finally {
    d.close();
  }
}

export interface Cli {
  child: ChildProcessWithoutNullStreams;
  stderr: () => string;
  /** Resolves once stderr holds `n` per-file JSON lines. */
  fileLines: (n: number) => Promise<void>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startCli(...args: string[]): Cli {
  const child = spawn(process.execPath, ["--import", "tsx", MAIN, ...args], { cwd: ROOT });
  let err = "";
  const waiters: { n: number; resolve: () => void }[] = [];
  const fileLineCount = () => err.split("\n").filter((l) => l.startsWith('{"path"')).length;
  child.stderr.on("data", (d: Buffer) => {
    err += d.toString("utf8");
    const n = fileLineCount();
    for (const w of waiters.splice(0)) (n >= w.n ? w.resolve() : waiters.push(w));
  });
  child.stdout.resume();
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    stderr: () => err,
    fileLines: (n) =>
      new Promise<void>((resolve, reject) => {
        if (fileLineCount() >= n) return resolve();
        waiters.push({ n, resolve });
        void exit.then(() => reject(new Error(`the CLI exited before writing ${n} file lines:\n${err}`)));
      }),
    exit,
  };
}
