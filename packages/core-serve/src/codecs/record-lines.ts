// Splits a line-per-record body (JSON Lines, unquoted CSV) into its lines, with SageMaker's framing rules.
import { UserError } from '@sagepack/core-data'

/**
 * LF or CRLF endings; empty lines at the end are framing, not records. An empty line between records
 * is refused rather than skipped: Batch Transform joins output lines to input lines by position
 * (AssembleWith=Line), so a dropped record would shift every prediction after it onto the wrong input.
 */
export function recordLines(text: string, expected: string): string[] {
  const lines = text.split('\n')
  let count = lines.length
  while (count > 0 && isBlank(lines[count - 1] ?? '')) count--
  const records = new Array<string>(count)
  for (let index = 0; index < count; index++) {
    let line = lines[index] ?? ''
    if (line.endsWith('\r')) line = line.slice(0, -1)
    if (line === '') throw emptyLineError(index + 1, expected)
    records[index] = line
  }
  return records
}

export function emptyLineError(line: number, expected: string): UserError {
  return new UserError({
    input: `line ${line}`,
    problem: 'empty line between records',
    expected,
    fix: 'remove the empty line: every line is one record, and each gets one prediction back',
  })
}

function isBlank(line: string): boolean {
  return line === '' || line === '\r'
}
