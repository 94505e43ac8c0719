// The warnings of an answer as headers, for every response format: a CSV or JSON Lines body has no
// room for them, and a client reading only headers (or the page's debug panel) still sees them.
import type { OutgoingHttpHeaders } from 'node:http'
import type { RowWarning } from '../validation/row-warning'

export const WARNING_COUNT_HEADER = 'x-sagepack-warning-count'
export const WARNINGS_HEADER = 'x-sagepack-warnings'

/** Headers have size limits the body does not: the rest are counted in the count header. */
const MAX_HEADER_WARNINGS = 10

export function addWarningHeaders(
  headers: OutgoingHttpHeaders,
  warnings: readonly RowWarning[] | undefined,
  count: number | undefined,
): void {
  if (warnings === undefined || warnings.length === 0) return
  headers[WARNING_COUNT_HEADER] = String(count ?? warnings.length)
  headers[WARNINGS_HEADER] = asciiJson(warnings.slice(0, MAX_HEADER_WARNINGS))
}

/** JSON with every character past ASCII escaped: a header value must be ASCII, a field name need not be. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}
