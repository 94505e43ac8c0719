// Turns array rows (CSV lines, JSON arrays) into objects keyed by the preprocessor's features, in the
// schema's order, so the preprocessor reads every row the same way whatever the request format.
import { type Preprocessor, UserError } from '@sagepack/core-data'
import type { InputRow } from './handler-api'

/** Objects pass through untouched; the preprocessor reports anything that is neither. */
export function rowsToRecords(
  rows: readonly InputRow[],
  preprocessor: Preprocessor,
): Array<Record<string, unknown>> {
  const names = preprocessor.featureNames
  return rows.map((row, index) => {
    if (!Array.isArray(row)) return row
    checkRowLength(row, index, names)
    const record: Record<string, unknown> = {}
    names.forEach((name, column) => {
      record[name] = row[column]
    })
    return record
  })
}

/** A row given as values must have one per feature, in the preprocessor's order. */
export function checkRowLength(row: readonly unknown[], index: number, names: readonly string[]): void {
  if (row.length === names.length) return
  throw new UserError({
    input: `row ${index} (counting from 0)`,
    problem: `has ${row.length} value${row.length === 1 ? '' : 's'}`,
    expected: `${names.length} values in this order: ${names.join(', ')}`,
    // Extra values are most often a text or a name with a comma that a CSV client left unquoted.
    ...(row.length > names.length
      ? { fix: 'in CSV, put a value that holds a comma in double quotes: "Hello, world"' }
      : {}),
  })
}
