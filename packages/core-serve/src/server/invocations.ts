// POST /invocations: check Content-Type, Accept and the payload size, then hand the body to the runner,
// which decodes it, runs the model and encodes the predictions off this thread. Every answer says where
// its time went (Server-Timing); a 200 also carries its warnings as headers.
import {
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
  validateHeaderValue,
} from 'node:http'
import { codecForContentType, responseFormatFor, SUPPORTED_MEDIA_TYPES } from '../codecs/codec-registry'
import type { InvocationRunner } from '../handler/handler-api'
import { InvocationError } from '../handler/invocation-error'
import type { BodyBudget, BodyHold } from './body-budget'
import { HttpError } from './http-error'
import { checkDeclaredLength, readBody } from './read-body'
import type { Route } from './route-request'
import { SERVER_TIMING_HEADER, serverTimingHeader } from './server-timing'
import { addWarningHeaders } from './warning-headers'
import type { ResponseWriter } from './write-response'

const CUSTOM_ATTRIBUTES_HEADER = 'x-amzn-sagemaker-custom-attributes'

const SUPPORTED = SUPPORTED_MEDIA_TYPES.join(', ')

export function invocationsRoute(
  runner: InvocationRunner,
  maxPayloadBytes: number,
  writer: ResponseWriter,
  budget: BodyBudget,
): Route {
  return {
    methods: ['POST'],
    async handle(req, res) {
      const started = performance.now()
      // The body's bytes count against the budget until the request is answered or has failed.
      const share = budget.share()
      try {
        await answer(req, res, started, share)
      } catch (error) {
        // Set before the error is answered: the error writer's headers are added to it.
        if (!res.headersSent)
          res.setHeader(SERVER_TIMING_HEADER, serverTimingHeader(performance.now() - started))
        throw error
      } finally {
        share.release()
      }
    },
  }

  async function answer(
    req: IncomingMessage,
    res: ServerResponse,
    started: number,
    hold: BodyHold,
  ): Promise<void> {
    const contentType = req.headers['content-type']
    const decoder = contentType === undefined ? undefined : codecForContentType(contentType)
    if (decoder === undefined) {
      const sent = contentType === undefined ? 'no Content-Type' : `Content-Type ${contentType}`
      throw new HttpError(415, `cannot read a body with ${sent}; send one of ${SUPPORTED}`)
    }
    // Before reading the body and running the model: an answer the client cannot take is wasted work.
    const accept = req.headers.accept
    const format = responseFormatFor(accept)
    if (format === undefined) {
      throw new HttpError(406, `cannot answer with Accept ${accept}; accept one of ${SUPPORTED}`)
    }
    // The server handles `Expect: 100-continue` itself so that these checks refuse a body unsent.
    checkDeclaredLength(req, maxPayloadBytes, hold)
    if (req.headers.expect !== undefined) writer.sendContinue(res)
    const body = await readBody(req, maxPayloadBytes, hold)
    // Decoding, the model and encoding run where the model runs: this thread only moves bytes.
    const invoked = performance.now()
    const result = await runner.invoke({
      body,
      contentType: decoder.mediaType,
      accept: format.mediaType,
      customAttributes: headerText(req.headers[CUSTOM_ATTRIBUTES_HEADER]),
    })
    const answered = performance.now()
    const headers: OutgoingHttpHeaders = { 'content-type': format.mediaType }
    if (result.responseAttributes !== undefined) {
      headers[CUSTOM_ATTRIBUTES_HEADER] = checkedAttributes(result.responseAttributes)
    }
    addWarningHeaders(headers, result.warningCount, result.warningsHeader)
    headers[SERVER_TIMING_HEADER] = serverTimingHeader(
      answered - started,
      { readMs: invoked - started, roundTripMs: answered - invoked },
      result.timings,
    )
    writer.send(res, 200, headers, result.body)
  }
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value
}

/** A handler's bad value must fail its request with a reason, not half-write the response headers. */
function checkedAttributes(attributes: string): string {
  try {
    validateHeaderValue(CUSTOM_ATTRIBUTES_HEADER, attributes)
  } catch {
    throw new InvocationError(
      500,
      'the handler set responseAttributes to a value that cannot be sent in a header',
    )
  }
  return attributes
}
