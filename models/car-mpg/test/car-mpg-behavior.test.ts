// Behavioural tests on a model trained by the real local pipeline with the default config: how well
// it scores the held-out test cars, and the directions that physics and the 1975-1985 fuel economy
// standards push mpg in.
import { predictRows, type TrainedModel } from '@sagepack/core-train'
import { type ModelTrainedForTest, trainModelForTest } from '@sagepack/core-train/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let run: ModelTrainedForTest
let trained: TrainedModel
let metrics: {
  task: string
  test: { mae: number; rmse: number; r2: number }
  onnx: { exported: boolean; maxScaledDiff: number }
}

beforeAll(async () => {
  run = await trainModelForTest({ model: 'car-mpg' })
  trained = run.trained
  metrics = run.metrics as typeof metrics
}, 120_000)
afterAll(() => run?.dispose())

/** A mid-1970s American six-cylinder sedan; each test changes what it is about. */
const car = (changes: Record<string, unknown> = {}) => ({
  cylinders: 6,
  displacement: 225,
  horsepower: 100,
  weight: 3200,
  acceleration: 16,
  year: 1976,
  origin: 'USA',
  ...changes,
})

/** predictRows, holding the model to what every behaviour below needs first: one answer per row. */
function predictEach(rows: Array<Record<string, unknown>>): number[][] {
  const predictions = predictRows(trained, rows)
  expect(predictions, 'one prediction per row').toHaveLength(rows.length)
  return predictions
}

const predicted = (rows: Array<Record<string, unknown>>) => predictEach(rows).map((p) => p[0] as number)

describe('the trained car-mpg model', () => {
  it('scores the 78 held-out test cars within bounds that every one of 31 seeds met', () => {
    // Measured with this config over seeds 1-30 and 42 (each seed its own split): test RMSE 2.09-3.28
    // mpg (mean 2.76), R2 0.82-0.93 (mean 0.87), MAE 1.49-2.26; seed 42 scores 2.52, 0.87, 1.85. So
    // the bounds hold for any seed, while on this split least squares on the same features (RMSE 3.23,
    // R2 0.79), least squares without the model year (3.87, 0.70) and the mean (RMSE 7.3) all fail.
    expect(metrics.task).toBe('regression')
    expect(metrics.test.rmse).toBeLessThan(3.4)
    expect(metrics.test.r2).toBeGreaterThan(0.8)
    expect(metrics.test.mae).toBeLessThan(2.5)
  })

  it('is served as model.onnx: onnxruntime matches tfjs on the test cars', () => {
    expect(metrics.onnx.exported).toBe(true)
    expect(metrics.onnx.maxScaledDiff).toBeLessThan(1e-5)
  })

  it('predicts a heavy 1973 V8 far thirstier than a light 1980 Japanese four-cylinder', () => {
    const [heavy, light] = predicted([
      car({ cylinders: 8, displacement: 400, horsepower: 175, weight: 4464, acceleration: 11.5, year: 1973 }),
      car({
        cylinders: 4,
        displacement: 91,
        horsepower: 67,
        weight: 1850,
        acceleration: 13.8,
        year: 1980,
        origin: 'Japan',
      }),
    ]) as [number, number]
    expect(heavy).toBeLessThan(18)
    expect(light).toBeGreaterThan(28)
    expect(light - heavy).toBeGreaterThan(15)
  })

  it('predicts lower mpg for every 500 lbs more, for a four- and a six-cylinder car', () => {
    const four = predicted(
      [2000, 2500, 3000, 3500, 4000].map((weight) =>
        car({ cylinders: 4, displacement: 120, horsepower: 90, weight }),
      ),
    )
    const six = predicted([2500, 3000, 3500, 4000, 4500].map((weight) => car({ weight })))
    for (const series of [four, six]) {
      for (let i = 1; i < series.length; i++) expect(series[i]).toBeLessThan(series[i - 1] as number)
    }
  })

  it('predicts a 1982 car more than 2 mpg better than the same car from 1970', () => {
    const [old, recent] = predicted([car({ year: 1970 }), car({ year: 1982 })]) as [number, number]
    expect(recent - old).toBeGreaterThan(2)
  })

  it('accepts specifications as CSV strings the same as numbers (one preprocessing path)', () => {
    const asStrings = predicted([
      {
        cylinders: '6',
        displacement: '225',
        horsepower: '100',
        weight: '3200',
        acceleration: '16',
        year: '1976',
        origin: 'USA',
      },
    ])
    expect(asStrings).toEqual(predicted([car()]))
  })
})
