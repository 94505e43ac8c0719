// Seeded percentile bootstrap: resample the rows with replacement (as weights: how often each row was
// drawn), score every resample, and take the 2.5th and 97.5th percentiles of each metric. The same
// seed and rows give the same interval on every machine.
import type { MetricValues } from '../metrics/headline-scorer'
import { percentileOfSorted } from './percentile'
import { resampleRandom } from './resample-random'

export interface BootstrapOptions {
  resamples: number
  seed: number
  /** Two-sided coverage; 0.95 by default. */
  level?: number
}

/** [low, high], or null when no resample defined the metric. */
export type Interval = [number, number] | null

/**
 * @param rows the row indices to resample (a slice, or every row), out of `n`
 * @param score the metrics of one weighting of the n rows
 */
export function bootstrapIntervals(
  rows: ArrayLike<number>,
  n: number,
  score: (weights: Float64Array) => MetricValues,
  options: BootstrapOptions,
): Record<string, Interval> {
  const random = resampleRandom(options.seed)
  const samples = new Map<string, number[]>()
  const weights = new Float64Array(n)
  const m = rows.length
  for (let resample = 0; resample < options.resamples && m > 0; resample++) {
    weights.fill(0)
    for (let draw = 0; draw < m; draw++) {
      const row = rows[Math.floor(random() * m)] as number
      weights[row] = (weights[row] as number) + 1
    }
    for (const [name, value] of Object.entries(score(weights))) {
      let values = samples.get(name)
      if (!values) {
        values = []
        samples.set(name, values)
      }
      if (value !== null && Number.isFinite(value)) values.push(value)
    }
  }
  const tail = (1 - (options.level ?? 0.95)) / 2
  const intervals: Record<string, Interval> = {}
  for (const [name, values] of samples) {
    const sorted = Float64Array.from(values).sort()
    intervals[name] =
      sorted.length === 0 ? null : [percentileOfSorted(sorted, tail), percentileOfSorted(sorted, 1 - tail)]
  }
  return intervals
}
