// Behavioural tests on a model trained by the real local pipeline with the default config: typical
// deliveries predicted close to their true time, what the inputs' types must not change, and the
// direction each feature pushes the prediction. They hold for any data with the same meaning.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { loadTrainedModel, predictRows, type TrainedModel, trainLocally } from '@sagepack/core-train'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectedMinutes } from '../data/delivery-times-csv'

const WORKSPACE_ROOT = fileURLToPath(new URL('../../..', import.meta.url))

const runsRoot = mkdtempSync(join(tmpdir(), 'behavior-runs-'))
afterAll(() => rmSync(runsRoot, { recursive: true, force: true }))

let trained: TrainedModel
let testMetrics: { mae: number; r2: number }

beforeAll(async () => {
  let log = ''
  const output = new PassThrough().on('data', (chunk) => {
    log += chunk
  })
  const result = await trainLocally({
    workspaceRoot: WORKSPACE_ROOT,
    model: '__MODEL_NAME__',
    runsRoot,
    stdout: output,
    stderr: output,
  })
  expect(result.status, log).toBe('completed')
  trained = await loadTrainedModel(join(result.runDir, 'model'))
  testMetrics = JSON.parse(readFileSync(join(result.runDir, 'metrics.json'), 'utf8')).test
}, 120_000)

const delivery = (distance_km: number, items: number, prep_minutes: number, weather: string) => ({
  distance_km,
  items,
  prep_minutes,
  weather,
})
const minutes = (rows: Array<Record<string, unknown>>) =>
  predictRows(trained, rows).map((p) => p[0] as number)

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
    expect(predictRows(trained, [asStrings])).toEqual(predictRows(trained, [delivery(4.2, 3, 12, 'rain')]))
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
