// Gathers the cells that do not fit the schema across a whole dataset into one UserError, so a user
// fixes every bad row in one pass instead of one per run.
import { UserError } from '../errors/user-error'
import { formatViolation, type SchemaViolation } from './schema-violation'

export class ViolationReport {
  // Only the first ones are kept: a wholly wrong file may hold millions.
  private readonly shown: SchemaViolation[] = []
  private total = 0
  private rows = 0

  constructor(private readonly limit: number) {}

  /** Adds the violations of one row. */
  add(violations: readonly SchemaViolation[]): void {
    if (violations.length === 0) return
    this.rows += 1
    this.total += violations.length
    for (const violation of violations) if (this.shown.length < this.limit) this.shown.push(violation)
  }

  get isEmpty(): boolean {
    return this.total === 0
  }

  /** The error naming `input` (the dataset as the user gave it), listing the first violations. */
  toError(input: string): UserError {
    const values = this.total === 1 ? '1 value' : `${this.total} values`
    const rows = this.rows === 1 ? '1 row' : `${this.rows} rows`
    const verb = this.total === 1 ? 'does' : 'do'
    const lines = this.shown.map(formatViolation)
    const hidden = this.total - this.shown.length
    if (hidden > 0) lines.push(`(and ${hidden} more)`)
    return new UserError({
      input,
      problem: [`${values} in ${rows} ${verb} not fit the schema:`, ...lines].join('\n    '),
      expected: 'numbers in numeric columns; in columns that list categories or classes, one of those',
      fix: "correct or remove these rows (leave a cell empty for a missing value), or change the model's schema if the data is right",
    })
  }
}
