// Mutation testing of the arithmetic the report stands on (docs/mutation-testing.md).
// Run: pnpm mutation (all files below, incremental) or
//      pnpm mutation --mutate packages/report/src/rounding.ts (a few files while iterating).
// pnpm keeps each package's dependencies private: Stryker's core cannot find
// the runner and checker by name, so they are handed over by path.
const plugin = (name) => import.meta.resolve(name);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: [
    "packages/report/src/rules/**/*.ts",
    "packages/report/src/rounding.ts",
    "packages/report/src/scoring-params.ts",
    "packages/report/src/funding.ts",
    "packages/report/src/money.ts",
    "packages/report/src/report/escape.ts",
    "packages/normalize/src/money-unit.ts",
    "packages/normalize/src/values.ts",
  ],
  plugins: [plugin("@stryker-mutator/vitest-runner"), plugin("@stryker-mutator/typescript-checker")],
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts", related: true },
  checkers: ["typescript"],
  tsconfigFile: "tsconfig.mutation.json",
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: "perTest",
  // The machine has 2 cores shared with other work: one test runner and one checker.
  concurrency: 1,
  timeoutMS: 60_000,
  incremental: true,
  incrementalFile: "reports/stryker-incremental.json",
  reporters: ["html", "json", "clear-text", "progress"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  tempDirName: "reports/.stryker-tmp",
  cleanTempDir: true,
  ignorePatterns: ["/reports", "/out", "*.sqlite*", "/report.html", ".bench", "/datasette"],
};
