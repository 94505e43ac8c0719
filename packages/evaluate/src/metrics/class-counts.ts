// The confusion matrix and what follows from it alone: accuracy and per-class precision, recall and F1,
// defined as scikit-learn defines them (zero_division=0; macro means over the classes that occur in
// the truth or the predictions).
import { type ClassScores, type RowWeights, weightOf } from './scored-rows'

export interface ClassReport {
  precision: number
  recall: number
  f1: number
  /** Weighted count of rows whose true class this is. */
  support: number
}

/** rows = true class, columns = predicted class; cells are weighted counts. */
export function confusionMatrix(scores: ClassScores, weights?: RowWeights): number[][] {
  const k = scores.classes.length
  const matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0))
  for (let row = 0; row < scores.truth.length; row++) {
    const w = weightOf(weights, row)
    if (w === 0) continue
    const cells = matrix[scores.truth[row] as number] as number[]
    const predicted = scores.predicted[row] as number
    cells[predicted] = (cells[predicted] as number) + w
  }
  return matrix
}

/** Each row divided by its total (a class without rows stays all zeros). */
export function rowNormalised(matrix: readonly (readonly number[])[]): number[][] {
  return matrix.map((cells) => {
    const total = cells.reduce((a, b) => a + b, 0)
    return cells.map((cell) => (total === 0 ? 0 : cell / total))
  })
}

export function accuracyOf(matrix: readonly (readonly number[])[]): number {
  let correct = 0
  let total = 0
  matrix.forEach((cells, truth) => {
    cells.forEach((cell, predicted) => {
      total += cell
      if (truth === predicted) correct += cell
    })
  })
  return total === 0 ? Number.NaN : correct / total
}

export function classReports(matrix: readonly (readonly number[])[]): ClassReport[] {
  return matrix.map((cells, c) => {
    const tp = cells[c] as number
    const support = cells.reduce((a, b) => a + b, 0)
    const predicted = matrix.reduce((total, row) => total + (row[c] as number), 0)
    const precision = predicted === 0 ? 0 : tp / predicted
    const recall = support === 0 ? 0 : tp / support
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
    return { precision, recall, f1, support }
  })
}

export interface MacroAverages {
  precision_macro: number
  recall_macro: number
  f1_macro: number
}

/** Means over the classes that occur in the truth or the predictions (sklearn's default labels). */
export function macroAverages(matrix: readonly (readonly number[])[]): MacroAverages {
  const reports = classReports(matrix)
  const present = reports.filter((_, c) => {
    const predicted = matrix.reduce((total, row) => total + (row[c] as number), 0)
    return (reports[c] as ClassReport).support > 0 || predicted > 0
  })
  const mean = (pick: (r: ClassReport) => number) =>
    present.length === 0 ? Number.NaN : present.reduce((total, r) => total + pick(r), 0) / present.length
  return {
    precision_macro: mean((r) => r.precision),
    recall_macro: mean((r) => r.recall),
    f1_macro: mean((r) => r.f1),
  }
}
