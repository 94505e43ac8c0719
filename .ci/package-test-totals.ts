// What one package's reports say: tests passed, failed and skipped, where a report that is missing or
// unreadable, a test file that failed to run and an error thrown outside any test each count as one
// failure, named, so that tests that failed or never ran can never read as green.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { UNHANDLED_ERRORS_REPORT, VITEST_REPORT } from './test-report-files'
import type { UnhandledErrorsReport } from './unhandled-errors-reporter'

export interface TestTotals {
  passed: number
  failed: number
  skipped: number
  /** One line per failure the counts of failed tests do not name. */
  problems: string[]
}

/** The parts of vitest's JSON report read here. */
interface VitestReport {
  success?: boolean
  numPassedTests?: number
  numFailedTests?: number
  numPendingTests?: number
  numTodoTests?: number
  testResults?: Array<{
    name: string
    status: string
    message?: string
    assertionResults?: Array<{ status: string }>
  }>
}

export function packageTestTotals(workspaceRoot: string, dir: string): TestTotals {
  const vitest = readReport<VitestReport>(workspaceRoot, dir, VITEST_REPORT)
  if ('problem' in vitest) return { passed: 0, failed: 1, skipped: 0, problems: [vitest.problem] }
  const report = vitest.json
  const problems: string[] = []
  // A test file that fails to load or whose hooks throw has no failed test in it.
  for (const file of report.testResults ?? []) {
    const failedTests = (file.assertionResults ?? []).some((test) => test.status === 'failed')
    if (file.status === 'failed' && !failedTests)
      problems.push(`${dir}: ${file.name} failed outside its tests: ${firstLine(file.message)}`)
  }
  // Without this record, errors outside tests may have gone unseen: that is a failure too.
  const outside = readReport<UnhandledErrorsReport>(workspaceRoot, dir, UNHANDLED_ERRORS_REPORT)
  if ('problem' in outside) problems.push(outside.problem)
  const { errors = [], reason = 'passed' } = 'json' in outside ? outside.json : {}
  for (const error of errors)
    problems.push(`${dir}: error thrown outside any test: ${error.name}: ${firstLine(error.message)}`)
  if (reason === 'interrupted') problems.push(`${dir}: the test run was interrupted`)
  const failedTests = report.numFailedTests ?? 0
  // Anything else vitest calls a failure (no test files, say) is one too.
  const failedRun = report.success === false || reason === 'failed'
  if (failedRun && failedTests === 0 && problems.length === 0)
    problems.push(`${dir}: vitest reported the run as failed without a failed test`)
  return {
    passed: report.numPassedTests ?? 0,
    failed: failedTests + problems.length,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    problems,
  }
}

export function sumTestTotals(totals: readonly TestTotals[]): TestTotals {
  return {
    passed: totals.reduce((sum, t) => sum + t.passed, 0),
    failed: totals.reduce((sum, t) => sum + t.failed, 0),
    skipped: totals.reduce((sum, t) => sum + t.skipped, 0),
    problems: totals.flatMap((t) => t.problems),
  }
}

/** The closing line CI reads. */
export function totalsLine({ passed, failed, skipped }: TestTotals): string {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`
}

function readReport<T>(workspaceRoot: string, dir: string, file: string): { json: T } | { problem: string } {
  const path = join(workspaceRoot, dir, file)
  if (!existsSync(path)) return { problem: `${dir}: no ${file}: its tests did not run, or did not finish` }
  try {
    return { json: JSON.parse(readFileSync(path, 'utf8')) as T }
  } catch (error) {
    return { problem: `${dir}: ${file} is not JSON (${(error as Error).message})` }
  }
}

function firstLine(text: string | undefined): string {
  return (text ?? '').trim().split('\n')[0] ?? ''
}
