// The input matrix of a bundle without preprocessor.json: every row is an array of numbers (or numeric
// strings, as CSV gives them) already in the model's feature order. Values are read by core-data's
// readNumber, the rule training and the preprocessor use, so "5.1" and 5.1 are the same input.
import { readNumber, UserError } from '@sagepack/core-data'
import type { InputRow } from './handler-api'

export function numericRows(rows: readonly InputRow[], width: number): Float32Array {
  const out = new Float32Array(rows.length * width)
  rows.forEach((row, index) => {
    if (!Array.isArray(row) || row.length !== width) {
      throw new UserError({
        input: `row ${index} (counting from 0)`,
        problem: Array.isArray(row) ? `has ${row.length} values` : 'is not an array',
        expected: `an array of ${width} numbers (this model has no preprocessor.json, so rows are not objects)`,
      })
    }
    row.forEach((value, column) => {
      const read = readNumber(value)
      if (!read.ok || read.value === null) {
        throw new UserError({
          input: `row ${index} (counting from 0), value ${column} (counting from 0)`,
          problem: read.ok ? 'is missing' : read.problem,
          expected: 'a finite number: this model has no preprocessor to fill in missing values',
        })
      }
      out[index * width + column] = read.value
    })
  })
  return out
}
