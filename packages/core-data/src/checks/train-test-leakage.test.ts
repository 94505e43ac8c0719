import { describe, expect, it } from 'vitest'
import { defaults, irisSchema, records } from './test-records'
import { checkTrainTestLeakage } from './train-test-leakage'

const train = records(
  [
    { length: 1, color: 'red', species: 'a' },
    { length: 2, color: 'red', species: 'b' },
  ],
  'train.csv',
)

describe('checkTrainTestLeakage', () => {
  it('passes when no test row shares its features with train', () => {
    const test = records([{ length: 3, color: 'red', species: 'a' }], 'test.csv')
    const result = checkTrainTestLeakage(irisSchema, { train, test }, defaults())
    expect(result).toMatchObject({ passed: true, details: { leakingTestRows: 0, trainRows: 2, testRows: 1 } })
  })

  it('fails with error on test rows whose features appear in train, whatever their label', () => {
    const test = records(
      [
        { length: 2, color: 'red', species: 'c' },
        { length: 9, color: 'red', species: 'a' },
        { length: 2, color: 'red', species: 'b' },
      ],
      'test.csv',
    )
    const result = checkTrainTestLeakage(irisSchema, { train, test }, defaults())
    expect(result).toMatchObject({
      passed: false,
      severity: 'error',
      details: {
        leakingTestRows: 2,
        distinctLeakedRows: 1,
        examples: ['test.csv:2 = train.csv:3', 'test.csv:4 = train.csv:3'],
      },
    })
    expect(result.summary).toContain('2 of 3 test rows (66.7%) have features that also appear in train')
  })
})
