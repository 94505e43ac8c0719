// Regression metrics on plain arrays, matching scikit-learn's mean_absolute_error, root mean squared
// error and r2_score.

export interface RegressionMetrics {
  mae: number
  rmse: number
  r2: number
}

export function regressionMetrics(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): RegressionMetrics {
  const n = yTrue.length
  if (n === 0) throw new RangeError('regressionMetrics: no rows to score')
  if (yPred.length !== n) {
    throw new RangeError(`regressionMetrics: ${n} true values but ${yPred.length} predictions`)
  }
  let absSum = 0
  let squaredSum = 0
  let trueSum = 0
  for (let i = 0; i < n; i++) {
    const error = (yTrue[i] as number) - (yPred[i] as number)
    absSum += Math.abs(error)
    squaredSum += error * error
    trueSum += yTrue[i] as number
  }
  const trueMean = trueSum / n
  let totalSquares = 0
  for (let i = 0; i < n; i++) totalSquares += ((yTrue[i] as number) - trueMean) ** 2
  return { mae: absSum / n, rmse: Math.sqrt(squaredSum / n), r2: rSquared(squaredSum, totalSquares) }
}

/** sklearn's force_finite: a constant target scores 1 when predicted exactly, else 0, instead of NaN/-Inf. */
function rSquared(residualSquares: number, totalSquares: number): number {
  if (totalSquares === 0) return residualSquares === 0 ? 1 : 0
  return 1 - residualSquares / totalSquares
}
