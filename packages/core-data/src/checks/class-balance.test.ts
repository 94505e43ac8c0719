import { describe, expect, it } from 'vitest'
import { checkClassBalance } from './class-balance'
import { defaults, irisSchema, priceSchema, records } from './test-records'

function labelled(counts: Record<string, number>) {
  return records(
    Object.entries(counts).flatMap(([species, n]) =>
      Array.from({ length: n }, () => ({ length: 1, color: 'red', species })),
    ),
  )
}

describe('checkClassBalance', () => {
  it('passes with counts per class when every class is well represented', () => {
    const result = checkClassBalance(irisSchema, labelled({ a: 4, b: 3, c: 3 }), defaults())
    expect(result).toMatchObject({
      passed: true,
      details: { labelled: 10, counts: { a: 4, b: 3, c: 3 }, fractions: { a: 0.4, b: 0.3, c: 0.3 } },
    })
  })

  it('fails with error when a declared class has no rows', () => {
    const result = checkClassBalance(irisSchema, labelled({ a: 5, b: 5 }), defaults())
    expect(result).toMatchObject({
      passed: false,
      severity: 'error',
      details: { counts: { a: 5, b: 5, c: 0 } },
    })
    expect(result?.summary).toContain("1 declared class has no rows: 'c'")
  })

  it('warns when the smallest class is below minClassFraction', () => {
    const result = checkClassBalance(irisSchema, labelled({ a: 50, b: 45, c: 5 }), defaults())
    expect(result).toMatchObject({ passed: false, severity: 'warning' })
    expect(result?.summary).toBe(
      "Smallest class 'c' has 5 of 100 labelled rows (5.0%), below the 10.0% minimum.",
    )
  })

  it('passes at exactly minClassFraction', () => {
    expect(checkClassBalance(irisSchema, labelled({ a: 45, b: 45, c: 10 }), defaults())?.passed).toBe(true)
  })

  it('fails with error on labels the schema does not declare, and ignores missing labels', () => {
    const data = [
      ...labelled({ a: 3, b: 3, c: 3, z: 2 }),
      ...records([{ length: 1, color: 'red', species: null }]),
    ]
    const result = checkClassBalance(irisSchema, data, defaults())
    expect(result).toMatchObject({
      passed: false,
      severity: 'error',
      details: { labelled: 11, undeclared: { z: 2 } },
    })
  })

  it('does not apply to a regression schema', () => {
    expect(checkClassBalance(priceSchema, records([{ rooms: 1, price: 2 }]), defaults())).toBeNull()
  })
})
