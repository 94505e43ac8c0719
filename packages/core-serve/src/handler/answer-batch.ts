// Answers requests that queued up together with shared predict calls: each request is decoded and
// preprocessed on its own (prepareRequest), their feature rows are stacked into one matrix for the
// predictor, and the outputs are split back for each request's postprocess and encoding
// (answerPrepared). Under concurrent load this pays the model's fixed per-call cost (most of it, for
// small models) once per batch instead of once per request. Which requests share a call, and how many
// rows a call may take, is the batcher's choice (workers/request-batcher.ts). A handler with its own
// predict hook, which may not treat rows independently, gets its requests one by one.

import { checkFeatureMatrix } from '../predictors/feature-matrix'
import type { RowChecker } from '../validation/row-checker'
import { type DecodedRequest, decodeRequest, encodeResponse } from './answer-encoded'
import type { EncodedRequest, EncodedResponse, InferenceHandler, LoadedModel } from './handler-api'
import type { InvocationError } from './invocation-error'
import { postprocessStage, predictStage, preprocessStage } from './run-handler'
import { noTimings, type StageTimings } from './stage-timings'
import { toInvocationError } from './to-invocation-error'

export type Settled = { response: EncodedResponse } | { error: InvocationError }

/**
 * Told which request the work in progress belongs to: its index while work for that request alone runs
 * (decoding, preprocess, postprocess, encoding), undefined while the batch shares the predict call. A
 * worker thread that dies or hangs can then name the request at fault.
 */
export type WorkingOn = (index: number | undefined) => void

/** A request decoded and preprocessed, waiting for its predict call. */
export interface PreparedRequest {
  decoded: DecodedRequest
  features: Float32Array
  /** Its rows: what it counts for against a batch's row limit. */
  rows: number
}

/** Decodes, checks and preprocesses one request; rejects with the InvocationError it deserves. */
export async function prepareRequest<M extends LoadedModel>(
  handler: InferenceHandler<M>,
  model: M,
  request: EncodedRequest,
  checker?: RowChecker,
): Promise<PreparedRequest> {
  try {
    const decoded = decodeRequest(request, checker)
    const rows = decoded.rows.length
    const features = await preprocessStage(handler, model, decoded.rows, decoded.context, decoded.timings)
    // Checked per request: one custom preprocess output of the wrong size would otherwise fail the
    // stacked matrix, and with it every request in the batch.
    checkFeatureMatrix(features, rows, model.predictor.inputWidth)
    return { decoded, features, rows }
  } catch (error) {
    throw toInvocationError(error, 'preprocess')
  }
}

/**
 * Runs prepared requests through predict calls of at most `maxRows` rows each, then postprocesses and
 * encodes each request's share. The batcher packs requests so that their rows fit one call; a request
 * that alone has more rows than `maxRows` is split into calls of `maxRows` rows (the last one shorter),
 * whose outputs are joined again before its postprocess, so no predict call ever exceeds the limit.
 */
export async function answerPrepared<M extends LoadedModel>(
  handler: InferenceHandler<M>,
  model: M,
  prepared: readonly PreparedRequest[],
  maxRows: number,
  workingOn: WorkingOn = () => {},
): Promise<Settled[]> {
  const settled: Settled[] = new Array(prepared.length)
  if (prepared.length === 0) return settled
  let rows = 0
  for (const p of prepared) rows += p.rows
  // One predict time answers them all: each request's answer reports the whole of it.
  const shared = noTimings()
  let outputs: Float32Array
  try {
    outputs = await predictInCalls(handler, model, prepared, rows, maxRows, shared)
  } catch (error) {
    const failure = toInvocationError(error, 'predict')
    settled.fill({ error: failure })
    return settled
  }
  const width = outputs.length / rows
  let offset = 0
  for (let index = 0; index < prepared.length; index++) {
    const p = prepared[index] as PreparedRequest
    const own = prepared.length === 1 ? outputs : outputs.subarray(offset * width, (offset + p.rows) * width)
    offset += p.rows
    p.decoded.timings.predict = shared.predict
    workingOn(index)
    try {
      const { decoded } = p
      const predictions = await postprocessStage(
        handler,
        model,
        own,
        decoded.rows,
        decoded.context,
        decoded.timings,
      )
      settled[index] = { response: encodeResponse(decoded, predictions) }
    } catch (error) {
      settled[index] = { error: toInvocationError(error, 'postprocess') }
    }
  }
  workingOn(undefined)
  return settled
}

/** Requests that arrived together, each prepared on its own, sharing predict calls of any size. */
export async function answerBatch<M extends LoadedModel>(
  handler: InferenceHandler<M>,
  model: M,
  requests: EncodedRequest[],
  checker?: RowChecker,
  workingOn: WorkingOn = () => {},
): Promise<Settled[]> {
  const settled: Settled[] = new Array(requests.length)
  const prepared: PreparedRequest[] = []
  const indexes: number[] = []
  for (const [index, request] of requests.entries()) {
    workingOn(index)
    try {
      prepared.push(await prepareRequest(handler, model, request, checker))
      indexes.push(index)
    } catch (error) {
      settled[index] = { error: error as InvocationError }
    }
  }
  workingOn(undefined)
  const answered = await answerPrepared(handler, model, prepared, Number.POSITIVE_INFINITY, (at) =>
    workingOn(at === undefined ? undefined : indexes[at]),
  )
  answered.forEach((result, at) => {
    settled[indexes[at] as number] = result
  })
  return settled
}

/** Whether requests to this handler may share a predict call. */
export function canBatch(handler: InferenceHandler<LoadedModel>): boolean {
  return handler.predict === undefined
}

async function predictInCalls<M extends LoadedModel>(
  handler: InferenceHandler<M>,
  model: M,
  prepared: readonly PreparedRequest[],
  rows: number,
  maxRows: number,
  timings: StageTimings,
): Promise<Float32Array> {
  const context = (prepared[0] as PreparedRequest).decoded.context
  const features = stack(prepared)
  if (rows <= maxRows) return predictStage(handler, model, features, rows, context, timings)
  const width = features.length / rows
  const parts: Float32Array[] = []
  for (let start = 0; start < rows; start += maxRows) {
    const count = Math.min(maxRows, rows - start)
    // A copy, not a view: a predictor may hand the array's whole buffer to native code.
    const slice = features.slice(start * width, (start + count) * width)
    parts.push(await predictStage(handler, model, slice, count, context, timings))
  }
  return join(parts)
}

function stack(prepared: readonly PreparedRequest[]): Float32Array {
  if (prepared.length === 1) return (prepared[0] as PreparedRequest).features
  return join(prepared.map((p) => p.features))
}

function join(parts: readonly Float32Array[]): Float32Array {
  let length = 0
  for (const part of parts) length += part.length
  const merged = new Float32Array(length)
  let at = 0
  for (const part of parts) {
    merged.set(part, at)
    at += part.length
  }
  return merged
}
