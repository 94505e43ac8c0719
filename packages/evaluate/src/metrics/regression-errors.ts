// Regression errors as scikit-learn defines them (mean_absolute_error, root of mean_squared_error,
// r2_score with force_finite), over weighted rows.
import { type RegressionScores, type RowWeights, weightOf } from './scored-rows'

export interface RegressionErrors {
  rmse: number
  mae: number
  r2: number
}

export function regressionErrors(scores: RegressionScores, weights?: RowWeights): RegressionErrors {
  let total = 0
  let absolute = 0
  let squared = 0
  let truthSum = 0
  for (let row = 0; row < scores.truth.length; row++) {
    const w = weightOf(weights, row)
    if (w === 0) continue
    const error = (scores.truth[row] as number) - (scores.predicted[row] as number)
    total += w
    absolute += w * Math.abs(error)
    squared += w * error * error
    truthSum += w * (scores.truth[row] as number)
  }
  if (total === 0) return { rmse: Number.NaN, mae: Number.NaN, r2: Number.NaN }
  const mean = truthSum / total
  let spread = 0
  for (let row = 0; row < scores.truth.length; row++) {
    const w = weightOf(weights, row)
    if (w !== 0) spread += w * ((scores.truth[row] as number) - mean) ** 2
  }
  // force_finite: a constant target scores 1 when predicted exactly, else 0, instead of NaN or -Infinity.
  const r2 = spread === 0 ? (squared === 0 ? 1 : 0) : 1 - squared / spread
  return { rmse: Math.sqrt(squared / total), mae: absolute / total, r2 }
}

/** actual - predicted per row: positive when the model predicts too low. */
export function residuals(scores: RegressionScores): Float64Array {
  return scores.truth.map((truth, row) => truth - (scores.predicted[row] as number))
}
