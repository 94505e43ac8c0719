// Writes every response the server sends, so keep-alive and error bodies are decided in one place.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'
import type { ErrorLocation } from '../handler/invocation-error'

export interface ResponseWriter {
  /** `headers` is taken over: the writer adds to it. */
  send(res: ServerResponse, status: number, headers: OutgoingHttpHeaders, body: string): void
  /**
   * Answers `{"error": {"status", "message"}}`, the one error shape of the runtime, with the `row` and
   * `field` of a 400 when it names them.
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
export function responseWriter(isClosing: () => boolean): ResponseWriter {
  function send(res: ServerResponse, status: number, headers: OutgoingHttpHeaders, body: string): void {
    // The client may have hung up while the model ran; there is no one left to answer.
    if (res.destroyed || res.headersSent) return
    if (isClosing()) headers.connection = 'close'
    // writeHead with an object is the fastest way to set headers, but it fixes them before end() sees
    // the body, so without an explicit length Node falls back to chunked encoding.
    headers['content-length'] = Buffer.byteLength(body)
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
    // Answering before the body is read (415, 406, 413): Node would otherwise read and discard the rest
    // of a body of any size to keep the socket usable; closing it is cheaper and always safe.
    if (hasUnreadBody(req)) headers.connection = 'close'
    send(res, status, headers, JSON.stringify({ error: { status, message, ...where } }))
  }

  return { send, sendError }
}

function hasUnreadBody(req: IncomingMessage): boolean {
  if (req.complete) return false
  const length = req.headers['content-length']
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')
}
