import { describe, expect, it } from 'vitest'
import { WEIGHTS_ENV, weightsOverride } from './weights-override'

describe('weightsOverride', () => {
  it('takes shared or private, and nothing when unset', () => {
    expect(weightsOverride({ [WEIGHTS_ENV]: 'shared' })).toBe('shared')
    expect(weightsOverride({ [WEIGHTS_ENV]: ' private ' })).toBe('private')
    expect(weightsOverride({ [WEIGHTS_ENV]: '' })).toBeUndefined()
    expect(weightsOverride({})).toBeUndefined()
  })

  it('names the variable and the two values otherwise', () => {
    expect(() => weightsOverride({ [WEIGHTS_ENV]: 'mapped' })).toThrow(
      "SAGEPACK_WEIGHTS=mapped: is not a way to hold the weights\n  expected: 'shared'",
    )
  })
})
