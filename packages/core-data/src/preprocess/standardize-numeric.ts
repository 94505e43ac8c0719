// Numeric columns: scaled to zero mean and unit variance with the training split's statistics, so
// features measured in different units weigh the same at the start of training.

import { readNumber } from '../values/read-cell-value'
import type { ColumnEncoder } from './column-encoder'
import type { NumericColumnState } from './preprocessor-state'

/** Mean and population standard deviation of the present values; missing values are left out. */
export function fitNumericColumn(name: string, values: readonly number[]): NumericColumnState {
  if (values.length === 0) return { kind: 'numeric', name, mean: 0, std: 1 }
  let sum = 0
  for (const value of values) sum += value
  const mean = sum / values.length
  // Two passes rather than a running sum of squares: no cancellation when the mean is large.
  let squares = 0
  for (const value of values) squares += (value - mean) ** 2
  const std = Math.sqrt(squares / values.length)
  // A constant column carries no information; dividing by 1 keeps it at 0 instead of NaN.
  return { kind: 'numeric', name, mean, std: std > 0 ? std : 1 }
}

export function numericEncoder(state: NumericColumnState): ColumnEncoder {
  const { name, mean, std } = state
  return {
    name,
    outputNames: [name],
    encode(raw, out, offset) {
      const read = readNumber(raw)
      if (!read.ok) return read
      // A missing value becomes the fitted mean, which is 0 after scaling: the zeroed output stays.
      if (read.value !== null) out[offset] = (read.value - mean) / std
      return null
    },
  }
}
