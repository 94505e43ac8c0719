// The shapes every data check returns and the report the runner assembles from them.

export type Severity = 'info' | 'warning' | 'error'

export const SEVERITIES: readonly Severity[] = ['info', 'warning', 'error']

export type DataCheckName =
  | 'missingValues'
  | 'valueRanges'
  | 'classBalance'
  | 'duplicateRows'
  | 'trainTestLeakage'

export const DATA_CHECK_NAMES: readonly DataCheckName[] = [
  'missingValues',
  'valueRanges',
  'classBalance',
  'duplicateRows',
  'trainTestLeakage',
]

export interface CheckResult {
  check: string
  passed: boolean
  /** The severity this check carries when it fails (also reported on a pass, so a report shows the stakes). */
  severity: Severity
  /** One readable sentence with numbers. */
  summary: string
  /** JSON-safe facts behind the summary. */
  details: Record<string, unknown>
}

export interface DataCheckReport {
  /** False iff some failed check has severity 'error'. */
  passed: boolean
  checkedAt?: string
  results: CheckResult[]
}

/** Whether a set of results lets training go on: only failed checks of severity 'error' stop it. */
export function resultsPassed(results: readonly CheckResult[]): boolean {
  return !results.some((result) => !result.passed && result.severity === 'error')
}
