import { describe, expect, it } from 'vitest'
import { headlineScorer } from '../metrics/headline-scorer'
import { classScores } from '../metrics/scored-rows'
import { naiveBaseline } from './naive-baseline'

describe('the naive baseline', () => {
  it("predicts the training split's majority class with its class shares", () => {
    const train = classScores(['a', 'b'], Int32Array.from([1, 1, 1, 0]), new Float64Array(8).fill(0.5))
    const test = classScores(['a', 'b'], Int32Array.from([0, 1]), Float64Array.from([0.9, 0.1, 0.2, 0.8]))
    const baseline = naiveBaseline(test, train)
    expect(baseline.description).toBe(
      'always "b", with the training split\'s class shares as probabilities (75.0% for it)',
    )
    const values = headlineScorer(baseline.scores).score()
    expect(values.accuracy).toBe(0.5)
    expect(values.roc_auc).toBe(0.5)
    expect(values.log_loss).toBeCloseTo(-(Math.log(0.25) + Math.log(0.75)) / 2, 15)
  })

  it("predicts the training split's mean for a regressor", () => {
    const train = {
      task: 'regression' as const,
      truth: Float64Array.from([10, 20, 30]),
      predicted: new Float64Array(3),
    }
    const test = {
      task: 'regression' as const,
      truth: Float64Array.from([15, 25]),
      predicted: Float64Array.from([14, 26]),
    }
    const baseline = naiveBaseline(test, train)
    expect(Array.from(baseline.scores.truth)).toEqual([15, 25])
    expect(Array.from((baseline.scores as typeof test).predicted)).toEqual([20, 20])
    expect(headlineScorer(baseline.scores).score().mae).toBe(5)
  })
})
