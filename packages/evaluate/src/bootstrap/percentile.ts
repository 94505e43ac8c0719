// numpy.percentile's default ("linear") interpolation, so intervals read the same as in a notebook.

/** `q` in [0, 1] of `sorted` (ascending); NaN when empty. */
export function percentileOfSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length
  if (n === 0) return Number.NaN
  const position = q * (n - 1)
  const below = Math.floor(position)
  const above = Math.min(below + 1, n - 1)
  const low = sorted[below] as number
  const high = sorted[above] as number
  return low + (high - low) * (position - below)
}
