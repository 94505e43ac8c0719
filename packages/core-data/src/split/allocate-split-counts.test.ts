import { describe, expect, it } from 'vitest'
import { allocateSplitCounts } from './allocate-split-counts'
import { createSeededRandom } from './seeded-random'

const fractions = (validation: number, test: number) => ({ train: 1 - validation - test, validation, test })

function expectWithinOneRow(sizes: number[], shares: ReturnType<typeof fractions>) {
  const counts = allocateSplitCounts(sizes, shares)
  counts.forEach((row, c) => {
    const size = sizes[c] ?? 0
    expect(row[0] + row[1] + row[2]).toBe(size)
    const exact = [size * shares.train, size * shares.validation, size * shares.test]
    row.forEach((n, s) => {
      expect(Math.abs(n - (exact[s] ?? 0))).toBeLessThan(1)
    })
  })
  return counts
}

describe('allocateSplitCounts', () => {
  it('gives exact shares when they are whole rows', () => {
    expect(allocateSplitCounts([50, 50, 50], fractions(0.2, 0.2))).toEqual([
      [30, 10, 10],
      [30, 10, 10],
      [30, 10, 10],
    ])
  })

  it('does not floor 100 * 0.29 to 28', () => {
    expect(allocateSplitCounts([100], fractions(0.29, 0))).toEqual([[71, 29, 0]])
  })

  it('keeps the split sizes on the fractions across many small classes', () => {
    const counts = expectWithinOneRow(Array(10).fill(3), fractions(0.1, 0.1))
    const totals = [0, 1, 2].map((s) => counts.reduce((sum, row) => sum + (row[s] ?? 0), 0))
    expect(totals).toEqual([24, 3, 3])
  })

  it('puts the first row of a tiny class in train', () => {
    expect(allocateSplitCounts([1, 1, 1], fractions(0.3, 0.4))).toEqual([
      [1, 0, 0],
      [1, 0, 0],
      [1, 0, 0],
    ])
    expect(allocateSplitCounts([2], fractions(0.1, 0.8))[0]?.[0]).toBe(1)
  })

  it('stays within one row per class and split for random sizes and fractions', () => {
    const random = createSeededRandom('allocation')
    for (let trial = 0; trial < 300; trial += 1) {
      const sizes = Array.from({ length: 1 + Math.floor(random() * 6) }, () => Math.floor(random() * 40))
      const validation = Math.floor(random() * 45) / 100
      const test = Math.floor(random() * 45) / 100
      const counts = expectWithinOneRow(sizes, fractions(validation, test))
      counts.forEach((row, c) => {
        if ((sizes[c] ?? 0) > 0) expect(row[0]).toBeGreaterThanOrEqual(1)
      })
    }
  })
})
