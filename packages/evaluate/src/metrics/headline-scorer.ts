// Scores the headline metrics of a task for any row weights. The per-class sort orders are made once,
// so scoring a bootstrap resample or a slice costs one pass over the rows.

import { calibration } from './calibration-bins'
import { accuracyOf, confusionMatrix, macroAverages } from './class-counts'
import { logLoss } from './log-loss'
import { metricsOf } from './metric-catalog'
import { rankingAreas } from './ranking-curves'
import { type RankingOrder, rankingOrder } from './ranking-order'
import { regressionErrors } from './regression-errors'
import type { ClassScores, RowWeights, Scores } from './scored-rows'

/** Metric name to value; null where the rows cannot define it (an AUC without both classes). */
export type MetricValues = Record<string, number | null>

export interface HeadlineScorer {
  readonly scores: Scores
  /** The metric names, in the catalog's order. */
  readonly names: readonly string[]
  score(weights?: RowWeights): MetricValues
  /** One metric alone: what a slice's bootstrap needs, at a fraction of the cost of all of them. */
  scoreOne(name: string, weights?: RowWeights): number | null
}

/** The classes scored one-vs-rest for the AUCs: the second of two classes, else every class. */
export function rankedClasses(scores: ClassScores): number[] {
  const k = scores.classes.length
  return k === 2 ? [1] : Array.from({ length: k }, (_, c) => c)
}

export function headlineScorer(scores: Scores): HeadlineScorer {
  const names = metricsOf(scores.task).map((metric) => metric.name)
  if (scores.task === 'regression') {
    const score = (weights?: RowWeights) => ({ ...regressionErrors(scores, weights) })
    return { scores, names, score, scoreOne: (name, weights) => score(weights)[name as 'mae'] ?? null }
  }
  const orders = new Map<number, RankingOrder>()
  const orderOf = (c: number) => {
    let order = orders.get(c)
    if (!order) {
      order = rankingOrder(scores, c)
      orders.set(c, order)
    }
    return order
  }
  const ranking = (weights: RowWeights) => {
    const aucs: number[] = []
    const precisions: number[] = []
    for (const c of rankedClasses(scores)) {
      const { auc, ap } = rankingAreas(orderOf(c), weights)
      if (auc !== null) aucs.push(auc)
      if (ap !== null) precisions.push(ap)
    }
    return { roc_auc: meanOrNull(aucs), average_precision: meanOrNull(precisions) }
  }
  const counted = (weights: RowWeights) => {
    const matrix = confusionMatrix(scores, weights)
    return { accuracy: accuracyOf(matrix), ...macroAverages(matrix) }
  }
  return {
    scores,
    names,
    score(weights) {
      const counts = counted(weights)
      const ranks = ranking(weights)
      // In the catalog's order, which report.json and release.json keep.
      return {
        accuracy: counts.accuracy,
        f1_macro: counts.f1_macro,
        precision_macro: counts.precision_macro,
        recall_macro: counts.recall_macro,
        log_loss: logLoss(scores, weights),
        roc_auc: ranks.roc_auc,
        average_precision: ranks.average_precision,
        ece: calibration(scores, weights).ece,
      }
    },
    scoreOne(name, weights) {
      if (name === 'log_loss') return logLoss(scores, weights)
      if (name === 'ece') return calibration(scores, weights).ece
      if (name === 'roc_auc' || name === 'average_precision') return ranking(weights)[name]
      return counted(weights)[name as 'accuracy'] ?? null
    },
  }
}

function meanOrNull(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length
}
