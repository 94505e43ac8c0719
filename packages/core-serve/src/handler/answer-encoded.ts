// One invocation from request text to response text: decode by Content-Type, run the rows, encode by
// the chosen Accept type. Worker threads, the in-process runner and test doubles all answer through it.

import { isUserError } from '@sagepack/core-data'
import { codecForContentType } from '../codecs/codec-registry'
import type { EncodedRequest, EncodedResponse, InputRow, InvocationContext, Prediction } from './handler-api'
import { InvocationError } from './invocation-error'

export type RowsInvoker = (
  rows: InputRow[],
  context: InvocationContext,
) => Promise<{ predictions: Prediction[]; responseAttributes?: string }>

export async function answerEncoded(
  request: EncodedRequest,
  invokeRows: RowsInvoker,
): Promise<EncodedResponse> {
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
    if (isUserError(error) || (error instanceof Error && error.name === 'UserError')) {
      throw new InvocationError(400, (error as Error).message)
    }
    throw error
  }
  if (rows.length === 0) {
    throw new InvocationError(400, `the request has no rows; send at least one as ${request.contentType}`)
  }
  const context: InvocationContext = { customAttributes: request.customAttributes }
  const result = await invokeRows(rows, context)
  const body = encoder.encode(result.predictions)
  // A handler may answer attributes in its result or set them on the context it was given.
  const responseAttributes = result.responseAttributes ?? context.responseAttributes
  return responseAttributes === undefined ? { body } : { body, responseAttributes }
}
