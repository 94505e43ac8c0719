// A regressor's error along the target: the test rows ranked by their true value and cut into ten
// groups of (nearly) equal size, each with its range, mean absolute error and mean residual (bias), so
// a model that is good on average but poor for the cheapest or the dearest tenth shows it.
import type { RegressionScores } from './scored-rows'

export interface DecileError {
  decile: number
  /** The smallest and largest true value in the decile. */
  from: number
  to: number
  count: number
  mae: number
  /** Mean of actual - predicted: positive when the model predicts too low there. */
  bias: number
}

export function errorByDecile(scores: RegressionScores, groups = 10): DecileError[] {
  const n = scores.truth.length
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (scores.truth[a] as number) - (scores.truth[b] as number),
  )
  const result: DecileError[] = []
  for (let d = 0; d < groups; d++) {
    const rows = order.slice(Math.floor((d * n) / groups), Math.floor(((d + 1) * n) / groups))
    if (rows.length === 0) continue
    let absolute = 0
    let signed = 0
    for (const row of rows) {
      const residual = (scores.truth[row] as number) - (scores.predicted[row] as number)
      absolute += Math.abs(residual)
      signed += residual
    }
    result.push({
      decile: d + 1,
      from: scores.truth[rows[0] as number] as number,
      to: scores.truth[rows[rows.length - 1] as number] as number,
      count: rows.length,
      mae: absolute / rows.length,
      bias: signed / rows.length,
    })
  }
  return result
}
