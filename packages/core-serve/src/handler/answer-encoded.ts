// One invocation from request text to response text: decode by Content-Type, check the rows against
// the request schema, run the rows, encode by the chosen Accept type, timing each stage. Worker
// threads, the in-process runner and test doubles all answer through it.
import type { Codec } from '../codecs/codec'
import { codecForContentType } from '../codecs/codec-registry'
import { warningsHeaderValue } from '../server/warning-headers'
import type { RowChecker } from '../validation/row-checker'
import type { CheckedRows } from '../validation/row-warning'
import type { EncodedRequest, EncodedResponse, InputRow, InvocationContext, Prediction } from './handler-api'
import { InvocationError } from './invocation-error'
import { noTimings, type StageTimings } from './stage-timings'
import { toInvocationError } from './to-invocation-error'

export type RowsInvoker = (
  rows: InputRow[],
  context: InvocationContext,
  timings: StageTimings,
) => Promise<{ predictions: Prediction[]; responseAttributes?: string }>

export interface DecodedRequest {
  rows: InputRow[]
  /** Fresh per request: the handler may set responseAttributes on it. */
  context: InvocationContext
  encoder: Codec
  /** Warnings of the row check; absent when the bundle has no request schema. */
  checked: CheckedRows | undefined
  /** Filled in stage by stage. */
  timings: StageTimings
}

export async function answerEncoded(
  request: EncodedRequest,
  invokeRows: RowsInvoker,
  checker?: RowChecker,
): Promise<EncodedResponse> {
  const decoded = decodeRequest(request, checker)
  const result = await invokeRows(decoded.rows, decoded.context, decoded.timings)
  return encodeResponse(decoded, result.predictions, result.responseAttributes)
}

/** The request's rows, or an InvocationError(400) naming what does not fit. */
export function decodeRequest(request: EncodedRequest, checker?: RowChecker): DecodedRequest {
  const started = performance.now()
  const decoder = codecForContentType(request.contentType)
  const encoder = codecForContentType(request.accept)
  // The server checked both types before reading the body; this is a runner called some other way.
  if (!decoder || !encoder) {
    throw new InvocationError(400, `cannot read ${request.contentType} or write ${request.accept}`)
  }
  let rows: InputRow[]
  try {
    rows = request.body === '' ? [] : decoder.decode(request.body)
  } catch (error) {
    throw toInvocationError(error, 'decoding the request')
  }
  if (rows.length === 0) {
    throw new InvocationError(400, `the request has no rows; send at least one as ${request.contentType}`)
  }
  const decodedAt = performance.now()
  const checked = checker?.check(rows)
  const timings = noTimings()
  timings.decode = decodedAt - started
  timings.validate = performance.now() - decodedAt
  return { rows, context: { customAttributes: request.customAttributes }, encoder, checked, timings }
}

export function encodeResponse(
  decoded: DecodedRequest,
  predictions: Prediction[],
  attributes?: string,
): EncodedResponse {
  const started = performance.now()
  const warnings = decoded.checked?.warnings
  const listed = warnings !== undefined && warnings.length > 0 ? warnings : undefined
  const body = decoded.encoder.encode(predictions, listed)
  decoded.timings.encode = performance.now() - started
  const response: EncodedResponse = { body, timings: decoded.timings }
  // A handler may answer attributes in its result or set them on the context it was given.
  const responseAttributes = attributes ?? decoded.context.responseAttributes
  if (responseAttributes !== undefined) response.responseAttributes = responseAttributes
  if (listed) {
    response.warningCount = decoded.checked?.warningCount ?? listed.length
    response.warningsHeader = warningsHeaderValue(listed)
  }
  return response
}
