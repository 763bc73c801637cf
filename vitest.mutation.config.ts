/**
 * The tests Stryker runs against each mutant (stryker.config.mjs): the unit and
 * boundary tests of the rules, the rounding, the units and the escaping, which
 * build their forms directly. Not the seed-pipeline, database and browser
 * suites: they load the extractors and build databases while being collected,
 * which costs seconds on every one of thousands of mutant runs, and they test
 * these files less closely.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Stryker copies the repository into a sandbox; node_modules/@jixiao/* are
// symlinks back to the unmutated packages, so the workspace packages are
// resolved to the copies next to this file instead.
const pkg = (name: string) => fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@jixiao/normalize": pkg("normalize"),
      "@jixiao/extract": pkg("extract"),
      "@jixiao/store": pkg("store"),
    },
  },
  test: {
    include: [
      "packages/report/test/boundaries-*.test.ts",
      "packages/report/test/escape.test.ts",
      "packages/report/test/rounding.test.ts",
      "packages/report/test/families.test.ts",
      "packages/report/test/narrative-figures.test.ts",
      "packages/normalize/test/values.test.ts",
      "packages/normalize/test/money-unit-*.test.ts",
    ],
    testTimeout: 60_000,
    pool: "forks",
  },
});
