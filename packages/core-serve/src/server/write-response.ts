// Writes every response the server sends, so keep-alive and error bodies are decided in one place.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'
import type { ErrorLocation } from '../handler/invocation-error'
import { bodyByteLength, type ResponseBody } from '../handler/response-body'
import { discardRefusedBody, type RefusedBodyDrain } from './discard-refused-body'

export interface ResponseWriter {
  /** `HTTP/1.1 100 Continue`: from here on the client sends the body, whatever the answer. */
  sendContinue(res: ServerResponse): void
  /** `headers` is taken over: the writer adds to it. */
  send(res: ServerResponse, status: number, headers: OutgoingHttpHeaders, body: ResponseBody): void
  /**
   * Answers `{"error": {"status", "message"}}`, the one error shape of the runtime, with the `row` and
   * `field` of a 400 when it names them. When the body is not read yet, the connection closes after
   * the answer, which waits for the client to finish sending (within `drain`) unless the client holds
   * the body back for a 100 Continue it did not get.
   */
  sendError(
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    message: string,
    headers?: OutgoingHttpHeaders,
    where?: ErrorLocation,
  ): void
}

/**
 * `isClosing` is read per response: while the server drains, every answer says `Connection: close`,
 * so a keep-alive client does not park its next request on a socket that is about to go away.
 */
export function responseWriter(isClosing: () => boolean, drain: RefusedBodyDrain): ResponseWriter {
  const continued = new WeakSet<ServerResponse>()

  function sendContinue(res: ServerResponse): void {
    continued.add(res)
    res.writeContinue()
  }

  function send(res: ServerResponse, status: number, headers: OutgoingHttpHeaders, body: ResponseBody): void {
    // The client may have hung up while the model ran; there is no one left to answer.
    if (res.destroyed || res.headersSent) return
    if (isClosing()) headers.connection = 'close'
    // writeHead with an object is the fastest way to set headers, but it fixes them before end() sees
    // the body, so without an explicit length Node falls back to chunked encoding.
    headers['content-length'] = bodyByteLength(body)
    res.writeHead(status, headers)
    res.end(body)
  }

  function sendError(
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    message: string,
    headers: OutgoingHttpHeaders = {},
    where?: ErrorLocation,
  ): void {
    headers['content-type'] = 'application/json'
    const body = JSON.stringify({ error: { status, message, ...where } })
    if (!hasUnreadBody(req)) {
      send(res, status, headers, body)
      return
    }
    // Answering before the body is read (415, 406, 413, 404, 503): Node would otherwise read and discard the
    // rest of a body of any size to keep the socket usable; closing it after the answer bounds that.
    headers.connection = 'close'
    const bodyHeldBack = req.headers.expect !== undefined && !continued.has(res)
    // A 503 says the server holds all the bodies its memory budget allows: it answers at once (the client
    // retries after Retry-After) instead of spending a connection for up to the drain time per refusal.
    if (bodyHeldBack || status === 503) {
      send(res, status, headers, body)
      return
    }
    void discardRefusedBody(req, drain).then(() => send(res, status, headers, body))
  }

  return { sendContinue, send, sendError }
}

function hasUnreadBody(req: IncomingMessage): boolean {
  if (req.complete) return false
  const length = req.headers['content-length']
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')
}
