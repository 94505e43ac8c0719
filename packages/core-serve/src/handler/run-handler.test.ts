import { UserError } from '@sagepack/core-data'
import { describe, expect, it } from 'vitest'
import type { InferenceHandler, LoadedModel, Predictor } from './handler-api'
import { runHandler } from './run-handler'
import { invocationErrorOf } from './test-fixtures/invocation-error-of'

const predictor: Predictor = {
  format: 'onnx',
  inputWidth: 2,
  outputWidth: 1,
  run: async (features) =>
    features
      .map((value, index) => (index % 2 === 0 ? value + (features[index + 1] ?? 0) : 0))
      .filter((_, index) => index % 2 === 0),
  dispose: async () => {},
}
const model: LoadedModel = { predictor, preprocessor: null, classes: null, config: {} }
const context = { customAttributes: undefined }

describe('runHandler', () => {
  it('composes preprocess, predict and postprocess, each defaulting', async () => {
    expect(
      await runHandler(
        {},
        model,
        [
          [1, 2],
          ['3', '4'],
        ],
        context,
      ),
    ).toEqual([3, 7])
    const handler: InferenceHandler = {
      preprocess: (rows) => Float32Array.from(rows.flatMap((row) => [Number((row as { x: number }).x), 0])),
      postprocess: (outputs) => Array.from(outputs, (value) => `=${value}`),
    }
    expect(await runHandler(handler, model, [{ x: 5 }], context)).toEqual(['=5'])
  })

  it('maps a UserError to 400 and anything else to 500 naming the hook', async () => {
    const invalid: InferenceHandler = {
      preprocess: () => {
        throw new UserError({ input: 'row 0, field x', problem: 'is missing' })
      },
    }
    const rejected = await invocationErrorOf(runHandler(invalid, model, [{}], context))
    expect([rejected.status, rejected.message]).toEqual([400, 'row 0, field x: is missing'])

    const broken: InferenceHandler = { postprocess: () => JSON.parse('{') }
    const failed = await invocationErrorOf(runHandler(broken, model, [[1, 2]], context))
    expect(failed.status).toBe(500)
    expect(failed.message).toMatch(/^postprocess failed: .*JSON/)
  })

  it('answers 500 when predict returns something other than a Float32Array', async () => {
    const handler = { predict: async () => [1] } as unknown as InferenceHandler
    const error = await invocationErrorOf(runHandler(handler, model, [[1, 2]], context))
    expect([error.status, error.message]).toEqual([500, 'predict returned Array, expected a Float32Array'])
  })
})
