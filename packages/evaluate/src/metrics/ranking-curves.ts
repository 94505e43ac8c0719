// ROC and precision-recall curves of one class against the rest, and their areas, as scikit-learn 1.2
// computes them: one point per distinct score (ties move together), ROC AUC by the trapezoidal rule
// from (0, 0), average precision as the sum of precision x recall step (not the trapezoidal area under
// the PR curve, which overstates a curve with few points).
import type { RankingOrder } from './ranking-order'
import { type RowWeights, weightOf } from './scored-rows'

export interface CurveSweep {
  /** Cumulative (weighted) true and false positives after each threshold group. */
  tps: Float64Array
  fps: Float64Array
  thresholds: Float64Array
}

/** sklearn's _binary_clf_curve over the groups that carry weight. */
export function sweep(order: RankingOrder, weights?: RowWeights): CurveSweep {
  const groups = order.thresholds.length
  const tps: number[] = []
  const fps: number[] = []
  const thresholds: number[] = []
  let tp = 0
  let fp = 0
  for (let g = 0; g < groups; g++) {
    let groupWeight = 0
    for (let i = order.groupStarts[g] as number; i < (order.groupStarts[g + 1] as number); i++) {
      const row = order.rows[i] as number
      const w = weightOf(weights, row)
      if (w === 0) continue
      groupWeight += w
      if (order.positive[row]) tp += w
      else fp += w
    }
    if (groupWeight === 0) continue
    tps.push(tp)
    fps.push(fp)
    thresholds.push(order.thresholds[g] as number)
  }
  return {
    tps: Float64Array.from(tps),
    fps: Float64Array.from(fps),
    thresholds: Float64Array.from(thresholds),
  }
}

/** Null when the rows hold no positive or no negative: the area is undefined. */
export function rocAuc(curve: CurveSweep): number | null {
  const last = curve.tps.length - 1
  const positives = curve.tps[last] ?? 0
  const negatives = curve.fps[last] ?? 0
  if (positives === 0 || negatives === 0) return null
  let area = 0
  let previousTp = 0
  let previousFp = 0
  for (let i = 0; i <= last; i++) {
    const tp = curve.tps[i] as number
    const fp = curve.fps[i] as number
    area += ((fp - previousFp) * (tp + previousTp)) / 2
    previousTp = tp
    previousFp = fp
  }
  return area / (positives * negatives)
}

/** Null when the rows hold no positive. */
export function averagePrecision(curve: CurveSweep): number | null {
  const last = curve.tps.length - 1
  const positives = curve.tps[last] ?? 0
  if (positives === 0) return null
  let sum = 0
  let previousRecall = 0
  for (let i = 0; i <= last; i++) {
    const tp = curve.tps[i] as number
    const recall = tp / positives
    if (recall === previousRecall) continue
    sum += (recall - previousRecall) * (tp / (tp + (curve.fps[i] as number)))
    previousRecall = recall
    if (tp === positives) break
  }
  return sum
}

export interface RocPoint {
  fpr: number
  tpr: number
  /** The lowest score counted positive; null for the (0, 0) start, where none is. */
  threshold: number | null
}

/** The ROC curve with sklearn's drop_intermediate: collinear points between corners left out. */
export function rocPoints(curve: CurveSweep): RocPoint[] {
  const last = curve.tps.length - 1
  const positives = curve.tps[last] ?? 0
  const negatives = curve.fps[last] ?? 0
  const points: RocPoint[] = [{ fpr: 0, tpr: 0, threshold: null }]
  for (let i = 0; i <= last; i++) {
    const keep =
      i === 0 ||
      i === last ||
      (curve.fps[i + 1] as number) - 2 * (curve.fps[i] as number) + (curve.fps[i - 1] as number) !== 0 ||
      (curve.tps[i + 1] as number) - 2 * (curve.tps[i] as number) + (curve.tps[i - 1] as number) !== 0
    if (!keep) continue
    points.push({
      fpr: negatives === 0 ? Number.NaN : (curve.fps[i] as number) / negatives,
      tpr: positives === 0 ? Number.NaN : (curve.tps[i] as number) / positives,
      threshold: curve.thresholds[i] as number,
    })
  }
  return points
}

export interface PrPoint {
  recall: number
  precision: number
  threshold: number
}

/** The precision-recall curve by descending threshold: sklearn 1.2's points, which it lists reversed. */
export function precisionRecallPoints(curve: CurveSweep): PrPoint[] {
  const last = curve.tps.length - 1
  const positives = curve.tps[last] ?? 0
  const points: PrPoint[] = []
  for (let i = 0; i <= last; i++) {
    const tp = curve.tps[i] as number
    const predicted = tp + (curve.fps[i] as number)
    points.push({
      recall: positives === 0 ? 1 : tp / positives,
      precision: predicted === 0 ? 0 : tp / predicted,
      threshold: curve.thresholds[i] as number,
    })
  }
  return points
}

/**
 * rocAuc and averagePrecision of the same weighted rows in one pass and no allocation: what a
 * bootstrap resample needs thousands of times. Equal to the two above (ranking-curves.test.ts).
 */
export function rankingAreas(
  order: RankingOrder,
  weights?: RowWeights,
): { auc: number | null; ap: number | null } {
  let positives = 0
  let negatives = 0
  for (let row = 0; row < order.positive.length; row++) {
    const w = weightOf(weights, row)
    if (order.positive[row]) positives += w
    else negatives += w
  }
  let tp = 0
  let fp = 0
  let area = 0
  let ap = 0
  let previousRecall = 0
  for (let g = 0; g < order.thresholds.length; g++) {
    const previousTp = tp
    const previousFp = fp
    for (let i = order.groupStarts[g] as number; i < (order.groupStarts[g + 1] as number); i++) {
      const row = order.rows[i] as number
      const w = weightOf(weights, row)
      if (order.positive[row]) tp += w
      else fp += w
    }
    if (tp === previousTp && fp === previousFp) continue
    area += ((fp - previousFp) * (tp + previousTp)) / 2
    if (positives > 0 && tp > previousTp) {
      const recall = tp / positives
      ap += (recall - previousRecall) * (tp / (tp + fp))
      previousRecall = recall
    }
  }
  return {
    auc: positives === 0 || negatives === 0 ? null : area / (positives * negatives),
    ap: positives === 0 ? null : ap,
  }
}
