// Plain JavaScript on purpose: the `jixiao` launcher uses this before anything
// can compile TypeScript. Types are in bundle-cache.d.mts.
//
// The workspace ships TypeScript. Running it through tsx costs every process
// a module-hooks thread, ~35 MB of RSS and ~0.6 s of start-up, and every
// worker thread the same again. So the command and the pool workers run the
// workspace's code bundled by esbuild into plain JavaScript, built on first
// use, kept in a cache folder, and rebuilt when one of its sources changes
// (the check stats the inputs recorded beside the bundle: ~2 ms).
//
// Only the workspace's own TypeScript is bundled. Every npm package stays an
// import, resolved to its absolute file URL here, so pdf.js, SheetJS and the
// rest load exactly as they do in development. Dynamic imports become chunks
// of their own (esbuild's splitting), so what a command loads lazily (the
// parsers for `inspect`, the report for `report`) stays lazy.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, extname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** Where bundles are kept: the usual cache folder of the cli package's node_modules. */
export const DEFAULT_BUNDLE_DIR = fileURLToPath(new URL("../node_modules/.cache/jixiao", import.meta.url));

/**
 * Builds older than this that are no longer current are removed. Not sooner: a
 * run started before a rebuild keeps loading from its own build (each new pool
 * worker imports the worker bundle), and a nightly load can take hours.
 */
const STALE_BUILD_MS = 24 * 60 * 60 * 1000;

/** Builds in flight in this process: esbuild's service is stopped when the last one ends. */
let builds = 0;

/**
 * The URL of an up-to-date bundle of `entry` in `dir`, built if needed.
 * Throws when it cannot be built (esbuild missing or failing, folder not writable).
 *
 * @param {string} entry absolute path of the TypeScript entry module
 * @param {string} dir cache folder
 * @returns {Promise<{ url: URL; built: boolean }>}
 */
export async function ensureBundle(entry, dir) {
  const name = `${basename(entry, extname(entry))}-${createHash("sha256").update(entry).digest("hex").slice(0, 12)}`;
  const recordPath = join(dir, `${name}.json`);
  const current = upToDate(recordPath, dir);
  if (current) return { url: pathToFileURL(current), built: false };

  // Each build gets a folder of its own and the record is switched by a rename:
  // two runs starting at once each see one whole build, never a mix.
  const folder = `${name}-${Date.now().toString(36)}-${process.pid}`;
  const outdir = join(dir, folder);
  const esbuild = await import("esbuild");
  builds++;
  let result;
  try {
    result = await esbuild.build({
      entryPoints: { [name]: entry },
      bundle: true,
      splitting: true,
      platform: "node",
      format: "esm",
      target: "node20",
      outdir,
      chunkNames: "chunk-[hash]",
      metafile: true,
      logLevel: "silent",
      plugins: [workspaceOnly()],
    });
  } finally {
    // esbuild's service is a child process (~32 MB RSS, 23 MB of it its own) that otherwise
    // lives as long as the run: in an ingest that rebuilt the worker bundle, beside the pool.
    if (--builds === 0) await esbuild.stop();
  }
  const cwd = process.cwd();
  const inputs = Object.keys(result.metafile.inputs).map((p) => {
    const path = resolve(cwd, p);
    const st = statSync(path);
    return [path, st.size, st.mtimeMs];
  });
  const file = join(folder, `${name}.js`);
  const tmp = `${recordPath}.${process.pid}.${Date.now()}`;
  writeFileSync(tmp, JSON.stringify({ file, inputs }));
  renameSync(tmp, recordPath);
  removeStaleBuilds(dir, name, folder);
  return { url: pathToFileURL(join(dir, file)), built: true };
}

/** The bundle's path when the record names a bundle that exists and no input changed since it was built. */
function upToDate(recordPath, dir) {
  try {
    const { file, inputs } = JSON.parse(readFileSync(recordPath, "utf8"));
    const path = join(dir, file);
    statSync(path);
    const unchanged = inputs.every(([input, size, mtimeMs]) => {
      const st = statSync(input);
      return st.size === size && st.mtimeMs === mtimeMs;
    });
    return unchanged ? path : null;
  } catch {
    return null; // no bundle yet, no record, or an input gone
  }
}

function removeStaleBuilds(dir, name, keep) {
  for (const entry of readdirSync(dir)) {
    if (entry === keep || !entry.startsWith(`${name}-`) || entry.endsWith(".json")) continue;
    try {
      if (Date.now() - statSync(join(dir, entry)).mtimeMs > STALE_BUILD_MS) rmSync(join(dir, entry), { recursive: true, force: true });
    } catch {
      // another run removed it first
    }
  }
}

/** esbuild plugin: npm packages stay imports by absolute URL; workspace TypeScript is bundled. */
function workspaceOnly() {
  return {
    name: "jixiao-workspace-only",
    setup(b) {
      // The bundle lives elsewhere than its importers, so a bare specifier is resolved here, once.
      b.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.path.startsWith("node:") || args.path.startsWith("@jixiao/") || args.pluginData === "inner") return undefined;
        const found = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: "inner" });
        if (found.errors.length > 0 || !found.path) return { errors: found.errors };
        return { path: found.external ? args.path : pathToFileURL(found.path).href, external: true };
      });
      // A module's own import.meta.url keeps naming its source file (paths are resolved against it),
      // in the workspace's TypeScript and in its plain .mjs modules (this one is bundled into the command).
      // Not inside quotes: a string that mentions import.meta.url is left as it is.
      b.onLoad({ filter: /\.m?[jt]s$/ }, async (args) => {
        if (args.path.includes("/node_modules/")) return undefined;
        return {
          contents: (await readFile(args.path, "utf8")).replace(/(?<!["'`])import\.meta\.url/g, () => JSON.stringify(pathToFileURL(args.path).href)),
          loader: args.path.endsWith("ts") ? "ts" : "js",
        };
      });
    },
  };
}
