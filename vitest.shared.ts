// The one vitest config every package re-exports: plain console output plus the reports that .ci/run
// sums into one "N passed, N failed" line for the whole tree: vitest's JSON report, and the errors
// thrown outside any test, which that report leaves out.
import { defineConfig } from 'vitest/config'
import { UNHANDLED_ERRORS_REPORT, VITEST_REPORT } from './.ci/test-report-files.ts'
import { UnhandledErrorsReporter } from './.ci/unhandled-errors-reporter.ts'

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    reporters: [
      'default',
      ['json', { outputFile: VITEST_REPORT }],
      new UnhandledErrorsReporter(UNHANDLED_ERRORS_REPORT),
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The test files of a fork share one module graph instead of loading their imports anew: module
    // loading was 40-60% of each package's CPU (core-train: 45 -> 18 CPU-s), on a 2-CPU CI that runs
    // every package at once. A file that patches something global (an SDK client mock, an env var)
    // puts it back in afterAll / afterEach.
    isolate: false,
  },
})
