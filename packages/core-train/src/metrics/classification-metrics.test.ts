import { describe, expect, it } from 'vitest'
import { classificationMetrics } from './classification-metrics'

/** One-hot-ish probabilities that make `predicted` the argmax of each row. */
function probabilitiesFor(predicted: number[], k: number): number[] {
  return predicted.flatMap((p) => Array.from({ length: k }, (_, c) => (c === p ? 0.8 : 0.2 / (k - 1))))
}

describe('classificationMetrics', () => {
  it('matches a 3-class example worked out by hand, with one class never predicted', () => {
    // true:      0    0    1    1    2    2
    // predicted: 0    1    1    1    0    1      (class 2 is never predicted)
    const probabilities = [
      [0.7, 0.2, 0.1],
      [0.4, 0.5, 0.1],
      [0.2, 0.6, 0.2],
      [0.1, 0.8, 0.1],
      [0.5, 0.3, 0.2],
      [0.3, 0.4, 0.3],
    ].flat()
    const m = classificationMetrics([0, 0, 1, 1, 2, 2], probabilities, 3, [
      'setosa',
      'versicolor',
      'virginica',
    ])
    expect(m.confusion_matrix).toEqual([
      [1, 1, 0],
      [0, 2, 0],
      [1, 1, 0],
    ])
    expect(m.accuracy).toBeCloseTo(3 / 6, 12)
    // class 0: tp 1 of 2 predicted, 1 of 2 true; class 1: tp 2 of 4 predicted, 2 of 2 true; class 2: 0 and 0.
    expect(m.per_class).toEqual({
      setosa: { precision: 0.5, recall: 0.5, f1: 0.5, support: 2 },
      versicolor: { precision: 0.5, recall: 1, f1: expect.closeTo(2 / 3, 12), support: 2 },
      virginica: { precision: 0, recall: 0, f1: 0, support: 2 },
    })
    expect(m.precision_macro).toBeCloseTo((0.5 + 0.5 + 0) / 3, 12)
    expect(m.recall_macro).toBeCloseTo((0.5 + 1 + 0) / 3, 12)
    expect(m.f1_macro).toBeCloseTo((0.5 + 2 / 3 + 0) / 3, 12)
    const trueClassProbabilities = [0.7, 0.4, 0.6, 0.8, 0.2, 0.3]
    expect(m.log_loss).toBeCloseTo(-trueClassProbabilities.reduce((s, p) => s + Math.log(p), 0) / 6, 12)
    expect(m.log_loss).toBeCloseTo(0.803391, 5)
  })

  it("matches sklearn's documented precision/recall/f1 macro example", () => {
    // sklearn docs: y_true=[0,1,2,0,1,2], y_pred=[0,2,1,0,0,1] -> 0.22..., 0.33..., 0.26...
    const m = classificationMetrics([0, 1, 2, 0, 1, 2], probabilitiesFor([0, 2, 1, 0, 0, 1], 3), 3)
    expect(m.precision_macro).toBeCloseTo(0.2222222, 6)
    expect(m.recall_macro).toBeCloseTo(0.3333333, 6)
    expect(m.f1_macro).toBeCloseTo(0.2666667, 6)
    expect(m.accuracy).toBeCloseTo(1 / 3, 12)
    expect(Object.keys(m.per_class)).toEqual(['0', '1', '2'])
  })

  it("matches sklearn's documented log_loss example", () => {
    // log_loss(["spam","ham","ham","spam"], [[.1,.9],[.9,.1],[.8,.2],[.35,.65]]) == 0.21616...
    const m = classificationMetrics([1, 0, 0, 1], [0.1, 0.9, 0.9, 0.1, 0.8, 0.2, 0.35, 0.65], 2)
    expect(m.log_loss).toBeCloseTo(0.21616, 5)
    expect(m.accuracy).toBe(1)
  })

  it('clips probabilities so a confident miss costs -ln(1e-15), not Infinity', () => {
    const m = classificationMetrics([0], [0, 1], 2)
    expect(m.log_loss).toBeCloseTo(-Math.log(1e-15), 9)
    const sure = classificationMetrics([0], [1, 0], 2)
    expect(sure.log_loss).toBeCloseTo(-Math.log(1 - 1e-15), 20)
  })

  it('leaves a class absent from both truth and predictions out of the macro averages', () => {
    const m = classificationMetrics([0, 1], probabilitiesFor([0, 1], 3), 3)
    expect(m.per_class['2']).toEqual({ precision: 0, recall: 0, f1: 0, support: 0 })
    expect(m.precision_macro).toBe(1)
    expect(m.f1_macro).toBe(1)
  })

  it('rejects inconsistent inputs', () => {
    expect(() => classificationMetrics([0, 1], [0.5, 0.5], 2)).toThrow(/need 4 probabilities/)
    expect(() => classificationMetrics([3], [0.5, 0.5], 2)).toThrow(/true class 3 at row 0/)
    expect(() => classificationMetrics([], [], 2)).toThrow(/no rows/)
    expect(() => classificationMetrics([0], [1, 0], 2, ['a'])).toThrow(/1 class names for k=2/)
  })
})
