// Scores the headline metrics of a task for any row weights. The per-class sort orders are made once,
// so scoring a bootstrap resample or a slice costs one pass over the rows.

import { calibration } from './calibration-bins'
import { accuracyOf, confusionMatrix, macroAverages } from './class-counts'
import { logLoss } from './log-loss'
import { metricsOf } from './metric-catalog'
import { averagePrecision, rocAuc, sweep } from './ranking-curves'
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
}

/** The classes scored one-vs-rest for the AUCs: the second of two classes, else every class. */
export function rankedClasses(scores: ClassScores): number[] {
  const k = scores.classes.length
  return k === 2 ? [1] : Array.from({ length: k }, (_, c) => c)
}

export function headlineScorer(scores: Scores): HeadlineScorer {
  const names = metricsOf(scores.task).map((metric) => metric.name)
  if (scores.task === 'regression') {
    return { scores, names, score: (weights) => ({ ...regressionErrors(scores, weights) }) }
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
  return {
    scores,
    names,
    score(weights) {
      const matrix = confusionMatrix(scores, weights)
      const aucs: number[] = []
      const precisions: number[] = []
      for (const c of rankedClasses(scores)) {
        const curve = sweep(orderOf(c), weights)
        const auc = rocAuc(curve)
        const ap = averagePrecision(curve)
        if (auc !== null) aucs.push(auc)
        if (ap !== null) precisions.push(ap)
      }
      const macro = macroAverages(matrix)
      // In the catalog's order, which report.json and release.json keep.
      return {
        accuracy: accuracyOf(matrix),
        f1_macro: macro.f1_macro,
        precision_macro: macro.precision_macro,
        recall_macro: macro.recall_macro,
        log_loss: logLoss(scores, weights),
        roc_auc: meanOrNull(aucs),
        average_precision: meanOrNull(precisions),
        ece: calibration(scores, weights).ece,
      }
    },
  }
}

function meanOrNull(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length
}
