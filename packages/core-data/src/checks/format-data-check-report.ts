// Renders a data check report as text for the terminal, the run's logs and error messages.
import type { CheckResult, DataCheckReport } from './check-result'
import { count } from './summary-text'

export function formatDataCheckReport(report: DataCheckReport): string {
  const failed = report.results.filter((result) => !result.passed)
  const errors = failed.filter((result) => result.severity === 'error').length
  const warnings = failed.filter((result) => result.severity === 'warning').length
  const header = `Data checks ${report.passed ? 'passed' : 'FAILED'}: ${report.results.length} run, ${count(errors, 'error')}, ${count(warnings, 'warning')}${report.checkedAt ? ` (${report.checkedAt})` : ''}`
  const nameWidth = Math.max(0, ...report.results.map((result) => result.check.length))
  const lines = report.results.map(
    (result) => `  ${statusOf(result).padEnd(4)}  ${result.check.padEnd(nameWidth)}  ${result.summary}`,
  )
  return [header, ...lines].join('\n')
}

// A failed 'info' check is neither a warning nor a failure: it is reported and training goes on.
function statusOf(result: CheckResult): string {
  if (result.passed) return 'PASS'
  if (result.severity === 'error') return 'FAIL'
  if (result.severity === 'warning') return 'WARN'
  return 'INFO'
}
