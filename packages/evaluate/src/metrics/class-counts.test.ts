import { describe, expect, it } from 'vitest'
import { accuracyOf, classReports, confusionMatrix, macroAverages, rowNormalised } from './class-counts'
import { logLoss } from './log-loss'
import { classScores } from './scored-rows'

const classes = ['a', 'b', 'c']
// Truth a a b b c c; predicted (argmax) a b b b a c.
const scores = classScores(
  classes,
  Int32Array.from([0, 0, 1, 1, 2, 2]),
  Float64Array.from([0.7, 0.2, 0.1, 0.3, 0.6, 0.1, 0.1, 0.8, 0.1, 0.2, 0.5, 0.3, 0.5, 0.1, 0.4, 0, 0, 1]),
)

describe('the confusion matrix and what follows from it', () => {
  it('counts truth by row, prediction by column, and row-normalises each true class', () => {
    const matrix = confusionMatrix(scores)
    expect(matrix).toEqual([
      [1, 1, 0],
      [0, 2, 0],
      [1, 0, 1],
    ])
    expect(rowNormalised(matrix)).toEqual([
      [0.5, 0.5, 0],
      [0, 1, 0],
      [0.5, 0, 0.5],
    ])
    expect(accuracyOf(matrix)).toBe(4 / 6)
  })

  it('gives per-class precision, recall, F1 and support, and their macro means', () => {
    const reports = classReports(confusionMatrix(scores))
    expect(reports[0]).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5, support: 2 })
    expect(reports[1]).toEqual({ precision: 2 / 3, recall: 1, f1: 0.8, support: 2 })
    expect(reports[2]?.f1).toBeCloseTo(2 / 3, 15)
    expect(macroAverages(confusionMatrix(scores)).f1_macro).toBeCloseTo((0.5 + 0.8 + 2 / 3) / 3, 15)
  })

  it('leaves a class out of the macro means when it is neither true nor predicted, and scores 0 for one never predicted', () => {
    const twoOfThree = classScores(
      classes,
      Int32Array.from([0, 1]),
      Float64Array.from([0.9, 0.1, 0, 0.6, 0.4, 0]),
    )
    // Truth a b, predicted a a: b is never predicted (precision 0), c is absent from both.
    expect(macroAverages(confusionMatrix(twoOfThree))).toEqual({
      precision_macro: (0.5 + 0) / 2,
      recall_macro: (1 + 0) / 2,
      f1_macro: (2 / 3 + 0) / 2,
    })
  })

  it('counts weighted rows as repeated ones (a bootstrap resample), weight 0 as absent', () => {
    expect(confusionMatrix(scores, [2, 0, 1, 1, 0, 3])).toEqual([
      [2, 0, 0],
      [0, 2, 0],
      [0, 0, 3],
    ])
  })
})

describe('log loss', () => {
  it('is the mean of -ln p(true class), clipping a 0 to machine epsilon', () => {
    const eps = Number.EPSILON
    // The last row is [0, 0, 1]: clipped to [eps, eps, 1 - eps], renormalised by their sum 1 + eps.
    const expected =
      -(
        Math.log(0.7) +
        Math.log(0.3) +
        Math.log(0.8) +
        Math.log(0.5) +
        Math.log(0.4) +
        Math.log((1 - eps) / (1 + eps))
      ) / 6
    expect(logLoss(scores)).toBeCloseTo(expected, 14)
    const wrongAndSure = classScores(['a', 'b'], Int32Array.from([0]), Float64Array.from([0, 1]))
    expect(logLoss(wrongAndSure)).toBeCloseTo(-Math.log(eps), 10)
  })
})
