import { describe, expect, it } from 'vitest'
import { epochOrder } from './epoch-order'

describe('epochOrder', () => {
  it('is a permutation that depends only on seed and epoch', () => {
    const order = epochOrder(100, 7, 3)
    expect(Array.from(order).sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i))
    expect(epochOrder(100, 7, 3)).toEqual(order)
    expect(epochOrder(100, 7, 4)).not.toEqual(order)
    expect(epochOrder(100, 8, 3)).not.toEqual(order)
  })
})
