// A runner's answer body: the text a handler encoded, or its UTF-8 bytes once it crossed from a worker
// thread (see workers/worker-messages.ts), which the server writes to the socket as they are.

export type ResponseBody = string | Uint8Array

/** The body as text: what a caller that reads the answer (not the socket) wants. */
export function bodyText(body: ResponseBody): string {
  return typeof body === 'string'
    ? body
    : Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8')
}

/** Content-Length of the body as sent: its UTF-8 bytes. */
export function bodyByteLength(body: ResponseBody): number {
  return typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength
}
