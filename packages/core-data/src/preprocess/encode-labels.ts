// Turns label values into what a model trains on: a class's index in the schema's `classes` order
// (so output unit i always means classes[i]), or the number itself for a numeric label.
import { UserError } from '../errors/user-error'
import type { LabelSpec } from '../schema/feature-schema'
import { describeValue, readNumber, readString } from '../values/read-cell-value'

export function encodeLabels(label: LabelSpec, values: ReadonlyArray<unknown>): Int32Array | Float32Array {
  const where = (index: number) => `label '${label.name}' at index ${index}`
  if (label.kind === 'numeric') {
    const encoded = new Float32Array(values.length)
    values.forEach((raw, index) => {
      const read = readNumber(raw)
      if (!read.ok)
        throw new UserError({ input: where(index), problem: read.problem, expected: read.expected })
      if (read.value === null) throw missingLabel(where(index))
      encoded[index] = read.value
    })
    return encoded
  }
  const positions = new Map(label.classes.map((name, index) => [name, index]))
  const encoded = new Int32Array(values.length)
  values.forEach((raw, index) => {
    const read = readString(raw)
    if (!read.ok) throw new UserError({ input: where(index), problem: read.problem, expected: read.expected })
    if (read.value === null) throw missingLabel(where(index))
    const position = positions.get(read.value)
    if (position === undefined) {
      throw new UserError({
        input: where(index),
        problem: `${describeValue(read.value)} is not one of the schema's classes`,
        expected: `one of ${label.classes.map((name) => JSON.stringify(name)).join(', ')}`,
        fix: 'correct the label in the data, or add the class to the schema (which changes the model outputs)',
      })
    }
    encoded[index] = position
  })
  return encoded
}

function missingLabel(input: string): UserError {
  return new UserError({
    input,
    problem: 'the label is missing',
    expected: 'a label on every row used for training or evaluation',
    fix: 'drop rows without a label, or fill them in',
  })
}
