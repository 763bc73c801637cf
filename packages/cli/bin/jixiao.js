#!/usr/bin/env node
// The jixiao command. The packages ship TypeScript sources; the command runs
// them bundled into plain JavaScript (src/bundle-cache.mjs: built on first use
// and after every change of the sources, in node_modules/.cache/jixiao). Run
// through tsx instead, a command starts ~0.6 s later and its main thread holds
// ~35 MB more. If the bundle cannot be built, tsx compiles the sources on load.
import { fileURLToPath } from "node:url";
import { DEFAULT_BUNDLE_DIR as CACHE, ensureBundle } from "../src/bundle-cache.mjs";

const MAIN = fileURLToPath(new URL("../src/main.ts", import.meta.url));

let bundle = null;
try {
  bundle = (await ensureBundle(MAIN, CACHE)).url;
} catch (e) {
  const reason = String(e?.message ?? e).split("\n")[0];
  process.emitWarning(`expected to bundle the command into ${CACHE}, found: ${reason}; running the TypeScript sources through tsx instead`, "JixiaoBundle");
}
if (bundle) {
  await import(bundle.href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/main.ts");
}
