/**
 * Inputs real archives and unlucky disks hold (issue 14, items 2, 3, 9, 10),
 * each made here at test time:
 * - GBK-encoded file and folder names (unpacked from Windows zips), one of them
 *   colliding with a UTF-8 name once decoded, and a name that is neither;
 * - a named pipe and /dev/zero given as arguments or found in a folder, and a
 *   /proc file longer than its stat says;
 * - ESC [ 31m and C1 controls in file names and in a zip entry's name;
 * - symbolic links: a loop, a second route to a folder, a broken link, a link
 *   leading out of the tree.
 * Each run must end (exit 0/1, bounded time), give every file a row with a true
 * one-line reason, and lose nothing readable.
 */
import { describe, expect, it, beforeAll } from "vitest";
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { execFileSync, spawnSync } from "node:child_process";
import { join } from "node:path";
import { ingest, summaryText } from "../src/ingest.ts";
import { fsPathOf, readableNames } from "../src/fs-names.ts";
import { FileRefusal, hashRegularFile, readRegularFile } from "../src/read-regular.ts";
import { processFile } from "../src/process-file.ts";
import { escapeControls, safeJson } from "../src/safe-text.ts";
import { barProgress, textProgress } from "../src/progress.ts";
import { FIXTURES, MAIN, ROOT, query, tempDir } from "./bulk-helpers.ts";

const TEXT = (name: string) => readFileSync(join(FIXTURES, "text", name));
const HENGYANG = "hengyang-2023-targets.xlsx.txt"; // 6 forms
const QIANNAN = "qiannan-2023-project-selfeval.pdf.txt"; // 16 forms
const XINZHOU = "xinzhou-2022-selfeval-report-annex1.pdf.txt"; // 1 form
const GAOYI = "gaoyi-2021-department-selfeval-report.pdf.txt"; // 20 forms

/** "项目.txt" and friends as Windows' GBK code page writes them. */
const gbk = (hex: string) => Buffer.from(hex.replace(/\s/g, ""), "hex");
const GBK_XIANGMU_TXT = gbk("cf ee c4 bf 2e 74 78 74"); // 项目.txt
const GBK_CAOGAO = gbk("b2 dd b8 e5"); // 草稿
const GBK_JIXIAO_TXT = gbk("bc a8 d0 a7 2e 74 78 74"); // 绩效.txt
/** Neither UTF-8 nor GB18030: 0xFF starts no character in either. */
const NEITHER_TXT = gbk("ff 41 2e 74 78 74");

const bytesPath = (dir: string, ...names: Buffer[]) => Buffer.concat([Buffer.from(dir), ...names.flatMap((n) => [Buffer.from("/"), n])]);
const tag = (raw: Buffer) => createHash("sha256").update(raw).digest("hex").slice(0, 8);

interface Row { path: string; status: string; error: string | null; forms: number }
function rows(db: string): Row[] {
  return query<Row>(db, "select d.path, d.status, d.error, count(f.id) forms from documents d left join forms f on f.document_id = d.id group by d.id order by d.path");
}

/** The CLI as a child process, killed if it has not ended in `ms`. */
function cli(args: string[], ms = 90_000) {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ["--import", "tsx", MAIN, ...args], { cwd: ROOT, timeout: ms, killSignal: "SIGKILL", maxBuffer: 64 << 20 });
  return { status: r.status, signal: r.signal, stdout: r.stdout.toString("utf8"), stderr: r.stderr.toString("utf8"), seconds: (Date.now() - t0) / 1000 };
}

