// Answers requests that queued up together with one predict call: each request is decoded and
// preprocessed on its own, their feature rows are stacked into one matrix for the predictor, and the
// outputs are split back for each request's postprocess and encoding. Under concurrent load this
// pays the model's fixed per-call cost (most of it, for small models) once per batch instead of once
// per request. A handler with its own predict hook, which may not treat rows independently, gets its
// requests one by one.

import { checkFeatureMatrix } from '../predictors/feature-matrix'
import { type DecodedRequest, decodeRequest, encodeResponse } from './answer-encoded'
import type { EncodedRequest, EncodedResponse, InferenceHandler, LoadedModel } from './handler-api'
import type { InvocationError } from './invocation-error'
import { postprocessStage, predictStage, preprocessStage } from './run-handler'
import { toInvocationError } from './to-invocation-error'

export type Settled = { response: EncodedResponse } | { error: InvocationError }

/**
 * Told which request the work in progress belongs to: its index while work for that request alone runs
 * (decoding, preprocess, postprocess, encoding), undefined while the batch shares the predict call. A
 * worker thread that dies or hangs can then name the request at fault.
 */
export type WorkingOn = (index: number | undefined) => void

interface Prepared {
  index: number
  decoded: DecodedRequest
  features: Float32Array
}

export async function answerBatch<M extends LoadedModel>(
  handler: InferenceHandler<M>,
  model: M,
  requests: EncodedRequest[],
  workingOn: WorkingOn = () => {},
): Promise<Settled[]> {
  const settled: Settled[] = new Array(requests.length)
  const prepared: Prepared[] = []
  for (const [index, request] of requests.entries()) {
    workingOn(index)
    try {
      const decoded = decodeRequest(request)
      const features = await preprocessStage(handler, model, decoded.rows, decoded.context)
      // Checked per request: one custom preprocess output of the wrong size would otherwise fail the
      // stacked matrix, and with it every request in the batch.
      checkFeatureMatrix(features, decoded.rows.length, model.predictor.inputWidth)
      prepared.push({ index, decoded, features })
    } catch (error) {
      settled[index] = { error: toInvocationError(error, 'preprocess') }
    }
  }
  workingOn(undefined)
  const rows = prepared.reduce((sum, p) => sum + p.decoded.rows.length, 0)
  let outputs: Float32Array | undefined
  if (prepared.length > 0) {
    try {
      outputs = await predictStage(
        handler,
        model,
        stack(prepared),
        rows,
        (prepared[0] as Prepared).decoded.context,
      )
    } catch (error) {
      const failure = toInvocationError(error, 'predict')
      for (const p of prepared) settled[p.index] = { error: failure }
    }
  }
  if (outputs) {
    const width = outputs.length / rows
    let offset = 0
    for (const p of prepared) {
      const count = p.decoded.rows.length
      const own = outputs.subarray(offset * width, (offset + count) * width)
      offset += count
      workingOn(p.index)
      try {
        const predictions = await postprocessStage(handler, model, own, p.decoded.rows, p.decoded.context)
        settled[p.index] = { response: encodeResponse(p.decoded, predictions) }
      } catch (error) {
        settled[p.index] = { error: toInvocationError(error, 'postprocess') }
      }
    }
    workingOn(undefined)
  }
  return settled
}

/** Whether requests to this handler may share a predict call. */
export function canBatch(handler: InferenceHandler<LoadedModel>): boolean {
  return handler.predict === undefined
}

function stack(prepared: Prepared[]): Float32Array {
  if (prepared.length === 1) return prepared[0]?.features ?? new Float32Array(0)
  const merged = new Float32Array(prepared.reduce((sum, p) => sum + p.features.length, 0))
  let at = 0
  for (const p of prepared) {
    merged.set(p.features, at)
    at += p.features.length
  }
  return merged
}
