/**
 * The pool workers run the pipeline bundled into one JavaScript file
 * (worker-bundle.ts): built on first use, reused while its sources are
 * unchanged, rebuilt when one changes, and left out (tsx instead) when it
 * cannot be built.
 */
import { describe, expect, it } from "vitest";
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ParsePool } from "../src/pool.ts";
import { WORKER_SOURCE, workerBundle } from "../src/worker-bundle.ts";
import { FIXTURES, tempDir } from "./bulk-helpers.ts";

/** A two-module TypeScript program in a folder of its own. */
function program(depValue: string): { dir: string; entry: string; dep: string } {
  const dir = tempDir();
  const entry = join(dir, "entry.ts");
  const dep = join(dir, "dep.ts");
  writeFileSync(entry, `import { value, here, quoted } from "./dep.ts";\nimport { plainHere } from "./plain.mjs";\nexport const plainFile: string = new URL(plainHere).pathname.split("/").pop();\nexport { quoted };\nimport { basename } from "node:path";\nexport default (): string => value;\nexport const depFile: string = basename(new URL(here).pathname);\n`);
  writeFileSync(dep, `export const value: string = ${JSON.stringify(depValue)};\nexport const here: string = import.meta.url;\nexport const quoted: string = "import.meta.url";\n`);
  writeFileSync(join(dir, "plain.mjs"), "export const plainHere = import.meta.url;\n");
  return { dir, entry, dep };
}

describe("worker bundle", () => {
  it("is built once, reused while the sources are unchanged, and rebuilt when one changes", async () => {
    const { dir, entry, dep } = program("first");
    const cache = join(dir, "cache");
    const first = await workerBundle(entry, cache);
    expect(first?.built).toBe(true);
    const m1 = (await import(first!.url.href)) as { default: () => string; depFile: string; quoted: string; plainFile: string };
    expect(m1.default()).toBe("first");
    // import.meta.url still names the module's own source, not the bundle.
    expect(m1.depFile).toBe("dep.ts");
    // So does a plain .mjs module of the workspace's (bundle-cache.mjs itself is bundled into the command).
    expect(m1.plainFile).toBe("plain.mjs");
    // ...while a string that only mentions it is left alone.
    expect(m1.quoted).toBe("import.meta.url");

    const again = await workerBundle(entry, cache);
    expect(again).toEqual({ url: first!.url, built: false });

    writeFileSync(dep, readFileSync(dep, "utf8").replace('"first"', '"second, longer"'));
    const rebuilt = await workerBundle(entry, cache);
    expect(rebuilt?.built).toBe(true);
    const m2 = (await import(`${rebuilt!.url.href}?v=2`)) as { default: () => string };
    expect(m2.default()).toBe("second, longer");
  });

  it("removes builds that are no longer current only once they are a day old", async () => {
    const { dir, entry, dep } = program("first");
    const cache = join(dir, "cache");
    const first = await workerBundle(entry, cache);
    const firstFolder = dirname(fileURLToPath(first!.url));
    // An older build, from two days ago: a run that used it is long over.
    const stale = `${firstFolder}-stale`;
    mkdirSync(stale);
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    utimesSync(stale, twoDaysAgo, twoDaysAgo);

    writeFileSync(dep, readFileSync(dep, "utf8").replace('"first"', '"second"'));
    const rebuilt = await workerBundle(entry, cache);
    expect(rebuilt?.built).toBe(true);
    expect(existsSync(stale)).toBe(false);
    // The build just replaced may still be loading workers of a run in progress.
    expect(existsSync(first!.url)).toBe(true);
    expect(existsSync(rebuilt!.url)).toBe(true);
  });

  it("reports why it could not build, and gives no bundle", async () => {
    const { dir, entry } = program("x");
    writeFileSync(entry, "export default (: string => ;\n");
    const reasons: string[] = [];
    expect(await workerBundle(entry, join(dir, "cache"), (r) => reasons.push(r))).toBeNull();
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/^expected to bundle the worker code into .*cache, found: /);
  });

  it("keeps npm packages as imports by absolute URL, and the pool parses a form with it", async () => {
    const bundle = await workerBundle(WORKER_SOURCE, join(tempDir(), "cache"));
    expect(bundle).not.toBeNull();
    // The entry and the chunks its dynamic imports became (pdf.js is loaded on first use).
    const folder = dirname(fileURLToPath(bundle!.url));
    const code = readdirSync(folder).map((f) => readFileSync(join(folder, f), "utf8")).join("\n");
    const imports = [...code.matchAll(/(?:^import .* from |\bimport\()"([^"]+)"/gm)].map((m) => m[1]!);
    const npm = imports.filter((s) => !s.startsWith("node:") && !s.startsWith("./"));
    expect(npm.some((s) => s.includes("pdfjs-dist"))).toBe(true);
    for (const s of npm) {
      expect(s.startsWith("file://")).toBe(true);
      expect(existsSync(fileURLToPath(s))).toBe(true);
    }
    // None of the workspace's TypeScript is left to import: it is all inside.
    expect(imports.filter((s) => s.endsWith(".ts"))).toEqual([]);

    const pool = new ParsePool({ threads: 1, fileTimeoutMs: 60_000, workerHeapMb: 256, bundle: bundle!.url });
    try {
      const path = join(FIXTURES, "pdf/lo/hengyang-2023-targets.pdf");
      const out = await pool.parse({ path, mtimeMs: null }, new AbortController().signal);
      expect(out.kind).toBe("parsed");
      if (out.kind === "parsed") {
        expect(out.result.meta.status).toBe("ok");
        expect(out.result.doc?.forms.length).toBeGreaterThan(0);
      }
    } finally {
      await pool.close();
    }
  });
});
