import { describe, expect, it } from 'vitest'
import { checkMissingValues } from './missing-values'
import { defaults, irisSchema, records } from './test-records'

function rows(
  n: number,
  length: (i: number) => number | null,
  species: (i: number) => string | null = () => 'a',
) {
  return records(
    Array.from({ length: n }, (_, i) => ({ length: length(i), color: 'red', species: species(i) })),
  )
}

describe('checkMissingValues', () => {
  it('passes with counts for every column when nothing is missing', () => {
    const result = checkMissingValues(
      irisSchema,
      rows(4, () => 1),
      defaults(),
    )
    expect(result.passed).toBe(true)
    expect(result.summary).toBe('No missing values in 3 columns over 4 rows.')
    expect(result.details.columns).toEqual({
      length: { missing: 0, fraction: 0 },
      color: { missing: 0, fraction: 0 },
      species: { missing: 0, fraction: 0 },
    })
  })

  it('fails with error when the label is missing anywhere', () => {
    const result = checkMissingValues(
      irisSchema,
      rows(
        100,
        () => 1,
        (i) => (i === 7 ? null : 'a'),
      ),
      defaults(),
    )
    expect(result.passed).toBe(false)
    expect(result.severity).toBe('error')
    expect(result.summary).toContain("1 of 100 rows misses the label 'species'")
    expect(result.details.columns).toMatchObject({ species: { missing: 1, fraction: 0.01 } })
  })

  it('fails with error when a feature misses more than maxMissingFraction', () => {
    const result = checkMissingValues(
      irisSchema,
      rows(100, (i) => (i < 6 ? null : 1)),
      defaults(),
    )
    expect(result).toMatchObject({ passed: false, severity: 'error' })
    expect(result.summary).toContain("Feature 'length' misses 6 of 100 values (6.0%, above the 5.0% limit)")
    expect(result.details.columns).toMatchObject({ length: { missing: 6, fraction: 0.06 } })
  })

  it('warns when a feature misses some values within the limit', () => {
    const result = checkMissingValues(
      irisSchema,
      rows(100, (i) => (i < 5 ? null : 1)),
      defaults(),
    )
    expect(result).toMatchObject({ passed: false, severity: 'warning' })
    expect(result.summary).toContain("'length' 5 (5.0%)")
    expect(result.details.columns).toMatchObject({ length: { missing: 5, fraction: 0.05 } })
  })

  it('follows a configured threshold', () => {
    const data = rows(100, (i) => (i < 6 ? null : 1))
    expect(checkMissingValues(irisSchema, data, defaults({ maxMissingFraction: 0.1 })).severity).toBe(
      'warning',
    )
  })

  it('counts an absent key as missing', () => {
    const data = records([{ length: 1, species: 'a' }])
    const result = checkMissingValues(irisSchema, data, defaults())
    expect(result.details.columns).toMatchObject({ color: { missing: 1, fraction: 1 } })
    expect(result.severity).toBe('error')
  })

  it('lets a severity override replace the failing severity', () => {
    const data = rows(
      10,
      () => 1,
      () => null,
    )
    const result = checkMissingValues(
      irisSchema,
      data,
      defaults({ severities: { missingValues: 'warning' } }),
    )
    expect(result).toMatchObject({ passed: false, severity: 'warning' })
  })
})
