// Where each package's vitest run leaves its reports: written by the shared vitest config
// (vitest.shared.ts), read by the closing totals of .ci/run (sum-test-results.ts).

/** The folder of a package that holds its reports; removed before a CI run so no old report counts. */
export const REPORTS_DIR = '.test-results'

/** vitest's own JSON report: every test file and test, passed, failed or skipped. */
export const VITEST_REPORT = `${REPORTS_DIR}/vitest.json`

/** The errors thrown outside any test, which vitest's JSON report leaves out (unhandled-errors-reporter.ts). */
export const UNHANDLED_ERRORS_REPORT = `${REPORTS_DIR}/unhandled-errors.json`
