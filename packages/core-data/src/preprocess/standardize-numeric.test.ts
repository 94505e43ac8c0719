import { describe, expect, it } from 'vitest'
import { fitNumericColumn, numericEncoder } from './standardize-numeric'

describe('fitNumericColumn', () => {
  it('fits the mean and the population standard deviation', () => {
    expect(fitNumericColumn('x', [1, 2, 3, 4])).toEqual({
      kind: 'numeric',
      name: 'x',
      mean: 2.5,
      std: Math.sqrt(1.25),
    })
  })

  it('uses 1 for a constant column and for a column without values', () => {
    expect(fitNumericColumn('x', [3, 3, 3])).toMatchObject({ mean: 3, std: 1 })
    expect(fitNumericColumn('x', [])).toMatchObject({ mean: 0, std: 1 })
  })

  it('stays exact for a large mean with a small spread', () => {
    expect(fitNumericColumn('x', [1e9 + 1, 1e9 + 3]).std).toBe(1)
  })
})

describe('numericEncoder', () => {
  const encoder = numericEncoder({ kind: 'numeric', name: 'x', mean: 10, std: 2 })

  it('scales a value and leaves a missing one at 0 (the mean)', () => {
    const out = new Float32Array(3)
    encoder.encode(14, out, 0)
    encoder.encode(null, out, 1)
    encoder.encode('9', out, 2)
    expect([...out]).toEqual([2, 0, -0.5])
  })

  it('reports a value it cannot read instead of writing it', () => {
    const out = new Float32Array(1)
    expect(encoder.encode('abc', out, 0)).toMatchObject({ ok: false, problem: '"abc" is not a number' })
    expect(out[0]).toBe(0)
  })
})
