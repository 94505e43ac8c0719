// Runs one invocation through a handler's hooks (preprocess -> predict -> postprocess), each falling
// back to its default, and turns every failure into an InvocationError with the status it deserves.
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
  // Hooks are called as methods, so a handler object can use `this`.
  const features = await stage('preprocess', () =>
    handler.preprocess ? handler.preprocess(rows, model, context) : defaultPreprocess(rows, model),
  )
  const outputs = await stage('predict', () =>
    handler.predict
      ? handler.predict(features, rows.length, model, context)
      : model.predictor.run(features, rows.length),
  )
  if (!(outputs instanceof Float32Array)) {
    throw new InvocationError(500, `predict returned ${describe(outputs)}, expected a Float32Array`)
  }
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
