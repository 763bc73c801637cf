/**
 * Bulk ingest through the worker pool: bad files fail alone (corrupt, hanging,
 * crashing their worker), re-runs parse nothing, older-pipeline and failed
 * documents are re-read, moved and changed files.
 */
import { describe, expect, it, beforeAll } from "vitest";
import { copyFileSync, mkdirSync, renameSync, writeFileSync, readFileSync, utimesSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { ingest, type IngestSummary } from "../src/ingest.ts";
import { FIXTURES, MISBEHAVING_WORKER, formsPerFile, query, tempDir, textArchive } from "./bulk-helpers.ts";

const quiet = { out: () => {} };

describe("a mixed folder: real documents, a corrupt file, files that hang or crash their worker", () => {
  const dir = tempDir();
  const inbox = join(dir, "inbox");
  const db = join(dir, "mixed.sqlite");
  let s: IngestSummary;
  beforeAll(async () => {
    mkdirSync(inbox);
    copyFileSync(join(FIXTURES, "text/xinzhou-2022-selfeval-report-annex1.pdf.txt"), join(inbox, "a-xinzhou.txt"));
    copyFileSync(join(FIXTURES, "broken/truncated.pdf"), join(inbox, "b-truncated.pdf"));
    copyFileSync(join(FIXTURES, "text/hengyang-2023-targets.xlsx.txt"), join(inbox, "c-hang.txt"));
    copyFileSync(join(FIXTURES, "xlsx/hengyang-2023-targets.xlsx"), join(inbox, "d-hengyang.xlsx"));
    copyFileSync(join(FIXTURES, "text/gaoyi-2021-department-selfeval-report.pdf.txt"), join(inbox, "e-oom.txt"));
    copyFileSync(join(FIXTURES, "text/qiannan-2023-project-selfeval.pdf.txt"), join(inbox, "f-exit.txt"));
    copyFileSync(join(FIXTURES, "docx/qiannan-2023-project-selfeval.docx"), join(inbox, "g-qiannan.docx"));
    // One worker, so each good file after a bad one proves the worker was replaced. The test's
    // worker loads pdf.js through tsx (~230 MB more than the bundled one): the run's memory
    // limit is raised so that only the *oom* file's heap ceiling stops a worker.
    s = await ingest([inbox], {
      db, concurrency: 1, fileTimeoutMs: 8_000, workerHeapMb: 192, memoryMb: 2048, workerEntry: MISBEHAVING_WORKER, ...quiet,
    });
  }, 90_000);

  it("stores every good file, after each bad one", () => {
    expect(s).toMatchObject({ status: "ok", filesSeen: 7, filesNew: 3, filesFailed: 4, forms: 1 + 6 + 16 });
    expect(formsPerFile(db)).toEqual(new Map([["a-xinzhou.txt", 1], ["d-hengyang.xlsx", 6], ["g-qiannan.docx", 16]]));
  });

  it("records the corrupt, hanging and crashing files as failed, each with a one-line reason", () => {
    const failed = query<{ path: string; error: string; sha256: string }>(db, "select path, error, sha256 from documents where status = 'failed' order by path");
    expect(failed.map((f) => f.path.split("/").pop())).toEqual(["b-truncated.pdf", "c-hang.txt", "e-oom.txt", "f-exit.txt"]);
    for (const f of failed) expect(f.error).toMatch(/^[^\n]{20,}$/);
    expect(failed[0]!.error).toMatch(/truncated|corrupt|damaged/i);
    expect(failed[1]!.error).toMatch(/^timeout: .*within 8 s/);
    expect(failed[2]!.error).toMatch(/^too large: .*192 MB heap/);
    expect(failed[3]!.error).toMatch(/^crashed: .*exited with code: 3/);
    // The hash is the file's content, so a fixed or replaced file is recognised next time.
    const hang = failed[1]!;
    expect(hang.sha256).not.toBe(failed[2]!.sha256);
    expect(s.failed.map((f) => f.path.split("/").pop())).toEqual(expect.arrayContaining(["c-hang.txt", "e-oom.txt", "f-exit.txt", "b-truncated.pdf"]));
  });

  it("reads the failed files again on the next run, and only those", async () => {
    const again = await ingest([inbox], { db, concurrency: 1, ...quiet });
    // With the real worker, the three files that misbehaved are ordinary seed texts.
    expect(again).toMatchObject({ filesParsed: 4, filesUnchanged: 3, filesFailed: 1, filesChanged: 3, filesNew: 0 });
    expect(formsPerFile(db).get("c-hang.txt")).toBe(6);
    expect(formsPerFile(db).get("e-oom.txt")).toBe(20);
    expect(formsPerFile(db).get("f-exit.txt")).toBe(16);
    expect(query(db, "select count(*) n from documents")).toEqual([{ n: 7 }]);
  }, 60_000);
});

describe("re-runs, pipeline versions, moved and changed files", () => {
  const dir = tempDir();
  const archive = join(dir, "archive");
  const db = join(dir, "archive.sqlite");
  let expected: Map<string, number>;
  beforeAll(async () => {
    expected = textArchive(archive, 3);
    copyFileSync(join(FIXTURES, "pdf/lo/hengyang-2023-targets.pdf"), join(archive, "hengyang.pdf"));
    expected.set("hengyang.pdf", 6);
    await ingest([archive], { db, ...quiet });
  }, 60_000);

  it("stores every form of every copy", () => {
    expect(formsPerFile(db)).toEqual(expected);
  });

  it("parses nothing on a second run over the unchanged archive", async () => {
    const s = await ingest([archive], { db, ...quiet });
    expect(s).toMatchObject({ filesSeen: 13, filesUnchanged: 13, filesParsed: 0, filesNew: 0, filesChanged: 0, forms: 0 });
  });

  it("re-reads documents stored by an older pipeline version, replacing their rows", async () => {
    const w = new Database(db);
    w.prepare("update documents set pipeline_version = '0.0.1-old' where path like '%000-%'").run();
    w.close();
    const s = await ingest([archive], { db, concurrency: 1, ...quiet });
    expect(s).toMatchObject({ filesParsed: 4, filesChanged: 4, filesUnchanged: 9 });
    expect(query(db, "select count(*) n from documents where pipeline_version = '0.0.1-old'")).toEqual([{ n: 0 }]);
    expect(formsPerFile(db)).toEqual(expected);
  }, 30_000);

  it("a moved file only has its path updated, without parsing", async () => {
    mkdirSync(join(archive, "2023"));
    renameSync(join(archive, "hengyang.pdf"), join(archive, "2023", "hengyang-moved.pdf"));
    const idBefore = query<{ id: number }>(db, "select id from documents where path like '%/hengyang.pdf'");
    const s = await ingest([archive], { db, ...quiet });
    expect(s).toMatchObject({ filesParsed: 0, filesMoved: 1, filesUnchanged: 13 });
    const after = query<{ id: number; path: string }>(db, "select id, path from documents where path like '%hengyang%.pdf'");
    expect(after).toEqual([{ id: idBefore[0]!.id, path: join(archive, "2023", "hengyang-moved.pdf") }]);
  }, 30_000);

  it("a changed file replaces its document's rows", async () => {
    const file = join(archive, "000-xinzhou-2022-selfeval-report-annex1.pdf.txt");
    // The same path now holds a different form: the qiannan self-evaluation (16 forms).
    writeFileSync(file, readFileSync(join(FIXTURES, "text/qiannan-2023-project-selfeval.pdf.txt")));
    utimesSync(file, new Date(), new Date(Date.now() + 10_000));
    const s = await ingest([archive], { db, concurrency: 1, ...quiet });
    expect(s).toMatchObject({ filesParsed: 1, filesChanged: 1, filesNew: 0 });
    const rows = query<{ n: number; projects: string }>(db,
      "select count(f.id) n, group_concat(distinct f.project_name) projects from documents d join forms f on f.document_id = d.id where d.path = ?", file);
    expect(rows[0]!.n).toBe(16);
    expect(rows[0]!.projects).not.toContain("医药招采与基金监管工作经费");
    expect(query(db, "select count(*) n from documents")).toEqual([{ n: 13 }]);
  }, 30_000);
});
