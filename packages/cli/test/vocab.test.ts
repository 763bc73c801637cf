/**
 * A user vocabulary (--vocab FILE, or jixiao.vocab.json beside the database):
 * a form under a regional title the built-in vocabulary does not read
 * (fixtures/vocab/: 黄石市's 绩效监控表 layout titled 项目支出绩效运行情况表, with
 * the label 项目组织实施单位) is found with it and not without; it reaches the
 * pool's workers; its id is part of the stored pipeline version, so a changed
 * vocabulary re-reads the archive once; a bad file stops the command (exit 2).
 */
import { describe, expect, it } from "vitest";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";
import Database from "better-sqlite3";
import { ingest } from "../src/ingest.ts";
import { PIPELINE_VERSION } from "../src/version.ts";
import { readVocabFile, VocabFileError } from "../src/vocab-file.ts";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const VOCAB_DIR = join(ROOT, "fixtures/vocab");
const FORM = join(VOCAB_DIR, "huangshi-2019-project-performance-run.txt");
const VOCAB = join(VOCAB_DIR, "jixiao.vocab.json");
const BIN = join(ROOT, "packages/cli/bin/jixiao.js");

const idOf = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex").slice(0, 12);

function jixiao(...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20 });
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "jixiao-vocab-"));
}

interface InspectJson {
  vocabulary: { path: string; id: string } | null;
  normalized: { forms: { kind: string; title: string; fiscalYear: number; implementer: string | null; projectName: string | null; facts: { label: string; value: string; field: string | null }[]; unrecognizedLabels: string[]; indicators: unknown[]; funding: unknown[] }[] };
}

function stored(db: string) {
  const d = new Database(db, { readonly: true });
  const r = {
    versions: d.prepare("select pipeline_version from documents order by id").pluck().all() as string[],
    forms: d.prepare("select kind, implementer from forms order by id").all() as { kind: string; implementer: string | null }[],
    facts: d.prepare("select label, value, field from form_facts where label = '项目组织实施单位'").all(),
  };
  d.close();
  return r;
}

describe("inspect --vocab", () => {
  it("reads the fixture with the built-in vocabulary alone, but not as a monitoring form, and lists its title and label as unrecognised", () => {
    const r = jixiao("inspect", FORM, "--json");
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout) as InspectJson;
    expect(j.vocabulary).toBeNull();
    expect(j.normalized.forms).toHaveLength(1);
    const f = j.normalized.forms[0]!;
    expect(f.kind).toBe("project_self_eval");
    expect(f.implementer).toBeNull();
    expect(f.unrecognizedLabels).toEqual(expect.arrayContaining(["黄石市项目支出绩效运行情况表 (申遗)", "项目组织实施单位"]));
  });

  it("reads it as a monitoring form, the new label filling its field, with the vocabulary", () => {
    const r = jixiao("inspect", FORM, "--json", "--vocab", VOCAB);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout) as InspectJson;
    expect(j.vocabulary).toEqual({ path: VOCAB, id: idOf(VOCAB) });
    expect(j.normalized.forms).toHaveLength(1);
    const f = j.normalized.forms[0]!;
    expect(f).toMatchObject({ kind: "project_monitoring", title: "黄石市项目支出绩效运行情况表 (申遗)", fiscalYear: 2019, implementer: "黄石市文物局(湖北水泥遗址博物馆)" });
    expect(f.facts).toContainEqual(expect.objectContaining({ label: "项目组织实施单位", value: "黄石市文物局(湖北水泥遗址博物馆)", field: "implementer" }));
    expect(f.unrecognizedLabels).not.toContain("项目组织实施单位");
    expect(f.indicators.length).toBeGreaterThan(0);
    expect(f.funding.length).toBeGreaterThan(0);
  });

  it("without the label entry, lists the label as unrecognized (what a user reads to write one)", () => {
    const dir = tempDir();
    const titlesOnly = join(dir, "titles-only.json");
    const v = JSON.parse(readFileSync(VOCAB, "utf8")) as Record<string, unknown>;
    writeFileSync(titlesOnly, JSON.stringify({ ...v, labels: [] }));
    const r = jixiao("inspect", FORM, "--vocab", titlesOnly);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("== form 1: project_monitoring");
    expect(r.stdout).toMatch(/form 1: unrecognized labels: .*项目组织实施单位/);
  });
});

