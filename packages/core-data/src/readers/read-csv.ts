// Streams a CSV file with a header line as rows of named string fields, each with the line it starts on.
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream'
import { CsvError, type InfoRecord, type Options, parse } from 'csv-parse'
import { UserError } from '../errors/user-error'
import { readCsvHeader } from './csv-header'
import { csvSyntaxError, MAX_CSV_ROW_CHARS } from './csv-syntax-error'
import { locationOf } from './input-location'

export interface CsvRow {
  /** 1-based line the row starts on; the header is line 1 unless blank lines precede it. */
  line: number
  /** Field values by column name, exactly as written (unquoted, not trimmed). */
  fields: Record<string, string>
}

export interface ReadCsvOptions {
  /** Called with the header before the first row; may throw to stop reading (e.g. a missing column). */
  onHeader?: (columns: readonly string[], line: number) => void
}

/**
 * Reads `input` as CSV: the first non-blank line names the columns; blank lines are skipped.
 * `source` names the file in errors. Malformed input fails with a UserError at `source:line`.
 */
export async function* readCsv(
  input: NodeJS.ReadableStream | Readable,
  source: string,
  options: ReadCsvOptions = {},
): AsyncGenerator<CsvRow> {
  // Lines are counted here, not taken from csv-parse: it counts a CRLF inside a quoted field as two
  // lines. A record starts after the previous record's last line and the blank lines skipped since.
  let lastLine = 0
  let blankLines = 0
  let parserDrift = 0
  let header: string[] | undefined
  let headerLine = 0

  // Rows are built in on_record, which runs while parsing: a syntax error then finds the line state
  // of the record before it, even when the stream drops rows it had parsed but not yet handed out.
  const toRow = (record: string[], info: InfoRecord): CsvRow | null => {
    const line = lastLine + 1 + (info.empty_lines - blankLines)
    lastLine = line + lineBreaksIn(record)
    blankLines = info.empty_lines
    parserDrift = info.lines - lastLine
    if (header === undefined) {
      header = readCsvHeader(record, source, line)
      headerLine = line
      options.onHeader?.(header, line)
      return null
    }
    if (record.length !== header.length)
      throw fieldCountError(source, line, record.length, header, headerLine)
    // fromEntries defines properties, so a column named "__proto__" stays an ordinary field.
    const columns = header
    return { line, fields: Object.fromEntries(columns.map((name, index) => [name, record[index] ?? ''])) }
  }

  const parseOptions: Options<CsvRow, string[]> = {
    bom: true,
    skip_empty_lines: true,
    // Field counts are checked in toRow, to report them against the header.
    relax_column_count: true,
    max_record_size: MAX_CSV_ROW_CHARS,
    on_record: toRow,
  }
  // csv-parse's overloads tie a new record type to the `columns` option; on_record alone changes it too.
  const parser = parse(parseOptions as unknown as Options)
  // Errors of either stream reach the loop below through the parser, so the callback has nothing to do.
  pipeline(input, parser, () => {})

  try {
    yield* parser as AsyncIterable<CsvRow>
  } catch (error) {
    if (!(error instanceof CsvError)) throw error
    const emptyLines = typeof error.empty_lines === 'number' ? error.empty_lines : blankLines
    throw csvSyntaxError(error, {
      source,
      recordLine: lastLine + 1 + (emptyLines - blankLines),
      parserLine: typeof error.lines === 'number' ? error.lines - parserDrift : 0,
      columns: header,
    })
  }
  if (header === undefined) {
    throw new UserError({
      input: source,
      problem: 'the file is empty',
      expected: 'a header line naming the columns, then one row per line',
    })
  }
}

function lineBreaksIn(record: readonly string[]): number {
  let count = 0
  for (const value of record) count += value.match(/\r\n|\r|\n/g)?.length ?? 0
  return count
}

function fieldCountError(
  source: string,
  line: number,
  count: number,
  header: readonly string[],
  headerLine: number,
): UserError {
  const expected = `${header.length} fields, like the header on line ${headerLine}`
  if (count > header.length) {
    return new UserError({
      input: locationOf(source, line, header.length + 1),
      problem: `the row has ${count} fields but the header has ${header.length}`,
      expected,
      fix: 'quote values that contain a comma ("1,5"), or remove the extra fields',
    })
  }
  return new UserError({
    input: locationOf(source, line, header[count]),
    problem: `the row has ${count} fields but the header has ${header.length}; this column has no field`,
    expected,
    fix: 'add the missing fields; leave a field empty for a missing value (a,,c)',
  })
}
