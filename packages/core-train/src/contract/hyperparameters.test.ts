import { describe, expect, it } from 'vitest'
import { decodeHyperparameter, decodeHyperparameters, encodeHyperparameter } from './hyperparameters'

describe('hyperparameter decoding (as the SageMaker training toolkit does it)', () => {
  it('JSON-decodes numbers, booleans, lists and JSON-encoded strings', () => {
    expect(
      decodeHyperparameters({ a: '0.01', b: '12', c: 'true', d: '[16,8]', e: '"relu"', f: '{"k":1}' }),
    ).toEqual({
      a: 0.01,
      b: 12,
      c: true,
      d: [16, 8],
      e: 'relu',
      f: { k: 1 },
    })
  })

  it('keeps plain strings that are not JSON as they are', () => {
    expect(decodeHyperparameter('relu')).toBe('relu')
    expect(decodeHyperparameter('s3://bucket/key')).toBe('s3://bucket/key')
    expect(decodeHyperparameter('')).toBe('')
  })

  it('round-trips every value type through encode then decode, strings that look like numbers included', () => {
    for (const value of ['123', 'relu', 0.5, 7, false, [1, 2], { a: 'b' }, '']) {
      expect(decodeHyperparameter(encodeHyperparameter(value))).toEqual(value)
    }
  })
})
