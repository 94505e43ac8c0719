import { afterAll, describe, expect, it } from 'vitest'
import { readModelDir } from '../model-dir/read-model-dir'
import { IRIS_ROWS, removeModelDirs, writeModelDir } from '../model-dir/test-fixtures/write-model-dir'
import { loadPredictor } from '../predictors/load-predictor'
import { answerBatch, canBatch } from './answer-batch'
import { answerEncoded } from './answer-encoded'
import { defaultLoad } from './default-load'
import type { EncodedRequest, EncodedResponse, LoadedModel } from './handler-api'
import { runHandler } from './run-handler'

afterAll(removeModelDirs)

async function countingModel(): Promise<{ model: LoadedModel; calls: () => number }> {
  const { dir } = await writeModelDir()
  const bundle = await readModelDir(dir)
  const model = await defaultLoad({
    modelDir: dir,
    manifest: bundle.manifest,
    config: bundle.config,
    preprocessor: bundle.preprocessor,
    loadPredictor: () => loadPredictor(dir, bundle.manifest),
  })
  let calls = 0
  const run = model.predictor.run.bind(model.predictor)
  const predictor = Object.assign(Object.create(model.predictor), {
    run: (features: Float32Array, rows: number) => {
      calls++
      return run(features, rows)
    },
  })
  return { model: { ...model, predictor }, calls: () => calls }
}

const json = (rows: unknown[]): EncodedRequest => ({
  body: JSON.stringify({ instances: rows }),
  contentType: 'application/json',
  accept: 'application/json',
})

describe('answerBatch', () => {
  it('answers queued requests with one predict call, each exactly as on its own', async () => {
    const { model, calls } = await countingModel()
    const requests = [
      json([IRIS_ROWS[0]]),
      json([...IRIS_ROWS]),
      { ...json([IRIS_ROWS[1]]), accept: 'text/csv' },
    ]
    const alone = await Promise.all(
      requests.map((r) =>
        answerEncoded(r, async (rows, c) => ({ predictions: await runHandler({}, model, rows, c) })),
      ),
    )
    const before = calls()
    const batched = await answerBatch({}, model, requests)
    expect(calls() - before).toBe(1)
    // Timings differ run to run; everything else is exactly as on its own.
    const untimed = ({ timings: _, ...response }: EncodedResponse) => response
    expect(batched.map((settled) => ('response' in settled ? untimed(settled.response) : settled))).toEqual(
      alone.map(untimed),
    )
    // The one predict call is every request's predict time.
    const predictTimes = batched.map((settled) =>
      'response' in settled ? settled.response.timings?.predict : -1,
    )
    expect(new Set(predictTimes).size).toBe(1)
    expect(predictTimes[0]).toBeGreaterThan(0)
  })

  it('fails only the request that does not fit, with its own 400', async () => {
    const { model } = await countingModel()
    const settled = await answerBatch({}, model, [
      json([IRIS_ROWS[0]]),
      json([{ ...IRIS_ROWS[0], sepal_length: 'long' }]),
      { ...json([]), body: 'not json' },
      json([IRIS_ROWS[2]]),
    ])
    expect(settled.map((s) => ('response' in s ? 200 : s.error.status))).toEqual([200, 400, 400, 200])
    expect('error' in (settled[1] as object) && (settled[1] as { error: Error }).error.message).toContain(
      "'sepal_length'",
    )
  })

  it('fails only the request whose custom preprocess returns the wrong number of features', async () => {
    const { model } = await countingModel()
    const handler = {
      preprocess: (rows: unknown[], m: LoadedModel) => {
        const features = new Float32Array(rows.length * m.predictor.inputWidth).fill(0.5)
        return rows.length === 2 ? features.subarray(1) : features
      },
    }
    const settled = await answerBatch(handler, model, [
      json([IRIS_ROWS[0]]),
      json([IRIS_ROWS[0], IRIS_ROWS[1]]),
      json([IRIS_ROWS[2]]),
    ])
    expect(settled.map((s) => ('response' in s ? 200 : s.error.status))).toEqual([200, 500, 200])
    expect((settled[1] as { error: Error }).error.message).toBe(
      'preprocess failed: the predictor takes 2 rows x 4 features = 8 values, got 7',
    )
  })

  it('does not batch a handler with its own predict hook', () => {
    expect(canBatch({})).toBe(true)
    expect(canBatch({ postprocess: () => [] })).toBe(true)
    expect(canBatch({ predict: async (features) => features })).toBe(false)
  })
})
