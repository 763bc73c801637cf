/**
 * The pool workers' code as one plain JavaScript file, built with esbuild from
 * the TypeScript sources and rebuilt whenever one of them changes.
 *
 * Why: a worker that registers tsx runs a second thread for tsx's module hooks
 * and holds every transformed module's source, ~30 MB of RSS per worker
 * (measured: 200 XLSX files peaked at 330 MB with tsx workers, 295 MB with
 * the bundle), and compiles the pipeline again in every new worker. That
 * memory is what lets the workers have a young generation large enough not to
 * spend a fifth of their CPU in the scavenger (see pool.ts).
 *
 * Only the workspace's own TypeScript is bundled. Every npm package stays an
 * import, resolved to its absolute path here, so pdf.js, SheetJS and the rest
 * load exactly as they do in development. Building takes ~0.2 s and happens
 * once per change of the sources; a check that nothing changed stats the
 * inputs listed beside the bundle (~2 ms). If the bundle cannot be built, the
 * workers fall back to registering tsx themselves.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { firstLine } from "./pool.ts";

/** The TypeScript module the workers run (parse-worker.mjs imports it through tsx when there is no bundle). */
export const WORKER_SOURCE = fileURLToPath(new URL("./parse-worker.ts", import.meta.url));
/** Where bundles are kept: the usual cache folder of the package's node_modules. */
export const DEFAULT_BUNDLE_DIR = fileURLToPath(new URL("../node_modules/.cache/jixiao", import.meta.url));

/** What is kept beside a bundle: the inputs it was built from, with the size and mtime each had. */
interface BundleInputs {
  inputs: [path: string, size: number, mtimeMs: number][];
}

export interface WorkerBundle {
  url: URL;
  /** Whether this call built it (false: an up-to-date bundle was found). */
  built: boolean;
}

/**
 * The URL of an up-to-date bundle of `source`, built if needed; null when it
 * cannot be built (esbuild missing or failing, folder not writable), with the
 * reason passed to `onError`.
 */
export async function workerBundle(
  source = WORKER_SOURCE,
  dir = DEFAULT_BUNDLE_DIR,
  onError: (reason: string) => void = () => {},
): Promise<WorkerBundle | null> {
  const name = `parse-worker-${createHash("sha256").update(source).digest("hex").slice(0, 12)}`;
  const out = join(dir, `${name}.mjs`);
  const meta = join(dir, `${name}.inputs.json`);
  if (isUpToDate(out, meta)) return { url: pathToFileURL(out), built: false };
  try {
    await build(source, out, meta);
    return { url: pathToFileURL(out), built: true };
  } catch (e) {
    onError(`expected to bundle the worker code into ${dir}, found: ${firstLine(String((e as Error)?.message ?? e))}`);
    return null;
  }
}

function isUpToDate(out: string, meta: string): boolean {
  try {
    statSync(out);
    const { inputs } = JSON.parse(readFileSync(meta, "utf8")) as BundleInputs;
    return inputs.every(([path, size, mtimeMs]) => {
      const st = statSync(path);
      return st.size === size && st.mtimeMs === mtimeMs;
    });
  } catch {
    return false; // no bundle yet, no inputs list, or an input gone
  }
}

async function build(source: string, out: string, meta: string): Promise<void> {
  const { build: esbuild } = await import("esbuild");
  const result = await esbuild({
    entryPoints: [source],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    write: false,
    metafile: true,
    logLevel: "silent",
    plugins: [
      {
        name: "jixiao-worker",
        setup(b) {
          // npm packages stay imports, by absolute URL: the bundle lives elsewhere than its importers.
          b.onResolve({ filter: /^[^./]/ }, async (args) => {
            if (args.path.startsWith("node:") || args.path.startsWith("@jixiao/") || args.pluginData === "inner") return undefined;
            const found = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: "inner" });
            if (found.errors.length > 0 || !found.path) return { errors: found.errors };
            return { path: found.external ? args.path : pathToFileURL(found.path).href, external: true };
          });
          // A module's own import.meta.url keeps naming its source file (paths are resolved against it).
          b.onLoad({ filter: /\.ts$/ }, async (args) => ({
            contents: (await readFile(args.path, "utf8")).replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href)),
            loader: "ts",
          }));
        },
      },
    ],
  });
  const code = result.outputFiles[0]!.contents;
  const cwd = process.cwd();
  const inputs: BundleInputs["inputs"] = Object.keys(result.metafile.inputs).map((p) => {
    const path = resolve(cwd, p);
    const st = statSync(path);
    return [path, st.size, st.mtimeMs];
  });
  mkdirSync(dirname(out), { recursive: true });
  // Written under temporary names and renamed: two runs starting at once each see a whole bundle.
  const tmp = `.${process.pid}.${Date.now()}`;
  writeFileSync(out + tmp, code);
  writeFileSync(meta + tmp, JSON.stringify({ inputs } satisfies BundleInputs));
  renameSync(out + tmp, out);
  renameSync(meta + tmp, meta);
}