describe("file names that are not UTF-8 (GBK from Windows zips)", () => {
  const dir = join(tempDir(), "archive");
  const db = join(dir, "..", "names.sqlite");
  let first: Awaited<ReturnType<typeof ingest>>;
  beforeAll(async () => {
    mkdirSync(dir);
    // Two different files whose names read the same once the GBK one is decoded.
    writeFileSync(bytesPath(dir, GBK_XIANGMU_TXT), TEXT(HENGYANG));
    writeFileSync(join(dir, "项目.txt"), TEXT(QIANNAN));
    // A GBK folder holding a GBK file.
    mkdirSync(bytesPath(dir, GBK_CAOGAO));
    writeFileSync(bytesPath(dir, GBK_CAOGAO, GBK_JIXIAO_TXT), TEXT(XINZHOU));
    writeFileSync(bytesPath(dir, NEITHER_TXT), TEXT(GAOYI));
    first = await ingest([dir], { db, out: () => {} });
  }, 120_000);

  it("keeps every file as its own document under a readable path", () => {
    expect(first.filesFailed).toBe(0);
    expect(rows(db).map((r) => [r.path, r.status, r.forms])).toEqual([
      [`${dir}/草稿/绩效.txt`, "ok", 1],
      [`${dir}/项目 [#${tag(GBK_XIANGMU_TXT)}].txt`, "ok", 6],
      [`${dir}/项目.txt`, "ok", 16],
      [`${dir}/\uFFFDA.txt`, "ok", 20],
    ]);
  });

  it("finds the files again by their stored paths: a second run reads nothing", async () => {
    const again = await ingest([dir], { db, out: () => {} });
    expect(again).toMatchObject({ filesSeen: 4, filesUnchanged: 4, filesMoved: 0, filesNew: 0, filesFailed: 0, filesParsed: 0 });
  });

  it("turns a readable path back into the bytes to open, as a worker reading a large file does", async () => {
    expect(fsPathOf(`${dir}/草稿/绩效.txt`)).toEqual(bytesPath(dir, GBK_CAOGAO, GBK_JIXIAO_TXT));
    expect(fsPathOf(`${dir}/项目 [#${tag(GBK_XIANGMU_TXT)}].txt`)).toEqual(bytesPath(dir, GBK_XIANGMU_TXT));
    expect(fsPathOf(`${dir}/项目.txt`)).toBe(`${dir}/项目.txt`);
    const r = await processFile(`${dir}/草稿/绩效.txt`);
    expect(r.meta).toMatchObject({ path: `${dir}/草稿/绩效.txt`, status: "ok" });
    expect(r.doc?.forms).toHaveLength(1);
  });

  it("decodes a name as GB18030 only when it is not UTF-8, and marks it only when it collides", () => {
    expect(readableNames([GBK_JIXIAO_TXT])).toEqual(["绩效.txt"]);
    expect(readableNames([Buffer.from("绩效.txt"), GBK_JIXIAO_TXT])).toEqual(["绩效.txt", `绩效 [#${tag(GBK_JIXIAO_TXT)}].txt`]);
    // Two names that are neither both read as U+FFFD: both marked, neither lost.
    const [a, b] = [gbk("ff 2e 74 78 74"), gbk("fe 2e 74 78 74")];
    expect(new Set(readableNames([a, b])).size).toBe(2);
  });
});

describe("named pipes, devices and files longer than they say", () => {
  const base = tempDir();
  const dir = join(base, "archive");
  const fifoArg = join(base, "some-fifo.txt");
  const db = join(base, "special.sqlite");
  let run: ReturnType<typeof cli>;
  beforeAll(() => {
    mkdirSync(dir);
    writeFileSync(join(dir, "good.txt"), TEXT(HENGYANG));
    execFileSync("mkfifo", [join(dir, "pipe.txt"), fifoArg, join(dir, "not-a-document")]);
    run = cli(["ingest", dir, fifoArg, "/dev/zero", "--db", db]);
  }, 120_000);

  it("ends, exit 1, with a failed row naming what each one is, and the readable file stored", () => {
    expect(run.signal, run.stderr).toBeNull();
    expect(run.status, run.stderr).toBe(1);
    expect(rows(db).map((r) => [r.path, r.status, r.error])).toEqual([
      ["/dev/zero", "failed", "not a regular file: expected a file to read, found a character device; it was not read"],
      [`${dir}/good.txt`, "ok", null],
      [`${dir}/pipe.txt`, "failed", "not a regular file: expected a file to read, found a named pipe (FIFO); it was not read"],
      [fifoArg, "failed", "not a regular file: expected a file to read, found a named pipe (FIFO); it was not read"],
    ]);
  });

  it("never reads more than the limit: refuses a file found longer than its size says, and a device unopened", async () => {
    // /proc files say size 0 and hold more: as a file growing while it is read.
    await expect(readRegularFile("/proc/self/status", 64)).rejects.toThrow(/^too large: expected at most 64 bytes, found more while reading/);
    await expect(hashRegularFile("/proc/self/status", 64)).rejects.toThrow(/^too large: expected at most 64 bytes/);
    await expect(readRegularFile("/dev/zero", 1 << 20)).rejects.toBeInstanceOf(FileRefusal);
    await expect(readRegularFile(join(dir, "pipe.txt"), 1 << 20)).rejects.toThrow(/named pipe/);
    const exact = join(base, "exact.txt");
    writeFileSync(exact, "x".repeat(64));
    expect((await readRegularFile(exact, 64)).bytes.length).toBe(64);
    await expect(readRegularFile(exact, 63)).rejects.toThrow(/^too large: 64 bytes, the limit is 63/);
    expect((await readRegularFile("/proc/self/status", 1 << 20)).bytes.toString()).toMatch(/^Name:/);
  });
});

