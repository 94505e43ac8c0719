// Parses a headerless CSV body (RFC 4180: quoted fields, doubled quotes, LF or CRLF) into records of strings.
import { UserError } from '@sagepack/core-data'
import { withoutByteOrderMark } from './byte-order-mark'
import { emptyLineError, recordLines } from './record-lines'

const QUOTE = 34
const COMMA = 44
const LF = 10
const CR = 13

const CSV_EXPECTED = 'one record per line, values separated by commas, no header: 5.1,3.5,1.4,0.2'
const QUOTE_RULE =
  'a field with a comma, quote or line break in quotes, and a quote inside it doubled: "say ""hi"""'

export function parseCsv(text: string): string[][] {
  // Left in, a byte order mark would sit before the first field's opening quote and fail a good file.
  const body = withoutByteOrderMark(text)
  // Batch Transform traffic is numbers: without a quote in the body, splitting is all parsing needs.
  if (body.indexOf('"') === -1) return recordLines(body, CSV_EXPECTED).map((line) => line.split(','))
  return parseQuotedCsv(body)
}

function parseQuotedCsv(text: string): string[][] {
  const records: string[][] = []
  const length = text.length
  let at = 0
  let line = 1
  /** The first empty line seen since the last record; an error only if another record follows it. */
  let emptyLine = 0
  while (at < length) {
    const first = text.charCodeAt(at)
    if (first === LF || (first === CR && text.charCodeAt(at + 1) === LF)) {
      if (emptyLine === 0) emptyLine = line
      at += first === LF ? 1 : 2
      line++
      continue
    }
    if (emptyLine !== 0) throw emptyLineError(emptyLine, CSV_EXPECTED)
    const record: string[] = []
    for (;;) {
      const field = record.length + 1
      if (text.charCodeAt(at) === QUOTE) {
        const openedOn = line
        let value = ''
        let start = at + 1
        at = start
        for (;;) {
          const quote = text.indexOf('"', at)
          if (quote === -1) throw fieldError(openedOn, field, 'the quoted field is never closed')
          line += countLineFeeds(text, at, quote)
          if (text.charCodeAt(quote + 1) === QUOTE) {
            value += text.slice(start, quote + 1)
            at = quote + 2
            start = at
            continue
          }
          value += text.slice(start, quote)
          at = quote + 1
          break
        }
        const next = text.charCodeAt(at)
        const endsField =
          at >= length || next === COMMA || next === LF || (next === CR && text.charCodeAt(at + 1) === LF)
        if (!endsField) throw fieldError(line, field, 'text after the closing quote')
        record.push(value)
      } else {
        let end = at
        while (end < length) {
          const code = text.charCodeAt(end)
          if (code === COMMA || code === LF) break
          if (code === QUOTE)
            throw fieldError(line, field, 'a quote inside a field that does not start with one')
          end++
        }
        const valueEnd =
          end > at && text.charCodeAt(end - 1) === CR && (end === length || text.charCodeAt(end) === LF)
            ? end - 1
            : end
        record.push(text.slice(at, valueEnd))
        at = end
      }
      if (at >= length) break
      const delimiter = text.charCodeAt(at)
      at++
      if (delimiter === COMMA) continue
      if (delimiter === CR) at++ // the LF of a CRLF after a quoted field
      line++
      break
    }
    records.push(record)
  }
  return records
}

function countLineFeeds(text: string, from: number, to: number): number {
  let count = 0
  for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1)) count++
  return count
}

function fieldError(line: number, field: number, problem: string): UserError {
  return new UserError({ input: `line ${line}, field ${field}`, problem, expected: QUOTE_RULE })
}
