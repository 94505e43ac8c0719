import { createSeededRandom } from '@sagepack/core-data'
import { describe, expect, it } from 'vitest'
import { headlineScorer } from './headline-scorer'
import { metricsOf } from './metric-catalog'
import { classScores } from './scored-rows'

describe('the headline scorer', () => {
  const random = createSeededRandom(4)
  const truth = Int32Array.from({ length: 90 }, () => Math.floor(random() * 3))
  const probabilities = Float64Array.from({ length: 270 }, () => random())
  const scorer = headlineScorer(classScores(['a', 'b', 'c'], truth, probabilities))

  it("scores every metric of the catalog, in the catalog's order", () => {
    expect(Object.keys(scorer.score())).toEqual(metricsOf('classification').map((m) => m.name))
  })

  it('scores one metric alone exactly as among all of them, for any weights', () => {
    const weights = Array.from({ length: 90 }, () => Math.floor(random() * 3))
    const all = scorer.score(weights)
    for (const name of scorer.names) expect(scorer.scoreOne(name, weights), name).toBe(all[name])
  })
})
