import { describe, expect, it } from 'vitest'
import { dropDuplicateRecords } from './drop-duplicate-records'
import { irisSchema, records } from './test-records'

describe('dropDuplicateRecords', () => {
  it('keeps the first occurrence of exact duplicates and keeps conflicting rows', () => {
    const data = records([
      { length: 1, color: 'red', species: 'a' },
      { length: 1, color: 'red', species: 'b' },
      { length: 1, color: 'red', species: 'a' },
      { length: 2, color: 'red', species: 'a' },
    ])
    const { kept, dropped } = dropDuplicateRecords(irisSchema, data)
    expect(kept.map((record) => record.line)).toEqual([2, 3, 5])
    expect(dropped.map((record) => record.line)).toEqual([4])
  })
})