/** A zip holding one stored entry, written by hand so its entry name can be anything. */
function zipWith(name: Buffer, data: Buffer): Buffer {
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20); central.writeUInt32LE(data.length, 24); central.writeUInt16LE(name.length, 28);
  const centralAt = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12); end.writeUInt32LE(centralAt, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

function crc32(b: Buffer): number {
  let c = ~0;
  for (const byte of b) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

describe("control characters in file and zip entry names", () => {
  const base = tempDir();
  const dir = join(base, "archive");
  const db = join(base, "controls.sqlite");
  const red = "\x1b[31m";
  let run: ReturnType<typeof cli>;
  let json: ReturnType<typeof cli>;
  beforeAll(() => {
    mkdirSync(dir);
    // A DOCX whose only entry is named ESC [31m…: the reason quotes it.
    writeFileSync(join(dir, "entry.docx"), zipWith(Buffer.from(`${red}evil.xml\x9b2J`), Buffer.from("<x/>")));
    writeFileSync(join(dir, `${red}empty.txt`), "");
    writeFileSync(join(dir, `${red}forms\x07.txt`), TEXT(HENGYANG));
    run = cli(["ingest", dir, "--db", db]);
    json = cli(["ingest", dir, "--db", join(base, "controls-json.sqlite"), "--json"]);
  }, 180_000);

  it("stores reasons without control characters, escaped so they can be read", () => {
    expect(run.signal, run.stderr).toBeNull();
    expect(run.status, run.stderr).toBe(1);
    const r = rows(db);
    expect(r.map((x) => [x.path, x.status])).toEqual([
      [`${dir}/${red}empty.txt`, "failed"],
      [`${dir}/${red}forms\x07.txt`, "ok"],
      [`${dir}/entry.docx`, "failed"],
    ]);
    const docx = r.find((x) => x.path.endsWith("entry.docx"))!;
    expect(docx.error).toContain("\\x1b[31mevil.xml\\x9b2J");
    expect(r[0]!.error).toBe("empty file: 0 bytes");
    for (const x of r) expect(x.error ?? "").not.toMatch(CONTROL);
    expect(r[1]!.forms).toBe(6);
  });

  it("prints no control character from a name to the terminal: progress, the failed list, JSON", () => {
    expect(run.stderr).not.toMatch(/\x1b|\x9b|\x07/);
    const failedList = run.stderr.slice(run.stderr.indexOf("\nfailed:\n")).split("\n");
    expect(failedList).toContain(`  ${dir}/\\x1b[31mempty.txt: empty file: 0 bytes`);
    expect(failedList).toContain(`  ${dir}/entry.docx: corrupt: expected word/document.xml in the DOCX, found only \\x1b[31mevil.xml\\x9b2J`);
    expect(json.status, json.stderr).toBe(1);
    const raw = json.stdout.trim().split("\n");
    for (const l of raw) expect(l).not.toMatch(CONTROL);
    const lines = raw.map((l) => JSON.parse(l));
    // The JSON says the real names: escaped on the wire, the same text parsed back.
    expect(lines.at(-1).summary.failed.map((f: { path: string }) => f.path)).toContain(`${dir}/${red}empty.txt`);
  });

  it("escapes C0, DEL, C1 and bidi controls in every output form", () => {
    expect(escapeControls("a\x1b[31mb\x9b\u202ec\td")).toBe("a\\x1b[31mb\\x9b\\u{202e}c\\x09d");
    expect(JSON.parse(safeJson({ p: "\x1b\x9b\u2028" })).p).toBe("\x1b\x9b\u2028");
    expect(safeJson({ p: "\x1b\x9b\u2028" })).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028]/);
    const out: string[] = [];
    textProgress((l) => out.push(l)).file({ path: `/a/${red}x.txt`, outcome: "failed", error: "empty file: 0 bytes" });
    let bar = "";
    const p = barProgress({ write: (s: string) => (bar += s), columns: 80 }, () => 0);
    p.start(1);
    p.file({ path: `/a/${red}x.txt`, outcome: "failed", error: "bad \x9b" });
    expect(out).toEqual(["FAILED     /a/\\x1b[31mx.txt: empty file: 0 bytes"]);
    // The bar's own \r ESC[K stays; the name's ESC does not reach the stream.
    expect(bar.replaceAll("\r\x1b[K", "").replaceAll("\n", "")).not.toMatch(CONTROL);
    expect(summaryText({
      runId: 1, status: "ok", filesSeen: 1, filesNew: 0, filesChanged: 0, filesUnchanged: 0, filesMoved: 0, filesFailed: 1, filesParsed: 1,
      pages: 0, forms: 0, findings: 0, failed: [{ path: `/a/${red}x.txt`, error: "e" }], skipped: [{ path: `/a/${red}l`, reason: "r" }],
      stoppedBy: null, seconds: 1, vocabulary: null,
    })).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });
});

