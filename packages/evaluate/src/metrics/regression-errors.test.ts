import { describe, expect, it } from 'vitest'
import { errorByDecile } from './error-by-decile'
import { histogram } from './histogram'
import { regressionErrors, residuals } from './regression-errors'

const scores = {
  task: 'regression' as const,
  truth: Float64Array.from([3, 5, 7, 9]),
  predicted: Float64Array.from([4, 5, 5, 9]),
}

describe('regression errors', () => {
  it('RMSE, MAE and R2 of a hand-worked example, and residuals as actual - predicted', () => {
    // Errors -1, 0, 2, 0; mean 6, total sum of squares 20.
    expect(regressionErrors(scores)).toEqual({ rmse: Math.sqrt(5 / 4), mae: 3 / 4, r2: 1 - 5 / 20 })
    expect(Array.from(residuals(scores))).toEqual([-1, 0, 2, 0])
  })

  it('scores a constant target 1 when exact and 0 otherwise (sklearn force_finite)', () => {
    const constant = {
      task: 'regression' as const,
      truth: Float64Array.from([2, 2]),
      predicted: Float64Array.from([2, 3]),
    }
    expect(regressionErrors(constant).r2).toBe(0)
    expect(regressionErrors(constant, [1, 0]).r2).toBe(1)
  })

  it('cuts the rows ranked by truth into tenths with their MAE and bias', () => {
    const deciles = errorByDecile(scores, 2)
    expect(deciles).toEqual([
      { decile: 1, from: 3, to: 5, count: 2, mae: 0.5, bias: -0.5 },
      { decile: 2, from: 7, to: 9, count: 2, mae: 1, bias: 1 },
    ])
  })

  it('bins values into equal-width bins whose counts add up', () => {
    const bins = histogram([0, 1, 2, 3, 4, 10], 5)
    expect(bins.map((b) => b.count)).toEqual([2, 2, 1, 0, 1])
    expect(bins[0]).toEqual({ lower: 0, upper: 2, count: 2 })
    expect(bins.at(-1)?.upper).toBe(10)
    // As numpy.histogram: bins are [0, 0.5) and [0.5, 1], the last one closed.
    expect(histogram([0.5, 1, 0.25], 2, [0, 1]).map((b) => b.count)).toEqual([1, 2])
  })
})
