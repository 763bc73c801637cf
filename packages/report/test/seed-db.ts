/**
 * The seed fixtures' database, built the way `jixiao ingest` builds it:
 * extracted text → normalize → checkDocument → store.saveDocument.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { NormalizedDocument } from "@jixiao/normalize";
import { openStore } from "@jixiao/store";
import { afterAll } from "vitest";
import { checkDocument } from "../src/index.ts";
import { check, SEEDS, seedText, type Seed } from "./pipeline.ts";

export function tempDir(prefix = "jixiao-report-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** What the store records of a text document: its path, hash and size. */
export function documentMeta(path: string, content: string) {
  return {
    path,
    sha256: createHash("sha256").update(content).digest("hex"),
    format: "txt" as const,
    sizeBytes: Buffer.byteLength(content),
    pages: 1,
    status: "ok" as const,
    error: null,
  };
}

/** A database holding the four seed documents and their findings; returns its path. */
export function buildSeedDatabase(dir: string): string {
  const file = join(dir, "seeds.sqlite");
  const store = openStore(file);
  try {
    for (const seed of Object.keys(SEEDS) as Seed[]) {
      const text = seedText(seed);
      const { doc, findings } = check(text, SEEDS[seed]);
      store.saveDocument(documentMeta(`fixtures/text/${SEEDS[seed]}`, text), doc, findings, "report-test");
    }
  } finally {
    store.close();
  }
  return file;
}

/**
 * A database of at least `forms` forms: the 16 黔南 forms saved again and again
 * as distinct documents (another path and hash each time), as a large archive would be.
 */
export function buildLargeDatabase(dir: string, forms: number): string {
  const file = join(dir, `large-${forms}.sqlite`);
  const text = seedText("qiannan");
  const { doc } = check(text, SEEDS.qiannan);
  const findings = checkDocument(doc);
  const store = openStore(file);
  try {
    for (let i = 0; i * doc.forms.length < forms; i++) {
      const copy: NormalizedDocument = { ...doc, forms: doc.forms.map((f) => ({ ...f, fiscalYear: 2019 + (i % 5), agency: `${f.agency}${i % 7}` })) };
      store.saveDocument(documentMeta(`archive/${2019 + (i % 5)}/qiannan-${i}.pdf.txt`, `${text}\n${i}`), copy, findings, "report-test");
    }
  } finally {
    store.close();
  }
  return file;
}

/**
 * Three copies of the 忻州 document whose form prints labels the pipeline
 * could not map (项目属性 in each, an HTML-looking one in the first): the
 * report's list of unrecognised labels across the archive.
 */
export function buildLabelDatabase(dir: string): string {
  const file = join(dir, "labels.sqlite");
  const text = seedText("xinzhou");
  const { doc } = check(text, SEEDS.xinzhou);
  const store = openStore(file);
  try {
    for (let i = 1; i <= 3; i++) {
      const labels = i === 1 ? ["项目属性", "<b>分配方式</b>"] : ["项目属性"];
      const copy: NormalizedDocument = { ...doc, forms: doc.forms.map((f) => ({ ...f, unrecognizedLabels: labels })) };
      store.saveDocument(documentMeta(`archive/labels-${i}.pdf.txt`, `${text}\n${i}`), copy, checkDocument(copy), "report-test");
    }
  } finally {
    store.close();
  }
  return file;
}
