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

const TESTS = [
  "packages/report/test/boundaries-*.test.ts",
  "packages/report/test/escape.test.ts",
  "packages/report/test/rounding.test.ts",
  "packages/report/test/families.test.ts",
  "packages/report/test/narrative-figures.test.ts",
  "packages/normalize/test/values.test.ts",
  "packages/normalize/test/values-*.test.ts",
  "packages/normalize/test/money-unit-*.test.ts",
];
// MUTATION_TESTS narrows a run to some of them (comma-separated globs), e.g.
// MUTATION_TESTS="packages/normalize/test/values*.test.ts" while working on values.ts.
// Every report test imports the normalizer, so each mutant of values.ts otherwise runs
// them all: most of a minute a mutant on the shared two-core machine. A mutant only the
// left-out tests would catch then counts as surviving: the score is a lower bound.
const include = process.env.MUTATION_TESTS ? process.env.MUTATION_TESTS.split(",") : TESTS;

export default defineConfig({
  resolve: {
    alias: {
      "@jixiao/normalize": pkg("normalize"),
      "@jixiao/extract": pkg("extract"),
      "@jixiao/store": pkg("store"),
    },
  },
  test: {
    include,
    testTimeout: 60_000,
    pool: "forks",
  },
});
