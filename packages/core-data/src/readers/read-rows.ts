// Reads a data object in any supported format as rows of named fields, so callers loop once for all formats.
import type { Readable } from 'node:stream'
import type { DataFormat } from './detect-format'
import { readCsv } from './read-csv'
import { readJsonl } from './read-jsonl'

export interface TableRow {
  /** 1-based line the row starts on. */
  line: number
  fields: Record<string, unknown>
}

export interface ReadRowsOptions {
  /** Called with a CSV file's header before its first row; formats without a header never call it. */
  onHeader?: (columns: readonly string[], line: number) => void
}

type RowReader = (
  input: NodeJS.ReadableStream | Readable,
  source: string,
  options: ReadRowsOptions,
) => AsyncIterable<TableRow>

const READERS: Record<DataFormat, RowReader> = {
  csv: readCsv,
  jsonl: (input, source) => readJsonl(input, source),
}

export function readRows(
  input: NodeJS.ReadableStream | Readable,
  source: string,
  format: DataFormat,
  options: ReadRowsOptions = {},
): AsyncIterable<TableRow> {
  return READERS[format](input, source, options)
}
