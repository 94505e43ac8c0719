// Reads and drops the rest of a refused request's body, within bounds: a socket closed with unread bytes
// in it is reset by the kernel, and the reset takes the answer with it for clients that send the whole
// body before they read (Python's http.client and requests, many HTTP libraries).
import type { IncomingMessage } from 'node:http'

export interface RefusedBodyDrain {
  /** Body bytes read after the refusal before giving up and closing the connection. */
  maxBytes: number
  /** Time the client gets to finish sending, so a slow sender cannot hold the connection. */
  maxMs: number
}

/** Room for clients a little over the limit (the usual mistake) without reading a large upload. */
const DRAIN_LIMIT_MULTIPLE = 4
const DEFAULT_DRAIN_MS = 10_000

export function defaultRefusedBodyDrain(maxPayloadBytes: number): RefusedBodyDrain {
  return { maxBytes: DRAIN_LIMIT_MULTIPLE * maxPayloadBytes, maxMs: DEFAULT_DRAIN_MS }
}

/**
 * Resolves true once the body has ended, false as soon as it would pass a bound or the client went
 * away; either way the caller answers and closes the connection.
 */
export function discardRefusedBody(req: IncomingMessage, drain: RefusedBodyDrain): Promise<boolean> {
  // A body declared larger than the bound would be reset anyway: no use reading any of it.
  if (Number(req.headers['content-length']) > drain.maxBytes) return Promise.resolve(false)
  if (req.complete) return Promise.resolve(true)
  return new Promise((resolve) => {
    let read = 0
    const timer = setTimeout(() => finish(false), drain.maxMs)
    function onData(chunk: Buffer): void {
      read += chunk.length
      if (read > drain.maxBytes) finish(false)
    }
    function onEnd(): void {
      finish(true)
    }
    function onGone(): void {
      finish(false)
    }
    function finish(ended: boolean): void {
      clearTimeout(timer)
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('close', onGone)
      req.off('error', onGone)
      resolve(ended)
    }
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('close', onGone)
    req.on('error', onGone)
    req.resume()
  })
}
