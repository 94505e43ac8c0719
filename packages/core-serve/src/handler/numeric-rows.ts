// The input matrix of a bundle without preprocessor.json: every row is an array of numbers (or numeric
// strings, as CSV gives them) already in the model's feature order.
import { UserError } from '@sagepack/core-data'
import type { InputRow } from './handler-api'

export function numericRows(rows: readonly InputRow[], width: number): Float32Array {
  const out = new Float32Array(rows.length * width)
  rows.forEach((row, index) => {
    const expected = `an array of ${width} numbers (this model has no preprocessor.json, so rows are not objects)`
    if (!Array.isArray(row) || row.length !== width) {
      const found = Array.isArray(row) ? `has ${row.length} values` : 'is not an array'
      throw new UserError({ input: `row ${index} (counting from 0)`, problem: found, expected })
    }
    row.forEach((value, column) => {
      const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
      if (typeof number !== 'number' || !Number.isFinite(number)) {
        throw new UserError({
          input: `row ${index} (counting from 0), value ${column} (counting from 0)`,
          problem: `${JSON.stringify(value) ?? String(value)} is not a number`,
          expected: 'a finite number',
        })
      }
      out[index * width + column] = number
    })
  })
  return out
}
