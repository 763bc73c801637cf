import { readFileSync } from "node:fs";

/** Stored with every document and run, so rows can be traced to the code that produced them. */
export const PIPELINE_VERSION: string = (() => {
  const pkg = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
})();
