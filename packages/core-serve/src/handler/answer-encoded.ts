// One invocation from request text to response text: decode by Content-Type, run the rows, encode by
// the chosen Accept type. Worker threads, the in-process runner and test doubles all answer through it.
import type { Codec } from '../codecs/codec'
import { codecForContentType } from '../codecs/codec-registry'
import type { EncodedRequest, EncodedResponse, InputRow, InvocationContext, Prediction } from './handler-api'
import { InvocationError } from './invocation-error'
import { toInvocationError } from './to-invocation-error'

export type RowsInvoker = (
  rows: InputRow[],
  context: InvocationContext,
) => Promise<{ predictions: Prediction[]; responseAttributes?: string }>

export interface DecodedRequest {
  rows: InputRow[]
  /** Fresh per request: the handler may set responseAttributes on it. */
  context: InvocationContext
  encoder: Codec
}

export async function answerEncoded(
  request: EncodedRequest,
  invokeRows: RowsInvoker,
): Promise<EncodedResponse> {
  const decoded = decodeRequest(request)
  const result = await invokeRows(decoded.rows, decoded.context)
  return encodeResponse(decoded, result.predictions, result.responseAttributes)
}

/** The request's rows, or an InvocationError(400) naming what does not fit. */
export function decodeRequest(request: EncodedRequest): DecodedRequest {
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
  return { rows, context: { customAttributes: request.customAttributes }, encoder }
}

export function encodeResponse(
  decoded: DecodedRequest,
  predictions: Prediction[],
  attributes?: string,
): EncodedResponse {
  const body = decoded.encoder.encode(predictions)
  // A handler may answer attributes in its result or set them on the context it was given.
  const responseAttributes = attributes ?? decoded.context.responseAttributes
  return responseAttributes === undefined ? { body } : { body, responseAttributes }
}
