import { describe, expect, it } from 'vitest'
import { headlineScorer } from '../metrics/headline-scorer'
import { bootstrapIntervals } from './bootstrap-intervals'
import { percentileOfSorted } from './percentile'
import { resampleRandom } from './resample-random'

const mean = (values: number[]) => (weights: Float64Array) => {
  let sum = 0
  let total = 0
  weights.forEach((w, i) => {
    sum += w * (values[i] as number)
    total += w
  })
  return { mean: sum / total }
}

describe('the seeded percentile bootstrap', () => {
  it('draws the same uniform numbers from the same seed', () => {
    const draws = Array.from({ length: 10_000 }, resampleRandom(7))
    expect(Array.from({ length: 10_000 }, resampleRandom(7))).toEqual(draws)
    expect(Array.from({ length: 5 }, resampleRandom(8))).not.toEqual(draws.slice(0, 5))
    // mulberry32's first outputs for this seed, pinned: another machine or Node draws the same.
    expect(draws.slice(0, 2)).toEqual([0.9823943767696619, 0.3341257639694959])
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...draws)).toBeLessThan(1)
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length
    expect(mean).toBeGreaterThan(0.49)
    expect(mean).toBeLessThan(0.51)
    const tenths = new Array(10).fill(0)
    for (const d of draws) tenths[Math.floor(d * 10)]++
    for (const count of tenths) expect(Math.abs(count - 1000)).toBeLessThan(120)
  })

  it('interpolates percentiles as numpy does', () => {
    expect(percentileOfSorted([1, 2, 3, 4], 0.025)).toBeCloseTo(1.075, 15)
    expect(percentileOfSorted([1, 2, 3, 4], 0.975)).toBeCloseTo(3.925, 15)
    expect(percentileOfSorted([5], 0.5)).toBe(5)
  })

  it('gives the same interval for the same seed, another for another seed, around the point value', () => {
    const values = Array.from({ length: 200 }, (_, i) => (i * 37) % 101)
    const rows = Int32Array.from(values.keys())
    const once = bootstrapIntervals(rows, values.length, mean(values), { resamples: 300, seed: 1 })
    const again = bootstrapIntervals(rows, values.length, mean(values), { resamples: 300, seed: 1 })
    const other = bootstrapIntervals(rows, values.length, mean(values), { resamples: 300, seed: 2 })
    expect(again).toEqual(once)
    expect(other.mean).not.toEqual(once.mean)
    const point = values.reduce((a, b) => a + b, 0) / values.length
    const [low, high] = once.mean as [number, number]
    expect(low).toBeLessThan(point)
    expect(high).toBeGreaterThan(point)
    // The standard error of a mean of 200 values spread 0-100 is about 2: the interval is about +-4.
    expect(high - low).toBeGreaterThan(4)
    expect(high - low).toBeLessThan(16)
  })

  it('resamples only the rows given (a slice), and skips metrics a resample cannot define', () => {
    const values = [0, 0, 0, 100, 100, 100]
    const slice = bootstrapIntervals([3, 4, 5], values.length, mean(values), { resamples: 50, seed: 3 })
    expect(slice.mean).toEqual([100, 100])
    const scores = {
      task: 'classification' as const,
      classes: ['n', 'y'],
      truth: Int32Array.from([0, 1]),
      probabilities: Float64Array.from([0.9, 0.1, 0.2, 0.8]),
      predicted: Int32Array.from([0, 1]),
    }
    const intervals = bootstrapIntervals([0, 1], 2, headlineScorer(scores).score, { resamples: 200, seed: 4 })
    // Resamples holding one class have no AUC; the others rank perfectly.
    expect(intervals.roc_auc).toEqual([1, 1])
    expect(intervals.accuracy).toEqual([1, 1])
  })
})
