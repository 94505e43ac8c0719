// The warnings of an answer as headers, for every response format: a CSV or JSON Lines body has no
// room for them, and a client reading only headers (or the page's debug panel) still sees them. The
// list's value is made where the model runs (warningsHeaderValue), so this thread only copies a string.
import type { OutgoingHttpHeaders } from 'node:http'
import type { RowWarning } from '../validation/row-warning'

export const WARNING_COUNT_HEADER = 'x-sagepack-warning-count'
export const WARNINGS_HEADER = 'x-sagepack-warnings'

/** Headers have size limits the body does not: the rest are counted in the count header. */
const MAX_HEADER_WARNINGS = 10

/** The first warnings as JSON, every character past ASCII escaped: a header value must be ASCII. */
export function warningsHeaderValue(warnings: readonly RowWarning[]): string {
  return JSON.stringify(warnings.slice(0, MAX_HEADER_WARNINGS)).replace(
    /[\u007f-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

/** Adds nothing to an answer without warnings. */
export function addWarningHeaders(
  headers: OutgoingHttpHeaders,
  count: number | undefined,
  value: string | undefined,
): void {
  if (count === undefined || value === undefined || count === 0) return
  headers[WARNING_COUNT_HEADER] = String(count)
  headers[WARNINGS_HEADER] = value
}
