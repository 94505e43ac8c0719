// Medians of repeated measurements, taken field by field (the middle two averaged for an even count).

function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

/** An object of the medians of each numeric field across `runs` (all of the same shape). */
export function medianOf<T extends Record<string, number>>(runs: readonly T[]): T {
  const first = runs[0]
  if (!first) throw new Error('no runs to take the median of')
  const result: Record<string, number> = {}
  for (const key of Object.keys(first)) result[key] = median(runs.map((run) => run[key] as number))
  return result as T
}
