// Rewrites csv-parse's errors as UserErrors that name the file, line and column and say how to fix them.
import type { CsvError } from 'csv-parse'
import { UserError } from '../errors/user-error'
import { locationOf } from './input-location'

/**
 * Longest row the reader accepts (in characters). Without a limit an unclosed quote makes the parser
 * buffer the rest of a file that may be gigabytes long before it can report the quote.
 */
export const MAX_CSV_ROW_CHARS = 16 * 1024 * 1024

export interface CsvErrorPlace {
  source: string
  /** Line where the record being parsed starts. */
  recordLine: number
  /** Line csv-parse was on, corrected for its miscounts in earlier records. */
  parserLine: number
  /** Column names, once the header was read. */
  columns: readonly string[] | undefined
}

export function csvSyntaxError(error: CsvError, place: CsvErrorPlace): UserError {
  const field = typeof error.column === 'number' ? error.column : undefined
  const column = field === undefined ? undefined : (place.columns?.[field] ?? field + 1)
  const quoteRule = 'a quote inside a quoted field is written twice: "say ""hi"""'
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new UserError(
        {
          input: locationOf(place.source, place.recordLine, column),
          problem: 'a quoted field opened in the row starting on this line is never closed',
          expected: `a closing quote before the end of the file; ${quoteRule}`,
          fix: 'add the closing quote, or double the quotes that are part of the value',
        },
        { cause: error },
      )
    case 'CSV_INVALID_CLOSING_QUOTE':
      return new UserError(
        {
          input: locationOf(place.source, Math.max(place.recordLine, place.parserLine), column),
          problem: 'characters follow the closing quote of a quoted field',
          expected: `a delimiter or the end of the line right after a closing quote; ${quoteRule}`,
          fix: 'quote the whole value, and double the quotes that are part of it',
        },
        { cause: error },
      )
    case 'INVALID_OPENING_QUOTE':
      return new UserError(
        {
          input: locationOf(place.source, Math.max(place.recordLine, place.parserLine), column),
          problem: 'a quote appears inside an unquoted field',
          expected: `quotes only around a whole field; ${quoteRule}`,
          fix: 'quote the whole value, and double the quotes that are part of it: "5\'11"""',
        },
        { cause: error },
      )
    case 'CSV_MAX_RECORD_SIZE':
      return new UserError(
        {
          input: locationOf(place.source, place.recordLine),
          problem: 'the row starting on this line is too long; usually a quote that is never closed',
          expected: `rows of at most ${MAX_CSV_ROW_CHARS} characters`,
          fix: 'close the quoted field, or split the value',
        },
        { cause: error },
      )
    default:
      return new UserError(
        {
          input: locationOf(place.source, Math.max(place.recordLine, place.parserLine), column),
          problem: `not valid CSV (${error.message})`,
          expected: 'comma-separated fields with a header line',
        },
        { cause: error },
      )
  }
}
