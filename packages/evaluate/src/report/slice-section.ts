// The slices of a report: each declared slice cut, scored with intervals, compared with the whole and
// (when the champion's run is here) with the champion's same group, and drawn as one figure.
import { type Figure, figure } from '../charts/figure-types'
import type { HeadlineScorer, MetricValues } from '../metrics/headline-scorer'
import { cutSlices } from '../slices/cut-slices'
import { type SliceSettings, scoreSliceGroups } from '../slices/score-slices'
import type { SliceDefinition } from '../slices/slice-definitions'
import type { SliceTable } from './report-types'

/** A run's test rows as slice values: the slice column's raw value in test row `row`. */
export type SliceValueOf = (definition: SliceDefinition, row: number) => unknown

export interface SliceRun {
  scorer: HeadlineScorer
  whole: MetricValues
  valueOf: SliceValueOf
}

export function sliceSection(
  definitions: readonly SliceDefinition[],
  run: SliceRun,
  champion: SliceRun | null,
  settings: SliceSettings,
): { tables: SliceTable[]; figures: Figure[] } {
  const metric = settings.metric.name
  const tables = definitions.map((definition): SliceTable => {
    const n = run.scorer.scores.truth.length
    const groups = scoreSliceGroups(
      run.scorer,
      cutSlices(definition, n, (row) => run.valueOf(definition, row)),
      run.whole,
      settings,
    )
    const championGroups = champion
      ? new Map(
          cutSlices(definition, champion.scorer.scores.truth.length, (row) =>
            champion.valueOf(definition, row),
          ).map((group) => {
            const weights = new Float64Array(champion.scorer.scores.truth.length)
            for (const row of group.rows) weights[row] = 1
            return [group.value, champion.scorer.score(weights)[metric] ?? null]
          }),
        )
      : null
    return {
      title: definition.title,
      column: definition.column,
      metric,
      margin: settings.margin,
      minRows: settings.minRows,
      whole: run.whole[metric] ?? null,
      groups: groups.map((group) => ({ ...group, champion: championGroups?.get(group.value) ?? null })),
    }
  })
  const figures = tables.map((table, i) =>
    figure(
      'slice',
      `slice-${i + 1}`,
      `${settings.metric.label} by ${table.title}`,
      `Each group's ${settings.metric.label} with its 95% bootstrap interval; the dashed line is the whole test split. Red: worse than the whole by more than ${table.margin} (groups of ${table.minRows}+ rows).`,
      {
        metric,
        label: settings.metric.label,
        bounds: settings.metric.bounds ?? null,
        whole: table.whole,
        groups: table.groups.map((group) => ({
          value: group.value,
          metric: group.metrics[metric] ?? null,
          low: group.intervals[metric]?.[0] ?? null,
          high: group.intervals[metric]?.[1] ?? null,
          count: group.count,
          flagged: group.flagged,
        })),
      },
    ),
  )
  return { tables, figures }
}
