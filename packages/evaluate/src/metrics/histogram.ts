// Equal-width histogram bins over the values' range, computed here rather than by the chart, so the
// counts a figure shows are also in report.json.

export interface HistogramBin {
  lower: number
  upper: number
  count: number
}

export function histogram(values: ArrayLike<number>, bins: number, range?: [number, number]): HistogramBin[] {
  let low = range?.[0] ?? Number.POSITIVE_INFINITY
  let high = range?.[1] ?? Number.NEGATIVE_INFINITY
  if (!range) {
    for (let i = 0; i < values.length; i++) {
      low = Math.min(low, values[i] as number)
      high = Math.max(high, values[i] as number)
    }
  }
  if (values.length === 0) return []
  if (high === low) return [{ lower: low, upper: high, count: values.length }]
  const width = (high - low) / bins
  const counts = new Array<number>(bins).fill(0)
  for (let i = 0; i < values.length; i++) {
    const bin = Math.min(bins - 1, Math.max(0, Math.floor(((values[i] as number) - low) / width)))
    counts[bin] = (counts[bin] as number) + 1
  }
  return counts.map((count, bin) => ({
    lower: low + bin * width,
    upper: bin === bins - 1 ? high : low + (bin + 1) * width,
    count,
  }))
}
