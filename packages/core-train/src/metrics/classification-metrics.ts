// Classification metrics on plain arrays, defined as scikit-learn defines them so numbers in reports
// can be compared with a Python baseline.

export interface ClassMetrics {
  precision: number
  recall: number
  f1: number
  /** Rows whose true class is this one. */
  support: number
}

export interface ClassificationMetrics {
  accuracy: number
  precision_macro: number
  recall_macro: number
  f1_macro: number
  log_loss: number
  /** rows = true class, columns = predicted class. */
  confusion_matrix: number[][]
  /** Keyed by class name (or index as a string when no names are given). */
  per_class: Record<string, ClassMetrics>
}

/** sklearn's log_loss clipping: a confident wrong answer costs -ln(1e-15) ≈ 34.5, not Infinity. */
const EPSILON = 1e-15

/**
 * @param trueIdx true class index per row, in [0, k)
 * @param probabilities row-major n × k class probabilities; the predicted class is the first argmax
 *
 * Like sklearn with zero_division=0: a class that is never predicted has precision 0, and one with no
 * rows has recall 0. Like sklearn's default `labels`, macro averages take the classes that occur in the
 * true or the predicted labels, so a class absent from both does not pull the averages down.
 */
export function classificationMetrics(
  trueIdx: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  k: number,
  classNames?: string[],
): ClassificationMetrics {
  const n = trueIdx.length
  checkShapes(n, probabilities.length, k, classNames)
  const confusion = Array.from({ length: k }, () => new Array<number>(k).fill(0))
  let correct = 0
  let logLossSum = 0
  for (let row = 0; row < n; row++) {
    const truth = trueIdx[row] as number
    if (!Number.isInteger(truth) || truth < 0 || truth >= k) {
      throw new RangeError(
        `classificationMetrics: true class ${truth} at row ${row} is not an integer in [0, ${k})`,
      )
    }
    const predicted = argmaxOfRow(probabilities, row, k)
    const counts = confusion[truth] as number[]
    counts[predicted] = (counts[predicted] ?? 0) + 1
    if (predicted === truth) correct++
    const p = probabilities[row * k + truth] as number
    logLossSum -= Math.log(Math.min(Math.max(p, EPSILON), 1 - EPSILON))
  }

  const perClass: Record<string, ClassMetrics> = {}
  const averaged: ClassMetrics[] = []
  for (let c = 0; c < k; c++) {
    const tp = cell(confusion, c, c)
    const support = sum(confusion[c] ?? [])
    const predictedCount = confusion.reduce((total, row) => total + (row[c] ?? 0), 0)
    const precision = predictedCount === 0 ? 0 : tp / predictedCount
    const recall = support === 0 ? 0 : tp / support
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
    const metrics = { precision, recall, f1, support }
    perClass[classNames?.[c] ?? String(c)] = metrics
    if (support > 0 || predictedCount > 0) averaged.push(metrics)
  }
  return {
    accuracy: correct / n,
    precision_macro: mean(averaged.map((m) => m.precision)),
    recall_macro: mean(averaged.map((m) => m.recall)),
    f1_macro: mean(averaged.map((m) => m.f1)),
    log_loss: logLossSum / n,
    confusion_matrix: confusion,
    per_class: perClass,
  }
}

function checkShapes(n: number, probabilityCount: number, k: number, classNames: string[] | undefined): void {
  if (!Number.isInteger(k) || k < 1)
    throw new RangeError(`classificationMetrics: k must be a positive integer, got ${k}`)
  if (n === 0) throw new RangeError('classificationMetrics: no rows to score')
  if (probabilityCount !== n * k) {
    throw new RangeError(
      `classificationMetrics: ${n} labels and k=${k} need ${n * k} probabilities (row-major n × k), got ${probabilityCount}`,
    )
  }
  if (classNames !== undefined && classNames.length !== k) {
    throw new RangeError(`classificationMetrics: ${classNames.length} class names for k=${k} classes`)
  }
}

function argmaxOfRow(values: ArrayLike<number>, row: number, k: number): number {
  let best = 0
  let bestValue = values[row * k] as number
  for (let c = 1; c < k; c++) {
    const value = values[row * k + c] as number
    if (value > bestValue) {
      best = c
      bestValue = value
    }
  }
  return best
}

function cell(matrix: number[][], row: number, column: number): number {
  return matrix[row]?.[column] ?? 0
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0)
}

function mean(values: number[]): number {
  return values.length === 0 ? 0 : sum(values) / values.length
}
