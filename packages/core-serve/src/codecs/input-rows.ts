// Checks that a decoded JSON value can be a model input row, naming the row when it cannot.
import { UserError } from '@sagepack/core-data'
import type { InputRow } from '../handler/handler-api'

export const ROW_EXPECTED =
  'an object keyed by feature name, e.g. {"sepal_length": 5.1}, or an array of values'

/** `where` names the row for the message: `row 2`, `line 3`. */
export function toInputRow(value: unknown, where: string): InputRow {
  if (typeof value === 'object' && value !== null) return value as InputRow
  throw new UserError({
    input: where,
    problem: `expected an object or an array, got ${describeJsonValue(value)}`,
    expected: ROW_EXPECTED,
  })
}

export function describeJsonValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  switch (typeof value) {
    case 'string':
      return 'a string'
    case 'number':
      return 'a number'
    case 'boolean':
      return 'a boolean'
    default:
      return 'an object'
  }
}
