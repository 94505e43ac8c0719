import { describe, expect, it } from 'vitest'
import { createSeededRandom } from './seeded-random'
import { seededShuffle } from './seeded-shuffle'

const items = Array.from({ length: 50 }, (_, i) => i)

describe('seededShuffle', () => {
  it('returns a shuffled copy holding the same items and leaves the input alone', () => {
    const input = [...items]
    const shuffled = seededShuffle(input, createSeededRandom(7))
    expect(input).toEqual(items)
    expect(shuffled).not.toBe(input)
    expect(shuffled).not.toEqual(items)
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items)
  })

  it('is fixed by the seed', () => {
    expect(seededShuffle(items, createSeededRandom(7))).toEqual(seededShuffle(items, createSeededRandom(7)))
    expect(seededShuffle(items, createSeededRandom(7))).not.toEqual(
      seededShuffle(items, createSeededRandom(8)),
    )
  })

  it('swaps with a draw from the unshuffled prefix (Fisher–Yates)', () => {
    // With random() always 0 each step swaps position i with 0: [a,b,c] -> [c,b,a] -> [b,c,a].
    expect(seededShuffle(['a', 'b', 'c'], () => 0)).toEqual(['b', 'c', 'a'])
    // With random() just below 1 every item swaps with itself.
    expect(seededShuffle(['a', 'b', 'c'], () => 0.999999)).toEqual(['a', 'b', 'c'])
  })

  it('handles empty and single-item inputs', () => {
    expect(seededShuffle([], createSeededRandom(1))).toEqual([])
    expect(seededShuffle(['x'], createSeededRandom(1))).toEqual(['x'])
  })
})
