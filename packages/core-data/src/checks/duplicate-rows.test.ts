import { describe, expect, it } from 'vitest'
import { checkDuplicateRows } from './duplicate-rows'
import { defaults, irisSchema, records } from './test-records'

describe('checkDuplicateRows', () => {
  it('passes when every row is distinct, telling 1 from "1" and null from "null"', () => {
    const schema = { ...irisSchema, features: [{ name: 'x', kind: 'categorical' as const }] }
    const data = records([
      { x: '1', species: 'a' },
      { x: 1, species: 'a' },
      { x: null, species: 'a' },
      { x: 'null', species: 'a' },
    ])
    const result = checkDuplicateRows(schema, data, defaults())
    expect(result).toMatchObject({ passed: true, details: { duplicates: 0, conflictingGroups: 0 } })
  })

  it('keeps values apart that would join to the same text', () => {
    const schema = {
      features: [
        { name: 'x', kind: 'categorical' as const },
        { name: 'y', kind: 'categorical' as const },
      ],
      label: irisSchema.label,
    }
    const data = records([
      { x: 'a,b', y: 'c', species: 'a' },
      { x: 'a', y: 'b,c', species: 'a' },
    ])
    expect(checkDuplicateRows(schema, data, defaults()).details.duplicates).toBe(0)
  })

  it('warns on exact duplicates with the count and the first pairs', () => {
    const data = records([
      { length: 1, color: 'red', species: 'a' },
      { length: 2, color: 'red', species: 'a' },
      { length: 1, color: 'red', species: 'a' },
      { length: 1, color: 'red', species: 'a' },
    ])
    const result = checkDuplicateRows(irisSchema, data, defaults())
    expect(result).toMatchObject({
      passed: false,
      severity: 'warning',
      details: { duplicates: 2, duplicatePairs: ['data.csv:2 = data.csv:4', 'data.csv:2 = data.csv:5'] },
    })
    expect(result.summary).toBe('2 rows repeat an earlier row exactly, e.g. data.csv:2 = data.csv:4.')
  })

  it('fails with error on the same features with different labels', () => {
    const data = records([
      { length: 1, color: 'red', species: 'a' },
      { length: 1, color: 'red', species: 'b' },
      { length: 3, color: 'blue', species: 'c' },
    ])
    const result = checkDuplicateRows(irisSchema, data, defaults())
    expect(result).toMatchObject({
      passed: false,
      severity: 'error',
      details: {
        duplicates: 0,
        conflictingGroups: 1,
        conflictingRows: 2,
        conflictExamples: ['data.csv:2 (a) vs data.csv:3 (b)'],
      },
    })
  })

  it('does not count a missing label as a conflicting one', () => {
    const data = records([
      { length: 1, color: 'red', species: 'a' },
      { length: 1, color: 'red', species: null },
    ])
    expect(checkDuplicateRows(irisSchema, data, defaults())).toMatchObject({ passed: true })
  })

  it('lets an override turn duplicates into an error', () => {
    const data = records([
      { length: 1, color: 'red', species: 'a' },
      { length: 1, color: 'red', species: 'a' },
    ])
    const result = checkDuplicateRows(irisSchema, data, defaults({ severities: { duplicateRows: 'error' } }))
    expect(result).toMatchObject({ passed: false, severity: 'error' })
  })
})
