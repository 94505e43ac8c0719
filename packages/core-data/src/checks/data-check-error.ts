// The error that stops training when a data check fails with severity 'error'; it carries the whole
// report so the CLI and the training runner can save it next to the failure reason.
import { UserError } from '../errors/user-error'
import type { DataCheckReport } from './check-result'
import { formatDataCheckReport } from './format-data-check-report'

export class DataCheckError extends UserError {
  readonly report: DataCheckReport

  constructor(report: DataCheckReport) {
    const failing = report.results.filter((result) => !result.passed && result.severity === 'error')
    super({
      input: 'data checks',
      problem: `${failing.map((result) => result.check).join(', ')} failed\n${formatDataCheckReport(report)}`,
      expected: 'no failed check with severity error',
      fix:
        "clean the data (the report lists the rows as source:line), or relax the check in the model's config: " +
        'checks.maxMissingFraction, checks.minClassFraction, or checks.severities.<check> = "warning"',
    })
    this.name = 'DataCheckError'
    this.report = report
  }
}

/** Throws a DataCheckError when the report did not pass; warnings alone never throw. */
export function assertDataChecksPassed(report: DataCheckReport): void {
  if (!report.passed) throw new DataCheckError(report)
}
