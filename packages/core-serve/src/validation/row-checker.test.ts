import type { RequestSchema } from '@sagepack/core-data'
import { describe, expect, it } from 'vitest'
import { InvocationError } from '../handler/invocation-error'
import { createRowChecker } from './row-checker'
import { MAX_LISTED_WARNINGS } from './row-warning'

const schema: RequestSchema = {
  model: 'cars',
  features: [
    { name: 'weight', kind: 'numeric', doc: 'lbs', trainingRange: { min: 1600, max: 5100 } },
    { name: 'doors', kind: 'numeric', fill: { fill: 'mean', value: 4 } },
    { name: 'origin', kind: 'categorical', categories: ['USA', 'Japan'] },
    { name: 'notes', kind: 'text', fill: { fill: 'no text' } },
  ],
  unknownFields: 'warn',
  label: { name: 'mpg', kind: 'numeric' },
}
const checker = createRowChecker(schema)
const car = { weight: 3000, doors: 2, origin: 'USA', notes: 'red' }

function refusal(rows: unknown[], check = checker): InvocationError {
  try {
    check.check(rows as never)
  } catch (error) {
    if (error instanceof InvocationError) return error
    throw error
  }
  throw new Error('the rows were not refused')
}

describe('the row check', () => {
  it('passes complete rows, and rows leaving out only what the schema fills, without a warning', () => {
    expect(checker.check([car, { ...car, doors: null, notes: '' }, [2000, '', 'Japan', null]])).toEqual({
      warnings: [],
      warningCount: 0,
    })
  })

  it.each([
    ['absent', { doors: 2, origin: 'USA' }, 'is missing'],
    ['null', { ...car, weight: null }, 'is null'],
    ['NaN', { ...car, weight: Number.NaN }, 'is NaN'],
    ['empty', { ...car, weight: '' }, 'is empty'],
    ['NA text', { ...car, weight: 'NA' }, 'is "NA", which means missing'],
  ])(
    'refuses a required feature that is %s with a 400 naming the row, the field and the fix',
    (_, row, problem) => {
      const error = refusal([car, row])
      expect(error.status).toBe(400)
      expect(error.where).toEqual({ row: 1, field: 'weight' })
      expect(error.message).toBe(
        `row 1 (counting from 0), field 'weight': ${problem}\n` +
          '  expected: a number (lbs); training saw 1600 to 5100\n' +
          '  fix: send weight in every row: cars never saw it missing in training, so it does not guess a value for it',
      )
    },
  )

  it('refuses a missing category and a value that is not a number', () => {
    expect(refusal([{ ...car, origin: null }]).message).toMatch(
      /^row 0 \(counting from 0\), field 'origin': is null\n {2}expected: one of USA, Japan\n/,
    )
    const notANumber = refusal([{ ...car, weight: 'heavy' }])
    expect(notANumber.message.split('\n')[0]).toBe(
      `row 0 (counting from 0), field 'weight': "heavy" is not a number`,
    )
    expect(notANumber.where).toEqual({ row: 0, field: 'weight' })
  })

  it('refuses an array row of the wrong length, listing the order', () => {
    const error = refusal([[3000, 2, 'USA', 'red', 'extra']])
    expect(error.message).toBe(
      'row 0 (counting from 0): has 5 values\n' +
        '  expected: 4 values in this order: weight, doors, origin, notes\n' +
        '  fix: in CSV, put a value that holds a comma in double quotes: "Hello, world"',
    )
    expect(error.where).toEqual({ row: 0 })
  })

  it('answers values outside what training saw, with a warning per value', () => {
    const checked = checker.check([{ ...car, weight: 900 }, [6000, 2, 'Mars', '']])
    expect(checked).toEqual({
      warningCount: 3,
      warnings: [
        {
          row: 0,
          field: 'weight',
          message: '900 is below the range seen in training (1600 to 5100); the answer is an extrapolation',
        },
        {
          row: 1,
          field: 'weight',
          message: '6000 is above the range seen in training (1600 to 5100); the answer is an extrapolation',
        },
        {
          row: 1,
          field: 'origin',
          message:
            '"Mars" is not a category seen in training (USA, Japan); the model reads it as none of them',
        },
      ],
    })
  })

  it('reads a number and its text alike: the same warning for 900 and "900", none inside the range', () => {
    const asNumber = checker.check([
      { ...car, weight: 900 },
      { ...car, weight: 1600 },
    ])
    const asText = checker.check([
      { ...car, weight: '900' },
      { ...car, weight: '1600' },
    ])
    expect(asNumber.warningCount).toBe(1)
    expect(asText).toEqual(asNumber)
  })

  it('ignores fields that are not features and names each once, with the rows it was in', () => {
    const checked = checker.check([
      { ...car, colour: 'red' },
      { ...car, colour: 'blue', mpg: 30 },
      { ...car, colour: 'green' },
    ])
    expect(checked.warnings).toEqual([
      { field: 'colour', message: 'is not a feature of cars; ignored (rows 0, 1, 2, counting from 0)' },
      { field: 'mpg', message: 'is the label cars predicts, not an input; ignored (row 1, counting from 0)' },
    ])
  })

  it('refuses fields that are not features when the model says so, listing the expected ones', () => {
    const strict = createRowChecker({ ...schema, unknownFields: 'refuse' })
    const error = refusal([car, { ...car, colour: 'red' }], strict)
    expect(error.message).toBe(
      "row 1 (counting from 0), field 'colour': is not a feature of cars, which refuses fields it does not know\n" +
        '  expected: only the fields weight, doors, origin, notes\n' +
        '  fix: leave colour out',
    )
    expect(strict.check([car]).warningCount).toBe(0)
  })

  it(`lists the first ${MAX_LISTED_WARNINGS} warnings and counts them all`, () => {
    const checked = checker.check(Array.from({ length: 150 }, () => ({ ...car, weight: 1 })))
    expect(checked.warnings).toHaveLength(MAX_LISTED_WARNINGS)
    expect(checked.warningCount).toBe(150)
    expect(checked.warnings.at(-1)?.row).toBe(MAX_LISTED_WARNINGS - 1)
  })
})
