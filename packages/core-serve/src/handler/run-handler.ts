// Runs an invocation through a handler's hooks (preprocess -> predict -> postprocess), each falling
// back to its default, and turns every failure into an InvocationError with the status it deserves.
// The stages are exported one by one so that several requests can share one predict call; each adds
// its time to the `timings` it is given.
import { defaultPostprocess } from './default-postprocess'
import { defaultPreprocess } from './default-preprocess'
import type { InferenceHandler, InputRow, InvocationContext, LoadedModel, Prediction } from './handler-api'
import { InvocationError } from './invocation-error'
import type { StageTimings } from './stage-timings'
import { toInvocationError } from './to-invocation-error'

export async function runHandler<M extends LoadedModel>(
  handler: InferenceHandler<M>,
  model: M,
  rows: InputRow[],
  context: InvocationContext,
  timings?: StageTimings,
): Promise<Prediction[]> {
  const features = await preprocessStage(handler, model, rows, context, timings)
  const outputs = await predictStage(handler, model, features, rows.length, context, timings)
  return postprocessStage(handler, model, outputs, rows, context, timings)
}

export function preprocessStage<M extends LoadedModel>(
  handler: InferenceHandler<M>,
  model: M,
  rows: InputRow[],
  context: InvocationContext,
  timings?: StageTimings,
): Promise<Float32Array> {
  // Hooks are called as methods, so a handler object can use `this`.
  return stage(
    'preprocess',
    () => (handler.preprocess ? handler.preprocess(rows, model, context) : defaultPreprocess(rows, model)),
    timings,
  )
}

export async function predictStage<M extends LoadedModel>(
  handler: InferenceHandler<M>,
  model: M,
  features: Float32Array,
  rows: number,
  context: InvocationContext,
  timings?: StageTimings,
): Promise<Float32Array> {
  const outputs = await stage(
    'predict',
    () =>
      handler.predict ? handler.predict(features, rows, model, context) : model.predictor.run(features, rows),
    timings,
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
  timings?: StageTimings,
): Promise<Prediction[]> {
  const predictions = await stage(
    'postprocess',
    () =>
      handler.postprocess
        ? handler.postprocess(outputs, rows, model, context)
        : defaultPostprocess(outputs, rows, model),
    timings,
  )
  if (!Array.isArray(predictions) || predictions.length !== rows.length) {
    const count = Array.isArray(predictions) ? `${predictions.length} predictions` : describe(predictions)
    throw new InvocationError(500, `postprocess returned ${count} for ${rows.length} rows`)
  }
  return predictions
}

/**
 * Times one hook and maps its failure. A hook that answers synchronously (the default preprocess and
 * postprocess do) is not awaited here: on the hot path of a one-row request every turn of the
 * microtask queue shows.
 */
function stage<T>(
  name: 'preprocess' | 'predict' | 'postprocess',
  run: () => T | Promise<T>,
  timings: StageTimings | undefined,
): Promise<T> {
  const started = performance.now()
  const done = () => {
    if (timings) timings[name] += performance.now() - started
  }
  let result: T | Promise<T>
  try {
    result = run()
  } catch (error) {
    done()
    return Promise.reject(toInvocationError(error, name))
  }
  if (!isPromiseLike(result)) {
    done()
    return Promise.resolve(result)
  }
  return Promise.resolve(result).then(
    (value) => {
      done()
      return value
    },
    (error: unknown) => {
      done()
      throw toInvocationError(error, name)
    },
  )
}

function isPromiseLike<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function'
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value)
  return typeof value === 'object' ? (value.constructor?.name ?? 'an object') : typeof value
}