describe("ingest with a vocabulary", () => {
  it("uses jixiao.vocab.json beside the database, says so once, and passes it to the workers", async () => {
    const dir = tempDir();
    const db = join(dir, "forms.sqlite");
    copyFileSync(VOCAB, join(dir, "jixiao.vocab.json"));
    const lines: string[] = [];
    const s = await ingest([FORM], { db, out: (l) => lines.push(l), concurrency: 2 });
    expect(s).toMatchObject({ filesNew: 1, filesFailed: 0, forms: 1, vocabulary: { path: join(dir, "jixiao.vocab.json"), id: idOf(VOCAB), from: "beside the database" } });
    expect(lines.filter((l) => l.includes("vocabulary"))).toEqual([`vocabulary ${join(dir, "jixiao.vocab.json")} (${idOf(VOCAB)}, found beside the database)`]);
    const r = stored(db);
    expect(r.versions).toEqual([`${PIPELINE_VERSION}+vocab.${idOf(VOCAB)}`]);
    expect(r.forms).toMatchObject([{ kind: "project_monitoring", implementer: "黄石市文物局(湖北水泥遗址博物馆)" }]);
    expect(r.facts).toEqual([{ label: "项目组织实施单位", value: "黄石市文物局(湖北水泥遗址博物馆)", field: "implementer" }]);
  });

  it("says so in the JSON log (--json), first line", () => {
    const dir = tempDir();
    const db = join(dir, "forms.sqlite");
    copyFileSync(VOCAB, join(dir, "jixiao.vocab.json"));
    const r = jixiao("ingest", FORM, "--db", db, "--json");
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toEqual({ vocabulary: { path: join(dir, "jixiao.vocab.json"), id: idOf(VOCAB), from: "beside the database" } });
    expect(lines.filter((l) => "vocabulary" in l && !("summary" in l))).toHaveLength(1);
    expect(lines.at(-1)).toMatchObject({ summary: { forms: 1, filesNew: 1 } });
  });

  it("--vocab names a file elsewhere; without one (and none beside the database) the built-in vocabulary does not know the form's family", async () => {
    const dir = tempDir();
    const withVocab = await ingest([FORM], { db: join(dir, "a.sqlite"), out: () => {}, vocab: VOCAB });
    expect(withVocab).toMatchObject({ forms: 1, vocabulary: { path: VOCAB, from: "--vocab" } });
    const without = await ingest([FORM], { db: join(dir, "b.sqlite"), out: () => {} });
    expect(without).toMatchObject({ forms: 1, vocabulary: null });
    expect(stored(join(dir, "b.sqlite"))).toMatchObject({ versions: [PIPELINE_VERSION], forms: [{ kind: "project_self_eval", implementer: null }] });
    expect(stored(join(dir, "a.sqlite")).forms).toEqual([{ kind: "project_monitoring", implementer: "黄石市文物局(湖北水泥遗址博物馆)" }]);
  });

  it("re-reads stored documents once when the vocabulary changes, and skips them while it does not", async () => {
    const dir = tempDir();
    const db = join(dir, "forms.sqlite");
    const vocabFile = join(dir, "jixiao.vocab.json");
    const form = join(dir, "huangshi.txt");
    copyFileSync(FORM, form);
    const run = () => ingest([form], { db, out: () => {} });

    // No vocabulary yet: read, and its one form is not known as a monitoring form.
    expect(await run()).toMatchObject({ filesParsed: 1, forms: 1 });
    expect(stored(db).forms).toEqual([{ kind: "project_self_eval", implementer: null }]);
    expect(await run()).toMatchObject({ filesParsed: 0, filesUnchanged: 1 });

    // A vocabulary appears beside the database: the archive is read again, once.
    copyFileSync(VOCAB, vocabFile);
    expect(await run()).toMatchObject({ filesParsed: 1, forms: 1 });
    expect(stored(db).versions).toEqual([`${PIPELINE_VERSION}+vocab.${idOf(VOCAB)}`]);
    expect(await run()).toMatchObject({ filesParsed: 0, filesUnchanged: 1 });

    // The vocabulary changes (a label entry less): read again, once, under the new id.
    const v = JSON.parse(readFileSync(VOCAB, "utf8")) as Record<string, unknown>;
    writeFileSync(vocabFile, JSON.stringify({ ...v, labels: [] }, null, 2));
    const changedId = idOf(vocabFile);
    expect(changedId).not.toBe(idOf(VOCAB));
    expect(await run()).toMatchObject({ filesParsed: 1, forms: 1 });
    expect(stored(db)).toMatchObject({ versions: [`${PIPELINE_VERSION}+vocab.${changedId}`], forms: [{ kind: "project_monitoring", implementer: null }] });
    expect(await run()).toMatchObject({ filesParsed: 0, filesUnchanged: 1 });

    // Same bytes again (rewritten, new mtime): the id is the content's, nothing is re-read.
    writeFileSync(vocabFile, readFileSync(vocabFile));
    expect(await run()).toMatchObject({ filesParsed: 0, filesUnchanged: 1 });

    // --no-vocab (vocab: false) is the built-in pipeline: read again, once.
    expect(await ingest([form], { db, out: () => {}, vocab: false })).toMatchObject({ filesParsed: 1, forms: 1, vocabulary: null });
    expect(stored(db).forms).toEqual([{ kind: "project_self_eval", implementer: null }]);
    expect(stored(db).versions).toEqual([PIPELINE_VERSION]);
    expect(await ingest([form], { db, out: () => {}, vocab: false })).toMatchObject({ filesParsed: 0 });

    // The runs are recorded with the version they read with.
    const d = new Database(db, { readonly: true });
    const runVersions = d.prepare("select distinct pipeline_version from ingest_runs order by id").pluck().all();
    d.close();
    expect(runVersions).toEqual([PIPELINE_VERSION, `${PIPELINE_VERSION}+vocab.${idOf(VOCAB)}`, `${PIPELINE_VERSION}+vocab.${changedId}`]);
  });
});