describe("symbolic links in walked folders", () => {
  const base = tempDir();
  const dir = join(base, "archive");
  const outside = join(base, "elsewhere");
  const db = join(base, "links.sqlite");
  let s: Awaited<ReturnType<typeof ingest>>;
  beforeAll(async () => {
    mkdirSync(join(dir, "real/sub"), { recursive: true });
    mkdirSync(outside);
    writeFileSync(join(dir, "real/a.txt"), TEXT(HENGYANG));
    writeFileSync(join(outside, "b.txt"), TEXT(XINZHOU));
    writeFileSync(join(base, "c.txt"), TEXT(GAOYI));
    symlinkSync(".", join(dir, "loop")); // the folder itself
    symlinkSync("..", join(dir, "real/sub/up")); // an ancestor (real)
    symlinkSync("real", join(dir, "again")); // a second route to a folder walked
    symlinkSync(outside, join(dir, "out")); // out of the tree: followed
    symlinkSync("nowhere.pdf", join(dir, "gone.pdf")); // broken
    symlinkSync("self", join(dir, "self")); // a link to itself
    symlinkSync("../c.txt", join(dir, "c-link.txt")); // a file through a link
    s = await Promise.race([
      ingest([dir], { db, out: () => {} }),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("the walk did not end")), 60_000)),
    ]);
  }, 90_000);

  it("follows each link once: files outside the tree are read, loops and second routes are not walked", () => {
    expect(s.filesFailed).toBe(0);
    expect(rows(db).map((r) => [r.path, r.status, r.forms])).toEqual([
      [`${dir}/c-link.txt`, "ok", 20],
      [`${dir}/out/b.txt`, "ok", 1],
      [`${dir}/real/a.txt`, "ok", 6],
    ]);
    expect(s.filesSeen).toBe(3);
  });

  it("lists the links it did not follow, with why, in the summary", () => {
    expect(s.skipped.map((k) => [k.path.slice(dir.length + 1), k.reason])).toEqual([
      ["again", `symbolic link to a folder already walked (${dir}/real): not followed again`],
      ["gone.pdf", "broken symbolic link: its target nowhere.pdf does not exist"],
      ["loop", `symbolic link to a folder already walked (${dir}): not followed again`],
      ["real/sub/up", `symbolic link to a folder already walked (${dir}/real): not followed again`],
      ["self", "symbolic link loop: self leads back to itself"],
    ]);
    expect(summaryText(s)).toContain(`skipped symbolic links:\n  ${dir}/again: symbolic link to a folder already walked`);
  });
});
