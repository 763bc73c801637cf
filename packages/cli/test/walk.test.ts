/** Which files a run takes: document extensions, files recognised by content, include/exclude patterns, GLOB arguments. */
import { describe, expect, it, beforeAll } from "vitest";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { walk } from "../src/walk.ts";
import { barLine } from "../src/progress.ts";
import { FIXTURES, tempDir } from "./bulk-helpers.ts";

async function taken(root: string, paths: string[], opts = {}): Promise<string[]> {
  const out: string[] = [];
  for await (const e of walk(paths, opts)) out.push(e.error ? `ERROR ${relative(root, e.path)}` : relative(root, e.path));
  return out;
}

describe("walk", () => {
  const root = tempDir();
  beforeAll(() => {
    mkdirSync(join(root, "2023/草稿"), { recursive: true });
    mkdirSync(join(root, ".git"));
    copyFileSync(join(FIXTURES, "pdf/lo/hengyang-2023-targets.pdf"), join(root, "2023/targets.pdf"));
    // Named by a scanner or a mail system: recognised by their first bytes.
    copyFileSync(join(FIXTURES, "pdf/lo/stress-landscape.pdf"), join(root, "2023/scan0001"));
    copyFileSync(join(FIXTURES, "docx/hengyang-2023-targets.docx"), join(root, "2023/attachment.bin"));
    copyFileSync(join(FIXTURES, "xls/hengyang-2023-targets.xls"), join(root, "2023/table.dat"));
    copyFileSync(join(FIXTURES, "xlsx/hengyang-2023-targets.xlsx"), join(root, "2023/草稿/draft.xlsx"));
    copyFileSync(join(FIXTURES, "text/hengyang-2023-targets.xlsx.txt"), join(root, "notes.txt"));
    // Not documents: a PNG, a plain ZIP, a text file without a document extension, a hidden file.
    writeFileSync(join(root, "2023/photo.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
    writeFileSync(join(root, "2023/backup.zip"), Buffer.from("PK\u0003\u0004\u0014\u0000\u0000\u0000somefile.csv", "latin1"));
    writeFileSync(join(root, "readme.md"), "# 说明\n");
    copyFileSync(join(FIXTURES, "pdf/lo/hengyang-2023-targets.pdf"), join(root, ".git/object.pdf"));
  });

  it("takes document extensions and files whose content is a PDF, DOCX or OLE2 workbook, in a stable order", async () => {
    expect(await taken(root, [root])).toEqual([
      "2023/attachment.bin", "2023/scan0001", "2023/table.dat", "2023/targets.pdf", "2023/草稿/draft.xlsx", "notes.txt",
    ]);
  });

  it("--include keeps only matching files, --exclude drops files and folders", async () => {
    expect(await taken(root, [root], { include: ["*.pdf", "*.txt"] })).toEqual(["2023/targets.pdf", "notes.txt"]);
    expect(await taken(root, [root], { exclude: ["草稿", "*.txt", "2023/*.bin"] })).toEqual(["2023/scan0001", "2023/table.dat", "2023/targets.pdf"]);
  });

  it("expands a quoted GLOB argument from the folder before its first wildcard", async () => {
    expect(await taken(root, [join(root, "2023/**/*.xlsx")])).toEqual(["2023/草稿/draft.xlsx"]);
    expect(await taken(root, [join(root, "*.{txt,md}")])).toEqual(["notes.txt", "readme.md"]);
  });

  it("takes a file given by name whatever it is, and reports a missing one", async () => {
    expect(await taken(root, [join(root, "2023/photo.png"), join(root, "missing.pdf")])).toEqual(["2023/photo.png", "ERROR missing.pdf"]);
  });
});

describe("progress bar line", () => {
  it("shows files done of total, pages per second, ETA and failures", () => {
    expect(barLine({ total: 200, done: 50, pages: 600, failed: 2, seconds: 12 })).toBe(
      "[######------------------] 50/200 files 50.0 pages/s ETA 0:36 2 failed",
    );
    expect(barLine({ total: 10_000, done: 10, pages: 0, failed: 0, seconds: 4 })).toMatch(/ETA 1:06:36 0 failed$/);
  });
});
