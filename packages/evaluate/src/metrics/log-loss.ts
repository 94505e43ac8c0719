// Log loss as scikit-learn 1.2 computes it: each probability clipped to [eps, 1 - eps] with eps the
// float64 machine epsilon, each row renormalised to sum to 1, then the mean of -ln p(true class).
import { type ClassScores, type RowWeights, weightOf } from './scored-rows'

const EPS = Number.EPSILON

export function logLoss(scores: ClassScores, weights?: RowWeights): number {
  const k = scores.classes.length
  const p = scores.probabilities
  let loss = 0
  let total = 0
  for (let row = 0; row < scores.truth.length; row++) {
    const w = weightOf(weights, row)
    if (w === 0) continue
    let sum = 0
    for (let c = 0; c < k; c++) sum += clip(p[row * k + c] as number)
    const truth = clip(p[row * k + (scores.truth[row] as number)] as number)
    loss -= w * Math.log(truth / sum)
    total += w
  }
  return total === 0 ? Number.NaN : loss / total
}

function clip(value: number): number {
  return Math.min(Math.max(value, EPS), 1 - EPS)
}
