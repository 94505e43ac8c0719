import { describe, expect, it } from 'vitest'
import { defaults, irisSchema, priceSchema, records } from './test-records'
import { checkValueRanges } from './value-ranges'

describe('checkValueRanges', () => {
  it('passes when every value lies in its declared range, bounds included', () => {
    const data = records([
      { length: 0, color: 'red', species: 'a' },
      { length: 10, color: 'red', species: 'a' },
    ])
    const result = checkValueRanges(irisSchema, data, defaults())
    expect(result).toMatchObject({ passed: true, details: { total: 0, offenders: [] } })
  })

  it('fails with error and lists offenders as source:line column value', () => {
    const data = records([
      { length: 5, color: 'red', species: 'a' },
      { length: -1, color: 'red', species: 'a' },
      { length: 11.5, color: 'red', species: 'a' },
    ])
    const result = checkValueRanges(irisSchema, data, defaults())
    expect(result).toMatchObject({ passed: false, severity: 'error' })
    expect(result.details).toMatchObject({
      total: 2,
      outOfRange: { length: 2 },
      offenders: ['data.csv:3 length -1', 'data.csv:4 length 11.5'],
    })
    expect(result.summary).toBe(
      "2 values lie outside the declared range: 2 in 'length' (range 0..10); first: data.csv:3 length -1.",
    )
  })

  it('checks a numeric label and lists at most 10 offenders while counting all', () => {
    const data = records(Array.from({ length: 12 }, () => ({ rooms: 3, price: -5 })))
    const result = checkValueRanges(priceSchema, data, defaults())
    expect(result.details.total).toBe(12)
    expect(result.details.offenders).toHaveLength(10)
    expect((result.details.offenders as string[])[0]).toBe('data.csv:2 price -5')
  })

  it('counts NaN as out of range and ignores missing values', () => {
    const data = records([
      { rooms: 1, price: Number.NaN },
      { rooms: 1, price: null },
    ])
    expect(checkValueRanges(priceSchema, data, defaults()).details.total).toBe(1)
  })

  it('passes when the schema declares no ranges', () => {
    const schema = { ...priceSchema, label: { name: 'price', kind: 'numeric' as const } }
    const result = checkValueRanges(schema, records([{ rooms: -100, price: -1 }]), defaults())
    expect(result).toMatchObject({ passed: true, summary: 'The schema declares no value ranges.' })
  })
})
