import { fitPreprocessor, UserError } from '@sagepack/core-data'
import { describe, expect, it } from 'vitest'
import { rowsToRecords } from './rows-to-records'

const preprocessor = fitPreprocessor(
  {
    features: [
      { name: 'subject', kind: 'text' },
      { name: 'size', kind: 'numeric' },
    ],
    label: { name: 'label', kind: 'class', classes: ['ham', 'spam'] },
  },
  [],
  { textDimensions: 4 },
)

function refusal(rows: Parameters<typeof rowsToRecords>[0]): UserError {
  try {
    rowsToRecords(rows, preprocessor)
  } catch (error) {
    if (error instanceof UserError) return error
    throw error
  }
  throw new Error('expected a UserError')
}

describe('rowsToRecords', () => {
  it('keys array rows by the features in schema order and passes objects through', () => {
    const object = { subject: 'hi', size: 3 }
    expect(rowsToRecords([['Hello, world', '12'], object], preprocessor)).toEqual([
      { subject: 'Hello, world', size: '12' },
      object,
    ])
  })

  it('names the row with too many values and suggests quoting the comma that split a value', () => {
    const error = refusal([['Hello', ' world', '12']])
    expect(error.input).toBe('row 0 (counting from 0)')
    expect(error.problem).toBe('has 3 values')
    expect(error.expected).toBe('2 values in this order: subject, size')
    expect(error.fix).toContain('in double quotes')
  })

  it('names the row with too few values, without the quoting hint', () => {
    const error = refusal([['Hello', '1'], ['Hello']])
    expect(error.input).toBe('row 1 (counting from 0)')
    expect(error.problem).toBe('has 1 value')
    expect(error.fix).toBeUndefined()
  })
})
