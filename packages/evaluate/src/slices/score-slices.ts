// Scores each group of a slice like the whole test split (every metric, its bootstrap interval, its
// count), and flags the groups whose slice metric is worse than the whole by more than the margin.
import { type BootstrapOptions, bootstrapIntervals, type Interval } from '../bootstrap/bootstrap-intervals'
import type { HeadlineScorer, MetricValues } from '../metrics/headline-scorer'
import { type MetricInfo, worsening } from '../metrics/metric-catalog'
import type { SliceGroup } from './cut-slices'

export interface SliceSettings {
  /** The metric groups are compared on. */
  metric: MetricInfo
  margin: number
  minRows: number
  bootstrap: BootstrapOptions
}

export interface ScoredSliceGroup {
  value: string
  count: number
  metrics: MetricValues
  intervals: Record<string, Interval>
  /** How much worse than the whole the slice metric is (negative: better); null when undefined. */
  gap: number | null
  flagged: boolean
}

export function scoreSliceGroups(
  scorer: HeadlineScorer,
  groups: readonly SliceGroup[],
  whole: MetricValues,
  settings: SliceSettings,
): ScoredSliceGroup[] {
  const n = scorer.scores.truth.length
  const wholeValue = whole[settings.metric.name] ?? null
  return groups.map((group) => {
    const weights = new Float64Array(n)
    for (const row of group.rows) weights[row] = 1
    const metrics = scorer.score(weights)
    const value = metrics[settings.metric.name] ?? null
    const gap = value === null || wholeValue === null ? null : worsening(settings.metric, value, wholeValue)
    return {
      value: group.value,
      count: group.rows.length,
      metrics,
      // The interval of the slice metric alone: the one the report compares groups on.
      intervals: bootstrapIntervals(
        group.rows,
        n,
        (w) => ({ [settings.metric.name]: scorer.scoreOne(settings.metric.name, w) }),
        settings.bootstrap,
      ),
      gap,
      flagged: gap !== null && group.rows.length >= settings.minRows && gap > settings.margin,
    }
  })
}