describe("a bad vocabulary file", () => {
  const cases: [string, string, RegExp][] = [
    ["not JSON", '{"titles": [', /not JSON: expected a JSON object, found /],
    ["a pattern that is no regular expression", '{"titles": [{"pattern": "绩效(运行", "kind": "project_monitoring"}]}', /titles\.0\.pattern: expected a regular expression.*found "绩效\(运行" \(Invalid regular expression/],
    ["an unknown family", '{"titles": [{"pattern": "运行情况表$", "kind": "monitoring"}]}', /titles\.0\.kind: .*expected one of .*"project_monitoring".*found "monitoring"/],
    ["an unknown field", '{"labels": [{"pattern": "^承建单位$", "field": "builder"}]}', /labels\.0\.field: .*expected one of .*"implementer".*found "builder"/],
    ["an unknown key", '{"title": []}', /Unrecognized key: "title"; expected only description, titles, labels, headers, knownLabels, families/],
  ];

  it.each(cases)("%s: readVocabFile names the file, what was expected and what was found", (_what, text, message) => {
    const file = join(tempDir(), "jixiao.vocab.json");
    writeFileSync(file, text);
    expect(() => readVocabFile(file)).toThrow(VocabFileError);
    expect(() => readVocabFile(file)).toThrow(message);
    expect(() => readVocabFile(file)).toThrow(file);
  });

  it("a missing --vocab file is named too", () => {
    const file = join(tempDir(), "missing.json");
    expect(() => readVocabFile(file)).toThrow(`vocabulary ${file}: unreadable: expected a readable JSON file, found no file there`);
  });

  it("beside the database: ingest exits 2 with one line naming it, before creating the database", () => {
    const dir = tempDir();
    const db = join(dir, "forms.sqlite");
    writeFileSync(join(dir, "jixiao.vocab.json"), '{"titles": [{"pattern": "(", "kind": "project_monitoring"}]}');
    const r = jixiao("ingest", FORM, "--db", db);
    expect(r.status).toBe(2);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(join(dir, "jixiao.vocab.json"));
    expect(lines[0]).toMatch(/titles\.0\.pattern: expected a regular expression/);
    expect(existsSync(db)).toBe(false);
  });

  it("given to inspect --vocab: exits 2 with one line naming it", () => {
    const file = join(tempDir(), "regional.json");
    writeFileSync(file, "not json at all");
    const r = jixiao("inspect", FORM, "--vocab", file);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toEqual([expect.stringContaining(`vocabulary ${file}: not JSON`)]);
  });
});
