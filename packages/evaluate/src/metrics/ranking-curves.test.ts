import { createSeededRandom } from '@sagepack/core-data'
import { describe, expect, it } from 'vitest'
import {
  averagePrecision,
  precisionRecallPoints,
  rankingAreas,
  rocAuc,
  rocPoints,
  sweep,
} from './ranking-curves'
import { rankingOrder } from './ranking-order'
import { classScores } from './scored-rows'

/** Two classes; `p` is each row's probability of the second. */
const binary = (truth: number[], p: number[]) =>
  classScores(['no', 'yes'], Int32Array.from(truth), Float64Array.from(p.flatMap((q) => [1 - q, q])))

describe('ROC AUC and average precision of one class against the rest', () => {
  it('scores a hand-worked ranking with a tie: AUC counts a tied pair as half', () => {
    // Positives at 0.9, 0.6 (tied with a negative) and 0.2; negatives at 0.6, 0.4, 0.1.
    const scores = binary([1, 1, 0, 0, 1, 0], [0.9, 0.6, 0.6, 0.4, 0.2, 0.1])
    const curve = sweep(rankingOrder(scores, 1))
    // Pairs (pos, neg) ranked right: 0.9 beats 3, 0.6 beats 2 and ties 1, 0.2 beats 1 -> 6.5 of 9.
    expect(rocAuc(curve)).toBeCloseTo(6.5 / 9, 15)
    // Thresholds 0.9 (P 1, R 1/3), 0.6 (P 2/3, R 2/3), 0.4 (no recall step), 0.2 (P 3/5, R 1).
    expect(averagePrecision(curve)).toBeCloseTo((1 / 3) * 1 + (1 / 3) * (2 / 3) + (1 / 3) * (3 / 5), 15)
    expect(precisionRecallPoints(curve).map((p) => [p.recall, p.precision])).toEqual([
      [1 / 3, 1],
      [2 / 3, 2 / 3],
      [2 / 3, 1 / 2],
      [1, 3 / 5],
      [1, 1 / 2],
    ])
  })

  it('is 1 for a perfect ranking, 0.5 for one constant score, and undefined without both classes', () => {
    expect(rocAuc(sweep(rankingOrder(binary([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9]), 1)))).toBe(1)
    expect(rocAuc(sweep(rankingOrder(binary([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5]), 1)))).toBe(0.5)
    expect(averagePrecision(sweep(rankingOrder(binary([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5]), 1)))).toBe(0.5)
    expect(rocAuc(sweep(rankingOrder(binary([1, 1], [0.2, 0.9]), 1)))).toBeNull()
    expect(averagePrecision(sweep(rankingOrder(binary([0, 0], [0.2, 0.9]), 1)))).toBeNull()
  })

  it('weighs rows as if repeated, and leaves weight-0 rows out', () => {
    const scores = binary([1, 0, 1, 0, 0], [0.8, 0.7, 0.4, 0.3, 0.35])
    const repeated = binary([1, 1, 0, 1, 0, 0], [0.8, 0.8, 0.7, 0.4, 0.3, 0.35])
    const order = rankingOrder(scores, 1)
    expect(rocAuc(sweep(order, [2, 1, 1, 1, 1]))).toBeCloseTo(
      rocAuc(sweep(rankingOrder(repeated, 1))) as number,
      15,
    )
    expect(averagePrecision(sweep(order, [2, 1, 1, 1, 1]))).toBeCloseTo(
      averagePrecision(sweep(rankingOrder(repeated, 1))) as number,
      15,
    )
    const withoutLast = binary([1, 0, 1, 0], [0.8, 0.7, 0.4, 0.3])
    expect(rocAuc(sweep(order, [1, 1, 1, 1, 0]))).toBe(rocAuc(sweep(rankingOrder(withoutLast, 1))))
  })

  it('keeps only the corners of the ROC curve, from (0, 0)', () => {
    // Three negatives in a row below two positives: the middle negatives are collinear points.
    const curve = sweep(rankingOrder(binary([1, 1, 0, 0, 0], [0.9, 0.8, 0.5, 0.4, 0.3]), 1))
    expect(rocPoints(curve).map((p) => [p.fpr, p.tpr])).toEqual([
      [0, 0],
      [0, 0.5],
      [0, 1],
      [1, 1],
    ])
  })

  it('gives the same areas in one pass as from the curves, for any weights', () => {
    const random = createSeededRandom(9)
    const truth = Array.from({ length: 200 }, () => (random() < 0.3 ? 1 : 0))
    const scores = binary(
      truth,
      truth.map((t) => Math.round((random() * 0.7 + t * 0.3) * 20) / 20),
    )
    const order = rankingOrder(scores, 1)
    for (let trial = 0; trial < 20; trial++) {
      const weights = trial === 0 ? undefined : Array.from({ length: 200 }, () => Math.floor(random() * 3))
      const curve = sweep(order, weights)
      const areas = rankingAreas(order, weights)
      expect(areas.auc).toBeCloseTo(rocAuc(curve) as number, 12)
      expect(areas.ap).toBeCloseTo(averagePrecision(curve) as number, 12)
    }
    expect(rankingAreas(order, new Array(200).fill(0))).toEqual({ auc: null, ap: null })
  })
})
