// Behavioural tests on a model trained by the real local pipeline: flowers whose species is not in
// doubt, small measurement noise, and the direction petal size pushes the prediction.
import { predictRows, type TrainedModel } from '@sagepack/core-train'
import { type ModelTrainedForTest, trainModelForTest } from '@sagepack/core-train/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { IRIS_SPECIES } from '../train/iris-schema'

let run: ModelTrainedForTest
let trained: TrainedModel

beforeAll(async () => {
  run = await trainModelForTest({ model: 'iris' })
  trained = run.trained
}, 120_000)
afterAll(() => run?.dispose())

const flower = (sepal_length: number, sepal_width: number, petal_length: number, petal_width: number) => ({
  sepal_length,
  sepal_width,
  petal_length,
  petal_width,
})

/** predictRows, holding the model to what every behaviour below needs first: one answer per row. */
function predictEach(rows: Array<Record<string, unknown>>): number[][] {
  const predictions = predictRows(trained, rows)
  expect(predictions, 'one prediction per row').toHaveLength(rows.length)
  return predictions
}

function predicted(rows: Array<Record<string, unknown>>) {
  return predictEach(rows).map((p) => {
    const best = p.indexOf(Math.max(...p))
    return { species: IRIS_SPECIES[best], confidence: p[best] as number, probabilities: p }
  })
}

describe('the trained iris model', () => {
  it('names textbook flowers of each species with confidence', () => {
    const cases = [
      { row: flower(5.0, 3.4, 1.5, 0.2), species: 'setosa' },
      { row: flower(4.7, 3.2, 1.3, 0.2), species: 'setosa' },
      { row: flower(5.9, 2.8, 4.3, 1.3), species: 'versicolor' },
      { row: flower(5.7, 2.9, 4.2, 1.3), species: 'versicolor' },
      { row: flower(7.2, 3.2, 6.0, 1.8), species: 'virginica' },
      { row: flower(6.7, 3.1, 5.6, 2.4), species: 'virginica' },
    ]
    const results = predicted(cases.map((c) => c.row))
    results.forEach((result, i) => {
      expect(result.species, JSON.stringify(cases[i])).toBe(cases[i]?.species)
      expect(result.confidence).toBeGreaterThan(0.8)
    })
    expect(new Set(results.map((result) => result.species))).toEqual(new Set(IRIS_SPECIES))
  })

  it('accepts measurements as CSV strings the same as numbers (one preprocessing path)', () => {
    const asNumbers = predictEach([flower(6.3, 2.5, 5.0, 1.9)])
    const asStrings = predictEach([
      { sepal_length: '6.3', sepal_width: '2.5', petal_length: '5.0', petal_width: '1.9' },
    ])
    expect(asStrings).toEqual(asNumbers)
  })

  it('does not change its answer for measurement noise of half a millimetre', () => {
    const base = flower(5.0, 3.4, 1.5, 0.2)
    const noisy = [-0.05, 0.05].flatMap((d) =>
      Object.keys(base).map((key) => ({ ...base, [key]: base[key as keyof typeof base] + d })),
    )
    expect(new Set(predicted(noisy).map((r) => r.species))).toEqual(new Set(['setosa']))
  })

  it('moves towards virginica as petals grow', () => {
    const growing = [3.5, 4.5, 5.5, 6.5].map((length) => flower(6.3, 2.8, length, length / 2.8))
    const virginica = predicted(growing).map((r) => r.probabilities[2] as number)
    for (let i = 1; i < virginica.length; i++) {
      expect(virginica[i]).toBeGreaterThanOrEqual(virginica[i - 1] as number)
    }
    expect(virginica[0]).toBeLessThan(0.5)
    expect(virginica.at(-1)).toBeGreaterThan(0.5)
  })
})
