// Builds the whole report from what was read of a run (pure): headline metrics with intervals beside
// the naive baseline and the champion, the task's figures, learning curves, slices, gates, behaviour
// and data checks, and the flags a reader must see first.
import type { DataCheckReport } from '@sagepack/core-data'
import type { NaiveBaseline } from '../baseline/naive-baseline'
import type { BehaviourCheckResult } from '../behaviour/check-results'
import { bootstrapIntervals } from '../bootstrap/bootstrap-intervals'
import { type Figure, figure } from '../charts/figure-types'
import { formatNumber } from '../format/format-number'
import { failedGates, gateVerdicts } from '../gates/gate-verdicts'
import { learningCurves } from '../history/learning-curves'
import { headlineScorer, type MetricValues } from '../metrics/headline-scorer'
import { metricsOf } from '../metrics/metric-catalog'
import type { Scores } from '../metrics/scored-rows'
import type { EvaluationSettings } from '../settings/evaluation-settings'
import type { SliceDefinition } from '../slices/slice-definitions'
import { classificationSection } from './classification-section'
import { regressionFigures } from './regression-section'
import {
  type ChampionInfo,
  type EvaluationReport,
  type HeadlineRow,
  REPORT_FORMAT,
  type RunIdentity,
} from './report-types'
import { type SliceValueOf, sliceSection } from './slice-section'

export interface ChampionInput {
  info: ChampionInfo
  /** Its test metrics: scored from its predictions when its run is here, else what release.json records. */
  metrics: MetricValues
  /** Its test predictions, when its run is here. */
  scores: Scores | null
  /** Its test rows' slice values, when its run and its data are here. */
  sliceValueOf: SliceValueOf | null
}

export interface ReportInput {
  model: string
  evaluatedAt: string
  identity: RunIdentity
  scores: Scores
  baseline: NaiveBaseline
  history: unknown
  settings: EvaluationSettings
  slices: readonly SliceDefinition[]
  /** null when the run holds no copy of its data: no slices then. */
  sliceValueOf: SliceValueOf | null
  champion: ChampionInput
  behaviour: BehaviourCheckResult[] | null
  dataChecks: DataCheckReport | null
  notes: readonly string[]
}

export function buildReport(input: ReportInput): EvaluationReport {
  const { scores, settings } = input
  const scorer = headlineScorer(scores)
  const values = scorer.score()
  const intervals = bootstrapIntervals(
    Int32Array.from({ length: scores.truth.length }, (_, i) => i),
    scores.truth.length,
    scorer.score,
    settings.bootstrap,
  )
  const baseline = headlineScorer(input.baseline.scores).score()
  const champion = input.champion
  const headline: HeadlineRow[] = metricsOf(scores.task).map((metric) => {
    const value = values[metric.name] ?? null
    const championValue = champion.metrics[metric.name] ?? null
    const baselineValue = baseline[metric.name] ?? null
    return {
      metric: metric.name,
      label: metric.label,
      higherIsBetter: metric.higherIsBetter,
      value,
      interval: intervals[metric.name] ?? null,
      baseline: baselineValue,
      champion: championValue,
      deltaChampion: value === null || championValue === null ? null : value - championValue,
      deltaBaseline: value === null || baselineValue === null ? null : value - baselineValue,
    }
  })
  const championScores = champion.scores?.task === scores.task ? champion.scores : null
  const taskPart =
    scores.task === 'classification'
      ? classificationSection(scores, championScores?.task === 'classification' ? championScores : null)
      : {
          classes: null,
          confusion: null,
          perClass: null,
          ece: null,
          figures: regressionFigures(scores, championScores?.task === 'regression' ? championScores : null),
        }
  const slices =
    input.sliceValueOf && input.slices.length > 0
      ? sliceSection(
          input.slices,
          { scorer, whole: values, valueOf: input.sliceValueOf },
          championScores && champion.sliceValueOf
            ? {
                scorer: headlineScorer(championScores),
                whole: champion.metrics,
                valueOf: champion.sliceValueOf,
              }
            : null,
          {
            metric: settings.sliceMetric,
            margin: settings.sliceMargin,
            minRows: settings.minSliceRows,
            bootstrap: settings.bootstrap,
          },
        )
      : { tables: [], figures: [] }
  const gates = gateVerdicts(
    settings.gates,
    values,
    champion.info.source === 'none' ? null : champion.metrics,
  )
  const curves = learningCurves(input.history)
  const curveFigures: Figure[] = [
    ...(curves.loss.length > 0
      ? [
          figure(
            'learning-curve',
            'learning-loss',
            'Learning curve: loss',
            bestEpochCaption(curves.bestEpoch, curves.bestBy),
            { measure: 'loss', points: curves.loss, bestEpoch: curves.bestEpoch },
          ),
        ]
      : []),
    ...(curves.metric && curves.metric.points.length > 0
      ? [
          figure(
            'learning-curve',
            'learning-metric',
            `Learning curve: ${curves.metric.name}`,
            `${curves.metric.name} per epoch on the train and validation splits.`,
            { measure: curves.metric.name, points: curves.metric.points, bestEpoch: curves.bestEpoch },
          ),
        ]
      : []),
  ]
  const dataChecks =
    input.dataChecks?.results.map((r) => ({
      check: r.check,
      passed: r.passed,
      severity: r.severity,
      summary: r.summary,
    })) ?? null
  const flags = [
    ...failedGates(gates).map((verdict) => `Gate failed: ${verdict.message}.`),
    ...slices.tables.flatMap((table) =>
      table.groups
        .filter((group) => group.flagged)
        .map(
          (group) =>
            `Slice "${table.title}", group ${group.value} (${group.count} rows): ${settings.sliceMetric.label} ${formatNumber(group.metrics[table.metric])}, ${formatNumber(group.gap)} worse than the whole test split's ${formatNumber(table.whole)} (margin ${table.margin}).`,
        ),
    ),
    ...(input.behaviour ?? [])
      .filter((check) => check.passed < check.cases)
      .map(
        (check) =>
          `Behaviour check "${check.name}" (${check.kind}) passes ${check.passed} of ${check.cases} cases.`,
      ),
    ...(dataChecks ?? [])
      .filter((check) => !check.passed)
      .map((check) => `Data check ${check.check} (${check.severity}) failed: ${check.summary}`),
  ]
  return {
    format: REPORT_FORMAT,
    model: input.model,
    task: scores.task,
    evaluatedAt: input.evaluatedAt,
    run: input.identity,
    testRows: scores.truth.length,
    headline,
    baseline: { description: input.baseline.description },
    champion: champion.info,
    gates,
    flags,
    notes: [...input.notes],
    classes: taskPart.classes,
    confusion: taskPart.confusion,
    perClass: taskPart.perClass,
    ece: taskPart.ece,
    slices: slices.tables,
    behaviour: input.behaviour,
    dataChecks,
    figures: [...taskPart.figures, ...curveFigures, ...slices.figures],
    definitions: Object.fromEntries(metricsOf(scores.task).map((m) => [m.name, m.definition])),
    bootstrap: settings.bootstrap,
  }
}

function bestEpochCaption(epoch: number | null, by: 'val_loss' | 'train_loss' | null): string {
  if (epoch === null) return 'Loss per epoch on the train and validation splits.'
  if (by === 'train_loss') {
    return `Loss per epoch. Lowest training loss at epoch ${epoch}; without a validation split the run keeps the last epoch's weights.`
  }
  return `Loss per epoch on the train and validation splits. Lowest validation loss at epoch ${epoch}: early stopping restores that epoch's weights, so the run's model is that epoch's.`
}
