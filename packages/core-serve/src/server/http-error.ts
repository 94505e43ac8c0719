// An error the HTTP layer raises itself (415, 406, 413, 503, ...), carrying the status it answers with
// and any header that goes with it (Retry-After on a 503).
import type { OutgoingHttpHeaders } from 'node:http'

export class HttpError extends Error {
  readonly status: number
  readonly headers: OutgoingHttpHeaders | undefined

  constructor(status: number, message: string, headers?: OutgoingHttpHeaders) {
    super(message)
    this.name = 'HttpError'
    this.status = status
    this.headers = headers
  }
}
