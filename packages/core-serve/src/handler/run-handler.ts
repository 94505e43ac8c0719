// Runs an invocation through a handler's hooks (preprocess -> predict -> postprocess), each falling
// back to its default, and turns every failure into an InvocationError with the status it deserves.
// The stages are exported one by one so that several requests can share one predict call.
import { defaultPostprocess } from './default-postprocess'
import { defaultPreprocess } from './default-preprocess'
import type { InferenceHandler, InputRow, InvocationContext, LoadedModel, Prediction } from './handler-api'
import { InvocationError } from './invocation-error'
import { toInvocationError } from './to-invocation-error'

export async function runHandler<M extends LoadedModel>(
  handler: InferenceHandler<M>,
  model: M,
  rows: InputRow[],
  context: InvocationContext,
): Promise<Prediction[]> {
  const features = await preprocessStage(handler, model, rows, context)
  const outputs = await predictStage(handler, model, features, rows.length, context)
  return postprocessStage(handler, model, outputs, rows, context)
}

export function preprocessStage<M extends LoadedModel>(
  handler: InferenceHandler<M>,
  model: M,
  rows: InputRow[],
  context: InvocationContext,
): Promise<Float32Array> {
  // Hooks are called as methods, so a handler object can use `this`.
  return stage('preprocess', () =>
    handler.preprocess ? handler.preprocess(rows, model, context) : defaultPreprocess(rows, model),
  )
}

export async function predictStage<M extends LoadedModel>(
  handler: InferenceHandler<M>,
  model: M,
  features: Float32Array,
  rows: number,
  context: InvocationContext,
): Promise<Float32Array> {
  const outputs = await stage('predict', () =>
    handler.predict ? handler.predict(features, rows, model, context) : model.predictor.run(features, rows),
  )
  if (!(outputs instanceof Float32Array)) {
    throw new InvocationError(500, `predict returned ${describe(outputs)}, expected a Float32Array`)
  }
  return outputs
}

export async function postprocessStage<M extends LoadedModel>(
  handler: InferenceHandler<M>,
  model: M,
  outputs: Float32Array,
  rows: InputRow[],
  context: InvocationContext,
): Promise<Prediction[]> {
  const predictions = await stage('postprocess', () =>
    handler.postprocess
      ? handler.postprocess(outputs, rows, model, context)
      : defaultPostprocess(outputs, rows, model),
  )
  if (!Array.isArray(predictions) || predictions.length !== rows.length) {
    const count = Array.isArray(predictions) ? `${predictions.length} predictions` : describe(predictions)
    throw new InvocationError(500, `postprocess returned ${count} for ${rows.length} rows`)
  }
  return predictions
}

async function stage<T>(name: string, run: () => T | Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    throw toInvocationError(error, name)
  }
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value)
  return typeof value === 'object' ? (value.constructor?.name ?? 'an object') : typeof value
}
