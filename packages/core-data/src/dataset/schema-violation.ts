// A value that does not fit its column in the schema, and the one way it is written in errors.
import { locationOf } from '../readers/input-location'

export interface SchemaViolation {
  source: string
  line: number
  column: string
  /** What the column takes: `a number`, `one of "setosa", "virginica"`. */
  expected: string
  /** The value found, written as JSON: `"abc"`, `true`, `[1,2]`. */
  got: string
}

/** `iris.csv:12, column petal_width: expected a number, got "abc"` */
export function formatViolation(violation: SchemaViolation): string {
  const where = locationOf(violation.source, violation.line, violation.column)
  return `${where}: expected ${violation.expected}, got ${violation.got}`
}

const MAX_SHOWN_CHARS = 60

/** Writes a found value for an error message, cut short so one long text cell cannot flood it. */
export function formatGot(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > MAX_SHOWN_CHARS ? `${text.slice(0, MAX_SHOWN_CHARS - 3)}...` : text
}
