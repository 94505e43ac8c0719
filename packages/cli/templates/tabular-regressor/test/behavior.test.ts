// Behavioural tests on a model trained by the real local pipeline with the default config: typical
// deliveries predicted close to their true time, what the inputs' types must not change, and the
// direction each feature pushes the prediction. They hold for any data with the same meaning.
import { predictRows, type TrainedModel } from '@sagepack/core-train'
import { type ModelTrainedForTest, trainModelForTest } from '@sagepack/core-train/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectedMinutes } from '../data/delivery-times-csv'

let run: ModelTrainedForTest
let trained: TrainedModel
let testMetrics: { mae: number; r2: number }

beforeAll(async () => {
  run = await trainModelForTest({ model: '__MODEL_NAME__' })
  trained = run.trained
  testMetrics = run.metrics.test as typeof testMetrics
}, 120_000)
afterAll(() => run?.dispose())

const delivery = (distance_km: number, items: number, prep_minutes: number, weather: string) => ({
  distance_km,
  items,
  prep_minutes,
  weather,
})
/** predictRows, holding the model to what every behaviour below needs first: one answer per row. */
function predictEach(rows: Array<Record<string, unknown>>): number[][] {
  const predictions = predictRows(trained, rows)
  expect(predictions, 'one prediction per row').toHaveLength(rows.length)
  return predictions
}
const minutes = (rows: Array<Record<string, unknown>>) => predictEach(rows).map((p) => p[0] as number)

describe('the trained model', () => {
  it('explains most of the variation on the held-out test rows', () => {
    expect(testMetrics.r2).toBeGreaterThan(0.8)
    expect(testMetrics.mae).toBeLessThan(5)
  })

  it('predicts typical deliveries within a few minutes of their true time', () => {
    const cases = [
      delivery(2, 1, 10, 'clear'),
      delivery(6, 3, 15, 'clear'),
      delivery(8, 4, 12, 'rain'),
      delivery(5, 2, 20, 'snow'),
    ]
    minutes(cases).forEach((predicted, i) => {
      const { distance_km, items, prep_minutes, weather } = cases[i] as ReturnType<typeof delivery>
      const truth = expectedMinutes(distance_km, items, prep_minutes, weather)
      expect(Math.abs(predicted - truth), JSON.stringify(cases[i])).toBeLessThan(5)
    })
  })

  it('reads numbers sent as CSV strings the same as numbers (one preprocessing path)', () => {
    const asStrings = { distance_km: '4.2', items: '3', prep_minutes: '12', weather: 'rain' }
    expect(predictEach([asStrings])).toEqual(predictEach([delivery(4.2, 3, 12, 'rain')]))
  })

  it('takes longer the farther the door', () => {
    const times = minutes([1, 3, 5, 7, 9, 11].map((km) => delivery(km, 2, 12, 'clear')))
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThan(times[i - 1] as number)
  })

  it('takes longer in rain, and longer still in snow', () => {
    const [clear, rain, snow] = minutes(
      ['clear', 'rain', 'snow'].map((weather) => delivery(5, 2, 12, weather)),
    )
    expect(rain).toBeGreaterThan(clear as number)
    expect(snow).toBeGreaterThan(rain as number)
  })
})
