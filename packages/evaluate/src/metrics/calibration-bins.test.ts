import { describe, expect, it } from 'vitest'
import { binEdges, binOf, calibration } from './calibration-bins'
import { classScores } from './scored-rows'

describe('calibration bins', () => {
  it('puts a probability on an inner edge into the lower bin, as numpy searchsorted does', () => {
    const edges = binEdges(10)
    expect(edges[3]).toBe(0.30000000000000004)
    expect(binOf(0, edges)).toBe(0)
    expect(binOf(0.1, edges)).toBe(0)
    expect(binOf(0.10000001, edges)).toBe(1)
    expect(binOf(0.3, edges)).toBe(2)
    expect(binOf(0.5, edges)).toBe(4)
    expect(binOf(1, edges)).toBe(9)
  })

  it('gives each bin its accuracy and mean probability, and the ECE as their weighted gap', () => {
    // Top-class probabilities 0.95 (right), 0.95 (wrong), 0.65 (right), 0.55 (right).
    const scores = classScores(
      ['x', 'y'],
      Int32Array.from([0, 1, 1, 0]),
      Float64Array.from([0.95, 0.05, 0.95, 0.05, 0.35, 0.65, 0.55, 0.45]),
    )
    const { bins, ece } = calibration(scores)
    const filled = bins.filter((bin) => bin.count > 0)
    expect(filled.map((b) => [b.lower, b.count, b.accuracy, b.confidence])).toEqual([
      [0.5, 1, 1, 0.55],
      [0.6000000000000001, 1, 1, 0.65],
      [0.9, 2, 0.5, 0.95],
    ])
    expect(ece).toBeCloseTo((1 / 4) * 0.45 + (1 / 4) * 0.35 + (2 / 4) * 0.45, 15)
    expect(bins).toHaveLength(10)
  })
})
