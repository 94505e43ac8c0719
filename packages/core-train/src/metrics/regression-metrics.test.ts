import { describe, expect, it } from 'vitest'
import { regressionMetrics } from './regression-metrics'

describe('regressionMetrics', () => {
  it("matches sklearn's documented example", () => {
    // sklearn docs: mean_absolute_error = 0.5, mean_squared_error = 0.375, r2_score = 0.948...
    const m = regressionMetrics([3, -0.5, 2, 7], [2.5, 0.0, 2, 8])
    expect(m.mae).toBeCloseTo(0.5, 12)
    expect(m.rmse).toBeCloseTo(Math.sqrt(0.375), 12)
    expect(m.r2).toBeCloseTo(0.9486081370449679, 12)
  })

  it('scores a constant target like sklearn (1 when exact, else 0)', () => {
    expect(regressionMetrics([2, 2], [2, 2]).r2).toBe(1)
    expect(regressionMetrics([2, 2], [1, 3]).r2).toBe(0)
  })

  it('rejects mismatched or empty inputs', () => {
    expect(() => regressionMetrics([1, 2], [1])).toThrow(/2 true values but 1 predictions/)
    expect(() => regressionMetrics([], [])).toThrow(/no rows/)
  })
})
