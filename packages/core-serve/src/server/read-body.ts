// Reads a request body as UTF-8 text, refusing it with 413 as soon as it is known to pass the limit,
// and with 503 when the server already holds as many bodies as its memory budget allows.
import type { IncomingMessage } from 'node:http'
import type { BodyHold } from './body-budget'
import { HttpError } from './http-error'
import { MB } from './payload-limit'

/**
 * The declared length lets us refuse before reading a byte, and holds its share of the budget from the
 * start, so a new request is refused rather than one half read; chunked bodies are counted as they come.
 */
export function checkDeclaredLength(req: IncomingMessage, maxBytes: number, budget: BodyHold): void {
  const declared = req.headers['content-length']
  if (declared === undefined) return
  if (Number(declared) > maxBytes) throw tooLarge(maxBytes, `${declared} bytes`)
  budget.hold(Number(declared))
}

/** The caller checks the declared length first (checkDeclaredLength), before answering 100-continue. */
export function readBody(req: IncomingMessage, maxBytes: number, budget: BodyHold): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let received = 0
    function onData(chunk: Buffer): void {
      received += chunk.length
      try {
        if (received > maxBytes) throw tooLarge(maxBytes, `more than ${maxBytes} bytes`)
        budget.hold(received)
      } catch (error) {
        // Stop holding the body; the 413 or 503 reads and drops the rest within bounds, then closes
        // the connection.
        stop()
        chunks.length = 0
        reject(error)
        return
      }
      chunks.push(chunk)
    }
    function onEnd(): void {
      stop()
      const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, received)
      // A byte order mark stays: the codecs drop it, for files as for bodies.
      resolve(body.toString('utf8'))
    }
    function onClose(): void {
      stop()
      reject(new HttpError(400, 'the client closed the connection before sending the whole body'))
    }
    function stop(): void {
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('close', onClose)
      req.off('error', onClose)
    }
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('close', onClose)
    req.on('error', onClose)
  })
}

function tooLarge(maxBytes: number, size: string): HttpError {
  const megabytes = Math.round((maxBytes / MB) * 100) / 100
  const limit = megabytes > 0 ? `${maxBytes} bytes (${megabytes} MB)` : `${maxBytes} bytes`
  return new HttpError(
    413,
    `the request body (${size}) is over the limit of ${limit}; send fewer rows per request, or raise the limit with SAGEMAKER_MAX_PAYLOAD_IN_MB`,
  )
}
