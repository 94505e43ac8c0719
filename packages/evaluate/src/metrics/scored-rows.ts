// What a split's predictions become once read: the truth and the model's answer per row, in arrays the
// metrics loop over. Every metric takes optional per-row weights (bootstrap counts, or 0/1 for a
// slice), so one implementation scores the whole split, a resample and a slice alike.

export interface ClassScores {
  task: 'classification'
  /** Class names in the model's output order. */
  classes: readonly string[]
  /** True class index per row. */
  truth: Int32Array
  /** Row-major n x k class probabilities. */
  probabilities: Float64Array
  /** Predicted class per row: the first highest probability, as the model's argmax. */
  predicted: Int32Array
}

export interface RegressionScores {
  task: 'regression'
  truth: Float64Array
  predicted: Float64Array
}

export type Scores = ClassScores | RegressionScores

/** Per-row weights; rows with weight 0 are left out. `undefined` weighs every row 1. */
export type RowWeights = ArrayLike<number> | undefined

export function weightOf(weights: RowWeights, row: number): number {
  return weights === undefined ? 1 : (weights[row] as number)
}

/** Builds classification scores, taking the predicted class as each row's first highest probability. */
export function classScores(
  classes: readonly string[],
  truth: Int32Array,
  probabilities: Float64Array,
): ClassScores {
  const k = classes.length
  const n = truth.length
  if (probabilities.length !== n * k) {
    throw new RangeError(
      `classScores: ${n} rows x ${k} classes need ${n * k} probabilities, got ${probabilities.length}`,
    )
  }
  const predicted = new Int32Array(n)
  for (let row = 0; row < n; row++) {
    let best = 0
    for (let c = 1; c < k; c++) {
      if ((probabilities[row * k + c] as number) > (probabilities[row * k + best] as number)) best = c
    }
    predicted[row] = best
  }
  return { task: 'classification', classes, truth, probabilities, predicted }
}
