// One class's scores sorted once, highest first, and cut into groups of equal score: the thresholds of
// its ROC and precision-recall curves. Sorting is the costly part, and it does not depend on the row
// weights, so a bootstrap resample or a slice reuses it and only re-sums the weights.
import type { ClassScores } from './scored-rows'

export interface RankingOrder {
  /** Row indices by descending score. */
  rows: Int32Array
  /** Start index (into `rows`) of each group of equal score, plus `rows.length` at the end. */
  groupStarts: Int32Array
  /** The score of each group: the curve's thresholds, descending. */
  thresholds: Float64Array
  /** 1 when the row's true class is the positive class. */
  positive: Uint8Array
}

export function rankingOrder(scores: ClassScores, positiveClass: number): RankingOrder {
  const k = scores.classes.length
  const n = scores.truth.length
  const score = (row: number) => scores.probabilities[row * k + positiveClass] as number
  const rows = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => score(b) - score(a))
  const starts: number[] = []
  const thresholds: number[] = []
  for (let i = 0; i < n; i++) {
    const value = score(rows[i] as number)
    if (i === 0 || value !== thresholds[thresholds.length - 1]) {
      starts.push(i)
      thresholds.push(value)
    }
  }
  starts.push(n)
  const positive = new Uint8Array(n)
  for (let row = 0; row < n; row++) positive[row] = scores.truth[row] === positiveClass ? 1 : 0
  return {
    rows,
    groupStarts: Int32Array.from(starts),
    thresholds: Float64Array.from(thresholds),
    positive,
  }
}
